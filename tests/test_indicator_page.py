"""The indicator page's table of figures, rendered from the content template."""

from __future__ import annotations

import html
import re
from pathlib import Path

from strategy_site.model.project import load_project
from strategy_site.render.site import render_site
from tests.conftest import REPO, append, edit


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


# --- every series, and the targets on a series or a gap --------------------------------------------------------------

SERIES = """breakdowns:
  - area: brookside
    values:
      - {period: 2023/24, value: 39.9}
      - {period: 2024/25, value: 37.8}
  - group: age
    category: 65 and over
    values:
      - {period: 2024/25, value: 26.4}
comparators:
  - id: england
    name: England
    source: Office for National Statistics, police recorded crime
    values:
      - {period: 2022/23, value: 7.6}
      - {period: 2023/24, value: 7.4}
      - {period: 2024/25, value: 7.1}
"""
GAP_TARGET = """  - value: 15
    by: 2027/28
    kind: local
    series: brookside
    against: headline
    note: Halve the gap between Brookside and the borough.
"""


def indicator_html(root: Path) -> str:
    project = load_project(root)
    pages = render_site(project, [REPO / "templates" / "content"], "https://example.org/").pages
    [page] = [p for p in pages.pages if p.path == "indicators/burglary-rate.md"]
    return pages.html(page)


def with_series(root: Path) -> Path:
    indicator = root / "indicators/burglary-rate.yml"
    append(indicator, SERIES)
    edit(indicator, "    kind: floor\n", "    kind: floor\n" + GAP_TARGET)
    return root


def test_the_table_of_every_series_heads_each_period_column_and_each_series_row(project_dir: Path) -> None:
    content = indicator_html(with_series(project_dir))
    table = content[content.index('id="every-series-table"'):]
    table = table[:table.index("</table>")]

    headers = re.findall(r'<th class="govuk-table__header[^"]*" scope="(\w+)"[^>]*>(.*?)</th>', table)
    assert [(scope, html.unescape(words)) for scope, words in headers] == [
        ("col", "Area or group"), ("col", "2022/23"), ("col", "2023/24"), ("col", "2024/25"),
        ("row", "Borough of Fernley"),
        ("rowgroup", "Areas"), ("row", "Brookside"),
        ("rowgroup", "Groups of people"), ("row", "Age band: 65 and over"),
        ("rowgroup", "For comparison"), ("row", "England"),
    ]


