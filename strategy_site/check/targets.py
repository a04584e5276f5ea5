"""Targets that can be judged and are acted on, and priorities with something measurable and something new
beneath them.

SS405 asks that a target have a baseline; these rules ask that the target then be an improvement on it,
that an action move it and a partner report it, that every priority have a target beneath it, that an
action move the indicators of the priority it serves, and that a priority not rest only on what the
partners would be doing anyway.
"""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.modelled import all_modelled
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import Kind
from strategy_site.model.documents import Baseline, Indicator, Target
from strategy_site.model.progress import is_headline_target
from strategy_site.words import listed, number, quoted_title

TARGET_NOT_AN_IMPROVEMENT = Rule(
    "SS415",
    "target-not-an-improvement",
    Severity.WARNING,
    what="An indicator's target for its headline figures cannot show an improvement on its baseline: it is due no later than the baseline "
    "period, or it is worse than the baseline in the indicator's better direction, or the same as the baseline "
    "without a note saying the aim is to hold the figure steady. A floor target the baseline already meets is "
    "reported only when the indicator has no other target that is an improvement.",
    why="Accreditation asks for 'agreed actions and milestones leading to demonstrable improvements against "
    "measurable baselines' (guidance para 2.6). A target that is no better than where the area started, or that "
    "falls due before the starting figure, cannot be judged: meeting it shows nothing. Usually the value, the "
    "period or the indicator's 'better' is mistyped.",
    example="better: lower\nbaseline:\n  value: 21.4\n  period: 2022/23\ntargets:\n  - value: 25\n    by: 2027/28\n    kind: local",
    instead="better: lower\nbaseline:\n  value: 21.4\n  period: 2022/23\ntargets:\n  - value: 15\n    by: 2027/28\n    kind: local",
)
ACTION_INDICATOR_OUTSIDE_PRIORITY = Rule(
    "SS422",
    "action-indicator-outside-priority",
    Severity.WARNING,
    what="None of the indicators an action says it moves measures the priority the action serves. (An action may "
    "also move other priorities' indicators, as long as it moves one of its own priority's.)",
    why="A strong strategy has 'clear linkages between the identification of need, strategic ambitions, actions, "
    "targets and outcomes' (evaluation Box 2.8). An action that serves one priority but is measured only by another's "
    "indicators breaks that chain: either it serves the other priority, or one of the links is wrong.",
    example="# community-strategy.md: priority decent-homes has indicators: [decent-homes]\n"
    "- id: HS-01\n  priority: decent-homes\n  indicators: [smoking-prevalence]",
    instead="- id: HS-01\n  priority: decent-homes\n  indicators: [decent-homes]",
)
PRIORITY_WITHOUT_TARGET = Rule(
    "SS424",
    "priority-without-target",
    Severity.WARNING,
    what="A priority of the community strategy has nothing measurable beneath it: no indicator measures it, or none "
    "of its indicators has a target.",
    why="The 2005 evaluation found visions 'seen by some partners as too broad brush and aspirational' (para 2.1, "
    "and 2.4.2). A priority becomes something the partnership can be held to only when it has a target: a figure to "
    "reach by a date.",
    example="- id: mental-wellbeing\n  title: Better mental wellbeing\n  outcome: More people say they are satisfied with their lives.\n"
    "  indicators: [wellbeing-score]   # wellbeing-score.yml has no targets",
    instead="Give wellbeing-score a baseline and a target in indicators/wellbeing-score.yml, or list under the priority "
    "an indicator that has one.",
)
PRIORITY_ONLY_EXISTING_WORK = Rule(
    "SS425",
    "priority-only-existing-work",
    Severity.WARNING,
    what="Every action that serves a priority (dropped actions aside) is marked 'activity: existing': work the "
    "members would be doing anyway.",
    why="The 2005 evaluation found strategies that were 'in some parts only a catalogue of what agencies would need to "
    "do or would be doing in any case' (Box 2.2), and urged 'real strategic development rather than merely "
    "chronicling what is already happening' (para 2.4.5). Existing work belongs in the plan, but a priority the "
    "partnership adds nothing to is one it does not yet lead.",
    example="- id: EC-03\n  priority: jobs\n  activity: existing\n- id: EC-04\n  priority: jobs\n  activity: existing",
    instead="Add what the partners will do together that none would do alone, as an action with 'activity: new'.",
)

