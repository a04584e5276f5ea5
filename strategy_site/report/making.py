"""A whole report: the assessment, the accreditation checklist and, with a revision, what changed."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from strategy_site.check import run_checks
from strategy_site.findings import Finding
from strategy_site.load.history import sources_at
from strategy_site.model.project import Project, load_project
from strategy_site.report.accreditation import Criterion, checklist
from strategy_site.report.assessment import Assessment, assess
from strategy_site.report.changes import Changes, compare
from strategy_site.report.weights import Weights


@dataclass(frozen=True)
class Report:
    assessment: Assessment
    checklist: list[Criterion]
    changes: Changes | None


def make_report(
    project: Project, today: dt.date, weights: Weights, since: str | None = None, findings: list[Finding] | None = None
) -> Report:
    """Assess ``project``; with ``since``, also assess its sources at that Git revision and compare.
    ``findings`` are check's, when the caller has already run it for ``today``."""
    assessment = assess(project, run_checks(project, today) if findings is None else findings, today, weights)
    changes = None
    if since is not None:
        with tempfile.TemporaryDirectory(prefix="strategy-site-since-") as folder:
            earlier = load_project(sources_at(project.root, since, Path(folder)))
            before = assess(earlier, run_checks(earlier, today), today, weights)
            changes = compare(before, assessment, since)
    return Report(assessment, checklist(assessment), changes)