def test_every_row_of_the_series_table_has_a_cell_for_each_period_even_where_its_section_has_no_figure(project_dir: Path) -> None:
    content = indicator_html(with_series(project_dir))
    table = content[content.index('id="every-series-table"'):]
    table = table[:table.index("</table>")]

    rows = re.findall(r'<th class="govuk-table__header" scope="row">(.*?)</th>\n(.*?)</tr>', table, re.DOTALL)
    cells = {html.unescape(name): [html.unescape(re.sub("<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
             for name, row in rows}
    # The groups section has figures only for 2024/25, but its row still spans the three periods.
    assert cells["Age band: 65 and over"] == ["–no figure", "–no figure", "26.4"]
    assert cells["Brookside"] == ["–no figure", "39.9", "37.8"]


def test_the_table_of_every_series_scrolls_in_a_region_that_its_caption_names(project_dir: Path) -> None:
    content = indicator_html(with_series(project_dir))

    assert ('<p class="govuk-body app-table-caption" id="every-series-table-caption">Domestic burglary rate (per 1,000 households), '
            'by period</p>\n<div class="app-table-scroll" role="region" aria-labelledby="every-series-table-caption" tabindex="0">\n'
            '<table class="govuk-table app-table--figures" id="every-series-table" aria-labelledby="every-series-table-caption">') in content


def test_a_note_on_an_areas_or_a_comparators_figure_is_listed_under_the_table_of_every_series(project_dir: Path) -> None:
    indicator = with_series(project_dir) / "indicators/burglary-rate.yml"
    edit(indicator, "      - {period: 2024/25, value: 37.8}", "      - {period: 2024/25, value: 37.8, note: Provisional <until> April}")
    edit(indicator, "      - {period: 2024/25, value: 7.1}", "      - {period: 2024/25, value: 7.1, note: Year to March}")

    content = indicator_html(project_dir)
    notes = content[content.index('id="series-notes"'):]

    assert re.findall(r"<li>(.*?)</li>", notes[:notes.index("</ul>")]) == [
        "Brookside, 2024/25: Provisional &lt;until&gt; April",
        "England, 2024/25: Year to March",
    ]


def test_without_notes_on_its_series_figures_an_indicator_page_has_no_notes_heading(project_dir: Path) -> None:
    assert 'id="series-notes"' not in indicator_html(with_series(project_dir))


def test_each_comparators_source_is_named(project_dir: Path) -> None:
    content = indicator_html(with_series(project_dir))
    sources = content[content.index('id="sources"'):]

    assert re.findall(r"<li>(.*?)</li>", sources[:sources.index("</ul>")]) == [
        "Borough of Fernley, and every area and group not named below: Fernshire Police recorded crime",
        "England: Office for National Statistics, police recorded crime",
    ]


def test_a_gap_target_says_where_it_stands_and_whether_the_gap_is_narrowing(project_dir: Path) -> None:
    content = indicator_html(with_series(project_dir))
    target = content[content.index('id="series-targets"'):]

    assert "Brookside: no more than 15 per 1,000 households worse than the figure for Borough of Fernley by 2027/28 (local target)</h3>" in target
    summary = re.findall(r'<dt class="govuk-summary-list__key">(.*?)</dt>\s*<dd class="govuk-summary-list__value">(.*?)</dd>', target)
    assert [(key, re.sub(r"<[^>]+>", "", value)) for key, value in summary[:3]] == [
        ("Where it stands", "In 2024/25, the figure for Brookside was 18.9 per 1,000 households worse than the figure for Borough of Fernley."),
        ("Against the target", "Off track for the target"),
        ("The gap", "Narrowing since 2023/24"),
    ]
    assert '<img alt="Chart of the gap between Brookside and Borough of Fernley' in target
    assert 'src="../../indicators/burglary-rate-gap-1.svg"' in target


def test_the_headline_figures_table_leaves_out_targets_set_on_a_gap(project_dir: Path) -> None:
    with_series(project_dir)

    assert figure_rows(project_dir)[-1] == "2027/28 (target) | 15 | Floor target"
    assert len([row for row in figure_rows(project_dir) if "(target)" in row]) == 1


def test_the_indicator_page_links_each_neighbourhood_with_figures(project_dir: Path) -> None:
    content = indicator_html(with_series(project_dir))

    assert ('How each neighbourhood compares with Borough of Fernley and England, on its own page: '
            '<a class="govuk-link" href="../../neighbourhoods/brookside/">Brookside</a>.</p>') in content


def test_the_indicators_list_says_whether_each_gap_with_a_target_is_narrowing(project_dir: Path) -> None:
    project = load_project(with_series(project_dir))
    pages = render_site(project, [REPO / "templates" / "content"], "https://example.org/").pages
    [page] = [p for p in pages.pages if p.path == "indicators/index.md"]

    assert ('<br>Brookside against Borough of Fernley: <strong class="govuk-tag govuk-tag--green">Narrowing</strong>'
            in pages.html(page))


def test_a_progress_update_names_the_series_a_new_figure_is_for(project_dir: Path) -> None:
    with_series(project_dir)
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "    period: 2024/25\n    value: 18.9\n",
         "    period: 2024/25\n    value: 18.9\n  - indicator: burglary-rate\n    series: brookside\n    period: 2025/26\n    value: 35.1\n")
    pages = render_site(load_project(project_dir), [REPO / "templates" / "content"], "https://example.org/").pages
    [page] = [p for p in pages.pages if p.path == "progress/2026-11-10-quarter-2.md"]

    assert '<a class="govuk-link" href="../../indicators/burglary-rate/">Domestic burglary rate</a> (Brookside)' in pages.html(page)
