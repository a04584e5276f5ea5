"""`check` and `report` make each judgement they share once, in the model layer, so they cannot disagree.

For every judgement both make, and for every partnership below (the demo, Elmsworth, and the minimal
partnership changed one way at a time), what `check` reports and what the report does not count as met
are the same subjects. Then one test per judgement shows, in a reviewer's words, what both say.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from strategy_site.check import run_checks
from strategy_site.findings import Finding
from strategy_site.model.project import load_project
from strategy_site.report.accreditation import Criterion, Verdict, checklist
from strategy_site.report.assessment import Assessment, Item, assess
from strategy_site.report.measure import Result
from strategy_site.report.weights import load_weights
from tests.conftest import FIXTURES, REPO, TODAY, edit

PLAN = "action-plans/2026-27.yml"
SHARED_COMMITMENT = "## Shared commitment\n\nEvery member organisation has signed this strategy and agreed to align its own plans with it.\n\n"
REQUIRE_FAITH = ("partnership.yml", "neighbourhood_renewal_fund: true\n", "neighbourhood_renewal_fund: true\nruleset: local-rules.yml\n")

# Each partnership: its sources, the changes made to the minimal one (file, old text, new text), and the day it is judged.
SCENARIOS: dict[str, tuple[Path, list[tuple[str, str, str]], dt.date]] = {
    "the demo": (REPO / "strategy_src", [], TODAY),
    "Elmsworth": (FIXTURES / "elmsworth" / "strategy_src", [], dt.date(2026, 11, 25)),
    "the minimal partnership": (FIXTURES / "minimal", [], TODAY),
    "a faith group instead of a community group": (FIXTURES / "minimal", [("partnership.yml", "    sector: community", "    sector: faith")], TODAY),
    "no private member": (FIXTURES / "minimal", [("partnership.yml", "sector: private", "sector: public")], TODAY),
    "a ruleset that requires faith groups": (FIXTURES / "minimal", [REQUIRE_FAITH], TODAY),
    "an action past its due date": (FIXTURES / "minimal", [], dt.date(2027, 4, 1)),
    "an action finished late": (FIXTURES / "minimal", [("progress/2026-11-10-quarter-2.md", "status: on track", "status: complete")], dt.date(2027, 4, 1)),
    "an action without a lead": (FIXTURES / "minimal", [(PLAN, "    lead: police\n", "")], TODAY),
    "a lead that is not a member": (FIXTURES / "minimal", [(PLAN, "lead: police", "lead: polce")], TODAY),
    "an action without a due date": (FIXTURES / "minimal", [(PLAN, "    due: 2027-03-31\n", "")], TODAY),
    "an action without a priority": (FIXTURES / "minimal", [(PLAN, "    priority: fewer-burglaries\n", "")], TODAY),
    "a priority that does not exist": (FIXTURES / "minimal", [(PLAN, "priority: fewer-burglaries", "priority: fewer-burglaries-x")], TODAY),
    "a missing section": (FIXTURES / "minimal", [("community-strategy.md", SHARED_COMMITMENT, "")], TODAY),
    "an empty section": (FIXTURES / "minimal", [("community-strategy.md", SHARED_COMMITMENT, "## Shared commitment\n\n")], TODAY),
    "review dates passed": (FIXTURES / "minimal", [], dt.date(2027, 7, 2)),
    "a target without a baseline": (FIXTURES / "minimal", [("indicators/burglary-rate.yml", "baseline:\n  value: 21.4\n  period: 2022/23\n", "")], TODAY),
}


@dataclass(frozen=True)
class Outcome:
    findings: list[Finding]
    assessment: Assessment
    checklist: list[Criterion]


def outcome_of(root: Path, changes: list[tuple[str, str, str]], today: dt.date, folder: Path) -> Outcome:
    if changes:
        root = Path(shutil.copytree(root, folder / "src"))
        for file, old, new in changes:
            edit(root / file, old, new)
        if REQUIRE_FAITH in changes:
            (root / "local-rules.yml").write_text("required_sectors: [public, private, voluntary, community, faith]\n", encoding="utf-8")
    project = load_project(root)
    findings = run_checks(project, today)
    assessment = assess(project, findings, today, load_weights())
    return Outcome(findings, assessment, checklist(assessment))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    return {name: outcome_of(root, changes, today, tmp_path_factory.mktemp("scenario")) for name, (root, changes, today) in SCENARIOS.items()}


def found(outcome: Outcome, *codes: str, starting: str = "") -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in outcome.findings if f.code in codes and f.message.startswith(starting)}


def not_met(outcome: Outcome, area: str, measure: str) -> set[tuple[str, int]]:
    return {(i.path or "", i.line or 0) for i in outcome.assessment.items if (i.area, i.measure) == (area, measure) and i.result is not Result.MET}


def files(places: set[tuple[str, int]]) -> set[str]:
    return {path for path, _ in places}


def representative_gap(outcome: Outcome) -> set[str]:
    """The members file, when checklist item 2 finds the partnership not fully representative."""
    criterion = outcome.checklist[1]
    return {criterion.evidence[0].path or ""} if criterion.verdict is not Verdict.MET else set()


# Each shared judgement: what check reports, and what the report does not count as met, must be the same.
AGREEMENTS: dict[str, Callable[[Outcome], tuple[set[Any], set[Any]]]] = {
    "a required sector is missing (SS406; sectors)":
        lambda o: (files(found(o, "SS406")), files(not_met(o, "partnership", "sectors"))),
    "a required sector is missing (SS406; checklist item 2)":
        lambda o: (files(found(o, "SS406")), representative_gap(o)),
    "an action is overdue (SS404; not-overdue)":
        lambda o: (found(o, "SS404"), not_met(o, "action", "not-overdue")),
    "an action has a lead partner that is a member (SS401, SS104; lead)":
        lambda o: (found(o, "SS401") | found(o, "SS104", starting="the lead partner"), not_met(o, "action", "lead")),
    "an action has a due date (SS402; due-date)":
        lambda o: (found(o, "SS402"), not_met(o, "action", "due-date")),
    "an action serves a priority of the strategy (SS403, SS102; priority)":
        lambda o: (found(o, "SS403", "SS102"), not_met(o, "action", "priority")),
    "a required section is there (SS301; sections-present)":
        lambda o: (files(found(o, "SS301")), files(not_met(o, "document", "sections-present"))),
    "a review date has passed (SS408; review-date)":
        lambda o: (found(o, "SS408"), not_met(o, "document", "review-date")),
}

# Where check reports less than the report measures, what check reports is never counted as met.
IMPLICATIONS: dict[str, Callable[[Outcome], tuple[set[Any], set[Any]]]] = {
    "an empty section is never more than a stub (SS302; sections-substantive)":
        lambda o: (files(found(o, "SS302")), files(not_met(o, "document", "sections-substantive"))),
    "a target without a baseline leaves the baseline not met (SS405; baseline)":
        lambda o: (files(found(o, "SS405")), files(not_met(o, "indicator", "baseline"))),
}


@pytest.mark.parametrize("judgement", AGREEMENTS)
def test_check_and_the_report_agree_on_every_shared_judgement(outcomes: dict[str, Outcome], judgement: str) -> None:
    for scenario, outcome in outcomes.items():
        by_check, by_report = AGREEMENTS[judgement](outcome)
        assert by_check == by_report, f"{judgement}, for {scenario}"


@pytest.mark.parametrize("judgement", IMPLICATIONS)
def test_what_check_reports_the_report_never_counts_as_met(outcomes: dict[str, Outcome], judgement: str) -> None:
    for scenario, outcome in outcomes.items():
        by_check, by_report = IMPLICATIONS[judgement](outcome)
        assert by_check <= by_report, f"{judgement}, for {scenario}"


def test_every_judgement_is_put_to_the_test_both_ways(outcomes: dict[str, Outcome]) -> None:
    # Each judgement is tested on a partnership where check reports something, not only where all is well.
    for judgement, agreement in {**AGREEMENTS, **IMPLICATIONS}.items():
        assert any(agreement(outcome)[0] for outcome in outcomes.values()), judgement


# --- what both say, in the words a reviewer reads ------------------------------------------------------------


def item(outcome: Outcome, subject: str, measure: str) -> Item:
    [found_item] = [i for i in outcome.assessment.items if i.subject.endswith(subject) and i.measure == measure]
    return found_item


def test_a_faith_group_does_not_stand_in_for_the_missing_community_sector(outcomes: dict[str, Outcome]) -> None:
    faith = outcomes["a faith group instead of a community group"]
    sectors_item, representative = item(faith, "partnership", "sectors"), faith.checklist[1]

    assert [(f.code, f.message) for f in faith.findings] == [("SS406", "no member organisation is from the community sector")]
    assert (sectors_item.result, sectors_item.evidence) == (Result.PARTLY, "no community members")
    assert (representative.verdict, representative.evidence[0].text) == (Verdict.PARTLY, "5 members; missing: community")


def test_a_partnership_that_requires_faith_groups_is_held_to_it_by_check_and_the_report(outcomes: dict[str, Outcome]) -> None:
    faith = outcomes["a ruleset that requires faith groups"]

    assert [(f.code, f.message) for f in faith.findings] == [("SS406", "no member organisation is from the faith sector")]
    assert item(faith, "partnership", "sectors").evidence == "no faith members"
    assert faith.checklist[1].evidence[0].text == "5 members; missing: faith"


def test_elmsworth_which_counts_faith_groups_apart_has_every_sector_it_requires(outcomes: dict[str, Outcome]) -> None:
    elmsworth = outcomes["Elmsworth"]
    sectors_item = item(elmsworth, "partnership", "sectors")

    assert not found(elmsworth, "SS406")
    assert (sectors_item.result, sectors_item.evidence) == (Result.MET, "public, private, voluntary, community and faith members")
    assert elmsworth.checklist[1].evidence[0].text == "25 members; every required sector is represented: public, private, voluntary, community and faith"


def test_an_action_finished_after_its_due_date_is_late_for_neither(outcomes: dict[str, Outcome]) -> None:
    finished = outcomes["an action finished late"]

    assert not found(finished, "SS404")
    assert item(finished, "SF-01", "not-overdue").evidence == "status complete, due 31 March 2027"


def test_a_passed_agreement_review_is_a_warning_as_well_as_a_gap(outcomes: dict[str, Outcome]) -> None:
    passed = outcomes["review dates passed"]
    agreement = [f for f in passed.findings if f.code == "SS408" and f.path.endswith("safer-fernley.md")]

    assert [f.message for f in agreement] == ['"Agreement between the board and the Safer Fernley Partnership" was due for review on 01 July 2027']
    assert agreement[0].hint == "review the agreement and set review to the date of the next review"
    assert item(passed, "safer-fernley.md", "review-date").evidence == "review was due 1 July 2027"
