"""The indicator page's table of figures, rendered from the content template."""

from __future__ import annotations

from pathlib import Path

from strategy_site.model.progress import all_progress
from strategy_site.model.project import load_project
from strategy_site.render.pages import render_pages
from tests.conftest import REPO, edit


def figure_rows(root: Path) -> list[str]:
    project = load_project(root)
    [page] = [p for p in render_pages(project, [REPO / "templates" / "content"], all_progress(project))
              if p.path == "indicators/burglary-rate.md"]
    table = page.markdown[page.markdown.index("| Period | Figure | Note |"):]
    return [line for line in table.splitlines()[2:] if line.startswith("|")][:10]


def test_a_baseline_that_is_also_a_reported_figure_is_one_row_marked_as_the_baseline(project_dir: Path) -> None:
    assert figure_rows(project_dir) == [
        "| 2022/23 (baseline) | 21\\.4 |  |",
        "| 2023/24 | 19\\.8 |  |",
        "| 2024/25 | 18\\.9 |  |",
        "| 2027/28 (target) | 15 | Floor target |",
    ]


def test_a_baseline_with_no_figure_for_its_period_has_a_row_of_its_own(project_dir: Path) -> None:
    edit(project_dir / "indicators/burglary-rate.yml", "  - period: 2022/23\n    value: 21.4\n", "")

    assert figure_rows(project_dir)[:2] == ["| 2022/23 (baseline) | 21\\.4 | |", "| 2023/24 | 19\\.8 |  |"]


def test_a_figure_that_differs_from_the_baseline_for_the_same_period_keeps_both_rows(project_dir: Path) -> None:
    edit(project_dir / "indicators/burglary-rate.yml", "  - period: 2022/23\n    value: 21.4\n", "  - period: 2022/23\n    value: 21.5\n")

    assert figure_rows(project_dir)[:2] == ["| 2022/23 (baseline) | 21\\.4 | |", "| 2022/23 | 21\\.5 |  |"]
