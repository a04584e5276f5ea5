"""An indicator's figures must tell one story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.model.documents import IndicatorValue, Observation
from strategy_site.model.fields import Period
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

MIXED_PERIODS = Rule(
    "SS445",
    "mixed-period-lengths",
    Severity.ERROR,
    what="One series of an indicator's figures mixes periods of different lengths: a month among financial years, "
    "say, or a quarter among months.",
    why="The site charts a series' figures period after period, and says whether it is improving by comparing the "
    "latest with the one before. A month's figure among years would be drawn and judged as if it were a year's: "
    "figures must be alike before they can be compared (evaluation para 3.4). A figure taken in the same month "
    "each year (a count every October) is a series of months, and fine.",
    example="values:\n  - period: 2024/25\n    value: 18.9\n# progress/2026-11-10-quarter-2.md\nindicators:\n"
    "  - indicator: burglary-rate\n    period: 2025-09\n    value: 1.6",
    instead="Give the figure for the whole year once it is known (period: 2025/26), or keep monthly figures in an "
    "indicator of their own.",
)


def _length(period: Period) -> str:
    """How long a period is, in words, as far as comparing figures goes: a day, a month, a quarter, a year..."""
    days = (period.end - period.start).days + 1
    months = round(days / 30.44)
    if days < 28 or months == 0:
        return plural(days, "day")
    return {1: "a month", 3: "a quarter", 6: "half a year", 12: "a year"}.get(months) or (
        plural(months // 12, "year") if months % 12 == 0 else plural(months, "month"))


@check
def periods_of_one_length(context: Context) -> Iterator[Finding]:
    project = context.project
    for indicator in project.indicators:
        for series in indicator_series(project, indicator):
            figures = project.figures(indicator, series.key)
            lengths = [_length(figure.period) for figure in figures]
            if len(set(lengths)) < 2:
                continue
            usual = Counter(lengths).most_common(1)[0][0]  # the first figure's, where two lengths are as common
            named = "" if series.kind is SeriesKind.HEADLINE else f" for {series.label}"
            for figure, length in zip(figures, lengths, strict=True):
                if length != usual:
                    yield MIXED_PERIODS.at(
                        figure.where("period"),
                        f"the figure{named} for {figure.period} covers {length}, but the other figures of {indicator.id}{named} "
                        f"cover {usual} each, so it would be charted and compared as if it covered {usual}",
                        f"give the figure for a period of {usual}, or keep figures of {length} in an indicator of their own",
                    )


def _place(earlier: Location, here: Location) -> str:
    line = f"line {earlier.position.line}"
    return line if earlier.path == here.path else f"{earlier.path}, {line}"
