"""An indicator's figures must tell one story."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.model.documents import IndicatorValue, Observation
from strategy_site.model.series import SeriesKind, indicator_series

CONFLICTING_FIGURES = Rule(
    "SS409",
    "conflicting-figures",
    Severity.ERROR,
    what="An indicator has two different figures for the same period in one of its series (the headline, a breakdown "
    "or a comparator): twice in its file, or in its file and a progress update, or in two progress updates.",
    why="The chart and table on the site can show only one figure per period, and a reader cannot tell "
    "which is right. Revised figures should replace the old one, with a note saying why.",
    example="# indicators/burglary-rate.yml\nvalues:\n  - period: 2024/25\n    value: 18.9\n"
    "# progress/2026-11-10-quarter-2.md\nindicators:\n  - indicator: burglary-rate\n    period: 2024/25\n    value: 19.4",
    instead="Correct the figure in the indicator file and add a note: 'revised by the police in November 2026'. "
    "Remove the repeated figure from the progress update.",
)


@check
def conflicting_figures(context: Context) -> Iterator[Finding]:
    project = context.project
    for indicator in project.indicators:
        for series in indicator_series(project, indicator):
            named = "" if series.kind is SeriesKind.HEADLINE else f" for {series.label}"
            first: dict[str, Observation | IndicatorValue] = {}
            for figure in project.all_figures(indicator, series.key):
                earlier = first.setdefault(figure.period.label, figure)
                if earlier is not figure and earlier.value != figure.value:
                    yield CONFLICTING_FIGURES.at(
                        figure.where("value"),
                        f"indicator {indicator.id} already has the figure {earlier.value:g} for {figure.period}{named} "
                        f"({_place(earlier.where('value'), figure.where('value'))}); this says {figure.value:g}",
                        "keep one figure per period: correct it in the indicator file and explain the revision in a note",
                    )


def _place(earlier: Location, here: Location) -> str:
    line = f"line {earlier.position.line}"
    return line if earlier.path == here.path else f"{earlier.path}, {line}"
