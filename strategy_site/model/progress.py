"""Progress worked out from the data: where each indicator is heading and how the actions stand.

The site and the reports both show these, so the arithmetic lives here, once,
and is explained to readers on the site's "How to read this site" page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from strategy_site.model.documents import HEADLINE, Action, Direction, Indicator, Target
from strategy_site.model.fields import Period
from strategy_site.model.project import Project

# A change smaller than this share of the previous figure counts as no change, so rounding
# noise in a published figure does not read as a trend.
NO_CHANGE_SHARE = 0.01

# Order matters: the site lists the statuses in this order.
ACTION_STATUSES = ("complete", "on track", "at risk", "off track", "not started", "dropped")
# An action at one of these can no longer be late.
FINISHED_STATUSES = ("complete", "dropped")


class Trend(Enum):
    IMPROVING = "improving"
    NO_CHANGE = "no change"
    WORSENING = "worsening"
    TOO_FEW_FIGURES = "not enough figures yet"


class TargetStatus(Enum):
    MET = "target met"
    ON_TRACK = "on track for the target"
    OFF_TRACK = "off track for the target"
    MISSED = "target missed"
    NO_TARGET = "no target set"
    NO_FIGURES = "no figures yet"


@dataclass(frozen=True)
class Point:
    period: Period
    value: float

    @property
    def when(self) -> dt.date:
        return self.period.end


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    baseline: Point | None
    figures: tuple[Point, ...]  # oldest first, one per period
    target: Target | None  # the target the latest figure is judged against
    expected: float | None  # where the straight line from baseline to target says it should be now
    trend: Trend
    target_status: TargetStatus

    @property
    def latest(self) -> Point | None:
        return self.figures[-1] if self.figures else None

    @property
    def previous(self) -> Point | None:
        return previous_point(self.figures, self.baseline)


def previous_point(figures: tuple[Point, ...], baseline: Point | None) -> Point | None:
    """The figure the trend compares with: the one before the latest, else the baseline."""
    if len(figures) >= 2:
        return figures[-2]
    return baseline if figures and baseline and baseline.when < figures[-1].when else None


def is_better(better: Direction, new: float, old: float) -> bool:
    """Whether ``new`` is an improvement on ``old``, given which way is better."""
    return new > old if better == "higher" else new < old


# Trajectory arithmetic leaves float dust: 8.0 must count as meeting an expected 8.000000001.
_EPSILON = 1e-9


def _at_least_as_good(better: Direction, value: float, benchmark: float) -> bool:
    if better == "higher":
        return value >= benchmark - _EPSILON
    return value <= benchmark + _EPSILON


def trend(better: Direction, latest: Point | None, previous: Point | None) -> Trend:
    if latest is None or previous is None:
        return Trend.TOO_FEW_FIGURES
    if abs(latest.value - previous.value) <= NO_CHANGE_SHARE * abs(previous.value):
        return Trend.NO_CHANGE
    return Trend.IMPROVING if is_better(better, latest.value, previous.value) else Trend.WORSENING


def is_headline_target(target: Target) -> bool:
    """Whether the target is on the indicator's headline figures, not on a breakdown or a gap."""
    return target.series in (None, HEADLINE) and target.each is None and target.against is None


def target_for(indicator: Indicator, when: dt.date | None) -> Target | None:
    """The first headline target not yet due at ``when``; once all are due, the last one."""
    targets = sorted((t for t in indicator.targets if is_headline_target(t)), key=lambda target: target.by.end)
    if not targets:
        return None
    if when is None:
        return targets[0]
    return next((target for target in targets if target.by.end >= when), targets[-1])


def expected_value(baseline: Point | None, target: Target, when: dt.date) -> float | None:
    """The straight-line trajectory from the baseline to the target, read at ``when``."""
    if baseline is None or target.by.end <= baseline.when:
        return None
    share = (when - baseline.when).days / (target.by.end - baseline.when).days
    share = min(max(share, 0.0), 1.0)
    return baseline.value + (target.value - baseline.value) * share


def target_status(better: Direction, latest: Point | None, target: Target | None, expected: float | None) -> TargetStatus:
    if target is None:
        return TargetStatus.NO_TARGET
    if latest is None:
        return TargetStatus.NO_FIGURES
    if _at_least_as_good(better, latest.value, target.value):
        return TargetStatus.MET
    if latest.when >= target.by.end:
        return TargetStatus.MISSED
    if expected is None:  # no baseline to draw a trajectory from: short of the target is off track
        return TargetStatus.OFF_TRACK
    return TargetStatus.ON_TRACK if _at_least_as_good(better, latest.value, expected) else TargetStatus.OFF_TRACK


def indicator_progress(project: Project, indicator: Indicator) -> IndicatorProgress:
    figures = tuple(Point(figure.period, figure.value) for figure in project.figures(indicator))
    baseline = Point(indicator.baseline.period, indicator.baseline.value) if indicator.baseline else None
    latest = figures[-1] if figures else None
    target = target_for(indicator, latest.when if latest else None)
    expected = expected_value(baseline, target, latest.when) if target and latest else None
    return IndicatorProgress(
        indicator, baseline, figures, target, expected,
        trend(indicator.better, latest, previous_point(figures, baseline)),
        target_status(indicator.better, latest, target, expected),
    )


def all_progress(project: Project) -> dict[str, IndicatorProgress]:
    """Every indicator's progress by id, in the project's order."""
    return {indicator.id: indicator_progress(project, indicator) for indicator in project.indicators}


def is_overdue(project: Project, action: Action, today: dt.date) -> bool:
    """Past its due date and, by its newest progress update, neither complete nor dropped: `check` warns
    of it (SS404) and the report's not-overdue measure is not met."""
    return action.due is not None and action.due < today and project.latest_status(action) not in FINISHED_STATUSES


def action_status_counts(project: Project) -> dict[str, int]:
    """How many actions stand at each status, by their newest progress update, in ACTION_STATUSES order."""
    counts = Counter(project.latest_status(action) for action in project.actions)
    return {status: counts.get(status, 0) for status in ACTION_STATUSES}


def trend_counts(progress: list[IndicatorProgress]) -> dict[Trend, int]:
    counts = Counter(item.trend for item in progress)
    return {trend: counts.get(trend, 0) for trend in Trend}
