#!/usr/bin/env python3
"""Check the strategy documents in strategy_src/, then build the public site into site/.

This repository's entry point: the same as `strategy-site build`.
Usage: python build.py [--today YYYY-MM-DD] [--site-dir DIR] [--config FILE] [--quiet]
"""

import sys

try:
    from strategy_site.cli import main
except ModuleNotFoundError as missing:
    sys.exit(
        f"build.py: {missing.name} is not installed. Set up first: "
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]', then run .venv/bin/python build.py"
    )

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
