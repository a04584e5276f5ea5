"""The traceability declarations: every requirement and weakness the two source documents name, quoted, and
how strategy-site tests it.

The declarations are data (strategy_site/traceability.yml). Each entry quotes one paragraph of the 2001
guidance or the 2005 evaluation, says the requirement in plain words, and has exactly one outcome: a check
rule, a report measure, or "for the reviewer to judge" with the reason. Loading them checks that every rule
is in the rule catalogue and every measure in the report's weights, so a declaration cannot claim a test
that does not exist. docs/traceability.md and the "Sources" line of each rule in docs/rules.md are made
from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

DECLARATIONS = Path(__file__).with_name("traceability.yml")

Outcome = Literal["rule", "measure", "reviewer"]
OUTCOMES: tuple[Outcome, ...] = ("rule", "measure", "reviewer")
_FIELDS = ("id", "source", "paragraph", "quote", "requirement")
_OPTIONAL = ("note",)


@dataclass(frozen=True)
class Source:
    key: str  # as the declarations name it
    title: str
    publisher: str
    file: str  # in docs/sources/


SOURCES: dict[str, Source] = {
    "guidance": Source("guidance", "Local Strategic Partnerships: Government guidance",
                       "Department of the Environment, Transport and the Regions, March 2001", "guidance-2001.txt"),
    "evaluation": Source("evaluation", "Evaluation of Local Strategic Partnerships: Interim Report",
                         "Office of the Deputy Prime Minister, August 2005", "evaluation-2005.txt"),
}


@dataclass(frozen=True)
class Entry:
    id: str
    source: str  # a key of SOURCES
    paragraph: str  # as the source numbers it: "9", "2.4.4", "Box 2.8", "Annex C"
    quote: str  # word for word from the source
    requirement: str  # the requirement or weakness, in plain words
    outcome: Outcome
    value: str  # the rule's code, the measure's id (area.key), or why the reviewer judges it
    note: str | None = None  # the part of the requirement the outcome leaves out, if any

    @property
    def rule(self) -> str | None:
        return self.value if self.outcome == "rule" else None

    @property
    def measure(self) -> str | None:
        return self.value if self.outcome == "measure" else None


class TraceabilityProblem(Exception):
    """The declarations cannot be used: the message names the entry and what is wrong."""


def read_declarations(path: Path = DECLARATIONS) -> list[Entry]:
    """The entries of a declarations file, each checked for its fields and its one outcome."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise TraceabilityProblem(f"cannot read {path.name}: {error}") from error
    if not isinstance(data, dict) or set(data) != {"entries"} or not isinstance(data["entries"], list):
        raise TraceabilityProblem(f"{path.name} must hold one key, 'entries', with a list of entries")
    entries = [_entry(number, raw) for number, raw in enumerate(data["entries"], start=1)]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise TraceabilityProblem(f"entry {entry.id}: the id is used twice")
        seen.add(entry.id)
    return entries


def _entry(number: int, raw: Any) -> Entry:
    name = f"entry {raw.get('id', number) if isinstance(raw, dict) else number}"
    if not isinstance(raw, dict):
        raise TraceabilityProblem(f"{name}: must be a block of 'field: value' lines")
    unknown = set(raw) - {*_FIELDS, *OUTCOMES, *_OPTIONAL}
    if unknown:
        raise TraceabilityProblem(f"{name}: unknown field {', '.join(sorted(unknown))}")
    for field in (*_FIELDS, *_OPTIONAL, *OUTCOMES):
        if field in raw and (not isinstance(raw[field], str) or not raw[field].strip()):
            raise TraceabilityProblem(f"{name}: {field} must be text")
    missing = [field for field in _FIELDS if field not in raw]
    if missing:
        raise TraceabilityProblem(f"{name}: {', '.join(missing)} missing")
    outcomes = [field for field in OUTCOMES if field in raw]
    if len(outcomes) != 1:
        raise TraceabilityProblem(f"{name}: needs exactly one outcome (rule, measure or reviewer), has {len(outcomes)}")
    if raw["source"] not in SOURCES:
        raise TraceabilityProblem(f"{name}: source must be one of {', '.join(SOURCES)}, not {raw['source']}")
    return Entry(raw["id"], raw["source"], raw["paragraph"], raw["quote"], raw["requirement"], outcomes[0], raw[outcomes[0]],
                 raw.get("note"))


def check_references(entries: list[Entry]) -> None:
    """Every rule an entry names is in the rule catalogue, and every measure in the report's weights."""
    import strategy_site.check  # noqa: F401  (every rule registers)
    from strategy_site.findings import RULES
    from strategy_site.report.weights import load_weights

    measures = {f"{area}.{key}" for area, keys in load_weights().weights.items() for key in keys}
    for entry in entries:
        if entry.rule is not None and entry.rule not in RULES:
            raise TraceabilityProblem(f"entry {entry.id}: there is no rule {entry.rule} (see strategy-site rules)")
        if entry.measure is not None and entry.measure not in measures:
            raise TraceabilityProblem(f"entry {entry.id}: there is no measure {entry.measure} in weights.yml; use one of: "
                                      + ", ".join(sorted(measures)))


@cache
def load_traceability() -> tuple[Entry, ...]:
    """The shipped declarations, checked against the rule catalogue and the report's measures."""
    entries = read_declarations()
    check_references(entries)
    return tuple(entries)


def counts(entries: tuple[Entry, ...] | list[Entry]) -> dict[str, dict[Outcome, int]]:
    """How many entries of each source end in each outcome."""
    table: dict[str, dict[Outcome, int]] = {source: dict.fromkeys(OUTCOMES, 0) for source in SOURCES}
    for entry in entries:
        table[entry.source][entry.outcome] += 1
    return table
