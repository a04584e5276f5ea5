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

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

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


def table_xlsx(title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One table as an XLSX workbook: a bold heading row, frozen, then the rows."""
    book = Workbook(write_only=True)  # streamed: the figures table of a large partnership has thousands of rows
    book.properties.created = book.properties.modified = FIXED_TIME
    sheet = book.create_sheet(_sheet_name(title))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    headings = []
    for name in header:
        cell = WriteOnlyCell(sheet, cell_text(name))
        cell.font = bold
        headings.append(cell)
    sheet.append(headings)
    for row in rows:
        sheet.append([cell_text(value) if isinstance(value, str) else value for value in row])
    out = io.BytesIO()
    book.save(out)
    return stable_zip(out.getvalue())


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
