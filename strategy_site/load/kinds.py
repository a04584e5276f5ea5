"""The kinds of document a partnership writes, in one table.

The loader reads where each kind lives and whether it is Markdown; check reads which kinds a
partnership must have; the models, the JSON Schemas and the site read the rest. A new kind of
document is one entry here and its model (a ``Model`` subclass in strategy_site/model/documents.py
whose ``KIND`` names the entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):  # noqa: UP042  StrEnum would change str() and format() from "Kind.INDICATOR" to "indicator"
    PARTNERSHIP = "partnership"
    COMMUNITY_STRATEGY = "community-strategy"
    RENEWAL_STRATEGY = "neighbourhood-renewal-strategy"
    ACTION_PLAN = "action-plan"
    INDICATOR = "indicator"
    AGREEMENT = "agreement"
    PROGRESS_UPDATE = "progress-update"
    RULESET = "ruleset"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


@dataclass(frozen=True)
class DocumentKind:
    kind: Kind
    place: str  # "partnership.yml": the one file of its kind, at the top of the source folder; "indicators/": a folder of them
    markdown: bool  # Markdown with front matter, or YAML
    title: str  # what messages call one: "action plan"
    page: str  # what the site calls its page, as search results show it: "Action plan"
    required: bool = False  # every partnership must have one (SS006)
    sectioned: bool = False  # its Markdown body has sections a ruleset can require (SS301)

    @property
    def folder(self) -> str | None:
        """The folder the documents of this kind live in, or None for a single file at the top."""
        return self.place.removesuffix("/") if self.place.endswith("/") else None


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(Kind.PARTNERSHIP, "partnership.yml", False, "partnership file", "About the partnership", required=True),
    DocumentKind(Kind.COMMUNITY_STRATEGY, "community-strategy.md", True, "community strategy", "Document", required=True, sectioned=True),
    DocumentKind(Kind.RENEWAL_STRATEGY, "neighbourhood-renewal-strategy.md", True, "neighbourhood renewal strategy", "Document", sectioned=True),
    DocumentKind(Kind.ACTION_PLAN, "action-plans/", False, "action plan", "Action plan", required=True),
    DocumentKind(Kind.INDICATOR, "indicators/", False, "indicator", "Indicator"),
    DocumentKind(Kind.AGREEMENT, "agreements/", True, "partnership agreement", "Agreement", sectioned=True),
    DocumentKind(Kind.PROGRESS_UPDATE, "progress/", True, "progress update", "Progress update"),
)
BY_KIND = {entry.kind: entry for entry in KINDS}
MARKDOWN_KINDS = frozenset(entry.kind for entry in KINDS if entry.markdown)
SECTIONED = tuple(entry.kind.value for entry in KINDS if entry.sectioned)
