"""The charts of an indicator's gaps and of each neighbourhood's figures, as standalone SVG documents.

A gap chart follows a target on a gap (model.series.TargetProgress): the gap in each period, the target
and the straight path to it, with whether the gap is narrowing or widening written at the top and in
the description. A neighbourhood chart, for the neighbourhood's page, draws its figures against the
headline and England (the comparator with the id ``england``, else the first), each line with its own
marker and its name at its end.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from strategy_site.model.documents import Indicator
from strategy_site.model.project import Project
from strategy_site.model.series import EACH_NEIGHBOURHOOD, EACH_RENEWAL_AREA, GapTrend, Series, SeriesKind, TargetProgress, group_names
from strategy_site.render.chart_axes import better_heading
from strategy_site.render.chart_marks import MAIN_STYLE, STYLES
from strategy_site.render.charts import in_sentence
from strategy_site.render.line_chart import Goal, Line, LineChart, line_chart
from strategy_site.words import listed, mid_sentence, number

ENGLAND = "england"

GAP_HEADINGS = {
    GapTrend.NARROWING: "The gap is narrowing",
    GapTrend.NO_CHANGE: "The gap has not changed",
    GapTrend.WIDENING: "The gap is widening",
    GapTrend.TOO_FEW_FIGURES: "Too few figures yet to tell how the gap is going",
}


def gap_subject(project: Project, progress: TargetProgress) -> str:
    """What the gap is measured for, in a sentence: "the renewal areas", or "the worst neighbourhood"."""
    each = progress.target.each
    if each == EACH_NEIGHBOURHOOD:
        return "the worst neighbourhood"
    if each == EACH_RENEWAL_AREA:
        return "the worst renewal area"
    if each:
        return f"the worst group by {mid_sentence(group_names(project).get(each, each))}"
    return in_sentence(progress.of[0].label)


def gap_measure(indicator: Indicator, progress: TargetProgress) -> str:
    """How the gap is measured, in words: "difference in years" ("in percentage points" between percentages), or
    "times the England figure"."""
    against = in_sentence(progress.against.label) if progress.against else ""
    if progress.measure == "ratio":
        return f"times the {against} figure"
    return f"difference in {'percentage points' if indicator.unit.startswith('%') else indicator.unit}"


def gap_title(project: Project, progress: TargetProgress) -> str:
    against = in_sentence(progress.against.label) if progress.against else ""
    return f"Gap between {gap_subject(project, progress)} and {against}"


def gap_alt_text(project: Project, indicator: Indicator, progress: TargetProgress) -> str:
    """What the gap chart shows, in a few short sentences."""
    parts = [
        f"Chart of the gap between {gap_subject(project, progress)} and "
        f"{in_sentence(progress.against.label) if progress.against else ''} in {indicator.title} "
        f"({gap_measure(indicator, progress)}), a smaller gap is better.",
        f"{GAP_HEADINGS[progress.narrowing]}.",
    ]
    if progress.latest:
        parts.append(f"Latest gap {number(progress.latest.value)} in {progress.latest.period}.")
    if progress.worst:
        parts.append(f"The worst then was {in_sentence(progress.worst.label)}.")
    target = progress.target
    parts.append(f"Target {number(target.value)} by {target.by}: {progress.status.value}.")
    return " ".join(parts)


def gap_chart(project: Project, indicator: Indicator, progress: TargetProgress) -> str:
    """A gap target's progress: the gap in each period, the target, and the straight path to it."""
    target, first = progress.target, progress.points[0] if progress.points else None
    goal = Goal(target.value, target.by.end, f"Target {number(target.value)} by {target.by}", first)
    return line_chart(LineChart(
        f"{gap_title(project, progress)}: {progress.narrowing.value}",
        gap_alt_text(project, indicator, progress),
        GAP_HEADINGS[progress.narrowing],
        gap_measure(indicator, progress),
        (Line("The gap", progress.points, MAIN_STYLE),),
        goal=goal,
        # The axis reaches no gap at all (a difference of 0, or 1 times the other figure): one that stopped at the
        # target would make a small narrowing look like most of the way to equality.
        reaches=1.0 if progress.measure == "ratio" else 0.0,
    ))


def neighbourhood_comparisons(series: Sequence[Series], neighbourhood: Series) -> list[Series]:
    """The series a neighbourhood's chart compares it with: the headline and England (the comparator with
    the id ``england``, else the first), those with figures."""
    comparators = [s for s in series if s.kind is SeriesKind.COMPARATOR]
    england = next((s for s in comparators if s.key == ENGLAND), comparators[0] if comparators else None)
    headline = next((s for s in series if s.kind is SeriesKind.HEADLINE), None)
    return [s for s in (headline, england) if s and s.points]


def neighbourhood_alt_text(indicator: Indicator, series: Sequence[Series], neighbourhood: Series) -> str:
    """What a neighbourhood's chart shows, in two sentences."""
    others = neighbourhood_comparisons(series, neighbourhood)
    against = f" against {listed([in_sentence(s.label) for s in others])}" if others else ""
    parts = [f"Chart of {indicator.title} ({neighbourhood.unit}) in {neighbourhood.label}{against}, {indicator.better} is better."]
    latest = [(s.label, s.points[-1]) for s in (neighbourhood, *others) if s.points]
    if latest and len({point.period.label for _, point in latest}) == 1:
        parts.append(f"In {latest[0][1].period}: {listed([f'{name} {number(point.value)}' for name, point in latest])}.")
    elif latest:
        parts.append(f"Latest figures: {listed([f'{name} {number(point.value)} in {point.period}' for name, point in latest])}.")
    return " ".join(parts)


def neighbourhood_chart(indicator: Indicator, series: Sequence[Series], neighbourhood: Series) -> str:
    """The neighbourhood's figures against the headline and England, from the indicator's ``series``."""
    others = neighbourhood_comparisons(series, neighbourhood)
    lines = [Line(neighbourhood.label, neighbourhood.points, MAIN_STYLE)] + [
        Line(s.label, s.points, dataclasses.replace(style, hollow=s.kind is SeriesKind.COMPARATOR))
        for s, style in zip(others, STYLES, strict=False)
    ]
    return line_chart(LineChart(
        f"{indicator.title} in {neighbourhood.label}",
        neighbourhood_alt_text(indicator, series, neighbourhood),
        better_heading(indicator.better),
        neighbourhood.unit,
        tuple(lines),
    ))
