"""Indicator charts drawn at build time as standalone SVG files.

The page shows the chart as an image with a text alternative and the same figures as a table, so nothing
depends on reading the chart. Lines differ by pattern and marker as well as colour (solid actuals, dashed
path to target, a diamond for the target), so the chart also reads in greyscale and print.

Beside the headline, the chart draws the indicator's comparators (the first two, such as England and the
region) and its chosen breakdown (``indicator.chart``: the areas by default, or a group's categories),
each with its own marker and dash pattern and its name at its end (render/line_chart.py). Six lines are
the most that stay readable: beyond that the marker shapes and dash patterns are too many to tell apart
and the names at the lines' ends crowd one another. So when the breakdown has more series than the room
left (seven neighbourhoods, or twenty), the chart draws the renewal areas together and the two series
with the worst and the best latest figures, which show the spread; every series is in the page's table,
and the neighbourhoods on its map. Every series is in the indicator's unit: check (SS432) stops the
build otherwise. An indicator with nothing to draw beside the headline gets the headline chart alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from strategy_site.model.documents import RENEWAL_AREAS, Breakdown, Indicator
from strategy_site.model.progress import IndicatorProgress
from strategy_site.model.series import Series, SeriesKind
from strategy_site.render.chart_axes import better_heading
from strategy_site.render.chart_marks import MAIN_STYLE, STYLES
from strategy_site.render.line_chart import Goal, Line, LineChart, line_chart
from strategy_site.words import listed, mid_sentence, number

MAX_LINES = 6  # beyond six, markers, dash patterns and names at the lines' ends are too many to tell apart
MAX_COMPARATORS = 2  # England and the region; more are in the table


@dataclass(frozen=True)
class Charted:
    """The series an indicator chart draws beside the headline."""

    comparators: list[Series]
    breakdown: list[Series]
    worst: Series | None  # when some of the breakdown is left out: its worst and best latest figures
    best: Series | None


def _badness(indicator: Indicator, series: Series) -> float:
    value = series.points[-1].value
    return value if indicator.better == "lower" else -value


def charted(indicator: Indicator, series: Sequence[Series]) -> Charted:
    """Which of the indicator's ``series`` (indicator_series) its chart draws beside the headline."""
    drawable = [s for s in series if s.points]
    comparators = [s for s in drawable if s.kind is SeriesKind.COMPARATOR][:MAX_COMPARATORS]
    chosen = indicator.chart or "area"
    breakdown = [
        s for s in drawable
        if (s.kind is SeriesKind.AREA and chosen == "area")
        or (s.kind is SeriesKind.GROUP and isinstance(s.part, Breakdown) and s.part.group == chosen)
    ]
    room = MAX_LINES - 1 - len(comparators)
    if len(breakdown) <= room:
        return Charted(comparators, breakdown, None, None)
    ranked = sorted((s for s in breakdown if s.key != RENEWAL_AREAS), key=lambda s: _badness(indicator, s))
    best, worst = ranked[0], ranked[-1]
    kept = [s for s in breakdown if s.key == RENEWAL_AREAS or s is worst or s is best]
    return Charted(comparators, kept, worst, best)


def line_name(series: Series) -> str:
    """A series' name on the chart: a group's category alone ("female"), which the alt text puts in its group."""
    return series.part.category if isinstance(series.part, Breakdown) and series.part.category else series.label


def group_name(series: Series) -> str:
    """The group's name, which indicator_series writes before the category in the label ("Sex: female")."""
    return series.label.removesuffix(f": {line_name(series)}")


def in_sentence(name: str) -> str:
    """A series' name inside a sentence: "the renewal areas", not "The renewal areas"."""
    return "the" + name[3:] if name.startswith("The ") else name


def alt_text(progress: IndicatorProgress, series: Sequence[Series] = ()) -> str:
    """What the chart shows, in a few short sentences, for screen readers and when images are off; with the
    indicator's ``series``, what it shows beside the headline too."""
    indicator = progress.indicator
    parts = [f"Chart of {indicator.title} ({indicator.unit}), {indicator.better} is better."]
    if progress.baseline:
        parts.append(f"Baseline {number(progress.baseline.value)} in {progress.baseline.period}.")
    if progress.latest:
        parts.append(f"Latest {number(progress.latest.value)} in {progress.latest.period}, {progress.trend.value}.")
    if progress.target:
        parts.append(f"Target {number(progress.target.value)} by {progress.target.by}: {progress.target_status.value}.")
    drawn = charted(indicator, series)
    shown = [f"{listed([in_sentence(s.label) for s in drawn.comparators])} for comparison"] if drawn.comparators else []
    if drawn.breakdown:
        names = listed([in_sentence(line_name(s)) for s in drawn.breakdown])
        first = drawn.breakdown[0]
        shown.append(f"figures by {mid_sentence(group_name(first))} for {names}" if first.kind is SeriesKind.GROUP else names)
    if shown:
        parts.append(f"It also shows {', and '.join(shown)}.")
    if drawn.worst and drawn.best:
        worst, best = line_name(drawn.worst), in_sentence(line_name(drawn.best))
        parts.append(f"{worst} has the worst latest figure and {best} the best; the table has them all.")
    return " ".join(parts)


def indicator_chart(progress: IndicatorProgress, series: Sequence[Series] = ()) -> str:
    """The indicator's baseline, actual figures, target and straight path to it, and, from its ``series``
    (indicator_series), the comparators and breakdown it charts, as an SVG document."""
    indicator = progress.indicator
    drawn = charted(indicator, series)
    others = [*drawn.comparators, *drawn.breakdown]
    headline = next((s.label for s in series if s.kind is SeriesKind.HEADLINE), "Actual") if others else "Actual"
    lines = [Line(headline, progress.figures, MAIN_STYLE)] + [
        Line(line_name(s), s.points, dataclasses.replace(style, hollow=s.kind is SeriesKind.COMPARATOR))
        for s, style in zip(others, STYLES, strict=False)
    ]
    target = progress.target
    goal = Goal(target.value, target.by.end, f"Target {number(target.value)} by {target.by}", progress.baseline) if target else None
    return line_chart(LineChart(
        indicator.title, alt_text(progress, series), better_heading(indicator.better), indicator.unit,
        tuple(lines), progress.baseline, goal,
    ))
