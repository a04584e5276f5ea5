"""The demonstration partnership in strategy_src/ is complete, realistic and passes the check."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from strategy_site.findings import Severity
from strategy_site.model.project import Project, load_project
from tests.conftest import REPO, TODAY, edit, findings_for, line_of, where

DEMO = REPO / "strategy_src"


@pytest.fixture(scope="module")
def demo() -> Project:
    return load_project(DEMO)


@pytest.fixture
def demo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DEMO, tmp_path / "strategy_src")
    return tmp_path / "strategy_src"


def test_the_demo_has_no_errors() -> None:
    errors = [f for f in findings_for(DEMO, TODAY) if f.severity is Severity.ERROR]
    assert errors == []


def test_the_demo_has_members_from_every_sector(demo: Project) -> None:
    sectors = Counter(member.sector for member in demo.members)
    assert len(demo.members) >= 20
    assert set(sectors) == {"public", "private", "voluntary", "community", "faith"}


def test_the_demo_has_enough_themes_priorities_actions_and_plans(demo: Project) -> None:
    assert len(demo.themes) >= 5
    assert len(demo.priorities) >= 12
    assert len(demo.actions) >= 40
    assert len(demo.action_plans) >= 2


def test_every_demo_indicator_has_a_baseline_targets_and_four_periods_of_figures(demo: Project) -> None:
    assert len(demo.indicators) >= 15
    for indicator in demo.indicators:
        assert indicator.baseline is not None, indicator.id
        assert indicator.targets, indicator.id
        assert len(demo.figures(indicator)) >= 4, indicator.id


def test_the_demo_has_agreements_progress_updates_and_a_renewal_strategy(demo: Project) -> None:
    assert len(demo.agreements) >= 2
    assert len(demo.progress_updates) >= 2
    assert demo.renewal_strategy is not None


def test_no_single_organisation_leads_most_demo_actions(demo: Project) -> None:
    leads = Counter(action.lead for action in demo.actions)
    assert leads.most_common(1)[0][1] / len(demo.actions) < 0.35


def test_deleting_the_demo_vision_section_is_reported(demo_copy: Path) -> None:
    strategy = demo_copy / "community-strategy.md"
    edit(strategy, "## Where we want to be by 2034 {#vision}", "## Looking ahead")

    assert [f.code for f in findings_for(demo_copy)] == ["SS301"]


def test_deleting_a_demo_action_lead_is_reported_at_the_action(demo_copy: Path) -> None:
    plan = demo_copy / "action-plans/2026-27-delivery-plan.yml"
    edit(plan, "    lead: open-minds\n    supporting: [youth-council, health]", "    supporting: [youth-council, health]")

    assert where(findings_for(demo_copy)) == [("SS401", "strategy_src/action-plans/2026-27-delivery-plan.yml", line_of(plan, "id: HE-07"), 5)]


def test_deleting_a_demo_partner_reports_every_reference_to_it(demo_copy: Path) -> None:
    partnership = demo_copy / "partnership.yml"
    edit(partnership, "  - id: credit-union\n    name: Ravensholt Community Credit Union\n    sector: voluntary\n    type: community finance\n", "")

    findings = findings_for(demo_copy)

    assert {f.code for f in findings} == {"SS104"}
    line = line_of(demo_copy / "action-plans/2026-27-delivery-plan.yml", "lead: credit-union")
    assert ("SS104", "strategy_src/action-plans/2026-27-delivery-plan.yml", line, 11) in where(findings)


def test_the_demo_report_summarises_for_a_board_and_writes_every_format(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from strategy_site.cli import main

    out = demo_copy.parent / "reports"
    assert main(["report", "strategy_src", "--today", "2026-11-23", "--out", str(out), "--templates", str(REPO / "templates/report")]) == 0
    summary = capsys.readouterr().out
    assert summary.startswith("Completeness report for Ravensholt Together, 23 November 2026\n\nOverall score: ")
    assert "Accreditation checklist (2001 guidance, paragraph 2.6):" in summary
    assert sorted(p.name for p in out.iterdir()) == [
        "report.csv", "report.github.txt", "report.html", "report.json", "report.junit.xml", "report.sarif"]
