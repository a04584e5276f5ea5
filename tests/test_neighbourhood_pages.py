"""A page per neighbourhood, the neighbourhoods' index, and the equality view on a theme's page, rendered from the
content templates: what a resident reads about their own neighbourhood and about groups of people."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from strategy_site.model.project import load_project
from strategy_site.render.pages import SitePages
from strategy_site.render.site import render_site
from tests.conftest import REPO, append, edit

# Fernley's burglary figures for Brookside (a renewal area) and Hillcrest, with England to compare with: what an
# officer adds to the minimal partnership's indicator once the police can break its figures down.
BREAKDOWNS = """breakdowns:
  - area: brookside
    values:
      - {period: 2022/23, value: 41.0}
      - {period: 2023/24, value: 39.9}
      - {period: 2024/25, value: 37.8}
  - area: hillcrest
    values:
      - {period: 2023/24, value: 19.9}
      - {period: 2024/25, value: 12.2}
comparators:
  - id: england
    name: England
    source: Office for National Statistics, police recorded crime
    values:
      - {period: 2022/23, value: 7.6}
      - {period: 2023/24, value: 7.4}
      - {period: 2024/25, value: 7.1}
"""
HILLCREST = """  - id: hillcrest
    name: Hillcrest
    description: Owner-occupied streets on the hill above the station.
"""
FLOOR = """  - value: 3
    by: 2027/28
    kind: floor
    each: neighbourhood
    against: england
    measure: ratio
"""


@pytest.fixture
def fernley(project_dir: Path) -> Path:
    """The minimal partnership with burglary figures for its two neighbourhoods and England, and a floor target on
    the gap: no neighbourhood over three times the England rate."""
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "unit: per 1,000 households", "unit: burglaries per 1,000 households")
    edit(indicator, "    kind: floor\n", "    kind: floor\n" + FLOOR)
    append(indicator, BREAKDOWNS)
    edit(project_dir / "partnership.yml", "    renewal_area: true\n", "    renewal_area: true\n" + HILLCREST)
    return project_dir


def site(root: Path) -> SitePages:
    return render_site(load_project(root), [REPO / "templates" / "content"], "https://example.org/").pages


def page_html(root: Path, path: str) -> str:
    pages = site(root)
    [page] = [p for p in pages.pages if p.path == path]
    return pages.html(page)


def text(fragment: str) -> str:
    """What a reader sees of some HTML: its text, with the spaces between words as a browser shows them."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def rows(content: str, after: str) -> list[str]:
    """The rows of the first table after ``after``, each as its cells' text joined by " | "."""
    table = content[content.index(after):]
    table = table[:table.index("</table>")]
    found = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.DOTALL)
    return [" | ".join(text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)) for row in found]


def test_a_neighbourhood_page_says_how_its_latest_figure_compares_with_the_borough_and_england(fernley: Path) -> None:
    page = text(page_html(fernley, "neighbourhoods/brookside.md"))

    assert ("In 2024/25, Brookside had 37.8 burglaries per 1,000 households: worse than Borough of Fernley (18.9) "
            "and England (7.1).") in page


def test_a_neighbourhood_page_tables_its_figures_by_period_beside_the_borough_and_england(fernley: Path) -> None:
    content = page_html(fernley, "neighbourhoods/brookside.md")

    assert rows(content, 'id="figures-burglary-rate"') == [
        "Period | Brookside | Borough of Fernley | England",
        "2022/23 | 41 | 21.4 | 7.6",
        "2023/24 | 39.9 | 19.8 | 7.4",
        "2024/25 | 37.8 | 18.9 | 7.1",
    ]


def test_a_neighbourhood_page_lists_the_actions_targeted_there_with_lead_status_and_due_date(fernley: Path) -> None:
    content = page_html(fernley, "neighbourhoods/brookside.md")

    assert rows(content, 'id="actions"') == [
        "Action | Theme | Lead partner | Status | Due",
        "SF-01: Fit door and window locks for older residents | A safer Fernley | Fernshire Police | On track | 31 March 2027",
    ]


