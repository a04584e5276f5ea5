"""The measures of each document: the community strategy, the renewal strategy and each agreement, and whether the
renewal strategy reaches its neighbourhoods with figures and targets of their own (guidance para 4.6)."""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.model.documents import CommunityStrategy, RenewalStrategy
from strategy_site.model.project import Project
from strategy_site.model.renewal import renewal_reach
from strategy_site.model.reviews import Reviewed, review_date, review_field, review_passed, reviewed_documents
from strategy_site.model.sections import is_substantive, required_sections_in
from strategy_site.report.measure import Judged, Judging, Subject, judged
from strategy_site.report.readability import readability
from strategy_site.words import listed, number


def subjects(project: Project) -> Iterator[Subject]:
    for document in reviewed_documents(project):
        yield Subject(document.source_file.path, document.title, document)


def sections_present(judging: Judging, document: Reviewed) -> Iterator[Judged]:
    found = required_sections_in(judging.project.ruleset, document.source_file)
    if not found:
        return
    missing = [required.title for required in found if required.section is None]
    yield Judged(judged(not missing, len(missing) < len(found)),
                 "all required sections are there" if not missing else "missing: " + ", ".join(missing), document.source_file.where(()))


def sections_substantive(judging: Judging, document: Reviewed) -> Iterator[Judged]:
    found = required_sections_in(judging.project.ruleset, document.source_file)
    if not found:
        return
    least = judging.limits.substantive_words
    present = [(required.title, required.section) for required in found if required.section is not None]
    stubs = [f"{title} ({section.words} words)" for title, section in present if not is_substantive(section, least)]
    yield Judged(judged(bool(present) and not stubs, bool(present) and len(stubs) < len(present)),
                 "every section says something" if not stubs else f"shorter than {least} words: " + ", ".join(stubs),
                 document.source_file.where(()))


def review(judging: Judging, document: Reviewed) -> Iterator[Judged]:
    date = review_date(document)
    if date is None:  # only an agreement may leave its review date out, and then this does not apply
        return
    passed = review_passed(document, judging.today)
    yield Judged(judged(not passed), f"review {'was due' if passed else 'due'} {date:%-d %B %Y}", document.where(review_field(document)))


def plain_language(judging: Judging, document: Reviewed) -> Iterator[Judged]:
    summary = document.summary if isinstance(document, CommunityStrategy) else None
    ease = readability(" ".join(filter(None, [summary, document.source_file.body])))
    if not ease.words:
        return
    limits = judging.limits
    figure = round(ease.reading_ease, 1)  # judged as shown: 59.6 is shown as 59.6, and is under 60
    yield Judged(judged(figure >= limits.reading_ease, figure >= limits.reading_ease_partly),
                 f"Flesch reading ease {number(figure)} over {ease.words} words (aim for {number(limits.reading_ease)} or more)",
                 document.source_file.where(()))


def renewal_area_figures(judging: Judging, document: Reviewed) -> Iterator[Judged]:
    reach = renewal_reach(judging.project) if isinstance(document, RenewalStrategy) else None
    if reach is None:  # not the renewal strategy, or no neighbourhood is marked as needing renewal
        return
    missing = [area.name for area in reach.without_figures]
    if not reach.indicators:
        evidence = "it lists no indicators, so no renewal area has figures of its own"
    elif not missing:
        evidence = f"its indicators have figures for every renewal area ({listed([area.name for area in reach.areas])})"
    else:
        evidence = f"none of its indicators has figures for {listed(missing)}"
    yield Judged(judged(not missing, len(missing) < len(reach.areas)), evidence, document.where("indicators"))


def renewal_area_targets(judging: Judging, document: Reviewed) -> Iterator[Judged]:
    reach = renewal_reach(judging.project) if isinstance(document, RenewalStrategy) else None
    if reach is None:
        return
    missing = [area.name for area in reach.without_targets]
    if not reach.has_targets:
        evidence = "none of its indicators has a target"
    elif len(missing) == len(reach.areas):
        evidence = "none of its targets is set for a renewal area"
    elif missing:
        evidence = f"no target is set for {listed(missing)}"
    else:
        evidence = f"targets are set for every renewal area ({listed([area.name for area in reach.areas])})"
    yield Judged(judged(not missing, len(missing) < len(reach.areas)), evidence, document.where("indicators"))
