"""What a measure is: a judgement of one subject (a document, action, indicator, priority or the
partnership) as met, partly met or not met, with the evidence found and where it was found.

The measures themselves are declared in strategy_site/report/measures.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from strategy_site.findings import Location
from strategy_site.model.project import Project
from strategy_site.report.thresholds import Thresholds


class Result(Enum):
    MET = "met"
    PARTLY = "partly met"
    NOT_MET = "not met"

    @property
    def value_counted(self) -> float:
        return {Result.MET: 1.0, Result.PARTLY: 0.5, Result.NOT_MET: 0.0}[self]


def judged(met: bool, partly: bool = False) -> Result:
    return Result.MET if met else Result.PARTLY if partly else Result.NOT_MET


@dataclass(frozen=True)
class Judging:
    """What every measure is judged with."""

    project: Project
    today: dt.date
    limits: Thresholds


@dataclass(frozen=True)
class Judged:
    result: Result
    evidence: str
    where: Location
    label: str | None = None  # instead of the measure's, when it is judged more than once for one subject


@dataclass(frozen=True)
class Subject:
    key: str  # the id, or the file for a document
    title: str
    model: Any  # the document, action, indicator, priority or partnership judged
    themes: tuple[str, ...] = ()  # the themes its measures count towards
    partners: tuple[str, ...] = ()  # the partners they count towards


# A measure's judgement of one subject: nothing when it does not apply, more than once when the subject has
# several of what is measured (the partnership's agreements).
Judge = Callable[[Judging, Any], Iterable[Judged]]


@dataclass(frozen=True)
class Measure:
    area: str  # document, action, indicator, priority or partnership
    key: str  # its key in weights.yml
    label: str  # the measure in words
    met_when: str  # for the reviewers' guide; thresholds are named by their keys in weights.yml
    judge: Judge
