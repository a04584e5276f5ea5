"""Required sections of Markdown documents, and placeholder text anywhere published."""

from __future__ import annotations

import re
from collections.abc import Iterator

from strategy_site.check.published_text import matches, published_text
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Position, Rule, Severity
from strategy_site.load.files import MARKDOWN_KINDS
from strategy_site.model.sections import is_empty, required_sections_in

SECTION_MISSING = Rule(
    "SS301",
    "section-missing",
    Severity.ERROR,
    what="A section the ruleset requires is not in the document.",
    why="Para 3.4 of the 2001 guidance says a community strategy must have a long-term vision, an action "
    "plan, a shared commitment to deliver it, and arrangements for monitoring, review and reporting to "
    "local people. Para 4.19 asks every neighbourhood renewal strategy for a section on local action on "
    "learning. A document without them is not complete.",
    example="A community strategy with headings 'Introduction', 'Our vision' and 'Action plan' only.",
    instead="Add the section with a heading the ruleset accepts, or give your own heading the section's id: "
    "'## Working together {#shared-commitment}'.",
)
SECTION_EMPTY = Rule(
    "SS302",
    "section-empty",
    Severity.ERROR,
    what="A required section has a heading but nothing under it.",
    why="An empty heading looks complete at a glance but tells residents nothing.",
    example="## Monitoring and review\n\n## Appendix",
    instead="Write the section: what will be monitored, by whom, how often, and how local people will hear.",
)
PLACEHOLDER = Rule(
    "SS303",
    "placeholder-text",
    Severity.ERROR,
    what="Placeholder text such as TODO, TBC, XXX or 'lorem ipsum' is in content that will be published.",
    why="Placeholders on a public site undermine trust in everything else it says. The words to look for "
    "are in the ruleset, so a partnership can add its own.",
    example="due: 2026-03-31\ndescription: Budget TBC",
    instead="Write the real text. Where a fact is not yet known, leave an optional field out and say so in "
    "the commentary.",
)

@check
def required_sections(context: Context) -> Iterator[Finding]:
    project = context.project
    for source in project.files:
        if source.kind not in MARKDOWN_KINDS or not source.parsed:
            continue
        for required in required_sections_in(project.ruleset, source):
            rule, section = required.rule, required.section
            if section is None:
                accepted = ", ".join(f'"{phrase}"' for phrase in rule.accepted[:3])
                yield SECTION_MISSING.at(
                    Location(source.path, Position(source.body_line, 1)),
                    f'the {source.kind.label} has no "{required.title}" section'
                    + (f" ({rule.guidance})" if rule.guidance else ""),
                    f"add a heading such as {accepted}, or mark your own heading with {{#{rule.id}}}",
                )
            elif is_empty(section):
                yield SECTION_EMPTY.at(
                    Location(source.path, section.position),
                    f'the "{required.title}" section ("{section.title}") is empty',
                    "write the section's text under its heading",
                )


def placeholder_patterns(words: list[str]) -> list[re.Pattern[str]]:
    """At most two patterns, one for the words in capitals (matched as written) and one for the rest (in any
    case): every text is searched once for each, not once for every word."""
    patterns = []
    for exact in (True, False):
        chosen = sorted((word for word in words if word.isupper() == exact), key=len, reverse=True)  # longest first
        if chosen:
            alternatives = "|".join(re.escape(word) for word in chosen)
            patterns.append(re.compile(r"(?<![A-Za-z0-9])(?:" + alternatives + r")(?![A-Za-z0-9])", 0 if exact else re.IGNORECASE))
    return patterns


@check
def placeholders(context: Context) -> Iterator[Finding]:
    project = context.project
    patterns = placeholder_patterns(project.ruleset.placeholders or [])
    for source in project.files:
        for text in published_text(source):
            for pattern in patterns:
                for match, position in matches(source, pattern, text):
                    yield PLACEHOLDER.at(
                        Location(source.path, position),
                        f'placeholder text "{match.group(0)}" would be published',
                        "replace it with the real text; if a fact is not known yet, leave the optional field out",
                    )
