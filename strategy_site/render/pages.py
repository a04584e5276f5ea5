"""The site's pages, written as Markdown from the Jinja2 templates in templates/content/.

Each page starts with front matter the theme reads: its title, the source files
it is drawn from (with a line, for the "edit this" link) and when those last
changed. The site engine (MkDocs, through strategy_site.site.plugin) only
receives the pages; it never sees the model, so it can be swapped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from strategy_site.model.progress import IndicatorProgress, action_status_counts, trend_counts
from strategy_site.model.project import Project
from strategy_site.render.charts import alt_text
from strategy_site.render.open_data import tables
from strategy_site.render.paths import chart_path, page_path, relative, source_path
from strategy_site.report.making import Report
from strategy_site.words import long_date, number


@dataclass(frozen=True)
class Page:
    path: str  # the page's Markdown path inside the site, e.g. "actions/HE-01.md"
    markdown: str


@dataclass
class _Spec:
    path: str
    template: str
    sources: list[Any] = field(default_factory=list)  # models; the first gives the "edit this" link
    context: dict[str, Any] = field(default_factory=dict)


def cell(value: Any) -> str:
    """Text safe inside a Markdown table cell."""
    if value is None:
        return ""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def body_without_title(body: str) -> str:
    """The officer's Markdown without its first top-level heading, which the page template writes."""
    return re.sub(r"\A\s*# [^\n]*\n", "", body, count=1)


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; table cells go through |cell, and pages are sanitised
    )
    env.filters["cell"] = cell
    env.filters["date"] = long_date
    env.filters["pounds"] = lambda amount: f"£{amount:,}"
    env.filters["number"] = number
    env.filters["body"] = lambda model: body_without_title(model.source_file.body)
    return env


def _specs(project: Project, report: Report | None) -> list[_Spec]:
    """Every page of the site, and the sources each is drawn from."""
    specs = [
        _Spec("index.md", "home.md.j2", [project.strategy] if project.strategy else []),
        _Spec("action-plans/index.md", "action-plans.md.j2", list(project.action_plans)),
        _Spec("indicators/index.md", "indicators.md.j2", list(project.indicators)),
        _Spec("partners/index.md", "partners.md.j2", [project.partnership] if project.partnership else []),
        _Spec("agreements/index.md", "agreements.md.j2", list(project.agreements)),
        _Spec("progress/index.md", "progress.md.j2", list(reversed(project.progress_updates))),
        _Spec("open-data.md", "open-data.md.j2"),
        _Spec("how-to-read-this-site.md", "how-to-read.md.j2"),
        _Spec("accessibility.md", "accessibility.md.j2"),
    ]
    if report is not None:
        specs.append(_Spec("completeness.md", "completeness.md.j2"))
    if project.partnership:
        specs.append(_Spec(page_path(project, project.partnership), "partnership.md.j2", [project.partnership], {"doc": project.partnership}))
        for member in project.members:
            specs.append(_Spec(page_path(project, member), "partner.md.j2", [member], {"member": member}))
    if project.strategy:
        specs.append(_Spec(page_path(project, project.strategy), "strategy.md.j2", [project.strategy], {"doc": project.strategy}))
        for theme in project.themes:
            specs.append(_Spec(page_path(project, theme), "theme.md.j2", [theme], {"theme": theme}))
            for priority in theme.priorities:
                specs.append(_Spec(page_path(project, priority), "priority.md.j2", [priority], {"priority": priority, "theme": theme}))
    if project.renewal_strategy:
        doc = project.renewal_strategy
        specs.append(_Spec(page_path(project, doc), "renewal-strategy.md.j2", [doc], {"doc": doc}))
    for plan in project.action_plans:
        specs.append(_Spec(page_path(project, plan), "action-plan.md.j2", [plan], {"doc": plan}))
    for action in project.actions:
        history = [update for update, _ in project.status_history(action)]
        specs.append(_Spec(page_path(project, action), "action.md.j2", [action, *history], {"action": action}))
    for indicator in project.indicators:
        specs.append(_Spec(page_path(project, indicator), "indicator.md.j2", [indicator], {"doc": indicator}))
    for agreement in project.agreements:
        specs.append(_Spec(page_path(project, agreement), "agreement.md.j2", [agreement], {"doc": agreement}))
    for update in project.progress_updates:
        specs.append(_Spec(page_path(project, update), "progress-update.md.j2", [update], {"doc": update}))
    return specs


def _front_matter(project: Project, spec: _Spec, body: str, history: dict[str, dt.date]) -> str:
    paths = list(dict.fromkeys(source_path(project, model.source_file) for model in spec.sources))
    meta: dict[str, Any] = {}
    title = re.search(r"^# (.+)$", body, re.MULTILINE)  # the site engine looks for it only at the very top
    if title:
        meta["title"] = title.group(1).strip()
    if spec.sources:
        meta["source"] = paths[0]
        meta["source_line"] = spec.sources[0].where().position.line
    changed = [history[path] for path in paths if path in history]
    if changed:
        meta["last_changed"] = max(changed).isoformat()
    # JSON is YAML, and much quicker to write than yaml.safe_dump over thousands of pages.
    return f"---\n{json.dumps(meta, sort_keys=True, ensure_ascii=False)}\n---\n\n" if meta else ""


def render_pages(
    project: Project,
    templates: Path,
    progress: dict[str, IndicatorProgress],
    history: dict[str, dt.date] | None = None,
    report: Report | None = None,
) -> list[Page]:
    """Every page of the site as Markdown. ``history`` maps source paths to when they last changed;
    with a completeness ``report``, the site gets a page for it too."""
    env = environment(templates)
    shared = {
        "project": project,
        "progress": progress,
        "action_counts": action_status_counts(project),
        "trend_counts": trend_counts(list(progress.values())),
        "alt_text": alt_text,
        "data_tables": tables(project, progress),
        "report": report,
    }
    pages = []
    for spec in _specs(project, report):
        def link(target: Any, anchor: str = "", _from: str = spec.path) -> str:
            path = target if isinstance(target, str) else page_path(project, target)
            return relative(_from, path) + (f"#{anchor}" if anchor else "")

        def chart(indicator: Any, _from: str = spec.path) -> str:
            return relative(_from, chart_path(project, indicator))

        body = env.get_template(spec.template).render(**shared, **spec.context, page=spec.path, link=link, chart=chart)
        pages.append(Page(spec.path, _front_matter(project, spec, body, history or {}) + body))
    return sorted(pages, key=lambda page: page.path)
