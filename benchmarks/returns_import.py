"""How long `strategy-site returns import` takes on a return of 1,000 figures (and every unfinished action).

Usage: python benchmarks/returns_import.py [--rows 1000] [--runs 5]

A copy of the demo partnership is made in a temporary folder, and one return is written for it as XLSX, ODS and
CSV: a row for each of the next periods of every series of every indicator, until there are ``--rows`` rows, and
a new status with commentary for every unfinished action. Then, for each format, the median of ``--runs`` runs of:
the dry run in process (read, compare, plan every edit), the import with --write in process (the same, writing the
files and checking the partnership after), and the whole dry-run command as a new process (Python start-up and
imports included). Paste the printed table into benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from check_timing import median_seconds  # beside this script, so on the path when it runs
from openpyxl import Workbook

from strategy_site.commands.returns import run_import
from strategy_site.model.fields import next_period
from strategy_site.model.progress import FINISHED_STATUSES
from strategy_site.model.project import load_project
from strategy_site.model.series import SeriesKind, indicator_series
from strategy_site.render.spreadsheets import table_ods
from strategy_site.returns.layout import ACTIONS, FIGURES

REPO = Path(__file__).resolve().parent.parent
TODAY = "2050-04-01"  # after every period the rows run to: a figure for a period not yet ended is refused


def rows_for(source: Path, count: int) -> tuple[list[list[object]], list[list[object]]]:
    """``count`` figure rows (the next periods of every series, in turn) and a status row for every unfinished action."""
    project = load_project(source)
    series = [(i, s) for i in project.indicators for s in indicator_series(project, i) if s.kind is not SeriesKind.COMPARATOR and s.latest]
    figures: list[list[object]] = []
    periods = {(i.id, s.key): s.latest.period for i, s in series if s.latest}
    while len(figures) < count:
        for indicator, one in series:
            following = next_period(periods[(indicator.id, one.key)])
            if following is None or len(figures) >= count:
                continue
            periods[(indicator.id, one.key)] = following
            last = one.latest.value if one.latest else 1.0
            figures.append([indicator.id, one.key, following.label, round(last * (1 + (len(figures) % 7 - 3) / 100), 2), "checked"])
    actions: list[list[object]] = [[a.id, "at risk", f"Commentary on {a.id}: two milestones slipped by a month."]
                                   for a in project.actions if project.latest_status(a) not in FINISHED_STATUSES]
    return figures, actions


FIGURE_HEADINGS = [FIGURES.column(key).header for key in ("indicator", "series", "period", "figure", "note")]
ACTION_HEADINGS = [ACTIONS.column(key).header for key in ("action", "new_status", "commentary")]


def write_returns(folder: Path, figures: list[list[object]], actions: list[list[object]]) -> dict[str, Path]:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Figures"
    for row in [FIGURE_HEADINGS, *figures]:
        sheet.append(row)
    other = book.create_sheet("Actions")
    for row in [ACTION_HEADINGS, *actions]:
        other.append(row)
    paths = {"xlsx": folder / "returns.xlsx", "ods": folder / "returns.ods", "csv": folder / "returns.csv"}
    book.save(paths["xlsx"])
    paths["ods"].write_bytes(table_ods("Figures", FIGURE_HEADINGS, figures))  # type: ignore[arg-type]
    out = io.StringIO()
    csv.writer(out).writerows([FIGURE_HEADINGS, *figures])
    paths["csv"].write_text(out.getvalue(), encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        pristine = folder / "pristine"
        shutil.copytree(REPO / "strategy_src", pristine)
        source = folder / "strategy_src"
        figures, actions = rows_for(pristine, args.rows)
        paths = write_returns(folder, figures, actions)

        def fresh() -> None:
            shutil.rmtree(source, ignore_errors=True)
            shutil.copytree(pristine, source)

        def quietly(*arguments: object) -> Callable[[], object]:
            def run() -> object:
                with contextlib.redirect_stdout(io.StringIO()):
                    return run_import(*arguments)  # type: ignore[arg-type]
            return run

        today = dt.date.fromisoformat(TODAY)
        print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}; {len(figures)} figure rows, "
              f"{len(actions)} action rows (ODS and CSV: figures only); median of {args.runs} runs\n")
        print("| format | dry run, in process | --write (and check), in process | dry-run command, new process |")
        print("| --- | --- | --- | --- |")
        fresh()
        for form, path in paths.items():
            dry = median_seconds(args.runs, quietly(source, [path], False, False, today), fresh)
            write = median_seconds(args.runs, quietly(source, [path], True, False, today), fresh)
            fresh()
            command = [sys.executable, "-m", "strategy_site", "returns", "import", str(path), "--source", str(source), "--today", TODAY]
            whole = median_seconds(args.runs, lambda: subprocess.run(command, capture_output=True, check=False))  # noqa: B023
            print(f"| {form} | {dry * 1000:.0f} ms | {write * 1000:.0f} ms | {whole * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
