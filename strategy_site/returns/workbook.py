"""A partner's return as a workbook, XLSX or ODS, laid out as ``layout`` declares.

Every text cell goes through ``spreadsheet_text``, so a title that starts with = cannot run as a formula; the
reference columns and the headings are protected (without a password: the protection stops slips, it is not a
lock), and the columns the partner fills in are left open and shaded. Two exports of the same return are the
same bytes: the files' timestamps are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from strategy_site.model.documents import Direction
from strategy_site.model.fields import MAX_FIGURE
from strategy_site.model.progress import ACTION_STATUSES
from strategy_site.render.spreadsheets import FIXED_TIME, cell_text, stable_zip
from strategy_site.returns.due import PartnerReturn
from strategy_site.returns.layout import ACTIONS, FIGURES, HEADER_ROW, HINT_ROW, INSTRUCTIONS, TITLE_ROW, SheetLayout, instructions
from strategy_site.words import long_date

Value = str | float | None

HEADER_FILL, OPEN_FILL = "D9D9D9", "FFF2CC"  # grey for the headings, pale yellow for the cells to fill in

WRAPPED = frozenset({"milestones", "commentary", "note"})  # the long texts; every other column is one line
BETTER: dict[Direction, str] = {"higher": "higher", "lower": "lower"}


@dataclass(frozen=True)
class Sheet:
    """One table of the return: its layout, a title and a line of help above it, and its rows of values."""

    layout: SheetLayout
    title: str
    hint: str
    rows: list[list[Value]]


def sheets(partner_return: PartnerReturn, partnership: str) -> list[Sheet]:
    name = partner_return.partner.name
    figures: list[list[Value]] = [
        [due.indicator.id, due.indicator.title, due.series.key, due.series.label, due.period.label, due.series.unit,
         BETTER[due.indicator.better],
         due.last.period.label if due.last else None, due.last.value if due.last else None,
         due.before.period.label if due.before else None, due.before.value if due.before else None,
         None, None]
        for due in partner_return.figures
    ]
    actions: list[list[Value]] = [
        [due.action.id, due.action.title, due.plan.title, due.action.due.isoformat() if due.action.due else None, due.status,
         "\n".join(f"{m.date.isoformat()} {m.text}{' (done)' if m.done else ''}" for m in due.action.milestones) or None,
         None, None]
        for due in partner_return.actions
    ]
    return [
        Sheet(FIGURES, f"Figures from {name} for {partnership}",
              "Type each figure in the yellow 'New figure' column as a plain number. Leave it empty if it is not ready.", figures),
        Sheet(ACTIONS, f"Actions led by {name}",
              "Choose each action's status now in 'New status' and say what has happened in 'Commentary'.", actions),
    ]


def _text(value: Value) -> Value:
    return cell_text(value) if isinstance(value, str) else value


# --- XLSX ------------------------------------------------------------------------------------------------


def xlsx(partner_return: PartnerReturn, partnership: str, due_by: dt.date | None) -> bytes:
    book = Workbook()
    book.properties.creator = partnership
    book.properties.created = book.properties.modified = FIXED_TIME
    guide = book.active
    assert guide is not None
    guide.title = INSTRUCTIONS
    _xlsx_instructions(guide, instructions(partner_return.partner.name, partnership, _due_by(due_by)))
    for sheet in sheets(partner_return, partnership):
        _xlsx_sheet(book.create_sheet(sheet.layout.name), sheet)
    out = io.BytesIO()
    book.save(out)
    return stable_zip(out.getvalue())


def _xlsx_instructions(sheet: Worksheet, lines: list[str]) -> None:
    sheet.column_dimensions["A"].width = 100
    for number, line in enumerate(lines, start=1):
        cell = sheet.cell(number, 1, _text(line) or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number == 1:
            cell.font = Font(bold=True, size=14)
    sheet.protection.sheet = True


def _xlsx_sheet(sheet: Worksheet, table: Sheet) -> None:
    layout = table.layout
    sheet.cell(TITLE_ROW, 1, _text(table.title)).font = Font(bold=True, size=14)
    sheet.cell(HINT_ROW, 1, _text(table.hint))
    for number, column in enumerate(layout.columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
        header = sheet.cell(HEADER_ROW, number, column.header)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor=OPEN_FILL if column.editable else HEADER_FILL)
    for offset, row in enumerate(table.rows, start=1):
        lines = max((str(value).count("\n") + 1 for value in row if isinstance(value, str)), default=1)
        if lines > 1:  # milestones, one a line: spreadsheets do not grow a row for them by themselves
            sheet.row_dimensions[HEADER_ROW + offset].height = 15 * lines
        for number, (column, value) in enumerate(zip(layout.columns, row, strict=True), start=1):
            cell = sheet.cell(HEADER_ROW + offset, number, _text(value))
            cell.alignment = Alignment(wrap_text=column.key in WRAPPED, vertical="top")
            if column.editable:
                cell.protection = Protection(locked=False)
                cell.fill = PatternFill("solid", fgColor=OPEN_FILL)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    last = HEADER_ROW + max(len(table.rows), 1)
    for key, validation in _xlsx_validations(layout):
        letter = get_column_letter(layout.columns.index(layout.column(key)) + 1)
        validation.add(f"{letter}{HEADER_ROW + 1}:{letter}{last}")
        sheet.add_data_validation(validation)
    sheet.protection.sheet = True
    # Partners may still widen columns, resize rows and add their own notes in new columns.
    sheet.protection.formatColumns = sheet.protection.formatRows = sheet.protection.formatCells = False


def _xlsx_validations(layout: SheetLayout) -> Iterator[tuple[str, DataValidation]]:
    if layout is ACTIONS:
        yield "new_status", DataValidation(
            type="list", formula1='"' + ",".join(ACTION_STATUSES) + '"', allow_blank=True, showErrorMessage=True,
            errorTitle="Not a status", error="Choose one of the statuses in the list: " + ", ".join(ACTION_STATUSES) + ".")
    if layout is FIGURES:
        yield "figure", DataValidation(
            type="decimal", operator="between", formula1=str(-MAX_FIGURE), formula2=str(MAX_FIGURE), allow_blank=True,
            showErrorMessage=True, errorTitle="Not a number", error="Type the figure as a plain number, such as 12.5.")


def _due_by(due_by: dt.date | None) -> str:
    return long_date(due_by) if due_by else "the date the partnership officer asked for"


# --- ODS -------------------------------------------------------------------------------------------------


def ods(partner_return: PartnerReturn, partnership: str, due_by: dt.date | None) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import (
        ContentValidation,
        ContentValidations,
        ErrorMessage,
        Table,
        TableCell,
        TableColumn,
        TableRow,
    )
    from odf.text import P

    _odf_namespaces()
    doc = OpenDocumentSpreadsheet()
    styles: dict[str, Style] = {}

    def style(name: str, family: str, *properties: object) -> Style:
        made = Style(name=name, family=family)
        for prop in properties:
            made.addElement(prop)
        doc.automaticstyles.addElement(made)
        styles[name] = made
        return made

    style("title", "table-cell", TextProperties(fontweight="bold", fontsize="14pt"))
    style("heading", "table-cell", TableCellProperties(backgroundcolor=f"#{HEADER_FILL}", wrapoption="wrap"), TextProperties(fontweight="bold"))
    style("open-heading", "table-cell", TableCellProperties(backgroundcolor=f"#{OPEN_FILL}", wrapoption="wrap"), TextProperties(fontweight="bold"))
    style("cell", "table-cell", TableCellProperties(wrapoption="wrap", verticalalign="top"))
    style("open", "table-cell", TableCellProperties(backgroundcolor=f"#{OPEN_FILL}", cellprotect="none", verticalalign="top"))
    style("wrapped", "paragraph", ParagraphProperties())

    def column_style(width: int) -> Style:
        name = f"width-{width}"
        return styles.get(name) or style(name, "table-column", TableColumnProperties(columnwidth=f"{width * 0.21:.2f}cm"))

    def cell(value: Value, style_name: str, validation: str | None = None) -> TableCell:
        value = _text(value)
        attributes: dict[str, object] = {"stylename": styles[style_name]}
        if validation:
            attributes["contentvalidationname"] = validation
        if isinstance(value, float | int):
            made = TableCell(valuetype="float", value=value, **attributes)
            made.addElement(P(text=f"{value:g}"))
            return made
        made = TableCell(**attributes)
        if value is not None:
            made.setAttribute("valuetype", "string")
            for line in value.split("\n"):
                made.addElement(P(text=line))
        return made

    validations = ContentValidations()
    statuses = ";".join(f'"{status}"' for status in ACTION_STATUSES)
    status_rule = ContentValidation(name="status", condition=f"of:cell-content-is-in-list({statuses})", allowemptycell="true",
                                    displaylist="unsorted", basecelladdress=f"{ACTIONS.name}.A1")
    status_rule.addElement(_ods_error(ErrorMessage, P, "Not a status", "Choose one of the statuses in the list: " + ", ".join(ACTION_STATUSES) + "."))
    figure_rule = ContentValidation(name="figure", condition=f"of:cell-content-is-decimal-number() and cell-content-is-between({-MAX_FIGURE};{MAX_FIGURE})",
                                    allowemptycell="true", basecelladdress=f"{FIGURES.name}.A1")
    figure_rule.addElement(_ods_error(ErrorMessage, P, "Not a number", "Type the figure as a plain number, such as 12.5."))
    validations.addElement(status_rule)
    validations.addElement(figure_rule)
    doc.spreadsheet.addElement(validations)
    rule_for = {(ACTIONS.name, "new_status"): "status", (FIGURES.name, "figure"): "figure"}

    guide = Table(name=INSTRUCTIONS, protected="true")
    guide.addElement(TableColumn(stylename=column_style(100)))
    for number, line in enumerate(instructions(partner_return.partner.name, partnership, _due_by(due_by))):
        row = TableRow()
        row.addElement(cell(line or None, "title" if number == 0 else "cell"))
        guide.addElement(row)
    doc.spreadsheet.addElement(guide)

    for sheet in sheets(partner_return, partnership):
        layout = sheet.layout
        table = Table(name=layout.name, protected="true")
        for column in layout.columns:
            table.addElement(TableColumn(stylename=column_style(column.width)))
        for number, text in ((TITLE_ROW, sheet.title), (HINT_ROW, sheet.hint)):
            row = TableRow()
            row.addElement(cell(text, "title" if number == TITLE_ROW else "cell"))
            table.addElement(row)
        header = TableRow()
        for column in layout.columns:
            header.addElement(cell(column.header, "open-heading" if column.editable else "heading"))
        table.addElement(header)
        for values in sheet.rows:
            row = TableRow()
            for column, value in zip(layout.columns, values, strict=True):
                row.addElement(cell(value, "open" if column.editable else "cell", rule_for.get((layout.name, column.key))))
            table.addElement(row)
        doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return stable_zip(out.getvalue())


def _odf_namespaces() -> None:
    """Declare every namespace odfpy knows, in a fixed order. odfpy keeps the namespaces its elements have used in one
    dictionary for the whole process and declares them all in each file, so without this a file's first lines would
    depend on what the process wrote before it."""
    from odf.element import Element
    from odf.namespaces import nsdict

    known = {**Element.namespaces, **nsdict}
    Element.namespaces.clear()
    Element.namespaces.update(sorted(known.items(), key=lambda item: (item[1], item[0])))


def _ods_error(error_message: type, paragraph: type, title: str, text: str) -> object:
    message = error_message(title=title, display="true", messagetype="stop")
    message.addElement(paragraph(text=text))
    return message
