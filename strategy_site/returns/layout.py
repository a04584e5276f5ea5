"""The sheets of a partner's return, declared once: the export writes them and the import reads them from here.

The import finds each table by its headings, never by the sheet's name or a column's position, so a partner
may rename a sheet, move or add columns, or put a title above the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strategy_site.model.progress import ACTION_STATUSES
from strategy_site.words import listed


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int  # in characters
    editable: bool = False  # the partner fills it in; every other column is for reference, and protected
    required: bool = False  # the import cannot read the table without it


@dataclass(frozen=True)
class SheetLayout:
    name: str
    columns: tuple[Column, ...]
    what: str  # what one row is, in a message: "a figure", "an action"

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.required)

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


FIGURES = SheetLayout("Figures", (
    Column("indicator", "Indicator", 22, required=True),
    Column("title", "Indicator title", 44),
    Column("series", "Series", 16, required=True),
    Column("series_name", "Figures for", 22),
    Column("period", "Period", 14, required=True),
    Column("unit", "Unit", 32),
    Column("better", "Better when", 12),
    Column("last_period", "Last period", 14),
    Column("last_figure", "Last figure", 12),
    Column("before_period", "Period before", 14),
    Column("before_figure", "Figure before", 14),
    Column("figure", "New figure", 12, editable=True, required=True),
    Column("note", "Note", 40, editable=True),
), "a figure")

ACTIONS = SheetLayout("Actions", (
    Column("action", "Action", 10, required=True),
    Column("title", "Title", 40),
    Column("plan", "Action plan", 26),
    Column("due", "Due", 12),
    Column("status", "Current status", 16),
    Column("milestones", "Milestones", 48),
    Column("new_status", "New status", 14, editable=True, required=True),
    Column("commentary", "Commentary", 60, editable=True),
), "an action")

LAYOUTS = (FIGURES, ACTIONS)
INSTRUCTIONS = "How to fill this in"

TITLE_ROW, HINT_ROW, HEADER_ROW = 1, 2, 3  # data starts on the row below the headings

# Cells a partner may type for "no figure yet": read as empty, so nothing is written.
NO_FIGURE = frozenset({"-", "\u2013", "\u2014", "n/a", "na", "..", ":", "x", "tbc", "not available"})


def normal(header: str) -> str:
    """A heading as the import compares it: any case, spacing or a trailing * or : ("new figure*" is "New figure")."""
    return re.sub(r"\s+", " ", header).strip().rstrip("*:").strip().casefold()


def instructions(partner: str, partnership: str, due_by: str) -> list[str]:
    """The instructions sheet, one paragraph a line, in plain words."""
    return [
        f"Figures and action statuses from {partner} for {partnership}",
        "",
        "Thank you for sending us your figures. This workbook has two sheets to fill in.",
        "",
        "Figures: each row is one figure we need from you, for one period. Type the figure in the "
        "'New figure' column as a plain number (12.5, not 12.5% or '12.5 per 1,000'). The last figures we have are "
        "beside it, with the unit and which way is better, so you can see whether it looks right. If the figure "
        "is not ready yet, leave the cell empty. If you need to explain a figure (for example, it has been revised, "
        "or counted a different way), write it in the 'Note' column.",
        "",
        "Actions: each row is an action your organisation leads. Choose its status now from the list in the "
        f"'New status' column ({listed(list(ACTION_STATUSES), 'or')}) and say in a sentence "
        "or two in 'Commentary' what has happened since the last update. Leave both empty if nothing has changed.",
        "",
        "Please do not change the grey columns: they tell us which figure or action each row is about. You can "
        "add columns of your own, sort the rows or rename the sheets; we read the table by its headings.",
        "",
        f"Please send the workbook back by {due_by}. If anything is unclear, ask the partnership officer.",
    ]
