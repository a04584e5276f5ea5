"""The site's pages, rendered straight to HTML from the model by the Jinja2 templates in templates/content/.

Each page knows its title, what kind of page it is, the source files it is drawn
from (the first gives the "edit this" link and its line) and every source file whose
change can change it, so a preview re-renders only those pages. Pages are rendered one
at a time, when the site engine asks for them, so a site of any size is never held in
memory whole. The engine (MkDocs, through strategy_site.site.plugin) frames each page
in the theme; it never sees the model, so it can be swapped.

Every value a template writes is escaped by construction: the environment
autoescapes, so a title of ``<script>`` appears as those characters. Officers'
Markdown (a document's body, and the fields in ``MARKDOWN_FIELDS``) is the one thing
let through, and only as ``strategy_site.render.officer_markdown`` made it: converted
and cleaned against the HTML allow-list.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import slugify
from markupsafe import Markup

from strategy_site.load.files import BOUNDARIES_FILE
from strategy_site.load.kinds import BY_KIND
from strategy_site.model.documents import MARKDOWN_FIELDS, Action, Document
from strategy_site.model.progress import IndicatorProgress, action_status_counts, is_headline_target, trend_counts
from strategy_site.model.project import Project
from strategy_site.render import comparisons, html_parts
from strategy_site.render.charts import alt_text
from strategy_site.render.comparisons import Figures
from strategy_site.render.group_chart import group_alt_text
from strategy_site.render.maps import indicator_map, neighbourhood_locator
from strategy_site.render.officer_markdown import Converted, OfficerMarkdown
from strategy_site.render.open_data import tables
from strategy_site.render.paths import chart_path, gap_chart_path, group_chart_path, neighbourhood_chart_path, page_path, relative, source_path
from strategy_site.render.series_charts import gap_alt_text, neighbourhood_alt_text
from strategy_site.report.making import Report
from strategy_site.words import long_date, number, plural


@dataclass(frozen=True)
class Page:
    path: str  # the page's Markdown path inside the site, e.g. "actions/HE-01.md"; published at actions/HE-01/
    title: str  # plain text, for the browser's title bar
    kind: str  # what sort of page it is, in words ("Action"), for search results
    meta: dict[str, Any]  # title, kind, source, source_line and last_changed, for the theme


@dataclass
class _Spec:
    path: str
    template: str
    title: str
    kind: str
    sources: list[Any] = field(default_factory=list)  # models; the first gives the "edit this" link
    reads: list[Any] = field(default_factory=list)  # models whose files the page also reads
    context: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # other source files it reads (the boundaries), by path


def _join_words(words: Sequence[str]) -> str:
    return " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))


def environment(templates: Sequence[Path] | Path) -> jinja2.Environment:
    """The page templates' environment; ``templates`` is searched in order (a partnership's own first).
    One per search path, so a preview that renders pages again does not compile the templates again
    (Jinja reloads a template whose file changed)."""
    return _environment((templates,) if isinstance(templates, Path) else tuple(templates))


@functools.cache
def _environment(templates: tuple[Path, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
    )
    env.filters["join_words"] = _join_words
    env.filters["date"] = long_date
    env.filters["pounds"] = lambda amount: f"£{amount:,}"
    env.filters["number"] = number
    env.filters["plural"] = plural  # {{ count | plural("action") }}: 1 action, 2 actions
    env.filters["slug"] = heading_id
    env.tests["headline_target"] = is_headline_target
    return env


def heading_id(words: Any) -> str:
    """The id a heading gets from its words, made as Python-Markdown makes officers' heading ids."""
    return slugify(Markup(words).striptags() if hasattr(words, "__html__") else str(words), "-")


def body_without_title(body: str) -> str:
    """The officer's Markdown without its first top-level heading, which the page template writes."""
    return re.sub(r"\A\s*# [^\n]*\n", "", body, count=1)


def web_link(address: Any) -> Markup:
    """A link to a web or e-mail address, or the address as plain text when it is neither."""
    shown = str(address).strip()
    if not re.match(r"(https?://|mailto:)", shown, re.IGNORECASE):
        return Markup.escape(shown)
    href = urllib.parse.quote(shown, safe=_URL_SAFE)
    return Markup('<a class="govuk-link" href="{}">{}</a>').format(href, shown)


