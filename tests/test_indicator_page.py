"""The indicator page's table of figures, rendered from the content template."""

from __future__ import annotations

import html
import re
from pathlib import Path

from strategy_site.model.project import load_project
from strategy_site.render.site import render_site
from tests.conftest import REPO, edit


def figure_rows(root: Path) -> list[str]:
    """The rows of the page's table of figures, as "period | figure | note"."""
    project = load_project(root)
    pages = render_site(project, [REPO / "templates" / "content"], "https://example.org/").pages
    [page] = [p for p in pages.pages if p.path == "indicators/burglary-rate.md"]
    content = pages.html(page)
    table = content[content.index(">Period</th>"):content.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.DOTALL)
    cells = [[html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)] for row in rows]
    return [" | ".join(row) for row in cells]


def test_a_baseline_that_is_also_a_reported_figure_is_one_row_marked_as_the_baseline(project_dir: Path) -> None:
    assert figure_rows(project_dir) == [
        "2022/23 (baseline) | 21.4 | ",
        "2023/24 | 19.8 | ",
        "2024/25 | 18.9 | ",
        "2027/28 (target) | 15 | Floor target",
    ]


def test_a_baseline_with_no_figure_for_its_period_has_a_row_of_its_own(project_dir: Path) -> None:
    edit(project_dir / "indicators/burglary-rate.yml", "  - period: 2022/23\n    value: 21.4\n", "")

    assert figure_rows(project_dir)[:2] == ["2022/23 (baseline) | 21.4 | ", "2023/24 | 19.8 | "]


def test_a_figure_that_differs_from_the_baseline_for_the_same_period_keeps_both_rows(project_dir: Path) -> None:
    edit(project_dir / "indicators/burglary-rate.yml", "  - period: 2022/23\n    value: 21.4\n", "  - period: 2022/23\n    value: 21.5\n")

    assert figure_rows(project_dir)[:2] == ["2022/23 (baseline) | 21.4 | ", "2022/23 | 21.5 | "]
