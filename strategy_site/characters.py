"""Characters that have no place in a strategy document.

Control characters (ESC, NUL, the C1 range...) cannot be written in XML, break the feed and the
charts, and can rewrite a terminal or a CI log that prints them. Direction overrides (U+202A to
U+202E, U+2066 to U+2069) can make text read differently from what it is ("Trojan Source").
Tab, line feed and carriage return are ordinary white space.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")


def describe(character: str) -> str:
    """A control character as officers can search for it: 'U+001B'."""
    return f"U+{ord(character):04X}"
