"""Nothing hostile reaches the public: every free-text field and Markdown body of a partnership
carries script, link, template and spreadsheet-formula payloads; the site is built and every file
it writes is parsed (HTML, SVG, XML, JSON, CSV, the search index) and every page is opened in
headless Chromium, which must show no dialog and run no payload.

The counts the module reports (payloads, fields, files) are in PAYLOADS, FIELDS and the files the
``hostile_site`` fixture writes; the tests at the end assert them, so they cannot silently shrink.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import gzip
import http.server
import io
import json
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest

from strategy_site.findings import Severity
from strategy_site.model.project import load_project
from strategy_site.render.site import render_site
from tests.conftest import FIXTURES, REPO, TODAY, build_main as main, findings_for

if TYPE_CHECKING:
    from playwright.sync_api import Browser

BUILD = ["--quiet", "--today", TODAY.isoformat()]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg/onload=alert(3)>",
    '"><svg onload=alert(4)>',
    "'><script>alert(5)</script>",
    "</title><script>alert(6)</script>",
    "&lt;/title&gt;&lt;script&gt;alert(7)&lt;/script&gt;",
    "javascript:alert(8)",
    "[click](javascript:alert(9))",
    '<a href="javascript:alert(10)">x</a>',
    "<iframe src=javascript:alert(11)>",
    "{{ 7*7 }}",
    "{% raw %}{{ config }}{% endraw %}",
    '=HYPERLINK("http://evil.example")',
    "+1",
    "-2",
    "@SUM(A1)",
    '<img src=x onerror="window.__pwned=1">',
]
ALL = " ".join(PAYLOADS)
# In Markdown bodies the three unclosed tags (<svg/onload>, <svg onload>, <iframe>) are closed after each
# full set of payloads: check counts unclosed HTML as nesting (SS306, an error above 20 levels), and a body
# repeating them a dozen times would be refused for that rather than for anything the payloads do.
BODY_ALL = ALL + " </iframe></svg></svg>"
QUOTED_WEBSITE = json.dumps('https://chamber.example/"><svg onload=alert(4)>')

# Every free-text field: (file, field path as written in the file). Filled in by _value() as the
# hostile files are written, so the list is exactly the fields that carry payloads.
FIELDS: list[tuple[str, str]] = []


def _value(file: str, field: str) -> str:
    """The YAML for a field: one payload first (rotating, so that each starts some cell), then all of them."""
    first = PAYLOADS[len(FIELDS) % len(PAYLOADS)]
    FIELDS.append((file, field))
    return json.dumps(f"{first} {ALL}", ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _hostile_body(heading_ids: list[str]) -> str:
    """A Markdown body with every payload in headings, paragraphs, lists, a table, links, images and raw HTML.

    ``heading_ids`` are the section ids the document needs ({#vision} ...): each gets a heading
    carrying payloads, so the document stays complete and the build succeeds."""
    parts = [f"# Title {PAYLOADS[0]} {PAYLOADS[5]}", ""]
    for number, section in enumerate(heading_ids):
        payload = PAYLOADS[number % len(PAYLOADS)]
        parts += [f"## Section {payload} {{#{section}}}", "", f"Paragraph {BODY_ALL}", ""]
    parts += ["### Heading " + BODY_ALL.replace("#", ""), ""]
    parts += [f"- item {p}" for p in PAYLOADS] + [""]
    parts += [f"1. numbered {p}" for p in PAYLOADS[:4]] + [""]
    parts += ["| Column | Payload |", "| --- | --- |"]
    parts += [f"| {n} | {p.replace('|', '&#124;')} |" for n, p in enumerate(PAYLOADS)] + [""]
    parts += [
        "[click](javascript:alert(9)) [spaced]( javascript:alert(9)) [upper](JaVaScRiPt:alert(9))",
        "[data](data:text/html,<script>alert(9)</script>)",
        "[vb](vbscript:msgbox(9)) <javascript:alert(9)>",
        "[ref link][evil]",
        "",
        "[evil]: javascript:alert(9)",
        "",
        "![image](javascript:alert(13))",
        "",
        '<a href="javascript:alert(10)">raw link</a> <a href=" JAVASCRIPT:alert(10)">spaced</a>',
        '<img src=x onerror=alert(2)> <img src="javascript:alert(13)"> <svg/onload=alert(3)>',
        "<iframe src=javascript:alert(11)></iframe> <object data=javascript:alert(14)></object> <embed src=x>",
        '<form action="javascript:alert(15)"><button formaction="javascript:alert(16)">go</button></form>',
        '<div onclick="alert(17)" style="background:url(javascript:alert(18))">div</div>',
        '<img src=x onerror="window.__pwned=1">',
        "<style>body{background:url(javascript:alert(19))}</style>",
        '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
        "<noscript><p title=\"</noscript><img src=x onerror=alert(20)>\"></noscript>",
        "",
        '<details open ontoggle="alert(21)"><summary>more</summary>text</details>',
        "",
        "```html",
        "<script>alert(22)</script>",
        "```",
        "",
        f"Closing paragraph {BODY_ALL} `inline code <script>alert(23)</script>`",
        "",
    ]
    return _closed("\n".join(parts))


def _closed(body: str) -> str:
    """``body`` with a closing tag at its end for every element check would report as left open (SS308),
    so that the build goes ahead and every payload reaches the site, where it must be inert."""
    from strategy_site.check.markdown_safety import SWALLOWING

    prose = re.sub(r"```.*?```|`[^`\n]*`", "", body, flags=re.DOTALL)
    closers = []
    for name in sorted(SWALLOWING - {"plaintext"}):
        left_open = len(re.findall(rf"<{name}\b(?![^>]*/>)", prose, re.IGNORECASE)) - len(re.findall(rf"</{name}\s*>", prose, re.IGNORECASE))
        closers += [f"</{name}>"] * left_open
    return body + "".join(closers) + "\n"


def _write_hostile(src: Path) -> list[str]:
    """Overwrite the minimal partnership in ``src`` with payloads in every free-text field; the files written."""
    FIELDS.clear()
    v = _value
    p = "partnership.yml"
    (src / p).write_text(f"""name: {v(p, "name")}
area: {v(p, "area")}
tier: unitary
region: {v(p, "region")}
neighbourhood_renewal_fund: true
members:
  - id: council
    name: {v(p, "members[council].name")}
    sector: public
    type: {v(p, "members[council].type")}
    website: {v(p, "members[council].website")}
  - id: police
    name: {v(p, "members[police].name")}
    sector: public
    type: {v(p, "members[police].type")}
    website: {json.dumps("javascript:alert(8)")}
  - id: chamber
    name: {v(p, "members[chamber].name")}
    sector: private
    type: {v(p, "members[chamber].type")}
    website: {QUOTED_WEBSITE}
  - id: cvs
    name: {v(p, "members[cvs].name")}
    sector: voluntary
    type: {v(p, "members[cvs].type")}
  - id: tenants
    name: {v(p, "members[tenants].name")}
    sector: community
    type: {v(p, "members[tenants].type")}
board:
  chair:
    name: {v(p, "board.chair.name")}
    role: {v(p, "board.chair.role")}
    organisation: cvs
  vice_chair:
    name: {v(p, "board.vice_chair.name")}
    role: {v(p, "board.vice_chair.role")}
    organisation: council
  members: [council, police, chamber, cvs, tenants]
  meets: {v(p, "board.meets")}
thematic_partnerships:
  - id: safer-fernley
    name: {v(p, "thematic_partnerships[0].name")}
    chair:
      name: {v(p, "thematic_partnerships[0].chair.name")}
      role: {v(p, "thematic_partnerships[0].chair.role")}
      organisation: police
    themes: [safety]
    members: [police, council, tenants]
neighbourhoods:
  - id: brookside
    name: {v(p, "neighbourhoods[0].name")}
    renewal_area: true
    description: {v(p, "neighbourhoods[0].description")}
contact:
  email: {v(p, "contact.email")}
  phone: {v(p, "contact.phone")}
  address: {v(p, "contact.address")}
  website: {v(p, "contact.website")}
""", encoding="utf-8")

    c = "community-strategy.md"
    (src / c).write_text(f"""---
title: {v(c, "title")}
period: 2024-2034
status: adopted
adopted: 2024-06-12
next_review: 2027-06-30
summary: {v(c, "summary")}
themes:
  - id: safety
    name: {v(c, "themes[0].name")}
    summary: {v(c, "themes[0].summary")}
    priorities:
      - id: fewer-burglaries
        title: {v(c, "themes[0].priorities[0].title")}
        outcome: {v(c, "themes[0].priorities[0].outcome")}
        indicators: [burglary-rate]
---

{_hostile_body(["vision", "action-plan", "shared-commitment", "monitoring"])}""", encoding="utf-8")

    r = "neighbourhood-renewal-strategy.md"
    (src / r).write_text(f"""---
title: {v(r, "title")}
period: 2024-2030
status: adopted
adopted: 2024-06-12
next_review: 2027-06-30
neighbourhoods: [brookside]
indicators: [burglary-rate]
---

{_hostile_body(["needs", "vision", "commitment", "framework", "targets", "delivery", "monitoring", "learning"])}""", encoding="utf-8")

    a = "action-plans/2026-27.yml"
    (src / a).write_text(f"""title: {v(a, "title")}
kind: overall
period: 2026-2027
actions:
  - id: SF-01
    title: {v(a, "actions[0].title")}
    description: {v(a, "actions[0].description")}
    priority: fewer-burglaries
    lead: police
    supporting: [council, tenants]
    start: 2026-04-01
    due: 2027-03-31
    status: on track
    milestones:
      - date: 2026-09-30
        text: {v(a, "actions[0].milestones[0].text")}
        done: true
    resources:
      - amount: 45000
        kind: neighbourhood renewal fund
        provider: council
        note: {v(a, "actions[0].resources[0].note")}
    indicators: [burglary-rate]
    neighbourhoods: [brookside]
    groups: [{v(a, "actions[0].groups[0]")}, {v(a, "actions[0].groups[1]")}]
    activity: new
""", encoding="utf-8")

    i = "indicators/burglary-rate.yml"
    (src / i).write_text(f"""id: burglary-rate
title: {v(i, "title")}
definition: {v(i, "definition")}
unit: {v(i, "unit")}
better: lower
source: {v(i, "source")}
collection: {v(i, "collection")}
geography: {v(i, "geography")}
frequency: annual
baseline:
  value: 21.4
  period: 2022/23
targets:
  - value: 15
    by: 2027/28
    kind: floor
    note: {v(i, "targets[0].note")}
values:
  - period: 2022/23
    value: 21.4
    note: {v(i, "values[0].note")}
  - period: 2023/24
    value: -2
    note: {v(i, "values[1].note")}
responsible: police
commentary: {v(i, "commentary")}
""", encoding="utf-8")

    g = "agreements/safer-fernley.md"
    (src / g).write_text(f"""---
title: {v(g, "title")}
parties: [board, safer-fernley]
themes: [safety]
aims:
  - {v(g, "aims[0]")}
  - {v(g, "aims[1]")}
measures:
  - indicator: burglary-rate
    note: {v(g, "measures[0].note")}
members: [police, council, tenants]
signatories:
  - name: {v(g, "signatories[0].name")}
    role: {v(g, "signatories[0].role")}
    organisation: cvs
    signed: 2024-07-01
  - name: {v(g, "signatories[1].name")}
    role: {v(g, "signatories[1].role")}
    organisation: police
    signed: 2024-07-01
agreed: 2024-07-01
review: 2027-07-01
---

{_hostile_body([])}
## Purpose and aims

Purpose {BODY_ALL}

## Membership and terms of reference

Terms {BODY_ALL}

## Main strategies

Strategies {BODY_ALL}

## Reporting and accountability

Reporting {BODY_ALL}
""", encoding="utf-8")

    u = "progress/2026-11-10-quarter-2.md"
    (src / u).write_text(f"""---
title: {v(u, "title")}
published: 2026-11-10
covers: 2026/27 Q2
actions:
  - action: SF-01
    status: on track
    commentary: {v(u, "actions[0].commentary")}
indicators:
  - indicator: burglary-rate
    period: 2024/25
    value: 18.9
    note: {v(u, "indicators[0].note")}
---

{_hostile_body([])}""", encoding="utf-8")
    return [p, c, r, a, i, g, u]


# --- building ------------------------------------------------------------------------------------


@dataclasses.dataclass
class Hostile:
    root: Path
    site: Path
    files: list[str]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    """The hostile partnership, checked and built once for the module (the browser tests share it)."""
    import os

    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURES / "minimal", root / "strategy_src")
    shutil.copytree(REPO / "templates", root / "templates", ignore=shutil.ignore_patterns("node_modules"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    files = _write_hostile(root / "strategy_src")
    before = Path.cwd()
    os.chdir(root)
    try:
        errors = [f for f in findings_for(Path("strategy_src")) if f.severity is Severity.ERROR]
        assert errors == [], "check must accept the hostile partnership (payloads are warnings at most)"
        assert main(BUILD) == 0
    finally:
        os.chdir(before)
    yield Hostile(root, root / "site", files)


def _outputs(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)


# --- HTML ----------------------------------------------------------------------------------------

# The theme's own scripts, and nothing else: (src, exact inline content).
THEME_SCRIPT_SOURCES = re.compile(r"^(/|\./|(\.\./)*)(assets/app\.js|search/main\.js)$")
THEME_INLINE_SCRIPTS = {"document.body.className += ' js-enabled govuk-frontend-supported';"}
FORBIDDEN_ANYWHERE = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}
FORBIDDEN_IN_CONTENT = FORBIDDEN_ANYWHERE | {"svg", "math", "form", "style", "meta", "link", "button", "input", "textarea"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping"}


class Page(HTMLParser):
    """Everything the tests assert on, collected from one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str | None, str]] = []  # (src, inline content)
        self.handlers: list[str] = []
        self.bad_urls: list[str] = []
        self.forbidden: list[str] = []
        self.text: list[str] = []
        self._script: str | None = None
        self._script_src: str | None = None
        self._in_main = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)
        if tag == "script":
            self.handle_endtag("script")

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES and value is not None:
                folded = re.sub(r"[\x00-\x20]", "", value).lower()
                if folded.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.bad_urls.append(f"<{tag} {name}={value!r}>")
            if name.lower() == "style" and "javascript:" in (value or "").lower():
                self.bad_urls.append(f"<{tag} style={value!r}>")
        if tag == "main":
            self._in_main += 1
        if tag in (FORBIDDEN_IN_CONTENT if self._in_main else FORBIDDEN_ANYWHERE):
            self.forbidden.append(tag)
        if tag == "script":
            self._script, self._script_src = "", dict(attrs).get("src")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script_src, self._script.strip()))
            self._script = None
        if tag == "main":
            self._in_main -= 1

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script += data
        else:
            self.text.append(data)


