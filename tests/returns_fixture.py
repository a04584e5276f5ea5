"""Partners' returns for the tests: the demo exported, and filled in as Excel, LibreOffice and Google Sheets
users fill them in."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.conftest import REPO

TODAY = "2026-12-07"


def demo_copy(tmp_path: Path) -> Path:
    """A copy of the demo's strategy_src in tmp_path, with the working directory expected at tmp_path."""
    target = tmp_path / "strategy_src"
    shutil.copytree(REPO / "strategy_src", target)
    return target


def fill_xlsx(path: Path, out: Path, cells: dict[str, dict[str, object]], formats: dict[str, str] | None = None) -> None:
    """Type values into the workbook at ``path`` as a partner would, by sheet and cell, and save it as ``out``."""
    book = load_workbook(path)
    for sheet, values in cells.items():
        for ref, value in values.items():
            book[sheet][ref] = value
            if formats and ref in formats:
                book[sheet][ref].number_format = formats[ref]
    book.save(out)


def with_cached_formula(path: Path, sheet_index: int, ref: str, formula: str, cached: str) -> None:
    """Make the cell ``ref`` a formula with a saved result, as Excel and LibreOffice save one (openpyxl cannot)."""
    name = f"xl/worksheets/sheet{sheet_index}.xml"
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == name:
                text = content.decode()
                text, count = re.subn(rf'<c r="{ref}"([^>]*?)(/>|>.*?</c>)', rf'<c r="{ref}"\1><f>{formula}</f><v>{cached}</v></c>', text, count=1)
                assert count == 1, f"no cell {ref} in {name}"
                content = text.encode()
            target.writestr(info, content)
    path.write_bytes(out.getvalue())


# --- the same return, as each program saves it ----------------------------------------------------------------
# The police's figures for 2025/26, re-made by an analyst the way real returns arrive: a title above, columns in
# another order with one of their own, blank rows, a hidden row, the indicator merged down its rows, a formula,
# a percentage, periods typed as dates, and a second table below the first.


@dataclass(frozen=True)
class Percent:
    fraction: float


@dataclass(frozen=True)
class Formula:
    formula: str
    result: float


HEADINGS = ["Period", "Indicator", "Series", "New figure", "Checked by", "Note"]
SECOND_HEADINGS = ["Indicator", "Series", "Period", "Note", "New figure"]
MESSY_ROWS: list[list[object]] = [
    ["Northmarch Police: quarterly return to Ravensholt Together"],
    [],
    HEADINGS,
    ["2025/26", "burglary-rate", "renewal-areas", Formula("18+0.7", 18.7), "J. Patel", None],
    [dt.date(2026, 3, 31), "burglary-rate", "northgate", " 21.9 ", "J. Patel", "Provisional"],
    [],
    [46112, "burglary-rate", "saltmarsh", 16, "J. Patel", None],  # 46112 is Excel's serial for 31 March 2026
    ["31/03/2026", "burglary-rate", "kiln-lane", "14.2", None, None],
    ["2025/26", "burglary-rate", "town-centre", 11, None, None],  # hidden
    ["2025/26", "domestic-abuse-repeat", "headline", Percent(0.26), None, "£ figures not affected"],
    [],
    SECOND_HEADINGS,
    ["burglary-rate", "lowmoor", "2025/26", None, "3.7"],
]
HIDDEN_ROW = 9
MERGED = ("B4:B5", "B7:B9")  # the indicator, typed once for the rows below it
EXPECTED_CHANGES = [
    ("burglary-rate", "renewal-areas", "2025/26", 18.7), ("burglary-rate", "northgate", "2025/26", 21.9),
    ("burglary-rate", "saltmarsh", "2025/26", 16.0), ("burglary-rate", "kiln-lane", "2025/26", 14.2),
    ("burglary-rate", "town-centre", "2025/26", 11.0), ("domestic-abuse-repeat", "headline", "2025/26", 26.0),
    ("burglary-rate", "lowmoor", "2025/26", 3.7),
]