_URL_SAFE = "/:?#[]@!$&'*+,;=%~.-_()"  # characters with meaning in an address; spaces and quotes are encoded


def outline(headings: Iterable[Any]) -> list[tuple[Any, list[Any]]]:
    """A contents list's two levels: each h2 with the h3s beneath it (an h3 before any h2 stands alone)."""
    tree: list[tuple[Any, list[Any]]] = []
    for heading in headings:
        level = heading["level"] if isinstance(heading, dict) else heading.level
        if level > 2 and tree:
            tree[-1][1].append(heading)
        else:
            tree.append((heading, []))
    return tree


class SitePages:
    """Every page of the site, rendered on demand. ``history`` maps source paths to when they last
    changed; with a completeness ``report``, the site gets a page for it too."""

    def __init__(
        self,
        project: Project,
        templates: Sequence[Path] | Path,
        progress: dict[str, IndicatorProgress],
        officer: OfficerMarkdown,
        history: dict[str, dt.date] | None = None,
        report: Report | None = None,
    ) -> None:
        self.project, self.officer, self.history = project, officer, history or {}
        self.env = environment(templates)
        self.shared = {
            "project": project,
            "progress": progress,
            "figures": Figures(project),
            "actions_in": _actions_in(project),
            "words": comparisons,
            "indicator_map": indicator_map,
            "neighbourhood_locator": neighbourhood_locator,
            "gap_alt_text": gap_alt_text,
            "neighbourhood_alt_text": neighbourhood_alt_text,
            "group_alt_text": group_alt_text,
            "gap_chart_path": gap_chart_path,
            "neighbourhood_chart_path": neighbourhood_chart_path,
            "group_chart_path": group_chart_path,
            "action_counts": action_status_counts(project),
            "trend_counts": trend_counts(list(progress.values())),
            "alt_text": alt_text,
            "data_tables": tables(project, progress),
            "report": report,
            "web_link": web_link,
            "outline": outline,
            "parts": html_parts,
        }
        self._paths: dict[int, str] = {}  # each model's source file, by the model's id(); models live as long as this
        self._specs = {spec.path: spec for spec in _specs(project, report)}
        self.pages = sorted((self._page(spec) for spec in self._specs.values()), key=lambda page: page.path)
        self._by_path = {page.path: page for page in self.pages}

    def _files(self, models: Sequence[Any]) -> list[str]:
        paths = self._paths
        for model in models:
            if id(model) not in paths:  # asking a model for its file is slow, and pages share most models
                paths[id(model)] = source_path(self.project, model.source_file)
        return list(dict.fromkeys(paths[id(model)] for model in models))

    def _page(self, spec: _Spec) -> Page:
        paths = self._files(spec.sources)
        meta: dict[str, Any] = {"title": spec.title, "kind": spec.kind}  # plain text: the theme escapes it
        if spec.sources:
            meta["source"] = paths[0]
            meta["source_line"] = spec.sources[0].where().position.line
        changed = [self.history[path] for path in paths if path in self.history]
        if changed:
            meta["last_changed"] = max(changed).isoformat()
        return Page(spec.path, spec.title, spec.kind, meta)

    def reads(self, page: Page) -> set[str]:
        """The source files (paths inside the source folder) whose change can change ``page``. Worked out when
        asked (by a preview), not for every page of every build: at scale they would take tens of megabytes."""
        spec = self._specs[page.path]
        everyone = [doc for doc in (self.project.partnership, self.project.strategy) if doc]  # names every page shows
        return set(self._files([*spec.sources, *spec.reads, *everyone])) | set(spec.files)

    def html(self, page: Page) -> str:
        """The page's content as HTML, without the theme's frame."""
        spec = self._specs[page.path]
        project, officer = self.project, self.officer

        def link(target: Any, anchor: str = "") -> str:
            path = target if isinstance(target, str) else page_path(project, target)
            return urllib.parse.quote(relative(spec.path, path), safe="/") + (f"#{anchor}" if anchor else "")

        def chart(indicator: Any) -> str:
            return urllib.parse.quote(relative(spec.path, chart_path(project, indicator)), safe="/")

        def prose(model: Any, name: str, lead: bool = False) -> Markup:
            """A Markdown field; a ``lead`` one is set in the larger type of an opening paragraph."""
            assert name in MARKDOWN_FIELDS, f"{name} is not a Markdown field"
            value = getattr(model, name)
            if not value:
                return Markup("")
            html = officer.convert(value, source_path(project, model.source_file), spec.path).html
            return Markup(str(html).replace('<p class="govuk-body">', '<p class="govuk-body-l">')) if lead else html

        def body(model: Any) -> Converted:
            return officer.convert(body_without_title(model.source_file.body), source_path(project, model.source_file), spec.path)

        template = self.env.get_template(spec.template)
        return template.render(**self.shared, **spec.context, page=spec.path, link=link, chart=chart, prose=prose, body=body)

    def page_for(self, model: Any) -> Page | None:
        """The page that shows ``model``, if the site has one."""
        return self._by_path.get(page_path(self.project, model))

    def depending_on(self, changed: set[str]) -> list[Page]:
        """The pages that read any of the ``changed`` source files. A page that reads a file only since the edit
        (a neighbourhood an action now targets, say) is among them; one that read it only before the edit is
        among the pages of the SitePages made before it."""
        return [page for page in self.pages if not self.reads(page).isdisjoint(changed)]


