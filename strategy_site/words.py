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


# A message names at most this many things from a list: officers' lists can be of any length, and a sentence
# naming two thousand categories is no help.
MOST_LISTED = 12


def listed(words: Sequence[str], conjunction: str = "and") -> str:
    """public, private and voluntary; with ``conjunction`` "or": public, private or voluntary. A list longer than
    MOST_LISTED is cut, with how many more there are: "a, b, ... or 1,988 others"."""
    if len(words) > MOST_LISTED:
        shown = MOST_LISTED - 1
        return f"{', '.join(words[:shown])} {conjunction} {len(words) - shown:,} others"
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}" if len(words) > 1 else "".join(words)


def mid_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "Housing tenure" becomes "housing tenure", while a word in capitals, an
    acronym, keeps them ("LGBT+ identity", "Free school meals (FSM)" becomes "free school meals (FSM)")."""
    return " ".join(word.lower() if word[1:] == word[1:].lower() else word for word in name.split(" "))


# A finding quotes the start of an officer's text, never a whole file pasted into a field: a wrong value by its
# first 60 characters, a title (which officers know by its words, and which may well be long) by its first 120.
QUOTE_LENGTH = 60
TITLE_LENGTH = 120


def quoted(text: str, limit: int = QUOTE_LENGTH) -> str:
    """``text`` in double quotes, cut to its first ``limit`` characters (with "...") so a message stays readable."""
    return f'"{text[:limit]}..."' if len(text) > limit else f'"{text}"'


def quoted_title(title: str) -> str:
    return quoted(title, TITLE_LENGTH)
