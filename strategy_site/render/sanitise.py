"""The allow-list every page's HTML passes through before it is published.

Officers write Markdown, and Markdown lets raw HTML through. The public site must
never carry a script, an event handler or a ``javascript:`` link from a source
file, so page content is cleaned with nh3 (the Rust ammonia sanitiser): only
the tags and attributes below survive, and links keep only safe schemes.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "nav", "ol", "p",
    "pre", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "ul",
}
COMMON = {"class", "id", "lang", "title", "aria-label", "aria-describedby", "role"}
ATTRIBUTES = {
    "*": COMMON,
    "a": {"href", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "scope", "headers"},
    "time": {"datetime"},
    "ol": {"start"},
}
SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise(html: str) -> str:
    """``html`` with everything outside the allow-list removed; relative links are kept."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
        generic_attribute_prefixes={"data-"},
    )
