"""`strategy-site traceability`: the traceability of the rules and measures to the sources, as Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

from strategy_site.commands.common import EXIT_OK
from strategy_site.traceability import load_traceability
from strategy_site.traceability_page import traceability_markdown


def run(tests: Path) -> int:
    sys.stdout.write(traceability_markdown(load_traceability(), tests))
    return EXIT_OK
