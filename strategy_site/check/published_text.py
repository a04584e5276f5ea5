"""Finding things in the text that will be published: YAML string values and Markdown bodies,
with the exact line and column of each match."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from strategy_site.findings import Position
from strategy_site.load.files import SourceFile
from strategy_site.model.documents import MARKDOWN_FIELDS
from strategy_site.model.project import Project


@dataclass(frozen=True)
class Text:
    value: str
    start: Position
    inline: bool  # a YAML value (positions inside it are worked out from the line), not a Markdown body
    markdown: bool = True  # published as Markdown; other YAML text is shown exactly as written


def published_text(source: SourceFile) -> list[Text]:
    """Every string value of the file's YAML (or front matter), then its Markdown body."""
    return _remembered(_TEXTS, source, _published_text)


def _published_text(source: SourceFile) -> Iterator[Text]:
    if not source.parsed:
        return
    for path, value in _strings(source.data, ()):
        field = next((part for part in reversed(path) if isinstance(part, str)), "")
        yield Text(value, source.source_map.value(path), inline=True, markdown=field in MARKDOWN_FIELDS)
    if source.body:
        yield Text(source.body, Position(source.body_line, 1), inline=False)


_CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]*`", re.MULTILINE | re.DOTALL)


def prose(project: Project) -> Iterator[tuple[SourceFile, Text]]:
    """Every text published as Markdown, with code blanked out: code is shown as written, never run."""
    for source in project.files:
        for text in _remembered(_PROSE, source, _blanked):
            yield source, text


def _blanked(source: SourceFile) -> Iterator[Text]:
    for text in (text for text in published_text(source) if text.markdown):
        # Letters, not spaces: blanked code must keep every position, and must not read as indentation.
        blanked = _CODE.sub(lambda m: re.sub(r"[^\n]", "x", m.group(0)), text.value)
        yield Text(blanked, text.start, text.inline, text.markdown)


# Most rules read the published text of every file: each file's texts are worked out once per check,
# and forgotten when the check ends (forget()), since a big partnership's texts take tens of megabytes.
# Each entry keeps its file alive, so no other file can take its id while it is remembered; a rule run on
# its own, outside a check, is still answered for the right file.
_TEXTS: dict[int, tuple[SourceFile, list[Text]]] = {}
_PROSE: dict[int, tuple[SourceFile, list[Text]]] = {}


def _remembered(memory: dict[int, tuple[SourceFile, list[Text]]], source: SourceFile,
                work: Callable[[SourceFile], Iterator[Text]]) -> list[Text]:
    entry = memory.get(id(source))
    if entry is None or entry[0] is not source:
        entry = memory[id(source)] = (source, list(work(source)))
    return entry[1]


def forget() -> None:
    """Drop the texts remembered during a check."""
    _TEXTS.clear()
    _PROSE.clear()


def matches(source: SourceFile, pattern: re.Pattern[str], text: Text) -> Iterator[tuple[re.Match[str], Position]]:
    """Each match of ``pattern`` in ``text`` and where it is in the file."""
    for match in pattern.finditer(text.value):
        yield match, position_in(source, text, match.start())


def position_in(source: SourceFile, text: Text, offset: int) -> Position:
    """Where the character at ``offset`` in ``text`` is in the file."""
    before = text.value[:offset]
    if text.inline:
        return _inline_position(source, text.start, before)
    return Position(text.start.line + before.count("\n"), len(before) - before.rfind("\n"))


def _inline_position(source: SourceFile, start: Position, before: str) -> Position:
    """The exact column inside a one-line YAML value; the value's start for block or folded text."""
    lines = source.text.splitlines()
    line = lines[start.line - 1] if 0 < start.line <= len(lines) else ""
    opener = line[start.column - 1 : start.column]
    if "\n" in before or opener in ("|", ">"):
        return start
    return Position(start.line, start.column + len(before) + (1 if opener in ("'", '"') else 0))


def _strings(data: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))
