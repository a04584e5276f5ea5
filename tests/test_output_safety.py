"""Whatever officers write, the feed, the charts and the JUnit report parse as XML, and the CSV files never
hold a spreadsheet formula: text is encoded on output, whether or not checking caught it first."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from strategy_site.cli import main
from strategy_site.load.files import Kind
from strategy_site.model.progress import all_progress
from strategy_site.model.project import Project, load_project
from strategy_site.render.charts import indicator_chart
from strategy_site.render.feed import _url, atom_feed
from strategy_site.render.open_data import open_data
from strategy_site.report import data_formats
from strategy_site.report.ci_formats import to_junit
from strategy_site.report.making import make_report
from strategy_site.report.weights import load_weights
from strategy_site.text_safety import csv_table, spreadsheet_text, xml_chars, xml_escape
from tests.conftest import TODAY, build_main as build_site, edit

SITE_URL = "https://strategy.example/"
ATOM, SVG = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/2000/svg}"
# Markup, a CDATA end, a terminal colour code, NUL, a non-character and a lone surrogate, and quotes.
PAYLOAD = "<svg onload=alert(1)>]]>\x1b[31m\x00\ufffe\ud800 & 'single' \"double\""
SHOWN = "<svg onload=alert(1)>]]>[31m & 'single' \"double\""  # the payload less what XML 1.0 cannot hold


# --- XML ----------------------------------------------------------------------------


# Any characters, with those XML cannot hold (controls, lone surrogates, non-characters) and markup made likely.
# (A list joined, because st.text drops surrogates from its alphabet.)
ANY_TEXT = st.lists(st.characters() | st.sampled_from("\x00\x08\x1b\x7f\ud800\udfff\ufffe\uffff\t\n\r&<>'\"]")).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT)
def test_escaped_text_reads_back_exactly_as_text_and_as_either_kind_of_attribute(text: str) -> None:
    safe = xml_escape(text)
    element = ET.fromstring(f"<e double=\"{safe}\" single='{safe}'>{safe}</e>")
    assert (element.text or "", element.get("double"), element.get("single")) == (xml_chars(text),) * 3


def test_xml_chars_drops_only_what_xml_cannot_hold() -> None:
    assert xml_chars("a\x00b\x1bc\x7fd\ufffee\uffffé\ud800f\tg\nh\ri\U0001f600") == "abc\x7fdeéf\tg\nh\ri\U0001f600"


@pytest.fixture
def hostile(project_dir: Path) -> Project:
    """The minimal partnership with the payload in its name, its partners' names, the action's title, the
    indicator's title and unit and the progress update's title. The loader refuses control characters, so
    they are set on the models, to show that the writers are safe on their own."""
    project = load_project(project_dir)
    documents = project.documents
    [partnership] = documents[Kind.PARTNERSHIP]
    members = [member.model_copy(update={"name": PAYLOAD}) for member in partnership.members]
    documents[Kind.PARTNERSHIP] = [partnership.model_copy(update={"name": PAYLOAD, "members": members})]
    documents[Kind.ACTION_PLAN] = [
        plan.model_copy(update={"actions": [a.model_copy(update={"title": PAYLOAD}) for a in plan.actions]})
        for plan in documents[Kind.ACTION_PLAN]
    ]
    documents[Kind.INDICATOR] = [i.model_copy(update={"title": PAYLOAD, "unit": PAYLOAD}) for i in documents[Kind.INDICATOR]]
    documents[Kind.PROGRESS_UPDATE] = [u.model_copy(update={"title": PAYLOAD}) for u in documents[Kind.PROGRESS_UPDATE]]
    return project


def test_the_feed_parses_and_holds_the_payload_only_as_text(hostile: Project) -> None:
    feed = ET.fromstring(atom_feed(hostile, SITE_URL).content)
    assert {element.tag.removeprefix(ATOM) for element in feed.iter()} == {
        "feed", "title", "link", "id", "updated", "author", "name", "entry", "published", "summary"}
    assert feed.findtext(f"{ATOM}title") == f"{SHOWN}: progress updates"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == SHOWN
    assert [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")] == [SHOWN]


def test_every_chart_parses_and_holds_the_payload_only_as_text(hostile: Project) -> None:
    charts = [ET.fromstring(indicator_chart(item)) for item in all_progress(hostile).values()]
    assert charts
    for svg in charts:
        assert [element for element in svg.iter() if element.tag in (f"{SVG}svg", f"{SVG}script")] == [svg]
        assert svg.findtext(f"{SVG}title") == SHOWN
        assert (svg.findtext(f"{SVG}desc") or "").startswith(f"Chart of {SHOWN} ({SHOWN}), lower is better.")
        assert SHOWN in [text.text for text in svg.iter(f"{SVG}text")]  # the unit, above the plot


def test_the_junit_report_parses_and_holds_the_payload_only_as_text(hostile: Project) -> None:
    suites = ET.fromstring(to_junit(make_report(hostile, TODAY, load_weights())))
    assert {element.tag for element in suites.iter()} == {"testsuites", "testsuite", "testcase", "failure"}
    failures = [failure.text for failure in suites.iter("failure")]
    assert f"{SHOWN}: {SHOWN} leads 1 of 1 action (100%)" in failures


@pytest.mark.parametrize(("page", "url"), [
    ("progress/<svg onload=alert(1)>.md", "https://strategy.example/progress/%3Csvg%20onload%3Dalert%281%29%3E/"),
    ('progress/a "quoted" & spaced name.md', "https://strategy.example/progress/a%20%22quoted%22%20%26%20spaced%20name/"),
    ("progress/café.md", "https://strategy.example/progress/caf%C3%A9/"),
    ("progress/index.md", "https://strategy.example/progress/"),
])
def test_feed_links_percent_encode_each_part_of_the_page_path(page: str, url: str) -> None:
    # The loader skips such file names today (SS011); the feed does not depend on it.
    assert _url(SITE_URL, page) == url


# --- CSV -------------------------------------------------------------------------------

HYPERLINK = '=HYPERLINK("http://evil.example","x")'


@pytest.mark.parametrize(("text", "written"), [
    (HYPERLINK, "'" + HYPERLINK),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("+1", "'+1"),
    ("-2", "'-2"),
    ("-5%", "'-5%"),  # looks like a number, but it is text: OWASP says prefix it
    ("\tTabbed", "'\tTabbed"),
    ("\rReturn", "'\rReturn"),
    ("＝1+1", "'＝1+1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠SUM(A1)", "'＠SUM(A1)"),  # full-width forms
    ("Fit locks = safer homes", "Fit locks = safer homes"),  # only the first character matters
    ("'=already quoted", "'=already quoted"),
    ("", ""),
])
def test_text_that_could_start_a_formula_gets_an_apostrophe(text: str, written: str) -> None:
    assert spreadsheet_text(text) == written


def test_numbers_are_never_prefixed_and_none_is_an_empty_cell() -> None:
    assert csv_table(["value", "text", "missing"], [[-2.5, "-2.5", None], [-3, "+3", None]]) == (
        "value,text,missing\r\n-2.5,'-2.5,\r\n-3,'+3,\r\n")


@pytest.fixture
def formula_project(project_dir: Path) -> Path:
    """The minimal partnership with formula-like text where an officer could write it, and a negative figure."""
    edit(project_dir / "action-plans/2026-27.yml", "title: Fit door and window locks for older residents", f"title: '{HYPERLINK}'")
    edit(project_dir / "action-plans/2026-27.yml", "title: Fernley Delivery Plan 2026 to 2027", "title: '+1'")
    edit(project_dir / "partnership.yml", "name: Fernshire Police", "name: '@SUM(A1)'")
    edit(project_dir / "partnership.yml", "type: council", "type: '-2'")
    edit(project_dir / "indicators/burglary-rate.yml", "value: 19.8", "value: -2.5")
    return project_dir


def with_tabbed_indicator_title(project: Project) -> Project:
    # The loader strips leading white space, so a title starting with a tab can only be set on the model.
    project.documents[Kind.INDICATOR] = [i.model_copy(update={"title": "\tTabbed"}) for i in project.documents[Kind.INDICATOR]]
    return project


def test_open_data_csv_prefixes_formula_text_and_json_keeps_it(formula_project: Path) -> None:
    project = with_tabbed_indicator_title(load_project(formula_project))
    files = {asset.path.removeprefix("data/"): asset.content for asset in open_data(project, all_progress(project))}

    def csv_rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(files[name])))

    [action] = csv_rows("actions.csv")
    assert (action["title"], action["plan"], action["lead_name"]) == ("'" + HYPERLINK, "'+1", "'@SUM(A1)")
    partners = {row["id"]: row for row in csv_rows("partners.csv")}
    assert (partners["police"]["name"], partners["council"]["type"]) == ("'@SUM(A1)", "'-2")
    assert csv_rows("indicators.csv")[0]["title"] == "'\tTabbed"
    assert [row["value"] for row in csv_rows("indicator-values.csv") if row["period"] == "2023/24"] == ["-2.5"]

    [action] = json.loads(files["actions.json"])
    assert (action["title"], action["plan"], action["lead_name"]) == (HYPERLINK, "+1", "@SUM(A1)")
    partners = {row["id"]: row for row in json.loads(files["partners.json"])}
    assert (partners["police"]["name"], partners["council"]["type"]) == ("@SUM(A1)", "-2")
    assert json.loads(files["indicators.json"])[0]["title"] == "\tTabbed"
    assert [row["value"] for row in json.loads(files["indicator-values.json"]) if row["period"] == "2023/24"] == [-2.5]


def test_the_data_package_and_the_open_data_page_explain_the_apostrophe(site_project: Path) -> None:
    assert build_site(["--quiet", "--today", "2026-11-23"]) == 0
    descriptor = json.loads((site_project / "site/data/datapackage.json").read_text(encoding="utf-8"))
    assert "has an apostrophe (') put in front of it" in descriptor["description"]
    assert "the JSON files hold every value unchanged" in descriptor["description"]
    page = (site_project / "site/open-data/index.html").read_text(encoding="utf-8")
    assert "text that only looks like a negative number, such as <code>-5%</code>" in page
    assert "The JSON files give every value exactly as it was written, with no apostrophes added." in page


def test_report_csv_prefixes_formula_text_and_report_json_keeps_it(formula_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = ["report", "src", "--today", "2026-11-23"]
    assert main([*report, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert "'" + HYPERLINK in {row["title"] for row in rows if row["subject"] == "SF-01"}
    assert "'@SUM(A1) leads 1 of 1 action (100%)" in {row["evidence"] for row in rows}
    assert main([*report, "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert HYPERLINK in {item["title"] for item in items if item["subject"] == "SF-01"}
    assert "@SUM(A1) leads 1 of 1 action (100%)" in {item["evidence"] for item in items}


def test_report_csv_prefixes_text_that_only_the_model_could_hold(formula_project: Path) -> None:
    project = with_tabbed_indicator_title(load_project(formula_project))
    rows = list(csv.DictReader(io.StringIO(data_formats.to_csv(make_report(project, TODAY, load_weights())))))
    assert "'\tTabbed" in {row["title"] for row in rows if row["subject"] == "burglary-rate"}
    assert all(not row[column].startswith(("=", "+", "-", "@", "\t")) for row in rows for column in row)


def test_open_data_spreadsheets_prefix_formula_text_and_keep_numbers(formula_project: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from strategy_site.returns.cells import read_file

    project = with_tabbed_indicator_title(load_project(formula_project))
    files = {asset.path.removeprefix("data/"): asset.content for asset in open_data(project, all_progress(project))}
    for name in ("actions.xlsx", "actions.ods", "indicator-values.xlsx", "indicator-values.ods"):
        content = files[name]
        assert isinstance(content, bytes)
        (tmp_path / name).write_bytes(content)
    sheet = load_workbook(tmp_path / "actions.xlsx").active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, header.index("title") + 1).value == "'" + HYPERLINK
    (grid,) = read_file(tmp_path / "actions.ods", "actions.ods")
    title_column = next(column for column, cell in grid.rows[1].items() if cell.value == "title")
    assert grid.rows[2][title_column].value == "'" + HYPERLINK
    for name in ("indicator-values.xlsx", "indicator-values.ods"):
        (grid,) = read_file(tmp_path / name, name)
        columns = {cell.value: column for column, cell in grid.rows[1].items()}
        figures = [row[columns["value"]].value for row in list(grid.rows.values())[1:] if row[columns["period"]].value == "2023/24"]
        assert figures == [-2.5], name
