"""Spreadsheets read into cells that know their place: XLSX (openpyxl), ODS (its XML, read directly) and CSV.

What the partner sees is what is read: a formula's saved result, a merged cell's value in every cell it covers, a
percentage as the percentage shown. Hidden rows are read like the others (a figure is no less a figure for
being hidden), and are marked so the import can say so. A file that is not a spreadsheet, or too large, is a
``SheetError`` with a plain message, never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils import get_column_letter

CellValue = str | float | int | dt.date | dt.datetime | bool

MAX_FILE_BYTES = 20 * 1024 * 1024  # a quarterly return is kilobytes; this leaves room for pasted pictures
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a zip bomb stops here
MAX_CELLS = 2_000_000
SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")


class SheetError(Exception):
    """The file cannot be read as a spreadsheet; the message says why and what to do."""


@dataclass(frozen=True)
class Cell:
    value: CellValue
    row: int  # 1-based
    column: int  # 1-based
    percent: bool = False  # shown as a percentage: the value is the fraction (0.125 for 12.5%)
    unsaved_formula: bool = False  # a formula saved without its result (the value is the formula): nothing to read


@dataclass
class Grid:
    """One sheet's non-empty cells by row and column, and which rows are hidden."""

    file: str  # as the user named it
    name: str | None  # the sheet's name; None for a CSV file
    rows: dict[int, dict[int, Cell]] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)

    def put(self, cell: Cell) -> None:
        self.rows.setdefault(cell.row, {})[cell.column] = cell

    def where(self, row: int, column: int | None = None) -> str:
        """``police-returns.xlsx:Figures!D7``, ``'Police figures'!D7`` for a name with spaces, ``returns.csv:D7``."""
        place = f"{get_column_letter(column)}{row}" if column else f"row {row}"
        if self.name is None:
            return f"{self.file}:{place}"
        name = self.name if re.fullmatch(r"[A-Za-z0-9_.]+", self.name) else "'" + self.name.replace("'", "''") + "'"
        return f"{self.file}:{name}!{place}"