def test_a_neighbourhood_no_action_targets_says_so(fernley: Path) -> None:
    assert "No action in the action plans targets Hillcrest in particular." in text(page_html(fernley, "neighbourhoods/hillcrest.md"))


def test_a_renewal_area_page_says_it_is_one_and_links_the_renewal_strategy(fernley: Path) -> None:
    content = page_html(fernley, "neighbourhoods/brookside.md")

    assert ("Brookside is a renewal area: one of the neighbourhoods where the partnership works hardest to narrow the gap "
            "with the rest of Borough of Fernley. The Brookside Neighbourhood Renewal Strategy says how.") in text(content)
    assert '<a class="govuk-link" href="../../neighbourhood-renewal-strategy/">Brookside Neighbourhood Renewal Strategy</a>' in content


def test_a_neighbourhood_that_is_not_a_renewal_area_says_so(fernley: Path) -> None:
    page = text(page_html(fernley, "neighbourhoods/hillcrest.md"))

    assert ("Hillcrest is not a renewal area. The Brookside Neighbourhood Renewal Strategy names the neighbourhoods that "
            "are, and says why.") in page


def test_the_gaps_that_matter_most_are_ranked_and_worded_against_the_borough(fernley: Path) -> None:
    content = page_html(fernley, "neighbourhoods/brookside.md")
    gaps = content[content.index('id="gaps"'):content.index('id="actions"')]

    assert re.findall(r"<li>(.*?)</li>", gaps, re.DOTALL) == [
        '<a class="govuk-link" href="#indicator-burglary-rate">Domestic burglary rate</a>: 37.8 burglaries per 1,000 households '
        "in 2024/25, 2 times the figure for Borough of Fernley (18.9); lower is better.",
    ]


def test_a_neighbourhood_better_than_the_borough_everywhere_has_no_gap_to_list(fernley: Path) -> None:
    assert "Hillcrest is no worse than Borough of Fernley on any indicator with figures for both." in text(
        page_html(fernley, "neighbourhoods/hillcrest.md"))


def test_a_neighbourhood_without_figures_says_so_and_shows_no_comparison(project_dir: Path) -> None:
    content = page_html(project_dir, "neighbourhoods/brookside.md")

    assert "No indicator has figures for Brookside yet." in text(content)
    assert 'id="how-it-compares"' not in content


def test_the_index_lists_each_neighbourhood_with_its_renewal_area_status(fernley: Path) -> None:
    assert rows(page_html(fernley, "neighbourhoods/index.md"), "<table") == [
        "Neighbourhood | Renewal area | Indicators with figures | Actions targeted there",
        "Brookside | Yes | 1 | 1",
        "Hillcrest | No | 1 | 0",
    ]


def test_the_partnership_page_and_the_home_page_link_each_neighbourhood(fernley: Path) -> None:
    link = '<a class="govuk-link" href="{}neighbourhoods/hillcrest/">Hillcrest</a>'

    assert link.format("../") in page_html(fernley, "partnership.md")
    assert link.format("") in page_html(fernley, "index.md")


def test_a_hostile_neighbourhood_name_is_shown_as_the_characters_it_is(fernley: Path) -> None:
    edit(fernley / "partnership.yml", "name: Hillcrest", "name: <script>alert(1)</script>")
    pages = site(fernley)

    for page in pages.pages:
        assert "<script>alert" not in pages.html(page), page.path
    assert "<h1 class=\"govuk-heading-xl\" id=\"scriptalert1script\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page_html(
        fernley, "neighbourhoods/hillcrest.md")


def test_hostile_names_of_comparators_and_groups_are_shown_as_the_characters_they_are(fernley: Path) -> None:
    indicator = fernley / "indicators/burglary-rate.yml"
    edit(indicator, "name: England", "name: <img src=x onerror=alert(2)>")
    edit(indicator, "breakdowns:\n", GROUPS.replace("16 to 64", "<b onclick=alert(3)>young</b>"))
    pages = site(fernley)

    for page in pages.pages:
        content = pages.html(page)
        assert "<img src=x" not in content and "<b onclick" not in content, page.path
    assert "worse than Borough of Fernley (18.9) and &lt;img src=x onerror=alert(2)&gt; (7.1)." in page_html(
        fernley, "neighbourhoods/brookside.md")
    assert "&lt;b onclick=alert(3)&gt;young&lt;/b&gt;" in page_html(fernley, "themes/safety.md")


