"""How far the neighbourhood renewal strategy reaches its neighbourhoods in figures and targets (guidance para 4.6):
which of the neighbourhoods marked as needing renewal its indicators have figures for, and which its targets are
set for. check (SS433, SS434) and the report's measures judge from here, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from strategy_site.model.documents import RENEWAL_AREAS, Indicator, Neighbourhood, Target
from strategy_site.model.project import Project
from strategy_site.model.series import EACH_NEIGHBOURHOOD, EACH_RENEWAL_AREA


@dataclass(frozen=True)
class RenewalReach:
    areas: tuple[Neighbourhood, ...]  # marked renewal_area: true, in partnership.yml's order
    indicators: tuple[Indicator, ...]  # the renewal strategy's, those that exist
    with_figures: frozenset[str]  # the ids of the areas one of the indicators has figures for
    with_targets: frozenset[str]  # the ids of the areas one of the indicators' targets is set for
    by_area: bool  # whether any indicator of the partnership, the renewal strategy's or not, gives figures by area

    @property
    def without_figures(self) -> list[Neighbourhood]:
        return [area for area in self.areas if area.id not in self.with_figures]

    @property
    def without_targets(self) -> list[Neighbourhood]:
        return [area for area in self.areas if area.id not in self.with_targets]

    @property
    def has_targets(self) -> bool:
        """Whether any of the indicators has a target at all, for the whole area or a part of it."""
        return any(indicator.targets for indicator in self.indicators)


def renewal_reach(project: Project) -> RenewalReach | None:
    """None without a renewal strategy, or without a neighbourhood marked as needing renewal."""
    renewal, partnership = project.renewal_strategy, project.partnership
    if renewal is None or partnership is None:
        return None
    areas = tuple(n for n in partnership.neighbourhoods if n.renewal_area)
    if not areas:
        return None
    indicators = tuple(project.indicator_by_id[i] for i in dict.fromkeys(renewal.indicators) if i in project.indicator_by_id)
    ids = [area.id for area in areas]
    with_figures = {area for area in ids if any(project.all_figures(indicator, area) for indicator in indicators)}
    with_targets = {area for indicator in indicators for target in indicator.targets for area in targeted(target, ids)}
    by_area = any(breakdown.area is not None for indicator in project.indicators for breakdown in indicator.breakdowns)
    return RenewalReach(areas, indicators, frozenset(with_figures), frozenset(with_targets), by_area)


def targeted(target: Target, areas: Iterable[str]) -> set[str]:
    """Which of ``areas`` (neighbourhood ids) the target is set for: one it names as its series or as what its gap is
    from, or all of them for a target on the renewal areas together or on each neighbourhood or renewal area."""
    areas = set(areas)
    named = {target.series, target.against}
    if RENEWAL_AREAS in named or target.each in (EACH_NEIGHBOURHOOD, EACH_RENEWAL_AREA):
        return areas
    return areas & named
