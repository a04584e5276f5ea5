"""Run every rule over a modelled project and collect the findings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path

from strategy_site.check import (  # noqa: F401  (they register)
    accountability,
    boundaries,
    delivery,
    documents,
    drafts,
    figures,
    governance,
    identity,
    links,
    markdown_safety,
    membership,
    published_text,
    raw_html,
    references,
    renewal,
    sections,
    series,
    targets,
)
from strategy_site.check.registry import CHECKS, Context
from strategy_site.findings import RULES, Finding, Location, Rule, Severity
from strategy_site.load.files import ParseCache
from strategy_site.model.project import ModelCache, Project, load_project
from strategy_site.model.ruleset import Ruleset
from strategy_site.shipped import override_findings

SEVERITY_NOT_CHANGED = Rule(
    "SS015",
    "severity-not-changed",
    Severity.ERROR,
    what="A ruleset's 'severity' names a rule that does not exist, or tries to change a rule that protects the "
    "site and its data: reading files safely and what is left out of the site (SS001-SS014), the fields of each "
    "document (SS201-SS205), pages that would replace each other (SS109), and what the site removes from or "
    "cannot publish of Markdown (SS304-SS309).",
    why="Turning such a rule off does not make the problem go away: the file, field or page is still left out "
    "of the site, only now without a word. A misspelt code would silently change nothing.",
    example="severity:\n  SS205: off\n  SS999: warning",
    instead="Fix what the rule reports. Rules about the strategy's content, such as SS404 (overdue action), "
    "can be made warnings or turned off.",
)
FIXED = frozenset({
    "SS001", "SS002", "SS003", "SS004", "SS005", "SS007", "SS008", "SS009", "SS010", "SS011", "SS012", "SS013",
    "SS014", "SS015", "SS018", "SS109", "SS201", "SS202", "SS203", "SS204", "SS205", "SS304", "SS305", "SS306", "SS307",
    "SS308", "SS309",
})


def check_project(path: Path, today: dt.date | None = None, cache: ParseCache | None = None,
                  models: ModelCache | None = None) -> tuple[Project, list[Finding], float]:
    """Load and check the partnership in the folder ``path``: the project, its findings, and the seconds taken.
    A preview passes the same ``cache`` and ``models`` each time, so that only the files that changed are parsed
    and modelled again."""
    started = time.perf_counter()
    project = load_project(path, cache, models)
    # The partnership's own templates and its site's configuration sit beside its source folder.
    repository = path.resolve().parent
    beside = override_findings(repository / "templates") + identity.identity_findings(repository / "mkdocs.yml", project.partnership)
    findings = sorted(run_checks(project, today) + beside, key=Finding.sort_key)
    return project, findings, time.perf_counter() - started


def run_checks(project: Project, today: dt.date | None = None) -> list[Finding]:
    """Every finding for the project: those from reading and modelling, then every rule's."""
    context = Context(project, today or dt.date.today())
    findings = list(project.findings)
    try:
        for check in CHECKS:
            findings.extend(check(context))
    finally:
        published_text.forget()
    overrides, refused = _severity_overrides(project.ruleset)
    return sorted(_apply_severity(findings + refused, overrides), key=Finding.sort_key)


def _severity_overrides(ruleset: Ruleset) -> tuple[dict[str, str], list[Finding]]:
    """The ruleset's severity changes that may be made, and a finding for each that may not."""
    allowed: dict[str, str] = {}
    refused: list[Finding] = []
    for code, wanted in ruleset.severity.items():
        place = ruleset.severity_place(code) or Location("partnership.yml")
        if code not in RULES:
            refused.append(SEVERITY_NOT_CHANGED.at(place, f'"{code}" is not a rule, so this changes nothing',
                                                   "use a code from the rule catalogue (strategy-site rules), such as SS404"))
        elif code in FIXED:
            refused.append(SEVERITY_NOT_CHANGED.at(place, f"{code} ({RULES[code].name}) protects the site and its data, so its severity cannot be changed",
                                                   "remove this line and fix what the rule reports"))
        else:
            allowed[code] = wanted
    return allowed, refused


def _apply_severity(findings: list[Finding], overrides: dict[str, str]) -> list[Finding]:
    adjusted = []
    for finding in findings:
        wanted = overrides.get(finding.code)
        if wanted == "off":
            continue
        if wanted is not None:
            finding = dataclasses.replace(finding, severity=Severity(wanted))
        adjusted.append(finding)
    return adjusted
