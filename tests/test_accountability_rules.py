"""Accountability rules (SS416, SS417, SS420, SS426): progress reaches local people, residents can reach the
partnership, its strategies record their adoption, and no group of residents is left out (guidance paras 1.4, 1.20,
1.35, 3.4 and 4.11; evaluation paras 2.4.6 and 3.2.6)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from strategy_site.check.accountability import REPORTING_INTERVAL_MONTHS
from strategy_site.findings import Severity
from tests.conftest import edit, findings_for, line_of, where

UPDATE = "progress/2026-11-10-quarter-2.md"
STRATEGY = "community-strategy.md"
RENEWAL = "neighbourhood-renewal-strategy.md"
EVERYONE = ("\n## Everyone included\n\nThe partnership asks disabled people, women and men, and the borough's black, minority "
            "ethnic and faith communities what they need, and reports how each group is doing.\n")


# --- SS416 no-recent-progress-report -----------------------------------------------------------------------------


def test_a_year_without_a_progress_report_is_a_warning_at_the_last_one(project_dir: Path) -> None:
    update = project_dir / UPDATE
    edit(update, "published: 2026-11-10\ncovers: 2026/27 Q2", "published: 2025-11-10\ncovers: 2025/26 Q2")

    findings = findings_for(project_dir)

    assert REPORTING_INTERVAL_MONTHS == 12
    assert where(findings) == [("SS416", "src/" + UPDATE, line_of(update, "published:"), 12)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("no progress report has been published since 10 November 2025: residents have had no report "
                                   "on the strategy for more than 12 months")


def test_a_strategy_adopted_long_ago_with_no_progress_report_is_reported_at_its_adoption(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    (project_dir / UPDATE).unlink()

    findings = findings_for(project_dir)

    assert where(findings) == [("SS416", "src/" + STRATEGY, line_of(strategy, "adopted: 2024-06-12"), 10)]
    assert findings[0].message.startswith("no progress report has been published since the strategy was adopted on 12 June 2024")


def test_the_first_report_is_not_due_until_a_year_after_adoption(project_dir: Path) -> None:
    (project_dir / UPDATE).unlink()
    edit(project_dir / STRATEGY, "adopted: 2024-06-12", "adopted: 2026-01-14")

    assert findings_for(project_dir) == []


def test_the_report_is_due_a_year_after_the_last(project_dir: Path) -> None:
    def reported(today: dt.date) -> list[str]:
        return [f.code for f in findings_for(project_dir, today=today) if f.code == "SS416"]

    assert reported(dt.date(2027, 11, 10)) == []
    assert reported(dt.date(2027, 11, 11)) == ["SS416"]


# --- SS417 no-contact-route ------------------------------------------------------------------------------------


def test_a_contact_with_no_way_to_reach_the_partnership_is_an_error(project_dir: Path) -> None:
    partnership = project_dir / "partnership.yml"
    edit(partnership, "contact:\n  email: partnership@fernley.example\n", "contact: {}\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS417", "src/partnership.yml", line_of(partnership, "contact: {}"), 1)]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message == "partnership.yml gives residents no way to contact the partnership"


def test_a_phone_number_alone_is_a_way_to_reach_the_partnership(project_dir: Path) -> None:
    edit(project_dir / "partnership.yml", "  email: partnership@fernley.example\n", "  phone: 01632 960 000\n")

    assert findings_for(project_dir) == []


# --- SS420 adoption-not-recorded ---------------------------------------------------------------------------------


def test_an_adopted_strategy_that_does_not_say_when_is_a_warning_at_its_status(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, "adopted: 2024-06-12\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS420", "src/" + STRATEGY, line_of(strategy, "status: adopted"), 9)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == '"Fernley Community Strategy 2024 to 2034" is adopted but does not say when'


def test_an_adoption_date_on_a_draft_is_reported_at_the_date(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, "status: adopted", "status: draft")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS420", "src/" + STRATEGY, line_of(strategy, "adopted: 2024-06-12"), 10)]
    assert findings[0].message == ('"Fernley Community Strategy 2024 to 2034" gives the date it was adopted (12 June 2024) but '
                                   'its status is "draft"')


def test_a_renewal_strategy_not_yet_agreed_in_a_fund_area_is_reported(project_dir: Path) -> None:
    renewal = project_dir / RENEWAL
    edit(renewal, "status: adopted\nadopted: 2024-06-12\n", "status: consultation\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS420", "src/" + RENEWAL, line_of(renewal, "status: consultation"), 9)]
    assert findings[0].message == ('"Brookside Neighbourhood Renewal Strategy" is still at "consultation": a Neighbourhood Renewal '
                                   "Fund area must have agreed its renewal strategy within the partnership (guidance para 4.11)")


def test_a_community_strategy_out_for_consultation_is_not_reported(project_dir: Path) -> None:
    edit(project_dir / STRATEGY, "status: adopted\nadopted: 2024-06-12\n", "status: consultation\n")

    assert findings_for(project_dir) == []


# --- SS426 equality-strand-missing -------------------------------------------------------------------------------


def test_strategies_that_never_mention_a_group_the_sources_name_are_warned_once(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, EVERYONE, "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS426", "src/" + STRATEGY, line_of(strategy, "themes:"), 1)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("nothing in the strategies, action plans or indicators mentions ethnic minorities and migrants; "
                                   "disabled people; women and men (gender); faith communities")


def test_an_actions_groups_count_as_a_mention(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, EVERYONE, "\n## Everyone included\n\nThe partnership asks women, men and faith communities what they need.\n")
    edit(project_dir / "action-plans/2026-27.yml", "groups: [older people]", "groups: [older people, disabled people, refugees]")

    assert findings_for(project_dir) == []


def test_words_are_matched_whole_so_menace_is_not_men(project_dir: Path) -> None:
    edit(project_dir / STRATEGY, "women and men", "the menace of crime and")

    assert [f.message for f in findings_for(project_dir)] == [
        "nothing in the strategies, action plans or indicators mentions women and men (gender)"]
