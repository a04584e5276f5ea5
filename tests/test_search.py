"""Searching the site: the Pagefind index the build writes, and the search page that reads it.

The build hands each page to Pagefind as it writes it (strategy_site/site/search_index.py), and
publishes the index in pagefind/. The search page (templates/theme/search.html and search/main.js)
loads only the parts of the index a search needs, shows ten results at a time, and says how many
pages match in a live region. The browser tests use Debian's Chromium, as tests/test_browser.py does.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, Response, expect

from strategy_site.site import search_index
from strategy_site.site.search_index import SearchIndex, SearchIndexStats, SearchNotIndexed
from tests.conftest import REPO, build_main
from tests.test_browser import WCAG_TAGS, QuietHandler, base_url, page  # noqa: F401 (fixtures shared with the other browser tests)

ACTION = "Social prescribing in every GP practice"  # action HE-08 of the demonstration partnership
STRATEGY = "Ravensholt 2034, our community strategy"
RESULT_TIMEOUT = 10_000  # ms: the first search loads Pagefind's WebAssembly


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's record of each indexed page (its text, title and meta), by the page's address."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragment = json.loads(data.removeprefix(b"pagefind_dcd"))
        found[fragment["url"]] = fragment
    return found


def files_and_bytes(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def a_page(title: str, body: str, kind: str | None = None) -> str:
    """A page as the theme writes it: the main content marked for Pagefind, its kind as meta."""
    meta = f' data-pagefind-meta="kind:{kind}"' if kind else ""
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body><header>Site name</header>'
            f'<main data-pagefind-body{meta}><h1>{title}</h1><p>{body}</p>'
            f'<div data-pagefind-ignore="all">Last changed today</div></main></body></html>')


def index_pages(site: Path, pages: dict[str, str]) -> SearchIndexStats:
    """Index ``pages`` (HTML by address) into ``site``, as a build does page by page."""
    index = SearchIndex()
    try:
        for url, html in pages.items():
            index.add(url, html)
        return index.write(site)
    finally:
        index.close()


# --- the index ------------------------------------------------------------------------------------


def test_the_build_indexes_every_page_but_the_search_page_and_the_404_page(demo_site: Path) -> None:
    entry = json.loads((demo_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = [p for p in demo_site.rglob("*.html") if p.name not in ("search.html", "404.html") and "pagefind" not in p.parts]
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(pages)
    assert (demo_site / "pagefind" / "pagefind.js").is_file()
    # The search page uses Pagefind's JavaScript API; Pagefind's own interfaces are not published.
    assert not list((demo_site / "pagefind").glob("pagefind-*ui*")) and not (demo_site / "pagefind" / "pagefind-highlight.js").exists()
    # MkDocs' own search index is gone with its search plugin.
    assert not (demo_site / "search" / "search_index.json").exists()


def test_two_builds_of_the_same_pages_write_byte_identical_indexes(demo_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    again = tmp_path / "site"
    assert build_main(["--quiet", "--site-dir", str(again), "--today", "2026-11-23"]) == 0
    first, second = files_and_bytes(demo_site / "pagefind"), files_and_bytes(again / "pagefind")
    assert first and first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_pagefind_is_sent_a_pages_language_and_the_main_content_it_indexes_not_the_frame_around_it() -> None:
    html = ('<!DOCTYPE html>\n<html lang="en" class="govuk-template"><head><title>Smoking – Ravensholt</title></head><body>'
            '<header>Ravensholt Together</header><nav>Home</nav>'
            '<main class="govuk-main-wrapper" id="main-content" data-pagefind-body data-pagefind-meta="kind:Indicator">'
            '<h1>Smoking</h1><p>Adults who smoke.</p></main><footer>Contact us</footer></body></html>')

    assert search_index.indexed_part(html) == (
        '<html lang="en" class="govuk-template"><body><main class="govuk-main-wrapper" id="main-content" data-pagefind-body '
        'data-pagefind-meta="kind:Indicator"><h1>Smoking</h1><p>Adults who smoke.</p></main></body></html>')


def test_a_page_from_a_theme_without_an_indexed_main_element_is_sent_whole() -> None:
    html = '<html lang="cy"><body><div data-pagefind-body><h1>Ysmygu</h1></div></body></html>'

    assert search_index.indexed_part(html) == html


def test_sending_pagefind_only_the_main_content_makes_the_same_index_as_whole_pages(
        demo_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(search_index, "indexed_part", lambda html: html)
    assert build_main(["--quiet", "--site-dir", str(tmp_path / "site"), "--today", "2026-11-23"]) == 0

    assert files_and_bytes(tmp_path / "site/pagefind") == files_and_bytes(demo_site / "pagefind")


def test_the_index_holds_a_pages_main_content_and_its_kind_but_not_breadcrumbs_or_footers(demo_site: Path) -> None:
    action = fragments(demo_site)["/actions/HE-08/"]
    assert action["meta"]["title"] == ACTION
    assert action["meta"]["kind"] == "Action"
    text = action["content"]
    assert ACTION in text and "Action HE-08" in text
    assert not text.startswith("Home")  # the breadcrumbs
    for left_out in ("Skip to main content", "View the source file of this page", "Last changed", "Support links", "as CSV"):
        assert left_out not in text, left_out


def test_a_documents_sections_are_indexed_by_their_headings(demo_site: Path) -> None:
    strategy = fragments(demo_site)["/community-strategy/"]
    headings = {anchor["id"]: anchor["text"] for anchor in strategy["anchors"]}
    assert headings["shared-commitment"] == "Our shared commitment"


def test_a_page_without_a_kind_is_indexed_without_one(tmp_path: Path) -> None:
    stats = index_pages(tmp_path, {"/with/": a_page("Litter picks", "Monthly litter picks.", kind="Action"),
                                   "/": a_page("Home", "Welcome to the litter pages.")})
    assert stats.pages == 2 and stats.files > 0 and stats.bytes > 0
    found = fragments(tmp_path)
    assert found["/with/"]["meta"] == {"kind": "Action", "title": "Litter picks"}
    assert found["/"]["meta"] == {"title": "Home"}
    assert "Last changed" not in found["/"]["content"] and "Site name" not in found["/"]["content"]


def test_pagefind_settings_in_the_environment_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_OUTPUT_SUBDIR", "elsewhere")
    monkeypatch.setenv("PAGEFIND_ROOT_SELECTOR", "header")
    index_pages(tmp_path, {"/": a_page("Home", "Welcome.")})
    assert not (tmp_path / "elsewhere").exists()
    assert fragments(tmp_path)["/"]["content"].startswith("Home.")


def test_no_pages_make_no_index_and_the_reason_is_given(tmp_path: Path) -> None:
    with pytest.raises(SearchNotIndexed, match=r"^the search index was not made: there are no pages to index$"):
        index_pages(tmp_path, {})
    assert not (tmp_path / "pagefind").exists()  # never half an index


def test_a_pagefind_folder_already_in_the_site_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "minutes.pdf").write_bytes(b"%PDF")
    with pytest.raises(SearchNotIndexed, match="already has a pagefind/ folder"):
        index_pages(tmp_path, {"/": a_page("Home", "Welcome.")})
    assert [p.name for p in (tmp_path / "pagefind").iterdir()] == ["minutes.pdf"]


def test_without_pagefind_the_message_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(SearchNotIndexed, match=re.escape("pip install 'pagefind[bin]==1.5.2'")):
        SearchIndex()


def test_when_indexing_fails_the_build_fails_and_the_previous_site_stays(
    previous_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(search_index, "_pagefind_binary", lambda: Path(shutil.which("false") or "/bin/false"))
    assert build_main(["--quiet", "--today", "2026-11-23"]) != 0
    assert "The site was not built: the search index was not made: Pagefind stopped" in capsys.readouterr().err
    assert (previous_site / "index.html").read_text() == "the previous site"


# --- the search page ------------------------------------------------------------------------------


def search_for(tab: Page, url: str, term: str) -> None:
    """Type ``term`` into the search page's own box and press Enter."""
    tab.goto(url + "search.html")
    tab.get_by_label("Search every page of this site").fill(term)
    tab.get_by_label("Search every page of this site").press("Enter")


