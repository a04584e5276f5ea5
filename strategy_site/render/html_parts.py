"""The small pieces of HTML every page repeats, written in Python because pages use them thousands of times.

The page templates' macros module (templates/content/_macros.html.j2) exports these under the same
names as its own macros, so a template calls ``m.tag(...)`` either way; a Jinja macro call costs about
ten times a Python call, and at twenty times the demo's size these run half a million times. Each
escapes what it is given, as autoescaping templates do: only Markup passes through unescaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from strategy_site.model.documents import Action, Indicator
from strategy_site.model.progress import IndicatorProgress
from strategy_site.model.project import Project
from strategy_site.model.series import TargetProgress
from strategy_site.words import long_date, number

TAG_COLOURS = {
    "complete": "green", "on track": "blue", "at risk": "yellow", "off track": "red", "not started": "grey", "dropped": "grey",
    "improving": "green", "no change": "grey", "worsening": "red", "not enough figures yet": "grey",
    "target met": "green", "on track for the target": "blue", "off track for the target": "orange",
    "target missed": "red", "no target set": "grey", "no figures yet": "grey",
    "narrowing": "green", "widening": "red",
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


def table(names: Sequence[str], rows: Iterable[Markup], kind: str = "") -> Markup:
    """A GOV.UK table of ``rows`` (made by row()) under a header of ``names``, with the class ``kind`` if given.
    The roles keep the table's meaning for screen readers when narrow screens show each row as a card."""
    stack = " app-table--stack" if len(names) >= STACK_FROM else ""
    stack += f" {kind}" if kind else ""
    header = "".join(f'<th class="govuk-table__header" role="columnheader" scope="col">{escape(name)}</th>\n' for name in names)
    return Markup(
        f'<table class="govuk-table{stack}" role="table">\n<thead class="govuk-table__head" role="rowgroup">\n'
        f'<tr class="govuk-table__row" role="row">\n{header}</tr>\n</thead>\n<tbody class="govuk-table__body" role="rowgroup">\n'
        + "\n".join(rows) + "\n</tbody>\n</table>"
    )


NO_FIGURE = Markup('<span aria-hidden="true">–</span><span class="govuk-visually-hidden">no figure</span>')


def figures_table(id_: str, caption: str, corner: str, columns: Sequence[str],
                  sections: Sequence[tuple[str, Sequence[tuple[Any, Sequence[Any]]]]]) -> Markup:
    """A table of figures headed by its columns and by each row (th scope), so a screen reader names both for
    every cell. ``sections`` are (heading, rows), each row (its header, its cells); a section's heading ("" for
    none) heads its rows across the table. A cell of None has no figure. On a narrow screen the table scrolls
    inside a region of its own, which the keyboard can reach; the caption names both and stays above the region,
    where it wraps to the screen's width (a <caption> would be as wide as the table, and scroll away)."""
    width, named_by = len(columns) + 1, f"{escape(id_)}-caption"
    out = [f'<p class="govuk-body app-table-caption" id="{named_by}">{escape(caption)}</p>\n'
           f'<div class="app-table-scroll" role="region" aria-labelledby="{named_by}" tabindex="0">\n'
           f'<table class="govuk-table app-table--figures" id="{escape(id_)}" aria-labelledby="{named_by}">\n'
           '<thead class="govuk-table__head">\n<tr class="govuk-table__row">\n'
           f'<th class="govuk-table__header" scope="col">{escape(corner)}</th>\n']
    out.extend(f'<th class="govuk-table__header govuk-table__header--numeric" scope="col">{escape(column)}</th>\n' for column in columns)
    out.append("</tr>\n</thead>\n")
    for heading, rows in sections:
        out.append('<tbody class="govuk-table__body">\n')
        if heading:
            out.append(f'<tr class="govuk-table__row"><th class="govuk-table__header app-table__section" scope="rowgroup" '
                       f'colspan="{width}">{escape(heading)}</th></tr>\n')
        for header, cells in rows:
            out.append(f'<tr class="govuk-table__row">\n<th class="govuk-table__header" scope="row">{escape(header)}</th>\n')
            out.extend(f'<td class="govuk-table__cell govuk-table__cell--numeric">{NO_FIGURE if cell is None else escape(cell)}</td>\n'
                       for cell in cells)
            out.append("</tr>\n")
        out.append("</tbody>\n")
    out.append("</table>\n</div>")
    return Markup("".join(out))


ACTION_COLUMNS = ("Action", "Theme", "Lead partner", "Status", "Due")
INDICATOR_COLUMNS = ("Indicator", "Latest figure", "Target", "Trend", "Against the target")


def actions_table(project: Project, a: Callable[..., Markup]) -> Callable[[Sequence[Action]], Markup]:
    """``actions_table(actions)``: who leads each action, its theme, status and due date, in a table readers can
    filter and sort (app.js enhances every .app-filter-table). ``a`` makes links from the page it is on."""
    def render(actions: Sequence[Action]) -> Markup:
        rows = []
        for action in actions:
            theme = project.theme_of_priority.get(action.priority) if action.priority else None
            lead = project.partner_by_id.get(action.lead) if action.lead else None
            rows.append(row(ACTION_COLUMNS, [
                a(f"{action.id}: {action.title}", action),
                theme.name if theme else "not linked",
                lead.name if lead else "none named",
                tag(project.latest_status(action)),
                when(action.due) if action.due else "no date",
            ]))
        return Markup('<div class="app-filter-table">\n') + table(ACTION_COLUMNS, rows) + Markup("\n</div>")
    return render


def gap_tags(gaps: Sequence[tuple[str, TargetProgress]]) -> Markup:
    """Whether each gap with a target is narrowing, named ("The renewal areas against Ravensholt"), one a line."""
    return Markup("").join(Markup("<br>{}: {}").format(name, tag(progress.narrowing.value)) for name, progress in gaps)


def indicators_table(
    project: Project, progress: Mapping[str, IndicatorProgress], a: Callable[..., Markup],
    gaps: Callable[[Indicator], Sequence[tuple[str, TargetProgress]]] | None = None,
) -> Callable[[Iterable[str]], Markup]:
    """``indicators_table(ids)``: each indicator's latest figure, target, trend and progress against the target,
    with, given ``gaps`` (each gap target of an indicator, named), whether each gap is narrowing."""
    def render(ids: Iterable[str]) -> Markup:
        rows = []
        for id_ in ids:
            if id_ not in progress:
                continue
            item, indicator = progress[id_], project.indicator_by_id.get(id_)
            latest, target = item.latest, item.target
            rows.append(row(INDICATOR_COLUMNS, [
                a(indicator.title, indicator) if indicator else id_,
                f"{number(latest.value)} ({latest.period})" if latest else "none yet",
                f"{number(target.value)} by {target.by}" if target else "none set",
                tag(item.trend.value),
                tag(item.target_status.value) + (gap_tags(gaps(indicator)) if gaps and indicator else ""),
            ]))
        return table(INDICATOR_COLUMNS, rows, "app-table--indicators")
    return render
