"""The site's pages, written as Markdown from the Jinja2 templates in templates/content/.

Each page starts with front matter the theme reads: its title, the source files
it is drawn from (with a line, for the "edit this" link) and when those last
changed. The site engine (MkDocs, through strategy_site.site.plugin) only
receives the pages; it never sees the model, so it can be swapped.

Every value a template writes is plain text and is escaped by construction: the
environment escapes it for Markdown and HTML alike, so a title of
``<script>`` or ``[x](javascript:...)`` appears as those characters, never as
markup. Only officer-written Markdown (a document's body, and the few fields
that take Markdown) is let through as it is, by the ``markdown`` filter; every
page's HTML is then cleaned against the allow-list, so that too cannot run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from strategy_site.model.progress import IndicatorProgress, action_status_counts, trend_counts
from strategy_site.model.project import Project
from strategy_site.render.charts import alt_text
from strategy_site.render.open_data import tables
from strategy_site.render.paths import chart_path, page_path, relative, source_path
from strategy_site.report.making import Report
from strategy_site.words import long_date, number


@dataclass(frozen=True)
class Page:
    path: str  # the page's Markdown path inside the site, e.g. "actions/HE-01.md"
    markdown: str


@dataclass
class _Spec:
    path: str
    template: str
    title: str  # plain text, for the browser's title bar
    sources: list[Any] = field(default_factory=list)  # models; the first gives the "edit this" link
    context: dict[str, Any] = field(default_factory=dict)


# Python-Markdown's backslash escapes, with '|' (tables) and '{' '}' (attr_list).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def text(value: Any) -> Markup:
    """Plain text, on one line, that Markdown and HTML will show exactly as it is written."""
    if value is None:
        return Markup("")
    if hasattr(value, "__html__"):
        return Markup(value)  # already made safe: a macro's output or another filter's
    flat = re.sub(r"\s+", " ", str(value))  # a line break inside a heading or a table cell would end it
    return escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", flat))


def attribute(value: Any) -> Markup:
    """A value inside an HTML attribute: escaped for HTML only, since Markdown leaves raw HTML as it is."""
    return escape(str(value))


def officer_markdown(value: Any) -> Markup:
    """An officer's Markdown, let through to the converter; the sanitiser cleans the page it ends up in."""
    return Markup(value)


def web_link(address: Any) -> Markup:
    """A link to a web or e-mail address, or the address as plain text when it is neither."""
    shown = str(address).strip()
    if not re.match(r"(https?://|mailto:)", shown, re.IGNORECASE):
        return text(shown)
    return Markup(f"[{text(shown)}]({escape(urllib.parse.quote(shown, safe=_URL_SAFE))})")


_URL_SAFE = "/:?#[]@!$&'*+,;=%~.-_"  # characters with meaning in an address; '(' ')' and spaces are encoded


def body_without_title(body: str) -> str:
    """The officer's Markdown without its first top-level heading, which the page template writes."""
    return re.sub(r"\A\s*# [^\n]*\n", "", body, count=1)


