"""An indicator's figures must tell one story."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.model.documents import IndicatorValue, Observation
from strategy_site.model.series import SeriesKind, indicator_series
from strategy_site.words import plural

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

SHORTER_PERIOD = Rule(
    "SS445",
    "figure-shorter-than-frequency",
    Severity.ERROR,
    what="A figure is for a period shorter than the indicator's frequency: a month or a quarter of an indicator "
    "reported annual, or a month of one reported quarterly.",
    why="The site charts an indicator's figures period after period, and says whether it is improving by comparing "
    "the latest with the one before. A month's figure among years would be drawn and judged as if it were a "
    "year's: figures must be alike before they can be compared (evaluation para 3.4).",
    example="# indicators/burglary-rate.yml says frequency: annual\nindicators:\n  - indicator: burglary-rate\n"
    "    period: 2025-09\n    value: 0.9",
    instead="Give the figure for the whole period once it is known (period: 2025/26), or make the indicator's "
    "frequency the one it is really reported at.",
)
# The fewest days a figure's period may cover, by the indicator's frequency: a financial or academic year has
# 365 or 366, a quarter 90 to 92, a month 28 to 31. A longer period (three years pooled) is fine.
SHORTEST_DAYS = {"monthly": 28, "quarterly": 89, "annual": 365, "every two years": 365}
WHOLE = {"monthly": "month", "quarterly": "quarter", "annual": "year", "every two years": "year or more"}


@check
def figures_of_the_indicators_frequency(context: Context) -> Iterator[Finding]:
    project = context.project
    for indicator in project.indicators:
        shortest = SHORTEST_DAYS.get(indicator.frequency)
        if shortest is None:
            continue
        for series in indicator_series(project, indicator):
            named = "" if series.kind is SeriesKind.HEADLINE else f" for {series.label}"
            for figure in project.all_figures(indicator, series.key):
                days = (figure.period.end - figure.period.start).days + 1
                if days < shortest:
                    yield SHORTER_PERIOD.at(
                        figure.where("period"),
                        f"the figure{named} for {figure.period} covers {plural(days, 'day')}, but {indicator.id} is reported "
                        f"{indicator.frequency}, so it would be charted and compared as if it covered a whole period",
                        f"give the figure for a whole {WHOLE[indicator.frequency]} once it is known, or change the "
                        f"indicator's frequency",
                    )


def _place(earlier: Location, here: Location) -> str:
    line = f"line {earlier.position.line}"
    return line if earlier.path == here.path else f"{earlier.path}, {line}"
