"""Where the checks register, and the context they run in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from strategy_site.findings import Finding
from strategy_site.model.project import Project


@dataclass(frozen=True)
class Context:
    project: Project
    today: dt.date


Check = Callable[[Context], Iterable[Finding]]
CHECKS: list[Check] = []


def check(function: Check) -> Check:
    """Register a check: a function from the project to the findings it raises."""
    CHECKS.append(function)
    return function
