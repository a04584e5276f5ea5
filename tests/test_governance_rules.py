"""Governance rules (SS410-SS414): the board is what the membership says, and each partnership agreement is the
thematic partnership's, signed by the chairs, with aims and measures (guidance paras 9, 11 and 1.14; evaluation Box 1.4)."""

from __future__ import annotations

from pathlib import Path

from strategy_site.findings import Severity
from tests.conftest import edit, findings_for, line_of, where

PARTNERSHIP = "partnership.yml"
AGREEMENT = "agreements/safer-fernley.md"
COLLEGE = "  - id: college\n    name: Fernley College\n    sector: public\n    type: further education\nboard:\n"


# --- SS410 board-sector-missing ------------------------------------------------------------------------------


def test_a_board_without_the_business_member_is_a_warning_at_the_board_members(project_dir: Path) -> None:
    partnership = project_dir / PARTNERSHIP
    edit(partnership, "  members: [council, police, chamber, cvs, tenants]", "  members: [council, police, cvs, tenants]")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS410", "src/partnership.yml", line_of(partnership, "  members: [council, police, cvs"), 12)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("no organisation with a seat on the board is from the private sector, though Fernley Chamber "
                                   "of Commerce is a member of the partnership")
    assert findings[0].hint == 'give a private sector member a seat on the board by adding its id to board > members, for example "chamber"'


def test_a_sector_missing_from_the_whole_membership_is_reported_once_by_sector_missing(project_dir: Path) -> None:
    edit(project_dir / PARTNERSHIP, "sector: private", "sector: public")

    assert [f.code for f in findings_for(project_dir)] == ["SS406"]


def test_a_board_that_lists_no_members_is_reported_once(project_dir: Path) -> None:
    partnership = project_dir / PARTNERSHIP
    edit(partnership, "  members: [council, police, chamber, cvs, tenants]\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS410", "src/partnership.yml", line_of(partnership, "  chair:"), 3)]
    assert findings[0].message == "the board lists no member organisations, so nobody can tell which sectors have a seat on it"


def test_a_member_with_a_mistake_leaves_the_board_unjudged(project_dir: Path) -> None:
    edit(project_dir / PARTNERSHIP, "sector: private", "sector: privat")

    codes = [f.code for f in findings_for(project_dir)]

    assert "SS203" in codes and "SS410" not in codes


# --- SS411 chair-not-on-board ---------------------------------------------------------------------------------


def test_a_board_chair_whose_organisation_has_no_seat_is_a_warning_at_the_organisation(project_dir: Path) -> None:
    partnership = project_dir / PARTNERSHIP
    edit(partnership, "board:\n", COLLEGE)
    edit(partnership, "    organisation: cvs", "    organisation: college")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS411", "src/partnership.yml", line_of(partnership, "organisation: college"), 19)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == 'the board\'s chair, Margaret Oduya, represents Fernley College ("college"), which has no seat on the board'


def test_a_thematic_chair_from_outside_its_partnership_is_reported(project_dir: Path) -> None:
    partnership = project_dir / PARTNERSHIP
    edit(partnership, "      organisation: police", "      organisation: chamber")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS411", "src/partnership.yml", line_of(partnership, "organisation: chamber"), 21)]
    assert findings[0].message == ("the chair of the Safer Fernley Partnership, Chief Inspector Dan Hale, represents Fernley "
                                   'Chamber of Commerce ("chamber"), which is not one of its members')


# --- SS412 agreement-contradicts-partnership --------------------------------------------------------------------


def test_an_agreement_listing_other_members_than_its_partnership_is_a_warning_at_its_members(project_dir: Path) -> None:
    agreement = project_dir / AGREEMENT
    edit(agreement, "members: [police, council, tenants]", "members: [police, council]")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS412", "src/" + AGREEMENT, line_of(agreement, "members:"), 10)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("the agreement's members differ from those partnership.yml gives the Safer Fernley Partnership: "
                                   "it leaves out tenants")


