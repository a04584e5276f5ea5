"""Where each thing in the model is published, as a path inside the site.

Pages are Markdown paths (``actions/HE-01.md``), so links between them are
relative ``.md`` links that the site engine checks and turns into URLs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from strategy_site.load.files import SourceFile
from strategy_site.model.documents import Action, Indicator, Member, Priority, Theme
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
    return str(PurePosixPath(source_path(project, model.source_file)).with_suffix(".md"))


def chart_path(project: Project, indicator: Indicator) -> str:
    return str(PurePosixPath(page_path(project, indicator)).with_suffix("")) + "-chart.svg"


def relative(from_page: str, target: str) -> str:
    """``target`` as a link written on the page at ``from_page`` (both paths inside the site)."""
    return "../" * from_page.count("/") + target


@dataclass(frozen=True)
class Asset:
    """A file published as it is: a chart, a data download, the feed."""

    path: str
    content: str
