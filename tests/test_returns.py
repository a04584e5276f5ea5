"""Partners' returns: the demo's workbooks exported, filled in as partners fill them, and imported back into the
YAML with officers' comments intact, every problem placed at its cell, and nothing half-written."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from strategy_site.check import run_checks
from strategy_site.cli import main
from strategy_site.findings import Severity
from strategy_site.model.project import load_project
from strategy_site.returns.cells import read_file
from strategy_site.returns.tables import find_tables
from tests.conftest import REPO
from tests.returns_fixture import TODAY, demo_copy, fill_xlsx


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
