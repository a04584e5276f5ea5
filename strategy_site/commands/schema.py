"""`strategy-site schema`: a JSON Schema for each kind of document, for editors."""

from __future__ import annotations

from pathlib import Path

from strategy_site.commands.common import EXIT_OK
from strategy_site.model.schema import write_schemas


def run(out: Path) -> int:
    for written in write_schemas(out):
        print(written)
    return EXIT_OK
