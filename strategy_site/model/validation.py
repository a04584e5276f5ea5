"""Validate a file's values against its model, turning schema errors into plain findings.

A list item with an error (one action in a plan of forty) is reported and left
out, so the rest of the file is still modelled and cross-checked.
"""

from __future__ import annotations

import copy
import difflib
import types
import typing
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import SourceFile
from strategy_site.load.yaml_source import raw_text
from strategy_site.model.documents import Model
from strategy_site.model.fields import POUNDS_DESCRIPTION, plain_number
from strategy_site.words import quoted

M = TypeVar("M", bound=Model)
Path = tuple[str | int, ...]

MISSING_FIELD = Rule(
    "SS201",
    "missing-field",
    Severity.ERROR,
    what="A required field is missing.",
    why="The site and the report cannot say what the partnership promised without it.",
    example="- id: CS-03\n  title: Safer streets at night\n  # no status",
    instead="- id: CS-03\n  title: Safer streets at night\n  status: on track",
)
WRONG_TYPE = Rule(
    "SS202",
    "wrong-type",
    Severity.ERROR,
    what="A field holds the wrong kind of value: text where a number belongs, a single value where a list belongs.",
    why="The value cannot be used: a target of 'about 40' cannot be drawn on a chart or compared with the figures.",
    example="value: about 40\nsupporting: police",
    instead="value: 40\nsupporting: [police]",
)
UNKNOWN_VALUE = Rule(
    "SS203",
    "unknown-value",
    Severity.ERROR,
    what="A field that takes one of a fixed set of words has another word.",
    why="Statuses, sectors and kinds of money are counted and compared across the strategy; a word outside "
    "the set would be counted as nothing.",
    example="status: ongoing",
    instead="status: on track   # one of: not started, on track, at risk, off track, complete, dropped",
)
UNKNOWN_KEY = Rule(
    "SS204",
    "unknown-key",
    Severity.ERROR,
    what="A field name is not one strategy-site knows for this kind of document.",
    why="It is most often a misspelling, and the value you meant to give is then silently missing.",
    example="lead_partner: police",
    instead="lead: police",
)
INVALID_VALUE = Rule(
    "SS205",
    "invalid-value",
    Severity.ERROR,
    what="A value has the right kind but is not valid: a date that does not exist, a period in an unknown "
    "format or one that could be read two ways, a negative amount of money, an id with spaces.",
    why="The value cannot be placed on a timeline, added up or linked to. A period such as 2008-09, which "
    "could be September 2008 or the financial year 2008/09, would be placed by a guess.",
    example="due: 2026-02-30\nperiod: Spring 2026\nby: 2008-09",
    instead="due: 2026-02-28\nperiod: 2026 Q1\nby: 2008/09   # or Sep 2008 for the month",
)

# pydantic's error types that mean "the wrong kind of value", and what kind was wanted
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with '- ', or [a, b])",
    "dict_type": "a block of fields",
    "model_type": "a block of fields",
    "model_attributes_type": "a block of fields",
    "date_type": "a date written as YYYY-MM-DD",
}


def validate(source: SourceFile, model: type[M]) -> tuple[M | None, list[Finding]]:
    """The model of ``source.data``, or ``None`` when its top level is unusable, and the findings."""
    data = source.data
    if not isinstance(data, dict):
        return None, [
            WRONG_TYPE.at(
                source.where(),
                f"the {source.kind.label} should be a block of 'field: value' lines, not {_describe(data)}",
                "start from the complete example in the authoring guide",
            )
        ]
    try:
        return _locate(model.model_validate(data), source, {}), []
    except ValidationError as error:
        errors = error.errors(include_url=False)
    findings = [_finding(source, model, err) for err in errors]
    salvaged = _salvage(data, errors)
    if salvaged is None:
        return None, findings
    repaired, kept = salvaged
    try:
        return _locate(model.model_validate(repaired), source, kept), findings
    except ValidationError:
        return None, findings