def results(tab: Page) -> Locator:
    """The results shown (a page each), not the sections listed under them."""
    return tab.locator("#app-search-results li.app-search-result")


def test_a_word_in_an_actions_title_finds_the_action_and_says_it_is_an_action(page: Page, base_url: str) -> None:  # noqa: F811
    search_for(page, base_url, "prescribing")
    first = results(page).first
    expect(first.get_by_role("link", name=ACTION)).to_be_visible(timeout=RESULT_TIMEOUT)
    assert first.locator(".app-search-result__kind").inner_text().strip().endswith("Action")
    assert [mark.lower() for mark in first.locator("mark").all_inner_texts()][:1] == ["prescribing"]
    assert page.url.endswith("search.html?q=prescribing")  # as the form would go without JavaScript: Back works
    first.get_by_role("link", name=ACTION).click()
    assert page.url == base_url + "actions/HE-08/"


def test_a_word_in_an_actions_title_does_not_find_every_list_that_names_the_action(page: Page, base_url: str) -> None:  # noqa: F811
    search_for(page, base_url, "prescribing")
    expect(results(page).first.get_by_role("link", name=ACTION)).to_be_visible(timeout=RESULT_TIMEOUT)
    titles = [title.strip() for title in results(page).locator("h2, h3").all_inner_texts()]
    # the action, and the pages whose own words say it (the progress update's commentary), not the
    # action plan, its lead partner's page or its theme, which only list it in a table
    assert ACTION in " ".join(titles)
    assert not [title for title in titles if "Delivery plan 2026 to 2027" in title or "Council for Voluntary Service" in title]


