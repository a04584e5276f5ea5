"""Every measure of the completeness report, declared once.

Each has its area, its key in weights.yml, its label, when it is met (in the reviewers' words), and
the judge that decides it. The assessment, the weights file's validation and the table in
docs/reports.md are all made from this declaration, so they cannot disagree. A judgement that `check`
also makes is a function of the model layer, which the judge calls. Keys are a published interface
(the JSON and CSV reports name them): add measures, never rename them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from strategy_site.model.project import Project
from strategy_site.report.areas import actions, documents, indicators, partnership, priorities
from strategy_site.report.measure import Measure, Subject

# The areas in the order the report lists them, each with the subjects it measures.
AREAS: dict[str, Callable[[Project], Iterable[Subject]]] = {
    "partnership": partnership.subjects,
    "document": documents.subjects,
    "priority": priorities.subjects,
    "action": actions.subjects,
    "indicator": indicators.subjects,
}

MEASURES: tuple[Measure, ...] = (
    Measure("document", "sections-present", "Has every required section",
            "every section the ruleset requires is there (partly: some are)", documents.sections_present),
    Measure("document", "sections-substantive", "Its sections are more than stubs",
            "every required section has at least `substantive-words` words (partly: some do)", documents.sections_substantive),
    Measure("document", "review-date", "Review date still to come",
            "the review date (`next_review`, or `review` in an agreement that gives one) has not passed", documents.review),
    Measure("document", "plain-language", "Written in plain language",
            "the Flesch reading ease of its public text is at least `reading-ease` (partly: at least `reading-ease-partly`)",
            documents.plain_language),
    Measure("document", "renewal-area-figures", "Renewal areas have their own figures",
            "for the renewal strategy: its indicators have figures for every neighbourhood marked as needing renewal "
            "(partly: for some)", documents.renewal_area_figures),
    Measure("document", "renewal-area-targets", "Sets targets for its neighbourhoods",
            "for the renewal strategy: every neighbourhood marked as needing renewal has a target set for it on one of its "
            "indicators, on its own figures, the renewal areas together, or each renewal area or neighbourhood (partly: some have)",
            documents.renewal_area_targets),
    Measure("action", "lead", "Has a lead partner", "it names a lead partner that is a member", actions.lead),
    Measure("action", "due-date", "Has a due date", "it has a due date", actions.due_date),
    Measure("action", "milestones", "Has milestones", "it has at least one milestone", actions.milestones),
    Measure("action", "resources", "Says what resources it has", "it says what money or staff time it has", actions.resources),
    Measure("action", "priority", "Serves a strategy priority", "it serves a priority of the community strategy", actions.priority),
    Measure("action", "measure", "Moves an indicator", "it names an indicator it should move", actions.measure),
    Measure("action", "not-overdue", "On time (finished, or not yet due)",
            "it is complete or dropped, or its due date has not passed", actions.not_overdue),
    Measure("indicator", "definition", "Is defined",
            "its definition has at least `definition-words` words (partly: fewer)", indicators.definition),
    Measure("indicator", "baseline", "Has a baseline", "it has a baseline", indicators.baseline),
    Measure("indicator", "target", "Has a target with a date", "it has a target with a date", indicators.target),
    Measure("indicator", "up-to-date", "Its figures are up to date",
            "its latest figure is no older than `figure-age-months` allows for its reporting frequency", indicators.up_to_date),
    Measure("indicator", "commentary", "Explains the latest figures", "it explains its latest figures", indicators.commentary),
    Measure("priority", "has-action", "At least one action serves it", "at least one action serves it", priorities.has_action),
    Measure("priority", "has-indicator", "At least one indicator measures it", "at least one indicator measures it", priorities.has_indicator),
    Measure("partnership", "sectors", "Members from every sector",
            "it has members from every sector the ruleset's `required_sectors` names, each counting only for itself "
            "(partly: at most `sectors-missing-partly` missing)", partnership.sectors),
    Measure("partnership", "lead-spread", "Leads are spread across partners",
            "no organisation leads more than `lead-share` of the actions (partly: up to `lead-share-partly`)", partnership.lead_spread),
    Measure("partnership", "partners-involved", "Every partner leads or supports something",
            "every member leads or supports an action (partly: at least `partners-involved-partly` of them do)", partnership.partners_involved),
    Measure("partnership", "agreements-signed", "Signed by all its signatories",
            "each agreement is signed by every signatory it lists (partly: by some); whether those are the right "
            "people for its parties is for the reviewer", partnership.agreements_signed),
)


@cache
def measures_of(area: str) -> tuple[Measure, ...]:
    return tuple(measure for measure in MEASURES if measure.area == area)
