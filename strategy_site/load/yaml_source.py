"""YAML to plain Python values, keeping where every key and value came from.

We compose PyYAML's node tree with the safe loader's machinery (no Python
objects are ever constructed from tags) and build the values ourselves, so
that every value keeps its line and column and a repeated key is reported
instead of silently overwriting the first.

YAML 1.1 surprises are handled on purpose (the authoring guide explains them
to officers):

* only ``true`` and ``false`` are booleans, as in YAML 1.2. ``no``, ``yes``,
  ``on`` and ``off`` stay text, so ``country: NO`` is not ``False``. A yes/no
  field still understands them, because the schema accepts them there.
* numbers and dates keep the exact text the officer typed (``raw``), so a text
  field given ``1.10`` or ``2025-03-31`` receives that text, not ``1.1`` or a
  date object. A number field still gets the number, a date field the date.
* a bare date that is not a real day (``2025-02-30``) stays text, so the
  schema can say "not a valid date" at the right place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, cast

import yaml
import yaml.reader
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from strategy_site.findings import Position

Path = tuple[str | int, ...]

# Aliases ('*name') repeat what an anchor ('&name') holds. A document whose aliases expand to more
# than this many values is refused: it is either a mistake or an attempt to exhaust memory
# ("billion laughs"). Values written out plainly are limited by the file size instead.
MAX_EXPANDED = 100_000
# No strategy document nests deeper than a handful of levels; a deeper one would exhaust the stack.
MAX_DEPTH = 32


class YamlInt(int):
    raw: str


class YamlFloat(float):
    raw: str


class YamlDate(dt.date):
    raw: str


def raw_text(value: Any) -> Any:
    """The text the officer typed for a number or date scalar, else the value."""
    return getattr(value, "raw", value)


class _CoreResolver(Resolver):
    """YAML 1.2 core schema resolution, plus ISO dates."""


_CoreResolver.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", list("0123456789")),
]:
    _CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), _first)


class _PythonComposer(Reader, Scanner, Parser, Composer, _CoreResolver):
    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _CoreResolver.__init__(self)


try:  # libyaml composes the same node tree, with the same marks, about ten times faster
    from yaml._yaml import CParser  # where yaml.cyaml imports it from; the stubs export it only here

    class _CComposer(CParser, _CoreResolver):
        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            _CoreResolver.__init__(self)

    _Composer: type = _CComposer
except ImportError:  # PyYAML built without libyaml
    _Composer = _PythonComposer


@dataclass
class SourceMap:
    """Positions of values and keys, addressed by their path from the root.

    Kept for every value of every file while the site is built, so each position is stored as one
    int (line and column packed, see ``packed``), not as a Position object: a third of the memory."""

    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)

    def value(self, path: Path) -> Position:
        """Where the value at ``path`` starts, or its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return unpacked(found)
        return Position(1, 1)

    def key(self, path: Path) -> Position:
        """Where the key naming ``path`` is written (falls back to the value)."""
        found = self.keys.get(path)
        return unpacked(found) if found is not None else self.value(path)


_COLUMNS = 1 << 24  # no line of a file read (at most 2 MB) is longer


def packed(line: int, column: int) -> int:
    return line * _COLUMNS + column


def unpacked(position: int) -> Position:
    return Position(*divmod(position, _COLUMNS))


@dataclass(frozen=True)
class YamlProblem:
    kind: str  # "syntax" or "duplicate-key"
    message: str
    position: Position
    key: str = ""
    first: Position | None = None


