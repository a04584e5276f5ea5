"""Target rules (SS415, SS422, SS424, SS425): a target is an improvement on its baseline, every priority has one
beneath it, an action moves its own priority's indicators, and a priority is more than work partners do anyway
(guidance para 2.6; evaluation paras 2.1, 2.4.5, Box 2.2 and Box 2.8)."""

from __future__ import annotations

import shutil
from pathlib import Path

from strategy_site.findings import Severity
from tests.conftest import append, edit, findings_for, line_of, where

INDICATOR = "indicators/burglary-rate.yml"
PLAN = "action-plans/2026-27.yml"
STRATEGY = "community-strategy.md"


def another_indicator(project_dir: Path, indicator_id: str) -> None:
    """A second indicator, like burglary-rate, that no priority lists."""
    copy = project_dir / f"indicators/{indicator_id}.yml"
    shutil.copy(project_dir / INDICATOR, copy)
    edit(copy, "id: burglary-rate", f"id: {indicator_id}")


# --- SS415 target-not-an-improvement ---------------------------------------------------------------------------


def test_a_target_worse_than_its_baseline_is_a_warning_at_the_targets_value(project_dir: Path) -> None:
    indicator = project_dir / INDICATOR
    edit(indicator, "  - value: 15\n    by: 2027/28\n    kind: floor", "  - value: 25\n    by: 2027/28\n    kind: local")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS415", "src/" + INDICATOR, line_of(indicator, "- value: 25"), 12)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("the target of 25 by 2027/28 for burglary-rate is worse than the baseline of 21.4 in 2022/23: "
                                   "for this indicator lower is better")


def test_a_target_due_before_its_baseline_was_measured_is_reported(project_dir: Path) -> None:
    indicator = project_dir / INDICATOR
    edit(indicator, "    by: 2027/28", "    by: 2021/22")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS415", "src/" + INDICATOR, line_of(indicator, "- value: 15"), 12)]
    assert findings[0].message == ("the target of 15 by 2021/22 for burglary-rate falls due no later than the baseline of 21.4 "
                                   "in 2022/23, so it cannot show an improvement on it")


def test_a_floor_target_the_baseline_already_meets_is_reported_when_no_other_target_improves(project_dir: Path) -> None:
    indicator = project_dir / INDICATOR
    edit(indicator, "  - value: 15\n", "  - value: 30\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS415", "src/" + INDICATOR, line_of(indicator, "- value: 30"), 12)]
    assert findings[0].message.startswith("the floor target of 30 by 2027/28 for burglary-rate is already met by the baseline")


def test_a_floor_target_beside_a_local_target_that_improves_is_fine(project_dir: Path) -> None:
    edit(project_dir / INDICATOR, "  - value: 15\n    by: 2027/28\n    kind: floor\n",
         "  - value: 30\n    by: 2027/28\n    kind: floor\n  - value: 15\n    by: 2027/28\n    kind: local\n")

    assert findings_for(project_dir) == []


def test_a_target_to_hold_the_figure_steady_is_fine_when_its_note_says_so(project_dir: Path) -> None:
    indicator = project_dir / INDICATOR
    edit(indicator, "  - value: 15\n    by: 2027/28\n    kind: floor\n", "  - value: 21.4\n    by: 2027/28\n    kind: local\n")
    assert [f.code for f in findings_for(project_dir)] == ["SS415"]

    edit(indicator, "    kind: local\n", "    kind: local\n    note: Hold burglary at its lowest level for twenty years.\n")
    assert findings_for(project_dir) == []


# --- SS422 action-indicator-outside-priority ---------------------------------------------------------------------


