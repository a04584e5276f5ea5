import sys

from strategy_site.cli import main

sys.exit(main())
