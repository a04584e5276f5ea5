"""The Atom feed of progress updates (RFC 4287), so residents and journalists can follow them."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from strategy_site.model.project import Project
from strategy_site.render.paths import Asset, page_path
from strategy_site.text_safety import xml_escape

FEED_PATH = "progress/feed.xml"


def _stamp(day: dt.date) -> str:
    # A fixed time of day: the update is dated, not timed, and builds must be repeatable.
    return f"{day.isoformat()}T00:00:00Z"


def _url(site_url: str, markdown_path: str) -> str:
    """The page's address, as MkDocs publishes it with directory URLs, with each segment percent-encoded
    (a file name may hold spaces, quotes or angle brackets)."""
    path = markdown_path.removesuffix(".md")
    path = "" if path == "index" else path.removesuffix("/index") + "/"
    return site_url.rstrip("/") + "/" + quote(path, safe="/")


def atom_feed(project: Project, site_url: str) -> Asset:
    """The feed, newest update first. ``site_url`` is the site's public address; Atom needs absolute links."""
    name = project.partnership.name if project.partnership else "Community strategy"
    updates = list(reversed(project.progress_updates))
    updated = _stamp(updates[0].published) if updates else _stamp(dt.date(1970, 1, 1))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{xml_escape(name)}: progress updates</title>",
        f'  <link rel="self" href="{xml_escape(site_url.rstrip("/") + "/" + FEED_PATH)}"/>',
        f'  <link rel="alternate" type="text/html" href="{xml_escape(_url(site_url, "progress/index.md"))}"/>',
        f"  <id>{xml_escape(_url(site_url, 'progress/index.md'))}</id>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{xml_escape(name)}</name></author>",
    ]
    for update in updates:
        url = _url(site_url, page_path(project, update))
        summary = (
            f"Covering {update.covers}: {len(update.actions)} action{'s' if len(update.actions) != 1 else ''} "
            f"and {len(update.indicators)} new figure{'s' if len(update.indicators) != 1 else ''}."
        )
        lines += [
            "  <entry>",
            f"    <title>{xml_escape(update.title)}</title>",
            f'    <link rel="alternate" type="text/html" href="{xml_escape(url)}"/>',
            f"    <id>{xml_escape(url)}</id>",
            f"    <published>{_stamp(update.published)}</published>",
            f"    <updated>{_stamp(update.published)}</updated>",
            f"    <summary>{xml_escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return Asset(FEED_PATH, "\n".join(lines) + "\n")
