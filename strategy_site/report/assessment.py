"""The completeness assessment: every measure of every document, action, indicator and priority,
and of the partnership, each met, partly met or not met, with the evidence found.

It reads the model and the findings of `check`; it never changes either. The measures are declared
in measures.py; the weights and thresholds come from a file (weights.yml), the arithmetic is
explained there.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from strategy_site.findings import Finding
from strategy_site.model.project import Project
from strategy_site.report.measure import Judging, Result, Subject
from strategy_site.report.measures import AREAS, measures_of
from strategy_site.report.weights import Weights


@dataclass(frozen=True)
class Item:
    area: str  # document, action, indicator, priority or partnership
    subject: str  # the id, or the file for a document
    title: str
    measure: str  # the key in weights.yml
    label: str  # the measure in words
    result: Result
    evidence: str
    weight: float
    path: str | None = None
    line: int | None = None
    column: int | None = None
    themes: tuple[str, ...] = ()  # the themes the item counts towards
    partners: tuple[str, ...] = ()  # the partners it counts towards


@dataclass(frozen=True)
class Score:
    kind: str  # partnership, document, theme or partner
    key: str
    name: str
    score: int | None  # None when no weighted measure applies
    met: int
    partly: int
    not_met: int


@dataclass
class Assessment:
    project: Project
    today: dt.date
    weights: Weights
    items: list[Item]
    findings: list[Finding]
    scores: list[Score] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        return next(score for score in self.scores if score.kind == "partnership")

    def scores_of(self, kind: str) -> list[Score]:
        return [score for score in self.scores if score.kind == kind]

    @property
    def gaps(self) -> list[Item]:
        """What is not met, heaviest first: what a reviewer should raise first."""
        return sorted((i for i in self.items if i.result is not Result.MET), key=lambda i: (-i.weight * (1 - i.result.value_counted), i.area, i.subject))


def score(items: list[Item]) -> int | None:
    total = sum(item.weight for item in items)
    if not total:
        return None
    return round(100 * sum(item.weight * item.result.value_counted for item in items) / total)


def _score(kind: str, key: str, name: str, items: list[Item]) -> Score:
    counts = Counter(item.result for item in items)
    return Score(kind, key, name, score(items), counts[Result.MET], counts[Result.PARTLY], counts[Result.NOT_MET])


def _items(judging: Judging, weights: Weights, area: str, subject: Subject) -> Iterator[Item]:
    for measure in measures_of(area):
        for judged in measure.judge(judging, subject.model):
            where = judged.where
            yield Item(area, subject.key, subject.title, measure.key, judged.label or measure.label, judged.result, judged.evidence,
                       weights.of(area, measure.key), where.path, where.position.line, where.position.column, subject.themes, subject.partners)


def assess(project: Project, findings: list[Finding], today: dt.date, weights: Weights) -> Assessment:
    """Every measure, and the scores of the partnership, each document, theme and partner."""
    judging = Judging(project, today, weights.thresholds)
    items = [item for area, subjects in AREAS.items() for subject in subjects(project) for item in _items(judging, weights, area, subject)]
    assessment = Assessment(project, today, weights, items, findings)
    name = project.partnership.name if project.partnership else "The partnership"
    scores = [_score("partnership", "partnership", name, items)]
    by_path: dict[str, list[Item]] = {}
    by_theme: dict[str, list[Item]] = {}
    by_partner: dict[str, list[Item]] = {}
    for item in items:
        if item.path:
            by_path.setdefault(item.path, []).append(item)
        for theme in item.themes:
            by_theme.setdefault(theme, []).append(item)
        for partner in item.partners:
            by_partner.setdefault(partner, []).append(item)
    titles = {f.path: _title(f) for f in project.files}
    scores += [_score("document", path, titles.get(path, path), group) for path, group in sorted(by_path.items())]
    scores += [_score("theme", t.id, t.name, by_theme.get(t.id, [])) for t in project.themes]
    scores += [_score("partner", m.id, m.name, by_partner.get(m.id, [])) for m in project.members]
    assessment.scores = scores
    return assessment


def _title(source: Any) -> str:
    data = source.data if isinstance(source.data, dict) else {}
    return str(data.get("title") or data.get("name") or source.path)
