"""An indicator's series (its headline, its breakdowns by area and group, its comparators) and the
progress of the targets set on a series or on the gap between two.

A series is named in targets and progress updates by its key: ``headline``, a neighbourhood's id,
``renewal-areas``, a group and category such as ``sex/female``, or a comparator's id. The site, the
report, the checks and the open data all take the series and their judgements from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from strategy_site.model.documents import HEADLINE, RENEWAL_AREAS, Breakdown, Comparator, Direction, Indicator, Target
from strategy_site.model.progress import (
    NO_CHANGE_SHARE,
    Point,
    TargetStatus,
    Trend,
    expected_value,
    is_headline_target,
    target_status,
    trend,
)
from strategy_site.model.project import Project

# The groups every partnership can break figures down by; partnership.yml can declare more.
BUILT_IN_GROUPS = {"sex": "Sex", "age": "Age band", "ethnicity": "Ethnicity", "disability": "Disability"}
# The sets a target's `each` can name besides a group.
EACH_NEIGHBOURHOOD = "neighbourhood"
EACH_RENEWAL_AREA = "renewal-area"


class SeriesKind(Enum):
    HEADLINE = "headline"
    AREA = "area"
    GROUP = "group"
    COMPARATOR = "comparator"


@dataclass(frozen=True)
class Series:
    key: str
    kind: SeriesKind
    label: str  # as residents read it: "Ravensholt", "Northgate", "The renewal areas", "Sex: female", "England"
    unit: str
    source: str
    points: tuple[Point, ...]  # oldest first, one per period
    part: Indicator | Breakdown | Comparator  # where it is written, for locations

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    def at(self, period: str) -> Point | None:
        return next((point for point in self.points if point.period.label == period), None)


def group_names(project: Project) -> dict[str, str]:
    """Every group figures can be broken down by, id to name: the built-in ones and partnership.yml's."""
    declared = {group.id: group.name for group in project.partnership.groups} if project.partnership else {}
    return BUILT_IN_GROUPS | declared


def area_label(project: Project, area: str) -> str | None:
    """The name of an area a breakdown can name, or None for an unknown one."""
    if area == RENEWAL_AREAS:
        return "The renewal areas"
    neighbourhood = project.neighbourhood_by_id.get(area)
    return neighbourhood.name if neighbourhood else None


def headline_label(project: Project) -> str:
    return project.partnership.area if project.partnership else "The whole area"


def _points(project: Project, indicator: Indicator, key: str) -> tuple[Point, ...]:
    return tuple(Point(figure.period, figure.value) for figure in project.figures(indicator, key))


def indicator_series(project: Project, indicator: Indicator) -> list[Series]:
    """The indicator's series: the headline, then its breakdowns and comparators in the order written.
    A breakdown that names an unknown area or group, or no series at all, is left out (check reports it)."""
    groups = group_names(project)
    result = [Series(HEADLINE, SeriesKind.HEADLINE, headline_label(project), indicator.unit, indicator.source,
                     _points(project, indicator, HEADLINE), indicator)]
    seen = {HEADLINE}
    for breakdown in indicator.breakdowns:
        key = breakdown.key
        if key is None or key in seen:
            continue
        if breakdown.area is not None:
            label, kind = area_label(project, breakdown.area), SeriesKind.AREA
        else:
            group = groups.get(breakdown.group or "")
            label, kind = (f"{group}: {breakdown.category}" if group else None), SeriesKind.GROUP
        if label is None:
            continue
        seen.add(key)
        result.append(Series(key, kind, label, breakdown.unit or indicator.unit, breakdown.source or indicator.source,
                             _points(project, indicator, key), breakdown))
    for comparator in indicator.comparators:
        if comparator.id in seen:
            continue
        seen.add(comparator.id)
        result.append(Series(comparator.id, SeriesKind.COMPARATOR, comparator.name, comparator.unit or indicator.unit,
                             comparator.source, _points(project, indicator, comparator.id), comparator))
    return result


def each_members(project: Project, series: list[Series], each: str) -> list[Series]:
    """The series a target's ``each`` names: every neighbourhood, every renewal area, or every category of a group."""
    if each == EACH_NEIGHBOURHOOD:
        return [s for s in series if s.kind is SeriesKind.AREA and s.key in project.neighbourhood_by_id]
    if each == EACH_RENEWAL_AREA:
        return [s for s in series if s.kind is SeriesKind.AREA and (n := project.neighbourhood_by_id.get(s.key)) and n.renewal_area]
    return [s for s in series if s.kind is SeriesKind.GROUP and isinstance(s.part, Breakdown) and s.part.group == each]


# --- gaps ------------------------------------------------------------------------------------------


class GapTrend(Enum):
    NARROWING = "narrowing"
    NO_CHANGE = "no change"
    WIDENING = "widening"
    TOO_FEW_FIGURES = "not enough figures yet"


# A gap is how far one series is behind another, so that smaller is better for every gap, whichever way
# the indicator's figures are better: officers write "a gap of no more than 5.8 years" or "no more than
# three times the England rate" as 5.8 and 3, never as -5.8 or a third.
GAP_BETTER: Direction = "lower"


