"""What a partner owes the partnership: the figures that are due for the indicators it reports, and the
statuses of the actions it leads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from strategy_site.model.documents import Action, ActionPlan, Frequency, Indicator, Member
from strategy_site.model.fields import Period, next_period, parse_period, period_like
from strategy_site.model.progress import FINISHED_STATUSES, Point
from strategy_site.model.project import Project
from strategy_site.model.series import Series, SeriesKind, indicator_series

# Periods further back than this are not asked for again: a figure that late is usually not coming.
MOST_PERIODS_DUE = 4
_LONGEST_GAP = 1000  # periods counted forward from the latest figure: 80 years of months


@dataclass(frozen=True)
class FigureDue:
    indicator: Indicator
    series: Series
    period: Period
    last: Point | None  # the series' latest figure, and the one before it, for context
    before: Point | None


@dataclass(frozen=True)
class ActionDue:
    action: Action
    plan: ActionPlan
    status: str  # the latest published status


@dataclass(frozen=True)
class PartnerReturn:
    partner: Member
    figures: list[FigureDue]
    actions: list[ActionDue]


def partners_with_returns(project: Project) -> list[Member]:
    """The members that report an indicator or lead an action, in the order of partnership.yml."""
    return [m for m in project.members if m.id in project.indicators_reported_by or m.id in project.actions_led_by]


def partner_return(project: Project, partner: Member, today: dt.date) -> PartnerReturn:
    figures = [due for indicator in project.indicators_reported_by.get(partner.id, []) for due in figures_due(project, indicator, today)]
    actions = [
        ActionDue(action, project.plan_of_action[action.id], status)
        for action in project.actions_led_by.get(partner.id, [])
        if (status := project.latest_status(action)) not in FINISHED_STATUSES
    ]
    return PartnerReturn(partner, figures, actions)


# The period a new indicator, with no figure or baseline yet, is first asked for: the last one of its frequency
# that has ended, in the form UK public bodies report that frequency in.
_FIRST_FORM: dict[Frequency, str] = {
    "monthly": "Jan 2000", "quarterly": "2000/01 Q1", "annual": "2000/01", "every two years": "2000/01",
}


def _first_due(indicator: Indicator, today: dt.date) -> Period | None:
    now = period_like(parse_period(_FIRST_FORM[indicator.frequency]), today)
    return next_period(now, -1) if now else None


def figures_due(project: Project, indicator: Indicator, today: dt.date) -> list[FigureDue]:
    """Each period that has ended since the latest figure of each of the indicator's own series (the headline and
    its breakdowns; comparators such as England are published by others), at most ``MOST_PERIODS_DUE`` a series.
    A series with no figures yet follows the headline, or the baseline; an indicator with neither is asked for the last
    period of its frequency that has ended."""
    steps = 2 if indicator.frequency == "every two years" else 1
    all_series = indicator_series(project, indicator)
    headline = all_series[0]
    baseline = Point(indicator.baseline.period, indicator.baseline.value) if indicator.baseline else None
    due: list[FigureDue] = []
    for series in all_series:
        if series.kind is SeriesKind.COMPARATOR:
            continue
        last = series.latest or headline.latest or baseline
        before = series.points[-2] if len(series.points) >= 2 else None
        periods: list[Period] = []
        period = next_period(last.period, steps) if last else _first_due(indicator, today)
        while period is not None and period.end < today and len(periods) < _LONGEST_GAP:
            periods.append(period)
            period = next_period(period, steps)
        due.extend(FigureDue(indicator, series, p, series.latest, before) for p in periods[-MOST_PERIODS_DUE:])
    return due
