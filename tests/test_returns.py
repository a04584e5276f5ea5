"""Partners' returns: the demo's workbooks exported, filled in as partners fill them, and imported back into the
YAML with officers' comments intact, every problem placed at its cell, and nothing half-written."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import load_workbook

from strategy_site.check import run_checks
from strategy_site.cli import main
from strategy_site.findings import Severity
from strategy_site.model.project import load_project
from strategy_site.returns import cells, values
from strategy_site.returns.cells import Cell, read_file
from strategy_site.returns.reconcile import reconcile
from strategy_site.returns.tables import find_tables
from tests.conftest import REPO
from tests.returns_fixture import (
    EXPECTED_CHANGES,
    TODAY,
    demo_copy,
    excel_csv,
    excel_workbook,
    fill_xlsx,
    google_sheets_csv,
    libreoffice_workbook,
)


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return demo_copy(tmp_path)


def export(partner: str = "police", form: str = "xlsx") -> Path:
    assert main(["returns", "export", "strategy_src", "--partner", partner, "--format", form, "--today", TODAY]) == 0
    return Path("returns") / f"{partner}-returns.{form}"


def run_import(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = main(["returns", "import", *args, "--today", TODAY])
    return status, capsys.readouterr().out.splitlines()


def changed(path: Path) -> list[str]:
    """The lines added (+) and removed (-) in a copy of a demo file, against the demo's own."""
    original = (REPO / "strategy_src" / path.relative_to(path.parents[1])).read_text(encoding="utf-8").splitlines()
    diff = difflib.unified_diff(original, path.read_text(encoding="utf-8").splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def unchanged_except(source: Path, *paths: str) -> None:
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and relative not in paths:
            assert path.read_bytes() == (REPO / "strategy_src" / relative).read_bytes(), relative


# --- export ----------------------------------------------------------------------------------------------


def test_the_figures_sheet_asks_for_each_series_due_with_its_last_figures_unit_and_better_direction(source: Path) -> None:
    sheet = load_workbook(export())["Figures"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0] == ("Indicator", "Indicator title", "Series", "Figures for", "Period", "Unit", "Better when", "Last period",
                       "Last figure", "Period before", "Figure before", "New figure", "Note")
    assert rows[2] == ("burglary-rate", "Domestic burglary rate", "northgate", "Northgate", "2025/26", "burglaries per 1,000 households",
                       "lower", "2024/25", 22.6, "2023/24", 24.1, None, None)
    assert [(row[0], row[2], row[4]) for row in rows[1:]] == [
        *[("burglary-rate", area, "2025/26") for area in ("renewal-areas", "northgate", "saltmarsh", "kiln-lane", "town-centre",
                                                           "ashby-rise", "copley-fields", "lowmoor")],
        ("domestic-abuse-repeat", "headline", "2025/26"),
    ]


def test_a_series_whose_figure_for_the_period_is_in_already_is_not_asked_for(source: Path) -> None:
    # The headline burglary rate for 2025/26 came in a progress update; 2026/27 has not ended on 7 December 2026.
    rows = load_workbook(export())["Figures"].iter_rows(min_row=4, values_only=True)
    assert ("burglary-rate", "headline") not in {(row[0], row[2]) for row in rows}


def test_a_new_indicator_with_no_figures_is_asked_for_the_last_period_of_its_frequency_that_has_ended(source: Path) -> None:
    path = source / "indicators/domestic-abuse-repeat.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("baseline:")] + text[text.index("responsible:"):], encoding="utf-8")
    rows = load_workbook(export())["Figures"].iter_rows(min_row=4, values_only=True)
    assert [(row[2], row[4], row[7]) for row in rows if row[0] == "domestic-abuse-repeat"] == [("headline", "2025/26", None)]


def test_the_actions_sheet_lists_the_unfinished_actions_the_partner_leads_with_status_and_milestones(source: Path) -> None:
    sheet = load_workbook(export())["Actions"]
    assert list(sheet.iter_rows(min_row=3, values_only=True)) == [
        ("Action", "Title", "Action plan", "Due", "Current status", "Milestones", "New status", "Commentary"),
        ("SA-04", "Neighbourhood watch for the renewal areas", "Delivery plan 2026 to 2027", "2027-03-31", "on track",
         "2026-09-30 20 schemes running (done)", None, None),
    ]


def test_the_new_status_column_offers_only_the_allowed_statuses(source: Path) -> None:
    sheet = load_workbook(export())["Actions"]
    (validation,) = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert validation.formula1 == '"complete,on track,at risk,off track,not started,dropped"'
    assert str(validation.sqref) == "G4"


def test_headings_and_reference_columns_are_protected_and_the_columns_to_fill_in_are_open(source: Path) -> None:
    book = load_workbook(export())
    sheet = book["Figures"]
    assert sheet.protection.sheet
    assert sheet["A4"].protection.locked and sheet["I4"].protection.locked and sheet["L3"].protection.locked
    assert not sheet["L4"].protection.locked and not sheet["M4"].protection.locked
    assert not book["Actions"]["G4"].protection.locked and not book["Actions"]["H4"].protection.locked


def test_the_first_sheet_says_how_to_fill_it_in(source: Path) -> None:
    book = load_workbook(export())
    assert book.sheetnames == ["How to fill this in", "Figures", "Actions"]
    text = " ".join(str(row[0]) for row in book["How to fill this in"].iter_rows(values_only=True) if row[0])
    assert text.startswith("Figures and action statuses from Northmarch Police for Ravensholt Together")
    assert "Type the figure in the 'New figure' column as a plain number" in text


def test_two_exports_of_the_same_returns_are_the_same_bytes(source: Path) -> None:
    first = export().read_bytes(), export(form="ods").read_bytes()
    assert (export().read_bytes(), export(form="ods").read_bytes()) == first


def test_the_ods_workbook_holds_the_same_tables_as_the_xlsx(source: Path) -> None:
    def tables(path: Path) -> list[list[tuple[object, ...]]]:
        return [[tuple(cell.value for cell in record.cells.values()) for record in table.records]
                for grid in read_file(path, path.name) for table in find_tables(grid)]

    assert tables(export(form="ods")) == tables(export())


def test_a_title_that_starts_a_formula_is_exported_as_text(source: Path) -> None:
    path = source / "indicators/burglary-rate.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Domestic burglary rate", 'title: "=HYPERLINK(\\"http://x.example\\")"'),
                    encoding="utf-8")
    cell = load_workbook(export())["Figures"]["B4"]
    assert cell.data_type == "s" and cell.value == "'=HYPERLINK(\"http://x.example\")"