def _specs(project: Project, report: Report | None) -> list[_Spec]:
    """Every page of the site: its title, its kind, and the sources it shows and reads."""
    plans, indicators, agreements, updates = project.action_plans, project.indicators, project.agreements, project.progress_updates
    home = project.partnership.name if project.partnership else "Our community strategy"
    maps = [BOUNDARIES_FILE] if project.boundaries else []  # what pages with a map read besides the documents
    everything = [doc for documents in project.documents.values() for doc in documents]
    specs = [
        _Spec("index.md", "home.html.j2", home, "About this site", [project.strategy] if project.strategy else [], everything),
        _Spec("action-plans/index.md", "action-plans.html.j2", "Action plans", "Action plan", list(plans), list(updates)),
        _Spec("indicators/index.md", "indicators.html.j2", "Indicators", "Indicator", list(indicators), list(updates)),
        _Spec("partners/index.md", "partners.html.j2", "Partners", "Partner", [project.partnership] if project.partnership else []),
        _Spec("agreements/index.md", "agreements.html.j2", "Partnership agreements", "Agreement", list(agreements)),
        _Spec("progress/index.md", "progress.html.j2", "Progress updates", "Progress update", list(reversed(updates))),
        _Spec("open-data.md", "open-data.html.j2", "Open data", "About this site"),
        _Spec("how-to-read-this-site.md", "how-to-read.html.j2", "How to read this site", "About this site"),
        _Spec("accessibility.md", "accessibility.html.j2", "Accessibility statement", "About this site"),
    ]
    if report is not None:
        specs.append(_Spec("completeness.md", "completeness.html.j2", "How complete is the strategy?", "About this site", [], everything))
    if project.partnership:
        partnership = project.partnership
        specs.append(_Spec(page_path(project, partnership), "partnership.html.j2", "Who we are", _page_kind(partnership), [partnership], list(agreements),
                           {"doc": partnership}))
        for member in project.members:
            reads = [*project.actions_led_by.get(member.id, []), *project.actions_supported_by.get(member.id, []),
                     *project.agreements_signed_by.get(member.id, []), *project.indicators_reported_by.get(member.id, []), *updates]
            specs.append(_Spec(page_path(project, member), "partner.html.j2", member.name, "Partner", [member], reads, {"member": member}))
    if project.strategy:
        strategy = project.strategy
        specs.append(_Spec(page_path(project, strategy), "strategy.html.j2", strategy.title, _page_kind(strategy), [strategy], [], {"doc": strategy}))
        for theme in project.themes:
            reads = [model for priority in theme.priorities for model in _priority_reads(project, priority)]
            specs.append(_Spec(page_path(project, theme), "theme.html.j2", theme.name, "Theme", [theme], reads, {"theme": theme}))
            for priority in theme.priorities:
                specs.append(_Spec(page_path(project, priority), "priority.html.j2", priority.title, "Priority", [priority],
                                   _priority_reads(project, priority), {"priority": priority, "theme": theme}))
    if project.partnership and project.partnership.neighbourhoods:
        neighbourhoods = list(project.neighbourhood_by_id.values())  # one page an id; check reports a repeated id
        reads = [*indicators, *plans, *updates]  # any indicator may break its figures down by a neighbourhood
        specs.append(_Spec("neighbourhoods/index.md", "neighbourhoods.html.j2", "Neighbourhoods", "Neighbourhood", list(neighbourhoods), reads))
        actions_in, renewal = _actions_in(project), [project.renewal_strategy] if project.renewal_strategy else []
        for neighbourhood in neighbourhoods:
            # Its page shows only the indicators with figures for it and the actions that target it (and every
            # progress update, which may add figures to any series): an edit elsewhere leaves it as it is.
            measured = [i for i in indicators if any(b.area == neighbourhood.id for b in i.breakdowns)]
            specs.append(_Spec(page_path(project, neighbourhood), "neighbourhood.html.j2", neighbourhood.name, "Neighbourhood", [neighbourhood],
                               [*measured, *actions_in.get(neighbourhood.id, []), *updates, *renewal], {"neighbourhood": neighbourhood}, maps))
    if project.renewal_strategy:
        doc = project.renewal_strategy
        specs.append(_Spec(page_path(project, doc), "renewal-strategy.html.j2", doc.title, _page_kind(doc), [doc], list(plans), {"doc": doc}))
    for plan in plans:
        specs.append(_Spec(page_path(project, plan), "action-plan.html.j2", plan.title, _page_kind(plan), [plan], list(updates), {"doc": plan}))
    for action in project.actions:
        history = [update for update, _ in project.status_history(action)]
        moved = [project.indicator_by_id[i] for i in action.indicators if i in project.indicator_by_id]
        specs.append(_Spec(page_path(project, action), "action.html.j2", action.title, "Action", [action, *history], [*updates, *moved],
                           {"action": action}))
    for indicator in indicators:
        moving = project.actions_moving.get(indicator.id, [])
        specs.append(_Spec(page_path(project, indicator), "indicator.html.j2", indicator.title, _page_kind(indicator), [indicator], [*updates, *moving],
                           {"doc": indicator}, maps))
    for agreement in agreements:
        specs.append(_Spec(page_path(project, agreement), "agreement.html.j2", agreement.title, _page_kind(agreement), [agreement], [], {"doc": agreement}))
    for update in updates:
        # It names actions and indicators: it reads their files, not every plan's and indicator's.
        named = [*(project.action_by_id[x.action] for x in update.actions if x.action in project.action_by_id),
                 *(project.indicator_by_id[x.indicator] for x in update.indicators if x.indicator in project.indicator_by_id)]
        specs.append(_Spec(page_path(project, update), "progress-update.html.j2", update.title, _page_kind(update), [update], named, {"doc": update}))
    return specs


def _actions_in(project: Project) -> dict[str, list[Action]]:
    """The actions that target each neighbourhood, by its id, in the order of the plans."""
    found: dict[str, list[Action]] = {}
    for action in project.actions:
        for id_ in dict.fromkeys(action.neighbourhoods):
            found.setdefault(id_, []).append(action)
    return found


def _page_kind(document: Document) -> str:
    """What search results call the page of a document, from the table of kinds."""
    return BY_KIND[document.KIND].page


def _priority_reads(project: Project, priority: Any) -> list[Any]:
    """What a priority's page shows besides the priority: its actions, its indicators, and their progress."""
    measured = [project.indicator_by_id[i] for i in priority.indicators if i in project.indicator_by_id]
    return [*project.actions_for(priority), *measured, *project.progress_updates]
