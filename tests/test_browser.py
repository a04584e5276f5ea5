"""The demo site in a real browser: Debian's Chromium, driven by Playwright, checked with axe-core.

These tests need /usr/bin/chromium (the README's test command installs it). Without it they
fail with a message saying so: a browser test that is skipped proves nothing.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.conftest import REPO

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
DESKTOP, MOBILE, NARROWEST = (1280, 900), (375, 812), (320, 640)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the standard library's name)
        pass


@pytest.fixture(scope="session")
def base_url(demo_site: Path) -> Iterator[str]:
    """The demo site served over HTTP on a free local port (search needs HTTP, not file://)."""
    handler = functools.partial(QuietHandler, directory=str(demo_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": DESKTOP[0], "height": DESKTOP[1]})
    opened = context.new_page()
    yield opened
    context.close()


def site_pages(demo_site: Path) -> list[str]:
    """Every page of the site, as a path to open."""
    pages = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*.html"))
    return [p.removesuffix("index.html") for p in pages if p != "404.html"]


def test_every_page_has_no_wcag_a_or_aa_violations(page: Page, base_url: str, demo_site: Path) -> None:
    axe = Axe()
    failures = []
    for path in site_pages(demo_site):
        page.goto(base_url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            failures.append(f"/{path}: {violation['id']}: {violation['help']} at {targets}")
    assert failures == []


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page: Page, base_url: str) -> None:
    page.goto(base_url + "action-plans/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main-content$"))  # the address changes after the key press, not with it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_the_keyboard_reaches_the_sections_and_the_search_box_in_order(page: Page, base_url: str) -> None:
    page.goto(base_url)
    stops = []
    for _ in range(9):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim() || document.activeElement.id"))
    assert stops == [
        "Skip to main content", "Ravensholt Together", "Strategy", "Action plans", "Indicators",
        "Partners", "Progress", "app-search-box", "Search",
    ]


def test_no_page_scrolls_sideways_at_320_pixels(browser: Browser, base_url: str, demo_site: Path) -> None:
    context = browser.new_context(viewport={"width": NARROWEST[0], "height": NARROWEST[1]})
    narrow = context.new_page()
    too_wide = []
    for path in site_pages(demo_site):
        narrow.goto(base_url + path)
        width = narrow.evaluate("document.documentElement.scrollWidth")
        if width > NARROWEST[0]:
            too_wide.append(f"/{path}: {width} px")
    context.close()
    assert too_wide == []


def test_each_chart_has_a_text_alternative_and_its_figures_in_a_table(page: Page, base_url: str, demo_site: Path) -> None:
    for path in site_pages(demo_site):
        if not path.startswith("indicators/") or path == "indicators/":
            continue
        page.goto(base_url + path)
        chart = page.locator("img.app-chart").first
        assert (chart.get_attribute("alt") or "").startswith("Chart of "), path
        figures = page.locator("#figures + table tbody tr")
        assert figures.count() >= 2, path


def test_every_chart_and_map_loads_and_has_a_text_alternative(page: Page, base_url: str, demo_site: Path) -> None:
    broken = []
    for path in site_pages(demo_site):
        page.goto(base_url + path)
        images = page.evaluate("[...document.querySelectorAll('img.app-chart, img.app-map')].map(i => [i.src, i.alt, i.naturalWidth])")
        broken.extend(f"/{path}: {src}" for src, alt, width in images if not alt or width == 0)
    assert broken == []


# A neighbourhood's page (locator map, a chart and a table of figures per indicator) and an indicator's page with
# breakdowns, comparators, a gap target and a map: the pages the issue on narrowing the gap added.
GAP_PAGES = ["neighbourhoods/northgate/", "indicators/life-expectancy/", "themes/learning/"]


@pytest.mark.parametrize("path", GAP_PAGES)
def test_the_pages_on_narrowing_the_gap_have_maps_and_no_wcag_a_or_aa_violations(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})

    assert [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in results.response["violations"]] == []
    if not path.startswith("themes/"):
        assert page.locator("img.app-map").count() >= 1


def test_a_wide_table_of_figures_scrolls_in_its_own_region_at_320_pixels(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": NARROWEST[0], "height": NARROWEST[1]})
    narrow = context.new_page()
    narrow.goto(base_url + "indicators/life-expectancy/")
    region = narrow.get_by_role("region", name="Male life expectancy, and the gap between the renewal areas and the borough (years), by period")

    assert region.evaluate("r => r.scrollWidth > r.clientWidth && getComputedStyle(r).overflowX === 'auto'")
    assert narrow.evaluate("document.documentElement.scrollWidth") == NARROWEST[0]
    context.close()


def test_filtering_the_action_table_by_status_shows_only_those_actions(page: Page, base_url: str) -> None:
    page.goto(base_url + "action-plans/")
    page.get_by_label("Status").select_option("Off track")
    visible = page.locator(".app-filter-table tbody tr:visible")
    assert visible.count() == 3
    assert all(text == "Off track" for text in visible.locator("td:nth-child(4)").all_inner_texts())
    assert page.get_by_role("status").inner_text() == "Showing 3 of 48 actions."


def test_filtering_the_action_table_by_financial_year_shows_actions_due_in_it(page: Page, base_url: str) -> None:
    page.goto(base_url + "action-plans/")
    page.get_by_label("Due in financial year").select_option("2026/27")
    dates = page.locator(".app-filter-table tbody tr:visible td:nth-child(5) time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates and all("2026-04-01" <= date <= "2027-03-31" for date in dates)


def test_sorting_the_action_table_by_due_date_puts_the_earliest_first(page: Page, base_url: str) -> None:
    page.goto(base_url + "action-plans/")
    page.get_by_role("button", name="Due").click()
    dates = page.locator(".app-filter-table tbody tr td:nth-child(5) time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates == sorted(dates) and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) for date in dates)
    assert page.locator("th", has=page.get_by_role("button", name="Due")).get_attribute("aria-sort") == "ascending"


def test_without_javascript_the_full_action_table_shows(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + "action-plans/")
    assert plain.locator(".app-filter-table tbody tr").count() == 48
    assert plain.locator(".app-filters").count() == 0
    context.close()


def test_search_finds_an_action_by_a_word_in_its_title(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.locator("#app-search-box").fill("prescribing")
    page.locator("#app-search-box").press("Enter")
    result = page.locator("#app-search-results .app-search-result__title a").first  # Pagefind's results: tests/test_search.py
    result.wait_for(timeout=10_000)
    assert "prescribing" in result.inner_text().lower()
    result.click()
    assert "/actions/" in page.url


@pytest.mark.parametrize("name,path", [
    ("home", ""),
    ("action-plan", "action-plans/2026-27-delivery-plan/"),
    ("indicator", "indicators/asb-incidents/"),
    ("indicator-with-breakdowns", "indicators/life-expectancy/"),
    ("neighbourhood", "neighbourhoods/northgate/"),
    ("theme-equality", "themes/learning/#equality"),
    ("partner", "partners/police/"),
])
def test_screenshots_of_the_main_pages_at_desktop_and_mobile_widths(browser: Browser, base_url: str, name: str, path: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in (("desktop", DESKTOP), ("mobile", MOBILE)):
        context = browser.new_context(viewport={"width": width, "height": height})
        shot = context.new_page()
        shot.goto(base_url + path)
        target = SCREENSHOTS / f"{name}-{label}.png"
        shot.screenshot(path=str(target), full_page=True)
        context.close()
        assert target.stat().st_size > 10_000, target


def test_the_standalone_html_report_has_no_wcag_a_or_aa_violations(page: Page, tmp_path: Path) -> None:
    from strategy_site.cli import main

    report = tmp_path / "report.html"
    with report.open("w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        assert main(["report", str(REPO / "strategy_src"), "--today", "2026-11-23", "--format", "html",
                     "--templates", str(REPO / "templates/report")]) == 0
    page.goto(report.as_uri())
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert [(v["id"], v["help"]) for v in results.response["violations"]] == []


def test_a_page_prints_as_a_clean_report(page: Page, base_url: str) -> None:
    page.goto(base_url + "actions/HE-05/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""['.govuk-service-navigation', '.govuk-footer', '.app-search-form', '.govuk-breadcrumbs', '.app-downloads']
        .map(s => document.querySelector(s)).filter(e => e && getComputedStyle(e).display !== 'none').map(e => e.className)""")
    assert hidden == []
    assert page.evaluate("getComputedStyle(document.querySelector('main')).display") != "none"
    pdf = SCREENSHOTS.parent / "print" / "action-HE-05.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
