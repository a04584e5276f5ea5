"""Renewal rules (SS418, SS419, SS427): the neighbourhood renewal strategy covers every neighbourhood that needs
renewal, carries targets the site can track, and each of those neighbourhoods has an action (guidance paras 4.5
and 4.6; evaluation para 2.4.3)."""

from __future__ import annotations

from pathlib import Path

from strategy_site.findings import Severity
from tests.conftest import edit, findings_for, line_of, where

RENEWAL = "neighbourhood-renewal-strategy.md"
PLAN = "action-plans/2026-27.yml"
BROOKSIDE = "  - id: brookside\n    name: Brookside\n    renewal_area: true\n"


def add_neighbourhood(project_dir: Path, renewal_area: bool) -> None:
    """Riverside, a second neighbourhood in partnership.yml, after Brookside."""
    edit(project_dir / "partnership.yml", BROOKSIDE,
         BROOKSIDE + f"  - id: riverside\n    name: Riverside\n    renewal_area: {str(renewal_area).lower()}\n")


# --- SS418 renewal-area-not-covered ------------------------------------------------------------------------------


def test_a_neighbourhood_needing_renewal_that_the_strategy_leaves_out_is_a_warning_at_its_neighbourhoods(project_dir: Path) -> None:
    renewal = project_dir / RENEWAL
    add_neighbourhood(project_dir, renewal_area=True)
    edit(project_dir / PLAN, "neighbourhoods: [brookside]", "neighbourhoods: [brookside, riverside]")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS418", "src/" + RENEWAL, line_of(renewal, "neighbourhoods:"), 17)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("Riverside is marked as needing renewal in partnership.yml, but the neighbourhood renewal "
                                   "strategy does not cover it")


def test_a_renewal_strategy_targeting_a_neighbourhood_not_marked_as_needing_renewal_is_reported(project_dir: Path) -> None:
    renewal = project_dir / RENEWAL
    add_neighbourhood(project_dir, renewal_area=False)
    edit(renewal, "neighbourhoods: [brookside]", "neighbourhoods: [brookside, riverside]")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS418", "src/" + RENEWAL, line_of(renewal, "neighbourhoods:"), 29)]
    assert findings[0].message == ("the neighbourhood renewal strategy targets Riverside, which partnership.yml does not mark as "
                                   "needing renewal")


# --- SS419 renewal-strategy-without-targets ------------------------------------------------------------------------


def test_a_renewal_strategy_listing_no_indicators_is_a_warning(project_dir: Path) -> None:
    renewal = project_dir / RENEWAL
    edit(renewal, "indicators: [burglary-rate]\n", "indicators: []\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS419", "src/" + RENEWAL, line_of(renewal, "indicators: []"), 13)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == "the neighbourhood renewal strategy sets no target that can be tracked: it lists no indicators"


def test_a_renewal_strategy_whose_indicators_have_no_target_is_reported(project_dir: Path) -> None:
    renewal = project_dir / RENEWAL
    edit(project_dir / "indicators/burglary-rate.yml", "targets:\n  - value: 15\n    by: 2027/28\n    kind: floor\n", "")

    findings = [f for f in findings_for(project_dir) if f.code == "SS419"]  # the priority has no target either: SS424

    assert where(findings) == [("SS419", "src/" + RENEWAL, line_of(renewal, "indicators: [burglary-rate]"), 13)]
    assert findings[0].message.endswith("none of the indicators it lists has a target")


# --- SS427 renewal-area-without-action ----------------------------------------------------------------------------


def test_a_neighbourhood_needing_renewal_that_no_action_targets_is_a_warning_at_the_neighbourhood(project_dir: Path) -> None:
    partnership = project_dir / "partnership.yml"
    edit(project_dir / PLAN, "    neighbourhoods: [brookside]\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS427", "src/partnership.yml", line_of(partnership, "- id: brookside"), 9)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == "Brookside is marked as needing renewal, but no action targets it"


def test_an_action_with_a_mistake_leaves_the_neighbourhoods_unjudged(project_dir: Path) -> None:
    edit(project_dir / PLAN, "    status: on track\n", "    status: ongoing\n")

    assert [f.code for f in findings_for(project_dir)] == ["SS203"]