def test_export_will_not_write_into_the_source_folder_which_is_published(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["returns", "export", "strategy_src", "--out", "strategy_src/returns"]) == 2
    assert "is inside the source folder, which the site publishes" in capsys.readouterr().err
    assert not (source / "returns").exists()


def test_export_names_an_unknown_partner_and_suggests_one(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["returns", "export", "strategy_src", "--partner", "polce"]) == 2
    assert 'there is no member \'polce\' in partnership.yml. Did you mean "police"?' in capsys.readouterr().err


# --- import: the partner's figures and statuses into the YAML -------------------------------------------------


def filled_police_return(tmp_path: Path) -> Path:
    """The police's return as a partner sends it back: three figures, one with a note, and a new status."""
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {
        "Figures": {"L4": 18.7, "L5": 21.9, "M5": "Provisional: two months of data estimated", "L12": 26},
        "Actions": {"G4": "at risk", "H4": "Two of the five cameras are not yet installed."},
    })
    return filled


def test_a_dry_run_prints_each_change_at_its_cell_and_writes_nothing(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = filled_police_return(tmp_path)
    status, lines = run_import(capsys, str(filled))
    assert status == 0
    assert lines == [
        f"{filled}:Figures!L4: burglary-rate for The renewal areas, 2025/26: new figure 18.7",
        f'{filled}:Figures!L5: burglary-rate for Northgate, 2025/26: new figure 21.9 (note: "Provisional: two months of data estimated")',
        f"{filled}:Figures!L12: domestic-abuse-repeat, 2025/26: new figure 26",
        f"{filled}:Actions!G4: SA-04: at risk (was on track): Two of the five cameras are not yet installed.",
        "Read 4 filled-in rows: 3 figures and 1 status to write, 0 already recorded.",
        "",
        "This was a dry run: nothing written. Import again with --write to change 3 files: "
        "strategy_src/indicators/burglary-rate.yml, strategy_src/indicators/domestic-abuse-repeat.yml, "
        "strategy_src/progress/2026-12-07-partners-returns.md.",
    ]
    unchanged_except(source)


def test_write_adds_each_figure_in_the_files_own_style_and_changes_no_other_line(source: Path, tmp_path: Path,
                                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run_import(capsys, str(filled_police_return(tmp_path)), "--write")
    assert status == 0
    assert changed(source / "indicators/burglary-rate.yml") == [
        "+      - {period: 2025/26, value: 18.7}",
        "+      - {period: 2025/26, value: 21.9, note: 'Provisional: two months of data estimated'}",
    ]
    assert changed(source / "indicators/domestic-abuse-repeat.yml") == ["+  - period: 2025/26", "+    value: 26"]
    unchanged_except(source, "indicators/burglary-rate.yml", "indicators/domestic-abuse-repeat.yml", "progress/2026-12-07-partners-returns.md")


def test_write_keeps_officers_comments_and_quoting(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = source / "indicators/domestic-abuse-repeat.yml"
    path.write_text("# Figures from the MARAC coordinator, checked by Sam.\n" + path.read_text(encoding="utf-8").replace(
        "  - period: 2024/25\n    value: 28\n", "  - period: 2024/25\n    value: 28  # up: see commentary\n"), encoding="utf-8")
    run_import(capsys, str(filled_police_return(tmp_path)), "--write")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Figures from the MARAC coordinator, checked by Sam.\n")
    assert "    value: 28  # up: see commentary\n  - period: 2025/26\n    value: 26\nresponsible: police\n" in text
    assert 'unit: "% of cases"\n' in text


def test_new_statuses_go_into_a_draft_progress_update_that_check_accepts_and_the_site_leaves_out(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_import(capsys, str(filled_police_return(tmp_path)), "--write")
    assert status == 0
    assert (source / "progress/2026-12-07-partners-returns.md").read_text(encoding="utf-8") == (
        "---\n"
        "title: Progress update, 2026/27 Q2 (draft from partners' returns)\n"
        "published: 2026-12-07\n"
        "covers: 2026/27 Q2\n"
        "draft: true\n"
        "actions:\n"
        "  - action: SA-04\n"
        "    status: at risk\n"
        "    commentary: Two of the five cameras are not yet installed.\n"
        "---\n\n"
        "Statuses and commentary from partners' returns, imported on 7 December 2026. Check each status and commentary above, "
        "write here what residents should know about the quarter, set `published` to the day the update goes out, and delete "
        "the line `draft: true` to publish it.\n"
    )
    project = load_project(source)
    findings = run_checks(project, dt.date(2026, 12, 7))
    assert [(f.code, f.path, f.line) for f in findings if f.severity is Severity.ERROR] == []
    assert [(f.code, f.path, f.line) for f in findings if f.code == "SS444"] == [("SS444", "strategy_src/progress/2026-12-07-partners-returns.md", 5)]
    assert project.latest_status(project.action_by_id["SA-04"]) == "on track"  # the draft is not published
    assert "draft from partners' returns" not in {update.title for update in project.progress_updates}
    assert lines[-1].startswith("1 warning in 1 file, no errors (checked ")


def test_importing_the_same_return_again_changes_nothing(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = filled_police_return(tmp_path)
    run_import(capsys, str(filled), "--write")
    before = {path: path.read_bytes() for path in source.rglob("*") if path.is_file()}
    status, lines = run_import(capsys, str(filled), "--write")
    assert status == 0
    assert lines[-2:] == ["Read 4 filled-in rows: 0 figures and 0 statuses to write, 4 already recorded.",
                          "Nothing to write: the documents already say everything these returns say."]
    assert {path: path.read_bytes() for path in source.rglob("*") if path.is_file()} == before


def test_a_figure_equal_to_the_one_recorded_changes_no_byte(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = tmp_path / "same.xlsx"
    # The partner corrects the period to one already recorded, and gives the same figure.
    fill_xlsx(export(), filled, {"Figures": {"E5": "2024/25", "L5": 22.6}})
    status, lines = run_import(capsys, str(filled), "--write")
    assert (status, lines[0]) == (0, "Read 1 filled-in row: 0 figures and 0 statuses to write, 1 already recorded.")
    unchanged_except(source)


def test_a_figure_that_differs_from_the_one_recorded_is_a_problem_at_its_cell(source: Path, tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    filled = tmp_path / "revised.xlsx"
    fill_xlsx(export(), filled, {"Figures": {"E5": "2024/25", "L5": 22.9, "L6": 15.1}})
    status, lines = run_import(capsys, str(filled), "--write")
    assert status == 1
    assert lines[-4:] == [
        f"{filled}:Figures!L5: error: burglary-rate for Northgate in 2024/25 is already recorded as 22.6 "
        "(strategy_src/indicators/burglary-rate.yml, line 50); this return says 22.9",
        "  fix: if the figure has been revised, import again with --replace to write 22.9 in place of 22.6 (and say why in the Note "
        "column); otherwise correct the return",
        "",
        "Nothing written: 1 problem to fix first, then import again.",
    ]
    unchanged_except(source)  # not even the good figure in L6: all or nothing


def test_replace_writes_the_revised_figure_in_place_of_the_old_one(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = tmp_path / "revised.xlsx"
    fill_xlsx(export(), filled, {"Figures": {"E5": "2024/25", "L5": 22.9, "M5": "Revised in November 2026"}})
    status, lines = run_import(capsys, str(filled), "--write", "--replace")
    assert status == 0
    assert lines[0] == f'{filled}:Figures!L5: burglary-rate for Northgate, 2024/25: 22.9 in place of 22.6 (note: "Revised in November 2026")'
    assert changed(source / "indicators/burglary-rate.yml") == [
        "-      - {period: 2024/25, value: 22.6}",
        "+      - {period: 2024/25, value: 22.9, note: Revised in November 2026}",
    ]


def test_a_status_with_a_draft_already_replaces_the_drafts_entry(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(capsys, str(filled_police_return(tmp_path)), "--write")
    again = tmp_path / "again.xlsx"
    fill_xlsx(export(), again, {"Actions": {"G4": "off track", "H4": "The cameras have been delayed until April."}})
    status, lines = run_import(capsys, str(again), "--write")
    assert status == 0
    assert lines[0] == f"{again}:Actions!G4: SA-04: off track (was on track) (in place of the draft's): The cameras have been delayed until April."
    text = (source / "progress/2026-12-07-partners-returns.md").read_text(encoding="utf-8")
    assert "    status: off track\n    commentary: The cameras have been delayed until April.\n---\n" in text
    assert not (source / "progress/2026-12-07-partners-returns-2.md").exists()


# --- real spreadsheets are messy ---------------------------------------------------------------------------


def changes_read(source: Path, path: Path) -> list[tuple[str, str, str, float]]:
    reconciled = reconcile(load_project(source), [(path, path.name)])
    assert reconciled.problems == []
    return [(c.indicator.id, c.series.key, c.period.label, c.value) for c in reconciled.figures]


@pytest.mark.parametrize("make, name", [
    (excel_workbook, "excel.xlsx"), (libreoffice_workbook, "libreoffice.ods"), (google_sheets_csv, "google-sheets.csv"),
    (excel_csv, "excel.csv"),
], ids=["Excel", "LibreOffice", "Google Sheets CSV", "Excel CSV"])
def test_a_messy_return_reads_the_same_from_excel_libreoffice_and_google_sheets(source: Path, tmp_path: Path, make: Any, name: str) -> None:
    path = tmp_path / name
    make(path)
    assert changes_read(source, path) == EXPECTED_CHANGES


def test_a_hidden_row_is_read_and_said_to_be_hidden(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "excel.xlsx"
    excel_workbook(path)
    status, lines = run_import(capsys, str(path))
    assert status == 0
    assert f"{path}:'Police Q4 return'!D9: note: this row is hidden in the spreadsheet; it was read like the others" in lines


def test_a_messy_return_writes_the_figures_in_order_with_the_note(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "libreoffice.ods"
    libreoffice_workbook(path)
    assert run_import(capsys, str(path), "--write")[0] == 0
    assert changed(source / "indicators/burglary-rate.yml") == [
        "+      - {period: 2025/26, value: 18.7}",
        "+      - {period: 2025/26, value: 21.9, note: Provisional}",
        "+      - {period: 2025/26, value: 16}",
        "+      - {period: 2025/26, value: 14.2}",
        "+      - {period: 2025/26, value: 11}",
        "+      - {period: 2025/26, value: 3.7}",
    ]
    assert changed(source / "indicators/domestic-abuse-repeat.yml") == [
        "+  - period: 2025/26", "+    value: 26", "+    note: £ figures not affected"]


# --- every problem at its cell, in plain words, and nothing written ---------------------------------------------


def problems_for(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cells: dict[str, dict[str, object]],
                 formats: dict[str, str] | None = None) -> list[str]:
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, cells, formats)
    capsys.readouterr()
    status = main(["returns", "import", str(filled), "--write", "--today", TODAY])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1 and lines[-1].startswith("Nothing written:")
    unchanged_except(source)
    return [line.replace(f"{filled}:", "") for line in lines if ": error: " in line or line.startswith("  fix: ")]


def test_text_that_is_not_a_figure_is_placed_at_its_cell(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert problems_for(source, tmp_path, capsys, {"Figures": {"L4": "about twelve"}}) == [
        'Figures!L4: error: "about twelve" is not a figure',
        "  fix: type the figure as a plain number such as 1234.5, or leave the cell empty if it is not ready",
    ]


def test_a_percentage_for_an_indicator_not_counted_in_per_cent_is_a_problem(source: Path, tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert problems_for(source, tmp_path, capsys, {"Figures": {"L4": 0.187}}, {"L4": "0.0%"}) == [
        "Figures!L4: error: the cell holds a percentage (0.187 as a fraction), but this indicator is not counted in per cent",
        "  fix: format the cell as a plain number and type the figure in the indicator's unit",
    ]


def test_an_unknown_indicator_series_or_period_is_placed_at_its_cell(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert problems_for(source, tmp_path, capsys, {"Figures": {
        "A4": "burglary-rte", "L4": 1, "C5": "northgte", "L5": 2, "E6": "2025/27", "L6": 3,
    }}) == [
        'Figures!A4: error: there is no indicator "burglary-rte". Did you mean "burglary-rate"?',
        "  fix: keep the indicator's id as the export wrote it",
        'Figures!C5: error: "northgte" is not a series of burglary-rate. Did you mean "northgate"?',
        "  fix: keep the series as the export wrote it: headline, a neighbourhood's id, or a group and category such as sex/female",
        'Figures!E6: error: "2025/27" is not a financial year: the second year must follow the first, as in 2025/26',
        "  fix: type the period as the sheet gave it, for example 2025/26 or 2026/27 Q2",
    ]


def test_a_status_that_is_not_allowed_or_has_no_commentary_is_placed_at_its_cell(source: Path, tmp_path: Path,
                                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert problems_for(source, tmp_path, capsys, {"Actions": {"G4": "amber"}}) == [
        'Actions!G4: error: "amber" is not a status.',
        "  fix: choose one of complete, on track, at risk, off track, not started or dropped",
    ]
    assert problems_for(source, tmp_path, capsys, {"Actions": {"G4": "On trak"}})[0] == \
        'Actions!G4: error: "On trak" is not a status. Did you mean "on track"?'
    assert problems_for(source, tmp_path, capsys, {"Actions": {"G4": "On Track "}}) == [
        "Actions!H4: error: the new status of SA-04 has no commentary",
        "  fix: say in a sentence or two in 'Commentary' what has happened since the last update: residents read it beside the status",
    ]


def test_the_same_figure_given_twice_differently_is_a_problem(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert problems_for(source, tmp_path, capsys, {"Figures": {"L4": 18.7, "A5": "burglary-rate", "C5": "renewal-areas", "L5": 18.9}}) == [
        "Figures!L5: error: burglary-rate for The renewal areas in 2025/26 is 18.9 here but 18.7 at Figures!L4",
        "  fix: give each figure once, or make both say the same",
    ]


def test_a_file_that_is_not_a_spreadsheet_is_one_plain_line(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "police-returns.xlsx"
    fake.write_text("<html>not a workbook</html>", encoding="utf-8")
    status, lines = run_import(capsys, str(fake), str(tmp_path / "missing.ods"), str(tmp_path / "notes.txt"))
    assert status == 1
    assert [line for line in lines if "error" in line] == [
        f"{fake}: error: {fake} is not an XLSX workbook (it may be damaged, or another kind of file renamed): open it in your "
        "spreadsheet program and save it again as XLSX",
        f"{tmp_path / 'missing.ods'}: error: there is no file {tmp_path / 'missing.ods'}",
        f"{tmp_path / 'notes.txt'}: error: {tmp_path / 'notes.txt'} is not a spreadsheet strategy-site reads: save it as .xlsx, .ods or .csv",
    ]


def test_a_sheet_without_the_headings_says_which_headings_are_needed(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "figures.csv"
    path.write_text("indicator,period,value\nburglary-rate,2025/26,10\n", encoding="utf-8")
    status, lines = run_import(capsys, str(path))
    assert status == 1
    assert lines[-4:-2] == [
        f"{path}: error: no sheet in the file has the headings of a return",
        "  fix: keep the heading row the export wrote; a table needs the headings Indicator, Series, Period and New figure (figures); "
        "Action and New status (actions) (a CSV file holds one sheet: save the Figures or the Actions sheet as CSV)",
    ]


# --- hostile cells ------------------------------------------------------------------------------------------


def test_a_commentary_that_looks_like_yaml_is_written_as_data(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "ok\n---\nstatus: complete\n- action: XX-99 # {x: [1"
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Actions": {"G4": "at risk", "H4": hostile}, "Figures": {"L4": 18.7, "M4": "'; rm -rf / #: {"}})
    assert run_import(capsys, str(filled), "--write")[0] == 0
    project = load_project(source)
    (draft,) = project.draft_updates
    assert [(a.action, a.status, a.commentary) for a in draft.actions] == [("SA-04", "at risk", hostile)]
    assert project.figures(project.indicator_by_id["burglary-rate"], "renewal-areas")[-1].note == "'; rm -rf / #: {"


def test_a_commentary_with_a_control_character_is_refused_at_its_cell(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "actions.csv"
    path.write_text("Action,New status,Commentary\nSA-04,at risk,fine\x1b[2J\n", encoding="utf-8")
    status, lines = run_import(capsys, str(path), "--write")
    assert status == 1
    assert lines[-4:-2] == [f"{path}:C2: error: the text holds an invisible control character (U+001B)", "  fix: delete it, or type the text again"]
    unchanged_except(source)


def test_the_import_writes_nothing_outside_the_source_folder(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(source / "progress")
    (source / "progress").symlink_to(outside, target_is_directory=True)
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Actions": {"G4": "at risk", "H4": "Two cameras are late."}})
    status, lines = run_import(capsys, str(filled), "--write")
    assert status == 1
    assert "strategy_src/progress: error: the progress folder leads outside the source folder, so the import does not write the draft " \
           "progress update there" in lines
    assert list(outside.iterdir()) == []


# --- a cell read as a figure -------------------------------------------------------------------------------


@pytest.mark.parametrize("value, percent, unit_in_per_cent, figure", [
    (12.5, False, False, 12.5), ("1,234", False, False, 1234.0), ("£45,000", False, False, 45000.0), (" 7 ", False, False, 7.0),
    ("12.5%", False, True, 12.5), (0.125, True, True, 12.5), ("\u22123.5", False, False, -3.5), (0.1 + 0.2, False, False, 0.3),
    ("n/a", False, False, None), ("-", False, False, None), ("..", False, False, None),
])
def test_a_figure_is_read_as_the_partner_typed_it(value: object, percent: bool, unit_in_per_cent: bool, figure: float | None) -> None:
    assert values.figure(Cell(value, 4, 12, percent), unit_in_per_cent) == figure  # type: ignore[arg-type]


@pytest.mark.parametrize("value, message", [
    ("1,5", '"1,5" is not a figure'), (True, "TRUE is a yes/no value, not a figure"),
    (dt.datetime(2026, 3, 1), "2026-03-01 is a date, not a figure"), ("=SUM(A1:A3)", '"=SUM(A1:A3)" is a formula saved as text, not a figure'),
    (1e16, "1e+16 is too large a figure"), ("9" * 400, '"' + "9" * 60 + '..." is too large a figure'),  # typed, it was "inf"
])
def test_a_cell_that_is_not_a_figure_says_why(value: object, message: str) -> None:
    with pytest.raises(values.CellProblem) as problem:
        values.figure(Cell(value, 4, 12), False)  # type: ignore[arg-type]
    assert problem.value.message == message


def test_a_draft_progress_update_is_checked_like_any_other(source: Path) -> None:
    (source / "progress/2026-12-07-draft.md").write_text(
        "---\ntitle: Draft\npublished: 2026-12-07\ncovers: 2026/27 Q2\ndraft: true\nactions:\n"
        "  - action: SA-40\n    status: at risk\n    commentary: Late.\n---\n\nDraft.\n", encoding="utf-8")
    findings = run_checks(load_project(source), dt.date(2026, 12, 7))
    assert [(f.code, f.line) for f in findings if f.path.endswith("2026-12-07-draft.md")] == [("SS444", 5), ("SS106", 7)]  # unknown action


def test_a_formula_saved_without_its_result_is_a_problem_not_an_empty_cell(source: Path, tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # Programs that never calculate (openpyxl among them) save a formula with no result; Excel and LibreOffice save both.
    assert problems_for(source, tmp_path, capsys, {"Figures": {"L4": "=18+0.7"}}) == [
        'Figures!L4: error: the formula "=18+0.7" was saved without its result',
        "  fix: open the file in Excel, LibreOffice or Google Sheets and save it again, so the result is saved with it; or type the figure",
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".xlsx", ".ods", ".csv"]))
def test_any_bytes_given_as_a_return_end_in_problems_never_a_traceback(source: Path, tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"return{suffix}"
    path.write_bytes(content)
    reconcile(load_project(source), [(path, path.name)])


def test_an_ods_file_with_an_entity_bomb_is_refused_plainly(source: Path, tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + ']><office:document-content>&i;</office:document-content>')
    path = tmp_path / "bomb.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", bomb)
    (problem,) = reconcile(load_project(source), [(path, "bomb.ods")]).problems
    assert problem.where == "bomb.ods" and problem.message.startswith("bomb.ods could not be read as ODS")


def test_replace_corrects_a_figure_where_it_was_recorded_even_in_a_progress_update(source: Path, tmp_path: Path,
                                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # The headline burglary rate for 2025/26 (10.2) was reported in the progress update of November 2026.
    path = tmp_path / "revised.csv"
    path.write_text("Indicator,Series,Period,New figure,Note\nburglary-rate,headline,2025/26,10.4,Revised by the police in December\n",
                    encoding="utf-8")
    status, lines = run_import(capsys, str(path), "--write", "--replace")
    assert status == 0
    assert changed(source / "progress/2026-11-12-quarter-2.md") == [
        "-    value: 10.2", "-    note: Confirmed by Northmarch Police in October 2026.",
        "+    value: 10.4", "+    note: Revised by the police in December",
    ]
    unchanged_except(source, "progress/2026-11-12-quarter-2.md")


def test_the_demos_export_filled_in_messily_by_a_partner_imports_exactly_and_checks_clean(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = load_workbook(export())
    figures, actions = book["Figures"], book["Actions"]
    figures.protection.sheet = actions.protection.sheet = False  # the partner unprotects it to rearrange it
    figures.title = "Q4 figures (police)"
    figures.insert_cols(1)  # a column of the partner's own, in front: every column moves one to the right
    figures["A3"], figures["A4"] = "Our ref", "BR-1"
    figures["M4"] = 18.7
    figures["M5"], figures["N5"] = "21,9", None  # a European decimal comma: a problem, at its cell
    figures["M6"] = 16
    figures["M12"], figures["M12"].number_format = 0.26, "0%"  # domestic abuse repeats: a percentage
    figures.row_dimensions[7].hidden = True
    figures["M7"] = 14.2
    actions["G4"], actions["H4"] = "At Risk", "Two of the five cameras are not yet installed."
    messy = tmp_path / "police-returns.xlsx"
    book.save(messy)

    status, lines = run_import(capsys, str(messy), "--write")
    assert status == 1
    assert [line for line in lines if "error" in line] == [f"{messy}:'Q4 figures (police)'!M5: error: \"21,9\" is not a figure"]
    unchanged_except(source)

    figures["M5"] = 21.9
    book.save(messy)
    status, lines = run_import(capsys, str(messy), "--write")
    assert status == 0
    assert f"{messy}:'Q4 figures (police)'!M7: note: this row is hidden in the spreadsheet; it was read like the others" in lines
    assert changed(source / "indicators/burglary-rate.yml") == [
        "+      - {period: 2025/26, value: 18.7}", "+      - {period: 2025/26, value: 21.9}",
        "+      - {period: 2025/26, value: 16}", "+      - {period: 2025/26, value: 14.2}",
    ]
    assert changed(source / "indicators/domestic-abuse-repeat.yml") == ["+  - period: 2025/26", "+    value: 26"]
    findings = run_checks(load_project(source), dt.date(2026, 12, 7))
    assert [(f.code, f.path) for f in findings] == [("SS444", "strategy_src/progress/2026-12-07-partners-returns.md")]


def test_the_ods_workbook_protects_its_sheets_and_offers_the_statuses_as_a_list(source: Path) -> None:
    with zipfile.ZipFile(export(form="ods")) as archive:
        content = archive.read("content.xml").decode("utf-8")
    assert content.count('table:protected="true"') == 3
    assert """table:condition='of:cell-content-is-in-list("complete";"on track";"at risk";"off track";"not started";"dropped")'""" in content
    assert 'style:cell-protect="none"' in content  # the yellow columns to fill in
    assert content.count('table:content-validation-name="status"') == 1  # SA-04's New status


# --- found by the attacker's trial of issue 13 -------------------------------------------------------------------


def rewritten(path: Path, member: str, change: Callable[[str], str]) -> None:
    """The workbook at ``path`` with one member of its zip changed as text, as a hand-edited or crafted file would be."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content.decode("utf-8")).encode("utf-8") if info.filename == member else content)
    path.write_bytes(out.getvalue())


def test_an_xlsx_merged_range_over_the_whole_sheet_is_refused_at_once(source: Path, tmp_path: Path) -> None:
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Figures": {"L4": 18.7}})
    rewritten(filled, "xl/worksheets/sheet2.xml",
              lambda xml: xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="L4:XFD1048576"/></mergeCells>', 1))
    started = time.perf_counter()
    (problem,) = reconcile(load_project(source), [(filled, "police-returns.xlsx")]).problems
    assert time.perf_counter() - started < 5
    assert problem.message == ("police-returns.xlsx has merged cells (L4:XFD1048576) that cover more than 2,000,000 cells, far more than a "
                               "return holds: unmerge them (select the sheet, then Merge cells > Unmerge) and save it again")


def test_an_ods_cell_spanning_the_whole_sheet_is_refused_at_once(source: Path, tmp_path: Path) -> None:
    path = export(form="ods")
    empty_figure = '<table:table-cell table:style-name="open" table:content-validation-name="figure"/>'
    spanning = ('<table:table-cell table:style-name="open" table:content-validation-name="figure" table:number-columns-spanned="16384" '
                'table:number-rows-spanned="1048576" office:value-type="float" office:value="18.7"><text:p>18.7</text:p></table:table-cell>')
    rewritten(path, "content.xml", lambda xml: xml.replace(empty_figure, spanning, 1))
    started = time.perf_counter()
    (problem,) = reconcile(load_project(source), [(path, "police-returns.ods")]).problems
    assert time.perf_counter() - started < 5
    assert problem.message == ("police-returns.ods has merged cells in sheet Figures that cover more than 2,000,000 cells, far more than a "
                               "return holds: unmerge them (select the sheet, then Merge cells > Unmerge) and save it again")


@pytest.mark.parametrize(("column", "message"), [
    ("figure", 'Figures!L4: error: "NaN" is not a figure'),
    ("period", 'Figures!E4: error: "NaN" is not a period strategy-site understands; write a year (2025), a financial year (2025/26), an '
               "academic year (2024/25 academic year), a quarter (2025 Q3, or 2025/26 Q1 for the financial year), a month (2025-09 or Sep 2025), "
               "a day (2025-09-30), or a span of them joined by 'to' (2018 to 2020, 2022/23 to 2024/25)"),
])
def test_an_ods_number_that_is_not_a_number_is_a_problem_at_its_cell_not_a_traceback(source: Path, tmp_path: Path,
                                                                                      capsys: pytest.CaptureFixture[str], column: str,
                                                                                      message: str) -> None:
    path = export(form="ods")
    empty_figure = '<table:table-cell table:style-name="open" table:content-validation-name="figure"/>'
    not_a_number = '<table:table-cell office:value-type="float" office:value="NaN"><text:p>NaN</text:p></table:table-cell>'
    if column == "figure":
        rewritten(path, "content.xml", lambda xml: xml.replace(empty_figure, not_a_number, 1))
    else:
        period = '<table:table-cell table:style-name="cell" office:value-type="string"><text:p>2025/26</text:p></table:table-cell>'
        rewritten(path, "content.xml", lambda xml: xml.replace(period, not_a_number, 1).replace(empty_figure, not_a_number.replace("NaN", "18.7"), 1))
    status, lines = run_import(capsys, str(path), "--write")
    assert status == 1
    assert [line.replace(f"{path}:", "") for line in lines if ": error: " in line] == [message]
    unchanged_except(source)


def test_a_period_of_another_kind_than_the_series_is_a_problem_at_its_cell(source: Path, tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # A calendar year or a month among financial years was written, and charted between two of them.
    assert problems_for(source, tmp_path, capsys, {"Figures": {"E4": "2025", "L4": 18.7, "E5": "March 2026", "L5": 21.9}}) == [
        "Figures!E4: error: 2025 is not a period like this series' others, such as 2024/25",
        "  fix: type the period as the sheet gave it, written like 2024/25",
        "Figures!E5: error: March 2026 is not a period like this series' others, such as 2024/25",
        "  fix: type the period as the sheet gave it, written like 2024/25",
    ]


def test_a_period_written_another_way_is_written_as_the_series_writes_it(source: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Figures": {"E12": "2025-26", "L12": 26}})
    assert run_import(capsys, str(filled), "--write")[0] == 0
    assert changed(source / "indicators" / "domestic-abuse-repeat.yml") == ["+  - period: 2025/26", "+    value: 26"]


def test_a_figure_for_a_period_that_has_not_ended_is_a_problem_at_its_period(source: Path, tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert problems_for(source, tmp_path, capsys, {"Figures": {"E4": "2030/31", "L4": 18.7, "E5": "2026/27", "L5": 21.9}}) == [
        "Figures!E4: error: 2030/31 has not ended yet (it ends on 31 March 2031), so it can have no figure",
        "  fix: check the period: a return gives figures for periods that have ended",
        "Figures!E5: error: 2026/27 has not ended yet (it ends on 31 March 2027), so it can have no figure",
        "  fix: check the period: a return gives figures for periods that have ended",
    ]


def test_a_file_with_windows_line_endings_keeps_them_and_changes_only_the_new_lines(source: Path, tmp_path: Path,
                                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = source / "indicators" / "domestic-abuse-repeat.yml"
    original = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Figures": {"L12": 26}})
    assert run_import(capsys, str(filled), "--write")[0] == 0
    assert path.read_bytes() == original.replace(b"responsible: police", b"  - period: 2025/26\r\n    value: 26\r\nresponsible: police")


def test_a_file_with_a_byte_order_mark_keeps_it_and_takes_the_figure(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = source / "indicators" / "domestic-abuse-repeat.yml"
    original = b"\xef\xbb\xbf" + path.read_bytes()
    path.write_bytes(original)
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Figures": {"L12": 26}})
    assert run_import(capsys, str(filled), "--write")[0] == 0
    assert path.read_bytes() == original.replace(b"responsible: police", b"  - period: 2025/26\n    value: 26\nresponsible: police")


def test_notes_that_would_make_a_file_too_large_for_check_are_a_problem_and_nothing_is_written(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "figures.csv"
    rows = [f"burglary-rate,northgate,{year}/{(year + 1) % 100:02d},{year - 1990},{'x' * 120_000}" for year in range(2000, 2020)]
    path.write_text("\n".join(["Indicator,Series,Period,New figure,Note", *rows]) + "\n", encoding="utf-8")
    status, lines = run_import(capsys, str(path), "--write")
    assert status == 1
    assert lines[-4:] == [
        "strategy_src/indicators/burglary-rate.yml: error: the import would make this file 2.3 MB, larger than the 2 MB strategy-site reads",
        "  fix: shorten the long notes and commentary in the return: a sentence or two each is enough",
        "",
        "Nothing written: 1 problem to fix first, then import again.",
    ]
    unchanged_except(source)


def test_a_figure_shared_with_the_baseline_through_an_alias_is_not_replaced_in_both(source: Path, tmp_path: Path,
                                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = source / "indicators" / "domestic-abuse-repeat.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("baseline:\n  value: 31", "baseline: &base\n  value: 31").replace(
        "values:\n  - period: 2020/21\n    value: 31\n", "values:\n  - *base\n"), encoding="utf-8")
    before = path.read_bytes()
    revised = tmp_path / "figures.csv"
    revised.write_text("Indicator,Series,Period,New figure,Note\ndomestic-abuse-repeat,headline,2020/21,33,Revised by the coordinator\n",
                       encoding="utf-8")
    status, lines = run_import(capsys, str(revised), "--write", "--replace")
    assert status == 1
    assert lines[-4:-2] == [
        "strategy_src/indicators/domestic-abuse-repeat.yml: error: domestic-abuse-repeat's figures for 2020/21 are written once and used again "
        "through the alias *base, so the import cannot change them without changing the other place too",
        "  fix: write them out in full where the series lists them (in place of *base), then import again",
    ]
    assert path.read_bytes() == before


def test_export_does_not_write_through_a_link_into_the_source_folder(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (source / "partnership.yml").read_bytes()
    Path("returns").mkdir()
    Path("returns/police-returns.xlsx").symlink_to(source / "partnership.yml")
    assert main(["returns", "export", "strategy_src", "--partner", "police", "--today", TODAY]) == 2
    assert capsys.readouterr().err.strip() == ("strategy-site: 'returns/police-returns.xlsx' is a link into the source folder, which the site "
                                               "publishes: delete the link, or write the workbooks somewhere else with --out")
    assert (source / "partnership.yml").read_bytes() == before


def test_export_replaces_a_link_elsewhere_instead_of_writing_through_it(source: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "notes.txt"
    elsewhere.write_text("the officer's own notes\n", encoding="utf-8")
    Path("returns").mkdir()
    Path("returns/police-returns.xlsx").symlink_to(elsewhere)
    path = export()
    assert not path.is_symlink() and load_workbook(path).sheetnames == ["How to fill this in", "Figures", "Actions"]
    assert elsewhere.read_text(encoding="utf-8") == "the officer's own notes\n"


def test_export_refuses_a_partnership_whose_documents_could_not_all_be_read(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The action with a control character in its title was left out of the model, so out of the police's return.
    path = source / "action-plans" / "2026-27-delivery-plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    title: Neighbourhood watch for the renewal areas",
                                                             '    title: "Neighbourhood watch\\x0bfor the renewal areas"'), encoding="utf-8")
    assert main(["returns", "export", "strategy_src", "--partner", "police", "--today", TODAY]) == 2
    assert capsys.readouterr().err.strip() == ("strategy-site: strategy_src/action-plans/2026-27-delivery-plan.yml has errors that leave what "
                                               "they say out of the returns: run strategy-site check strategy_src and fix it first")
    assert not Path("returns").exists()


def test_a_workbook_with_too_many_cells_is_refused_before_it_is_loaded(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # openpyxl builds an object for every cell: 2.4 million small cells, 9 MB zipped, took 32 s and 1.5 GB before being refused.
    monkeypatch.setattr(cells, "MAX_CELLS", 1_000)
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Figures": {f"{column}{row}": 1 for row in range(13, 113) for column in "ABCDEFGHIJKLM"}})
    (problem,) = reconcile(load_project(source), [(filled, "police-returns.xlsx")]).problems
    assert problem.message == ("police-returns.xlsx has more than 1,000 cells, far more than a return holds: delete the sheets and rows that "
                               "are not part of the return and save it again")


def test_an_ods_workbook_with_too_many_cells_is_refused_before_it_is_parsed(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every element of content.xml takes memory once parsed: a 1 MB file of 3 million cells took 10 s and 1.8 GB before being refused.
    monkeypatch.setattr(cells, "MAX_CELLS", 1_000)
    path = export(form="ods")
    row = "<table:table-row>" + '<table:table-cell office:value-type="float" office:value="1"/>' * 10 + "</table:table-row>"
    rewritten(path, "content.xml", lambda xml: xml.replace("</table:table></office:spreadsheet>", row * 100 + "</table:table></office:spreadsheet>", 1))
    (problem,) = reconcile(load_project(source), [(path, "police-returns.ods")]).problems
    assert problem.message == ("police-returns.ods has more than 1,000 cells, far more than a return holds: delete the sheets and rows that "
                               "are not part of the return and save it again")


def test_import_refuses_a_partnership_whose_indicator_could_not_be_read_instead_of_saying_it_does_not_exist(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = tmp_path / "police-returns.xlsx"
    fill_xlsx(export(), filled, {"Figures": {"L12": 26}})
    path = source / "indicators" / "domestic-abuse-repeat.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("better: lower", "better: lowr"), encoding="utf-8")
    assert main(["returns", "import", str(filled), "--write", "--today", TODAY]) == 2
    assert capsys.readouterr().err.strip() == ("strategy-site: strategy_src/indicators/domestic-abuse-repeat.yml has errors that stop the import "
                                               "reading returns against them: run strategy-site check strategy_src and fix it first")


def test_a_replaced_figure_whose_note_stays_says_so_in_the_dry_run(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = source / "indicators" / "domestic-abuse-repeat.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    value: 28\n", "    value: 28\n    note: 'Provisional: March estimated'\n"),
                    encoding="utf-8")
    revised = tmp_path / "figures.csv"
    revised.write_text("Indicator,Series,Period,New figure,Note\ndomestic-abuse-repeat,headline,2024/25,29,\n", encoding="utf-8")
    status, lines = run_import(capsys, str(revised), "--replace")
    assert status == 0
    assert lines[0] == f'{revised}:D2: domestic-abuse-repeat, 2024/25: 29 in place of 28 (the note recorded with it stays: "Provisional: March estimated")'


def test_a_workbook_with_too_many_shared_texts_is_refused_before_it_is_loaded(source: Path, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # 8 million one-letter texts zip to 340 KB; openpyxl took 96 s and 800 MB to read them, though no cell used them.
    monkeypatch.setattr(cells, "MAX_CELLS", 1_000)
    path = export()
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         + "<si><t>a</t></si>" * 1_001 + "</sst>")
    (problem,) = reconcile(load_project(source), [(path, "police-returns.xlsx")]).problems
    assert problem.message == ("police-returns.xlsx holds more than 1,000 texts, far more than a return holds: delete the sheets and rows that "
                               "are not part of the return and save it again")
