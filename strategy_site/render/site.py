"""Everything the public site publishes, made from the model: pages, charts, open data, the feed, the sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategy_site.model.progress import IndicatorProgress, all_progress
from strategy_site.model.project import Project
from strategy_site.render.chart_files import indicator_charts
from strategy_site.render.feed import atom_feed
from strategy_site.render.maps import map_assets
from strategy_site.render.officer_markdown import OfficerMarkdown
from strategy_site.render.open_data import open_data
from strategy_site.render.pages import SitePages
from strategy_site.render.paths import Asset, page_path, source_path
from strategy_site.report import data_formats
from strategy_site.report.making import Report

SOURCE_FOLDER = "source"  # where the site publishes a copy of each source file, for the "view the source" links


@dataclass(frozen=True)
class SiteContent:
    pages: SitePages  # rendered one at a time, on demand
    assets: list[Asset]


def published_path(project: Project) -> Callable[[str], str | None]:
    """Where a file of the source folder is published: a document as its page, an image or download as itself."""
    pages = {source_path(project, doc.source_file): page_path(project, doc) for docs in project.documents.values() for doc in docs}
    files = set(project.assets)
    return lambda path: pages.get(path) or (path if path in files else None)


def render_site(
    project: Project,
    templates: Sequence[Path] | Path,
    site_url: str,
    history: dict[str, dt.date] | None = None,
    report: Report | None = None,
    markdown_extensions: Sequence[Any] = (),
    extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
) -> SiteContent:
    """The whole site; with a completeness ``report``, its page and data files too. ``templates`` is the
    page templates' search path (strategy_site.shipped.search_path); officers' Markdown may also use
    ``markdown_extensions``, with their ``extension_configs``."""
    progress = all_progress(project)  # worked out once for the charts, the pages and the open data
    return SiteContent(
        pages=site_pages(project, templates, progress, history, report, markdown_extensions, extension_configs),
        assets=[Asset(asset.path, asset.whole()) for asset in site_assets(project, progress, site_url, report)],
    )


def site_pages(
    project: Project,
    templates: Sequence[Path] | Path,
    progress: dict[str, IndicatorProgress],
    history: dict[str, dt.date] | None = None,
    report: Report | None = None,
    markdown_extensions: Sequence[Any] = (),
    extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
    officer: OfficerMarkdown | None = None,
) -> SitePages:
    """The site's pages, each rendered when asked for (see render_site for the arguments). A preview passes
    the ``officer`` converter of the last build again: it remembers what it converted."""
    officer = officer or OfficerMarkdown(published_path(project), markdown_extensions, extension_configs)
    return SitePages(project, templates, progress, officer, history, report)


def site_assets(project: Project, progress: dict[str, IndicatorProgress], site_url: str, report: Report | None = None) -> Iterator[Asset]:
    """The site's other files: charts, maps, open data, the feed, the published sources and the completeness data,
    made one at a time, so that a caller that writes each as it comes never holds them all."""
    yield from charts(project, progress.values())
    yield from map_assets(project)
    yield from open_data(project, progress)
    yield atom_feed(project, site_url)
    drafts = {id(update.source_file) for update in project.draft_updates}  # unreviewed: not published, not even as source
    for source in project.files:
        if (source.data is not None or source.body) and id(source) not in drafts:
            yield Asset(f"{SOURCE_FOLDER}/{source_path(project, source)}", source.text)
    if report is not None:
        yield Asset("data/completeness.json", parts=data_formats.json_parts(report))
        yield Asset("data/completeness.csv", data_formats.to_csv(report))


def charts(project: Project, progress: Iterable[IndicatorProgress]) -> Iterator[Asset]:
    """The charts of each indicator whose ``progress`` is given (render/chart_files.py), made one at a time."""
    return (asset for item in progress for asset in indicator_charts(project, item))