def test_the_number_of_pages_found_is_announced_politely(page: Page, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "search.html")
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite" and status.inner_text() == ""  # there before the search
    page.get_by_label("Search every page of this site").fill("prescribing")
    page.get_by_label("Search every page of this site").press("Enter")
    expect(status).to_have_text(re.compile(r"^\d+ pages match “prescribing”\.$"), timeout=RESULT_TIMEOUT)
    found = int(status.inner_text().split()[0])
    expect(results(page)).to_have_count(min(found, 10))  # the count is said once the first results are shown


def test_the_search_box_in_the_header_leads_to_the_results(page: Page, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "partners/")
    page.locator("#app-search-box").fill("prescribing")
    page.locator("#app-search-box").press("Enter")
    expect(results(page).first.get_by_role("link", name=ACTION)).to_be_visible(timeout=RESULT_TIMEOUT)
    assert page.url == base_url + "search.html?q=prescribing"
    assert page.get_by_label("Search every page of this site").input_value() == "prescribing"
    assert page.title().startswith("prescribing – Search")


def test_a_section_of_the_community_strategy_is_found_by_its_heading(page: Page, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "search.html?q=shared+commitment")
    strategy = results(page).filter(has=page.get_by_role("heading", name=STRATEGY))
    expect(strategy).to_have_count(1, timeout=RESULT_TIMEOUT)
    assert strategy.locator(".app-search-result__kind").inner_text().strip().endswith("Document")
    section = strategy.get_by_role("list", name=f"Matching sections of {STRATEGY}").get_by_role("link", name="Our shared commitment")
    section.click()
    assert page.url == base_url + "community-strategy/#shared-commitment"


