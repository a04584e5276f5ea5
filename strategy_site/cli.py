"""The ``strategy-site`` command."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from strategy_site.text_safety import printable
from strategy_site.check import run_checks
from strategy_site.findings import Finding, Severity
from strategy_site.model.project import Project, load_project
from strategy_site.output.json_output import format_json
from strategy_site.output.text import format_text

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
DEFAULT_SOURCE = Path("strategy_src")


class UsageProblem(Exception):
    """The command could not run at all (exit status 2)."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def source_folder(path: Path) -> Path:
    if not path.exists():
        raise UsageProblem(f"there is no folder '{path}'. Give the folder that holds partnership.yml.")
    if not path.is_dir():
        raise UsageProblem(f"'{path}' is a file, not a folder. Give the folder that holds partnership.yml.")
    return path


def check_project(path: Path, today: dt.date | None = None) -> tuple[Project, list[Finding], float]:
    started = time.perf_counter()
    project = load_project(source_folder(path))
    findings = run_checks(project, today)
    return project, findings, time.perf_counter() - started


def sources_by_path(project: Project) -> dict[str, str]:
    return {source.path: source.text for source in project.files}


def _check(args: argparse.Namespace) -> int:
    project, findings, seconds = check_project(args.path, args.today)
    if args.format == "json":
        sys.stdout.write(format_json(findings, project.files_seen))
    else:
        sys.stdout.write(format_text(findings, sources_by_path(project), project.files_seen, seconds))
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from strategy_site.catalogue import catalogue_markdown

    sys.stdout.write(catalogue_markdown())
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from strategy_site.model.schema import write_schemas

    for written in write_schemas(args.out):
        print(written)
    return EXIT_OK


REPORT_FILES = {  # --out DIR writes each format under these names
    "html": "report.html", "json": "report.json", "csv": "report.csv",
    "junit": "report.junit.xml", "sarif": "report.sarif", "github": "report.github.txt",
}


def _report(args: argparse.Namespace) -> int:
    from strategy_site.load.history import RevisionProblem
    from strategy_site.report import ci_formats, data_formats
    from strategy_site.report.html import to_html
    from strategy_site.report.making import make_report
    from strategy_site.report.summary import format_summary
    from strategy_site.report.weights import DEFAULT_WEIGHTS, WeightsProblem, load_weights

    today = args.today or dt.date.today()
    if args.source_url and not args.source_url.lower().startswith(("https://", "http://")):
        raise UsageProblem(f"--source-url must be a web address starting with https://, not '{printable(args.source_url)}'")
    try:
        weights = load_weights(args.weights or DEFAULT_WEIGHTS)
        project = load_project(source_folder(args.path))
        report = make_report(project, today, weights, args.since)
    except (WeightsProblem, RevisionProblem) as problem:
        raise UsageProblem(str(problem)) from problem

    def render(kind: str, target: Path) -> str:
        if kind == "html":
            if not (args.templates / "report.html.j2").is_file():
                raise UsageProblem(f"there is no report template in '{args.templates}': run from the project folder or give --templates")
            return to_html(report, args.templates, target, args.source_url)
        formats = {"json": data_formats.to_json, "csv": data_formats.to_csv, "junit": ci_formats.to_junit,
                   "sarif": ci_formats.to_sarif, "github": ci_formats.to_github, "summary": format_summary}
        return formats[kind](report)

    if args.out:
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            for kind, name in REPORT_FILES.items():
                (args.out / name).write_text(render(kind, args.out / name), encoding="utf-8")
        except OSError as error:
            raise UsageProblem(f"cannot write the report into '{args.out}': {error.strerror}") from error
    sys.stdout.write(render(args.format, Path.cwd() / "report.html"))
    if args.out and args.format == "summary":
        print(f"Wrote {', '.join(REPORT_FILES.values())} to {args.out}.")
    score = report.assessment.overall.score
    if args.fail_under is not None and (score or 0) < args.fail_under:
        print(f"strategy-site report: the score {score} is under {args.fail_under}.", file=sys.stderr)
        return EXIT_FINDINGS
    if args.fail_on and ci_formats.fails_on(report.assessment.findings, args.fail_on):
        print(f"strategy-site report: check found problems at {args.fail_on} level or worse.", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from strategy_site.site.serve import serve  # the site engine loads only for this command

    return serve(args.config, args.dev_addr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="strategy-site",
        description="Check a Local Strategic Partnership's strategy documents and publish them.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check the documents and list every problem found")
    check.add_argument("path", nargs="?", type=Path, default=DEFAULT_SOURCE, help="the source folder (default: strategy_src)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="how to print the findings")
    check.add_argument("--today", type=_date, default=None, help="check as if today were this date (YYYY-MM-DD)")
    check.set_defaults(run=_check)

    rules = commands.add_parser("rules", help="print the rule catalogue as Markdown")
    rules.set_defaults(run=_rules)

    schema = commands.add_parser("schema", help="write JSON Schema files for editors")
    schema.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write into (default: schemas)")
    schema.set_defaults(run=_schema)

    report = commands.add_parser("report", help="assess how complete and credible the strategy is, for reviewers")
    report.add_argument("path", nargs="?", type=Path, default=DEFAULT_SOURCE, help="the source folder (default: strategy_src)")
    report.add_argument("--format", choices=("summary", "html", "json", "csv", "junit", "sarif", "github"), default="summary",
                        help="what to print (default: a summary for people)")
    report.add_argument("--out", type=Path, default=None, help="also write every format into this folder")
    report.add_argument("--since", metavar="REV", default=None, help="compare with the sources at this Git commit, tag or branch")
    report.add_argument("--fail-under", type=int, metavar="SCORE", default=None, help="exit with 1 when the overall score is below SCORE")
    report.add_argument("--fail-on", choices=("warning", "error"), default=None, help="exit with 1 when check finds problems this serious")
    report.add_argument("--today", type=_date, default=None, help="assess as if today were this date (YYYY-MM-DD)")
    report.add_argument("--weights", type=Path, default=None, help="a weights file to use instead of the built-in one")
    report.add_argument("--templates", type=Path, default=Path("templates/report"), help="where report.html.j2 is (default: templates/report)")
    report.add_argument("--source-url", default=None, help="link sources to this address, e.g. https://github.com/org/repo/blob/main/")
    report.set_defaults(run=_report)

    serve = commands.add_parser("serve", help="preview the site, rebuilt whenever a source or template changes")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site configuration (default: mkdocs.yml)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageProblem as problem:
        print(f"strategy-site: {problem}", file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as error:  # a full or read-only disk, a name too long: one plain line, never a traceback
        where = f" ({printable(str(error.filename))})" if error.filename else ""
        print(f"strategy-site: {args.command} could not finish: {error.strerror or error}{where}.", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
