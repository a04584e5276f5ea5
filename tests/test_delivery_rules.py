"""Delivery rules (SS401-SS408): who does what by when, for which outcome, from what baseline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from strategy_site.findings import Severity
from tests.conftest import edit, findings_for, line_of, where

PLAN = "action-plans/2026-27.yml"


def test_an_action_without_a_lead_partner_is_reported_at_the_action(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    lead: police\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS401", "src/" + PLAN, line_of(plan, "- id: SF-01"), 5)]
    assert findings[0].message == "action SF-01 has no lead partner"


def test_an_action_without_a_due_date_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    due: 2027-03-31\n", "")

    assert where(findings_for(project_dir)) == [("SS402", "src/" + PLAN, line_of(plan, "- id: SF-01"), 5)]


def test_an_action_serving_no_priority_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    priority: fewer-burglaries\n", "")

    assert where(findings_for(project_dir)) == [("SS403", "src/" + PLAN, line_of(plan, "- id: SF-01"), 5)]


def test_an_action_past_its_due_date_and_not_complete_is_a_warning_at_the_due_date(project_dir: Path) -> None:
    plan = project_dir / PLAN

    findings = findings_for(project_dir, today=dt.date(2027, 4, 1))

    assert where(findings) == [("SS404", "src/" + PLAN, line_of(plan, "due:"), 10)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == "action SF-01 was due on 31 March 2027 and is still 'on track'"


def test_an_action_is_not_overdue_on_its_due_date(project_dir: Path) -> None:
    assert findings_for(project_dir, today=dt.date(2027, 3, 31)) == []


def test_the_newest_progress_update_decides_whether_an_action_is_finished(project_dir: Path) -> None:
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "    status: on track", "    status: complete")

    assert findings_for(project_dir, today=dt.date(2027, 4, 1)) == []


def test_a_dropped_action_is_never_overdue(project_dir: Path) -> None:
    edit(project_dir / PLAN, "status: on track", "status: dropped")
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "    status: on track", "    status: dropped")

    # (With its only action dropped, the burglary target has no action behind it: that is SS428's.)
    assert [f for f in findings_for(project_dir, today=dt.date(2027, 5, 1)) if f.code == "SS404"] == []


def test_a_target_without_a_baseline_is_reported_at_the_targets(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "baseline:\n  value: 21.4\n  period: 2022/23\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS405", "src/indicators/burglary-rate.yml", line_of(indicator, "targets:"), 1)]
    assert findings[0].message == "indicator burglary-rate has a target but no baseline to measure progress from"


def test_an_indicator_without_targets_needs_no_baseline(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "baseline:\n  value: 21.4\n  period: 2022/23\ntargets:\n  - value: 15\n    by: 2027/28\n    kind: floor\n", "")

    # (A priority and a renewal strategy with no target are weaknesses of their own: SS424 and SS419.)
    assert [f for f in findings_for(project_dir) if f.code == "SS405"] == []


def test_a_membership_without_the_private_sector_is_reported(project_dir: Path) -> None:
    partnership = project_dir / "partnership.yml"
    edit(partnership, "    sector: private", "    sector: voluntary")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS406", "src/partnership.yml", line_of(partnership, "members:"), 1)]
    assert findings[0].message == "no member organisation is from the private sector"


def test_an_action_that_starts_after_it_is_due_is_reported_at_the_start(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "start: 2026-04-01", "start: 2027-04-01")

    findings = findings_for(project_dir)

    assert ("SS407", "src/" + PLAN, line_of(plan, "start:"), 12) in where(findings)
    assert findings[0].message == "action SF-01 starts on 2027-04-01 but is due on 2027-03-31"


def test_a_milestone_outside_the_action_dates_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "      - date: 2026-09-30", "      - date: 2027-09-30")

    assert where(findings_for(project_dir)) == [("SS407", "src/" + PLAN, line_of(plan, "date: 2027-09-30"), 15)]


def test_a_strategy_past_its_review_date_is_a_warning(project_dir: Path) -> None:
    strategy = project_dir / "community-strategy.md"

    findings = [f for f in findings_for(project_dir, today=dt.date(2027, 7, 1)) if f.code != "SS404"]

    assert where(findings) == [
        ("SS408", "src/community-strategy.md", line_of(strategy, "next_review"), 14),
        ("SS408", "src/neighbourhood-renewal-strategy.md", 6, 14),
    ]
    assert findings[0].severity is Severity.WARNING


def test_a_target_on_a_gap_alone_needs_no_headline_baseline(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "baseline:\n  value: 21.4\n  period: 2022/23\n", "")
    edit(indicator, "    kind: floor\n", "    kind: floor\n    series: brookside\n    against: headline\n")
    edit(indicator, "values:\n", "breakdowns:\n  - area: brookside\n    values:\n      - period: 2023/24\n        value: 31.0\nvalues:\n")

    assert [f for f in findings_for(project_dir) if f.code == "SS405"] == []
