"""Officer-written Markdown, converted to clean HTML once per text and page.

Only what officers write is Markdown: a document's body and the few fields the model
names in ``MARKDOWN_FIELDS``. Everything else on a page comes from the model through
autoescaping templates, so it never needs a Markdown converter. Each text is converted
with one reused converter, given the GOV.UK classes, and cleaned against the HTML
allow-list; the result is the one kind of HTML the page templates let through as it is.

A relative link in an officer's text is read as authors read it in their editor or on
their Git host: relative to the file it is written in. A link to another source
document goes to that document's page, and a link to a published file (an image, a
download) to that file.
"""

from __future__ import annotations

import functools
import html
import posixpath
import urllib.parse
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from strategy_site.render.govuk_markdown import GovukExtension
from strategy_site.render.paths import relative
from strategy_site.render.safe_attributes import SafeAttributesExtension
from strategy_site.render.sanitise import sanitise

# What an officer can always use; a partnership's mkdocs.yml may add more (admonition, say).
BASE_EXTENSIONS: list[str] = ["attr_list", "md_in_html", "tables"]
HEADINGS = {"toc_depth": "2-3", "permalink": False}


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # plain text


@dataclass(frozen=True)
class Converted:
    html: Markup  # sanitised
    headings: tuple[Heading, ...]  # h2 and h3, for a page's contents list


class _LocalLinks(Treeprocessor):
    """Rewrites relative links from the source file's point of view to the page's."""

    def __init__(self, site_path: Callable[[str], str | None]) -> None:
        super().__init__()
        self.site_path = site_path
        self.source = ""  # the source file the text comes from, relative to the source folder
        self.page = ""  # the page it is shown on, as a site path

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            attribute = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            value = element.get(attribute) if attribute else None
            if attribute and value:
                element.set(attribute, self._rewritten(value))

    def _rewritten(self, link: str) -> str:
        parts = urllib.parse.urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith(("#", "/")) or not parts.path:
            return link
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.source), urllib.parse.unquote(parts.path)))
        published = self.site_path(target)
        if published is None:
            return link  # check reports a link to nothing (SS310); the page keeps it as written
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return urllib.parse.quote(relative(self.page, published), safe="/") + fragment


class OfficerMarkdown:
    """One converter for every officer text of a site; ``site_path`` maps a source-relative path to
    where it is published (a page's Markdown path or a file's path), or None when nothing is."""

    def __init__(
        self,
        site_path: Callable[[str], str | None],
        extensions: Sequence[Any] = (),
        extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        # Ours are added below, once and in order, whether or not the site's configuration lists them.
        theirs = [e for e in extensions if not (isinstance(e, str) and e.startswith("strategy_site.render."))]
        wanted = list(dict.fromkeys([*BASE_EXTENSIONS, *theirs]))
        configs = {name: dict(options) for name, options in (extension_configs or {}).items()}
        configs["toc"] = {**configs.get("toc", {}), **HEADINGS}
        if "toc" not in wanted:
            wanted.append("toc")
        self._links = _LocalLinks(site_path)
        self._md = markdown.Markdown(extensions=[*wanted, SafeAttributesExtension(), GovukExtension()], extension_configs=configs)
        self._links.md = self._md
        self._md.treeprocessors.register(self._links, "local_links", 0)
        self.convert = functools.lru_cache(maxsize=4096)(self._convert)

    def _convert(self, text: str, source: str, page: str) -> Converted:
        """``text``, written in the file ``source``, as it appears on the page ``page``."""
        self._links.source, self._links.page = source, page
        self._md.reset()
        html = self._md.convert(text)
        tokens: list[dict[str, Any]] = getattr(self._md, "toc_tokens", [])
        return Converted(Markup(sanitise(html)), tuple(_headings(tokens)))


def _headings(tokens: list[dict[str, Any]]) -> list[Heading]:
    found = []
    for token in tokens:
        if 2 <= token["level"] <= 3:
            found.append(Heading(token["level"], token["id"], html.unescape(str(token.get("data-toc-label") or token["name"]))))
        found.extend(_headings(token.get("children", [])))
    return found
