"""The accreditation checklist: the criteria of the 2001 guidance (para 2.6), each with the
evidence found in the sources and a verdict.

An LSP must show that it is effective, representative and strategic; involves the
public, private, community and voluntary sectors; has common local priorities and
targets, agreed actions and milestones against measurable baselines; has aligned its
members' performance management; reduces bureaucracy; and builds on good practice.
Where the documents cannot settle a criterion, the checklist says so and leaves it
to the reviewer rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from strategy_site.check.sections import find_section
from strategy_site.load.files import Kind
from strategy_site.report.assessment import SECTORS, Assessment, Item, Result, sector
from strategy_site.words import plural


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


def _share(items: list[Item]) -> tuple[int, int]:
    return sum(1 for i in items if i.result is Result.MET), len(items)


def _by_share(met: int, total: int, partly_from: float = 0.6) -> Verdict:
    if total and met == total:
        return Verdict.MET
    return Verdict.PARTLY if total and met / total >= partly_from else Verdict.NOT_MET


def _worst(*verdicts: Verdict) -> Verdict:
    order = [Verdict.NOT_MET, Verdict.PARTLY, Verdict.MET]
    return min(verdicts, key=order.index)


def _measure(assessment: Assessment, area: str, measure: str) -> list[Item]:
    return [i for i in assessment.items if i.area == area and i.measure == measure]


def _gaps(items: list[Item], limit: int = 5) -> list[Evidence]:
    return [Evidence(f"{i.subject}: {i.evidence}", i.path, i.line) for i in items if i.result is not Result.MET][:limit]


def checklist(assessment: Assessment) -> list[Criterion]:
    project, today = assessment.project, assessment.today
    partnership = project.partnership
    members_file = partnership.where("members") if partnership else None
    criteria: list[Criterion] = []

    def add(title: str, verdict: Verdict, evidence: list[Evidence]) -> None:
        criteria.append(Criterion(len(criteria) + 1, title, verdict, evidence))

    # 1. Effective: who does what by when, and reporting that keeps up.
    led = _measure(assessment, "action", "lead")
    dated = _measure(assessment, "action", "due-date")
    recent = [u for u in project.progress_updates if (today - u.published).days <= 183]
    lead_met, total = _share(led)
    dated_met, _ = _share(dated)
    verdict = _worst(_by_share(lead_met, total), _by_share(dated_met, total), Verdict.MET if recent else Verdict.PARTLY)
    add("Effective: actions have a lead and a date, and progress is reported", verdict, [
        Evidence(f"{lead_met} of {total} actions name a lead partner; {dated_met} have a due date"),
        Evidence(f"{plural(len(recent), 'progress update')} published in the last six months"
                 + (f", the latest on {recent[-1].published:%-d %B %Y}" if recent else ""),
                 recent[-1].source_file.path if recent else None, 1 if recent else None),
        *_gaps(led + dated),
    ])

    # 2. Representative: members from every sector.
    sectors = {sector(m) for m in partnership.members} if partnership else set()
    missing = [s for s in SECTORS if s not in sectors]
    add("Representative: public, private, voluntary and community members",
        Verdict.MET if not missing else Verdict.PARTLY if len(missing) == 1 else Verdict.NOT_MET,
        [Evidence(f"{len(partnership.members) if partnership else 0} members; "
                  + ("every sector is represented" if not missing else "missing: " + ", ".join(missing)),
                  members_file.path if members_file else None, members_file.position.line if members_file else None)])

    # 3. Strategic: a long-term vision, broken down into priorities that are measured.
    strategy = project.strategy
    vision = None
    if strategy:
        rule = next((r for r in project.ruleset.required_sections(Kind.COMMUNITY_STRATEGY.value) if r.id == "vision"), None)
        vision = find_section(rule, strategy.source_file.sections) if rule else None
    measured = _measure(assessment, "priority", "has-indicator")
    measured_met, priorities = _share(measured)
    add("Strategic: a long-term vision with measurable priorities",
        _worst(Verdict.MET if vision else Verdict.NOT_MET, _by_share(measured_met, priorities)),
        [Evidence("the community strategy states a long-term vision" if vision else "no long-term vision section found",
                  strategy.source_file.path if strategy else None, vision.position.line if vision else None),
         Evidence(f"{measured_met} of {priorities} priorities are measured by an indicator"), *_gaps(measured)])

    # 4. Involves the sectors: each sector leads or supports some of the work.
    active = {sector(m) for m in (partnership.members if partnership else [])
              if m.id in project.actions_led_by or m.id in project.actions_supported_by}
    idle = [s for s in SECTORS if s not in active]
    add("Involves the sectors in delivery, not only in membership",
        Verdict.MET if not idle else Verdict.PARTLY if len(idle) == 1 else Verdict.NOT_MET,
        [Evidence("members from every sector lead or support actions" if not idle
                  else "no " + " or ".join(idle) + " member leads or supports an action")])

    # 5. Common local priorities and targets.
    targeted = _measure(assessment, "indicator", "target")
    targeted_met, indicators = _share(targeted)
    add("Common local priorities and targets", _by_share(targeted_met, indicators, 0.5),
        [Evidence(f"{len(project.priorities)} priorities in {len(project.themes)} themes; "
                  f"{targeted_met} of {indicators} indicators have a target with a date"), *_gaps(targeted)])

    # 6. Agreed actions and milestones.
    milestones = _measure(assessment, "action", "milestones")
    signed = _measure(assessment, "partnership", "agreements-signed")
    milestones_met, _ = _share(milestones)
    signed_met, agreements = _share(signed)
    add("Agreed actions and milestones",
        _worst(_by_share(milestones_met, total), _by_share(signed_met, agreements, 0.5) if agreements else Verdict.NOT_MET),
        [Evidence(f"{milestones_met} of {total} actions have milestones"),
         Evidence(f"{signed_met} of {agreements} partnership agreements are signed by all their signatories"),
         *_gaps(milestones + signed)])

    # 7. Measurable baselines.
    baselines = _measure(assessment, "indicator", "baseline")
    baseline_met, _ = _share(baselines)
    add("Measurable baselines", _by_share(baseline_met, indicators, 0.5),
        [Evidence(f"{baseline_met} of {indicators} indicators have a baseline"), *_gaps(baselines)])

    # 8. Aligned performance management: someone answers for each measure, and figures are kept up.
    responsible = [i for i in project.indicators if i.responsible in project.partner_by_id]
    fresh = _measure(assessment, "indicator", "up-to-date")
    fresh_met, _ = _share(fresh)
    add("Members' performance management is aligned",
        _worst(_by_share(len(responsible), indicators), _by_share(fresh_met, indicators, 0.5)),
        [Evidence(f"{len(responsible)} of {indicators} indicators name the partner that reports them"),
         Evidence(f"{fresh_met} of {indicators} indicators have up-to-date figures"), *_gaps(fresh)])

    # 9. Reduces bureaucracy: a judgement the documents can inform but not make.
    add("Reduces bureaucracy", Verdict.JUDGE,
        [Evidence(f"{plural(len(project.action_plans), 'action plan')} and {plural(len(project.progress_updates), 'progress update')} "
                  "in one shared format; whether this replaced separate plans and reports is for the reviewer to judge")])

    # 10. Builds on good practice: the renewal strategy's local action on learning (guidance 4.19).
    renewal = project.renewal_strategy
    learning = None
    if renewal:
        rule = next((r for r in project.ruleset.required_sections(Kind.RENEWAL_STRATEGY.value) if r.id == "learning"), None)
        learning = find_section(rule, renewal.source_file.sections) if rule else None
    substantive = learning is not None and learning.words >= assessment.weights.thresholds.substantive_words
    add("Builds on good practice",
        Verdict.MET if substantive else Verdict.PARTLY if learning else Verdict.NOT_MET,
        [Evidence(("the renewal strategy sets out local action on learning" + ("" if substantive else ", but only briefly"))
                  if learning else "no section on local action on learning in the renewal strategy",
                  renewal.source_file.path if renewal else None, learning.position.line if learning else None)])
    return criteria

