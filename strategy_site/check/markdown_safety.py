"""Markdown the site cannot publish as written: unsafe ids and classes, nesting too deep, too many headings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from markdown import Markdown
from markdown.extensions.attr_list import get_attrs

from strategy_site.check.published_text import matches, position_in, prose
from strategy_site.check.raw_html import UNSAFE_HTML, attribute_problems
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.html_policy import SAFE_TOKEN

MAX_NESTING = 20  # lists, quotes and HTML blocks inside each other; real documents use three or four
MAX_HEADINGS = 1000  # per document; far more than a long strategy has

UNSAFE_ATTRIBUTE = Rule(
    "SS305",
    "unsafe-id-or-class",
    Severity.ERROR,
    what="An id or class given in braces after a heading or paragraph ({: #id .class }) uses characters other "
    "than letters, digits, '-' and '_'.",
    why="Ids become links to the heading, entries in the search index and parts of web addresses, where quotes, "
    "spaces and '<' could break out and run a script in a resident's browser. The site drops such ids and "
    "classes, so the link or styling the author meant would silently not work.",
    example="### Zebra crossings {: id='zebra crossings' }",
    instead="### Zebra crossings {: #zebra-crossings }",
)
TOO_DEEP = Rule(
    "SS306",
    "nesting-too-deep",
    Severity.ERROR,
    what=f"Lists, quotes or HTML blocks are nested inside each other more than {MAX_NESTING} levels deep.",
    why="No document needs it, and the Markdown converter runs out of stack on deep nesting, so the site "
    "cannot be built.",
    example="- a\n    - b\n        - c ... (twenty levels and more)",
    instead="Use headings and separate lists; a reader cannot follow more than three or four levels anyway.",
)
TOO_MANY_HEADINGS = Rule(
    "SS307",
    "too-many-headings",
    Severity.ERROR,
    what=f"A document has more than {MAX_HEADINGS} headings.",
    why="Every heading becomes an entry in the contents and the search index; thousands make the build and "
    "the search page very slow. No real document has so many.",
    example="A progress update pasted from a spreadsheet with a heading for every row.",
    instead="Use a table, or split the document.",
)

UNCLOSED = Rule(
    "SS308",
    "html-not-closed",
    Severity.ERROR,
    what="An HTML element that holds the text after it, such as <div>, <script>, <iframe>, <textarea> or "
    "<plaintext>, is opened in a document and never closed.",
    why="Everything after it would be swallowed: the Markdown converter or the browser reads the rest of the "
    "document as the element's raw content, so the headings, lists and links after it disappear from the page "
    "or show as code.",
    example='<div class="app-note">\n\n## Our vision   (no </div> anywhere after it)',
    instead='<div class="app-note" markdown="1">\n\nText.\n\n</div>, or plain Markdown without the HTML.',
)
# Elements whose opening tag, left open, takes the rest of the document: the converter's raw HTML blocks
# (its block-level elements), and the elements browsers read as raw text to their end tag (plaintext has
# none at all) or keep out of the page (template).
SWALLOWING = frozenset(Markdown().block_level_elements) - {"hr"} | {
    "plaintext", "xmp", "listing", "noembed", "noframes", "title", "template",
}
MAX_BRACKETS = 500  # '[' in one paragraph: the converter's link search slows with the square of their number

TOO_COMPLEX = Rule(
    "SS309",
    "markdown-too-slow",
    Severity.ERROR,
    what=f"A paragraph holds more than {MAX_BRACKETS} '[' characters.",
    why="The Markdown converter looks for a link at every '[', and the time it takes grows with the square of "
    "their number: ten thousand in one paragraph take a quarter of a minute, and the build looks hung.",
    example="A table of references pasted as one paragraph: [1][2][3]... thousands of times.",
    instead="Split the paragraph, or write the references as a list or a table.",
)

_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*(?P<attributes>[^}\n]*)\}")
_SAFE = re.compile(SAFE_TOKEN)
_CONTAINER = re.compile(r" {0,3}(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]?")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*?)(/?)>")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed"})


def _unsafe_tokens(attributes: str) -> Iterator[str]:
    for key, value in get_attrs(attributes):
        if not value:
            continue  # a bare word in braces, such as {id} in prose, or an empty one: nothing reaches the page
        if key == "#" or key == "id":
            if not _SAFE.fullmatch(value):
                yield f"the id '{value}'"
        elif key == ".":
            if not _SAFE.fullmatch(value):
                yield f"the class '{value}'"
        elif key == "class":
            yield from (f"the class '{name}'" for name in value.split() if not _SAFE.fullmatch(name))


def _removed_attributes(attributes: str) -> Iterator[str]:
    """What the site removes from the attributes given in braces, as SS304 says it of raw HTML."""
    for key, value in get_attrs(attributes):
        if key not in ("#", ".", "id", "class") and value is not None:  # a bare word in braces is prose, not key=value
            yield from attribute_problems("what the braces apply to", key.lower(), value)


def _nesting(text: str) -> Iterator[tuple[int, int]]:
    """(offset, depth) where lists, quotes and Markdown-in-HTML blocks first nest deeper than the limit.

    Only HTML blocks with a ``markdown`` attribute count: the converter parses those recursively, while
    other raw HTML passes through it as it is, so an unclosed <p> is not nesting.
    """
    open_tags: list[tuple[str, bool]] = []  # (name, parsed as Markdown)
    still_open: Counter[str] = Counter()  # so that a closing tag never scans the whole list
    parsed_depth = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" \t")) if line.strip() else 0  # a blank line nests nothing
        markers, rest = 0, line
        while (marker := _CONTAINER.match(rest)) is not None:
            markers, rest = markers + 1, rest[marker.end():]
        for tag in _HTML_TAG.finditer(line):
            closing, name, attributes, self_closing = tag.groups()
            name = name.lower()
            if closing:
                while still_open[name]:
                    closed, parsed = open_tags.pop()
                    still_open[closed] -= 1
                    parsed_depth -= parsed
                    if closed == name:
                        break
            elif name not in _VOID and not self_closing:
                parsed = "markdown" in attributes.lower()
                open_tags.append((name, parsed))
                still_open[name] += 1
                parsed_depth += parsed
        depth = indent // 4 + markers + parsed_depth
        if depth > MAX_NESTING:
            yield offset, depth
            return
        offset += len(line)


def _bracket_runs(text: str) -> Iterator[tuple[int, int]]:
    """(offset, count) of each paragraph with more '[' than the converter handles quickly."""
    offset = 0
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        if paragraph.count("[") > MAX_BRACKETS:
            yield offset, paragraph.count("[")
        offset += len(paragraph)


def _unclosed(text: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of each element in SWALLOWING opened in ``text`` and never closed."""
    opened: dict[str, list[int]] = {}
    for tag in _HTML_TAG.finditer(text):
        closing, name, _, self_closing = tag.groups()
        name = name.lower()
        if name not in SWALLOWING or self_closing:
            continue
        if not closing:
            opened.setdefault(name, []).append(tag.start())
        elif opened.get(name) and name != "plaintext":  # plaintext has no end: the rest of the page is text
            opened[name].pop()
    for name, offsets in opened.items():
        for offset in offsets:
            yield offset, name


