"""The small pieces of HTML every page repeats, written in Python because pages use them thousands of times.

The page templates' macros module (templates/content/_macros.html.j2) exports these under the same
names as its own macros, so a template calls ``m.tag(...)`` either way; a Jinja macro call costs about
ten times a Python call, and at twenty times the demo's size these run half a million times. Each
escapes what it is given, as autoescaping templates do: only Markup passes through unescaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

from strategy_site.words import long_date

TAG_COLOURS = {
    "complete": "green", "on track": "blue", "at risk": "yellow", "off track": "red", "not started": "grey", "dropped": "grey",
    "improving": "green", "no change": "grey", "worsening": "red", "not enough figures yet": "grey",
    "target met": "green", "on track for the target": "blue", "off track for the target": "orange",
    "target missed": "red", "no target set": "grey", "no figures yet": "grey",
}
STACK_FROM = 3  # columns; narrower tables fit a phone as they are


def tag(status: str) -> Markup:
    """A status in words, in a coloured tag (the colour only repeats what the words say)."""
    return Markup(f'<strong class="govuk-tag govuk-tag--{TAG_COLOURS.get(status, "grey")}">{escape(str(status).capitalize())}</strong>')


def when(day: dt.date | None) -> Markup:
    return Markup(f'<time datetime="{day.isoformat()}">{long_date(day)}</time>') if day else Markup("")


def row(names: Sequence[str], cells: Sequence[Any]) -> Markup:
    """A table row. In a table of three columns or more each cell carries its column's name, which narrow
    screens show when the stylesheet turns rows into cards."""
    labelled = len(names) >= STACK_FROM
    out = ['<tr class="govuk-table__row" role="row">\n']
    for index, cell in enumerate(cells):
        label = f' data-label="{escape(names[index])}"' if labelled and index < len(names) and names[index] else ""
        out.append(f'<td class="govuk-table__cell"{label} role="cell">{escape(cell)}</td>\n')
    out.append("</tr>")
    return Markup("".join(out))


def linker(link: Callable[..., str]) -> Callable[..., Markup]:
    """``a(words, target, anchor="")``: a link to a page or file of the site, from the page ``link`` is for."""
    def a(words: Any, target: Any, anchor: str = "") -> Markup:
        return Markup(f'<a class="govuk-link" href="{escape(link(target, anchor))}">{escape(words)}</a>')
    return a
