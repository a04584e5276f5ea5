"""`strategy-site build` (and `python build.py`): check the documents, then build the public site."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import time
from pathlib import Path

from strategy_site.check import check_project
from strategy_site.commands.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, sources_by_path
from strategy_site.findings import Severity
from strategy_site.output.text import format_text
from strategy_site.site.build import SiteNotBuilt, build_site, site_config


def run(project_dir: Path = Path("."), config: Path | None = None, site_dir: Path | None = None,
        today: dt.date | None = None, quiet: bool = False) -> int:
    """Check the partnership in ``project_dir`` (its mkdocs.yml names the source folder) and build its site."""
    config_file = config or project_dir / "mkdocs.yml"
    if not config_file.is_file():
        print(f"strategy-site build: there is no configuration file '{config_file}'. Give the folder that holds "
              "mkdocs.yml (the partnership's repository), or start one with strategy-site init.", file=sys.stderr)
        return EXIT_UNUSABLE
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.WARNING if quiet else logging.INFO)
    started = time.perf_counter()
    try:
        site = site_config(config_file)
        project, findings, seconds = check_project(Path(site.docs_dir), today)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if findings:  # warnings are problems too: --quiet leaves out only the progress lines
            sys.stdout.write(format_text(findings, sources_by_path(project), project.files_seen, seconds))
        if errors:
            print("The site was not built: fix the errors above. The previous site is unchanged.", file=sys.stderr)
            return EXIT_FINDINGS
        built = build_site(site, project, findings, site_dir=site_dir, today=today)
    except SiteNotBuilt as problem:
        print(f"The site was not built: {problem}. The previous site is unchanged.", file=sys.stderr)
        return EXIT_FINDINGS
    except OSError as error:  # a read-only folder, a full disk, a file name too long
        print(f"The site was not built: cannot write {error.filename or site_dir or 'the site'}: {error.strerror or error}. "
              "The previous site is unchanged.", file=sys.stderr)
        return EXIT_UNUSABLE
    if not quiet:
        print(f"Built the site in {built} in {time.perf_counter() - started:.2f} s.")
    return EXIT_OK