def test_an_agreement_for_another_theme_than_its_partnership_leads_is_reported(project_dir: Path) -> None:
    agreement, strategy = project_dir / AGREEMENT, project_dir / "community-strategy.md"
    edit(strategy, "themes:\n", "themes:\n  - id: homes\n    name: Homes\n    priorities: []\n")
    edit(agreement, "themes: [safety]", "themes: [safety, homes]")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS412", "src/" + AGREEMENT, line_of(agreement, "themes:"), 9)]
    assert findings[0].message.endswith("it also lists homes")


def test_a_misspelt_member_in_an_agreement_is_reported_only_as_unknown(project_dir: Path) -> None:
    edit(project_dir / AGREEMENT, "members: [police, council, tenants]", "members: [police, council, tenents]")

    assert [f.code for f in findings_for(project_dir)] == ["SS104"]


# --- SS413 agreement-not-signed-by-chairs ----------------------------------------------------------------------


def test_an_agreement_the_board_chair_did_not_sign_is_a_warning_at_its_signatories(project_dir: Path) -> None:
    agreement = project_dir / AGREEMENT
    edit(agreement, "  - name: Margaret Oduya\n    role: Chair of the partnership board\n",
         "  - name: Jo Patel\n    role: Community safety manager\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS413", "src/" + AGREEMENT, line_of(agreement, "- name: Jo Patel"), 3)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ('agreement "Agreement between the board and the Safer Fernley Partnership" is not signed by '
                                   "the chair of the partnership board, Margaret Oduya")


def test_an_agreement_the_thematic_chair_did_not_sign_is_reported(project_dir: Path) -> None:
    agreement = project_dir / AGREEMENT
    edit(agreement, "  - name: Chief Inspector Dan Hale\n", "  - name: Sergeant Amy Cole\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS413", "src/" + AGREEMENT, line_of(agreement, "- name: Margaret Oduya"), 3)]
    assert findings[0].message.endswith("the chair of the Safer Fernley Partnership, Chief Inspector Dan Hale")


def test_a_chairs_name_is_matched_whatever_its_capitals_spacing_and_full_stops(project_dir: Path) -> None:
    edit(project_dir / AGREEMENT, "  - name: Margaret Oduya\n", "  - name: MARGARET  Oduya.\n")

    assert findings_for(project_dir) == []


def test_an_agreed_agreement_that_a_chair_has_not_signed_is_reported_at_the_chair(project_dir: Path) -> None:
    agreement = project_dir / AGREEMENT
    edit(agreement, "    organisation: cvs\n    signed: 2024-07-01\n", "    organisation: cvs\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS413", "src/" + AGREEMENT, line_of(agreement, "- name: Margaret Oduya"), 11)]
    assert findings[0].message == ('agreement "Agreement between the board and the Safer Fernley Partnership" was agreed on '
                                   "1 July 2024, but the chair of the partnership board, Margaret Oduya, has not signed it")


# --- SS414 agreement-without-aims-or-measures ------------------------------------------------------------------


def test_an_agreement_with_no_measures_is_an_error_at_the_empty_list(project_dir: Path) -> None:
    agreement = project_dir / AGREEMENT
    edit(agreement, "measures:\n  - indicator: burglary-rate\n", "measures: []\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS414", "src/" + AGREEMENT, line_of(agreement, "measures: []"), 11)]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message == ('agreement "Agreement between the board and the Safer Fernley Partnership" lists no measures, '
                                   "so nobody can tell whether its aims are met")


def test_an_agreement_with_no_aims_is_an_error(project_dir: Path) -> None:
    agreement = project_dir / AGREEMENT
    edit(agreement, "aims:\n  - Cut domestic burglary to the national floor target.\n", "aims: []\n")

    assert where(findings_for(project_dir)) == [("SS414", "src/" + AGREEMENT, line_of(agreement, "aims: []"), 7)]
