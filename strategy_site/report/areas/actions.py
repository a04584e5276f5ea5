"""The measures of each action: whom will do what by when, with what resources, for what outcome
(evaluation para 3.1)."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.findings import Location
from strategy_site.model.documents import Action
from strategy_site.model.progress import is_overdue
from strategy_site.model.project import Project
from strategy_site.report.measure import Judged, Judging, Subject, judged
from strategy_site.words import plural


def subjects(project: Project) -> Iterator[Subject]:
    for action in project.actions:
        theme = project.theme_of_priority.get(action.priority or "")
        yield Subject(action.id, action.title, action, (theme.id,) if theme else (), (action.lead,) if action.lead else ())


def _at(action: Action, field: str) -> Location:
    """The field when it is given, else the action: a finding about a missing field points at the action."""
    return action.where(field) if getattr(action, field) else action.where()


def lead(judging: Judging, action: Action) -> Iterator[Judged]:
    member = judging.project.partner_by_id.get(action.lead or "")
    evidence = f"led by {member.name}" if member else "no lead partner named" if not action.lead else f'"{action.lead}" is not a member'
    yield Judged(judged(member is not None), evidence, _at(action, "lead"))


def due_date(judging: Judging, action: Action) -> Iterator[Judged]:
    yield Judged(judged(action.due is not None), f"due {action.due:%-d %B %Y}" if action.due else "no due date", _at(action, "due"))


def milestones(judging: Judging, action: Action) -> Iterator[Judged]:
    count = len(action.milestones)
    yield Judged(judged(bool(count)), plural(count, "milestone") if count else "no milestones", _at(action, "milestones"))


def resources(judging: Judging, action: Action) -> Iterator[Judged]:
    # A resource of money says how much; £0 of it is none. Staff time given in kind may have no price.
    real = [r for r in action.resources if r.amount > 0 or r.kind == "in kind"]
    if real:
        evidence = f"£{sum(r.amount for r in real):,} from {plural(len(real), 'source')}"
    else:
        evidence = "every resource given is £0" if action.resources else "no resources given"
    yield Judged(judged(bool(real)), evidence, _at(action, "resources"))


def priority(judging: Judging, action: Action) -> Iterator[Judged]:
    served = judging.project.priority_by_id.get(action.priority or "")
    yield Judged(judged(served is not None), f"serves {served.title}" if served else "not linked to a priority", _at(action, "priority"))


def measure(judging: Judging, action: Action) -> Iterator[Judged]:
    known = [i for i in action.indicators if i in judging.project.indicator_by_id]
    yield Judged(judged(bool(known)), f"moves {', '.join(known)}" if known else "no indicator named", _at(action, "indicators"))


def not_overdue(judging: Judging, action: Action) -> Iterator[Judged]:
    overdue = is_overdue(judging.project, action, judging.today)
    status = judging.project.latest_status(action)
    due = f"{action.due:%-d %B %Y}" if action.due else ""
    evidence = f"overdue: was due {due}, status {status}" if overdue else f"status {status}" + (f", due {due}" if due else "")
    yield Judged(judged(not overdue), evidence, _at(action, "due"))
