"""The sections of a Markdown document: how a section the ruleset names is found, and whether it says
enough. `check` reports a required section that is missing or empty; the report measures the same
sections and its checklist reads the vision and the learning sections, all through these functions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from strategy_site.load.files import SourceFile
from strategy_site.load.markdown_source import Section
from strategy_site.model.ruleset import Ruleset, SectionRule

_WORDS = re.compile(r"[^a-z0-9 ]+")


def normalise(heading: str) -> str:
    """Lower case, punctuation dropped, a leading 'our' or 'the' ignored."""
    words = _WORDS.sub(" ", heading.lower().replace("-", " ")).split()
    while words and words[0] in ("our", "the"):
        words = words[1:]
    return " ".join(words)


def find_section(rule: SectionRule, found: list[Section]) -> Section | None:
    """The section meeting ``rule``: an explicit id wins, then the first heading in accepted wording."""
    for section in found:
        if section.explicit_id == rule.id:
            return section
    phrases = [normalise(phrase) for phrase in rule.accepted]
    for section in found:
        heading = normalise(section.title)
        if any(heading == phrase or heading.startswith(phrase + " ") for phrase in phrases):
            return section
    return None


@dataclass(frozen=True)
class RequiredSection:
    rule: SectionRule
    section: Section | None  # None: the document does not have it

    @property
    def title(self) -> str:
        return self.rule.title or self.rule.id


def required_sections_in(ruleset: Ruleset, source: SourceFile) -> list[RequiredSection]:
    """Each section the ruleset requires of a document of ``source``'s kind, with the section meeting it."""
    return [RequiredSection(rule, find_section(rule, source.sections)) for rule in ruleset.required_sections(source.kind.value)]


def section_of(ruleset: Ruleset, source: SourceFile, section_id: str) -> Section | None:
    """The section of ``source`` that the ruleset knows by ``section_id``, whether it is required or not."""
    rule = ruleset.section_rule(source.kind.value, section_id)
    return find_section(rule, source.sections) if rule else None


def is_empty(section: Section) -> bool:
    """A heading with nothing under it."""
    return section.words == 0


def is_substantive(section: Section, min_words: int) -> bool:
    """More than a stub: at least ``min_words`` words (the report's substantive-words threshold)."""
    return section.words >= min_words
