"""What changed between two assessments: the score, the findings, action statuses and indicators.

A reviewer runs `strategy-site report --since REV` before a board meeting to see
what has moved since the sources at REV (a commit, tag or branch).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from strategy_site.findings import Finding
from strategy_site.model.progress import Point, indicator_progress
from strategy_site.report.assessment import Assessment


@dataclass(frozen=True)
class StatusChange:
    action: str
    title: str
    before: str | None  # None: the action is new
    after: str | None  # None: the action was removed


@dataclass(frozen=True)
class IndicatorChange:
    indicator: str
    title: str
    before: Point | None
    after: Point
    direction: str  # better, worse, no change, new figure


@dataclass(frozen=True)
class Changes:
    since: str
    score_before: int | None
    score_after: int | None
    resolved: list[Finding]
    new: list[Finding]
    statuses: list[StatusChange]
    indicators: list[IndicatorChange]


def _key(finding: Finding, root: Path) -> tuple[str, str, str]:
    """A finding's identity across versions: its rule, file and message, not its line, which moves."""
    relative = os.path.relpath(Path(finding.path).resolve(), root.resolve())
    return finding.code, relative, finding.message


def compare(before: Assessment, after: Assessment, since: str) -> Changes:
    old = {_key(f, before.project.root): f for f in before.findings}
    now = {_key(f, after.project.root): f for f in after.findings}
    statuses = []
    previous = {a.id: a for a in before.project.actions}
    for action in after.project.actions:
        status_before = before.project.latest_status(previous[action.id]) if action.id in previous else None
        status = after.project.latest_status(action)
        if status_before != status:
            statuses.append(StatusChange(action.id, action.title, status_before, status))
    current = {a.id for a in after.project.actions}
    statuses += [StatusChange(a.id, a.title, before.project.latest_status(a), None) for a in before.project.actions if a.id not in current]
    indicators = []
    for indicator in after.project.indicators:
        latest = indicator_progress(after.project, indicator).latest
        earlier = before.project.indicator_by_id.get(indicator.id)
        was = indicator_progress(before.project, earlier).latest if earlier else None
        if latest is None or latest == was:
            continue
        if was is None:
            direction = "new figure"
        elif latest.value == was.value:
            direction = "no change"
        else:
            rose = latest.value > was.value
            direction = "better" if rose == (indicator.better == "higher") else "worse"
        indicators.append(IndicatorChange(indicator.id, indicator.title, was, latest, direction))
    return Changes(
        since,
        before.overall.score,
        after.overall.score,
        resolved=[f for key, f in old.items() if key not in now],
        new=[f for key, f in now.items() if key not in old],
        statuses=statuses,
        indicators=indicators,
    )
