"""One page per document, written as Markdown from the Jinja2 templates in templates/content/.

The site engine (MkDocs, through strategy_site.site.plugin) only receives the
pages; it never sees the model, so it can be swapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

from strategy_site.load.files import Kind, SourceFile
from strategy_site.model.project import Project


@dataclass(frozen=True)
class Page:
    path: str  # the page's Markdown path inside the site, e.g. "action-plans/2026-27.md"
    markdown: str


_TEMPLATES = {
    Kind.PARTNERSHIP: "partnership.md.j2",
    Kind.COMMUNITY_STRATEGY: "strategy.md.j2",
    Kind.RENEWAL_STRATEGY: "renewal-strategy.md.j2",
    Kind.ACTION_PLAN: "action-plan.md.j2",
    Kind.INDICATOR: "indicator.md.j2",
    Kind.AGREEMENT: "agreement.md.j2",
    Kind.PROGRESS_UPDATE: "progress-update.md.j2",
}


def cell(value: Any) -> str:
    """Text safe inside a Markdown table cell."""
    if value is None:
        return ""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def body_without_title(body: str) -> str:
    """The officer's Markdown without its first top-level heading, which the page template writes."""
    return re.sub(r"\A\s*# [^\n]*\n", "", body, count=1)


def page_path(source: SourceFile, project: Project) -> str:
    relative = PurePosixPath(Path(source.path).resolve().relative_to(project.root.resolve()).as_posix())
    return str(relative.with_suffix(".md"))


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; table cells go through |cell
    )
    env.filters["cell"] = cell
    env.filters["date"] = lambda day: f"{day.day} {day:%B %Y}" if day else ""
    env.filters["pounds"] = lambda amount: f"£{amount:,}"
    return env


def render_pages(project: Project, templates: Path) -> list[Page]:
    env = environment(templates)
    paths = {id(source): page_path(source, project) for source in project.files}

    def link(from_path: str, model: Any, anchor: str = "") -> str:
        target = PurePosixPath(paths[id(model.source_file)])
        relative = PurePosixPath(*[".."] * (len(PurePosixPath(from_path).parts) - 1), target)
        return f"{relative}{'#' + anchor if anchor else ''}"

    pages = []
    for kind, documents in project.documents.items():
        for document in documents:
            path = paths[id(document.source_file)]
            markdown = env.get_template(_TEMPLATES[kind]).render(
                doc=document,
                project=project,
                body=body_without_title(document.source_file.body),
                link=lambda model, anchor="", _from=path: link(_from, model, anchor),
                status_of=project.latest_status,
            )
            pages.append(Page(path, markdown))
    pages.append(Page("index.md", env.get_template("home.md.j2").render(project=project, link=lambda m, a="": link("index.md", m, a))))
    return sorted(pages, key=lambda page: page.path)
