"""`strategy-site serve`: preview the site, rebuilt and reloaded in the browser on every change.

MkDocs' development server does the serving; the plugin makes it watch the page
templates and the theme as well as the sources in strategy_src/.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.exceptions import MkDocsException


def serve(config: Path, address: str) -> int:
    """Serve until interrupted; 0 when stopped, 2 when the server cannot start."""
    if not config.is_file():
        print(f"strategy-site serve: there is no configuration file '{config}'. Run it from the project folder.")
        return 2
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.INFO)
    try:
        # Not strict: while an officer edits, a broken link should be reported, not stop the preview.
        mkdocs_serve(config_file=str(config), dev_addr=address, livereload=True, strict=False)
    except MkDocsException as error:
        print(f"strategy-site serve: the preview could not start: {error}")
        return 2
    except OSError as error:  # most often: the address is in use
        print(f"strategy-site serve: cannot listen on {address}: {error.strerror}. Choose another with --dev-addr.")
        return 2
    return 0
