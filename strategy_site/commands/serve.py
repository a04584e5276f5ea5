"""`strategy-site serve`: a live preview of the site, rebuilt and reloaded on every change."""

from __future__ import annotations

from pathlib import Path

from strategy_site.site.serve import serve


def run(config: Path, address: str) -> int:
    return serve(config, address)
