"""The report's weights and thresholds, read from a YAML file (strategy_site/report/weights.yml by default).

The file weighs every measure declared in strategy_site/report/measures.py and gives every threshold
declared in strategy_site/report/thresholds.py, and nothing else: a misspelt key would otherwise weigh
its measure at 0 without a word. A problem is one plain line: the file, line and column, what is
wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from strategy_site.findings import Position
from strategy_site.load.yaml_source import SourceMap, YamlSyntaxError, parse_yaml, raw_text
from strategy_site.report.measures import AREAS, measures_of
from strategy_site.report.thresholds import Thresholds

DEFAULT_WEIGHTS = Path(__file__).with_name("weights.yml")
BLOCKS = ("weights", "thresholds")


@dataclass(frozen=True)
class Weights:
    weights: dict[str, dict[str, float]]  # area, then measure, in the order they are declared
    thresholds: Thresholds

    def of(self, area: str, measure: str) -> float:
        return self.weights[area][measure]


class WeightsProblem(Exception):
    """The weights file cannot be used; the message says where, what is wrong and how to fix it."""


def load_weights(path: Path = DEFAULT_WEIGHTS) -> Weights:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise WeightsProblem(f"cannot read the weights file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise WeightsProblem(f"cannot read the weights file {path}: it is not UTF-8 text") from error
    try:
        parsed = parse_yaml(text)
    except YamlSyntaxError as error:
        raise WeightsProblem(f"{_at(path, error.problem.position)}: {error.problem.message}") from error
    file = _File(path, parsed.source_map)
    if parsed.problems:  # a repeated key: which one was meant?
        raise file.problem(parsed.problems[0].position, parsed.problems[0].message, "keep one of them")
    data = parsed.data
    file.keys(data, (), BLOCKS, "block")
    return Weights(_weights(file, data["weights"]), _thresholds(file, data["thresholds"]))


def _at(path: Path, position: Position) -> str:
    return f"{path}:{position.line}:{position.column}"


@dataclass(frozen=True)
class _File:
    path: Path
    source_map: SourceMap

    def problem(self, position: Position, what: str, fix: str) -> WeightsProblem:
        return WeightsProblem(f"{_at(self.path, position)}: {what}; {fix}")

    def keys(self, data: Any, where: tuple[str, ...], allowed: tuple[str, ...], noun: str, value: str = "") -> None:
        """``data`` is a block with exactly the keys ``allowed``: none unknown, none missing."""
        inside = f'under "{where[-1]}"' if where else "to the file"
        if not isinstance(data, dict):
            what = f'"{where[-1]}" must hold keys, one a line' if where else "the weights file must hold keys, one a line"
            raise self.problem(self.source_map.value(where), what, "write " + ", ".join(f'"{key}:"' for key in allowed) + f" {inside}")
        for key in data:
            if key not in allowed:
                raise self.problem(self.source_map.key((*where, key)), f'there is no {noun} "{key}"', _use_one_of(key, allowed))
        for key in allowed:
            if key not in data:
                raise self.problem(self.source_map.key(where) if where else Position(1, 1), f'the {noun} "{key}" is missing',
                                   f'add "{key}:{value}" {inside}')


def _use_one_of(key: str, allowed: tuple[str, ...]) -> str:
    guess = difflib.get_close_matches(key, allowed, n=1)
    return (f'did you mean "{guess[0]}"? Use' if guess else "use") + " one of: " + ", ".join(allowed)


def _weights(file: _File, data: Any) -> dict[str, dict[str, float]]:
    file.keys(data, ("weights",), tuple(AREAS), "area")
    weights: dict[str, dict[str, float]] = {}
    for area in AREAS:
        where = ("weights", area)
        declared = tuple(measure.key for measure in measures_of(area))
        file.keys(data[area], where, declared, f"{area} measure", " <weight>")
        weights[area] = {}
        for key in declared:
            value = data[area][key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
                raise file.problem(file.source_map.value((*where, key)), f'the weight of the {area} measure "{key}" is {_shown(value)}',
                                   "write a number of 0 or more (0 leaves the measure out of the scores)")
            weights[area][key] = float(value)
    return weights


def _thresholds(file: _File, data: Any) -> Thresholds:
    try:
        return Thresholds.model_validate(_plain(data))
    except ValidationError as error:
        # A misspelt key is both unknown and missing: the unknown one, with its likely spelling, says more.
        first = min(error.errors(), key=lambda problem: problem["type"] != "extra_forbidden")
        raise _threshold_problem(file, first) from error


def _plain(data: Any) -> Any:
    """Plain int and float: pydantic is to see the numbers, not the loader's subclasses that keep their text."""
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, int) and not isinstance(data, bool):
        return int(data)
    return float(data) if isinstance(data, float) else data


def _threshold_problem(file: _File, error: ErrorDetails) -> WeightsProblem:
    path = ("thresholds", *(str(part) for part in error["loc"]))
    parent, key = path[:-1], path[-1]
    block = _block(parent[1:])
    if error["type"] == "extra_forbidden":
        return file.problem(file.source_map.key(path), f'there is no threshold "{key}"', _use_one_of(key, tuple(_fields(block))))
    meaning = _fields(block)[key].description
    if error["type"] == "missing":
        return file.problem(file.source_map.key(parent), f'the threshold "{key}" is missing', f'add "{key}:" under "{parent[-1]}": {meaning}')
    if error["type"] in ("model_type", "model_attributes_type", "dict_type"):
        return file.problem(file.source_map.value(path), f'"{key}" must hold keys, one a line',
                            "write " + ", ".join(f'"{name}:"' for name in _fields(_block(path[1:]))) + f' under "{key}"')
    wrong = _WRONG_TYPE.get(error["type"]) or error["msg"].replace("Input should", "should", 1)
    return file.problem(file.source_map.value(path), f'the threshold "{key}" is {_shown(error["input"])}, but it {wrong}', f"{key}: {meaning}")


_WRONG_TYPE = {"int_type": "should be a whole number", "int_from_float": "should be a whole number", "float_type": "should be a number"}


def _shown(value: Any) -> str:
    """A value as it was written: a number or date as typed, text in quotes."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(raw_text(value))


def _fields(block: type[BaseModel]) -> dict[str, FieldInfo]:
    """The block's fields by their keys in the file."""
    return {field.alias or name: field for name, field in block.model_fields.items()}


def _block(path: tuple[str, ...]) -> type[BaseModel]:
    """The model of the block of thresholds at ``path`` (the validation error that names it proves there is one)."""
    block: type[BaseModel] = Thresholds
    for key in path:
        annotation = _fields(block)[key].annotation
        assert isinstance(annotation, type) and issubclass(annotation, BaseModel)
        block = annotation
    return block
