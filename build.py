#!/usr/bin/env python3
"""Check the strategy documents in strategy_src/, then build the public site into site/.

Usage: python build.py [--today YYYY-MM-DD] [--site-dir DIR] [--quiet]
"""

import sys

try:
    from strategy_site.site.build import main
except ModuleNotFoundError as missing:
    sys.exit(
        f"build.py: {missing.name} is not installed. Set up first: "
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]', then run .venv/bin/python build.py"
    )

if __name__ == "__main__":
    sys.exit(main())