def test_a_search_that_finds_nothing_says_so_and_offers_the_lists(page: Page, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "search.html?q=zzyzx")
    expect(page.get_by_role("status")).to_have_text(
        "No pages match “zzyzx”. Check the spelling, or try fewer or different words.", timeout=RESULT_TIMEOUT)
    assert results(page).count() == 0
    hrefs = page.locator("#app-search-results a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs == ["./action-plans/", "./indicators/", "./partners/", "./progress/"]


def test_show_more_results_adds_ten_more_and_the_keyboard_carries_on_from_the_first_of_them(page: Page, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "search.html")
    page.keyboard.press("Tab")  # the skip link
    while page.evaluate("document.activeElement.id") != "app-search-query":
        page.keyboard.press("Tab")
    page.keyboard.type("health")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^\d+ pages match “health”\.$"), timeout=RESULT_TIMEOUT)
    assert int(page.get_by_role("status").inner_text().split()[0]) > 20
    expect(results(page)).to_have_count(10)
    page.get_by_role("button", name="Show more results").focus()
    page.keyboard.press("Enter")
    expect(results(page)).to_have_count(20, timeout=RESULT_TIMEOUT)
    eleventh = results(page).nth(10).locator("h2 a")
    expect(eleventh).to_be_focused()


def test_the_search_page_has_no_wcag_a_or_aa_violations_with_results_or_without(page: Page, base_url: str) -> None:  # noqa: F811
    axe = Axe()
    failures = []
    for query, done in (("prescribing", r"pages match"), ("shared+commitment", r"pages match"), ("zzyzx", r"No pages match")):
        page.goto(base_url + f"search.html?q={query}")
        expect(page.get_by_role("status")).to_have_text(re.compile(done), timeout=RESULT_TIMEOUT)
        found = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        failures += [f"{query}: {v['id']}: {v['help']}" for v in found.response["violations"]]
    assert failures == []


def test_searching_logs_no_errors_in_the_console(page: Page, base_url: str) -> None:  # noqa: F811
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{message.text} ({message.location.get('url')})") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "search.html?q=prescribing")
    expect(results(page).first).to_be_visible(timeout=RESULT_TIMEOUT)
    page.goto(base_url + "search.html?q=zzyzx")
    expect(page.get_by_role("status")).to_have_text(re.compile("No pages match"), timeout=RESULT_TIMEOUT)
    # The site has no favicon: Chromium asks for /favicon.ico on every page, search or not.
    assert [error for error in errors if "favicon.ico" not in error] == []


def test_without_javascript_the_search_page_says_why_and_links_to_the_lists(browser: Browser, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + "search.html?q=prescribing")
    assert "Search needs JavaScript" in plain.locator("main").inner_text()
    for name, href in (("Every action", "action-plans/"), ("Indicators", "indicators/"), ("Partners", "partners/"), ("Progress updates", "progress/")):
        assert plain.locator("main").get_by_role("link", name=name, exact=True).get_attribute("href") == "./" + href
    context.close()


class SubfolderHandler(QuietHandler):
    """Serves the site at /council/strategy/, as a council's web server might."""

    def translate_path(self, path: str) -> str:
        return super().translate_path(path.removeprefix("/council/strategy"))


@pytest.fixture(scope="module")
def subfolder_url(demo_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubfolderHandler, directory=str(demo_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/council/strategy/"
    server.shutdown()


def test_search_works_on_a_site_served_from_a_folder(page: Page, subfolder_url: str) -> None:  # noqa: F811
    page.goto(subfolder_url + "search.html?q=prescribing")
    link = results(page).first.get_by_role("link", name=ACTION)
    expect(link).to_be_visible(timeout=RESULT_TIMEOUT)
    link.click()
    assert page.url == subfolder_url + "actions/HE-08/"


def test_one_search_fetches_only_a_small_part_of_the_index(browser: Browser, base_url: str, demo_site: Path) -> None:  # noqa: F811
    context = browser.new_context()  # a fresh cache
    fetched: dict[str, int] = {}

    def count(response: Response) -> None:
        if "/pagefind/" in response.url:
            fetched[response.url.split("?")[0]] = len(response.body())

    context.on("response", count)
    searching = context.new_page()
    searching.goto(base_url + "search.html?q=neighbourhood")  # a word on many more than ten pages
    expect(results(searching)).to_have_count(10, timeout=RESULT_TIMEOUT)
    searching.wait_for_load_state("networkidle")
    context.close()
    index = sum(len(data) for data in files_and_bytes(demo_site / "pagefind").values())
    total = sum(fetched.values())
    print(f"\nOne search for 'neighbourhood' fetched {len(fetched)} files of the index, {total:,} bytes of {index:,}.")
    fragments_fetched = [url for url in fetched if "/fragment/" in url]
    assert len(fragments_fetched) == 10  # the text of the ten results shown, no more
    assert total < index / 2
