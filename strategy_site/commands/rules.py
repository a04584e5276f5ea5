"""`strategy-site rules`: the rule catalogue as Markdown."""

from __future__ import annotations

import sys

from strategy_site.catalogue import catalogue_markdown
from strategy_site.commands.common import EXIT_OK


def run() -> int:
    sys.stdout.write(catalogue_markdown())
    return EXIT_OK
