"""Run every rule over a modelled project and collect the findings."""

from __future__ import annotations

import dataclasses
import datetime as dt

from strategy_site.check import (  # noqa: F401  (they register)
    delivery, documents, figures, markdown_safety, membership, raw_html, references, sections,
)
from strategy_site.check.registry import CHECKS, Context
from strategy_site.findings import Finding, Severity
from strategy_site.model.project import Project


def run_checks(project: Project, today: dt.date | None = None) -> list[Finding]:
    """Every finding for the project: those from reading and modelling, then every rule's."""
    context = Context(project, today or dt.date.today())
    findings = list(project.findings)
    for check in CHECKS:
        findings.extend(check(context))
    return sorted(_apply_severity(findings, project.ruleset.severity), key=Finding.sort_key)


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