def _salvage(data: dict[str, Any], errors: list[Any]) -> tuple[dict[str, Any], dict[Path, list[int]]] | None:
    """A copy of ``data`` without the unknown keys and the list items in error, and the items kept.

    Returns ``None`` when an error is outside every list item (the document's own fields), since then
    there is nothing sound left to model. Linear in the number of errors: a file may hold thousands.
    """
    unknown_keys = [tuple(err["loc"]) for err in errors if err["type"] == "extra_forbidden"]
    items = {_innermost_item(tuple(err["loc"])) for err in errors if err["type"] != "extra_forbidden"}
    if None in items:
        return None
    repaired = copy.deepcopy(data)
    for loc in unknown_keys:
        container = _at(repaired, loc[:-1])
        if isinstance(container, dict):
            container.pop(loc[-1], None)
    dropped: dict[Path, set[int]] = {}
    for item in items:
        assert item is not None
        inside_dropped_item = any(item[:end] in items for end in range(1, len(item)) if isinstance(item[end - 1], int))
        if not inside_dropped_item:
            dropped.setdefault(item[:-1], set()).add(item[-1])  # type: ignore[arg-type]
    kept: dict[Path, list[int]] = {}
    # Deepest lists first, so that an outer list's items are still at their original indices.
    for container in sorted(dropped, key=len, reverse=True):
        items_there = _at(repaired, container)
        kept[container] = [index for index in range(len(items_there)) if index not in dropped[container]]
        _set(repaired, container, [items_there[index] for index in kept[container]])
    return repaired, kept


def _innermost_item(loc: Path) -> Path | None:
    for end in range(len(loc), 0, -1):
        if isinstance(loc[end - 1], int):
            return loc[:end]
    return None


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: Path, value: Any) -> None:
    _at(data, path[:-1])[path[-1]] = value


def _locate(model: M, source: SourceFile, kept: dict[Path, list[int]]) -> M:
    """Attach the source file and original path to every part of the model."""

    def walk(value: Any, path: Path) -> None:
        if isinstance(value, Model):
            value._source, value._path = source, path
            for name in type(value).model_fields:
                walk(getattr(value, name), path + (name,))
        elif isinstance(value, list):
            originals = kept.get(path, range(len(value)))
            # The salvaged list holds exactly the kept items, and validating a list keeps its length.
            for item, original in zip(value, originals, strict=True):
                walk(item, path + (original,))

    walk(model, ())
    return model


def _finding(source: SourceFile, model: type[BaseModel], error: Any) -> Finding:
    loc: Path = tuple(error["loc"])
    kind: str = error["type"]
    field = str(next((part for part in reversed(loc) if isinstance(part, str)), source.kind.value))
    owner = _model_at(model, loc[:-1]) or model
    noun = _noun(owner)
    given = error.get("input")
    if kind == "missing":
        description = (owner.model_fields[field].description if field in owner.model_fields else None) or ""
        return MISSING_FIELD.at(
            source.where(loc),
            f'this {noun} has no "{field}", which is required',
            f"add a line '{field}: ...'" + (f" ({description})" if description else ""),
        )
    if kind == "extra_forbidden":
        allowed = sorted(owner.model_fields)
        guess = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        return UNKNOWN_KEY.at(
            source.where(loc, key=True),
            f'"{field}" is not a field of {_a(noun)}' + (f'. Did you mean "{guess[0]}"?' if guess else ""),
            f"the fields {_a(noun)} can have are: " + ", ".join(allowed),
        )
    if kind in ("literal_error", "enum"):
        # A value in a mapping (severity: {SS404: loud}) takes its choices from the mapping's field.
        choices = _choices(owner, field) or (_choices(owner, str(loc[-2])) if len(loc) > 1 else [])
        return UNKNOWN_VALUE.at(source.where(loc), _unknown_word(str(raw_text(given)), field, choices), "use one of: " + ", ".join(choices))
    expected = _EXPECTED.get(kind)
    if expected is not None:
        money = _is_money(owner, field)
        return WRONG_TYPE.at(
            source.where(loc),
            f'"{field}" should be {"a whole number of pounds" if money else expected}, not {_describe(given)}',
            _money_hint(given) if money else _number_hint(given) or _type_hint(expected),
        )
    return INVALID_VALUE.at(source.where(loc), _invalid_message(field, kind, error), _invalid_hint(kind))


# Words officers often write for one of the fixed words. They are suggested, not accepted: the files,
# the schema editors complete from and the site's filters then all use one word for one thing.
SYNONYMS = {
    "annual": ("yearly", "annually", "per year", "every year", "each year", "once a year", "year"),
    "quarterly": ("quarter", "every quarter", "per quarter", "each quarter", "three-monthly", "3-monthly",
                  "every three months", "every 3 months"),
    "monthly": ("month", "every month", "per month", "each month"),
    "every two years": ("biennial", "biennially", "every 2 years", "two-yearly", "2-yearly", "every other year",
                        "every second year"),
    "complete": ("completed", "done", "finished"),
    "dropped": ("cancelled", "canceled", "withdrawn", "abandoned", "stopped"),
    "not started": ("not yet started", "not begun", "planned"),
    "higher": ("up", "increase", "more", "higher is better"),
    "lower": ("down", "decrease", "less", "fewer", "lower is better"),
    "private": ("business",),
    "voluntary": ("third sector", "charity", "vcs"),
    "faith": ("faith-based", "religious"),
    "neighbourhood renewal fund": ("nrf",),
    "adopted": ("approved", "agreed"),
    "consultation": ("consulting", "out for consultation"),
}
_SYNONYM_OF = {word: canonical for canonical, words in SYNONYMS.items() for word in words}


