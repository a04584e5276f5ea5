"""The accreditation checklist: the criteria of the 2001 guidance (para 2.6), each with the
evidence found in the sources and a verdict.

An LSP must show that it is effective, representative and strategic; involves the
public, private, community and voluntary sectors; has common local priorities and
targets, agreed actions and milestones against measurable baselines; has aligned its
members' performance management; reduces bureaucracy; and builds on good practice.
Where the documents cannot settle a criterion, the checklist says so and leaves it
to the reviewer rather than guess. Every verdict is read from the measures or from the
model's own judgements, with the thresholds of weights.yml, so it cannot contradict them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from strategy_site.model.membership import missing_sectors, required_sectors, sectors_not_delivering
from strategy_site.model.project import Project
from strategy_site.model.sections import is_substantive, section_of
from strategy_site.report.assessment import Assessment, Item
from strategy_site.report.measure import Result
from strategy_site.report.measures import measures_of
from strategy_site.report.months import add_months
from strategy_site.words import listed, plural


class Verdict(Enum):
    MET = "met"
    PARTLY = "partly met"
    NOT_MET = "not met"
    JUDGE = "for the reviewer to judge"


@dataclass(frozen=True)
class Evidence:
    text: str
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Criterion:
    number: int
    title: str
    verdict: Verdict
    evidence: list[Evidence] = field(default_factory=list)


Judgement = tuple[Verdict, list[Evidence]]


def _results(assessment: Assessment, area: str, key: str) -> list[Item]:
    assert key in {m.key for m in measures_of(area)}, f"there is no {area} measure {key}"
    return [i for i in assessment.items if i.area == area and i.measure == key]


def _share(items: list[Item]) -> tuple[int, int]:
    return sum(1 for i in items if i.result is Result.MET), len(items)


def _by_share(met: int, total: int, partly_from: float) -> Verdict:
    if total and met == total:
        return Verdict.MET
    return Verdict.PARTLY if total and met / total >= partly_from else Verdict.NOT_MET


def _by_missing(missing: int, partly_up_to: int) -> Verdict:
    return Verdict.MET if not missing else Verdict.PARTLY if missing <= partly_up_to else Verdict.NOT_MET


def _worst(*verdicts: Verdict) -> Verdict:
    order = [Verdict.NOT_MET, Verdict.PARTLY, Verdict.MET]
    return min(verdicts, key=order.index)


def _gaps(items: list[Item], limit: int = 5) -> list[Evidence]:
    return [Evidence(f"{i.subject}: {i.evidence}", i.path, i.line) for i in items if i.result is not Result.MET][:limit]


def _no_sectors_required(project: Project, what: str) -> Judgement:
    members = project.partnership.where("members") if project.partnership else None
    return Verdict.JUDGE, [Evidence(f"the partnership's ruleset requires no sector (required_sectors is empty), so {what} is for the reviewer to judge",
                                    members.path if members else None, members.position.line if members else None)]


def effective(assessment: Assessment) -> Judgement:
    """Who does what by when, and reporting that keeps up."""
    limits = assessment.weights.thresholds
    led, dated = _results(assessment, "action", "lead"), _results(assessment, "action", "due-date")
    lead_met, total = _share(led)
    dated_met, _ = _share(dated)
    months = limits.recent_update_months
    since = add_months(assessment.today, -months)
    recent = [u for u in assessment.project.progress_updates if u.published >= since]
    share = limits.partly_met_from.leads_and_dates
    verdict = _worst(_by_share(lead_met, total, share), _by_share(dated_met, total, share), Verdict.MET if recent else Verdict.PARTLY)
    return verdict, [
        Evidence(f"{lead_met} of {total} actions name a lead partner; {dated_met} have a due date"),
        Evidence(f"{plural(len(recent), 'progress update')} published in the last {plural(months, 'month')}"
                 + (f", the latest on {recent[-1].published:%-d %B %Y}" if recent else ""),
                 recent[-1].source_file.path if recent else None, 1 if recent else None),
        *_gaps(led + dated),
    ]


def representative(assessment: Assessment) -> Judgement:
    """Members from every sector the partnership's ruleset requires, as SS406 and the sectors measure judge it."""
    project = assessment.project
    required = required_sectors(project)
    if not required:
        return _no_sectors_required(project, "whether its membership is representative")
    missing = missing_sectors(project)
    members = project.partnership.where("members") if project.partnership else None
    return _by_missing(len(missing), assessment.weights.thresholds.sectors_missing_partly), [
        Evidence(f"{len(project.members)} members; "
                 + (f"every required sector is represented: {listed(required)}" if not missing else "missing: " + ", ".join(missing)),
                 members.path if members else None, members.position.line if members else None)]


