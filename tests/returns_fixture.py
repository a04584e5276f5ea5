"""Partners' returns for the tests: the demo exported, and filled in as Excel, LibreOffice and Google Sheets
users fill them in."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

from openpyxl import load_workbook

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
