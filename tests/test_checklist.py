"""The accreditation checklist (guidance para 2.6): each verdict with the words a reviewer reads.

A criterion the documents cannot settle is left to the reviewer with the reason, never failed for
the want of a document that guidance does not ask for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from strategy_site.check import run_checks
from strategy_site.model.project import load_project
from strategy_site.report.accreditation import Criterion, Evidence, Verdict, checklist
from strategy_site.report.assessment import assess
from strategy_site.report.weights import DEFAULT_WEIGHTS, load_weights
from tests.conftest import FIXTURES, TODAY, append, edit, line_of

ELMSWORTH = FIXTURES / "elmsworth" / "strategy_src"
NO_AGREEMENTS = ("there are no partnership agreements: they are one way to show that partners agreed the actions (evaluation Box 1.4), "
                 "not a requirement of guidance 2.6, so whether the actions were agreed is for the reviewer to judge, for example from "
                 "the board's minutes")
LEARNING = ("## Learning from good practice\n\nEvery year the board visits two partnerships that do something well, and each theme "
            "group reports what it learnt from them and what it will change in its own plan because of it.")


def criterion(root: Path, number: int, today: dt.date = TODAY, weights: Path = DEFAULT_WEIGHTS) -> Criterion:
    project = load_project(root)
    return checklist(assess(project, run_checks(project, today), today, load_weights(weights)))[number - 1]


def outside_renewal(project_dir: Path) -> None:
    edit(project_dir / "partnership.yml", "neighbourhood_renewal_fund: true", "neighbourhood_renewal_fund: false")


def test_good_practice_outside_renewal_areas_without_a_learning_section_is_for_the_reviewer() -> None:
    good_practice = criterion(ELMSWORTH, 10, dt.date(2026, 11, 25))

    [evidence] = good_practice.evidence
    assert good_practice.verdict is Verdict.JUDGE
    assert evidence.text == ("outside Neighbourhood Renewal Fund areas no document must have a section on learning (guidance 4.19 asks it "
                             "of renewal strategies) and the community strategy has none, so whether the partnership builds on good "
                             "practice is for the reviewer to judge")
    assert (evidence.path or "").endswith("elmsworth/strategy_src/community-strategy.md")


def test_good_practice_outside_renewal_areas_is_read_from_the_community_strategy(project_dir: Path) -> None:
    outside_renewal(project_dir)
    append(project_dir / "community-strategy.md", LEARNING)

    good_practice = criterion(project_dir, 10)

    assert good_practice.verdict is Verdict.MET
    assert good_practice.evidence == [Evidence("the community strategy has a section on learning and good practice", "src/community-strategy.md",
                                               line_of(project_dir / "community-strategy.md", "## Learning from good practice"))]


def test_a_stub_on_good_practice_is_partly_met(project_dir: Path) -> None:
    outside_renewal(project_dir)
    append(project_dir / "community-strategy.md", "## Sharing good practice\n\nWe visit other partnerships.")

    good_practice = criterion(project_dir, 10)

    assert (good_practice.verdict, good_practice.evidence[0].text) == (
        Verdict.PARTLY, "the community strategy has a section on learning and good practice, but only briefly")


def test_good_practice_in_a_renewal_area_is_the_renewal_strategys_learning_section(project_dir: Path) -> None:
    good_practice = criterion(project_dir, 10)

    assert (good_practice.verdict, good_practice.evidence[0].text) == (
        Verdict.PARTLY, "the renewal strategy sets out local action on learning, but only briefly")


def test_agreed_actions_without_partnership_agreements_are_for_the_reviewer(project_dir: Path) -> None:
    (project_dir / "agreements/safer-fernley.md").unlink()

    agreed = criterion(project_dir, 6)

    assert agreed.verdict is Verdict.JUDGE
    assert [e.text for e in agreed.evidence] == ["1 of 1 actions have milestones", NO_AGREEMENTS]


def test_without_agreements_missing_milestones_still_fail_agreed_actions(project_dir: Path) -> None:
    (project_dir / "agreements/safer-fernley.md").unlink()
    edit(project_dir / "action-plans/2026-27.yml", "    milestones:\n      - date: 2026-09-30\n        text: First 200 homes fitted\n        done: true\n", "")

    agreed = criterion(project_dir, 6)

    assert agreed.verdict is Verdict.NOT_MET
    assert [e.text for e in agreed.evidence][:2] == ["0 of 1 actions have milestones", NO_AGREEMENTS]


def test_an_agreement_one_signatory_has_not_signed_makes_agreed_actions_partly_met() -> None:
    agreed = criterion(ELMSWORTH, 6, dt.date(2026, 11, 25))

    assert agreed.verdict is Verdict.PARTLY
    assert agreed.evidence[1].text == "2 of 3 partnership agreements are signed by all their signatories"


def test_progress_is_reported_when_an_update_is_as_recent_as_the_weights_file_says(project_dir: Path, tmp_path: Path) -> None:
    assert criterion(project_dir, 1).evidence[1].text == "1 progress update published in the last 6 months, the latest on 10 November 2026"

    weights = tmp_path / "weights.yml"
    weights.write_text(DEFAULT_WEIGHTS.read_text(encoding="utf-8").replace("recent-update-months: 6", "recent-update-months: 1"), encoding="utf-8")
    effective = criterion(project_dir, 1, dt.date(2026, 12, 15), weights)

    assert (effective.verdict, effective.evidence[1].text) == (Verdict.PARTLY, "0 progress updates published in the last 1 month")