def strategic(assessment: Assessment) -> Judgement:
    """A long-term vision, broken down into priorities that are measured."""
    project, strategy = assessment.project, assessment.project.strategy
    vision = section_of(project.ruleset, strategy.source_file, "vision") if strategy else None
    measured = _results(assessment, "priority", "has-indicator")
    measured_met, priorities = _share(measured)
    share = assessment.weights.thresholds.partly_met_from.measured_priorities
    return _worst(Verdict.MET if vision else Verdict.NOT_MET, _by_share(measured_met, priorities, share)), [
        Evidence("the community strategy states a long-term vision" if vision else "no long-term vision section found",
                 strategy.source_file.path if strategy else None, vision.position.line if vision else None),
        Evidence(f"{measured_met} of {priorities} priorities are measured by an indicator"), *_gaps(measured)]


def involves_sectors(assessment: Assessment) -> Judgement:
    """Each required sector leads or supports some of the work."""
    project = assessment.project
    if not required_sectors(project):
        return _no_sectors_required(project, "whether the sectors take part in delivery")
    idle = sectors_not_delivering(project)
    return _by_missing(len(idle), assessment.weights.thresholds.sectors_missing_partly), [
        Evidence("members from every required sector lead or support actions" if not idle
                 else f"no {listed(idle, 'or')} member leads or supports an action")]


def priorities_and_targets(assessment: Assessment) -> Judgement:
    project = assessment.project
    targeted = _results(assessment, "indicator", "target")
    targeted_met, indicators = _share(targeted)
    return _by_share(targeted_met, indicators, assessment.weights.thresholds.partly_met_from.targets), [
        Evidence(f"{len(project.priorities)} priorities in {len(project.themes)} themes; "
                 f"{targeted_met} of {indicators} indicators have a target with a date"), *_gaps(targeted)]


def actions_and_milestones(assessment: Assessment) -> Judgement:
    """Milestones are in the action plans. Signed agreements are one partnership's way of showing the actions
    are agreed (evaluation Box 1.4), not a requirement of guidance 2.6: without them, agreement is for the reviewer."""
    shares = assessment.weights.thresholds.partly_met_from
    milestones = _results(assessment, "action", "milestones")
    signed = _results(assessment, "partnership", "agreements-signed")
    milestones_met, total = _share(milestones)
    signed_met, agreements = _share(signed)
    planned = _by_share(milestones_met, total, shares.milestones)
    evidence = [Evidence(f"{milestones_met} of {total} actions have milestones")]
    if agreements:
        verdict = _worst(planned, _by_share(signed_met, agreements, shares.signed_agreements))
        evidence.append(Evidence(f"{signed_met} of {agreements} partnership agreements are signed by all their signatories"))
    else:
        verdict = Verdict.JUDGE if planned is Verdict.MET else planned
        evidence.append(Evidence("there are no partnership agreements: they are one way to show that partners agreed the actions "
                                 "(evaluation Box 1.4), not a requirement of guidance 2.6, so whether the actions were agreed is "
                                 "for the reviewer to judge, for example from the board's minutes"))
    return verdict, evidence + _gaps(milestones + signed)