def read_file(path: Path, shown: str) -> list[Grid]:
    """Every sheet of the file at ``path`` (``shown`` is how messages name it)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(f"{shown} is not a spreadsheet strategy-site reads: save it as .xlsx, .ods or .csv")
    try:
        if not path.is_file():
            raise SheetError(f"there is no file {shown}" if not path.exists() else f"{shown} is not a file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SheetError(f"{shown} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB; a return should be far smaller: "
                             "delete pictures and sheets that are not part of the return")
        data = path.read_bytes()
    except OSError as error:
        raise SheetError(f"{shown} could not be read: {error.strerror or error}") from None
    if suffix == ".csv":
        return [read_csv(data, shown)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        kind = suffix[1:].upper()  # XLSX or ODS: both read with "an"
        raise SheetError(f"{shown} is not an {kind} workbook (it may be damaged, or another kind of file renamed): "
                         f"open it in your spreadsheet program and save it again as {kind}") from None
    with archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise SheetError(f"{shown} unpacks to more than {MAX_UNPACKED_BYTES // 1024 // 1024} MB, far more than a return holds")
        try:
            if suffix == ".ods":
                return read_ods(archive, shown)
            _within_limits(archive, shown)
            return read_xlsx(data, shown)
        except SheetError:
            raise
        except Exception as error:  # openpyxl and the XML parser raise many kinds for a damaged file
            raise SheetError(f"{shown} could not be read as {suffix[1:].upper()} ({type(error).__name__}): open it in your "
                             f"spreadsheet program and save it again as {suffix[1:].upper()}") from None


# --- XLSX ------------------------------------------------------------------------------------------------


_MERGE = re.compile(rb'<(?:[A-Za-z0-9_]+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}[0-9]{1,7}):([A-Za-z]{1,3}[0-9]{1,7})"')
_CELL_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?c[\s/>]")
_STRING_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?si[\s/>]")


def _within_limits(archive: zipfile.ZipFile, shown: str) -> None:
    """Refuse more cells, or merged ranges covering more cells, than a return holds, before openpyxl makes an object for
    every one (a few megabytes of zipped cells took gigabytes and a minute, 340 KB of repeated texts 96 s; one merged range over a whole sheet is 17
    billion cells: the import would never finish)."""
    from openpyxl.utils.cell import range_boundaries

    covered = 0
    cells = 0
    for info in archive.infolist():
        if info.filename.lower().endswith("sharedstrings.xml"):  # the texts of cells, each kept in memory however few cells use them
            strings = sum(1 for _ in _STRING_TAG.finditer(archive.read(info)))
            if strings > MAX_CELLS:
                raise SheetError(f"{shown} holds more than {MAX_CELLS:,} texts, far more than a return holds: delete the sheets and rows "
                                 "that are not part of the return and save it again")
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        xml = archive.read(info)
        cells += sum(1 for _ in _CELL_TAG.finditer(xml))
        if cells > MAX_CELLS:
            raise SheetError(f"{shown} has more than {MAX_CELLS:,} cells, far more than a return holds: delete the sheets and rows "
                             "that are not part of the return and save it again")
        for match in _MERGE.finditer(xml):
            ref = f"{match.group(1).decode()}:{match.group(2).decode()}"
            low_column, low_row, high_column, high_row = (bound or 0 for bound in range_boundaries(ref))
            covered += (abs(high_column - low_column) + 1) * (abs(high_row - low_row) + 1)
            if covered > MAX_CELLS:
                raise SheetError(f"{shown} has merged cells ({ref}) that cover more than {MAX_CELLS:,} cells, far more than a return "
                                 "holds: unmerge them (select the sheet, then Merge cells > Unmerge) and save it again")


def read_xlsx(data: bytes, shown: str) -> list[Grid]:
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of extensions it does not read, such as slicers
        book = load_workbook(io.BytesIO(data), data_only=True)  # data_only: a formula's saved result
    grids = []
    for sheet in book.worksheets:
        grid = Grid(shown, sheet.title)
        count = 0
        for row in sheet.iter_rows():
            for item in row:
                value = item.value
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                count += 1
                if count > MAX_CELLS:
                    raise SheetError(f"{shown} has more than {MAX_CELLS:,} cells in sheet {sheet.title}, far more than a return holds")
                if not isinstance(value, str | int | float | dt.date):
                    value = str(value)  # rich text, a time or an array formula's result: read as the text shown
                percent = isinstance(value, int | float) and "%" in (item.number_format or "")
                grid.put(Cell(value, item.row or 0, item.column or 0, percent))
        for merged in sheet.merged_cells.ranges:  # the value sits in the top-left cell: it counts for the whole range
            top = grid.rows.get(merged.min_row, {}).get(merged.min_col)
            if top is None:
                continue
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if (r, c) != (merged.min_row, merged.min_col):
                        grid.put(Cell(top.value, r, c, top.percent))
        grid.hidden = {number for number, dimension in sheet.row_dimensions.items() if dimension.hidden}
        grids.append(grid)
    _unsaved_formulas(data, grids)
    return grids


def _unsaved_formulas(data: bytes, grids: list[Grid]) -> None:
    """Mark the formulas saved without a result (as programs that never calculate save them), which the first
    reading, of saved results, saw as empty: an empty cell would silently drop the partner's figure."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)  # the formulas themselves; streamed, so quick
    try:
        for sheet, grid in zip(book.worksheets, grids, strict=True):
            for row in sheet.iter_rows():
                for item in row:
                    value = getattr(item, "value", None)
                    if isinstance(value, str) and value.startswith("=") and getattr(item, "data_type", "") == "f":
                        r, c = getattr(item, "row", 0), getattr(item, "column", 0)
                        if c not in grid.rows.get(r, {}):
                            grid.put(Cell(value, r, c, unsaved_formula=True))
    finally:
        book.close()


# --- ODS -------------------------------------------------------------------------------------------------

_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


_TABLE, _ROW, _CELL, _COVERED = _q("table", "table"), _q("table", "table-row"), _q("table", "table-cell"), _q("table", "covered-table-cell")
_P = _q("text", "p")
_REPEAT_COLUMNS, _REPEAT_ROWS = _q("table", "number-columns-repeated"), _q("table", "number-rows-repeated")
_SPAN_COLUMNS, _SPAN_ROWS = _q("table", "number-columns-spanned"), _q("table", "number-rows-spanned")
_VALUE_TYPE, _VALUE, _DATE = _q("office", "value-type"), _q("office", "value"), _q("office", "date-value")
_BOOLEAN = _q("office", "boolean-value")


_ODS_ELEMENT = re.compile(rb"<(?:[A-Za-z0-9_.-]+:)?(?:covered-)?table-(?:cell|row)[\s/>]")


