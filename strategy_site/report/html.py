"""The report as one standalone HTML file, summary first, from templates/report/report.html.j2."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2

from strategy_site.findings import Severity, count
from strategy_site.report.making import Report
from strategy_site.words import long_date, number


def link_maker(written_to: Path, source_url: str | None) -> Callable[[str, int | None], str]:
    """Links to a source file and line: on the Git host when ``source_url`` is given, else relative to the report."""
    def link(path: str, line: int | None) -> str:
        anchor = f"#L{line}" if line else ""
        if source_url:
            return source_url.rstrip("/") + "/" + Path(path).as_posix() + anchor
        return Path(os.path.relpath(Path(path).resolve(), written_to.parent.resolve())).as_posix()

    return link


def to_html(report: Report, templates: Sequence[Path], written_to: Path, source_url: str | None = None) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["date"] = long_date
    env.filters["number"] = number
    a = report.assessment
    return env.get_template("report.html.j2").render(
        a=a, checklist=report.checklist, changes=report.changes,
        errors=count(a.findings, Severity.ERROR), warnings=count(a.findings, Severity.WARNING),
        weights=a.weights.weights, thresholds=a.weights.thresholds,
        source_link=link_maker(written_to, source_url),
    )
