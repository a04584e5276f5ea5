"""`strategy-site check`: every problem in the documents, with where it is and how to fix it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from strategy_site.check import check_project
from strategy_site.commands.common import EXIT_FINDINGS, EXIT_OK, source_folder, sources_by_path
from strategy_site.findings import Severity
from strategy_site.output.json_output import format_json
from strategy_site.output.text import format_text


def run(path: Path, output: str = "text", today: dt.date | None = None) -> int:
    project, findings, seconds = check_project(source_folder(path), today)
    if output == "json":
        sys.stdout.write(format_json(findings, project.files_seen))
    else:
        sys.stdout.write(format_text(findings, sources_by_path(project), project.files_seen, seconds))
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK
