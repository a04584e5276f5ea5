"""The main job: check the documents, then build the public site.

The site is built into a folder beside ``site/`` and swapped in only when the
build succeeds, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from strategy_site.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, check_project, sources_by_path
from strategy_site.findings import Severity
from strategy_site.output.text import format_text
from strategy_site.site.plugin import StrategySitePlugin


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build.py", description="Check the strategy documents, then build the site.")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site_dir in the configuration)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="check as if today were this date")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.config.is_file():
        print(f"build.py: there is no configuration file '{args.config}'. Run it from the project folder.", file=sys.stderr)
        return EXIT_UNUSABLE
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.WARNING if args.quiet else logging.INFO)
    started = time.perf_counter()
    problems = _Problems()
    mkdocs_log = logging.getLogger("mkdocs")
    for earlier in [h for h in mkdocs_log.handlers if isinstance(h, _Problems)]:
        mkdocs_log.removeHandler(earlier)  # from an earlier call in the same process
    mkdocs_log.addHandler(problems)
    try:
        config = load_config(str(args.config))
    except MkDocsException as error:
        print(f"build.py: the configuration in {args.config} is not valid: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        project, findings, seconds = check_project(Path(config.docs_dir), args.today)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if findings and (errors or not args.quiet):
            sys.stdout.write(format_text(findings, sources_by_path(project), project.files_seen, seconds))
        if errors:
            print("The site was not built: fix the errors above. The previous site is unchanged.", file=sys.stderr)
            return EXIT_FINDINGS
        site_dir = (args.site_dir or Path(config.site_dir)).resolve()
        plugin = next((p for p in config.plugins.values() if isinstance(p, StrategySitePlugin)), None)
        if plugin is None:
            print(f"build.py: {args.config} does not list the strategy-site plugin under plugins.", file=sys.stderr)
            return EXIT_UNUSABLE
        plugin.project = project
        plugin.today = args.today
        plugin.findings = findings
        build_into(config, site_dir)
    except MkDocsException as error:
        reasons = "; ".join(problems.messages) or str(error)
        print(f"The site was not built: {reasons}. The previous site is unchanged.", file=sys.stderr)
        return EXIT_FINDINGS
    except jinja2.TemplateError as error:
        place = _template_place(error)
        print(f"The site was not built: {place}a page template failed: {error}. The previous site is unchanged.", file=sys.stderr)
        return EXIT_FINDINGS
    if not args.quiet:
        print(f"Built the site in {site_dir} in {time.perf_counter() - started:.2f} s.")
    return EXIT_OK


def _template_place(error: jinja2.TemplateError) -> str:
    """Where in a page template the error is, as "file:line: ", found from the error or its traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}: "
    # Jinja rewrites tracebacks so that template frames carry the template's own file and line.
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""


class _Problems(logging.Handler):
    """MkDocs logs why a build failed and then raises a bare "Aborted"; keep the why to show it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.messages.append(message.removeprefix("Error running build: ").removeprefix("Config value 'plugins': "))


def build_into(config, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Build into a fresh folder beside ``site_dir`` and swap it in when the build succeeds."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        config.site_dir = str(staging)
        mkdocs_build(config)
        if site_dir.exists():
            retired = staging.with_name(staging.name.replace("-build-", "-old-"))
            site_dir.rename(retired)
            staging.rename(site_dir)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
