"""The changes of an import, written into the YAML with ruamel.yaml's round trip: officers' comments, key order,
quoting and flow style survive, and a file the import does not change is not touched.

Every value from a spreadsheet is handed to the YAML library as data, never spliced into text. Every file is
edited in memory first; only when all of them are ready is each written beside itself and renamed into place,
so an import writes all its files or none. Only files inside the source folder are written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

from strategy_site.load.tree import MAX_FILE_BYTES, display_path, is_inside
from strategy_site.model.documents import HEADLINE, Model
from strategy_site.model.fields import next_period, parse_period, period_like
from strategy_site.model.project import Project
from strategy_site.returns.reconcile import FigureChange, Problem, Reconciled, StatusChange, draft_update
from strategy_site.words import long_date

# The indentations officers' files are written with, tried in turn: the first that gives back the file unchanged
# is the file's own. (mapping, sequence, offset): 2, 4, 2 is "key:\n  - item", as strategy-site's skeleton writes.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (2, 4, 0), (4, 4, 0), (3, 5, 2))
DRAFT_NAME = "partners-returns"
# Where a new list of figures goes in an indicator file: before the first of these keys it has.
_VALUES_BEFORE = ("breakdowns", "comparators", "chart", "responsible", "commentary")


@dataclass(frozen=True)
class Edit:
    path: Path
    shown: str  # the path as check shows it
    before: str | None  # None for a new file
    after: str


def _float(representer: RoundTripRepresenter, value: float) -> Any:
    # 1e-05 is a string to YAML 1.1 readers (the checker's): always write the digits.
    text = repr(value)
    if "e" in text or "E" in text:
        text = f"{value:.15f}".rstrip("0").rstrip(".")
    return representer.represent_scalar("tag:yaml.org,2002:float", text)


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold an officer's long line
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    yaml.representer.add_representer(float, _float)
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


class _Document:
    """One YAML file, or a Markdown file's front matter, loaded for a round trip."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path, self.shown = path, shown
        self.text = path.read_bytes().decode("utf-8")  # as it is: a Windows editor's CRLF line endings and BOM kept
        self.bom = "\ufeff" if self.text.startswith("\ufeff") else ""
        text = self.text.removeprefix(self.bom)
        self.newline = "\r\n" if "\r\n" in text and text.count("\n") == text.count("\r\n") else "\n"
        text = text.replace(self.newline, "\n")
        self.head, yaml_text, self.tail = _split(text) if path.suffix == ".md" else ("", text, "")
        loader = _yaml(_INDENTS[0])
        self.data = loader.load(yaml_text)
        self.yaml = next((y for indent in _INDENTS if _dump(y := _yaml(indent), self.data) == yaml_text), None)

    def dumped(self) -> str:
        assert self.yaml is not None
        return self.bom + (self.head + _dump(self.yaml, self.data) + self.tail).replace("\n", self.newline)


def _split(text: str) -> tuple[str, str, str]:
    """A Markdown file as its opening ---, its front matter and the rest from the closing --- on."""
    lines = text.splitlines(keepends=True)
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    return lines[0], "".join(lines[1:end]), "".join(lines[end:])


def plan(project: Project, reconciled: Reconciled, today: dt.date) -> tuple[list[Edit], list[Problem]]:
    """Every file the import would write, with its text before and after; or the problems that stop it."""
    documents: dict[str, _Document] = {}
    problems: list[Problem] = []

    def document(model: Model) -> _Document | None:
        shown = model.source_file.path
        if shown not in documents:
            path = Path(shown)
            if not is_inside(path, project.root) or path.is_symlink():
                problems.append(Problem(shown, "the file is outside the source folder, so the import does not write it"))
                return None
            documents[shown] = _Document(path, shown)
            if documents[shown].yaml is None:
                problems.append(Problem(shown, "strategy-site cannot write into this file without changing lines the import has no "
                                        "business with (its indentation is unusual)",
                                        "add these figures by hand, or indent the file with two spaces as the documentation does"))
        return documents[shown]

    for change in reconciled.figures:
        target = document(change.replaces if change.replaces is not None else change.indicator)
        if target is None or target.yaml is None:
            continue
        if (anchor := _shared(target.data, change)) is not None:
            problems.append(Problem(target.shown, f"{change.indicator.id}'s figures for {change.period.label} are written once and used again "
                                    f"through the alias *{anchor}, so the import cannot change them without changing the other place too",
                                    f"write them out in full where the series lists them (in place of *{anchor}), then import again"))
        elif change.replaces is not None:
            _replace(target.data, change)
        else:
            _add(target.data, change)
    edits: list[Edit] = []
    if reconciled.statuses:
        draft = draft_update(project)
        if draft is not None:
            target = document(draft)
            if target is not None and target.yaml is not None:
                _update_draft(target.data, reconciled.statuses)
        elif not is_inside(project.root / "progress", project.root):
            problems.append(Problem(display_path(project.root / "progress"), "the progress folder leads outside the source folder, so "
                                    "the import does not write the draft progress update there",
                                    "make progress/ a real folder inside the source folder"))
        else:
            edits.append(_new_draft(project, reconciled.statuses, today))
    if problems:
        return [], problems
    for doc in documents.values():
        after = doc.dumped()
        if after != doc.text:
            edits.append(Edit(doc.path, doc.shown, doc.text, after))
    too_large = [_too_large(edit) for edit in edits if len(edit.after.encode("utf-8")) > MAX_FILE_BYTES]
    return ([], too_large) if too_large else (sorted(edits, key=lambda edit: edit.shown), [])