def test_an_action_measured_only_by_another_prioritys_indicator_is_a_warning_at_its_indicators(project_dir: Path) -> None:
    plan = project_dir / PLAN
    another_indicator(project_dir, "fear-of-crime")
    edit(plan, "    indicators: [burglary-rate]", "    indicators: [fear-of-crime]")

    findings = [f for f in findings_for(project_dir) if f.code == "SS422"]  # and no action moves burglary-rate now: SS428

    assert where(findings) == [("SS422", "src/" + PLAN, line_of(plan, "indicators: [fear-of-crime]"), 17)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ('action SF-01 moves fear-of-crime, but that does not measure its priority "Fewer homes broken '
                                   'into" (fewer-burglaries)')


def test_an_action_may_move_another_prioritys_indicator_as_well_as_its_own(project_dir: Path) -> None:
    another_indicator(project_dir, "fear-of-crime")
    edit(project_dir / PLAN, "    indicators: [burglary-rate]", "    indicators: [burglary-rate, fear-of-crime]")

    assert findings_for(project_dir) == []


# --- SS424 priority-without-target -----------------------------------------------------------------------------


def test_a_priority_no_indicator_measures_is_a_warning_at_the_priority(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, "        indicators: [burglary-rate]\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS424", "src/" + STRATEGY, line_of(strategy, "- id: fewer-burglaries"), 13)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == 'priority "Fewer homes broken into" has nothing measurable beneath it: no indicator measures it'


def test_a_priority_title_pasted_at_length_is_quoted_by_its_first_120_characters(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, "        title: Fewer homes broken into\n", "        title: " + "Fewer homes broken into " * 400 + "\n")
    edit(strategy, "        indicators: [burglary-rate]\n", "")

    [finding] = findings_for(project_dir)

    assert finding.message == ('priority "' + ("Fewer homes broken into " * 6)[:120] + '..." has nothing measurable beneath it: '
                               "no indicator measures it")


def test_a_priority_whose_indicators_have_no_target_is_reported_at_its_indicators(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(project_dir / INDICATOR, "targets:\n  - value: 15\n    by: 2027/28\n    kind: floor\n", "")

    findings = [f for f in findings_for(project_dir) if f.code == "SS424"]  # the renewal strategy has none either: SS419

    assert where(findings) == [("SS424", "src/" + STRATEGY, line_of(strategy, "indicators: [burglary-rate]"), 21)]
    assert findings[0].message == ('priority "Fewer homes broken into" has nothing measurable beneath it: none of its indicators '
                                   "(burglary-rate) has a target")


def test_a_priority_is_not_judged_while_its_indicator_has_a_mistake(project_dir: Path) -> None:
    edit(project_dir / INDICATOR, "frequency: annual", "frequency: yearly")

    assert [f.code for f in findings_for(project_dir)] == ["SS203"]


# --- SS425 priority-only-existing-work --------------------------------------------------------------------------


def test_a_priority_served_only_by_work_partners_do_anyway_is_a_warning_at_the_priority(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(project_dir / PLAN, "    activity: new", "    activity: existing")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS425", "src/" + STRATEGY, line_of(strategy, "- id: fewer-burglaries"), 13)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ('every action for priority "Fewer homes broken into" (SF-01) is work the members would be '
                                   "doing anyway (activity: existing)")


def test_one_new_action_is_enough_for_a_priority(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    activity: new", "    activity: existing")
    append(plan, "  - id: SF-02\n    title: Street watch in Brookside\n    priority: fewer-burglaries\n    lead: tenants\n"
                 "    due: 2027-03-31\n    status: on track\n    indicators: [burglary-rate]\n    activity: new")

    assert findings_for(project_dir) == []


# --- SS428 target-without-action -------------------------------------------------------------------------------


def test_a_target_no_action_moves_is_a_warning_at_the_targets(project_dir: Path) -> None:
    indicator = project_dir / INDICATOR
    edit(project_dir / PLAN, "    indicators: [burglary-rate]\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS428", "src/" + INDICATOR, line_of(indicator, "targets:"), 1)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == "indicator burglary-rate has a target, but no action says it will move it"


def test_a_dropped_action_does_not_move_a_target(project_dir: Path) -> None:
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "    status: on track", "    status: dropped")

    assert [f.code for f in findings_for(project_dir)] == ["SS428"]


# --- SS429 indicator-without-responsible-partner -----------------------------------------------------------------


def test_an_indicator_nobody_reports_is_a_warning_at_the_indicator(project_dir: Path) -> None:
    indicator = project_dir / INDICATOR
    edit(indicator, "responsible: police\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS429", "src/" + INDICATOR, 1, 5)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == "indicator burglary-rate names no partner responsible for reporting it"
