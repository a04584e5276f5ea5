"""The neighbourhood renewal strategy reaches the neighbourhoods that need renewal, with targets and actions.

SS006 asks that a Neighbourhood Renewal Fund area have a renewal strategy, and SS301 that it have its
sections; these rules ask that it cover every neighbourhood partnership.yml marks as needing renewal,
that it carry targets the site can track, and that each of those neighbourhoods has an action under way.
"""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.modelled import all_modelled
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import Kind

RENEWAL_AREA_NOT_COVERED = Rule(
    "SS418",
    "renewal-area-not-covered",
    Severity.WARNING,
    what="A neighbourhood that partnership.yml marks as needing renewal (renewal_area: true) is not among the "
    "neighbourhoods of the renewal strategy, or the renewal strategy targets a neighbourhood that is not so marked.",
    why="A renewal strategy should 'set out an agreed vision and plan for positive change in as many neighbourhoods "
    "as are in need of renewal' (guidance para 4.5); the 2005 evaluation found that over 90% targeted key "
    "geographical areas (para 2.4.3). The two lists say the same thing twice, so when they differ one of them is out "
    "of date.",
    example="# partnership.yml\nneighbourhoods:\n  - {id: northgate, name: Northgate, renewal_area: true}\n"
    "# neighbourhood-renewal-strategy.md\nneighbourhoods: [saltmarsh]",
    instead="neighbourhoods: [northgate, saltmarsh]",
)
RENEWAL_STRATEGY_WITHOUT_TARGETS = Rule(
    "SS419",
    "renewal-strategy-without-targets",
    Severity.WARNING,
    what="None of the indicators the neighbourhood renewal strategy lists (its 'indicators') has a target, or it "
    "lists none.",
    why="'LSPs would be expected to set targets for how things should change over time in their most disadvantaged "
    "neighbourhoods' (guidance para 4.6). Targets written only in the strategy's text cannot be tracked: the site "
    "shows progress only against indicators with a baseline and a target.",
    example="neighbourhoods: [northgate, saltmarsh]\n# no indicators listed",
    instead="neighbourhoods: [northgate, saltmarsh]\nindicators: [out-of-work-benefits, life-expectancy-gap]",
)
RENEWAL_AREA_WITHOUT_ACTION = Rule(
    "SS427",
    "renewal-area-without-action",
    Severity.WARNING,
    what="A neighbourhood marked as needing renewal (renewal_area: true) is named by no action, in any action plan "
    "(an action's 'neighbourhoods').",
    why="The renewal strategy must 'clearly set out a local strategic level framework for action that responds to "
    "neighbourhood needs' (guidance para 4.5). A neighbourhood in need with no action for it has a vision and no plan.",
    example="# partnership.yml: kiln-lane has renewal_area: true\n# no action lists kiln-lane under neighbourhoods",
    instead="- id: NR-09\n  title: Kiln Lane landlord licensing\n  neighbourhoods: [kiln-lane]\n  ...",
)


@check
def renewal_coverage(context: Context) -> Iterator[Finding]:
    project = context.project
    renewal, partnership = project.renewal_strategy, project.partnership
    if renewal is None or partnership is None:
        return
    for neighbourhood in partnership.neighbourhoods:
        if neighbourhood.renewal_area and neighbourhood.id not in renewal.neighbourhoods:
            yield RENEWAL_AREA_NOT_COVERED.at(
                renewal.where("neighbourhoods"),
                f"{neighbourhood.name} is marked as needing renewal in partnership.yml, but the neighbourhood renewal strategy does not cover it",
                f"add {neighbourhood.id} to the renewal strategy's neighbourhoods, or set renewal_area: false for it in partnership.yml",
            )
    for index, value in enumerate(renewal.neighbourhoods):
        listed = project.neighbourhood_by_id.get(value)
        if listed is not None and not listed.renewal_area:
            yield RENEWAL_AREA_NOT_COVERED.at(
                renewal.where("neighbourhoods", index),
                f"the neighbourhood renewal strategy targets {listed.name}, which partnership.yml does not mark as needing renewal",
                f"set renewal_area: true for {listed.id} in partnership.yml if it needs renewal, or take it out of the strategy's neighbourhoods",
            )


@check
def renewal_targets(context: Context) -> Iterator[Finding]:
    project = context.project
    renewal = project.renewal_strategy
    if renewal is None or not all_modelled(project, Kind.INDICATOR):
        return  # an indicator with a mistake may be the one with the target: it is reported on its own
    known = [project.indicator_by_id[i] for i in renewal.indicators if i in project.indicator_by_id]
    if len(known) < len(renewal.indicators):
        return  # an unknown indicator (SS103) may be the one meant to carry the target
    if not any(indicator.targets for indicator in known):
        yield RENEWAL_STRATEGY_WITHOUT_TARGETS.at(
            renewal.where("indicators"),
            "the neighbourhood renewal strategy sets no target that can be tracked: "
            + ("none of the indicators it lists has a target" if known else "it lists no indicators"),
            "under indicators, list the indicators that carry its targets for the renewal neighbourhoods, each with a "
            "baseline and a target (guidance para 4.6)",
        )


@check
def renewal_actions(context: Context) -> Iterator[Finding]:
    project = context.project
    partnership = project.partnership
    if partnership is None or not project.action_plans or not all_modelled(project, Kind.ACTION_PLAN, Kind.PROGRESS_UPDATE):
        return  # with no action plan, SS006 says so once; a plan with a mistake may hold the action
    targeted = {n for action in project.actions for n in action.neighbourhoods}
    if not targeted <= set(project.neighbourhood_by_id):
        return  # an unknown neighbourhood (SS107) may be the one meant
    for neighbourhood in partnership.neighbourhoods:
        if neighbourhood.renewal_area and neighbourhood.id not in targeted:
            yield RENEWAL_AREA_WITHOUT_ACTION.at(
                neighbourhood.where("id"),
                f"{neighbourhood.name} is marked as needing renewal, but no action targets it",
                f"add an action for it to an action plan, with 'neighbourhoods: [{neighbourhood.id}]', or set renewal_area: "
                "false if it no longer needs renewal",
            )
