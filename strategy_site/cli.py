"""The ``strategy-site`` command line: it parses the arguments and hands them to a command in
strategy_site/commands/, and turns a command that could not run into one plain line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from strategy_site.commands.common import DEFAULT_SOURCE, EXIT_UNUSABLE, UsageProblem
from strategy_site.text_safety import printable

REPORT_FORMATS = ("summary", "html", "json", "csv", "junit", "sarif", "github")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


# Each command is imported only when it runs: `check` stays quick, and only build and serve load MkDocs.


def _check(args: argparse.Namespace) -> int:
    from strategy_site.commands import check

    return check.run(args.path, args.format, args.today)


def _report(args: argparse.Namespace) -> int:
    from strategy_site.commands.report import ReportOptions, run

    return run(ReportOptions(
        path=args.path, output=args.format, out=args.out, since=args.since, fail_under=args.fail_under,
        fail_on=args.fail_on, today=args.today, weights=args.weights, templates=args.templates, source_url=args.source_url,
    ))


def _build(args: argparse.Namespace) -> int:
    from strategy_site.commands import build

    return build.run(args.path, args.config, args.site_dir, args.today, args.quiet)


def _serve(args: argparse.Namespace) -> int:
    from strategy_site.commands import serve

    return serve.run(args.config or args.path / "mkdocs.yml", args.dev_addr)


def _new_folder(text: str) -> Path:
    if not text.strip():  # Path("") is the current folder: an empty variable in a script must not start one there
        raise argparse.ArgumentTypeError('give the folder to start the partnership in, such as fernley, or . for this one')
    return Path(text)


def _init(args: argparse.Namespace) -> int:
    from strategy_site.commands import init

    return init.run(args.folder, args.name, args.area, args.nrf, args.install)


def _rules(args: argparse.Namespace) -> int:
    from strategy_site.commands import rules

    return rules.run()


def _traceability(args: argparse.Namespace) -> int:
    from strategy_site.commands import traceability

    return traceability.run(args.tests)


def _returns_export(args: argparse.Namespace) -> int:
    from strategy_site.commands import returns

    return returns.export(args.path, args.partner, args.format, args.out, args.today, args.due)


def _returns_import(args: argparse.Namespace) -> int:
    from strategy_site.commands import returns

    return returns.run_import(args.source, args.files, args.write, args.replace, args.today)


def _schema(args: argparse.Namespace) -> int:
    from strategy_site.commands import schema

    return schema.run(args.out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="strategy-site",
        description="Check a Local Strategic Partnership's strategy documents and publish them.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser("init", help="start a new partnership's repository, with a skeleton of every document")
    init.add_argument("folder", type=_new_folder, help="the folder to start it in (it may exist, but not hold a partnership)")
    init.add_argument("--name", required=True, help='the partnership\'s public name, for example "Fernley Partnership"')
    init.add_argument("--area", required=True, help='the local-authority area it covers, for example "Borough of Fernley"')
    init.add_argument("--nrf", action="store_true", help="the area receives Neighbourhood Renewal Fund money (adds a renewal strategy)")
    init.add_argument("--install", default=None, metavar="REQUIREMENT",
                      help="what the README, CI and pre-commit hook give pip to install strategy-site: a version, a wheel's address or a Git "
                           "address (default: this version from PyPI)")
    init.set_defaults(run=_init)

    check = commands.add_parser("check", help="check the documents and list every problem found")
    check.add_argument("path", nargs="?", type=Path, default=DEFAULT_SOURCE, help="the source folder (default: strategy_src)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="how to print the findings")
    check.add_argument("--today", type=_date, default=None, help="check as if today were this date (YYYY-MM-DD)")
    check.set_defaults(run=_check)

    build = commands.add_parser("build", help="check the documents, then build the public site")
    build.add_argument("path", nargs="?", type=Path, default=Path("."),
                       help="the partnership's folder, which holds mkdocs.yml (default: the current folder)")
    build.add_argument("--config", type=Path, default=None, help="the site configuration (default: mkdocs.yml in the folder)")
    build.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site_dir in the configuration)")
    build.add_argument("--today", type=_date, default=None, help="check as if today were this date (YYYY-MM-DD)")
    build.add_argument("--quiet", action="store_true", help="print only problems")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="preview the site, rebuilt whenever a source or template changes")
    serve.add_argument("path", nargs="?", type=Path, default=Path("."),
                       help="the partnership's folder, which holds mkdocs.yml (default: the current folder)")
    serve.add_argument("--config", type=Path, default=None, help="the site configuration (default: mkdocs.yml in the folder)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)

    report = commands.add_parser("report", help="assess how complete and credible the strategy is, for reviewers")
    report.add_argument("path", nargs="?", type=Path, default=DEFAULT_SOURCE, help="the source folder (default: strategy_src)")
    report.add_argument("--format", choices=REPORT_FORMATS, default="summary", help="what to print (default: a summary for people)")
    report.add_argument("--out", type=Path, default=None, help="also write every format into this folder")
    report.add_argument("--since", metavar="REV", default=None, help="compare with the sources at this Git commit, tag or branch")
    report.add_argument("--fail-under", type=int, metavar="SCORE", default=None, help="exit with 1 when the overall score is below SCORE")
    report.add_argument("--fail-on", choices=("warning", "error"), default=None, help="exit with 1 when check finds problems this serious")
    report.add_argument("--today", type=_date, default=None, help="assess as if today were this date (YYYY-MM-DD)")
    report.add_argument("--weights", type=Path, default=None, help="a weights file to use instead of the built-in one")
    report.add_argument("--templates", type=Path, default=None,
                        help="a folder with your own report.html.j2 (default: templates/report beside the source folder, if it exists)")
    report.add_argument("--source-url", default=None, help="link sources to this address, e.g. https://github.com/org/repo/blob/main/")
    report.set_defaults(run=_report)

    returns = commands.add_parser("returns", help="partners' figures and action statuses: out to spreadsheets, and back without retyping")
    returns_commands = returns.add_subparsers(dest="returns_command", required=True, metavar="export|import")
    export = returns_commands.add_parser("export", help="write a workbook for each partner of the figures due and the actions it leads")
    export.add_argument("path", nargs="?", type=Path, default=DEFAULT_SOURCE, help="the source folder (default: strategy_src)")
    export.add_argument("--partner", action="append", default=[], metavar="ID",
                        help="the id of a member in partnership.yml; repeat for more (default: every partner with something to report)")
    export.add_argument("--format", action="append", choices=("xlsx", "ods"), default=[],
                        help="xlsx (Excel, Google Sheets) or ods (LibreOffice); repeat for both (default: xlsx)")
    export.add_argument("--out", type=Path, default=Path("returns"), help="the folder to write into (default: returns)")
    export.add_argument("--today", type=_date, default=None, help="work out what is due as if today were this date (YYYY-MM-DD)")
    export.add_argument("--due", type=_date, default=None, help="the date partners should send the workbook back by, for the instructions")
    export.set_defaults(run=_returns_export)
    import_ = returns_commands.add_parser("import", help="read returns back: print what would change, and with --write change the YAML")
    import_.add_argument("files", nargs="+", type=Path, metavar="FILE", help="returns to read: .xlsx, .ods or .csv")
    import_.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the source folder (default: strategy_src)")
    import_.add_argument("--write", action="store_true", help="write the changes into the YAML, then check (without it: a dry run)")
    import_.add_argument("--replace", action="store_true", help="accept figures that differ from those already recorded for the same period")
    import_.add_argument("--today", type=_date, default=None, help="date the draft progress update as if today were this date (YYYY-MM-DD)")
    import_.set_defaults(run=_returns_import)

    rules = commands.add_parser("rules", help="print the rule catalogue as Markdown")
    rules.set_defaults(run=_rules)

    traceability = commands.add_parser("traceability", help="print how each requirement of the sources is tested, as Markdown")
    traceability.add_argument("--tests", type=Path, default=Path("tests"),
                              help="the folder of test files, searched for the test that proves each rule and measure (default: tests)")
    traceability.set_defaults(run=_traceability)

    schema = commands.add_parser("schema", help="write JSON Schema files for editors")
    schema.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write into (default: schemas)")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
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
