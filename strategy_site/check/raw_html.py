"""Raw HTML in published text that the site will remove: scripts, event handlers, unsafe links."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from strategy_site.check.published_text import matches, prose
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.html_policy import ATTRIBUTE_PREFIXES, ATTRIBUTES, REMOVED_WITH_CONTENT, TAGS, URL_SCHEMES

UNSAFE_HTML = Rule(
    "SS304",
    "html-removed",
    Severity.WARNING,
    what="Raw HTML that the public site will remove: a tag outside the allowed list (such as <script>, "
    "<iframe> or <form>), an event handler such as onclick=, or a link to javascript: or another unsafe scheme.",
    why="The site cleans every page so that nothing in a source file can run a script in a resident's browser. "
    "What the cleaning removes silently disappears from the page, so the officer should know before publishing.",
    example='<iframe src="https://maps.example/ravensholt"></iframe>\n[Report it](javascript:openForm())',
    instead="Write it in Markdown, or link to the page instead of embedding it: "
    "[Map of Ravensholt](https://maps.example/ravensholt).",
)

_TAG = re.compile(r"<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attributes>(?:\s[^<>]*)?)/?>")
_ATTRIBUTE = re.compile(r"(?P<name>[A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
# The address of an inline Markdown link or image, and of a reference definition ("[ref]: address").
MARKDOWN_LINK = re.compile(r"(?<=\]\()[ \t]*<?(?P<url>[^)\s>]+)|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<reference>[^\s>]+)", re.MULTILINE)
_URL_ATTRIBUTES = ("href", "src")


def _unsafe_url(url: str) -> bool:
    # Browsers decode entities and drop tabs and line breaks first: "&#106;avascript:" is "javascript:".
    scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", as_browsers_read(url))
    return scheme is not None and scheme.group(1).lower() not in URL_SCHEMES


def as_browsers_read(url: str) -> str:
    return re.sub(r"[\t\n\r]", "", html.unescape(url))


def _scheme(url: str) -> str:
    return as_browsers_read(url).split(":")[0].strip()


def _problems(tag: re.Match[str]) -> Iterator[str]:
    name = tag.group("name").lower()
    if name not in TAGS:
        removed = "and everything inside it " if name in REMOVED_WITH_CONTENT else ""
        yield f"the site removes the <{name}> tag {removed}from the page"
        return
    for attribute in _ATTRIBUTE.finditer(tag.group("attributes")):
        key = attribute.group("name").lower()
        if key != "markdown":  # md_in_html's switch: the converter consumes it
            yield from attribute_problems(f"<{name}>", key, (attribute.group("value") or "").strip("\"'"), name)


def attribute_problems(element: str, key: str, value: str, tag: str = "*") -> Iterator[str]:
    """What the site removes of the attribute ``key`` on ``element`` (shown as, say, "<abbr>")."""
    allowed = ATTRIBUTES.get(tag, frozenset()) | ATTRIBUTES["*"]
    if key.startswith("on"):
        yield f'the site removes the event handler "{key}=" from {element}'
    elif key not in allowed and not key.startswith(tuple(ATTRIBUTE_PREFIXES)):
        yield f'the site removes the attribute "{key}" from {element}'
    elif key in _URL_ATTRIBUTES and _unsafe_url(value):
        yield f"the site removes the {_scheme(value)}: address from {element}"


@check
def unsafe_html(context: Context) -> Iterator[Finding]:
    for source, text in prose(context.project):
        if "<" in text.value:
            for tag, position in matches(source, _TAG, text):
                for problem in _problems(tag):
                    yield UNSAFE_HTML.at(Location(source.path, position), problem,
                                         "write it in Markdown, or link to the content instead of embedding it")
        for link, position in matches(source, MARKDOWN_LINK, text):
            address = link.group("url") or link.group("reference")
            if _unsafe_url(address):
                scheme = _scheme(address)
                yield UNSAFE_HTML.at(Location(source.path, position), f'the site drops links to "{scheme}:" addresses',
                                     "link to a web page (https://...) or an e-mail address (mailto:...)")
