"""Who is in the partnership."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.model.membership import missing_sectors

SECTOR_MISSING = Rule(
    "SS406",
    "sector-missing",
    Severity.ERROR,
    what="No member organisation comes from one of the sectors the ruleset requires (by default public, "
    "private, voluntary and community). Each sector counts only for itself: a faith group is not a community "
    "group. The completeness report judges the same sectors.",
    why="The 2001 guidance (para 9) expects a partnership to involve the public, private, community and "
    "voluntary sectors; the 2005 evaluation found councils dominating where they did not.",
    example="members:\n  - {id: council, name: Ravensholt Borough Council, sector: public}\n"
    "  - {id: police, name: Northmarch Police, sector: public}",
    instead="Add the business, voluntary and community organisations that take part, each with its sector.",
)


@check
def sectors(context: Context) -> Iterator[Finding]:
    partnership = context.project.partnership
    if partnership is None:
        return
    for sector in missing_sectors(context.project):
        yield SECTOR_MISSING.at(
            partnership.where("members", key=True),
            f"no member organisation is from the {sector} sector",
            f"add the {sector} sector organisations that take part in the partnership, with 'sector: {sector}'",
        )
