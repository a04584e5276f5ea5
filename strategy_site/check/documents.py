"""The documents a partnership must have."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.load.files import Kind
from strategy_site.load.tree import display_path

MISSING_DOCUMENT = Rule(
    "SS006",
    "document-missing",
    Severity.ERROR,
    what="A document the partnership must publish is not in the source folder: the partnership file, the "
    "community strategy, at least one action plan, or (in a Neighbourhood Renewal Fund area) the "
    "neighbourhood renewal strategy.",
    why="The Local Government Act 2000 requires a community strategy, and the 2001 guidance (para 4.5) "
    "requires every Neighbourhood Renewal Fund area to have a local neighbourhood renewal strategy.",
    example="partnership.yml says 'neighbourhood_renewal_fund: true' but there is no "
    "neighbourhood-renewal-strategy.md.",
    instead="Add the missing file; the authoring guide has a complete example of each.",
)

_REQUIRED = [  # (kind, where it is looked for, what it is, how to add it)
    (Kind.PARTNERSHIP, "partnership.yml", "partnership file", "create partnership.yml"),
    (Kind.COMMUNITY_STRATEGY, "community-strategy.md", "community strategy", "create community-strategy.md"),
    (Kind.ACTION_PLAN, "action-plans", "action plan", "add an action plan as a .yml file in action-plans/"),
]


@check
def required_documents(context: Context) -> Iterator[Finding]:
    project = context.project
    present = {source.kind for source in project.files} | project.unreadable  # unreadable is reported already
    for kind, name, description, how in _REQUIRED:
        if kind not in present:
            yield MISSING_DOCUMENT.at(
                Location(display_path(project.root / name)),
                f"there is no {description}: strategy-site looks for it at {name}",
                f"{how}; the authoring guide has a complete example",
            )
    partnership = project.partnership
    if partnership and partnership.neighbourhood_renewal_fund and Kind.RENEWAL_STRATEGY not in present:
        yield MISSING_DOCUMENT.at(
            partnership.where("neighbourhood_renewal_fund"),
            "the partnership is a Neighbourhood Renewal Fund area but has no neighbourhood renewal strategy",
            "create neighbourhood-renewal-strategy.md (guidance para 4.5); the authoring guide has an example",
        )