def _merged_away(row: int, column: int) -> bool:
    """Whether the cell is covered by a merged cell above it (its value is not written)."""
    for merged in MERGED:
        first, last = merged.split(":")
        col = ord(first[0]) - 64
        if column == col and int(first[1:]) < row <= int(last[1:]):
            return True
    return False


def excel_workbook(path: Path) -> None:
    """As Excel saves it: real dates, a percentage format, a formula with its saved result, merged cells."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Police Q4 return"
    formulas = []
    for r, row in enumerate(MESSY_ROWS, start=1):
        for c, value in enumerate(row, start=1):
            if value is None or _merged_away(r, c):
                continue
            cell = sheet.cell(r, c)
            if isinstance(value, Percent):
                cell.value, cell.number_format = value.fraction, "0.0%"
            elif isinstance(value, Formula):
                cell.value = 0
                formulas.append((cell.coordinate, value))
            else:
                cell.value = value
                if isinstance(value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
    for merged in MERGED:
        sheet.merge_cells(merged)
    sheet.row_dimensions[HIDDEN_ROW].hidden = True
    book.create_sheet("Notes")["A1"] = "Figures checked against the crime recording system on 2 December."
    book.save(path)
    for ref, formula in formulas:
        with_cached_formula(path, 1, ref, formula.formula, f"{formula.result}")


def libreoffice_workbook(path: Path) -> None:
    """As LibreOffice saves it: covered cells under a merge, repeated empty cells and rows, a collapsed row,
    percentage and date value types, and a formula with its saved result."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Police Q4 return")
    for r, row in enumerate(MESSY_ROWS, start=1):
        element = TableRow(visibility="collapse") if r == HIDDEN_ROW else TableRow()
        if not row:
            element.addElement(TableCell(numbercolumnsrepeated=1024))
        for c, value in enumerate(row, start=1):
            if _merged_away(r, c):
                element.addElement(CoveredTableCell())
                continue
            spanned = {"numberrowsspanned": 2} if (r, c) in ((4, 2),) else {"numberrowsspanned": 3} if (r, c) == (7, 2) else {}
            if value is None:
                cell = TableCell(**spanned)
            elif isinstance(value, Percent):
                cell = TableCell(valuetype="percentage", value=value.fraction, **spanned)
                cell.addElement(P(text=f"{value.fraction * 100:.1f}%"))
            elif isinstance(value, Formula):
                cell = TableCell(valuetype="float", value=value.result, formula=f"of:={value.formula}", **spanned)
                cell.addElement(P(text=f"{value.result}"))
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), **spanned)
                cell.addElement(P(text=value.strftime("%d/%m/%Y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value, **spanned)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string", **spanned)
                cell.addElement(P(text=str(value)))
            element.addElement(cell)
        table.addElement(element)
    table.addElement(TableRow(numberrowsrepeated=1048000))  # the empty rest of the sheet, as LibreOffice writes it
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def google_sheets_csv(path: Path) -> None:
    """As Google Sheets downloads a sheet as CSV: UTF-8, commas, values as shown (26.0%, 31/03/2026); merged cells
    and hidden rows are gone, so the indicator is typed on each row."""
    path.write_bytes(_csv(lambda value: f"{value.fraction * 100:.1f}%" if isinstance(value, Percent) else None, ",").encode("utf-8"))


def excel_csv(path: Path) -> None:
    """As Excel on Windows saves "CSV (comma delimited)": Windows-1252, where £ is one byte."""
    path.write_bytes(_csv(lambda value: f"{value.fraction * 100:.0f}%" if isinstance(value, Percent) else None, ",").encode("cp1252"))


def _csv(percent: Callable[[object], str | None], separator: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    for row in MESSY_ROWS:
        shown = []
        for value in row:
            if isinstance(value, Formula):
                value = value.result
            elif isinstance(value, dt.date):
                value = value.strftime("%d/%m/%Y")
            shown.append(percent(value) or ("" if value is None else str(value)))
        writer.writerow(shown)
    return out.getvalue()
