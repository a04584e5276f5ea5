"""The completeness assessment: every measure of every document, action, indicator and priority,
and of the partnership, each met, partly met or not met, with the evidence found.

It reads the model and the findings of `check`; it never changes either. The weights
and thresholds come from a file (weights.yml), the arithmetic is explained there.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from strategy_site.check.sections import find_section
from strategy_site.findings import Finding, Location
from strategy_site.load.files import Kind
from strategy_site.model.documents import Action, Indicator, Member, Priority
from strategy_site.model.progress import indicator_progress
from strategy_site.model.project import Project
from strategy_site.report.readability import readability
from strategy_site.report.weights import Weights
from strategy_site.words import number, plural

SECTORS = ("public", "private", "voluntary", "community")  # Guidance para 9; faith groups count as community
FINISHED = ("complete", "dropped")


def sector(member: Member) -> str:
    """The member's sector as the guidance counts them: faith groups are part of the community sector."""
    return "community" if member.sector == "faith" else member.sector


class Result(Enum):
    MET = "met"
    PARTLY = "partly met"
    NOT_MET = "not met"

    @property
    def value_counted(self) -> float:
        return {Result.MET: 1.0, Result.PARTLY: 0.5, Result.NOT_MET: 0.0}[self]


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


class _Measures:
    """Builds the items; one method per area."""

    def __init__(self, project: Project, today: dt.date, weights: Weights) -> None:
        self.project, self.today, self.weights = project, today, weights
        self.limits = weights.thresholds

    def item(self, area: str, subject: str, title: str, measure: str, label: str, result: Result, evidence: str,
             where: Location, themes: tuple[str, ...] = (), partners: tuple[str, ...] = ()) -> Item:
        return Item(
            area, subject, title, measure, label, result, evidence, self.weights.of(area, measure),
            where.path, where.position.line, where.position.column, themes, partners,
        )

    @staticmethod
    def judged(met: bool, partly: bool = False) -> Result:
        return Result.MET if met else Result.PARTLY if partly else Result.NOT_MET

    # --- documents -------------------------------------------------------------

    def documents(self) -> Iterator[Item]:
        for kind in (Kind.COMMUNITY_STRATEGY, Kind.RENEWAL_STRATEGY, Kind.AGREEMENT):
            for doc in self.project.of(kind):
                yield from self.document(kind, doc)

    def document(self, kind: Kind, doc: Any) -> Iterator[Item]:
        source = doc.source_file
        subject, title = source.path, doc.title
        rules = self.project.ruleset.required_sections(kind.value)
        found = {rule.id: find_section(rule, source.sections) for rule in rules}
        missing = [rule.title or rule.id for rule in rules if found[rule.id] is None]
        if rules:
            evidence = "all required sections are there" if not missing else "missing: " + ", ".join(missing)
            yield self.item("document", subject, title, "sections-present", "Has every required section",
                            self.judged(not missing, len(missing) < len(rules)), evidence, source.where(()))
            present = [(rule, section) for rule, section in ((r, found[r.id]) for r in rules) if section is not None]
            stubs = [f"{rule.title or rule.id} ({section.words} words)" for rule, section in present
                     if section.words < self.limits.substantive_words]
            evidence = ("every section says something" if not stubs
                        else f"shorter than {self.limits.substantive_words} words: " + ", ".join(stubs))
            yield self.item("document", subject, title, "sections-substantive", "Its sections are more than stubs",
                            self.judged(bool(present) and not stubs, bool(present) and len(stubs) < len(present)), evidence,
                            source.where(()))
        review = getattr(doc, "next_review", None) or getattr(doc, "review", None)
        if review is not None or kind is not Kind.AGREEMENT:
            passed = review is not None and review < self.today
            evidence = "no review date" if review is None else f"review {'was due' if passed else 'due'} {review:%-d %B %Y}"
            field_name = "next_review" if hasattr(doc, "next_review") else "review"
            yield self.item("document", subject, title, "review-date", "Review date still to come",
                            self.judged(review is not None and not passed), evidence, doc.where(field_name))
        ease = readability(" ".join(filter(None, [getattr(doc, "summary", None), source.body])))
        if ease.words:
            figure = round(ease.reading_ease, 1)  # judged as shown: 59.6 is shown as 59.6, and is under 60
            yield self.item("document", subject, title, "plain-language", "Written in plain language",
                            self.judged(figure >= self.limits.reading_ease, figure >= self.limits.reading_ease_partly),
                            f"Flesch reading ease {number(figure)} over {ease.words} words (aim for {number(self.limits.reading_ease)} or more)",
                            source.where(()))

    # --- actions ---------------------------------------------------------------

    def actions(self) -> Iterator[Item]:
        for action in self.project.actions:
            yield from self.action(action)

    def action(self, action: Action) -> Iterator[Item]:
        project = self.project
        theme = project.theme_of_priority.get(action.priority or "")
        themes = (theme.id,) if theme else ()
        partners = (action.lead,) if action.lead else ()

        def item(measure: str, label: str, result: Result, evidence: str, field_name: str | None = None) -> Item:
            where = action.where(field_name) if field_name and getattr(action, field_name) else action.where()
            return self.item("action", action.id, action.title, measure, label, result, evidence, where, themes, partners)

        lead = project.partner_by_id.get(action.lead or "")
        yield item("lead", "Has a lead partner", self.judged(lead is not None),
                   f"led by {lead.name}" if lead else "no lead partner named" if not action.lead else f'"{action.lead}" is not a member', "lead")
        yield item("due-date", "Has a due date", self.judged(action.due is not None),
                   f"due {action.due:%-d %B %Y}" if action.due else "no due date", "due")
        yield item("milestones", "Has milestones", self.judged(bool(action.milestones)),
                   plural(len(action.milestones), "milestone") if action.milestones else "no milestones", "milestones")
        money = sum(r.amount for r in action.resources)
        yield item("resources", "Says what resources it has", self.judged(bool(action.resources)),
                   f"£{money:,} from {plural(len(action.resources), 'source')}" if action.resources else "no resources given", "resources")
        priority = project.priority_by_id.get(action.priority or "")
        yield item("priority", "Serves a strategy priority", self.judged(priority is not None),
                   f"serves {priority.title}" if priority else "not linked to a priority", "priority")
        known = [i for i in action.indicators if i in project.indicator_by_id]
        yield item("measure", "Moves an indicator", self.judged(bool(known)),
                   f"moves {', '.join(known)}" if known else "no indicator named", "indicators")
        status = project.latest_status(action)
        overdue = action.due is not None and action.due < self.today and status not in FINISHED
        due = f"{action.due:%-d %B %Y}" if action.due else ""
        yield item("not-overdue", "On time (finished, or not yet due)", self.judged(not overdue),
                   f"overdue: was due {due}, status {status}" if overdue else f"status {status}" + (f", due {due}" if due else ""), "due")

    # --- indicators ------------------------------------------------------------

    def indicators(self) -> Iterator[Item]:
        for indicator in self.project.indicators:
            yield from self.indicator(indicator)

    def _themes_measured_by(self, indicator: Indicator) -> tuple[str, ...]:
        priorities = self.project.priorities_measured_by.get(indicator.id, [])
        return tuple(dict.fromkeys(self.project.theme_of_priority[p.id].id for p in priorities))

    def indicator(self, indicator: Indicator) -> Iterator[Item]:
        themes = self._themes_measured_by(indicator)
        partners = (indicator.responsible,) if indicator.responsible else ()
        progress = indicator_progress(self.project, indicator)

        def item(measure: str, label: str, result: Result, evidence: str, field_name: str | None = None) -> Item:
            where = indicator.where(field_name) if field_name and getattr(indicator, field_name, None) else indicator.where()
            return self.item("indicator", indicator.id, indicator.title, measure, label, result, evidence, where, themes, partners)

        words = len(indicator.definition.split())
        yield item("definition", "Is defined", self.judged(words >= 5, words > 0), f"definition of {plural(words, 'word')}", "definition")
        yield item("source", "Names its source", self.judged(bool(indicator.source.strip())), f"source: {indicator.source}", "source")
        yield item("baseline", "Has a baseline", self.judged(indicator.baseline is not None),
                   f"baseline {indicator.baseline.value:g} in {indicator.baseline.period}" if indicator.baseline else "no baseline", "baseline")
        yield item("target", "Has a target with a date", self.judged(bool(indicator.targets)),
                   "; ".join(f"{t.value:g} by {t.by}" for t in indicator.targets) or "no target", "targets")
        latest = progress.latest
        months = self.limits.figure_age_months.get(indicator.frequency, 18)
        if latest is None:
            yield item("up-to-date", "Its figures are up to date", Result.NOT_MET, "no figures yet", "values")
        else:
            stale_after = _add_months(latest.period.end, months)
            fresh = self.today <= stale_after
            # The evidence says which way it went, so "not met" never sits beside words that read as met.
            stale_from = stale_after + dt.timedelta(days=1)
            state = f"up to date until {stale_after:%-d %B %Y}" if fresh else f"out of date since {stale_from:%-d %B %Y}"
            yield item("up-to-date", "Its figures are up to date", self.judged(fresh),
                       f"latest figure is for {latest.period}, {state} ({indicator.frequency} figures count as up to date "
                       f"for {months} months after their period)", "values")
        yield item("commentary", "Explains the latest figures", self.judged(bool(indicator.commentary)),
                   "has a commentary" if indicator.commentary else "no commentary", "commentary")

    # --- priorities ------------------------------------------------------------

    def priorities(self) -> Iterator[Item]:
        for theme in self.project.themes:
            for priority in theme.priorities:
                yield from self.priority(priority, theme.id)

    def priority(self, priority: Priority, theme: str) -> Iterator[Item]:
        actions = self.project.actions_for(priority)
        indicators = [i for i in priority.indicators if i in self.project.indicator_by_id]
        where = priority.where()
        yield self.item("priority", priority.id, priority.title, "has-action", "At least one action serves it",
                        self.judged(bool(actions)), plural(len(actions), "action"), where, (theme,))
        yield self.item("priority", priority.id, priority.title, "has-indicator", "At least one indicator measures it",
                        self.judged(bool(indicators)), f"measured by {', '.join(indicators)}" if indicators else "no indicator", where, (theme,))

    # --- the partnership -------------------------------------------------------

    def partnership(self) -> Iterator[Item]:
        project, partnership = self.project, self.project.partnership
        if partnership is None:
            return
        name = partnership.name

        def item(measure: str, label: str, result: Result, evidence: str, where: Any) -> Item:
            return self.item("partnership", "partnership", name, measure, label, result, evidence, where)

        sectors = {sector(m) for m in partnership.members}
        missing = [s for s in SECTORS if s not in sectors]
        yield item("sectors", "Members from every sector", self.judged(not missing, len(missing) < 2),
                   "public, private, voluntary and community members" if not missing else "no " + " or ".join(missing) + " members",
                   partnership.where("members"))
        leads = Counter(a.lead for a in project.actions if a.lead)
        if leads:
            top, count = leads.most_common(1)[0]
            share = round(count / len(project.actions), 2)  # judged as shown, to the whole per cent
            member = project.partner_by_id.get(top)
            yield item("lead-spread", "Leads are spread across partners",
                       self.judged(share <= self.limits.lead_share, share <= self.limits.lead_share_partly),
                       f"{member.name if member else top} leads {count} of {len(project.actions)} actions ({share:.0%})",
                       partnership.where("members"))
        involved = [m for m in partnership.members if m.id in project.actions_led_by or m.id in project.actions_supported_by]
        idle = [m.name for m in partnership.members if m not in involved]
        yield item("partners-involved", "Every partner leads or supports something",
                   self.judged(not idle, len(involved) >= 0.75 * len(partnership.members)),
                   "every member leads or supports an action" if not idle else f"{len(idle)} of {len(partnership.members)} take no part: " + ", ".join(idle),
                   partnership.where("members"))
        for agreement in project.agreements:
            unsigned = [s.name for s in agreement.signatories if not s.signed]
            signed = len(agreement.signatories) - len(unsigned)
            yield item("agreements-signed", f"Signed by its parties: {agreement.title}",
                       self.judged(signed > 0 and not unsigned, signed > 0),
                       f"{signed} of {len(agreement.signatories)} signed" + (f"; not yet: {', '.join(unsigned)}" if unsigned else ""),
                       agreement.where("signatories"))


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))


def assess(project: Project, findings: list[Finding], today: dt.date, weights: Weights) -> Assessment:
    """Every measure, and the scores of the partnership, each document, theme and partner."""
    measures = _Measures(project, today, weights)
    items = [*measures.partnership(), *measures.documents(), *measures.priorities(), *measures.actions(), *measures.indicators()]
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
