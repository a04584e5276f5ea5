"""Ids are unique, and every reference points at something that exists."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from strategy_site.check.documents import absent
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.model.documents import Model
from strategy_site.model.project import DECLARATIONS, Project

DUPLICATE_ID = Rule(
    "SS101",
    "duplicate-id",
    Severity.ERROR,
    what="Two entries of the same kind share an id: two actions, two indicators, two member organisations.",
    why="Ids link the strategy together and become web addresses on the site. With two entries under one id, "
    "links and figures would attach to the wrong one.",
    example="- id: ED-04\n  title: Homework clubs\n...\n- id: ED-04\n  title: Adult literacy",
    instead="Give the second entry its own id, such as ED-05.",
)
PAGE_CLASH = Rule(
    "SS109",
    "page-clash",
    Severity.ERROR,
    what="Two documents would be published at the same address, or a document or id is named 'index', which "
    "is the address of a list page.",
    why="One page would silently replace the other: an action with the id 'index' would take the place of a list "
    "of pages, and 'plan.yml' beside 'plan.yaml' would give one page for two plans.",
    example="action-plans/index.yml, or an action with 'id: index'",
    instead="Give each document and id a name of its own, such as action-plans/2026-27.yml or 'id: HE-01'.",
)
UNKNOWN_PRIORITY = Rule(
    "SS102",
    "unknown-priority",
    Severity.ERROR,
    what="An action names a priority that the community strategy does not have.",
    why="The chain from outcome to action is what shows an action is not just 'what agencies would be doing "
    "in any case' (evaluation Box 2.2). A broken link breaks the chain.",
    example="priority: safer-streetz",
    instead="priority: safer-streets   # an id under themes > priorities in community-strategy.md",
)
UNKNOWN_INDICATOR = Rule(
    "SS103",
    "unknown-indicator",
    Severity.ERROR,
    what="A priority, action, agreement, progress update or renewal strategy names an indicator that has "
    "no file in indicators/.",
    why="Progress cannot be shown against an indicator the partnership does not define and report.",
    example="indicators: [burglary-rate]",
    instead="Use the id of an indicator in indicators/, or add the indicator.",
)
UNKNOWN_PARTNER = Rule(
    "SS104",
    "unknown-partner",
    Severity.ERROR,
    what="A lead, supporting partner, provider, signatory or member is not a member organisation of the "
    "partnership.",
    why="Accountability needs a named organisation residents can find. A misspelt id would leave an action "
    "with nobody responsible.",
    example="lead: polce",
    instead="lead: police   # an id under members in partnership.yml",
)
UNKNOWN_THEME = Rule(
    "SS105",
    "unknown-theme",
    Severity.ERROR,
    what="A thematic partnership or agreement names a theme that the community strategy does not have.",
    why="Partnership agreements set out the themes each thematic partnership contributes to (evaluation "
    "Box 1.4); a theme that does not exist cannot be reported on.",
    example="themes: [healthy]",
    instead="themes: [health]   # an id under themes in community-strategy.md",
)
UNKNOWN_ACTION = Rule(
    "SS106",
    "unknown-action",
    Severity.ERROR,
    what="A progress update reports on an action that is in no action plan.",
    why="The update would be lost: the site cannot show it against any action.",
    example="- action: HS-9\n  status: on track",
    instead="Use the id of an action in action-plans/.",
)
UNKNOWN_NEIGHBOURHOOD = Rule(
    "SS107",
    "unknown-neighbourhood",
    Severity.ERROR,
    what="An action or the renewal strategy names a neighbourhood that partnership.yml does not list.",
    why="Residents look up what is happening where they live; an unknown neighbourhood cannot be shown.",
    example="neighbourhoods: [north-gate]",
    instead="neighbourhoods: [northgate]   # an id under neighbourhoods in partnership.yml",
)
UNKNOWN_PARTY = Rule(
    "SS108",
    "unknown-party",
    Severity.ERROR,
    what="An agreement party or action plan owner is neither a thematic partnership nor 'board'.",
    why="Agreements are made between the board and each thematic partnership; an unknown party cannot sign.",
    example="parties: [board, health-partnershp]",
    instead="parties: [board, health-partnership]   # an id under thematic_partnerships in partnership.yml",
)

BOARD = "board"


def suggest(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f' Did you mean "{guess[0]}"?' if guess else ""


def known_ids(project: Project, name: str) -> set[str] | None:
    """The ids declared for ``name``, or None while a file that declares them cannot be read or is not there.

    An unreadable file, or a required document that is missing (SS006), is reported once; every
    reference into it is then left unjudged rather than reported as unknown. A theme cannot be
    compared with a community strategy nobody has written yet.
    """
    if not project.resolvable(name) or any(absent(project, kind) for kind, _ in DECLARATIONS[name]):
        return None
    return project.declared[name]


def _reference(rule: Rule, what: str, value: str, where: Location, known: set[str] | None, hint: str) -> Iterator[Finding]:
    if known is not None and value not in known:
        yield rule.at(where, f'{what} "{value}" {_NOT_FOUND[rule.code]}.{suggest(value, known)}', hint)


_NOT_FOUND = {
    UNKNOWN_PRIORITY.code: "is not a priority in the community strategy",
    UNKNOWN_INDICATOR.code: "is not an indicator in indicators/",
    UNKNOWN_PARTNER.code: "is not a member of the partnership",
    UNKNOWN_THEME.code: "is not a theme in the community strategy",
    UNKNOWN_ACTION.code: "is not an action in any action plan",
    UNKNOWN_NEIGHBOURHOOD.code: "is not a neighbourhood listed in partnership.yml",
    UNKNOWN_PARTY.code: "is not a thematic partnership or the board",
}
_PARTNER_HINT = "use the id of an organisation under members in partnership.yml, or add the organisation there"
_INDICATOR_HINT = "use the id of an indicator file in indicators/, or add the indicator"


@check
def page_names(context: Context) -> Iterator[Finding]:
    project = context.project
    for noun, items in (("member organisation", project.members), ("theme", project.themes),
                        ("priority", project.priorities), ("action", project.actions), ("indicator", project.indicators),
                        ("neighbourhood", project.partnership.neighbourhoods if project.partnership else [])):
        for item in items:
            if item.id.lower() == "index":
                yield PAGE_CLASH.at(item.where("id"), f'the {noun} id "{item.id}" is the address of a list page, so its page would replace it',
                                    f"give this {noun} another id")
    seen: dict[str, str] = {}
    for source in project.files:
        page = source.path.rsplit(".", 1)[0]
        if "/" in page and page.rsplit("/", 1)[1].lower() == "index":
            yield PAGE_CLASH.at(Location(source.path), "a document named 'index' would replace the list page of its folder",
                                "rename the file, for example to 2026-27.yml")
        elif page in seen:
            yield PAGE_CLASH.at(Location(source.path), f"this document and {seen[page]} would be published as the same page",
                                "rename one of them; keep one ending, .yml or .yaml")
        seen.setdefault(page, source.path)


def _list(model: Model, field: str) -> Iterator[tuple[str, Location]]:
    for index, value in enumerate(getattr(model, field)):
        yield value, model.where(field, index)


@check
def unique_ids(context: Context) -> Iterator[Finding]:
    project = context.project
    groups: list[tuple[str, list[Model]]] = [
        ("member organisation", list(project.members)),
        ("theme", list(project.themes)),
        ("priority", list(project.priorities)),
        ("action", list(project.actions)),
        ("indicator", list(project.indicators)),
    ]
    if project.partnership:
        groups.append(("neighbourhood", list(project.partnership.neighbourhoods)))
        groups.append(("thematic partnership", list(project.partnership.thematic_partnerships)))
    for noun, items in groups:
        first: dict[str, Location] = {}
        for item in items:
            where = item.where("id")
            earlier = first.setdefault(item.id, where)  # type: ignore[attr-defined]
            if earlier is not where:
                place = f"line {earlier.position.line}" + ("" if earlier.path == where.path else f" of {earlier.path}")
                yield DUPLICATE_ID.at(
                    where,
                    f'the {noun} id "{item.id}" is already used ({place})',  # type: ignore[attr-defined]
                    f"give this {noun} an id of its own",
                )


@check
def partner_references(context: Context) -> Iterator[Finding]:
    project = context.project
    known = known_ids(project, "partner")
    places: list[tuple[str, str, Location]] = []
    for action in project.actions:
        if action.lead:
            places.append(("the lead partner", action.lead, action.where("lead")))
        places += [("the supporting partner", value, where) for value, where in _list(action, "supporting")]
        places += [("the provider", r.provider, r.where("provider")) for r in action.resources if r.provider]
    for indicator in project.indicators:
        if indicator.responsible:
            places.append(("the responsible partner", indicator.responsible, indicator.where("responsible")))
    if project.partnership:
        board = project.partnership.board
        places += [("the board member", value, where) for value, where in _list(board, "members")]
        people = [board.chair, board.vice_chair] + [tp.chair for tp in project.partnership.thematic_partnerships]
        places += [("the organisation", p.organisation, p.where("organisation")) for p in people if p and p.organisation]
        for partnership in project.partnership.thematic_partnerships:
            places += [("the member", value, where) for value, where in _list(partnership, "members")]
    for agreement in project.agreements:
        places += [("the member", value, where) for value, where in _list(agreement, "members")]
        places += [("the signatory's organisation", s.organisation, s.where("organisation")) for s in agreement.signatories]
    for what, value, where in places:
        yield from _reference(UNKNOWN_PARTNER, what, value, where, known, _PARTNER_HINT)


@check
def strategy_references(context: Context) -> Iterator[Finding]:
    project = context.project
    priorities, indicators = known_ids(project, "priority"), known_ids(project, "indicator")
    for action in project.actions:
        if action.priority:
            yield from _reference(
                UNKNOWN_PRIORITY, "the priority", action.priority, action.where("priority"), priorities,
                "use the id of a priority under themes in community-strategy.md",
            )
    holders: list[Model] = [*project.priorities, *project.actions]
    if project.renewal_strategy:
        holders.append(project.renewal_strategy)
    for holder in holders:
        for value, where in _list(holder, "indicators"):
            yield from _reference(UNKNOWN_INDICATOR, "the indicator", value, where, indicators, _INDICATOR_HINT)
    for agreement in project.agreements:
        for measure in agreement.measures:
            yield from _reference(
                UNKNOWN_INDICATOR, "the indicator", measure.indicator, measure.where("indicator"), indicators, _INDICATOR_HINT
            )
    for update in [*project.progress_updates, *project.draft_updates]:  # a draft is checked before it is published
        for figure in update.indicators:
            yield from _reference(
                UNKNOWN_INDICATOR, "the indicator", figure.indicator, figure.where("indicator"), indicators, _INDICATOR_HINT
            )
        for progress in update.actions:
            yield from _reference(
                UNKNOWN_ACTION, "the action", progress.action, progress.where("action"), known_ids(project, "action"),
                "use the id of an action in action-plans/",
            )


@check
def area_references(context: Context) -> Iterator[Finding]:
    project = context.project
    themes, neighbourhoods = known_ids(project, "theme"), known_ids(project, "neighbourhood")
    partnerships = known_ids(project, "thematic partnership")
    parties = None if partnerships is None else partnerships | {BOARD}
    theme_holders: list[Model] = [*project.agreements]
    if project.partnership:
        theme_holders += project.partnership.thematic_partnerships
    for holder in theme_holders:
        for value, where in _list(holder, "themes"):
            yield from _reference(
                UNKNOWN_THEME, "the theme", value, where, themes, "use the id of a theme in community-strategy.md"
            )
    area_holders: list[Model] = [*project.actions]
    if project.renewal_strategy:
        area_holders.append(project.renewal_strategy)
    for holder in area_holders:
        for value, where in _list(holder, "neighbourhoods"):
            yield from _reference(
                UNKNOWN_NEIGHBOURHOOD, "the neighbourhood", value, where, neighbourhoods,
                "use the id of a neighbourhood under neighbourhoods in partnership.yml, or add it there",
            )
    party_hint = "use 'board' or the id of a thematic partnership in partnership.yml"
    for agreement in project.agreements:
        for value, where in _list(agreement, "parties"):
            yield from _reference(UNKNOWN_PARTY, "the party", value, where, parties, party_hint)
    for plan in project.action_plans:
        if plan.owner:
            yield from _reference(UNKNOWN_PARTY, "the owner", plan.owner, plan.where("owner"), parties, party_hint)
