"""A progress update still being written (``draft: true``) is checked like any other, and left off the site."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity

DRAFT_PROGRESS_UPDATE = Rule(
    "SS444",
    "draft-progress-update",
    Severity.WARNING,
    what="A progress update says `draft: true`: it is still being written, for example one that "
    "`strategy-site returns import` made from partners' returns.",
    why="The site leaves a draft out, with its statuses, so residents never read statuses and commentary nobody has "
    "reviewed yet. The warning is the reminder that the update is waiting: until the line goes, residents "
    "see the statuses of the last published update.",
    example="---\ntitle: Progress update, October to December 2026\npublished: 2027-01-20\ncovers: 2026/27 Q3\ndraft: true\n"
    "actions:\n  - action: SA-03\n    status: at risk\n    commentary: Two of the five cameras are not yet installed.",
    instead="Read the statuses and commentary, write the update's summary in the body, set `published` to the day it goes "
    "out, and delete the line `draft: true`.",
)


@check
def draft_progress_updates(context: Context) -> Iterator[Finding]:
    for update in context.project.draft_updates:
        yield DRAFT_PROGRESS_UPDATE.at(
            update.where("draft"),
            "this progress update is a draft: the site leaves it out, and keeps showing the statuses of the last published update",
            "review the statuses and commentary, then delete the line 'draft: true' to publish it",
        )
