"""SS409: one figure per period for each indicator."""

from __future__ import annotations

from pathlib import Path

from strategy_site.model.project import load_project
from tests.conftest import edit, findings_for, line_of, where


def test_a_progress_update_that_contradicts_the_indicator_file_is_reported_where_it_disagrees(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    edit(update, "    period: 2024/25\n    value: 18.9", "    period: 2023/24\n    value: 20.1")

    findings = findings_for(project_dir)

    earlier = line_of(project_dir / "indicators/burglary-rate.yml", "value: 19.8")
    assert where(findings) == [("SS409", "src/progress/2026-11-10-quarter-2.md", line_of(update, "value: 20.1"), 12)]
    assert findings[0].message == (
        "indicator burglary-rate already has the figure 19.8 for 2023/24 "
        f"(src/indicators/burglary-rate.yml, line {earlier}); this says 20.1"
    )


def test_repeating_the_same_figure_is_not_a_conflict(project_dir: Path) -> None:
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "    period: 2024/25\n    value: 18.9", "    period: 2023/24\n    value: 19.8")

    assert findings_for(project_dir) == []


def test_figures_merge_the_indicator_file_and_progress_updates_in_period_order(project_dir: Path) -> None:
    project = load_project(project_dir)

    figures = project.figures(project.indicator_by_id["burglary-rate"])

    assert [(f.period.label, f.value) for f in figures] == [("2022/23", 21.4), ("2023/24", 19.8), ("2024/25", 18.9)]


# --- SS445 mixed-period-lengths -------------------------------------------------------------------------------------


def test_a_months_figure_among_years_is_an_error_at_its_period(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    edit(update, "    period: 2024/25\n    value: 18.9", "    period: 2025-09\n    value: 1.6")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS445", "src/progress/2026-11-10-quarter-2.md", line_of(update, "period: 2025-09"), 13)]
    assert findings[0].message == ("the figure for 2025-09 covers a month, but the other figures of burglary-rate cover a year "
                                   "each, so it would be charted and compared as if it covered a year")
    assert findings[0].hint == "give the figure for a period of a year, or keep figures of a month in an indicator of their own"


def test_a_count_taken_in_the_same_month_each_year_is_a_series_of_months(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  - period: 2022/23\n", "  - period: Oct 2022\n")
    edit(indicator, "  - period: 2023/24\n", "  - period: Oct 2023\n")
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "period: 2024/25", "period: Oct 2024")

    assert [f for f in findings_for(project_dir) if f.code == "SS445"] == []


def test_years_pooled_among_years_pooled_are_alike(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  - period: 2022/23\n", "  - period: 2019 to 2021\n")
    edit(indicator, "  - period: 2023/24\n", "  - period: 2020 to 2022\n")
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "period: 2024/25", "period: 2021 to 2023")

    assert [f for f in findings_for(project_dir) if f.code == "SS445"] == []