TARGET_WITHOUT_ACTION = Rule(
    "SS428",
    "target-without-action",
    Severity.WARNING,
    what="An indicator has a target, but no action (dropped ones aside) names it among the indicators it should move.",
    why="The 2005 evaluation found partnerships that 'assumed that the relevant agencies would deliver on floor "
    "targets' (para 3.1), and performance management 'focussing on monitoring rather than utilisation of monitoring "
    "information to manage performance' (para 3.4). A target nobody acts on is only watched.",
    example="# indicators/burglary-rate.yml has a target; no action lists burglary-rate under its indicators",
    instead="- id: SF-01\n  title: Fit door and window locks for older residents\n  indicators: [burglary-rate]",
)
INDICATOR_WITHOUT_RESPONSIBLE_PARTNER = Rule(
    "SS429",
    "indicator-without-responsible-partner",
    Severity.WARNING,
    what="An indicator names no member organisation responsible for reporting it (no 'responsible').",
    why="The 2005 evaluation found that 'lines of accountability are generally under-developed, both between partners "
    "and the LSP' (para 2.4.6). An action has a lead (SS401); a measure needs a partner that answers for its figures "
    "too, or they stop being reported.",
    example="id: burglary-rate\ntitle: Domestic burglary rate\n# no responsible",
    instead="id: burglary-rate\ntitle: Domestic burglary rate\nresponsible: police",
)


@check
def improving_targets(context: Context) -> Iterator[Finding]:
    for indicator in context.project.indicators:
        baseline = indicator.baseline
        if baseline is None:
            continue  # a target without a baseline is SS405's
        # The baseline is the headline's: a target on a neighbourhood, a group or a gap starts from other figures.
        targets = [target for target in indicator.targets if is_headline_target(target)]
        improving = [target for target in targets if _improves(indicator, baseline, target)]
        for target in targets:
            problem = _problem(indicator, baseline, target, any(t is not target for t in improving))
            if problem:
                yield TARGET_NOT_AN_IMPROVEMENT.at(target.where("value"), *problem)


def _better(indicator: Indicator, value: float, than: float) -> bool:
    return value > than if indicator.better == "higher" else value < than


def _improves(indicator: Indicator, baseline: Baseline, target: Target) -> bool:
    return target.by.end > baseline.period.end and _better(indicator, target.value, baseline.value)


def _problem(indicator: Indicator, baseline: Baseline, target: Target, another_improves: bool) -> tuple[str, str] | None:
    """What is wrong with the target, and how to fix it; None when it is an improvement on the baseline."""
    shown = f"the target of {number(target.value)} by {target.by}"
    start = f"the baseline of {number(baseline.value)} in {baseline.period}"
    if target.by.end <= baseline.period.end:
        return (f"{shown} for {indicator.id} falls due no later than {start}, so it cannot show an improvement on it",
                "check the target's 'by' and the baseline's period: a target is met after the baseline was measured")
    if _better(indicator, target.value, baseline.value):
        return None
    if target.value == baseline.value:
        if target.note:
            return None  # a target to hold the figure steady, and it says so
        return (f"{shown} for {indicator.id} is the same as {start}, so it asks for no improvement",
                "set a target better than the baseline, or, if the aim is to hold the figure steady, say so in the target's note")
    if target.kind == "floor":
        if another_improves:
            return None
        return (f"the floor target of {number(target.value)} by {target.by} for {indicator.id} is already met by {start}, "
                "and the indicator has no target beyond it",
                "keep the floor target, and add a local or stretch target better than the baseline so that progress can be judged")
    return (f"{shown} for {indicator.id} is worse than {start}: for this indicator {indicator.better} is better",
            f"check the target's value and the indicator's 'better' (now '{indicator.better}')")


