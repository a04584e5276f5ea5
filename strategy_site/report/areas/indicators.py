"""The measures of each indicator: defined, with a baseline and a dated target, figures kept up and
explained (guidance 2.6, evaluation 2.4.4 and 3.4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from strategy_site.findings import Location
from strategy_site.model.documents import HEADLINE, Indicator, Target
from strategy_site.model.progress import indicator_progress, is_headline_target
from strategy_site.model.project import Project
from strategy_site.report.measure import Judged, Judging, Result, Subject, judged
from strategy_site.report.months import add_months
from strategy_site.words import plural


def subjects(project: Project) -> Iterator[Subject]:
    for indicator in project.indicators:
        priorities = project.priorities_measured_by.get(indicator.id, [])
        themes = tuple(dict.fromkeys(project.theme_of_priority[p.id].id for p in priorities))
        yield Subject(indicator.id, indicator.title, indicator, themes, (indicator.responsible,) if indicator.responsible else ())


def _at(indicator: Indicator, field: str) -> Location:
    return indicator.where(field) if getattr(indicator, field) else indicator.where()


def definition(judging: Judging, indicator: Indicator) -> Iterator[Judged]:
    words = len(indicator.definition.split())
    yield Judged(judged(words >= judging.limits.definition_words, words > 0), f"definition of {plural(words, 'word')}", _at(indicator, "definition"))


def baseline(judging: Judging, indicator: Indicator) -> Iterator[Judged]:
    found = indicator.baseline
    yield Judged(judged(found is not None), f"baseline {found.value:g} in {found.period}" if found else "no baseline", _at(indicator, "baseline"))


def target(judging: Judging, indicator: Indicator) -> Iterator[Judged]:
    evidence = "; ".join(f"{t.value:g} by {t.by}{_on(t)}" for t in indicator.targets) or "no target"
    yield Judged(judged(bool(indicator.targets)), evidence, _at(indicator, "targets"))


def _on(target: Target) -> str:
    """What a target is set on, as its fields name it, unless it is the headline."""
    of = f"each {target.each}" if target.each else target.series or HEADLINE
    if target.against and target.measure == "ratio":
        return f" on the ratio of {of} to {target.against}"
    if target.against:
        return f" on the gap between {of} and {target.against}"
    return "" if is_headline_target(target) else f" for {of}"


def up_to_date(judging: Judging, indicator: Indicator) -> Iterator[Judged]:
    latest = indicator_progress(judging.project, indicator).latest
    where = _at(indicator, "values")
    if latest is None:
        yield Judged(Result.NOT_MET, "no figures yet", where)
        return
    months = judging.limits.figure_age_months.months(indicator.frequency)
    stale_after = add_months(latest.period.end, months)
    fresh = judging.today <= stale_after
    # The evidence says which way it went, so "not met" never sits beside words that read as met.
    state = f"up to date until {stale_after:%-d %B %Y}" if fresh else f"out of date since {stale_after + dt.timedelta(days=1):%-d %B %Y}"
    yield Judged(judged(fresh), f"latest figure is for {latest.period}, {state} ({indicator.frequency} figures count as up to date "
                                f"for {months} months after their period)", where)


def commentary(judging: Judging, indicator: Indicator) -> Iterator[Judged]:
    yield Judged(judged(bool(indicator.commentary)), "has a commentary" if indicator.commentary else "no commentary", _at(indicator, "commentary"))