def _parse_html(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _foreign_scripts(path: Path, page: Page) -> list[str]:
    foreign = []
    for src, content in page.scripts:
        if src is not None:
            if not THEME_SCRIPT_SOURCES.match(src) or content:
                foreign.append(f"src={src!r}")
        elif content in THEME_INLINE_SCRIPTS:
            continue
        else:
            foreign.append(f"inline {content[:80]!r}")
    return foreign


def test_the_hostile_partnership_carries_every_payload_in_every_field(hostile: Hostile) -> None:
    assert len(PAYLOADS) == 18
    assert len(FIELDS) >= 60, FIELDS
    assert len(hostile.files) == 7
    for file in hostile.files:
        text = (hostile.root / "strategy_src" / file).read_text(encoding="utf-8")
        assert all(p in text or json.dumps(p)[1:-1] in text for p in PAYLOADS), file


def test_only_the_themes_own_scripts_are_on_any_page(hostile: Hostile) -> None:
    pages = _outputs(hostile.site, ".html")
    assert len(pages) >= 25
    foreign = {str(p.relative_to(hostile.site)): _foreign_scripts(p, _parse_html(p)) for p in pages}
    assert {k: v for k, v in foreign.items() if v} == {}
    # The theme's own scripts are there, so the test would see them if it recognised too little.
    home = _parse_html(hostile.site / "index.html")
    assert any(src and src.endswith("assets/app.js") for src, _ in home.scripts)
    assert any(content in THEME_INLINE_SCRIPTS for _, content in home.scripts)
    search = _parse_html(hostile.site / "search.html")
    assert any(src and src.endswith("search/main.js") for src, _ in search.scripts)


def test_no_event_handler_no_script_address_and_no_embedded_content_on_any_page(hostile: Hostile) -> None:
    problems = {}
    for path in _outputs(hostile.site, ".html"):
        page = _parse_html(path)
        theirs = {"form", "input", "button"} if path.name == "search.html" else set()  # the theme's own search form
        found = page.handlers + page.bad_urls + [f"<{tag}>" for tag in page.forbidden if tag not in theirs]
        if found:
            problems[str(path.relative_to(hostile.site))] = found
    assert problems == {}


def test_the_payloads_are_shown_as_text(hostile: Hostile) -> None:
    """Not removed wholesale: the reader sees what the officer wrote, as characters."""
    text = " ".join(_parse_html(hostile.site / "actions/SF-01/index.html").text)
    for payload in ["<script>alert(1)</script>", '"><svg onload=alert(4)>', "{{ 7*7 }}", "{% raw %}{{ config }}{% endraw %}",
                    '=HYPERLINK("http://evil.example")', "[click](javascript:alert(9))"]:
        assert payload in text, payload


def test_every_page_title_is_plain_text(hostile: Hostile) -> None:
    """The <title> cannot be closed early: its raw content holds no '<' (an escaped &lt; is fine)."""
    bad = {}
    for path in _outputs(hostile.site, ".html"):
        raw = path.read_text(encoding="utf-8")
        titles = re.findall(r"<title>(.*?)</title>", raw, re.DOTALL | re.IGNORECASE)
        if len(titles) != 1 or "<" in titles[0]:
            bad[str(path.relative_to(hostile.site))] = titles
    assert bad == {}


def _texts(path: Path) -> list[str]:
    """The text a reader or a program gets from a file: page text, XML text and attributes, JSON strings, CSV text cells."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return _parse_html(path).text
    if path.suffix in (".xml", ".svg"):
        root = ET.fromstring(raw)
        return [t for e in root.iter() for t in [e.text or "", e.tail or "", *e.attrib.values()]]
    if path.suffix == ".json":
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(key)
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(json.loads(raw))
        return found
    if path.suffix == ".csv":
        return [cell for row in csv.reader(io.StringIO(raw, newline="")) for cell in row if not _number(cell)]
    return [raw]


def test_template_syntax_is_never_evaluated(hostile: Hostile) -> None:
    evaluated = []
    for path in _outputs(hostile.site, ".html", ".xml", ".json", ".csv", ".svg", ".md"):
        raw = "\n".join(_texts(path))
        # 7*7 evaluated is 49 where "{{ 7*7 }}" was; "{{ config }}" evaluated is MkDocs' configuration.
        for match in re.finditer(r"(?<![\d.,])49(?![\d.,])", raw):
            evaluated.append(f"{path.relative_to(hostile.site)}: ...{raw[max(0, match.start() - 60):match.end() + 20]!r}")
        if "site_dir" in raw or "docs_dir" in raw or "MkDocsConfig" in raw:
            evaluated.append(f"{path.relative_to(hostile.site)}: the configuration")
    assert evaluated == []
    page = " ".join(_parse_html(hostile.site / "index.html").text)
    assert "{{ 7*7 }}" in page and "{% raw %}" in page


# --- XML, SVG, JSON, CSV, search index ----------------------------------------------------------


def test_every_xml_and_svg_file_parses(hostile: Hostile) -> None:
    files = _outputs(hostile.site, ".xml", ".svg")
    names = {p.name for p in files}
    assert {"feed.xml", "sitemap.xml"} <= names and any(n.endswith("-chart.svg") for n in names), names
    for path in files:
        root = ET.parse(path).getroot()
        for element in root.iter():
            local = element.tag.rsplit("}", 1)[-1]
            assert local not in {"script", "foreignObject", "iframe", "object", "embed"}, (path, local)
            for name, value in element.attrib.items():
                assert not name.rsplit("}", 1)[-1].lower().startswith("on"), (path, name)
                assert not re.sub(r"\s", "", value).lower().startswith("javascript:"), (path, name, value)


def test_the_feed_carries_the_payloads_as_text(hostile: Hostile) -> None:
    feed = ET.parse(next(hostile.site.rglob("feed.xml"))).getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.text or "" for e in feed.iter(f"{atom}title")]
    assert any("<script>alert(1)</script>" in t for t in titles), titles
    for entry in feed.iter(f"{atom}entry"):
        for element in entry.iter():
            if element.get("type") == "html":  # escaped HTML that readers render: it must be clean too
                page = Page()
                page.feed(element.text or "")
                assert page.scripts == [] and page.handlers == [] and page.bad_urls == [] and page.forbidden == []


def _search_fragments(site: Path) -> list[dict[str, Any]]:
    """Pagefind's record of each page in the search index: its address, text and meta (gzipped JSON)."""
    found = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        found.append(json.loads(data.removeprefix(b"pagefind_dcd")))
    return found


def test_every_json_file_parses_and_the_search_index_holds_the_payloads_as_text(hostile: Hostile) -> None:
    files = _outputs(hostile.site, ".json")
    assert hostile.site / "pagefind" / "pagefind-entry.json" in files
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))
    carrying = 0
    for fragment in _search_fragments(hostile.site):
        # The index holds plain text (payloads as characters, as Pagefind reads them from the pages); the
        # search page shows it as text, which the browser tests prove. Addresses become links: no markup in them.
        assert not re.search(r"[\"'<> ]", fragment["url"]), fragment["url"]
        assert fragment["url"].startswith("/") and not fragment["url"].startswith("//"), fragment["url"]
        carrying += "<script>alert(1)</script>" in fragment["content"] + fragment["meta"].get("title", "")
    assert carrying > 0
    script = (hostile.site / "search" / "main.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_no_csv_cell_can_run_as_a_formula(hostile: Hostile) -> None:
    files = _outputs(hostile.site, ".csv")
    assert len(files) >= 3
    bad, starts_seen = [], set()
    for path in files:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for row in rows[1:]:
            for cell in row:
                if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                    if not _number(cell):
                        bad.append(f"{path.relative_to(hostile.site)}: {cell[:60]!r}")
                if cell.startswith("'"):
                    starts_seen.add(cell[1])
    assert bad == []
    assert {"=", "+", "-", "@"} <= starts_seen, "the rotating payloads start cells with each formula character"


# --- Chromium ------------------------------------------------------------------------------------



class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def hostile_url(hostile: Hostile) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(hostile.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _pages_to_open(site: Path) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p.removesuffix("index.html") for p in pages]


# Words the search index holds as tokens of the payloads (it splits on spaces and '-'), and whole payloads.
SEARCHES = ["config", "raw", "endraw", "Paragraph", "click", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
            '"><svg onload=alert(4)>', "{{ 7*7 }}", "window.__pwned"]


def test_no_page_opens_a_dialog_or_runs_a_payload_in_chromium(hostile: Hostile, hostile_url: str, browser: Browser) -> None:
    dialogs: list[str] = []
    pwned: list[str] = []
    errors: list[str] = []
    opened = []
    context = browser.new_context()
    try:
        page = context.new_page()
        where = {"url": ""}

        def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
            dialogs.append(f"{where['url']}: {dialog.type} {dialog.message!r}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: errors.append(f"{where['url']}: {error}"))
        targets = _pages_to_open(hostile.site) + [f"search.html?q={quote(word)}" for word in SEARCHES]
        for target in targets:
            where["url"] = target
            page.goto(hostile_url + target, wait_until="load")
            if target.startswith("search.html"):
                # The search runs in a worker and writes its results after load.
                page.wait_for_timeout(400)
            # Hovering and focusing would trigger handlers a page carried; tab through a few stops.
            for _ in range(3):
                page.keyboard.press("Tab")
            if page.evaluate("typeof window.__pwned") != "undefined":
                pwned.append(target)
            opened.append(target)
    finally:
        context.close()
    assert dialogs == [] and pwned == [], (dialogs, pwned)
    assert len(opened) >= 30
    assert errors == [], errors


def test_the_search_page_finds_the_payload_words_and_shows_them_as_text(hostile: Hostile, hostile_url: str, browser: Browser) -> None:
    page = browser.new_page()
    try:
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(hostile_url + "search.html?q=Paragraph")
        page.wait_for_timeout(1500)
        results = page.inner_text("main")
        injected = page.evaluate("document.querySelectorAll('main svg, main iframe, main script, main [onerror], main [onload]').length")
        pwned = page.evaluate("typeof window.__pwned")
    finally:
        page.close()
    assert dialogs == [] and pwned == "undefined" and injected == 0
    assert "Paragraph" in results and "No pages match" not in results, results[:500]


# --- what check refuses --------------------------------------------------------------------------


def test_an_attr_list_payload_on_a_heading_is_an_error_and_is_inert_when_check_is_bypassed(
    site_project: Path,
) -> None:
    strategy = site_project / "strategy_src" / "community-strategy.md"
    heading = "### Zebra {: id='z\" autofocus onfocus=\"alert(12)' }"
    classes = "### Crossing {: .a\"onmouseover=\"alert(12) class='b\" onclick=\"alert(12)' }"
    strategy.write_text(strategy.read_text(encoding="utf-8") + f"\n{heading}\n\nText.\n\n{classes}\n\nMore.\n", encoding="utf-8")
    findings = [f for f in findings_for(Path("strategy_src")) if f.code == "SS305"]
    assert len(findings) >= 1 and all(f.severity is Severity.ERROR for f in findings), findings
    assert findings[0].line == strategy.read_text(encoding="utf-8").splitlines().index(heading) + 1
    assert main(BUILD) != 0  # the build refuses

    # Bypassing check: the render step and the site engine on their own must still make it inert.
    from strategy_site.commands import build as build_module

    real = build_module.check_project

    def no_errors(folder, today):  # type: ignore[no-untyped-def]
        project, findings, seconds = real(folder, today)
        return project, [f for f in findings if f.severity is not Severity.ERROR], seconds

    build_module.check_project = no_errors
    try:
        assert main(BUILD) == 0
    finally:
        build_module.check_project = real
    page = site_project / "site" / "index.html"
    found = []
    for path in (site_project / "site").rglob("*.html"):
        parsed = _parse_html(path)
        found += parsed.handlers + parsed.bad_urls
        assert "autofocus" not in re.findall(r"<h3[^>]*>", path.read_text(encoding="utf-8")).__str__(), path
    assert found == []
    assert page.is_file()
    assert not any(re.search(r"[\"'<> ]", fragment["url"]) for fragment in _search_fragments(site_project / "site"))


CONTROL_CHARACTERS = ["\x00", "\x07", "\x1b", "\x7f", "\u202e"]


@pytest.mark.parametrize("character", CONTROL_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_control_character_written_as_a_yaml_escape_is_refused(project_dir: Path, character: str) -> None:
    """Escaped in a double-quoted value, the file holds only ASCII: the text field refuses it (SS205)."""
    partnership = project_dir / "partnership.yml"
    escaped = json.dumps(f"Fernley{character}Partnership")
    text = partnership.read_text(encoding="utf-8").replace("name: Fernley Partnership", f"name: {escaped}")
    partnership.write_text(text, encoding="utf-8")
    errors = [f for f in findings_for(project_dir) if f.severity is Severity.ERROR]
    assert any(f.code in ("SS012", "SS205") and "control character" in f.message for f in errors), errors


@pytest.mark.parametrize("character", CONTROL_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("file", ["partnership.yml", "community-strategy.md"])
def test_a_raw_control_character_in_a_file_is_refused_by_the_loader(project_dir: Path, character: str, file: str) -> None:
    source = project_dir / file
    old = "area: Borough of Fernley" if file == "partnership.yml" else "By 2034 Fernley"
    source.write_text(source.read_text(encoding="utf-8").replace(old, old.replace(" ", f" {character}", 1)), encoding="utf-8")
    codes = {f.code for f in findings_for(project_dir) if f.severity is Severity.ERROR}
    assert "SS012" in codes, codes


ID_PAYLOADS = ['x"><svg onload=alert(1)>', "x<script>", "javascript:alert(1)", "a b", "../../etc", "x'onmouseover=alert(1)"]


@pytest.mark.parametrize("payload", ID_PAYLOADS)
def test_an_id_carrying_a_payload_is_refused_by_check_and_the_build(site_project: Path, payload: str) -> None:
    plan = site_project / "strategy_src" / "action-plans" / "2026-27.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: SF-01", f"id: {json.dumps(payload)}"), encoding="utf-8")
    findings = findings_for(Path("strategy_src"))
    assert any(f.code == "SS205" and f.severity is Severity.ERROR for f in findings), [(f.code, f.message) for f in findings]
    assert main(BUILD) != 0
    assert not (site_project / "site").exists()


FILE_NAME_PAYLOADS = ['x"><svg onload=alert(1)>.yml', "<script>alert(1)<.yml", "a b.yml", "x'onerror=alert(1).yml", "javascript:alert(1).yml"]


@pytest.mark.parametrize("name", FILE_NAME_PAYLOADS)
def test_a_file_name_carrying_a_payload_is_refused_by_check_and_the_build(site_project: Path, name: str) -> None:
    indicators = site_project / "strategy_src" / "indicators"
    shutil.copy(indicators / "burglary-rate.yml", indicators / name)
    (indicators / "burglary-rate.yml").unlink()
    findings = findings_for(Path("strategy_src"))
    assert any(f.code == "SS011" and f.severity is Severity.ERROR for f in findings), [(f.code, f.message) for f in findings]
    assert main(BUILD) != 0
    assert not (site_project / "site").exists()


UNSAFE_ID = 'x"><svg onload=alert(1)>'


def test_render_site_escapes_an_unsafe_id_that_bypassed_the_loader(site_project: Path) -> None:
    """Defence in depth: an id changed after loading (so no check saw it) still cannot break out of a link."""
    project = load_project(Path("strategy_src"))
    action = project.actions[0]
    object.__setattr__(action, "id", UNSAFE_ID)
    member = project.members[0]
    object.__setattr__(member, "id", "m'><img src=x onerror=alert(2)>")
    project.__dict__.pop("action_by_id", None)
    content = render_site(project, Path("templates/content"), "https://example.org/", {}, None)
    raw_in = []
    for page in content.pages.pages:
        html = content.pages.html(page)
        for marker in ('"><svg', "<svg", "'><img", "<img src=x"):
            if marker in html:
                line = next(line for line in html.splitlines() if marker in line)
                raw_in.append(f"{page.path}: {line[:160]}")
        # A link to the action's page: its address must be percent-encoded.
        for address in re.findall(r'href="([^"]*actions/[^"]*)"', html):
            assert not re.search(r"[\"'<> ]", address), (page.path, address)
    for asset in content.assets:
        if asset.path.endswith((".xml", ".svg")):
            ET.fromstring(asset.content)
        if asset.path.endswith(".json"):
            json.loads(asset.content)
    assert raw_in == []


# Relative links to files that are not in the source folder: check reports each where it is written
# (SS310), so the build refuses before anything is published, leaving the previous site as it was.
UNRESOLVABLE_LINKS = ["[the plan](../action-plans/no-such-plan.yml)", '![onerror](x" onerror="alert(13))']


@pytest.mark.parametrize("link", UNRESOLVABLE_LINKS)
def test_a_link_to_nothing_is_a_finding_and_stops_the_build(site_project: Path, link: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(BUILD) == 0
    before = sorted(p.relative_to(site_project) for p in (site_project / "site").rglob("*"))
    update = site_project / "strategy_src" / "progress" / "2026-11-10-quarter-2.md"
    update.write_text(update.read_text(encoding="utf-8") + f"\n{link}\n", encoding="utf-8")
    line = update.read_text(encoding="utf-8").count("\n")
    capsys.readouterr()

    assert main(BUILD) == 1

    out = capsys.readouterr().out
    assert f"progress/2026-11-10-quarter-2.md:{line}:" in out and "SS310" in out and "Traceback" not in out
    assert sorted(p.relative_to(site_project) for p in (site_project / "site").rglob("*")) == before


def test_a_link_with_an_entity_encoded_script_address_is_dropped_and_check_warns(site_project: Path) -> None:
    update = site_project / "strategy_src" / "progress" / "2026-11-10-quarter-2.md"
    update.write_text(update.read_text(encoding="utf-8") + "\n[entity](&#106;avascript:alert(9))\n", encoding="utf-8")

    assert main(BUILD) == 0

    page = (site_project / "site" / "progress" / "2026-11-10-quarter-2" / "index.html").read_text(encoding="utf-8")
    assert "entity" in page and "avascript:" not in page
    assert [f.code for f in findings_for(Path("strategy_src")) if f.path.endswith("2026-11-10-quarter-2.md")] == ["SS304"]


def test_check_warns_about_an_event_handler_given_in_braces(site_project: Path) -> None:
    strategy = site_project / "strategy_src" / "community-strategy.md"
    strategy.write_text(strategy.read_text(encoding="utf-8") + '\n### Crossing {: onclick="alert(12)" }\n\nMore.\n', encoding="utf-8")
    assert main(BUILD) == 0
    page = _parse_html(site_project / "site" / "strategy" / "index.html") if (site_project / "site" / "strategy").is_dir() else None
    for path in (site_project / "site").rglob("*.html"):
        assert _parse_html(path).handlers == [], path  # inert on the site whatever check says
    assert page is None or page.handlers == []
    findings = findings_for(Path("strategy_src"))
    assert any(f.code in ("SS304", "SS305") for f in findings), [(f.code, f.message) for f in findings]
