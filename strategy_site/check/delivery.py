"""Who will do what by when, towards which outcome, measured against what baseline."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.model.progress import is_headline_target, is_overdue
from strategy_site.model.reviews import review_date, review_field, review_passed, reviewed_documents
from strategy_site.words import quoted_title

NO_LEAD = Rule(
    "SS401",
    "action-without-lead",
    Severity.ERROR,
    what="An action has no lead partner.",
    why="The 2005 evaluation found lead agencies identified in only 39% of local neighbourhood renewal strategies "
    "(para 3.1). "
    "Without a lead, nobody is accountable for delivery.",
    example="- id: EC-02\n  title: Business start-up grants\n  status: on track",
    instead="- id: EC-02\n  title: Business start-up grants\n  lead: chamber\n  status: on track",
)
NO_DUE_DATE = Rule(
    "SS402",
    "action-without-due-date",
    Severity.ERROR,
    what="An action has no due date.",
    why="An action with no date cannot be late, so it cannot be held to account (evaluation para 3.1: "
    "'whom will do what by when').",
    example="- id: HS-01\n  title: Bring empty homes back into use",
    instead="- id: HS-01\n  title: Bring empty homes back into use\n  due: 2027-03-31",
)
NO_PRIORITY = Rule(
    "SS403",
    "action-without-priority",
    Severity.ERROR,
    what="An action is not linked to a priority of the community strategy.",
    why="An action that serves no stated outcome is the 'catalogue of what agencies would be doing in any "
    "case' the evaluation warned against (Box 2.2).",
    example="- id: EN-07\n  title: Tree planting",
    instead="- id: EN-07\n  title: Tree planting\n  priority: greener-neighbourhoods",
)
OVERDUE = Rule(
    "SS404",
    "action-overdue",
    Severity.WARNING,
    what="An action's due date has passed but its latest status (from the newest progress update that "
    "mentions it, or else the action plan) is neither complete nor dropped.",
    why="Residents and the board should see slippage, and the plan should say what happens next.",
    example="due: 2026-03-31\nstatus: on track   # checked in November 2026",
    instead="Report the action as complete or dropped in a progress update, or agree a new due date and "
    "explain the change in its description.",
)
TARGET_WITHOUT_BASELINE = Rule(
    "SS405",
    "target-without-baseline",
    Severity.ERROR,
    what="An indicator has a target on its headline figures but no baseline. (A target on a breakdown or a gap is "
    "judged from that series' own figures, so it needs none.)",
    why="Accreditation asks for 'demonstrable improvements against measurable baselines' (guidance para "
    "2.6). Without a baseline a target cannot be judged SMART (evaluation 2.4.4).",
    example="targets:\n  - value: 38\n    by: 2027/28\n    kind: floor",
    instead="baseline:\n  value: 31.5\n  period: 2022/23\ntargets:\n  - value: 38\n    by: 2027/28\n    kind: floor",
)
DATES_OUT_OF_ORDER = Rule(
    "SS407",
    "dates-out-of-order",
    Severity.ERROR,
    what="An action starts after it is due, or one of its milestones falls outside its start and due dates.",
    why="Impossible dates are almost always typing mistakes, and they make the timeline on the site wrong.",
    example="start: 2026-09-01\ndue: 2026-03-31",
    instead="start: 2026-04-01\ndue: 2027-03-31",
)
REVIEW_OVERDUE = Rule(
    "SS408",
    "review-overdue",
    Severity.WARNING,
    what="A strategy's next review date, or a partnership agreement's review date, has passed.",
    why="The guidance asks partnerships to review the strategy periodically (para 3.4), and agreements are "
    "reported on and renewed every year (evaluation Box 1.4); a passed date tells residents the document may "
    "be out of date.",
    example="next_review: 2025-04-01   # checked in November 2026",
    instead="Review the document and set its next review date: next_review in a strategy, review in an agreement.",
)


@check
def action_essentials(context: Context) -> Iterator[Finding]:
    for action in context.project.actions:
        if action.lead is None:
            yield NO_LEAD.at(
                action.where(), f'action {action.id} has no lead partner',
                "add 'lead: <id>' naming the member organisation accountable for it",
            )
        if action.due is None:
            yield NO_DUE_DATE.at(
                action.where(), f"action {action.id} has no due date",
                "add 'due: YYYY-MM-DD', the date the action will be finished",
            )
        if action.priority is None:
            yield NO_PRIORITY.at(
                action.where(), f"action {action.id} is not linked to a priority of the community strategy",
                "add 'priority: <id>' naming the priority it serves",
            )


@check
def action_dates(context: Context) -> Iterator[Finding]:
    project = context.project
    for action in project.actions:
        if action.start and action.due and action.start > action.due:
            yield DATES_OUT_OF_ORDER.at(
                action.where("start"),
                f"action {action.id} starts on {action.start} but is due on {action.due}",
                "check both dates; the start must not be after the due date",
            )
        for milestone in action.milestones:
            outside = (action.start and milestone.date < action.start) or (action.due and milestone.date > action.due)
            if outside:
                yield DATES_OUT_OF_ORDER.at(
                    milestone.where("date"),
                    f"a milestone of action {action.id} ({milestone.date}) falls outside the action's dates",
                    "move the milestone between the start and due dates, or change those dates",
                )
        if is_overdue(project, action, context.today):
            yield OVERDUE.at(
                action.where("due"),
                f"action {action.id} was due on {action.due:%d %B %Y} and is still '{project.latest_status(action)}'",
                "report it as complete or dropped in a progress update, or agree and record a new due date",
            )


@check
def baselines(context: Context) -> Iterator[Finding]:
    for indicator in context.project.indicators:
        if any(is_headline_target(target) for target in indicator.targets) and indicator.baseline is None:
            yield TARGET_WITHOUT_BASELINE.at(
                indicator.where("targets", key=True),
                f"indicator {indicator.id} has a target but no baseline to measure progress from",
                "add 'baseline:' with the value and the period it was measured in",
            )


@check
def reviews(context: Context) -> Iterator[Finding]:
    for document in reviewed_documents(context.project):
        date = review_date(document)
        if date and review_passed(document, context.today):
            field = review_field(document)
            yield REVIEW_OVERDUE.at(
                document.where(field),
                f'{quoted_title(document.title)} was due for review on {date:%d %B %Y}',
                f"review the {document.source_file.kind.label} and set {field} to the date of the next review",
            )
