"""The measures of each priority: the chain from outcome to action and indicator."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.model.documents import Priority
from strategy_site.model.project import Project
from strategy_site.report.measure import Judged, Judging, Subject, judged
from strategy_site.words import plural


def subjects(project: Project) -> Iterator[Subject]:
    for theme in project.themes:
        for priority in theme.priorities:
            yield Subject(priority.id, priority.title, priority, (theme.id,))


def has_action(judging: Judging, priority: Priority) -> Iterator[Judged]:
    actions = judging.project.actions_for(priority)
    yield Judged(judged(bool(actions)), plural(len(actions), "action"), priority.where())


def has_indicator(judging: Judging, priority: Priority) -> Iterator[Judged]:
    known = [i for i in priority.indicators if i in judging.project.indicator_by_id]
    yield Judged(judged(bool(known)), f"measured by {', '.join(known)}" if known else "no indicator", priority.where())