def measurable_baselines(assessment: Assessment) -> Judgement:
    baselines = _results(assessment, "indicator", "baseline")
    baseline_met, indicators = _share(baselines)
    return _by_share(baseline_met, indicators, assessment.weights.thresholds.partly_met_from.baselines), [
        Evidence(f"{baseline_met} of {indicators} indicators have a baseline"), *_gaps(baselines)]


def performance_management(assessment: Assessment) -> Judgement:
    """Someone answers for each measure, and its figures are kept up."""
    project, shares = assessment.project, assessment.weights.thresholds.partly_met_from
    responsible = [i for i in project.indicators if i.responsible in project.partner_by_id]
    fresh = _results(assessment, "indicator", "up-to-date")
    fresh_met, indicators = _share(fresh)
    return _worst(_by_share(len(responsible), indicators, shares.reporting_partners), _by_share(fresh_met, indicators, shares.up_to_date)), [
        Evidence(f"{len(responsible)} of {indicators} indicators name the partner that reports them"),
        Evidence(f"{fresh_met} of {indicators} indicators have up-to-date figures"), *_gaps(fresh)]


def reduces_bureaucracy(assessment: Assessment) -> Judgement:
    """A judgement the documents can inform but not make."""
    project = assessment.project
    return Verdict.JUDGE, [
        Evidence(f"{plural(len(project.action_plans), 'action plan')} and {plural(len(project.progress_updates), 'progress update')} "
                 "in one shared format; whether this replaced separate plans and reports is for the reviewer to judge")]


def good_practice(assessment: Assessment) -> Judgement:
    """In a Neighbourhood Renewal Fund area, the renewal strategy's local action on learning (guidance 4.19);
    elsewhere no document must say how the partnership learns, so the community strategy's section on it, if any."""
    project, least = assessment.project, assessment.weights.thresholds.substantive_words
    if project.partnership is not None and not project.partnership.neighbourhood_renewal_fund:
        strategy = project.strategy
        found = section_of(project.ruleset, strategy.source_file, "learning") if strategy else None
        where = strategy.source_file.path if strategy else None
        if found is None:
            return Verdict.JUDGE, [Evidence("outside Neighbourhood Renewal Fund areas no document must have a section on learning "
                                            "(guidance 4.19 asks it of renewal strategies) and the community strategy has none, so "
                                            "whether the partnership builds on good practice is for the reviewer to judge", where)]
        brief = not is_substantive(found, least)
        return Verdict.PARTLY if brief else Verdict.MET, [
            Evidence("the community strategy has a section on learning and good practice" + (", but only briefly" if brief else ""),
                     where, found.position.line)]
    renewal = project.renewal_strategy
    learning = section_of(project.ruleset, renewal.source_file, "learning") if renewal else None
    substantive = learning is not None and is_substantive(learning, least)
    return Verdict.MET if substantive else Verdict.PARTLY if learning else Verdict.NOT_MET, [
        Evidence(("the renewal strategy sets out local action on learning" + ("" if substantive else ", but only briefly"))
                 if learning else "no section on local action on learning in the renewal strategy",
                 renewal.source_file.path if renewal else None, learning.position.line if learning else None)]


CRITERIA: tuple[tuple[str, Callable[[Assessment], Judgement]], ...] = (
    ("Effective: actions have a lead and a date, and progress is reported", effective),
    ("Representative: members from every sector the partnership requires", representative),
    ("Strategic: a long-term vision with measurable priorities", strategic),
    ("Involves the sectors in delivery, not only in membership", involves_sectors),
    ("Common local priorities and targets", priorities_and_targets),
    ("Agreed actions and milestones", actions_and_milestones),
    ("Measurable baselines", measurable_baselines),
    ("Members' performance management is aligned", performance_management),
    ("Reduces bureaucracy", reduces_bureaucracy),
    ("Builds on good practice", good_practice),
)


def checklist(assessment: Assessment) -> list[Criterion]:
    return [Criterion(number, title, *judge(assessment)) for number, (title, judge) in enumerate(CRITERIA, start=1)]
