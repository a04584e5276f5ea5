"""The neighbourhood renewal strategy reaches the neighbourhoods that need renewal, with figures, targets and actions.

SS006 asks that a Neighbourhood Renewal Fund area have a renewal strategy, and SS301 that it have its
sections; these rules ask that it cover every neighbourhood partnership.yml marks as needing renewal,
that it carry targets the site can track, that its indicators have figures for each of those
neighbourhoods and targets set for them, and that each of them has an action under way.
"""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.modelled import all_modelled
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import Kind
from strategy_site.model.documents import RENEWAL_AREAS
from strategy_site.model.project import Project
from strategy_site.model.renewal import RenewalReach, renewal_reach
from strategy_site.words import listed

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

RENEWAL_AREA_WITHOUT_FIGURES = Rule(
    "SS433",
    "renewal-area-without-figures",
    Severity.WARNING,
    what="A neighbourhood marked as needing renewal (renewal_area: true) has figures of its own on none of the "
    "indicators the neighbourhood renewal strategy lists: no breakdown with its area, and no progress update figure for it. "
    "Reported once the partnership gives figures by area for any indicator; until then the completeness report's "
    "measure 'Renewal areas have their own figures' says so.",
    why="The renewal strategy sets out 'how things should change over time in their most disadvantaged neighbourhoods' "
    "(guidance para 4.6), and the 2005 evaluation found that 'more work is needed to match data collection to the "
    "designated priority areas' (para 2.4.4). Figures for the whole area, or for the renewal areas together, cannot show "
    "residents how their own neighbourhood is doing.",
    example="# partnership.yml: northgate has renewal_area: true\n# indicators/burglary-rate.yml, which the renewal "
    "strategy lists, has no breakdown for northgate",
    instead="breakdowns:\n  - area: northgate\n    values:\n      - period: 2024/25\n        value: 41.3",
)
NO_TARGETS_FOR_RENEWAL_AREAS = Rule(
    "SS434",
    "no-targets-for-renewal-areas",
    Severity.WARNING,
    what="The indicators the neighbourhood renewal strategy lists have targets, but none is set for the neighbourhoods "
    "needing renewal: none on a renewal area's figures or the renewal areas together (series or against), and none for "
    "each neighbourhood or each renewal area. (With no target at all, SS419 reports it instead.) Reported once the "
    "partnership gives figures by area for any indicator; until then the completeness report's measure 'Sets targets "
    "for its neighbourhoods' says so.",
    why="'LSPs would be expected to set targets for how things should change over time in their most disadvantaged "
    "neighbourhoods' (guidance para 4.6), to narrow the gap between them and the rest (para 4.4). A target for the "
    "whole area can be met while the renewal areas fall further behind.",
    example="targets:\n  - value: 15\n    by: 2027/28\n    kind: floor   # the borough's figure only",
    instead="targets:\n  - value: 15\n    by: 2027/28\n    kind: floor\n  - value: 8\n    by: 2029/30\n    kind: local\n"
    "    series: renewal-areas\n    against: headline   # the gap between the renewal areas and the borough",
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


@check
def renewal_figures(context: Context) -> Iterator[Finding]:
    project = context.project
    reach = _judged_reach(project)
    if reach is None:
        return
    names = listed([indicator.id for indicator in reach.indicators])
    for area in reach.without_figures:
        yield RENEWAL_AREA_WITHOUT_FIGURES.at(
            area.where("id"),
            f"{area.name} is marked as needing renewal, but none of the renewal strategy's indicators ({names}) has figures for it",
            f"add a breakdown with 'area: {area.id}' and its figures to one of those indicators, so that residents can see how "
            "it is doing",
        )


@check
def renewal_area_targets(context: Context) -> Iterator[Finding]:
    project = context.project
    reach = _judged_reach(project)
    renewal = project.renewal_strategy
    if reach is None or renewal is None or not reach.has_targets or reach.with_targets:
        return  # with no target at all, SS419 says so
    yield NO_TARGETS_FOR_RENEWAL_AREAS.at(
        renewal.where("indicators"),
        "the renewal strategy's indicators have targets, but none is set for the neighbourhoods needing renewal "
        f"({listed([area.name for area in reach.areas])})",
        f"add a target on one of its indicators for {RENEWAL_AREAS} or a renewal area, such as a gap to narrow against the "
        "headline (series and against), or one for each renewal area (each: renewal-area)",
    )


def _judged_reach(project: Project) -> RenewalReach | None:
    """How far the renewal strategy reaches, when every one of its indicators is there to judge it by."""
    renewal = project.renewal_strategy
    if renewal is None or not renewal.indicators or not all_modelled(project, Kind.INDICATOR, Kind.PROGRESS_UPDATE):
        return None  # no indicator listed is SS419's; one with a mistake may be the one with the figures
    reach = renewal_reach(project)
    if reach is None or len(reach.indicators) < len(set(renewal.indicators)):
        return None  # an unknown indicator (SS103) may be the one meant
    # Figures by area are optional: a partnership that gives none yet is told by the report's measures, not on every check.
    return reach if reach.by_area else None
