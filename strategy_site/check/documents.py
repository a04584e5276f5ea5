"""The documents a partnership must have."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.load.kinds import KINDS, DocumentKind, Kind
from strategy_site.load.tree import display_path
from strategy_site.model.project import Project

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

REQUIRED_KINDS = frozenset(entry.kind for entry in KINDS if entry.required)


def _how_to_add(entry: DocumentKind) -> str:
    if entry.folder is None:
        return f"create {entry.place}"
    article = "an" if entry.title[0] in "aeiou" else "a"
    return f"add {article} {entry.title} as a {'.md' if entry.markdown else '.yml'} file in {entry.place}"


def absent(project: Project, kind: Kind) -> bool:
    """Whether no file of a kind the partnership must have is in the folder, readable or not.

    SS006 reports the absence once; the references that would point into the document are then
    left unjudged, as they are while a file cannot be read.
    """
    return kind in REQUIRED_KINDS and kind not in _present(project)


def _present(project: Project) -> set[Kind]:
    return {source.kind for source in project.files} | project.unreadable  # unreadable is reported already


def _place(project: Project, name: str) -> Location:
    """Where a missing document belongs. A folder is shown with a trailing '/', and the text output gives
    it no line or column, since it has none."""
    shown = display_path(project.root / name)
    return Location(shown + "/" if name.endswith("/") else shown)


@check
def required_documents(context: Context) -> Iterator[Finding]:
    project = context.project
    present = _present(project)
    for entry in KINDS:
        if entry.required and entry.kind not in present:
            yield MISSING_DOCUMENT.at(
                _place(project, entry.place),
                f"there is no {entry.title}: strategy-site looks for it {'in' if entry.folder else 'at'} {entry.place}",
                f"{_how_to_add(entry)}; the authoring guide has a complete example",
            )
    partnership = project.partnership
    if partnership and partnership.neighbourhood_renewal_fund and Kind.RENEWAL_STRATEGY not in present:
        yield MISSING_DOCUMENT.at(
            partnership.where("neighbourhood_renewal_fund"),
            "the partnership is a Neighbourhood Renewal Fund area but has no neighbourhood renewal strategy",
            "create neighbourhood-renewal-strategy.md (guidance para 4.5); the authoring guide has an example",
        )
