"""The tables of measures and thresholds in the reviewers' guide (docs/reports.md), made from their
declarations and the default weights.yml, so that the guide names every key there is and no other.
Print them with ``python -m strategy_site.report.reference``."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from strategy_site.report.measures import MEASURES
from strategy_site.report.weights import Weights, load_weights
from strategy_site.words import number


def measures_table(weights: Weights) -> str:
    lines = ["| area | measure | weight | met when |", "| --- | --- | --- | --- |"]
    lines += [f"| {m.area} | `{m.key}` | {number(weights.of(m.area, m.key))} | {m.met_when} |" for m in MEASURES]
    return "\n".join(lines) + "\n"


def thresholds_table(weights: Weights) -> str:
    lines = ["| threshold | value | what it decides |", "| --- | --- | --- |", *_rows(weights.thresholds, "")]
    return "\n".join(lines) + "\n"


def _rows(block: BaseModel, prefix: str) -> Iterator[str]:
    for name, field in type(block).model_fields.items():
        key, value = prefix + (field.alias or name), getattr(block, name)
        if isinstance(value, BaseModel):  # a block of its own: its meaning, then each of its keys
            yield f"| `{key}` | | {field.description} |"
            yield from _rows(value, key + ": ")
        else:
            yield f"| `{key}` | {number(value)} | {field.description} |"


if __name__ == "__main__":
    weights = load_weights()
    print(measures_table(weights))
    print(thresholds_table(weights), end="")
