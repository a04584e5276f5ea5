"""A second partnership, written from another kind of case-study area, so that every rule runs on
content that was not shaped around the Ravensholt demo.

The Elmsworth Partnership (tests/fixtures/elmsworth) is the local strategic partnership for a
rural district in a two-tier shire county, like the West Suffolk and Hampshire districts of the 2005
evaluation: three market towns and 40 villages, low crime but fear of crime, low pay, dear homes
and poor access to services for people without a car. It gets no Neighbourhood Renewal Fund money,
so it has no neighbourhood renewal strategy, and its one small pocket of deprivation (Priory Fields)
has a neighbourhood plan paid for from partners' own budgets. Its documents are written as a
district partnership officer would write them, and are checked as on 25 November 2026.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from strategy_site.check import run_checks
from strategy_site.cli import main
from strategy_site.findings import Severity
from strategy_site.model.project import Project, load_project
from strategy_site.report.assessment import assess
from strategy_site.report.measure import Result
from strategy_site.report.weights import load_weights
from tests.conftest import FIXTURES, build_main, findings_for

ELMSWORTH = FIXTURES / "elmsworth" / "strategy_src"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def elmsworth() -> Project:
    return load_project(ELMSWORTH)


def test_elmsworth_is_a_district_in_a_two_tier_county_outside_neighbourhood_renewal(elmsworth: Project) -> None:
    partnership = elmsworth.partnership
    assert partnership is not None
    assert (partnership.tier, partnership.neighbourhood_renewal_fund) == ("district", False)
    assert elmsworth.renewal_strategy is None
    assert not [n for n in partnership.neighbourhoods if n.renewal_area]
    assert not [r for a in elmsworth.actions for r in a.resources if r.kind == "neighbourhood renewal fund"]
    # Both tiers of local government, the parishes, and every sector the partnership's own ruleset asks for.
    assert {"district", "county", "parishes", "police", "pct", "cvs", "chamber", "churches"} <= set(elmsworth.partner_by_id)
    assert {m.sector for m in elmsworth.members} == {"public", "private", "voluntary", "community", "faith"}


def test_elmsworth_writes_every_kind_of_document_in_its_own_shape(elmsworth: Project) -> None:
    assert elmsworth.strategy is not None and len(elmsworth.themes) == 6
    assert {plan.kind for plan in elmsworth.action_plans} == {"overall", "thematic", "neighbourhood"}
    assert len(elmsworth.agreements) == 3 and len(elmsworth.progress_updates) == 3
    # Every reporting frequency, and periods the demo does not use: months, month spans, pooled years.
    assert {i.frequency for i in elmsworth.indicators} == {"monthly", "quarterly", "annual", "every two years"}
    periods = {figure.period.label for i in elmsworth.indicators for figure in elmsworth.figures(i)}
    assert {"2025-10", "Oct 2025", "Dec 2024 to Feb 2025", "2023 to 2025", "2024/25 academic year"} <= periods
    # Actions finished, dropped and late, and a member that leads nothing and supports nothing.
    statuses = Counter(elmsworth.latest_status(action) for action in elmsworth.actions)
    assert statuses["complete"] and statuses["dropped"] and statuses["off track"]
    assert "lsc" not in elmsworth.actions_led_by and "lsc" not in elmsworth.actions_supported_by
    # The partnership's own ruleset adds a required section on rural proofing.
    assert "rural-proofing" in {rule.id for rule in elmsworth.ruleset.required_sections("community-strategy")}


def test_check_finds_no_errors_only_the_weaknesses_a_board_would_see() -> None:
    findings = findings_for(ELMSWORTH, TODAY)

    assert [f for f in findings if f.severity is Severity.ERROR] == []
    # Caxford market place was due in September; the November update says it is off track and
    # the board will set a new date in December. Until it does, the warning is right.
    # The village volunteers priority has no indicator at all, so nothing measurable beneath it (the report's
    # has-indicator gap too). And the only action for less waste is the new kerbside collection, which the
    # plan itself says is work the district would do anyway: the partnership adds nothing new to that priority.
    assert [(f.code, Path(f.path).name, f.line) for f in findings] == [
        ("SS404", "delivery-plan-2025-2028.yml", 52),
        ("SS424", "community-strategy.md", 29),
        ("SS425", "community-strategy.md", 88),
    ]


def test_the_report_scores_elmsworth_as_decent_but_not_perfect(elmsworth: Project) -> None:
    assessment = assess(elmsworth, run_checks(elmsworth, TODAY), TODAY, load_weights())
    gaps = {(item.subject, item.measure) for item in assessment.items if item.result is not Result.MET}

    assert assessment.overall.score is not None and 90 <= assessment.overall.score <= 98
    # The gaps a reviewer would raise: a priority nobody measures, a survey that was not paid for,
    # footfall counted for a year but with no target yet, the late market place, an agreement the
    # county has not signed, and the Learning and Skills Council taking no part.
    assert {
        ("village-volunteers", "has-indicator"),
        ("village-services", "up-to-date"),
        ("elmsworth-footfall", "target"),
        ("MT-02", "not-overdue"),
        ("partnership", "agreements-signed"),
        ("partnership", "partners-involved"),
    } <= gaps


def test_elmsworth_builds_a_site_of_its_own_with_nothing_of_ravensholt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "elmsworth"
    assert main(["init", str(folder), "--name", "Elmsworth Partnership", "--area", "District of Elmsworth"]) == 0
    shutil.rmtree(folder / "strategy_src")
    shutil.copytree(ELMSWORTH, folder / "strategy_src")
    capsys.readouterr()

    assert build_main([str(folder), "--quiet", "--today", TODAY.isoformat()]) == 0

    site = folder / "site"
    published = [path for path in site.rglob("*") if path.is_file()]
    assert not [path for path in published if b"Ravensholt" in path.read_bytes()]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Elmsworth Partnership" in home
    assert (site / "actions/MT-02/index.html").is_file() and (site / "indicators/elmsworth-footfall/index.html").is_file()
