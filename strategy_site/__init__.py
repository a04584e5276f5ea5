"""strategy-site: a Local Strategic Partnership's strategy as checked data and a public website."""

__version__ = "0.1.0"
