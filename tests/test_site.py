"""The public site's content: what python build.py publishes, read from the built files."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import build_main as main, edit

BUILD = ["--quiet", "--today", "2026-11-23"]


def build(site_project: Path) -> Path:
    assert main(BUILD) == 0
    return site_project / "site"


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")


def test_every_kind_of_page_is_published(site_project: Path) -> None:
    site = build(site_project)
    for page in [
        "themes/safety", "priorities/fewer-burglaries", "actions/SF-01", "partners/police",
        "partners", "action-plans", "indicators", "progress", "agreements",
        "open-data", "how-to-read-this-site", "accessibility", "neighbourhoods", "neighbourhoods/brookside",
    ]:
        assert (site / page / "index.html").is_file(), page
    assert (site / "search.html").is_file()


def test_an_action_page_names_its_lead_and_its_status_history(site_project: Path) -> None:
    page = read(build(site_project), "actions/SF-01")
    assert '<dt class="govuk-summary-list__key">Lead partner</dt>' in page
    assert '<a class="govuk-link" href="../../partners/police/">Fernshire Police</a>' in page
    # The status stands in its own paragraph, apart from the description.
    assert '(from the <a class="govuk-link" href="../../progress/2026-11-10-quarter-2/">Progress report, July to September 2026</a>)</p>' in page
    history = page[page.index('id="status-history"'):]
    assert "Progress report, July to September 2026" in history


def test_the_strategys_summary_opens_its_page_without_a_second_vision_heading(site_project: Path) -> None:
    edit(site_project / "strategy_src/community-strategy.md", "next_review: 2027-06-30\n",
         "next_review: 2027-06-30\nsummary: A Fernley where nobody is held back by where they live.\n")

    page = read(build(site_project), "community-strategy")

    assert '<p class="govuk-body-l">A Fernley where nobody is held back by where they live.</p>' in page
    assert re.findall(r"<h2[^>]*>\s*Our vision", page) == ['<h2 class="govuk-heading-l" id="vision">Our vision']


def test_the_home_page_counts_one_action_and_one_indicator_in_the_singular(site_project: Path) -> None:
    page = read(build(site_project), ".")

    assert re.findall(r"<h3[^>]*>(\d+ \w+)</h3>", page)[:2] == ["1 action", "1 indicator"]


def test_a_draft_progress_update_is_published_nowhere_not_even_as_its_source(site_project: Path) -> None:
    edit(site_project / "strategy_src/progress/2026-11-10-quarter-2.md", "covers: 2026/27 Q2\n", "covers: 2026/27 Q2\ndraft: true\n")

    site = build(site_project)

    published = [path for path in site.rglob("*") if path.is_file() and b"The first 200 homes have new locks." in path.read_bytes()]
    assert published == []  # its commentary, which nobody has reviewed yet
    assert not (site / "source/progress/2026-11-10-quarter-2.md").exists()


def test_a_partner_page_lists_what_it_leads_supports_and_has_signed(site_project: Path) -> None:
    page = read(build(site_project), "partners/police")
    assert re.search(r"Fernshire Police leads \d+ actions?, supports \d+ and has signed 1 partnership agreement\.", page)
    assert "SF-01: Fit door and window locks for older residents" in page


def test_an_indicator_page_has_a_chart_with_a_text_alternative_and_a_status_in_words(site_project: Path) -> None:
    site = build(site_project)
    page = read(site, "indicators/burglary-rate")
    alt = re.search(r'<img alt="([^"]+)" class="app-chart" src="../../indicators/burglary-rate-chart.svg"', page)
    assert alt and alt.group(1).startswith("Chart of Domestic burglary rate (per 1,000 households), lower is better. Baseline 21.4 in 2022/23.")
    assert ET.parse(site / "indicators/burglary-rate-chart.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert re.search(r'govuk-tag--\w+">(Improving|No change|Worsening)</strong>', page)


def test_a_script_in_an_officers_markdown_never_reaches_the_site(site_project: Path) -> None:
    strategy = site_project / "strategy_src/community-strategy.md"
    strategy.write_text(
        strategy.read_text(encoding="utf-8")
        + '\n<script>alert("x")</script>\n\n<p onmouseover="alert(1)">Hover</p>\n\n[Click](javascript:alert(1))\n',
        encoding="utf-8",
    )
    page = read(build(site_project), "community-strategy")
    assert "<script>alert" not in page
    assert "onmouseover" not in page
    assert "javascript:" not in page
    assert "<p>Hover</p>" in page


def test_plain_text_fields_appear_exactly_as_written_never_as_markup(site_project: Path) -> None:
    plan = site_project / "strategy_src/action-plans/2026-27.yml"
    edit(plan, "title: Fit door and window locks for older residents",
         "title: 'Locks </title><script>alert(1)</script> *for* [all](javascript:alert(2)) {: #x } 2.0'")
    (site_project / "strategy_src/partnership.yml").write_text(
        (site_project / "strategy_src/partnership.yml").read_text(encoding="utf-8").replace(
            "name: Fernley Partnership", "name: Fernley <svg/onload=alert(7)>", 1), encoding="utf-8")

    site = build(site_project)
    page = read(site, "actions/SF-01")

    title = "Locks &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; *for* [all](javascript:alert(2)) {: #x } 2.0"
    assert f"<title>{title} – Fernley &lt;svg/onload=alert(7)&gt;</title>" in page
    assert f'<h1 class="govuk-heading-xl" id="{"locks-titlescriptalert1script-for-alljavascriptalert2-x-20"}">{title}</h1>' in page
    assert "<svg" not in page and "<script>alert" not in page


def test_the_open_data_page_names_each_column_as_written(site_project: Path) -> None:
    page = read(build(site_project), "open-data")
    assert "<code>lead_name</code>" in page and "\\" not in page


def test_two_builds_of_the_same_sources_are_byte_identical(site_project: Path) -> None:
    first = build(site_project)
    snapshot = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    second = build(site_project)
    assert {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()} == snapshot


def test_pages_say_when_their_source_last_changed_from_git(site_project: Path) -> None:
    env = {"GIT_AUTHOR_DATE": "2026-03-05T10:00:00", "GIT_COMMITTER_DATE": "2026-03-05T10:00:00",
           "GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "o@example.org",
           "GIT_COMMITTER_NAME": "Officer", "GIT_COMMITTER_EMAIL": "o@example.org", "PATH": "/usr/bin:/bin"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "First version"]):
        subprocess.run(command, cwd=site_project, env=env, check=True)
    page = read(build(site_project), "actions/SF-01")
    assert 'Last changed <time datetime="2026-03-05">5 March 2026</time>.' in page
    assert 'href="../../source/action-plans/2026-27.yml"' in page


def test_the_edit_link_goes_to_the_repository_when_one_is_configured(site_project: Path) -> None:
    config = site_project / "mkdocs.yml"
    config.write_text(config.read_text() + "repo_url: https://github.com/fernley/strategy\nedit_uri: edit/main/strategy_src/\n")
    page = read(build(site_project), "indicators/burglary-rate")
    assert 'href="https://github.com/fernley/strategy/edit/main/strategy_src/indicators/burglary-rate.yml"' in page


def test_a_header_colour_too_light_for_white_text_stops_the_build(
    site_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(site_project / "mkdocs.yml", 'colour: "#0f5e5b"', 'colour: "#ffdd00"')
    assert main(BUILD) == 1
    assert "the strategy-site colour #ffdd00 in mkdocs.yml is too light for white header text" in capsys.readouterr().err


def test_open_data_csv_columns_match_the_data_package_descriptor(site_project: Path) -> None:
    data = build(site_project) / "data"
    descriptor = json.loads((data / "datapackage.json").read_text())
    assert descriptor["profile"] == "tabular-data-package"
    for resource in descriptor["resources"]:
        header = next(csv.reader(io.StringIO((data / resource["path"]).read_text(encoding="utf-8"))))
        assert header == [field["name"] for field in resource["schema"]["fields"]], resource["name"]


def test_open_data_gives_an_actions_lead_and_latest_status(site_project: Path) -> None:
    data = build(site_project) / "data"
    actions = {row["id"]: row for row in csv.DictReader(io.StringIO((data / "actions.csv").read_text(encoding="utf-8")))}
    assert actions["SF-01"]["lead"] == "police"
    assert actions["SF-01"]["due"] == "2027-03-31"
    as_json = {row["id"]: row for row in json.loads((data / "actions.json").read_text())}
    assert as_json["SF-01"]["status"] == actions["SF-01"]["status"]


def test_the_atom_feed_lists_progress_updates_with_absolute_links(site_project: Path) -> None:
    edit(site_project / "strategy_src/partnership.yml", "area: Borough of Fernley\n",
         "area: Borough of Fernley\nsite_address: https://strategy.fernley.example/\n")
    feed = ET.parse(build(site_project) / "progress/feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == ["Progress report, July to September 2026"]
    link = entries[0].find(f"{atom}link")
    assert link is not None and link.get("href") == "https://strategy.fernley.example/progress/2026-11-10-quarter-2/"


def test_the_demo_site_has_no_broken_internal_links(demo_site: Path) -> None:
    broken = []
    for page in demo_site.rglob("*.html"):
        if page.name == "404.html":  # served at any address, so its links are absolute by design
            continue
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("mailto:", "tel:", "//")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(demo_site)}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = Links()
                ids.feed(target.read_text(encoding="utf-8"))
                if parts.fragment not in ids.ids:
                    broken.append(f"{page.relative_to(demo_site)}: {link} (no such anchor)")
    assert broken == []


def test_the_completeness_report_is_a_page_of_the_site_with_its_data(site_project: Path) -> None:
    site = build(site_project)
    page = read(site, "completeness")
    assert "<h1 class=\"govuk-heading-xl\" id=\"how-complete-is-the-strategy\">How complete is the strategy?</h1>" in page
    assert '<span class="app-stats__number">74</span> out of 100' in page
    assert json.loads((site / "data/completeness.json").read_text())["score"] == 74


def test_the_completeness_page_can_be_left_out(site_project: Path) -> None:
    edit(site_project / "mkdocs.yml", "  - strategy-site:\n", "  - strategy-site:\n      completeness: false\n")
    site = build(site_project)
    assert not (site / "completeness").exists()
    assert "How complete is the strategy?" not in read(site, "")