@check
def markdown_safety(context: Context) -> Iterator[Finding]:
    for source, text in prose(context.project):
        if "{" in text.value:
            for match, position in matches(source, _ATTRIBUTE_LIST, text):
                for token in _unsafe_tokens(match.group("attributes")):
                    yield UNSAFE_ATTRIBUTE.at(
                        Location(source.path, position), f"{token} uses characters other than letters, digits, '-' and '_', so the site drops it",
                        "write ids and classes with letters, digits, '-' and '_' only, as {: #zebra-crossings }",
                    )
                for problem in _removed_attributes(match.group("attributes")):
                    yield UNSAFE_HTML.at(Location(source.path, position), problem, "give only an id and classes in braces")
        if "<" in text.value and not text.inline:
            for offset, name in sorted(_unclosed(text.value)):
                yield UNCLOSED.at(
                    Location(source.path, position_in(source, text, offset)),
                    f"<{name}> is opened here and never closed, so the rest of the document would not appear as written",
                    f"add </{name}> where it should end" if name != "plaintext" else "remove <plaintext>: it can never be closed",
                )
        for offset, count in _bracket_runs(text.value):
            yield TOO_COMPLEX.at(
                Location(source.path, position_in(source, text, offset)),
                f"this paragraph holds {count:,} '[' characters, more than the {MAX_BRACKETS} the site can convert quickly",
                "split the paragraph, or write the references as a list or a table",
            )
        for offset, depth in _nesting(text.value):
            yield TOO_DEEP.at(
                Location(source.path, position_in(source, text, offset)),
                f"lists, quotes or HTML blocks are nested {depth} levels deep here, more than the {MAX_NESTING} the site can publish",
                "use headings and separate lists instead of nesting deeper",
            )
    for source in context.project.files:
        if len(source.sections) > MAX_HEADINGS:
            yield TOO_MANY_HEADINGS.at(
                Location(source.path, source.sections[MAX_HEADINGS].position),
                f"the document has {len(source.sections):,} headings, more than the {MAX_HEADINGS:,} the site can publish",
                "use a table instead of a heading per item, or split the document",
            )
