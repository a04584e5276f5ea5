"""The tables of a return, found by their headings wherever they are: any sheet, any row, columns in any order.

A sheet may hold a title above the table, blank rows, columns of the partner's own, and a second table below
the first with its own heading row (its columns may be in another order): each heading row starts a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from strategy_site.returns.cells import Cell, Grid
from strategy_site.returns.layout import LAYOUTS, SheetLayout, normal


@dataclass(frozen=True)
class Record:
    """One row of a table: the cells under each heading the layout knows, by column key."""

    grid: Grid
    row: int
    cells: dict[str, Cell]
    columns: dict[str, int]  # where each known heading is, to point at an empty cell

    def where(self, key: str) -> str:
        return self.grid.where(self.row, self.columns.get(key))

    @property
    def hidden(self) -> bool:
        return self.row in self.grid.hidden


@dataclass(frozen=True)
class Found:
    layout: SheetLayout
    records: list[Record]


def _headings(cells: dict[int, Cell], layout: SheetLayout) -> dict[str, int] | None:
    """The column of each heading of ``layout`` in this row, if the row has every required one."""
    by_text: dict[str, int] = {}
    for column, cell in sorted(cells.items()):
        if isinstance(cell.value, str):
            by_text.setdefault(normal(cell.value), column)
    found = {c.key: by_text[normal(c.header)] for c in layout.columns if normal(c.header) in by_text}
    return found if all(c.key in found for c in layout.required) else None


def find_tables(grid: Grid) -> list[Found]:
    """Every table in the sheet, with its rows (blank ones left out)."""
    found: list[Found] = []
    current: tuple[SheetLayout, dict[str, int]] | None = None
    for number in sorted(grid.rows):
        cells = grid.rows[number]
        heading = next(((layout, columns) for layout in LAYOUTS if (columns := _headings(cells, layout))), None)
        if heading is not None:
            current = heading
            found.append(Found(heading[0], []))
            continue
        if current is None:
            continue  # a title or a line of help above the table
        layout, columns = current
        known = {key: cells[column] for key, column in columns.items() if column in cells}
        if known:
            found[-1].records.append(Record(grid, number, known, columns))
    return found
