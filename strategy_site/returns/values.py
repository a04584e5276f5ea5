"""A cell read as what its column holds: a figure, a period, a status or a line of text. Each reader returns the
value, or raises ``CellProblem`` with a message and a fix in plain words."""

from __future__ import annotations

import datetime as dt
import re

from strategy_site.check.references import suggest
from strategy_site.model.fields import MAX_FIGURE, Period, parse_period, period_like
from strategy_site.model.progress import ACTION_STATUSES
from strategy_site.returns.cells import Cell
from strategy_site.returns.layout import NO_FIGURE
from strategy_site.words import listed, quoted

EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's and LibreOffice's serial dates (1900 system, as saved since 1900/03/01)
SERIAL_DAYS = range(10_000, 100_000)  # 1927 to 2173: a five-digit number where a period goes is a serial date
_THOUSANDS = re.compile(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")
_PLAIN = re.compile(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_UK_DATE = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})")


class CellProblem(Exception):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def text(cell: Cell | None) -> str | None:
    """The cell as text, as the partner sees it; None for an empty cell."""
    if cell is None:
        return None
    value = cell.value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    shown = value.isoformat() if isinstance(value, dt.date) else str(value)
    return shown.strip() or None


def figure(cell: Cell | None, percentage_unit: bool) -> float | None:
    """The figure in a cell: a number, or text such as "1,234", "£45,000", "12.5%" or " 7 "; None when empty or "n/a".
    A percentage is read as the number of per cent shown, and only for an indicator counted in per cent."""
    if cell is None:
        return None
    value = cell.value
    percent = cell.percent
    if cell.unsaved_formula:
        raise CellProblem(f"the formula {quoted(str(value))} was saved without its result",
                          "open the file in Excel, LibreOffice or Google Sheets and save it again, so the result is saved with it; or type the figure")
    if isinstance(value, bool):
        raise CellProblem(f"{str(value).upper()} is a yes/no value, not a figure", "type the figure as a plain number")
    if isinstance(value, dt.date):
        raise CellProblem(f"{text(cell)} is a date, not a figure",
                          "the spreadsheet has turned the number into a date: format the cell as a number and type the figure again")
    if isinstance(value, str):
        written = value.strip().replace("\u2212", "-").replace("\u00a0", " ")
        if written.casefold() in NO_FIGURE:
            return None
        if written.startswith("="):
            raise CellProblem(f"{quoted(written)} is a formula saved as text, not a figure", "type the figure itself")
        cleaned = written.replace("£", "").replace(" ", "")
        if cleaned.endswith("%"):
            percent, cleaned = True, cleaned[:-1]
        if _THOUSANDS.fullmatch(cleaned):
            cleaned = cleaned.replace(",", "")
        if not _PLAIN.fullmatch(cleaned):
            raise CellProblem(f"{quoted(written)} is not a figure",
                              "type the figure as a plain number such as 1234.5, or leave the cell empty if it is not ready")
        number = float(cleaned)
    else:
        number = float(value) * (100 if percent else 1)
    if percent and not percentage_unit:
        raise CellProblem(f"the cell holds a percentage ({text(cell)}{'' if isinstance(value, str) else ' as a fraction'}), "
                          "but this indicator is not counted in per cent",
                          "format the cell as a plain number and type the figure in the indicator's unit")
    if abs(number) > MAX_FIGURE:  # typed digits too many for a float are infinite: say what was typed, not "inf"
        shown = quoted(value.strip()) if isinstance(value, str) else f"{number:g}"
        raise CellProblem(f"{shown} is too large a figure", f"type a number between -{MAX_FIGURE:,} and {MAX_FIGURE:,}")
    return float(f"{number:.12g}")  # the spreadsheet's floating-point noise (0.30000000000000004) left behind


def period(cell: Cell, like: Period | None) -> Period:
    """The period in a cell: as written (2025/26, 2026/27 Q2), or a date, a serial date or a text date, read as the
    period written like ``like`` (the series' own periods) that holds that day."""
    value = cell.value
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif _serial(value):
        day = EXCEL_EPOCH + dt.timedelta(days=int(float(value)))
    elif isinstance(value, str) and (match := _UK_DATE.fullmatch(value.strip())):
        d, m, y = (int(part) for part in match.groups())
        try:
            day = dt.date(y, m, d)
        except ValueError:
            raise CellProblem(f"{quoted(value.strip())} is not a date (dates are read day first, as 30/09/2026)",
                              "type the period as it is written in the 'Period' column, for example 2026/27 Q2") from None
    if day is None:
        try:
            read = parse_period(text(cell))
        except ValueError as error:
            raise CellProblem(str(error), "type the period as the sheet gave it, for example 2025/26 or 2026/27 Q2") from None
        if read.start != read.end:
            return _like(read, like)
        day = read.start
    if like is not None and (found := period_like(like, day)) is not None:
        return found
    raise CellProblem(f"the date {day.isoformat()} does not say which period the figure is for",
                      "type the period as the sheet gave it, for example 2025/26 or 2026/27 Q2")


def _like(read: Period, like: Period | None) -> Period:
    """A period typed as a period, if it is one of the series' own kind (a calendar year is no figure for a series of
    financial years: it would sit between two of them on the chart), written as the series writes it."""
    same = period_like(like, read.start) if like is not None else None
    if like is None or same is None:
        return read  # a series of pooled years, or none yet: nothing to compare with
    if (same.start, same.end) != (read.start, read.end):
        raise CellProblem(f"{read.label} is not a period like this series' others, such as {like.label}",
                          f"type the period as the sheet gave it, written like {like.label}")
    return same


def _serial(value: object) -> bool:
    """A number, or digits in a CSV file, that can only be one of Excel's serial dates where a period goes."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{5}(\.0+)?", value.strip()):
        value = float(value)
    return isinstance(value, int | float) and not isinstance(value, bool) and value == int(value) and int(value) in SERIAL_DAYS


def status(cell: Cell) -> str:
    written = " ".join((text(cell) or "").split())
    found = next((s for s in ACTION_STATUSES if s == written.casefold()), None)
    if found is None:
        raise CellProblem(f"{quoted(written)} is not a status.{suggest(written.casefold(), ACTION_STATUSES)}",
                          f"choose one of {listed(list(ACTION_STATUSES), 'or')}")
    return found
