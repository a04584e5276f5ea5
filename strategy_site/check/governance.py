"""The board, its chairs and the partnership agreements: who sits where, and who signs what.

SS406 asks whether the partnership's members come from every sector; these rules ask whether the board
and the agreements say the same as the membership: the core membership the guidance means is the board
(guidance paras 9 and 1.14), and an agreement is signed by the chairs of the partnerships that make it
(evaluation Box 1.4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from strategy_site.check.modelled import all_modelled, file_modelled
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import Kind
from strategy_site.model.documents import Agreement, Member, Person, ThematicPartnership
from strategy_site.model.membership import required_sectors
from strategy_site.model.project import Project
from strategy_site.words import listed, long_date, quoted_title

BOARD_SECTOR_MISSING = Rule(
    "SS410",
    "board-sector-missing",
    Severity.WARNING,
    what="The partnership has members from a sector the ruleset requires, but none of them has a seat on the "
    "board (board > members), or the board lists no members at all. A sector with no member at all is SS406.",
    why="The guidance asks that the core membership include the public, private, community and voluntary "
    "sectors: 'LSPs will only be effective if their core membership includes the public, private, community and "
    "voluntary sectors' (para 1.14, and para 9). The board is that core membership. A business that is only on the "
    "members list does not take the decisions.",
    example="members:\n  - {id: council, name: Fernley Borough Council, sector: public}\n"
    "  - {id: chamber, name: Fernley Chamber of Commerce, sector: private}\n  ...\n"
    "board:\n  chair: {name: Margaret Oduya, organisation: council}\n  members: [council, police, cvs, tenants]",
    instead="board:\n  chair: {name: Margaret Oduya, organisation: council}\n  members: [council, police, chamber, cvs, tenants]",
)
CHAIR_NOT_ON_BOARD = Rule(
    "SS411",
    "chair-not-on-board",
    Severity.WARNING,
    what="The board's chair or vice-chair represents an organisation that has no seat on the board, or a thematic "
    "partnership's chair represents an organisation that is not one of that partnership's members.",
    why="Any partner may lead the partnership (guidance para 11: 'It may often be the local authority, but it does "
    "not have to be – any partner could' lead it), but whoever leads speaks for an organisation round the table. A "
    "chair whose organisation is not on the board usually means one of the two lists is out of date.",
    example="board:\n  chair: {name: Margaret Oduya, organisation: chamber}\n  members: [council, police, cvs, tenants]",
    instead="board:\n  chair: {name: Margaret Oduya, organisation: chamber}\n  members: [council, police, chamber, cvs, tenants]",
)
AGREEMENT_CONTRADICTS_PARTNERSHIP = Rule(
    "SS412",
    "agreement-contradicts-partnership",
    Severity.WARNING,
    what="A partnership agreement made with one thematic partnership lists other members, or other themes, than "
    "partnership.yml gives for that thematic partnership.",
    why="An agreement sets out 'the themes which each partnership will contribute towards' and 'the membership of "
    "each partnership' (evaluation Box 1.4). When it and partnership.yml disagree, residents cannot tell who is "
    "answerable for the theme.",
    example="# agreements/safer-fernley.md\nparties: [board, safer-fernley]\nmembers: [police, council]\n"
    "# partnership.yml says safer-fernley's members are [police, council, tenants]",
    instead="members: [police, council, tenants]",
)
AGREEMENT_NOT_SIGNED_BY_CHAIRS = Rule(
    "SS413",
    "agreement-not-signed-by-chairs",
    Severity.WARNING,
    what="A partnership agreement is not signed by the people who must sign it: the chair of the board and the chair "
    "of each thematic partnership that is a party to it, as partnership.yml names them. Also reported when such a "
    "chair is listed but has not signed an agreement that gives the date it was agreed.",
    why="'The Chair of the relevant partnership and the Chair of the TSP Board sign each Agreement' (evaluation "
    "Box 1.4): the signatures are what make the agreement binding on both partnerships. An agreement signed only by "
    "officers commits nobody.",
    example="parties: [board, safer-fernley]\nsignatories:\n  - name: Jo Patel\n    role: Community safety manager\n"
    "    organisation: council\n    signed: 2026-07-01",
    instead="signatories:\n  - name: Margaret Oduya\n    role: Chair of the partnership board\n    organisation: cvs\n"
    "    signed: 2026-07-01\n  - name: Chief Inspector Dan Hale\n    role: Chair of the Safer Fernley Partnership\n"
    "    organisation: police\n    signed: 2026-07-01",
)
AGREEMENT_WITHOUT_AIMS_OR_MEASURES = Rule(
    "SS414",
    "agreement-without-aims-or-measures",
    Severity.ERROR,
    what="A partnership agreement names no themes, no aims or no measures (an empty list).",
    why="An agreement sets out 'the aims that relate to that partnership, the measures that monitor progress towards "
    "these aims' (evaluation Box 1.4). Without aims there is nothing agreed; without measures nobody can tell whether "
    "the aims are met. Leaving the field out is already an error (SS201); an empty list is the same gap.",
    example="aims:\n  - Cut domestic burglary to the national floor target.\nmeasures: []",
    instead="aims:\n  - Cut domestic burglary to the national floor target.\nmeasures:\n  - indicator: burglary-rate",
)


@check
def board_sectors(context: Context) -> Iterator[Finding]:
    project = context.project
    partnership = project.partnership
    if partnership is None or not all_modelled(project, Kind.PARTNERSHIP):
        return  # a member with a mistake may be the one with the seat: it is reported on its own
    board = partnership.board
    if not board.members:
        if project.members:
            yield BOARD_SECTOR_MISSING.at(
                board.where("members"),
                "the board lists no member organisations, so nobody can tell which sectors have a seat on it",
                "under board, add 'members:' with the ids of the member organisations that have a seat on the board",
            )
        return
    seated = set(board.members)
    for sector in required_sectors(project):
        of_sector = [member for member in project.members if member.sector == sector]
        if of_sector and not any(member.id in seated for member in of_sector):
            yield BOARD_SECTOR_MISSING.at(
                board.where("members"),
                f"no organisation with a seat on the board is from the {sector} sector, though {_some(of_sector)} "
                f"{'is a member' if len(of_sector) == 1 else 'are members'} of the partnership",
                f'give a {sector} sector member a seat on the board by adding its id to board > members, for example "{of_sector[0].id}"',
            )


def _some(members: list[Member], most: int = 2) -> str:
    names = [member.name for member in members[:most]]
    if len(members) > most:
        names.append(f"{len(members) - most} more")
    return listed(names)


@check
def chairs(context: Context) -> Iterator[Finding]:
    project = context.project
    partnership = project.partnership
    if partnership is None or not all_modelled(project, Kind.PARTNERSHIP):
        return
    board = partnership.board
    if board.members:
        for title, person in (("chair", board.chair), ("vice-chair", board.vice_chair)):
            if person and _member(project, person) and person.organisation not in board.members:
                yield CHAIR_NOT_ON_BOARD.at(
                    person.where("organisation"),
                    f"the board's {title}, {person.name}, represents {_organisation(project, person)}, which has no seat on the board",
                    f"add {person.organisation} to board > members, or correct the {title}'s organisation",
                )
    for thematic in partnership.thematic_partnerships:
        person = thematic.chair
        if thematic.members and _member(project, person) and person.organisation not in thematic.members:
            yield CHAIR_NOT_ON_BOARD.at(
                person.where("organisation"),
                f"the chair of the {thematic.name}, {person.name}, represents {_organisation(project, person)}, "
                "which is not one of its members",
                f"add {person.organisation} to the members of {thematic.id} under thematic_partnerships, or correct the chair's organisation",
            )


def _member(project: Project, person: Person) -> bool:
    """Whether the person names an organisation that is a member (an unknown one is SS104's to report)."""
    return person.organisation is not None and person.organisation in project.partner_by_id


def _organisation(project: Project, person: Person) -> str:
    return f'{project.partner_by_id[str(person.organisation)].name} ("{person.organisation}")'


def _thematic_parties(project: Project, agreement: Agreement) -> list[ThematicPartnership]:
    """The thematic partnerships that are parties to the agreement (an unknown party is SS108's to report)."""
    if project.partnership is None:
        return []
    by_id = {thematic.id: thematic for thematic in reversed(project.partnership.thematic_partnerships)}
    return [by_id[party] for party in dict.fromkeys(agreement.parties) if party in by_id]


@check
def agreements_match_the_partnership(context: Context) -> Iterator[Finding]:
    project = context.project
    if not all_modelled(project, Kind.PARTNERSHIP):
        return
    for agreement in project.agreements:
        parties = _thematic_parties(project, agreement)
        if len(parties) != 1:
            continue  # an agreement between several thematic partnerships lists the members of none in particular
        thematic = parties[0]
        known = {"members": set(project.partner_by_id), "themes": set(project.theme_by_id)}
        for field, noun, theirs in (("members", "members", thematic.members), ("themes", "themes", thematic.themes)):
            ours = getattr(agreement, field)
            if not theirs or not ours or not set(ours) | set(theirs) <= known[field]:
                continue  # nothing to compare with (an empty list is SS414's), or a misspelt id (SS104, SS105)
            extra = [value for value in dict.fromkeys(ours) if value not in theirs]
            missing = [value for value in dict.fromkeys(theirs) if value not in ours]
            if extra or missing:
                differences = ([f"it also lists {listed(extra)}"] if extra else []) + (
                    [f"it leaves out {listed(missing)}"] if missing else [])
                yield AGREEMENT_CONTRADICTS_PARTNERSHIP.at(
                    agreement.where(field),
                    f"the agreement's {noun} differ from those partnership.yml gives the {thematic.name}: " + " and ".join(differences),
                    f"make the two lists the same: correct the agreement, or update {field} of {thematic.id} under "
                    f"thematic_partnerships in partnership.yml if they have changed",
                )


def _same_name(first: str, second: str) -> bool:
    """Names written alike, whatever the case, spacing and punctuation: "Dr. Priya  Ranganathan" is "dr priya ranganathan"."""
    return _plain(first) == _plain(second)


def _plain(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


@check
def agreement_signatures(context: Context) -> Iterator[Finding]:
    project = context.project
    partnership = project.partnership
    if partnership is None or not all_modelled(project, Kind.PARTNERSHIP):
        return
    for agreement in project.agreements:
        if not file_modelled(project, agreement.source_file.path):
            continue  # a signatory with a mistake may be the chair: it is reported on its own
        chairs = [("the chair of the partnership board", partnership.board.chair)]
        chairs += [(f"the chair of the {thematic.name}", thematic.chair) for thematic in _thematic_parties(project, agreement)]
        for title, chair in chairs:
            signed_by = [s for s in agreement.signatories if _same_name(s.name, chair.name)]
            if not signed_by:
                yield AGREEMENT_NOT_SIGNED_BY_CHAIRS.at(
                    agreement.where("signatories"),
                    f'agreement {quoted_title(agreement.title)} is not signed by {title}, {chair.name}',
                    f"add {chair.name} to signatories with the date they signed: the chair of the board and the chair of the "
                    "thematic partnership sign each agreement (evaluation Box 1.4). If the chair has changed, correct the chair "
                    "in partnership.yml, or have the new chair sign the agreement",
                )
            elif agreement.agreed and not any(s.signed for s in signed_by):
                yield AGREEMENT_NOT_SIGNED_BY_CHAIRS.at(
                    signed_by[0].where("name"),
                    f'agreement {quoted_title(agreement.title)} was agreed on {long_date(agreement.agreed)}, but {title}, {chair.name}, '
                    "has not signed it",
                    "add 'signed: YYYY-MM-DD' with the date they signed, or remove the agreed date until they have",
                )


@check
def agreement_contents(context: Context) -> Iterator[Finding]:
    for agreement in context.project.agreements:
        empty = {
            "themes": ("names no theme, so it does not say what the partnership contributes to",
                       "under themes, add the ids of the community strategy themes it contributes to"),
            "aims": ("lists no aims, so nothing is agreed",
                     "under aims, add what the thematic partnership will achieve, one aim a line"),
            "measures": ("lists no measures, so nobody can tell whether its aims are met",
                         "under measures, add '- indicator: <id>' for each indicator that tracks its aims"),
        }
        for field, (what, hint) in empty.items():
            if not getattr(agreement, field):
                yield AGREEMENT_WITHOUT_AIMS_OR_MEASURES.at(agreement.where(field), f'agreement {quoted_title(agreement.title)} {what}', hint)