def read_ods(archive: zipfile.ZipFile, shown: str) -> list[Grid]:
    try:
        content = archive.read("content.xml")
    except KeyError:
        raise SheetError(f"{shown} is not an ODS workbook (it has no content.xml): save it again as ODS") from None
    # Counted before parsing, which takes memory for every element: a 1 MB file of 3 million cells took 1.8 GB.
    if sum(1 for _ in _ODS_ELEMENT.finditer(content)) > MAX_CELLS:
        raise SheetError(f"{shown} has more than {MAX_CELLS:,} cells, far more than a return holds: delete the sheets and rows "
                         "that are not part of the return and save it again")
    root = ElementTree.fromstring(content)
    return [_ods_table(table, shown) for table in root.iter(_TABLE)]


def _ods_table(table: ElementTree.Element, shown: str) -> Grid:
    grid = Grid(shown, table.get(_q("table", "name"), "Sheet"))
    spans: list[tuple[Cell, int, int]] = []
    row_number = 0
    count = 0
    for row in table.iter(_ROW):
        repeat = int(row.get(_REPEAT_ROWS, "1"))
        cells = [child for child in row if child.tag in (_CELL, _COVERED)]
        filled = any(_ods_value(cell) is not None for cell in cells)
        if not filled:  # LibreOffice ends a sheet with a million empty rows, written once and repeated
            row_number += repeat
            continue
        for _ in range(min(repeat, MAX_CELLS)):
            row_number += 1
            if row.get(_q("table", "visibility"), "visible") != "visible":
                grid.hidden.add(row_number)
            column = 0
            for element in cells:
                times = int(element.get(_REPEAT_COLUMNS, "1"))
                read = _ods_value(element)
                if read is None:
                    column += times
                    continue
                for _ in range(min(times, MAX_CELLS)):
                    column += 1
                    count += 1
                    if count > MAX_CELLS:
                        raise SheetError(f"{shown} has more than {MAX_CELLS:,} cells in sheet {grid.name}, far more than a return holds")
                    cell = Cell(read[0], row_number, column, read[1])
                    grid.put(cell)
                    across, down = int(element.get(_SPAN_COLUMNS, "1")), int(element.get(_SPAN_ROWS, "1"))
                    if across > 1 or down > 1:
                        spans.append((cell, across, down))
    for cell, across, down in spans:  # a merged cell's value counts in every cell it covers
        count += across * down - 1
        if count > MAX_CELLS:
            raise SheetError(f"{shown} has merged cells in sheet {grid.name} that cover more than {MAX_CELLS:,} cells, far more than a "
                             "return holds: unmerge them (select the sheet, then Merge cells > Unmerge) and save it again")
        for r in range(cell.row, cell.row + down):
            for c in range(cell.column, cell.column + across):
                if (r, c) != (cell.row, cell.column):
                    grid.put(Cell(cell.value, r, c, cell.percent))
    return grid


def _ods_value(element: ElementTree.Element) -> tuple[CellValue, bool] | None:
    """A cell's value as shown (a formula's saved result), and whether it is a percentage; None for an empty cell."""
    kind = element.get(_VALUE_TYPE)
    if kind in ("float", "percentage", "currency"):
        number = float(element.get(_VALUE, "nan"))
        if math.isfinite(number):
            return (int(number) if number.is_integer() else number), kind == "percentage"
        # NaN or infinity is no number a partner typed: the text the cell shows, which the import reports as no figure
        return (_ods_text(element) or element.get(_VALUE, "")), False
    if kind == "date":
        text = element.get(_DATE, "")
        try:
            return (dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)), False
        except ValueError:
            return text, False
    if kind == "boolean":
        return element.get(_BOOLEAN) == "true", False
    text = _ods_text(element)
    return (text, False) if text.strip() else None


def _ods_text(element: ElementTree.Element) -> str:
    return "\n".join("".join(p.itertext()) for p in element.iter(_P))


# --- CSV -------------------------------------------------------------------------------------------------


def read_csv(data: bytes, shown: str) -> Grid:
    """A CSV file as Excel, LibreOffice and Google Sheets save it: UTF-8 (with or without a byte order mark) or
    Windows-1252 (Excel's "CSV" on Windows, where £ is one byte), comma, semicolon or tab separated."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    grid = Grid(shown, None)
    count = 0
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
            for column, value in enumerate(row, start=1):
                if value.strip():
                    count += 1
                    if count > MAX_CELLS:
                        raise SheetError(f"{shown} has more than {MAX_CELLS:,} cells, far more than a return holds")
                    grid.put(Cell(value, number, column))
    except csv.Error as error:
        raise SheetError(f"{shown} is not a CSV file strategy-site can read ({error}): save it again as CSV") from None
    return grid
