"""Where each thing in the model is published, as a path inside the site.

A page is named by the path of the Markdown file a site engine would read
(``actions/HE-01.md``) and published at a directory address (``actions/HE-01/``,
written to ``actions/HE-01/index.html``), as MkDocs does by default. Pages are
rendered straight to HTML, so links between them are the final relative
addresses, worked out here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from strategy_site.load.files import SourceFile
from strategy_site.model.documents import Action, Indicator, Member, Neighbourhood, Priority, Theme
from strategy_site.model.project import Project


def source_path(project: Project, source: SourceFile) -> str:
    """The source file's path relative to the project folder."""
    return _relative(source.path, str(project.root))


@functools.lru_cache(maxsize=4096)  # every page asks for several; resolving a path is a system call
def _relative(path: str, root: str) -> str:
    return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()


def page_path(project: Project, model: Any) -> str:
    """The Markdown path of the page that shows ``model``."""
    if isinstance(model, Member):
        return f"partners/{model.id}.md"
    if isinstance(model, Theme):
        return f"themes/{model.id}.md"
    if isinstance(model, Priority):
        return f"priorities/{model.id}.md"
    if isinstance(model, Action):
        return f"actions/{model.id}.md"
    if isinstance(model, Neighbourhood):
        return f"neighbourhoods/{model.id}.md"
    return str(PurePosixPath(source_path(project, model.source_file)).with_suffix(".md"))


def chart_path(project: Project, indicator: Indicator) -> str:
    return str(PurePosixPath(page_path(project, indicator)).with_suffix("")) + "-chart.svg"


def gap_chart_path(project: Project, indicator: Indicator, index: int) -> str:
    """The chart of the indicator's gap target at ``index`` (from 0) among its gap targets (series_targets'
    order, soonest due first): numbered from 1 in the name, as indicators/life-expectancy-gap-1.svg."""
    return str(PurePosixPath(page_path(project, indicator)).with_suffix("")) + f"-gap-{index + 1}.svg"


def group_chart_path(project: Project, indicator: Indicator) -> str:
    """The indicator's chart by group, for the equality view: every group's categories, in one chart."""
    return str(PurePosixPath(page_path(project, indicator)).with_suffix("")) + "-groups.svg"


def neighbourhood_chart_path(project: Project, neighbourhood_id: str, indicator: Indicator) -> str:
    """A neighbourhood's chart of an indicator, beside the neighbourhood's page (neighbourhoods/northgate/)."""
    return f"{address(page_path(project, project.neighbourhood_by_id[neighbourhood_id]))}{indicator.id}.svg"


def address(path: str) -> str:
    """Where ``path`` is published: a page's directory address ("" for the home page), or a file's path."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_page: str, target: str) -> str:
    """A link, written on the page ``from_page``, to the page or file ``target`` (both paths inside the site):
    up to the site's root, then down to the target, as MkDocs writes links between pages."""
    return "../" * address(from_page).count("/") + address(target) or "./"


@dataclass(frozen=True)
class Asset:
    """A file published as it is: a chart, a data download, the feed. A big one may come in ``parts``, made
    as they are written, instead of as one ``content``."""

    path: str
    content: str | bytes = ""  # bytes for a binary file, such as a spreadsheet
    parts: Iterable[str] | None = None

    def whole(self) -> str | bytes:
        return self.content if self.parts is None else "".join(self.parts)