@check
def action_indicators(context: Context) -> Iterator[Finding]:
    project = context.project
    if not all_modelled(project, Kind.INDICATOR):
        return  # an indicator with a mistake may be the one that links the action to its priority
    for action in project.actions:
        priority = project.priority_by_id.get(action.priority) if action.priority else None
        if priority is None or not priority.indicators or any(i not in project.indicator_by_id for i in [*action.indicators, *priority.indicators]):
            continue  # no priority, an unknown one, one with no indicator, or an unknown indicator: SS403, SS102, SS424 and SS103
        if action.indicators and not any(indicator in priority.indicators for indicator in action.indicators):
            yield ACTION_INDICATOR_OUTSIDE_PRIORITY.at(
                action.where("indicators"),
                f"action {action.id} moves {listed(action.indicators)}, but "
                f"{'that does not measure' if len(action.indicators) == 1 else 'none of them measures'} "
                f'its priority {quoted_title(priority.title)} ({priority.id})',
                f"link the action to the priority it really serves, or add to the indicators of priority {priority.id} in "
                "community-strategy.md the one this action moves",
            )


@check
def measurable_priorities(context: Context) -> Iterator[Finding]:
    project = context.project
    if not all_modelled(project, Kind.INDICATOR):
        return  # an indicator with a mistake may be the one with the target: it is reported on its own
    for priority in project.priorities:
        indicators = [project.indicator_by_id[i] for i in dict.fromkeys(priority.indicators) if i in project.indicator_by_id]
        if len(indicators) < len(set(priority.indicators)):
            continue  # an unknown indicator is SS103's; it may be the one with the target
        if not indicators:
            yield PRIORITY_WITHOUT_TARGET.at(
                priority.where("id"),
                f'priority {quoted_title(priority.title)} has nothing measurable beneath it: no indicator measures it',
                "list under the priority's indicators one that measures its outcome, with a baseline and a target",
            )
        elif not any(indicator.targets for indicator in indicators):
            yield PRIORITY_WITHOUT_TARGET.at(
                priority.where("indicators"),
                f'priority {quoted_title(priority.title)} has nothing measurable beneath it: none of its indicators '
                f"({', '.join(i.id for i in indicators)}) has a target",
                "give one of its indicators a target (a value to reach, and by when) and a baseline",
            )


@check
def new_work(context: Context) -> Iterator[Finding]:
    project = context.project
    if not all_modelled(project, Kind.ACTION_PLAN, Kind.PROGRESS_UPDATE):
        return  # an action plan with a mistake may hold the new work
    for priority in project.priorities:
        actions = [a for a in project.actions_for(priority) if project.latest_status(a) != "dropped"]
        if actions and all(action.activity == "existing" for action in actions):
            yield PRIORITY_ONLY_EXISTING_WORK.at(
                priority.where("id"),
                f'every action for priority {quoted_title(priority.title)} ({", ".join(a.id for a in actions)}) is work the members '
                "would be doing anyway (activity: existing)",
                "add what the partners will do together for this priority that none would do alone, as an action with "
                "'activity: new'",
            )


@check
def acted_on(context: Context) -> Iterator[Finding]:
    project = context.project
    if not all_modelled(project, Kind.ACTION_PLAN, Kind.PROGRESS_UPDATE):
        return  # an action with a mistake may be the one that moves it
    for indicator in project.indicators:
        moving = [a for a in project.actions_moving.get(indicator.id, []) if project.latest_status(a) != "dropped"]
        if indicator.targets and not moving:
            yield TARGET_WITHOUT_ACTION.at(
                indicator.where("targets", key=True),
                f"indicator {indicator.id} has a target, but no action says it will move it",
                f"add {indicator.id} to the indicators of the actions that should move it, or add an action for it",
            )


@check
def reporting_partners(context: Context) -> Iterator[Finding]:
    for indicator in context.project.indicators:
        if indicator.responsible is None:
            yield INDICATOR_WITHOUT_RESPONSIBLE_PARTNER.at(
                indicator.where("id"),
                f"indicator {indicator.id} names no partner responsible for reporting it",
                "add 'responsible: <id>' with the id of the member organisation that reports its figures",
            )
