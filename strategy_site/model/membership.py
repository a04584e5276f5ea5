"""Who the partnership brings together: the sectors its ruleset requires (guidance para 9) and the members
that take part in delivery. `check` reports a missing sector (SS406); the report's sectors measure and its
checklist judge the same sectors through these functions, so the two cannot disagree."""

from __future__ import annotations

from strategy_site.model.documents import Member, Sector
from strategy_site.model.project import Project


def required_sectors(project: Project) -> list[Sector]:
    """The sectors the partnership's ruleset requires, in its order: each counts only for itself, so a
    faith group is not a community group (a partnership that counts faith groups apart requires both)."""
    return list(dict.fromkeys(project.ruleset.required_sectors or []))


def missing_sectors(project: Project) -> list[Sector]:
    """The required sectors that no member organisation is from."""
    present = {member.sector for member in project.members}
    return [sector for sector in required_sectors(project) if sector not in present]


def delivering_members(project: Project) -> list[Member]:
    """The members that lead or support at least one action."""
    return [m for m in project.members if m.id in project.actions_led_by or m.id in project.actions_supported_by]


def sectors_not_delivering(project: Project) -> list[Sector]:
    """The required sectors none of whose members leads or supports an action."""
    active = {member.sector for member in delivering_members(project)}
    return [sector for sector in required_sectors(project) if sector not in active]