def test_a_neighbourhood_page_is_rendered_again_when_an_indicator_plan_update_or_the_boundaries_change(fernley: Path) -> None:
    (fernley / "neighbourhoods.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    pages = site(fernley)
    [page] = [p for p in pages.pages if p.path == "neighbourhoods/brookside.md"]

    assert pages.reads(page) >= {
        "partnership.yml", "indicators/burglary-rate.yml", "action-plans/2026-27.yml", "progress/2026-11-10-quarter-2.md",
        "neighbourhood-renewal-strategy.md", "neighbourhoods.geojson",
    }


# --- the equality view on a theme's page ----------------------------------------------------------------------------

GROUPS = """breakdowns:
  - group: age
    category: 16 to 64
    values:
      - {period: 2024/25, value: 16.2}
  - group: age
    category: 65 and over
    values:
      - {period: 2024/25, value: 26.4}
"""


def test_a_theme_page_compares_each_group_with_the_borough_and_names_the_widest_gap(project_dir: Path) -> None:
    append(project_dir / "indicators/burglary-rate.yml", GROUPS)
    content = page_html(project_dir, "themes/safety.md")
    view = content[content.index('id="equality"'):]

    assert ("The widest gap is for 65 and over (age band): 26.4 per 1,000 households in 2024/25, 1.4 times the figure "
            "for Borough of Fernley (18.9); lower is better.") in text(view)
    assert "Domestic burglary rate by group, 2024/25 (per 1,000 households)" in view
    assert rows(view, "<table") == [
        "Group | Figure | Borough of Fernley | Compared with Borough of Fernley",
        "Age band",
        "16 to 64 | 16.2 | 18.9 | Better",
        "65 and over | 26.4 | 18.9 | Worse",
    ]


def test_a_theme_without_figures_for_groups_has_no_equality_view(project_dir: Path) -> None:
    assert 'id="equality"' not in page_html(project_dir, "themes/safety.md")


def test_a_floor_target_on_every_neighbourhood_is_worded_and_names_the_one_furthest_from_it(fernley: Path) -> None:
    page = text(page_html(fernley, "indicators/burglary-rate.md"))

    assert ("Every neighbourhood: no more than 3 times the figure for England by 2027/28 (floor target) Where it stands "
            "In 2024/25, the furthest from the target was Brookside: 5.32 times the figure for England.") in page


def test_a_ratio_target_where_higher_is_better_is_worded_as_a_share_of_the_other_figure(fernley: Path) -> None:
    indicator = fernley / "indicators/burglary-rate.yml"
    edit(indicator, "better: lower", "better: higher")
    edit(indicator, "    each: neighbourhood\n", "    series: brookside\n")
    edit(indicator, "  - value: 3\n", "  - value: 1.25\n")

    assert "Brookside: at least 80% of the figure for England by 2027/28 (floor target)" in text(page_html(fernley, "indicators/burglary-rate.md"))


def test_the_boundaries_credit_line_is_shown_under_the_map_as_the_characters_it_is(project_dir: Path) -> None:
    credit = "Contains OS data © Crown copyright <b>2025</b>"
    boundaries = {"type": "FeatureCollection", "attribution": credit, "features": [
        {"type": "Feature", "properties": {"id": "brookside"}, "geometry": {"type": "Polygon", "coordinates": [
            [[-2.45, 53.70], [-2.43, 53.70], [-2.43, 53.72], [-2.45, 53.72], [-2.45, 53.70]]]}}]}
    (project_dir / "neighbourhoods.geojson").write_text(json.dumps(boundaries), encoding="utf-8")

    content = page_html(project_dir, "neighbourhoods/brookside.md")

    assert ('<p class="govuk-body-s app-map-credit">Contains OS data © Crown copyright &lt;b&gt;2025&lt;/b&gt;</p>') in content