def environment(templates: Sequence[Path]) -> jinja2.Environment:
    """The page templates' environment; ``templates`` is searched in order (a partnership's own first)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
        finalize=text,
    )
    env.filters["cell"] = text  # one line, '|' escaped: safe in a table cell
    env.filters["text"] = text
    env.filters["markdown"] = officer_markdown
    env.filters["attribute"] = attribute
    env.filters["web_link"] = web_link
    env.filters["join_words"] = lambda words: " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))
    env.filters["date"] = long_date
    env.filters["pounds"] = lambda amount: f"£{amount:,}"
    env.filters["number"] = number
    env.filters["body"] = lambda model: officer_markdown(body_without_title(model.source_file.body))
    return env


def _specs(project: Project, report: Report | None) -> list[_Spec]:
    """Every page of the site, its plain-text title, and the sources each is drawn from."""
    home = project.partnership.name if project.partnership else "Our community strategy"
    specs = [
        _Spec("index.md", "home.md.j2", home, [project.strategy] if project.strategy else []),
        _Spec("action-plans/index.md", "action-plans.md.j2", "Action plans", list(project.action_plans)),
        _Spec("indicators/index.md", "indicators.md.j2", "Indicators", list(project.indicators)),
        _Spec("partners/index.md", "partners.md.j2", "Partners", [project.partnership] if project.partnership else []),
        _Spec("agreements/index.md", "agreements.md.j2", "Partnership agreements", list(project.agreements)),
        _Spec("progress/index.md", "progress.md.j2", "Progress updates", list(reversed(project.progress_updates))),
        _Spec("open-data.md", "open-data.md.j2", "Open data"),
        _Spec("how-to-read-this-site.md", "how-to-read.md.j2", "How to read this site"),
        _Spec("accessibility.md", "accessibility.md.j2", "Accessibility statement"),
    ]
    if report is not None:
        specs.append(_Spec("completeness.md", "completeness.md.j2", "How complete is the strategy?"))
    if project.partnership:
        specs.append(_Spec(page_path(project, project.partnership), "partnership.md.j2", "Who we are", [project.partnership], {"doc": project.partnership}))
        for member in project.members:
            specs.append(_Spec(page_path(project, member), "partner.md.j2", member.name, [member], {"member": member}))
    if project.strategy:
        specs.append(_Spec(page_path(project, project.strategy), "strategy.md.j2", project.strategy.title, [project.strategy], {"doc": project.strategy}))
        for theme in project.themes:
            specs.append(_Spec(page_path(project, theme), "theme.md.j2", theme.name, [theme], {"theme": theme}))
            for priority in theme.priorities:
                specs.append(_Spec(page_path(project, priority), "priority.md.j2", priority.title, [priority], {"priority": priority, "theme": theme}))
    if project.renewal_strategy:
        doc = project.renewal_strategy
        specs.append(_Spec(page_path(project, doc), "renewal-strategy.md.j2", doc.title, [doc], {"doc": doc}))
    for plan in project.action_plans:
        specs.append(_Spec(page_path(project, plan), "action-plan.md.j2", plan.title, [plan], {"doc": plan}))
    for action in project.actions:
        history = [update for update, _ in project.status_history(action)]
        specs.append(_Spec(page_path(project, action), "action.md.j2", action.title, [action, *history], {"action": action}))
    for indicator in project.indicators:
        specs.append(_Spec(page_path(project, indicator), "indicator.md.j2", indicator.title, [indicator], {"doc": indicator}))
    for agreement in project.agreements:
        specs.append(_Spec(page_path(project, agreement), "agreement.md.j2", agreement.title, [agreement], {"doc": agreement}))
    for update in project.progress_updates:
        specs.append(_Spec(page_path(project, update), "progress-update.md.j2", update.title, [update], {"doc": update}))
    return specs


def _front_matter(project: Project, spec: _Spec, history: dict[str, dt.date]) -> str:
    paths = list(dict.fromkeys(source_path(project, model.source_file) for model in spec.sources))
    meta: dict[str, Any] = {"title": spec.title}  # plain text: the theme escapes it
    if spec.sources:
        meta["source"] = paths[0]
        meta["source_line"] = spec.sources[0].where().position.line
    changed = [history[path] for path in paths if path in history]
    if changed:
        meta["last_changed"] = max(changed).isoformat()
    # JSON is YAML, and much quicker to write than yaml.safe_dump over thousands of pages.
    return f"---\n{json.dumps(meta, sort_keys=True, ensure_ascii=False)}\n---\n\n"


def _address(path: str) -> Markup:
    """A link target inside the site, percent-encoded so no name can break out of a Markdown link."""
    return Markup(urllib.parse.quote(path, safe="/#"))


def render_pages(
    project: Project,
    templates: Sequence[Path],
    progress: dict[str, IndicatorProgress],
    history: dict[str, dt.date] | None = None,
    report: Report | None = None,
) -> list[Page]:
    """Every page of the site as Markdown. ``history`` maps source paths to when they last changed;
    with a completeness ``report``, the site gets a page for it too."""
    env = environment(templates)
    shared = {
        "project": project,
        "progress": progress,
        "action_counts": action_status_counts(project),
        "trend_counts": trend_counts(list(progress.values())),
        "alt_text": alt_text,
        "data_tables": tables(project, progress),
        "report": report,
    }
    pages = []
    for spec in _specs(project, report):
        def link(target: Any, anchor: str = "", _from: str = spec.path) -> Markup:
            path = target if isinstance(target, str) else page_path(project, target)
            return _address(relative(_from, path) + (f"#{anchor}" if anchor else ""))

        def chart(indicator: Any, _from: str = spec.path) -> Markup:
            return _address(relative(_from, chart_path(project, indicator)))

        body = env.get_template(spec.template).render(**shared, **spec.context, page=spec.path, link=link, chart=chart)
        pages.append(Page(spec.path, _front_matter(project, spec, history or {}) + body))
    return sorted(pages, key=lambda page: page.path)