def gap(better: Direction, measure: str, of: float, against: float) -> float | None:
    """How far ``of`` is behind ``against``: the difference the wrong way (negative when it is ahead), or
    how many times worse (below 1 when it is better); None for a ratio to nothing."""
    behind, ahead = (of, against) if better == "lower" else (against, of)
    if measure == "ratio":
        return behind / ahead if ahead else None
    return behind - ahead


def gap_trend(measure: str, latest: Point | None, previous: Point | None) -> GapTrend:
    """Narrowing when the gap has shrunk by more than 1% of its size (of its distance from 1 for a ratio)."""
    if latest is None or previous is None:
        return GapTrend.TOO_FEW_FIGURES
    none = 1.0 if measure == "ratio" else 0.0  # the value of no gap at all
    if abs(latest.value - previous.value) <= NO_CHANGE_SHARE * abs(previous.value - none):
        return GapTrend.NO_CHANGE
    return GapTrend.NARROWING if latest.value < previous.value else GapTrend.WIDENING


@dataclass(frozen=True)
class TargetProgress:
    """A target set on a series, on a gap, or on each of a set of series, and how it stands.

    ``points`` are what is judged, one per period: the series' figures, the gap, or, for ``each``, the
    worst of the set in that period. ``worst`` names, for ``each``, the series that was worst latest."""

    target: Target
    of: tuple[Series, ...]  # the series judged: one, or each of a set
    against: Series | None  # for a gap, the series compared with
    measure: str  # value, difference or ratio
    points: tuple[Point, ...]
    worst: Series | None
    expected: float | None
    trend: Trend  # for a value
    narrowing: GapTrend  # for a gap
    status: TargetStatus

    @property
    def is_gap(self) -> bool:
        return self.against is not None

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None


def _judged(better: Direction, measure: str, of: Series, against: Series | None) -> dict[str, Point]:
    """The figures judged for one series, by period: its own, or its gap from ``against`` in the periods both have."""
    if against is None:
        return {point.period.label: point for point in of.points}
    judged = {}
    for point in of.points:
        other = against.at(point.period.label)
        value = gap(better, measure, point.value, other.value) if other else None
        if value is not None:
            judged[point.period.label] = Point(point.period, value)
    return judged


def target_progress(project: Project, indicator: Indicator, target: Target, series: list[Series]) -> TargetProgress | None:
    """How a target that is not on the headline stands; None for a headline target, or one naming a series
    the indicator does not have (check reports it)."""
    if is_headline_target(target):
        return None
    by_key = {s.key: s for s in series}
    against = by_key.get(target.against) if target.against else None
    if target.against and against is None:
        return None
    if target.each:
        of = tuple(each_members(project, series, target.each))
    else:
        one = by_key.get(target.series or HEADLINE)
        of = (one,) if one else ()
    if not of:
        return None
    measure = (target.measure or "difference") if against else "value"
    better = GAP_BETTER if against else indicator.better
    judged = [(s, _judged(indicator.better, measure, s, against)) for s in of]
    periods = sorted({p.period for _, points in judged for p in points.values()}, key=lambda p: (p.end, p.start))
    worst_points: list[Point] = []
    worst: Series | None = None
    for period in periods:
        candidates = [(s, points[period.label]) for s, points in judged if period.label in points]
        s, point = max(candidates, key=lambda pair: pair[1].value if better == "lower" else -pair[1].value)
        worst_points.append(point)
        worst = s
    points = tuple(worst_points)
    latest = points[-1] if points else None
    previous = points[-2] if len(points) >= 2 else None
    baseline = points[0] if len(points) >= 2 else None
    expected = expected_value(baseline, target, latest.when) if latest and baseline else None
    return TargetProgress(
        target, of, against, measure, points, worst if len(of) > 1 else None, expected,
        trend(better, latest, previous),
        gap_trend(measure, latest, previous) if against else GapTrend.TOO_FEW_FIGURES,
        target_status(better, latest, target, expected),
    )


def series_targets(project: Project, indicator: Indicator, series: list[Series] | None = None) -> list[TargetProgress]:
    """Every target of the indicator set on a series or gap, with its progress, soonest due first."""
    series = series if series is not None else indicator_series(project, indicator)
    targets = sorted(indicator.targets, key=lambda t: t.by.end)
    return [progress for t in targets if (progress := target_progress(project, indicator, t, series)) is not None]


# --- comparison in words ---------------------------------------------------------------------------


class Comparison(Enum):
    BETTER = "better than"
    SIMILAR = "about the same as"
    WORSE = "worse than"


def compare(indicator: Indicator, value: float, other: float) -> Comparison:
    """How a figure compares with another, given which way is better; within 1% counts as about the same."""
    if abs(value - other) <= NO_CHANGE_SHARE * abs(other):
        return Comparison.SIMILAR
    better = value > other if indicator.better == "higher" else value < other
    return Comparison.BETTER if better else Comparison.WORSE


def latest_common(one: Series, other: Series) -> tuple[Point, Point] | None:
    """The two series' figures for the latest period both have."""
    for point in reversed(one.points):
        match = other.at(point.period.label)
        if match:
            return point, match
    return None

