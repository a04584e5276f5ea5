"""Reference rules (SS101-SS108): ids are unique and every reference resolves."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import action_entry, edit, findings_for, line_of, where

PLAN = "action-plans/2026-27.yml"


def test_two_actions_with_one_id_are_reported_at_the_second(project_dir: Path) -> None:
    plan = project_dir / PLAN
    plan.write_text(plan.read_text(encoding="utf-8") + action_entry("SF-01"), encoding="utf-8")

    findings = findings_for(project_dir)

    second = [n for n, line in enumerate(plan.read_text().splitlines(), 1) if "id: SF-01" in line][1]
    assert where(findings) == [("SS101", "src/" + PLAN, second, 9)]
    assert findings[0].message == f'the action id "SF-01" is already used (line {line_of(plan, "id: SF-01")})'


def test_an_id_repeated_in_another_file_names_that_file(project_dir: Path) -> None:
    (project_dir / "action-plans/2027-28.yml").write_text(
        "title: Plan 2027 to 2028\nkind: overall\nperiod: 2027-2028\nactions:" + action_entry("SF-01"), encoding="utf-8"
    )

    findings = findings_for(project_dir)

    assert [(f.code, f.path) for f in findings] == [("SS101", "src/action-plans/2027-28.yml")]
    assert "of src/action-plans/2026-27.yml" in findings[0].message


def test_an_action_serving_an_unknown_priority_is_reported_with_a_suggestion(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "priority: fewer-burglaries", "priority: fewer-burglary")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS102", "src/" + PLAN, line_of(plan, "priority:"), 15)]
    assert findings[0].message == 'the priority "fewer-burglary" is not a priority in the community strategy. Did you mean "fewer-burglaries"?'


def test_a_priority_measured_by_an_unknown_indicator_is_reported(project_dir: Path) -> None:
    strategy = project_dir / "community-strategy.md"
    edit(strategy, "indicators: [burglary-rate]", "indicators: [burglary-rates]")

    assert where(findings_for(project_dir)) == [("SS103", "src/community-strategy.md", line_of(strategy, "burglary-rates"), 22)]


def test_a_progress_figure_for_an_unknown_indicator_is_reported(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    edit(update, "  - indicator: burglary-rate", "  - indicator: burglaries")

    assert where(findings_for(project_dir)) == [("SS103", "src/progress/2026-11-10-quarter-2.md", line_of(update, "burglaries"), 16)]


def test_a_misspelt_lead_partner_is_reported_with_a_suggestion(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "lead: police", "lead: polce")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS104", "src/" + PLAN, line_of(plan, "lead: polce"), 11)]
    assert findings[0].message == 'the lead partner "polce" is not a member of the partnership. Did you mean "police"?'


def test_deleting_a_member_reports_every_reference_to_it(project_dir: Path) -> None:
    edit(project_dir / "partnership.yml", "  - id: tenants\n    name: Fernley Tenants' Federation\n    sector: community\n    type: residents\n", "")

    findings = findings_for(project_dir)

    plan, agreement = project_dir / PLAN, project_dir / "agreements/safer-fernley.md"
    assert ("SS104", "src/" + PLAN, line_of(plan, "supporting: [council, tenants]"), 27) in where(findings)
    assert ("SS104", "src/agreements/safer-fernley.md", line_of(agreement, "members: [police, council, tenants]"), 28) in where(findings)
    assert {f.code for f in findings} == {"SS104", "SS406"}  # and the community sector is now missing


def test_a_signatory_from_an_unknown_organisation_is_reported(project_dir: Path) -> None:
    agreement = project_dir / "agreements/safer-fernley.md"
    edit(agreement, "    organisation: cvs", "    organisation: the-cvs")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS104", "src/agreements/safer-fernley.md", line_of(agreement, "the-cvs"), 19)]
    assert findings[0].message.startswith('the signatory\'s organisation "the-cvs" is not a member')


def test_a_thematic_partnership_leading_an_unknown_theme_is_reported(project_dir: Path) -> None:
    partnership = project_dir / "partnership.yml"
    edit(partnership, "themes: [safety]", "themes: [safer]")

    assert where(findings_for(project_dir)) == [("SS105", "src/partnership.yml", line_of(partnership, "themes: [safer]"), 14)]


def test_a_progress_update_on_an_unknown_action_is_reported(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    edit(update, "  - action: SF-01", "  - action: SF-1")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS106", "src/progress/2026-11-10-quarter-2.md", line_of(update, "action: SF-1"), 13)]
    assert findings[0].message.endswith('Did you mean "SF-01"?')


def test_an_action_in_an_unknown_neighbourhood_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "neighbourhoods: [brookside]", "neighbourhoods: [brook-side]")

    assert where(findings_for(project_dir)) == [("SS107", "src/" + PLAN, line_of(plan, "brook-side"), 22)]


def test_an_agreement_with_an_unknown_party_is_reported(project_dir: Path) -> None:
    agreement = project_dir / "agreements/safer-fernley.md"
    edit(agreement, "parties: [board, safer-fernley]", "parties: [board, safer-ferns]")

    assert where(findings_for(project_dir)) == [("SS108", "src/agreements/safer-fernley.md", line_of(agreement, "parties:"), 18)]


def test_an_action_plan_owned_by_an_unknown_partnership_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "kind: overall\n", "kind: overall\nowner: safer\n")

    assert where(findings_for(project_dir)) == [("SS108", "src/" + PLAN, line_of(plan, "owner: safer"), 8)]


def test_a_reference_to_a_member_whose_own_entry_has_a_mistake_is_not_also_reported(project_dir: Path) -> None:
    partnership = project_dir / "partnership.yml"
    edit(partnership, "    name: Fernshire Police\n    sector: public", "    name: Fernshire Police\n    sector: statutory")

    assert [f.code for f in findings_for(project_dir)] == ["SS203"]


def test_themes_are_not_judged_while_there_is_no_community_strategy(project_dir: Path) -> None:
    (project_dir / "community-strategy.md").unlink()

    findings = findings_for(project_dir)

    assert "SS105" not in {f.code for f in findings}  # partnership.yml and the agreement name "safety"
    assert ("SS006", "src/community-strategy.md", 1, 1) in where(findings)


def test_priorities_are_not_judged_while_there_is_no_community_strategy(project_dir: Path) -> None:
    (project_dir / "community-strategy.md").unlink()

    assert [f.code for f in findings_for(project_dir) if f.code.startswith("SS1")] == []  # the plan's priority is left alone


def test_with_only_the_partnership_file_only_the_missing_documents_are_reported(project_dir: Path) -> None:
    for folder in ("action-plans", "agreements", "indicators", "progress"):
        shutil.rmtree(project_dir / folder)
    (project_dir / "community-strategy.md").unlink()
    (project_dir / "neighbourhood-renewal-strategy.md").unlink()
    partnership = project_dir / "partnership.yml"

    assert where(findings_for(project_dir)) == [  # and no SS105 for the theme its thematic partnership leads
        ("SS006", "src/action-plans/", 1, 1),
        ("SS006", "src/community-strategy.md", 1, 1),
        ("SS006", "src/partnership.yml", line_of(partnership, "neighbourhood_renewal_fund:"), 29),
    ]


def test_a_progress_update_on_an_action_is_not_judged_while_there_is_no_action_plan(project_dir: Path) -> None:
    (project_dir / PLAN).unlink()
    (project_dir / "action-plans").rmdir()

    codes = [f.code for f in findings_for(project_dir)]

    assert "SS106" not in codes and "SS006" in codes