def _too_large(edit: Edit) -> Problem:
    """A file the import would make larger than check reads: written, it would stop check and the site."""
    return Problem(edit.shown, f"the import would make this file {len(edit.after.encode('utf-8')) / 1024 / 1024:.1f} MB, larger than the "
                   f"{MAX_FILE_BYTES // 1024 // 1024} MB strategy-site reads",
                   "shorten the long notes and commentary in the return: a sentence or two each is enough")


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _period(label: str) -> str | int:
    return int(label) if label.isdigit() else label  # a calendar year as officers write it: period: 2025


def _figure(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def _shared(data: Any, change: FigureChange) -> str | None:
    """The anchor of what the change would edit, if the file uses it elsewhere as an alias (``- *base``): editing it would
    edit both places, the baseline too."""
    if change.replaces is not None:
        node = _at(data, change.replaces.path_in_file)
    else:
        node = _at(data, change.series.part.path_in_file)
        node = node.get("values") if isinstance(node, CommentedMap) and isinstance(node.get("values"), CommentedSeq) else node
    anchor = getattr(getattr(node, "anchor", None), "value", None)
    return str(anchor) if anchor else None


def _add(data: Any, change: FigureChange) -> None:
    part = _at(data, change.series.part.path_in_file)
    if "values" not in part or part["values"] is None:
        keys = list(part.keys())
        position = next((keys.index(k) for k in _VALUES_BEFORE if k in keys), len(keys)) if change.series.key == HEADLINE else len(keys)
        part.insert(position, "values", CommentedSeq())
    values: CommentedSeq = part["values"]
    item = CommentedMap([("period", _period(change.period.label)), ("value", _figure(change.value))])
    if change.note:
        item["note"] = change.note
    if len(values) and isinstance(values[-1], CommentedMap) and values[-1].fa.flow_style():
        item.fa.set_flow_style()
    position = len(values)
    for index, existing in enumerate(values):  # oldest first: before the first figure for a later period
        try:
            if parse_period(existing["period"]).end > change.period.end:
                position = index
                break
        except (ValueError, KeyError, TypeError):
            continue
    values.insert(position, item)


def _replace(data: Any, change: FigureChange) -> None:
    assert change.replaces is not None
    figure = _at(data, change.replaces.path_in_file)
    figure["value"] = _figure(change.value)
    if change.note:
        figure["note"] = change.note


def _entry(change: StatusChange) -> CommentedMap:
    return CommentedMap([("action", change.action.id), ("status", change.status), ("commentary", change.commentary)])


def _update_draft(data: Any, changes: list[StatusChange]) -> None:
    if data.get("actions") is None:
        data["actions"] = CommentedSeq()
    actions: CommentedSeq = data["actions"]
    for change in changes:
        index = next((i for i, entry in enumerate(actions) if isinstance(entry, dict) and str(entry.get("action")) == change.action.id), None)
        if index is None:
            actions.append(_entry(change))
        else:
            actions[index]["status"] = change.status
            actions[index]["commentary"] = change.commentary


def covered_quarter(today: dt.date) -> str:
    """The financial-year quarter that ended last: what a return sent today reports on."""
    now = period_like(parse_period("2000/01 Q1"), today)
    before = next_period(now, -1) if now else None
    return before.label if before else "TODO"


def _new_draft(project: Project, changes: list[StatusChange], today: dt.date) -> Edit:
    folder = project.root / "progress"
    name = f"{today.isoformat()}-{DRAFT_NAME}"
    path = folder / f"{name}.md"
    number = 2
    while path.exists():
        path, number = folder / f"{name}-{number}.md", number + 1
    covers = covered_quarter(today)
    front = CommentedMap([
        ("title", f"Progress update, {covers} (draft from partners' returns)"),
        ("published", today),
        ("covers", covers),
        ("draft", True),
        ("actions", CommentedSeq([_entry(change) for change in changes])),
    ])
    body = (f"Statuses and commentary from partners' returns, imported on {long_date(today)}. Check each status and "
            "commentary above, write here what residents should know about the quarter, set `published` to the day the "
            "update goes out, and delete the line `draft: true` to publish it.\n")
    text = "---\n" + _dump(_yaml(_INDENTS[0]), front) + "---\n\n" + body
    return Edit(path, display_path(path), None, text)


def write(edits: list[Edit], root: Path) -> None:
    """Write every edit, or none: each file is written beside itself first, then all are renamed into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for edit in edits:
            if not is_inside(edit.path.parent, root):
                raise OSError(f"{edit.shown} is outside the source folder")
            edit.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=edit.path.parent, prefix=".returns-", suffix=".tmp")
            staged.append((Path(name), edit.path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(edit.after)
            os.chmod(name, edit.path.stat().st_mode & 0o777 if edit.path.exists() else 0o644)
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for staged_file, path in staged:
        os.replace(staged_file, path)