def _unknown_word(given: str, field: str, choices: list[str]) -> str:
    """The message for a word outside the allowed set: the allowed word it means, or the nearest in spelling."""
    typed = " ".join(given.lower().replace("_", " ").split())
    meant = _SYNONYM_OF.get(typed)
    if meant in choices:
        return f'"{given}" is not an allowed {field}: the word for it is "{meant}"'
    guess = difflib.get_close_matches(typed, choices, n=1, cutoff=0.5)
    return f'"{given}" is not an allowed {field}' + (f'. Did you mean "{guess[0]}"?' if guess else "")


def _invalid_message(field: str, kind: str, error: Any) -> str:
    given = raw_text(error.get("input"))
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        return f'"{given}" is not a valid id for "{field}": use letters, digits, ".", "_" or "-", with no spaces'
    if kind in ("string_too_short", "too_short"):
        return f'"{field}" is empty'
    if kind.startswith("date"):
        return f'"{given}" is not a valid date for "{field}"'
    if kind in ("greater_than_equal", "greater_than"):
        return f'"{field}" cannot be negative (it is {given})'
    if kind in ("less_than_equal", "less_than"):
        return f'"{field}" is {given}, more than the {error["ctx"]["le"]:,} strategy-site accepts'
    if kind in ("string_too_long", "too_long"):
        return f'"{field}" is longer than {error["ctx"]["max_length"]} characters'
    return f'{_describe(given)} is not a valid value for "{field}": {error["msg"]}'


def _invalid_hint(kind: str) -> str:
    if kind.startswith("date"):
        return "write the date as YYYY-MM-DD, for example 2026-03-31, and check the day exists"
    if kind in ("string_too_short", "too_short"):
        return "write the text, or remove the line if the field is optional"
    if kind in ("greater_than_equal", "greater_than"):
        return "amounts are whole pounds, zero or more"
    if kind in ("less_than_equal", "less_than"):
        return "check for extra digits; amounts are whole pounds"
    if kind in ("string_too_long", "too_long"):
        return "use a shorter id; ids are short labels such as HE-01 or police"
    return "see the field's description in the authoring guide"


def _is_money(owner: type[BaseModel], field: str) -> bool:
    info = owner.model_fields.get(field)
    return info is not None and info.description == POUNDS_DESCRIPTION


def _money_hint(given: Any) -> str:
    number = plain_number(str(raw_text(given)))
    if number is not None and "." not in number:
        return f"write whole pounds with no £ sign or commas: {number}"
    return "write whole pounds with no £ sign, commas or pence, for example 45000"


def _number_hint(given: Any) -> str | None:
    """How to write a figure typed with commas or a £ sign ("1,250.5"), if that is what is wrong."""
    number = plain_number(str(raw_text(given))) if isinstance(raw_text(given), str) else None
    return None if number is None else f"write the number with no commas or £ sign: {number}"


def _type_hint(expected: str) -> str:
    if expected.startswith("a list"):
        return "write one item per line starting with '- ', or [first, second] on one line"
    if expected == "text":
        return "write the words you mean; put them in quotes if they look like a number or true/false"
    if expected.startswith("a block"):
        return "indent the fields under this line, each as 'name: value'"
    return f"write {expected}"


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return quoted(str(raw_text(value)))


def _noun(model: type[BaseModel]) -> str:
    name = model.__name__
    return "".join(" " + c.lower() if c.isupper() else c for c in name).strip()


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _model_classes(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_model_classes(arg))
    return found


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that owns the field at ``loc``."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        classes = _model_classes(field.annotation)
        if not classes:
            return None
        current = classes[0]
    return current


def _choices(model: type[BaseModel], field: str) -> list[str]:
    info = model.model_fields.get(field)
    if info is None:
        return []

    def literals(annotation: Any) -> list[str]:
        origin = typing.get_origin(annotation)
        if origin is Literal:
            return [str(arg) for arg in typing.get_args(annotation)]
        if origin in (typing.Union, types.UnionType, list):
            return [choice for arg in typing.get_args(annotation) for choice in literals(arg)]
        if origin is dict:  # the value's choices, as in severity: {SS404: warning}
            return literals(typing.get_args(annotation)[1])
        return []

    return literals(info.annotation)
