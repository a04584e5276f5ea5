"""The completeness report's measures of how far the renewal strategy reaches its neighbourhoods (guidance para 4.6;
evaluation para 2.4.4): renewal areas have figures of their own, and targets are set for them. Judged on the renewal
strategy, from tests/fixtures/series (see tests/series_fixture.py) and the minimal partnership (no figures by area at all).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strategy_site.check import run_checks
from strategy_site.cli import main
from strategy_site.model.project import load_project
from strategy_site.report.assessment import Assessment, Item, assess
from strategy_site.report.measure import Result
from strategy_site.report.weights import load_weights
from tests.conftest import FIXTURES, REPO, TODAY, edit, line_of
from tests.series_fixture import EACH_TARGET, GAP_TARGET, INDICATOR, RENEWAL, RIVERSIDE, copy_series


@pytest.fixture
def series_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_series(tmp_path, monkeypatch)


def assessment_of(root: Path) -> Assessment:
    project = load_project(root)
    return assess(project, run_checks(project, TODAY), TODAY, load_weights())


def measured(root: Path, measure: str) -> list[Item]:
    return [i for i in assessment_of(root).items if i.area == "document" and i.measure == measure]


def judged(root: Path, measure: str) -> tuple[Result, str]:
    [found] = measured(root, measure)
    return found.result, found.evidence


# --- renewal-area-figures --------------------------------------------------------------------------------------------


def test_renewal_areas_with_figures_of_their_own_meet_the_measure_at_the_strategys_indicators(series_dir: Path) -> None:
    [found] = measured(series_dir, "renewal-area-figures")

    assert (found.subject, found.label, found.result, found.weight) == (
        "src/" + RENEWAL, "Renewal areas have their own figures", Result.MET, 2)
    assert found.evidence == "its indicators have figures for every renewal area (Brookside and Riverside)"
    assert (found.path, found.line, found.column) == ("src/" + RENEWAL, line_of(series_dir / RENEWAL, "indicators:"), 13)


def test_a_renewal_area_without_figures_partly_meets_the_figures_measure(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, RIVERSIDE, "")

    assert judged(series_dir, "renewal-area-figures") == (Result.PARTLY, "none of its indicators has figures for Riverside")


def test_a_partnership_with_no_figures_by_area_does_not_meet_the_figures_measure(project_dir: Path) -> None:
    assert judged(project_dir, "renewal-area-figures") == (Result.NOT_MET, "none of its indicators has figures for Brookside")


def test_a_renewal_strategy_listing_no_indicators_does_not_meet_the_figures_measure(series_dir: Path) -> None:
    edit(series_dir / RENEWAL, "indicators: [burglary-rate]", "indicators: []")

    assert judged(series_dir, "renewal-area-figures") == (Result.NOT_MET, "it lists no indicators, so no renewal area has figures of its own")


# --- renewal-area-targets --------------------------------------------------------------------------------------------


def test_a_gap_target_for_the_renewal_areas_meets_the_targets_measure(series_dir: Path) -> None:
    [found] = measured(series_dir, "renewal-area-targets")

    assert (found.label, found.result, found.weight) == ("Sets targets for its neighbourhoods", Result.MET, 3)
    assert found.evidence == "targets are set for every renewal area (Brookside and Riverside)"


def test_a_target_for_one_of_two_renewal_areas_partly_meets_the_targets_measure(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, GAP_TARGET + EACH_TARGET, "  - value: 40\n    by: 2029/30\n    kind: local\n    series: brookside\n")

    assert judged(series_dir, "renewal-area-targets") == (Result.PARTLY, "no target is set for Riverside")


def test_targets_only_for_the_whole_area_do_not_meet_the_targets_measure(project_dir: Path) -> None:
    assert judged(project_dir, "renewal-area-targets") == (Result.NOT_MET, "none of its targets is set for a renewal area")


def test_no_target_at_all_does_not_meet_the_targets_measure(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, "targets:\n  - value: 15\n    by: 2027/28\n    kind: floor\n" + GAP_TARGET + EACH_TARGET, "")

    assert judged(series_dir, "renewal-area-targets") == (Result.NOT_MET, "none of its indicators has a target")


# --- where the measures apply ----------------------------------------------------------------------------------------


def test_the_neighbourhood_measures_judge_only_the_renewal_strategy(series_dir: Path) -> None:
    assert [i.subject for i in measured(series_dir, "renewal-area-figures") + measured(series_dir, "renewal-area-targets")] == ["src/" + RENEWAL] * 2


def test_a_partnership_without_a_renewal_strategy_has_no_neighbourhood_measures() -> None:
    elmsworth = FIXTURES / "elmsworth" / "strategy_src"

    assert measured(elmsworth, "renewal-area-figures") + measured(elmsworth, "renewal-area-targets") == []


def test_a_partnership_with_no_neighbourhood_marked_as_needing_renewal_has_no_neighbourhood_measures(series_dir: Path) -> None:
    partnership = series_dir / "partnership.yml"
    text = partnership.read_text(encoding="utf-8").replace("renewal_area: true", "renewal_area: false")
    partnership.write_text(text, encoding="utf-8")

    assert measured(series_dir, "renewal-area-figures") + measured(series_dir, "renewal-area-targets") == []


def test_an_indicators_target_measure_says_what_each_target_is_set_on(series_dir: Path) -> None:
    [found] = [i for i in assessment_of(series_dir).items if i.subject == "burglary-rate" and i.measure == "target"]

    assert found.evidence == ("15 by 2027/28; 19 by 2029/30 on the gap between renewal-areas and headline; "
                              "3 by 2027/28 on the ratio of each neighbourhood to england")


# --- the report shows them -------------------------------------------------------------------------------------------


def test_the_json_report_lists_both_neighbourhood_measures(series_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "src", "--today", "2026-11-23", "--format", "json"]) == 0

    items = json.loads(capsys.readouterr().out)["items"]
    assert [(i["measure"], i["result"], i["weight"]) for i in items if i["measure"] in ("renewal-area-figures", "renewal-area-targets")] == [
        ("renewal-area-figures", "met", 2), ("renewal-area-targets", "met", 3)]


def test_the_html_report_shows_a_neighbourhood_measure_not_met_with_its_evidence(
    project_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "src", "--today", "2026-11-23", "--format", "html", "--templates", str(REPO / "templates/report")]) == 0

    html = capsys.readouterr().out
    assert "Renewal areas have their own figures" in html and "none of its indicators has figures for Brookside" in html
    assert "Sets targets for its neighbourhoods" in html