class YamlSyntaxError(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class ParsedYaml:
    data: Any
    source_map: SourceMap
    problems: list[YamlProblem]


def parse_yaml(text: str, first_line: int = 1) -> ParsedYaml:
    """Parse one YAML document; ``first_line`` is the file line the text starts on.

    Raises :class:`YamlSyntaxError` when the text is not YAML at all; repeated
    keys are returned as problems so the rest of the file is still checked.
    """
    offset = first_line - 1
    composer = None
    try:
        composer = _Composer(text)  # the reader rejects control characters as soon as it starts
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Position(mark.line + 1 + offset, mark.column + 1) if mark else Position(first_line, 1)
        raise YamlSyntaxError(YamlProblem("syntax", _plain_syntax_message(error, text), position)) from None
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        position = Position(before.count("\n") + first_line, len(before) - before.rfind("\n"))
        message = f"the file contains a control character (code {error.character:#06x}) that text files cannot hold"
        raise YamlSyntaxError(YamlProblem("syntax", message, position)) from None
    finally:
        if composer is not None:
            composer.dispose()
    builder = _Builder(offset)
    data = builder.build(node, ()) if node is not None else None
    return ParsedYaml(data, builder.source_map, builder.problems)


def _plain_syntax_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    mark = error.problem_mark
    lines = text.splitlines()
    at_tab = mark is not None and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t"
    if "mapping values are not allowed" in problem:
        return "a colon followed by a space is not allowed here; text containing ': ' must be in quotes"
    if at_tab or "tab" in problem:
        return "a tab character is used for indenting; YAML needs spaces"
    if "expected a single document" in context or "expected a single document" in problem:
        return "this file holds more than one YAML document (a second '---' line); keep one per file"
    if "could not find expected ':'" in problem:
        return "a line here is not a 'key: value' pair; check the indentation or add the missing colon"
    if "flow sequence" in context:
        return "a list written in [ ] is not closed, or its items are not separated by commas: add the missing ']' or ','"
    if "flow mapping" in context:
        return "a block written in { } is not closed, or its fields are not separated by commas: add the missing '}' or ','"
    if "quoted scalar" in context:
        return "text in quotes is never closed: add the closing quote mark"
    if "did not find expected key" in problem or "expected '-' indicator" in problem:
        return "this line's indentation does not line up with the lines above it"
    if "maximum nesting depth" in problem:
        return f"the YAML is nested too deeply to read; documents need only a few levels (at most {MAX_DEPTH})"
    if "undefined alias" in problem:
        return "a '*' refers to an anchor ('&') that is not defined above; put text starting with '*' in quotes"
    detail = f"{context}, {problem}" if context else problem
    return f"the YAML cannot be read: {detail}"


class _Builder:
    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.source_map = SourceMap()
        self.problems: list[YamlProblem] = []
        self.built: set[int] = set()  # nodes already built once: meeting one again is an alias
        self.expanded = 0

    def position(self, node: Node) -> Position:
        return unpacked(self.at(node))

    def at(self, node: Node) -> int:
        return packed(node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def build(self, node: Node, path: Path, alias: bool = False) -> Any:
        alias = alias or id(node) in self.built
        self.built.add(id(node))
        if alias:
            self.expanded += 1
            if self.expanded > MAX_EXPANDED:
                self.refuse(node, f"the '*' aliases in the file repeat more than {MAX_EXPANDED:,} values; write it out plainly")
        if len(path) > MAX_DEPTH:
            self.refuse(node, f"the YAML is nested more than {MAX_DEPTH} levels deep; documents need only a few levels")
        self.source_map.values.setdefault(path, self.at(node))
        if isinstance(node, MappingNode):
            return self.mapping(node, path, alias)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (index,), alias) for index, item in enumerate(node.value)]
        return self.scalar(cast(ScalarNode, node))  # the composer makes only scalar, sequence and mapping nodes

    def refuse(self, node: Node, message: str) -> None:
        raise YamlSyntaxError(YamlProblem("syntax", message, self.position(node)))

    def mapping(self, node: MappingNode, path: Path, alias: bool) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlSyntaxError(
                    YamlProblem("syntax", "a key must be a plain word, not a list or a mapping", self.position(key_node))
                )
            key = str(raw_text(self.scalar(key_node)))
            key_path = path + (key,)
            if key in result:
                self.problems.append(
                    YamlProblem(
                        "duplicate-key",
                        f'the key "{key}" appears twice in the same block; the second would silently replace the first',
                        self.position(key_node),
                        key=key,
                        first=unpacked(self.source_map.keys[key_path]),
                    )
                )
                continue
            self.source_map.keys[key_path] = self.at(key_node)
            result[key] = self.build(value_node, key_path, alias)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        text = node.value
        tag = node.tag
        if tag == "tag:yaml.org,2002:bool":
            return text.lower() == "true"
        if tag == "tag:yaml.org,2002:null":
            return None
        try:
            if tag == "tag:yaml.org,2002:int":
                value: Any = YamlInt(int(text, 0) if text[:2] in ("0o", "0x") else int(text))
            elif tag == "tag:yaml.org,2002:float":
                lowered = text.lower()
                value = YamlFloat(lowered.replace(".", "", 1) if lowered.lstrip("+-") in (".inf", ".nan") else text)
            elif tag == "tag:yaml.org,2002:timestamp":
                day = dt.date.fromisoformat(text)
                value = YamlDate(day.year, day.month, day.day)
            else:
                # Quoted scalars and explicit tags (even !!python/...) are plain text.
                return text
        except ValueError:  # "2025-02-30", or an explicit !!int on words
            return text
        value.raw = text
        return value
