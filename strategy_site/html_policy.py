"""The HTML the public site allows: one list, used by the sanitiser that cleans every page and by
the check that warns officers, before they publish, about raw HTML the site would remove."""

from __future__ import annotations

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "nav", "ol", "p",
    "pre", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "ul",
})
COMMON_ATTRIBUTES = frozenset({"class", "id", "lang", "title", "aria-label", "aria-describedby", "role"})
ATTRIBUTES = {
    "*": COMMON_ATTRIBUTES,
    "a": frozenset({"href", "hreflang", "type", "download"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "scope", "headers"}),
    "time": frozenset({"datetime"}),
    "ol": frozenset({"start"}),
}
ATTRIBUTE_PREFIXES = frozenset({"data-"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed with everything inside them, not just the tags.
REMOVED_WITH_CONTENT = frozenset({"script", "style"})
# Ids and classes go into pages, links, scripts and the search index as they are. Made of letters,
# digits, '-' and '_' only (as the ids the table of contents makes from headings are), they can break
# out of none of those.
SAFE_TOKEN = r"[A-Za-z0-9_-]+"
