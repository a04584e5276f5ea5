"""Links in officers' Markdown to files of the source folder that do not exist."""

from __future__ import annotations

import functools
import os
import posixpath
import urllib.parse
from collections.abc import Iterator

from strategy_site.check.published_text import matches, prose
from strategy_site.check.raw_html import MARKDOWN_LINK, as_browsers_read
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity

LINK_TO_NOTHING = Rule(
    "SS310",
    "link-to-nothing",
    Severity.ERROR,
    what="A link or image in a document points to a file that is not in the source folder.",
    why="A relative link is read from the file it is written in: a link to another document goes to that "
    "document's page, and a link to an image or download goes to the published file. A link to a file that "
    "is not there, or not published, would be a broken link on the public site.",
    example="See the [delivery plan](action-plans/2025-26-plan.yml), written in progress/2026-q1.md",
    instead="See the [delivery plan](../action-plans/2025-26-delivery-plan.yml), or a full web address (https://...)",
)


def _local(address: str) -> str | None:
    """The path part of a link to a file of the site, or None for a web address, an anchor or an absolute path."""
    address = as_browsers_read(address)  # "&#106;avascript:" is a scheme, not a file called "&"
    parts = urllib.parse.urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith(("#", "/")) or not parts.path:
        return None
    return urllib.parse.unquote(parts.path)


@check
def links_to_nothing(context: Context) -> Iterator[Finding]:
    project = context.project
    root = str(project.root.resolve())
    documents = {_inside(source.path, root) for source in project.files}
    published = documents | set(project.assets)
    for source, text in prose(project):
        here = posixpath.dirname(_inside(source.path, root))
        for link, position in matches(source, MARKDOWN_LINK, text):
            path = _local(link.group("url") or link.group("reference"))
            if path is None:
                continue
            target = posixpath.normpath(posixpath.join(here, path))
            if target not in published:
                yield LINK_TO_NOTHING.at(
                    Location(source.path, position),
                    f'the link to "{path[:60]}" goes to no file in the source folder (read from this file\'s folder, it is "{target[:60]}")',
                    "write the path from this file's folder to a document, image or download in the source folder, "
                    "or give a full web address (https://...)",
                )


@functools.lru_cache(maxsize=8192)  # asked for every file and every link; resolving a path is system calls
def _inside(path: str, root: str) -> str:
    """``path`` relative to the source folder, written with '/' as links are."""
    return os.path.relpath(os.path.realpath(path), root).replace(os.sep, "/")
