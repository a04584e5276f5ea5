"""Findings and the rule catalogue: the vocabulary every stage speaks.

A rule is data (a stable code, a short name, a default severity and four
paragraphs of documentation). Stages that find problems call ``rule.at(...)``
to make a :class:`Finding`; nothing here prints. Every rule registers itself
on creation, so the catalogue page and the CLI list are generated from the
same objects the checks use and cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):  # noqa: UP042  StrEnum would change str() and format() from "Severity.ERROR" to "error"
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    """1-based line and column in a source file."""

    line: int
    column: int


START = Position(1, 1)


@dataclass(frozen=True)
class Location:
    """A place in a file, as shown to the user (path relative to the project)."""

    path: str
    position: Position = START


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    hint: str

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


@dataclass(frozen=True)
class Rule:
    """One entry of the rule catalogue.

    ``what``, ``why``, ``example`` and ``instead`` are the four parts of the
    rule's documentation page: what it reports, why that matters to the
    partnership, an example that triggers it, and what to write instead.
    """

    code: str
    name: str
    severity: Severity
    what: str
    why: str
    example: str = ""
    instead: str = ""

    def __post_init__(self) -> None:
        if self.code in RULES and RULES[self.code] is not self:
            raise ValueError(f"rule code {self.code} is defined twice")
        RULES[self.code] = self

    def at(self, where: Location, message: str, hint: str = "") -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            path=where.path,
            line=where.position.line,
            column=where.position.column,
            message=message,
            hint=hint,
        )


RULES: dict[str, Rule] = {}


def count(findings: list[Finding], severity: Severity) -> int:
    return sum(1 for f in findings if f.severity is severity)
