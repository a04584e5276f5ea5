"""When a document is next to be reviewed, and whether that day has passed. `check` warns of a passed
review (SS408) and the report's review-date measure is not met, both by ``review_passed``."""

from __future__ import annotations

import datetime as dt

from strategy_site.model.documents import Agreement, CommunityStrategy, RenewalStrategy
from strategy_site.model.project import Project

Reviewed = CommunityStrategy | RenewalStrategy | Agreement


def reviewed_documents(project: Project) -> list[Reviewed]:
    """The documents that carry a review date: the strategies and the partnership agreements."""
    documents: list[Reviewed | None] = [project.strategy, project.renewal_strategy, *project.agreements]
    return [document for document in documents if document is not None]


def review_field(document: Reviewed) -> str:
    """The field that holds the review date: a strategy's ``next_review``, an agreement's ``review``."""
    return "review" if isinstance(document, Agreement) else "next_review"


def review_date(document: Reviewed) -> dt.date | None:
    return document.review if isinstance(document, Agreement) else document.next_review


def review_passed(document: Reviewed, today: dt.date) -> bool:
    date = review_date(document)
    return date is not None and date < today
