"""How figures and dates are written for readers, the same on the site and in reports."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence


def number(value: float) -> str:
    """A figure as people write it: 12, 12.5, 1,250, 0.004; never 12.0, 1e3 or 4e-03."""
    if value == int(value):
        return f"{int(value):,}"
    # Two decimal places, or two significant digits for a figure smaller than 0.01 (up to ten places).
    places = min(max(2, 1 - math.floor(math.log10(abs(value)))), 10)
    return f"{value:,.{places}f}".rstrip("0").rstrip(".")


def long_date(day: dt.date | None) -> str:
    """23 November 2026."""
    return f"{day.day} {day:%B %Y}" if day else ""


def plural(count: int, word: str, many: str | None = None) -> str:
    """1 action, 2 actions; ``many`` for irregular plurals."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def listed(words: Sequence[str], conjunction: str = "and") -> str:
    """public, private and voluntary; with ``conjunction`` "or": public, private or voluntary."""
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}" if len(words) > 1 else "".join(words)
