"""The allow-list every page's HTML passes through before it is published.

Officers write Markdown, and Markdown lets raw HTML through. The public site must
never carry a script, an event handler or a ``javascript:`` link from a source
file, so page content is cleaned with nh3 (the Rust ammonia sanitiser): only
the tags and attributes in strategy_site/html_policy.py survive, and links keep
only safe schemes.
"""

from __future__ import annotations

import nh3

from strategy_site.html_policy import ATTRIBUTE_PREFIXES, ATTRIBUTES, REMOVED_WITH_CONTENT, TAGS, URL_SCHEMES
from strategy_site.render.safe_attributes import SAFE_ID, safe_classes


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Ids and classes reach links, scripts and the search index: only the safe shape is kept."""
    if name == "id":
        return value if SAFE_ID.fullmatch(value) else None
    if name == "class":
        return safe_classes(value) or None
    return value


def sanitise(html: str) -> str:
    """``html`` with everything outside the allow-list removed; relative links are kept."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attribute_filter=_attribute,
    )
