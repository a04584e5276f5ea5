"""`strategy-site returns export` and `strategy-site returns import`: partners' figures and action statuses out to
spreadsheets and back into the YAML, without retyping."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from strategy_site.check import check_project
from strategy_site.check.references import suggest
from strategy_site.commands.common import EXIT_FINDINGS, EXIT_OK, UsageProblem, source_folder, sources_by_path
from strategy_site.findings import Severity
from strategy_site.load.tree import is_inside
from strategy_site.model.documents import Member
from strategy_site.model.project import Project, load_project
from strategy_site.output.text import format_text
from strategy_site.returns import workbook, yaml_edit
from strategy_site.returns.due import partner_return, partners_with_returns
from strategy_site.returns.reconcile import Reconciled, reconcile
from strategy_site.text_safety import printable
from strategy_site.words import listed, number, plural

FORMATS = ("xlsx", "ods")
ASKED_FROM = ("action-plans", "indicators")  # the folders whose documents say what a return asks for


def _print(line: str = "", err: bool = False) -> None:
    print(printable(line), file=sys.stderr if err else sys.stdout)


def export(path: Path, partners: Sequence[str], formats: Sequence[str], out: Path, today: dt.date | None, due_by: dt.date | None) -> int:
    """Write a workbook for each partner named (default: each partner with figures due or actions to report)."""
    root = source_folder(path)
    if is_inside(out, root):
        raise UsageProblem(f"'{out}' is inside the source folder, which the site publishes: write the workbooks somewhere else, "
                           "for example --out returns")
    project = load_project(root)
    if project.partnership is None:
        raise UsageProblem(f"'{path}' has no readable partnership.yml: run strategy-site check {path} and fix what it says")
    _refuse_unread(project, path, "leave what they say out of the returns")
    day = today or dt.date.today()
    chosen: list[Member] = []
    for wanted in partners:
        member = project.partner_by_id.get(wanted)
        if member is None:
            raise UsageProblem(f"there is no member '{wanted}' in partnership.yml.{suggest(wanted, project.partner_by_id)} "
                               "Give a member's id, such as police")
        chosen.append(member)
    returns = [partner_return(project, member, day) for member in chosen or partners_with_returns(project)]
    if not chosen:
        returns = [r for r in returns if r.figures or r.actions]
    out.mkdir(parents=True, exist_ok=True)
    for partner_return_ in returns:
        for form in formats or ("xlsx",):
            write = workbook.xlsx if form == "xlsx" else workbook.ods
            target = out / f"{partner_return_.partner.id}-returns.{form}"
            if is_inside(target, root):
                raise UsageProblem(f"'{target}' is a link into the source folder, which the site publishes: delete the link, "
                                   "or write the workbooks somewhere else with --out")
            _write_bytes(target, write(partner_return_, project.partnership.name, due_by))
            _print(f"{target}: {plural(len(partner_return_.figures), 'figure')} due and "
                   f"{plural(len(partner_return_.actions), 'action')} for {partner_return_.partner.name}")
    if not returns:
        _print("No partner has figures due or actions to report on.")
    return EXIT_OK


def _refuse_unread(project: Project, path: Path, because: str) -> None:
    """An action or indicator that could not be read is missing from the model: export would leave it out of every
    return without a word, and import would say it does not exist."""
    errors = sorted({f.path for f in project.findings if f.severity is Severity.ERROR and Path(f.path).parent.name in ASKED_FROM})
    if errors:
        raise UsageProblem(f"{listed(errors)} {'has errors' if len(errors) == 1 else 'have errors'} that {because}: "
                           f"run strategy-site check {path} and fix {'it' if len(errors) == 1 else 'them'} first")


def _write_bytes(target: Path, data: bytes) -> None:
    """Write beside the target, then rename: a link left where the workbook goes is replaced, never written through."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".returns-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(name, 0o644)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def run_import(path: Path, files: Sequence[Path], write: bool, replace: bool, today: dt.date | None) -> int:
    """Read the returns, print what they would change and every problem; with ``write``, write it all and check."""
    root = source_folder(path)
    project = load_project(root)
    _refuse_unread(project, path, "stop the import reading returns against them")
    day = today or dt.date.today()
    reconciled = reconcile(project, [(file, str(file)) for file in files], replace, day)
    _report(reconciled)
    edits, problems = yaml_edit.plan(project, reconciled, day) if not reconciled.problems else ([], [])
    all_problems = reconciled.problems + problems
    if all_problems:
        _print()
        for problem in all_problems:
            _print(f"{problem.where}: error: {problem.message}")
            if problem.hint:
                _print(f"  fix: {problem.hint}")
        _print()
        _print(f"Nothing written: {plural(len(all_problems), 'problem')} to fix first, then import again.")
        return EXIT_FINDINGS
    if not edits:
        _print("Nothing to write: the documents already say everything these returns say.")
        return EXIT_OK
    if not write:
        _print()
        _print(f"This was a dry run: nothing written. Import again with --write to change {plural(len(edits), 'file')}: "
               + ", ".join(edit.shown for edit in edits) + ".")
        return EXIT_OK
    yaml_edit.write(edits, root)
    _print()
    _print(f"Written: {', '.join(edit.shown for edit in edits)}. Checking the partnership:")
    _print()
    project, findings, seconds = check_project(root, today)
    sys.stdout.write(format_text(findings, sources_by_path(project), project.files_seen, seconds))
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _report(reconciled: Reconciled) -> None:
    """What would change, figure by figure and action by action."""
    for change in reconciled.figures:
        series = "" if change.series.key == "headline" else f" for {change.series.label}"
        what = (f"{number(change.value)} in place of {number(change.replaces.value)}" if change.replaces is not None
                else f"new figure {number(change.value)}")
        kept = change.replaces.note if change.replaces is not None and not change.note else None
        note = f' (note: "{change.note}")' if change.note else (f' (the note recorded with it stays: "{kept}")' if kept else "")
        _print(f"{change.where}: {change.indicator.id}{series}, {change.period.label}: {what}{note}")
    for status in reconciled.statuses:
        was = "unchanged" if status.status == status.current else f"was {status.current}"
        drafted = " (in place of the draft's)" if status.drafted is not None else ""
        _print(f"{status.where}: {status.action.id}: {status.status} ({was}){drafted}: {status.commentary}")
    for where in reconciled.hidden_rows:
        _print(f"{where}: note: this row is hidden in the spreadsheet; it was read like the others")
    _print(f"Read {plural(reconciled.read, 'filled-in row')}: {plural(len(reconciled.figures), 'figure')} and "
           f"{plural(len(reconciled.statuses), 'status', 'statuses')} to write, {reconciled.unchanged} already recorded.")


