"""Officers' text, made safe for each format the site, the reports and the terminal output write.

Checking reports control characters in the sources, but the writers do not rely on that:
whatever text reaches them, the XML they write parses and the CSV they write never runs as a
spreadsheet formula. The site (render/) and the reports (report/) both write through these.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from strategy_site.characters import CONTROL

# Everything outside XML 1.0's Char production (section 2.2): C0 controls other than tab, line
# feed and carriage return, lone surrogates, U+FFFE and U+FFFF. No parser accepts them, escaped or not.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# One pass, so that no reference is escaped twice. White space is written as references because parsers turn a
# raw carriage return into a line feed, and in attribute values every tab and line feed into a space.
_XML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
_XML_SPECIAL = re.compile("[&<>\"'\t\n\r]")

# OWASP's list for CSV injection: a cell starting with one of these may run as a formula in a
# spreadsheet. Full-width forms count, as some spreadsheets read them as the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def xml_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold, for writers (ElementTree) that escape it themselves."""
    return _NOT_XML.sub("", text)


def xml_escape(text: str) -> str:
    """``text`` ready to write between XML tags or inside a quoted attribute value (either quote); a parser
    reads back exactly ``xml_chars(text)``."""
    return _XML_SPECIAL.sub(lambda match: _XML_ENTITIES[match.group()], xml_chars(text))


def spreadsheet_text(text: str) -> str:
    """A text cell that spreadsheets show as text: one that could start a formula gets an apostrophe in front."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: object) -> object:
    if value is None:
        return ""
    return spreadsheet_text(value) if isinstance(value, str) else value  # numbers stay numbers: -2.5 is data


def csv_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An RFC 4180 CSV file: every text cell through ``spreadsheet_text``, numbers as they are, None empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()


_UNPRINTABLE = re.compile(CONTROL.pattern[:-1] + "\t\n\r]")


def printable(text: str) -> str:
    """``text`` on one line with every control character shown as \\u001b, so printing it cannot rewrite
    a terminal or forge a line of a CI log."""
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)

