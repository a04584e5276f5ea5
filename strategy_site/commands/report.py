"""`strategy-site report`: the completeness report for reviewers, in every format, with CI gates."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2

from strategy_site.commands.common import EXIT_FINDINGS, EXIT_OK, UsageProblem, source_folder
from strategy_site.load.history import RevisionProblem
from strategy_site.model.project import load_project
from strategy_site.report import ci_formats, data_formats
from strategy_site.report.html import to_html
from strategy_site.report.making import Report, make_report
from strategy_site.report.summary import format_summary
from strategy_site.report.weights import DEFAULT_WEIGHTS, WeightsProblem, load_weights
from strategy_site.shipped import search_path
from strategy_site.text_safety import printable

REPORT_FILES = {  # --out DIR writes each format under these names
    "html": "report.html", "json": "report.json", "csv": "report.csv",
    "junit": "report.junit.xml", "sarif": "report.sarif", "github": "report.github.txt",
}
FORMATS = ("summary", *REPORT_FILES)


@dataclass(frozen=True)
class ReportOptions:
    path: Path
    output: str = "summary"  # one of FORMATS
    out: Path | None = None
    since: str | None = None
    fail_under: int | None = None
    fail_on: str | None = None  # "warning" or "error"
    today: dt.date | None = None
    weights: Path | None = None
    templates: Path | None = None  # the partnership's own report template; default: templates/report beside the sources
    source_url: str | None = None


def run(options: ReportOptions) -> int:
    if options.source_url and not options.source_url.lower().startswith(("https://", "http://")):
        raise UsageProblem(f"--source-url must be a web address starting with https://, not '{printable(options.source_url)}'")
    try:
        weights = load_weights(options.weights or DEFAULT_WEIGHTS)
        project = load_project(source_folder(options.path))
        report = make_report(project, options.today or dt.date.today(), weights, options.since)
    except (WeightsProblem, RevisionProblem) as problem:
        raise UsageProblem(str(problem)) from problem
    if options.out:
        try:
            options.out.mkdir(parents=True, exist_ok=True)
            for kind, name in REPORT_FILES.items():
                (options.out / name).write_text(_render(report, kind, options, options.out / name), encoding="utf-8")
        except OSError as error:
            raise UsageProblem(f"cannot write the report into '{options.out}': {error.strerror}") from error
    sys.stdout.write(_render(report, options.output, options, Path.cwd() / "report.html"))
    if options.out and options.output == "summary":
        print(f"Wrote {', '.join(REPORT_FILES.values())} to {options.out}.")
    score = report.assessment.overall.score
    if options.fail_under is not None and (score or 0) < options.fail_under:
        print(f"strategy-site report: the score {score} is under {options.fail_under}.", file=sys.stderr)
        return EXIT_FINDINGS
    if options.fail_on and ci_formats.fails_on(report.assessment.findings, options.fail_on):
        print(f"strategy-site report: check found problems at {options.fail_on} level or worse.", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def _render(report: Report, kind: str, options: ReportOptions, target: Path) -> str:
    if kind == "html":
        try:
            own = options.templates or options.path.resolve().parent / "templates" / "report"
            return to_html(report, search_path("report", own), target, options.source_url)
        except jinja2.TemplateError as error:  # most likely in a partnership's own report template
            raise UsageProblem(f"the report template failed: {error}") from error
    formats = {"json": data_formats.to_json, "csv": data_formats.to_csv, "junit": ci_formats.to_junit,
               "sarif": ci_formats.to_sarif, "github": ci_formats.to_github, "summary": format_summary}
    return formats[kind](report)
