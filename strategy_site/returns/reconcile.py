"""What a set of returns would change: each figure and status read, compared with the partnership's documents.

Nothing here writes. A figure equal to the one recorded for its period changes nothing; a different one is a
problem unless the officer accepts it (``replace``); a figure for a period not yet recorded is added. A new status
or commentary goes into the draft progress update. Every problem names its cell.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from strategy_site.characters import CONTROL, describe
from strategy_site.check.references import suggest
from strategy_site.model.documents import Action, ActionProgress, Indicator, IndicatorValue, Observation, ProgressUpdate
from strategy_site.model.fields import Period
from strategy_site.model.project import Project
from strategy_site.model.series import Series, indicator_series
from strategy_site.returns import values
from strategy_site.returns.cells import SheetError, read_file
from strategy_site.returns.layout import FIGURES, LAYOUTS
from strategy_site.returns.tables import Record, find_tables
from strategy_site.returns.values import CellProblem
from strategy_site.words import listed, long_date, number, quoted

Recorded = Observation | IndicatorValue
T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    where: str  # police-returns.xlsx:Figures!D7
    message: str
    hint: str = ""


@dataclass(frozen=True)
class FigureChange:
    indicator: Indicator
    series: Series
    period: Period
    value: float
    note: str | None
    replaces: Recorded | None  # the figure recorded for the period, when the officer accepts the new one
    where: str


@dataclass(frozen=True)
class StatusChange:
    action: Action
    status: str
    commentary: str
    current: str  # the latest published status
    drafted: ActionProgress | None  # what the draft update already says of the action
    where: str


@dataclass
class Reconciled:
    figures: list[FigureChange] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unchanged: int = 0  # figures and statuses read that are already recorded
    read: int = 0  # rows with something filled in
    hidden_rows: list[str] = field(default_factory=list)  # where a hidden row was read, to say so


def is_percentage(unit: str) -> bool:
    lowered = unit.casefold()
    return "%" in lowered or "per cent" in lowered or "percent" in lowered or "percentage" in lowered


def draft_update(project: Project) -> ProgressUpdate | None:
    """The draft progress update new statuses go into: the newest one, if there is one."""
    return project.draft_updates[-1] if project.draft_updates else None


def reconcile(project: Project, files: list[tuple[Path, str]], replace: bool = False, today: dt.date | None = None) -> Reconciled:
    """Read every file (its path, and how messages name it) and compare what it says with the documents; a figure for a
    period that has not ended by ``today`` is a problem."""
    result = Reconciled()
    seen_figures: dict[tuple[str, str, dt.date, dt.date], tuple[float, str]] = {}
    seen_actions: dict[str, str] = {}
    draft = draft_update(project)
    drafted = {progress.action: progress for progress in draft.actions} if draft else {}
    for path, shown in files:
        try:
            grids = read_file(path, shown)
        except SheetError as error:
            result.problems.append(Problem(shown, str(error)))
            continue
        tables = [table for grid in grids for table in find_tables(grid)]
        if not tables:
            headings = "; ".join(f"{listed([c.header for c in layout.required])} ({layout.name.lower()})" for layout in LAYOUTS)
            one_sheet = " (a CSV file holds one sheet: save the Figures or the Actions sheet as CSV)" if path.suffix.lower() == ".csv" else ""
            result.problems.append(Problem(shown, "no sheet in the file has the headings of a return",
                                           f"keep the heading row the export wrote; a table needs the headings {headings}{one_sheet}"))
        for table in tables:
            for record in table.records:
                if table.layout is FIGURES:
                    _figure(project, record, result, seen_figures, replace, today)
                else:
                    _status(project, record, result, seen_actions, drafted)
    return result


class _Located(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _cell(record: Record, key: str, read: Callable[[], T]) -> T:
    """What ``read`` makes of the cell under ``key``; a problem it finds is placed at that cell."""
    try:
        return read()
    except CellProblem as problem:
        raise _Located(Problem(record.where(key), problem.message, problem.hint)) from None


def _required(record: Record, key: str, what: str) -> str:
    found = values.text(record.cells.get(key))
    if found is None:
        raise _Located(Problem(record.where(key), f"{what} is missing", f"fill in {what} as the export wrote it"))
    return found


def _plain_text(record: Record, key: str) -> str | None:
    """A note or commentary: any text, but no control character, which the documents cannot hold."""
    found = values.text(record.cells.get(key))
    if found is not None and (character := CONTROL.search(found)):
        raise _Located(Problem(record.where(key), f"the text holds an invisible control character ({describe(character.group())})",
                               "delete it, or type the text again"))
    return found


def _figure(project: Project, record: Record, result: Reconciled, seen: dict[tuple[str, str, dt.date, dt.date], tuple[float, str]],
            replace: bool, today: dt.date | None) -> None:
    cells = record.cells
    if values.text(cells.get("figure")) is None:
        return  # nothing reported on this row
    try:
        indicator = _indicator(project, record)
        series = _series(project, indicator, record)
        like = series.latest.period if series.latest else (indicator.baseline.period if indicator.baseline else None)
        _required(record, "period", "the period")
        period = _cell(record, "period", lambda: values.period(cells["period"], like))
        value = _cell(record, "figure", lambda: values.figure(cells.get("figure"), is_percentage(series.unit)))
        note = _plain_text(record, "note")
    except _Located as located:
        result.problems.append(located.problem)
        return
    if value is None:
        return  # "n/a", "-": no figure yet
    if today is not None and period.end >= today:
        result.problems.append(Problem(record.where("period"), f"{period.label} has not ended yet (it ends on {long_date(period.end)}), "
                                       "so it can have no figure", "check the period: a return gives figures for periods that have ended"))
        return
    result.read += 1
    where = record.where("figure")
    if record.hidden:
        result.hidden_rows.append(where)
    key = (indicator.id, series.key, period.start, period.end)
    earlier = seen.get(key)
    if earlier is not None:
        if earlier[0] != value:
            result.problems.append(Problem(where, f"{_name(indicator, series, period)} is {number(value)} here but {number(earlier[0])} at {earlier[1]}",
                                           "give each figure once, or make both say the same"))
        return
    seen[key] = (value, where)
    recorded = next((f for f in project.figures(indicator, series.key) if (f.period.start, f.period.end) == (period.start, period.end)), None)
    if recorded is not None and math.isclose(recorded.value, value, rel_tol=1e-9, abs_tol=1e-12):
        result.unchanged += 1
        return
    if recorded is not None and not replace:
        at = recorded.where("value")
        result.problems.append(Problem(
            where, f"{_name(indicator, series, period)} is already recorded as {number(recorded.value)} ({at.path}, line {at.position.line}); "
            f"this return says {number(value)}",
            f"if the figure has been revised, import again with --replace to write {number(value)} in place of {number(recorded.value)} "
            "(and say why in the Note column); otherwise correct the return"))
        return
    result.figures.append(FigureChange(indicator, series, period, value, note, recorded, where))


def _status(project: Project, record: Record, result: Reconciled, seen: dict[str, str], drafted: dict[str, ActionProgress]) -> None:
    cells = record.cells
    new_status = values.text(cells.get("new_status"))
    try:
        commentary = _plain_text(record, "commentary")
        if new_status is None and commentary is None:
            return
        action_id = _required(record, "action", "the action's id")
        action = project.action_by_id.get(action_id)
        if action is None:
            raise _Located(Problem(record.where("action"), f"there is no action {quoted(action_id)} in the action plans."
                                   f"{suggest(action_id, project.action_by_id)}", "keep the action's id as the export wrote it"))
        current = project.latest_status(action)
        status = _cell(record, "new_status", lambda: values.status(cells["new_status"])) if new_status is not None else current
        if commentary is None:
            raise _Located(Problem(record.where("commentary"), f"the new status of {action.id} has no commentary",
                                   "say in a sentence or two in 'Commentary' what has happened since the last update: residents read it beside the status"))
    except _Located as located:
        result.problems.append(located.problem)
        return
    result.read += 1
    where = record.where("new_status")
    if record.hidden:
        result.hidden_rows.append(where)
    if action.id in seen:
        result.problems.append(Problem(where, f"action {action.id} is reported twice: here and at {seen[action.id]}", "give each action's status once"))
        return
    seen[action.id] = where
    already = drafted.get(action.id)
    if already is not None and (already.status, already.commentary) == (status, commentary):
        result.unchanged += 1
        return
    result.statuses.append(StatusChange(action, status, commentary, current, already, where))


def _indicator(project: Project, record: Record) -> Indicator:
    indicator_id = _required(record, "indicator", "the indicator's id")
    indicator = project.indicator_by_id.get(indicator_id)
    if indicator is None:
        raise _Located(Problem(record.where("indicator"), f"there is no indicator {quoted(indicator_id)}.{suggest(indicator_id, project.indicator_by_id)}",
                               "keep the indicator's id as the export wrote it"))
    return indicator


def _series(project: Project, indicator: Indicator, record: Record) -> Series:
    key = _required(record, "series", "the series")
    series = {s.key: s for s in indicator_series(project, indicator)}
    if key not in series:
        raise _Located(Problem(record.where("series"), f"{quoted(key)} is not a series of {indicator.id}.{suggest(key, series)}",
                               "keep the series as the export wrote it: headline, a neighbourhood's id, or a group and category such as sex/female"))
    return series[key]


def _name(indicator: Indicator, series: Series, period: Period) -> str:
    on = "" if series.key == "headline" else f" for {series.label}"
    return f"{indicator.id}{on} in {period.label}"
