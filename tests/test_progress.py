"""How the site works out an indicator's trend and its progress against the target."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.model.documents import Indicator
from strategy_site.model.fields import parse_period
from strategy_site.model.progress import (
    Point,
    TargetStatus,
    Trend,
    action_status_counts,
    expected_value,
    indicator_progress,
    target_status,
    trend,
)
from strategy_site.model.project import load_project
from tests.conftest import edit


def indicator(better: str = "lower", targets: list[dict[str, object]] | None = None) -> Indicator:
    return Indicator.model_validate({
        "id": "burglary-rate", "title": "Burglary rate", "definition": "Burglaries per 1,000 households.",
        "unit": "per 1,000 households", "better": better, "source": "Police", "collection": "Recorded crime",
        "geography": "Borough", "frequency": "annual",
        "targets": targets if targets is not None else [{"value": 15, "by": "2027/28", "kind": "stretch"}],
    })


def point(period: str, value: float) -> Point:
    return Point(parse_period(period), value)


def test_a_fall_in_a_lower_is_better_indicator_is_improving() -> None:
    assert trend("lower", point("2024/25", 18.9), point("2023/24", 20.1)) is Trend.IMPROVING


def test_a_fall_in_a_higher_is_better_indicator_is_worsening() -> None:
    assert trend("higher", point("2024/25", 18.9), point("2023/24", 20.1)) is Trend.WORSENING


def test_a_change_of_one_percent_or_less_is_no_change() -> None:
    assert trend("lower", point("2024/25", 19.9), point("2023/24", 20.1)) is Trend.NO_CHANGE


def test_one_figure_without_a_baseline_is_not_enough_for_a_trend() -> None:
    assert trend("lower", point("2024/25", 18.9), None) is Trend.TOO_FEW_FIGURES


def test_the_trajectory_is_a_straight_line_from_baseline_to_target() -> None:
    # Baseline 21.4 at the end of 2022/23, target 15 at the end of 2027/28: five years.
    # At the end of 2024/25, two years (731 of 1,827 days) in, the line reads 21.4 - 6.4 * 731/1827.
    target = indicator().targets[0]
    assert expected_value(point("2022/23", 21.4), target, parse_period("2024/25").end) == pytest.approx(18.839, abs=0.001)


def test_better_than_the_trajectory_is_on_track() -> None:
    ind = indicator()
    assert target_status(ind.better, point("2024/25", 18.8), ind.targets[0], 18.839) is TargetStatus.ON_TRACK


def test_worse_than_the_trajectory_is_off_track() -> None:
    ind = indicator()
    assert target_status(ind.better, point("2024/25", 18.9), ind.targets[0], 18.839) is TargetStatus.OFF_TRACK


def test_reaching_the_target_early_is_target_met() -> None:
    ind = indicator()
    assert target_status(ind.better, point("2024/25", 14.8), ind.targets[0], 18.839) is TargetStatus.MET


def test_short_of_the_target_after_its_date_is_target_missed() -> None:
    ind = indicator()
    assert target_status(ind.better, point("2028/29", 16.0), ind.targets[0], 15.0) is TargetStatus.MISSED


def test_an_indicator_without_targets_has_no_target_status() -> None:
    ind = indicator(targets=[])
    assert target_status(ind.better, point("2024/25", 18.9), None, None) is TargetStatus.NO_TARGET


def test_the_minimal_partnerships_burglary_rate_is_improving_but_off_track(project_dir: Path) -> None:
    project = load_project(project_dir)
    progress = indicator_progress(project, project.indicator_by_id["burglary-rate"])
    assert (progress.trend, progress.target_status) == (Trend.IMPROVING, TargetStatus.OFF_TRACK)
    assert progress.latest == point("2024/25", 18.9)


def test_action_counts_use_the_status_in_the_newest_progress_update(project_dir: Path) -> None:
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "status: on track", "status: at risk")
    counts = action_status_counts(load_project(project_dir))
    assert counts == {"complete": 0, "on track": 0, "at risk": 1, "off track": 0, "not started": 0, "dropped": 0}


def test_small_figures_keep_two_significant_digits_instead_of_reading_zero() -> None:
    from strategy_site.words import number

    assert [number(v) for v in (0.004, 0.0123, -0.00042, 21.456, 1250)] == ["0.004", "0.012", "-0.00042", "21.46", "1,250"]
