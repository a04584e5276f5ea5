"""The open data's long figures table: breakdowns, comparators and targets on series and gaps as rows, the
Frictionless package valid offline, and CSV cells that cannot run as formulas."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
from pathlib import Path
from typing import Any

import frictionless
import pytest

from strategy_site.model.progress import all_progress
from strategy_site.model.project import load_project
from strategy_site.render.open_data import open_data
from tests.conftest import FIXTURES, edit

HYPERLINK = '=HYPERLINK("http://evil.example","x")'
HEADLINE_ONLY = {"series": "headline", "series_kind": "headline", "series_name": "Borough of Fernley", "area": None, "group": None,
                 "category": None, "comparator": None, "each": None, "against": None, "measure": None}


@pytest.fixture
def breakdown_project(project_dir: Path) -> Path:
    """The minimal partnership with its burglary indicator broken down by area and group, compared with England and
    the North West, with targets on a series, a gap and each neighbourhood, and a progress update reporting Brookside."""
    shutil.copy(FIXTURES / "open-data/burglary-rate.yml", project_dir / "indicators/burglary-rate.yml")
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "    value: 18.9\n",
         "    value: 18.9\n  - indicator: burglary-rate\n    series: brookside\n    period: 2024/25\n    value: 31.7\n")
    return project_dir


def write_open_data(root: Path, out: Path) -> Path:
    """The open data files as the build writes them (bytes as they are: the CSV's line ends are CRLF), under ``out``."""
    project = load_project(root)
    for asset in open_data(project, all_progress(project)):
        path = out / asset.path
        path.parent.mkdir(parents=True, exist_ok=True)
        data = asset.whole()
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return out / "data"


def figures(root: Path, out: Path) -> list[dict[str, Any]]:
    return list(json.loads((write_open_data(root, out) / "indicator-values.json").read_text(encoding="utf-8")))


def test_the_data_package_validates_with_frictionless_without_the_network(
    breakdown_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_open_data(breakdown_project, tmp_path / "out")

    def no_network(*args: object) -> None:
        raise AssertionError("frictionless tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    report = frictionless.validate(str(data / "datapackage.json"))
    assert report.flatten(["resource", "rowNumber", "fieldName", "type", "note"]) == []
    assert report.valid


def test_a_breakdown_figure_is_a_row_naming_its_area(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    assert [row for row in rows if row["series"] == "brookside" and row["period"] == "2023/24"] == [{
        "indicator": "burglary-rate", "kind": "actual", "period": "2023/24", "period_start": "2023-04-01", "period_end": "2024-03-31",
        "value": 34.6, "series": "brookside", "series_kind": "area", "series_name": "Brookside", "area": "brookside", "group": None,
        "category": None, "comparator": None, "unit": "per 1,000 households", "source": "Fernshire Police recorded crime",
        "each": None, "against": None, "measure": None, "note": "Provisional",
    }]


def test_a_group_figure_is_a_row_naming_its_group_category_unit_and_source(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    [row] = [row for row in rows if row["series_kind"] == "group"]
    assert {name: row[name] for name in ("series", "series_name", "area", "group", "category", "unit", "source", "value")} == {
        "series": "age/65 and over", "series_name": "Age band: 65 and over", "area": None, "group": "age", "category": "65 and over",
        "unit": "per 1,000 households headed by someone aged 65 or over",
        "source": "Fernshire Police recorded crime, matched to the council's household register", "value": 16.1,
    }


def test_a_figure_reported_for_a_series_in_a_progress_update_joins_that_series(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    assert [(row["period"], row["value"]) for row in rows if row["area"] == "brookside" and row["kind"] == "actual"] == [
        ("2022/23", 38.2), ("2023/24", 34.6), ("2024/25", 31.7)]


def test_a_comparator_figure_is_a_row_naming_the_comparator_and_its_source(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    assert [row for row in rows if row["comparator"] == "england" and row["period"] == "2023/24"] == [{
        "indicator": "burglary-rate", "kind": "actual", "period": "2023/24", "period_start": "2023-04-01", "period_end": "2024-03-31",
        "value": 12.6, "series": "england", "series_kind": "comparator", "series_name": "England", "area": None, "group": None,
        "category": None, "comparator": "england", "unit": "per 1,000 households",
        "source": "Office for National Statistics, Crime in England and Wales", "each": None, "against": None, "measure": None, "note": None,
    }]


def test_a_gap_target_is_a_row_naming_its_series_what_it_is_against_and_the_measure(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    assert [row for row in rows if row["against"] == "headline"] == [{
        "indicator": "burglary-rate", "kind": "local target", "period": "2027/28", "period_start": "2027-04-01", "period_end": "2028-03-31",
        "value": 1.5, "series": "brookside", "series_kind": "area", "series_name": "Brookside", "area": "brookside", "group": None,
        "category": None, "comparator": None, "unit": "ratio", "source": None, "each": None, "against": "headline", "measure": "ratio",
        "note": "Brookside's rate no more than one and a half times the borough's.",
    }]


def test_a_target_on_each_neighbourhood_is_a_row_naming_the_set(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    [row] = [row for row in rows if row["each"] is not None]
    assert {name: row[name] for name in ("kind", "value", "series", "series_kind", "area", "each", "against", "measure", "unit")} == {
        "kind": "floor target", "value": 3, "series": None, "series_kind": "area", "area": None, "each": "neighbourhood",
        "against": "england", "measure": "ratio", "unit": "ratio",
    }


def test_a_target_on_a_series_is_a_row_of_that_series(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    assert [(row["kind"], row["period"], row["value"], row["measure"]) for row in rows if row["area"] == "brookside" and row["kind"] != "actual"] == [
        ("local target", "2026/27", 30, None), ("local target", "2027/28", 1.5, "ratio")]


def test_the_headline_rows_are_the_rows_the_table_had_before_breakdowns(breakdown_project: Path, tmp_path: Path) -> None:
    rows = figures(breakdown_project, tmp_path / "out")
    headline = [row for row in rows if row["series"] == "headline"]
    assert [(row["kind"], row["period"], row["value"]) for row in headline] == [
        ("baseline", "2022/23", 21.4), ("actual", "2022/23", 21.4), ("actual", "2023/24", 19.8), ("actual", "2024/25", 18.9),
        ("floor target", "2027/28", 15)]
    assert all({name: row[name] for name in HEADLINE_ONLY} == HEADLINE_ONLY for row in headline)


def test_the_descriptor_closes_the_vocabularies_of_the_new_columns(breakdown_project: Path, tmp_path: Path) -> None:
    descriptor = json.loads((write_open_data(breakdown_project, tmp_path / "out") / "datapackage.json").read_text(encoding="utf-8"))
    [resource] = [r for r in descriptor["resources"] if r["name"] == "indicator-values"]
    enums = {field["name"]: field["constraints"]["enum"] for field in resource["schema"]["fields"] if "constraints" in field}
    assert enums == {
        "kind": ["baseline", "actual", "floor target", "stretch target", "local target"],
        "series_kind": ["headline", "area", "group", "comparator"],
        "measure": ["difference", "ratio"],
    }


def test_a_figure_outside_the_closed_vocabulary_fails_validation(breakdown_project: Path, tmp_path: Path) -> None:
    # The enum constraints are checked, so a consumer can rely on them.
    data = write_open_data(breakdown_project, tmp_path / "out")
    path = data / "indicator-values.csv"
    path.write_bytes(path.read_bytes().replace(b",comparator,England,", b",country,England,", 1))
    report = frictionless.validate(str(data / "datapackage.json"))
    assert report.flatten(["fieldName", "type"]) == [["series_kind", "constraint-error"]]


def test_a_hostile_breakdown_category_gets_an_apostrophe_in_csv_and_stays_as_written_in_json(
    breakdown_project: Path, tmp_path: Path
) -> None:
    edit(breakdown_project / "indicators/burglary-rate.yml", "    category: 65 and over\n", f"    category: '{HYPERLINK}'\n")
    data = write_open_data(breakdown_project, tmp_path / "out")
    [row] = [row for row in csv.DictReader(io.StringIO((data / "indicator-values.csv").read_text(encoding="utf-8"))) if row["group"] == "age"]
    assert (row["category"], row["series"], row["series_name"]) == ("'" + HYPERLINK, "age/" + HYPERLINK, "Age band: " + HYPERLINK)
    [record] = [r for r in json.loads((data / "indicator-values.json").read_text(encoding="utf-8")) if r["group"] == "age"]
    assert record["category"] == HYPERLINK


def test_the_demo_data_package_validates(demo_site: Path) -> None:
    report = frictionless.validate(str(demo_site / "data/datapackage.json"))
    assert report.flatten(["resource", "rowNumber", "fieldName", "type", "note"]) == []


def test_the_open_data_page_says_how_to_get_the_headline_only(demo_site: Path) -> None:
    page = (demo_site / "open-data/index.html").read_text(encoding="utf-8")
    assert ("The headline figures, for the whole area, are the rows whose <code>series</code> is <code>headline</code>. On those rows "
            "<code>area</code>, <code>group</code>, <code>category</code> and <code>comparator</code> are empty.") in page
    assert "Its values: <code>headline</code>, <code>area</code>, <code>group</code>, <code>comparator</code>." in page


def test_every_table_is_also_a_spreadsheet_with_the_same_rows_as_the_csv(breakdown_project: Path, tmp_path: Path) -> None:
    from strategy_site.returns.cells import read_file
    from strategy_site.returns.values import text

    data = write_open_data(breakdown_project, tmp_path)
    for name in ("actions", "indicators", "indicator-values", "partners", "priorities", "agreements"):
        rows = list(csv.reader(io.StringIO((data / f"{name}.csv").read_text(encoding="utf-8"))))
        for suffix in ("xlsx", "ods"):
            (grid,) = read_file(data / f"{name}.{suffix}", name)
            width = len(rows[0])
            read = [[text(grid.rows.get(r, {}).get(c)) or "" for c in range(1, width + 1)] for r in range(1, len(rows) + 1)]
            assert read == rows, f"{name}.{suffix}"


def test_the_open_data_page_offers_each_table_as_a_spreadsheet(demo_site: Path) -> None:
    page = (demo_site / "open-data/index.html").read_text(encoding="utf-8")
    assert 'or as a spreadsheet: <a class="govuk-link" href="../data/actions.xlsx">actions.xlsx</a> (Excel) or ' in page
    assert (demo_site / "data/indicator-values.ods").read_bytes().startswith(b"PK")


def test_a_spreadsheet_of_open_data_has_its_heading_row_in_bold_and_frozen_and_its_figures_as_numbers(breakdown_project: Path,
                                                                                                   tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(write_open_data(breakdown_project, tmp_path) / "indicator-values.xlsx").active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"
    assert [cell.font.b for cell in sheet[1]] == [True] * sheet.max_column
    values = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True, min_col=_column(sheet, "value"), max_col=_column(sheet, "value"))]
    assert values and all(isinstance(value, int | float) for value in values)


def _column(sheet: Any, heading: str) -> int:
    return next(cell.column for cell in sheet[1] if cell.value == heading)
