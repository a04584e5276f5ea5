"""Tables as spreadsheets, XLSX and ODS, for the open data and partners' returns.

Text cells go through ``spreadsheet_text`` (a text that could start a formula gets an apostrophe, as in the CSV
files); numbers stay numbers. Two writes of the same table are the same bytes: the archives' dates are fixed,
so the site stays byte-identical from one build to the next.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence

from strategy_site.text_safety import spreadsheet_text, xml_chars, xml_escape

FIXED_TIME = dt.datetime(2000, 1, 1)  # what the files say they were made at (UTC), so that two builds compare equal
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_STAMPS = re.compile(rb"<(dcterms:created|dcterms:modified|meta:creation-date|dc:date)([^>]*)>[^<]*</\1>")
ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"

Cell = str | int | float | bool | None


def cell_text(value: str) -> str:
    """A text cell as a spreadsheet should hold it: never a formula, never a character XML cannot hold."""
    return spreadsheet_text(xml_chars(value))


def stable_zip(data: bytes) -> bytes:
    """The archive with every entry dated 1980 and the documents' own creation dates fixed, entries kept in
    order with their compression (ODS needs its mimetype first and stored)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in ("docProps/core.xml", "meta.xml"):
                content = _STAMPS.sub(lambda m: b"<" + m.group(1) + m.group(2) + b">" + stamp + b"</" + m.group(1) + b">", content)
            entry = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()


def _sheet_name(title: str) -> str:
    # Spreadsheets allow 31 characters in a sheet's name, and none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", xml_chars(title))[:31].strip() or "Data"


def _column_letters(index: int) -> str:
    """A, B, ... Z, AA, AB: the spreadsheet's name for the column at ``index`` (from 0)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/></Relationships>'),
    # Two cell formats: the default, and bold (s="1") for the heading row.
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"),
}


def _xlsx_cell(reference: str, value: Cell, style: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"{style}><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"{style}><v>{value!r}</v></c>'
    text = cell_text(value)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{reference}" t="inlineStr"{style}><is><t{space}>{xml_escape(text)}</t></is></c>'


def table_xlsx(title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One table as an XLSX workbook: a bold heading row, frozen, then the rows. Written straight as SpreadsheetML
    with its text in the cells, as the ODS is: openpyxl took most of a second for the 7,500 rows of figures of a
    partnership 20 times the demo's size, this a tenth of that."""
    columns = [_column_letters(index) for index in range(max([len(header), *(len(row) for row in rows)], default=0))]
    sheet = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '</sheetView></sheetViews><sheetData>',
        '<row r="1">' + "".join(_xlsx_cell(f"{column}1", name, ' s="1"') for column, name in zip(columns, header, strict=False)) + "</row>",
    ]
    sheet.extend(f'<row r="{number}">' + "".join(_xlsx_cell(f"{column}{number}", value) for column, value in zip(columns, row, strict=False))
                 + "</row>" for number, row in enumerate(rows, start=2))
    sheet.append("</sheetData></worksheet>")
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{xml_escape(_sheet_name(title))}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in [*_XLSX_PARTS.items(), ("xl/workbook.xml", workbook), ("xl/worksheets/sheet1.xml", "".join(sheet))]:
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{ODS_MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
_CONTENT_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.2"><office:automatic-styles><style:style style:name="heading" style:family="table-cell">'
    '<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:spreadsheet>'
)


def _ods_cell(value: Cell, style: str = "") -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, bool):
        shown = "true" if value else "false"
        return f'<table:table-cell office:value-type="boolean" office:boolean-value="{shown}"{style}><text:p>{shown}</text:p></table:table-cell>'
    if isinstance(value, int | float):
        return f'<table:table-cell office:value-type="float" office:value="{value!r}"{style}><text:p>{value:g}</text:p></table:table-cell>'
    lines = "".join(f"<text:p>{xml_escape(line)}</text:p>" for line in cell_text(value).split("\n"))
    return f'<table:table-cell office:value-type="string"{style}>{lines}</table:table-cell>'


def table_ods(title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """The same table as an ODS workbook, written straight as OpenDocument XML (fast for thousands of rows)."""
    parts = [_CONTENT_START, f'<table:table table:name="{xml_escape(_sheet_name(title))}">']
    parts.append("<table:table-row>" + "".join(_ods_cell(name, ' table:style-name="heading"') for name in header) + "</table:table-row>")
    parts.extend("<table:table-row>" + "".join(_ods_cell(value) for value in row) + "</table:table-row>" for row in rows)
    parts.append("</table:table></office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", _ZIP_TIME), ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, text in (("META-INF/manifest.xml", _MANIFEST), ("content.xml", "".join(parts))):
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
