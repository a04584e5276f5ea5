"""MkDocs plugin: replace the source files MkDocs finds with the site strategy-site renders.

This is the only place (with build.py and serve.py beside it) that knows about
MkDocs; everything it publishes comes from ``strategy_site.render``. Pages are
rendered straight to HTML by strategy-site, so MkDocs converts no Markdown: it
gives each page an empty one, and the plugin hands it the page's HTML only when
the theme frames it, and takes it back once the page is written, so no more than
one page is held in memory at a time.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import _build_page as build_page  # to write one page again in a preview
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from strategy_site.check import run_checks
from strategy_site.findings import Finding, Severity
from strategy_site.forked import Copy, can_fork
from strategy_site.load.history import last_changed
from strategy_site.model.progress import all_progress
from strategy_site.model.project import Project, load_project
from strategy_site.render.pages import Page as SitePage, SitePages
from strategy_site.render.paths import Asset
from strategy_site.render.site import charts, site_assets, site_pages
from strategy_site.report.making import Report, make_report
from strategy_site.report.weights import load_weights
from strategy_site.shipped import search_path
from strategy_site.site.ahead import FROM_PAGES, PagesAhead
from strategy_site.site.search_index import SearchIndex
from strategy_site.words import long_date, plural

COMPLETENESS = "completeness.md"  # the page of the completeness report, which reads everything
DEFAULT_SITE_URL = "https://example.org/"  # Atom needs absolute addresses; set site_url to the real one


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on ``colour`` (#rrggbb)."""
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


class PluginConfig(Config):
    # The partnership's own page templates, which override the shipped ones file by file.
    templates = config_options.Optional(config_options.Dir(exists=True))
    colour = config_options.Type(str, default="#1d70b8")
    completeness = config_options.Type(bool, default=True)  # publish the completeness report as a page
    search = config_options.Type(bool, default=True)  # index the pages for the search page (Pagefind)


class StrategySitePlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.findings: list[Finding] | None = None  # check's findings for the project, reused by the report
        self.today: dt.date | None = None  # the completeness page is as of this day
        self.newest: str | None = None  # the newest change to any source, from Git
        self.templates: list[Path] = []  # the page templates' search path
        self.pages: SitePages | None = None
        self.page_of: dict[str, SitePage] = {}  # by the page's path (its src_uri)
        self.history: dict[str, dt.date] = {}
        self.extensions: tuple[list[Any], dict[str, Any]] = ([], {})  # mkdocs.yml's Markdown extensions and their settings
        self.assets: Callable[[], Iterator[Asset]] | None = None  # what on_post_build writes
        self.search: SearchIndex | None = None  # during a whole build: Pagefind, given each page as it is written
        self.ahead: PagesAhead | None = None  # during a whole build of a large site: its pages, made in another process
        self.aside: Copy[bool] | None = None  # and its downloads, written in a third
        self.report: Report | None = None
        # What MkDocs made of the last build, kept so that a preview can write single pages again.
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None

    def use(self, project: Project, findings: list[Finding], today: dt.date | None = None) -> None:
        """Build from this project, already loaded and checked (with no errors), instead of reading the
        sources again; the completeness page is as of ``today``. Call before the build starts."""
        self.project, self.findings, self.today = project, findings, today

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        colour = self.config.colour
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
            raise PluginError(f"the strategy-site colour '{colour}' in mkdocs.yml is not a colour: write it as #rrggbb, for example #1d70b8")
        if contrast_with_white(colour) < 4.5:
            raise PluginError(
                f"the strategy-site colour {colour} in mkdocs.yml is too light for white header text "
                f"(contrast {contrast_with_white(colour):.1f}:1, WCAG AA needs 4.5:1): choose a darker colour"
            )
        config.use_directory_urls = True  # the pages' links are written for addresses like actions/HE-01/
        # The extensions are for officers' Markdown, which strategy-site converts. MkDocs is handed pages that are
        # already HTML (an empty Markdown each), so it is given none: it would load them all again for every page.
        self.extensions = (list(config.markdown_extensions), dict(config.mdx_configs))
        config.markdown_extensions, config.mdx_configs = [], {}
        config.extra["brand_colour"] = colour
        config.extra["completeness"] = self.config.completeness
        # `serve` rebuilds when a page template or the theme changes, not only the sources.
        own = self.config.templates or str(Path(config.config_file_path).parent / "templates" / "content")
        self.templates = search_path("content", Path(own))
        config.watch.extend(str(folder) for folder in self.templates)
        config.watch.extend(config.theme.dirs[:1])  # the theme's own folder, or the partnership's custom_dir
        if self.project is None:  # run by `mkdocs build` or `serve`, not build.py: check here
            self.project = load_project(Path(config.docs_dir))
            self.findings = run_checks(self.project, dt.date.today())  # the completeness page reuses them
            errors = [f for f in self.findings if f.severity is Severity.ERROR]
            if errors:
                details = "\n".join(f"{f.path}:{f.line}:{f.column}: {f.message}" for f in errors)
                raise PluginError(f"the documents have {len(errors)} error(s); run strategy-site check for details:\n{details}")
        partnership = self.project.partnership
        if partnership:  # the partnership's identity is written once, in partnership.yml
            config.site_name = partnership.name
            config.site_description = partnership.site_description or config.site_description
            config.site_url = partnership.site_address or config.site_url
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs' theme environment does not escape: the partnership's name, titles and file names would
        # reach every page as markup. Page content is sanitised HTML, the one value the theme marks safe.
        env.autoescape = True
        env.filters["long_date"] = lambda iso: long_date(dt.date.fromisoformat(str(iso)))
        self.env = env
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        project = self.project
        assert project is not None, "on_config loads the project"
        self.history = last_changed(Path(config.docs_dir))
        self.newest = max(self.history.values()).isoformat() if self.history else None
        progress = all_progress(project)  # worked out once for the charts, the pages and the open data
        self.report = report = self._report(project)
        self._use_pages(site_pages(project, self.templates, progress, self.history, report, *self.extensions))
        # Charts, open data and the other files are written after the pages (on_post_build), each as it is made.
        self.assets = lambda: site_assets(project, progress, config.site_url or DEFAULT_SITE_URL, report)
        assert self.pages is not None
        # MkDocs follows links and publishes every file it finds; from the source folder, publish only the
        # files strategy-site found inside its boundary (an image, say), never a link out of it.
        published = set(project.assets)
        kept = [file for file in files if file.src_dir != config.docs_dir or file.src_uri in published]
        generated = [File.generated(config, page.path, content="") for page in self.pages.pages]
        for file in generated:
            _PageOfHTML(None, file, config)  # MkDocs keeps a page a plugin gives a file
        site = Files(kept + generated)
        # A source file MkDocs found at a theme file's path (assets/app.js, say) hid the theme's own file;
        # it is dropped above, so the theme's file goes back in.
        site.add_files_from_theme(config.theme.get_env(), config)
        self.files = site
        self._start_helpers(config)
        return site

    def _start_helpers(self, config: MkDocsConfig) -> None:
        """Start what works beside the build: for a large site, the processes that write its downloads and make its
        pages ahead, then Pagefind. In that order: the processes are copies of this one, made while no other
        thread runs, and the first holds none of the second's pipe."""
        assert self.pages is not None
        self._stop_helpers()
        if len(self.pages.pages) >= FROM_PAGES and can_fork():
            assets = self.assets
            if assets is not None:
                def write_assets() -> bool:
                    self._write_assets(config, assets())
                    return True  # the copy's result: they are written
                self.aside = Copy(write_assets)
            self.ahead = PagesAhead([page.path for page in self.pages.pages], lambda path: self._render(self.page_of[path]))
        if self.config.search:
            self.search = SearchIndex()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav  # kept, with the files and the theme's environment, to re-render pages in a preview
        return nav

    def _report(self, project: Project) -> Report | None:
        if not self.config.completeness:
            return None
        return make_report(project, self.today or dt.date.today(), load_weights(), findings=self.findings)

    def _use_pages(self, pages: SitePages) -> None:
        self.pages = pages
        self.page_of = {page.path: page for page in pages.pages}

    def refresh(self, config: MkDocsConfig, project: Project, findings: list[Finding], changed: set[str]) -> Callable[[Callable[[], bool]], None]:
        """After an edit, write into the site this plugin built the pages that read the ``changed`` source files
        (paths inside the source folder), with the ``project`` as it is now, checked, with no errors.

        Returns the rest of the work, to do once the browser has those pages: the completeness report and
        its page, and the files made from the whole project (open data, the feed, charts, source copies). It
        is given a function that says when a later edit has made that work stale, and then stops.
        """
        assert self.files is not None and self.nav is not None and self.env is not None, "refresh follows a build"
        self.project, self.findings = project, findings
        progress = all_progress(project)
        # Only documents changed, none came or went, so links from officers' text lead where they did: the
        # converter of the last build, and what it has converted, serve again.
        extensions = (*self.extensions, self.pages.officer if self.pages else None)
        # The pages that read a changed file before the edit or since: a neighbourhood an action no longer
        # targets, as well as the one it now targets.
        before = {page.path for page in self.pages.depending_on(changed)} if self.pages else set()
        # The report reads everything and takes longest to make: until the_rest() makes it, pages keep the last one.
        self._use_pages(site_pages(project, self.templates, progress, self.history, self.report, *extensions))
        assert self.pages is not None
        since = {page.path for page in self.pages.depending_on(changed)}
        affected = [page for page in self.pages.pages if page.path in before | since and page.path != COMPLETENESS]
        if any(self.files.get_file_from_path(page.path) is None for page in affected):
            raise PluginError("the pages changed: build the whole site")  # a new action, say: it needs a new page
        self._write_pages(config, affected)
        indicators = {page.path: item for item in progress.values() if (page := self.pages.page_for(item.indicator))}
        self._write_assets(config, charts(project, [indicators[page.path] for page in affected if page.path in indicators]))

        def the_rest(superseded: Callable[[], bool]) -> None:
            """Stops between two files once ``superseded()``: another edit came, whose own rest writes them all again."""
            self.report = report = self._report(project)
            pages = site_pages(project, self.templates, progress, self.history, report, *extensions)
            self._use_pages(pages)
            self._write_pages(config, [page for page in pages.pages if page.path == COMPLETENESS])
            for asset in site_assets(project, progress, config.site_url or DEFAULT_SITE_URL, report):
                if superseded():
                    return
                self._write_assets(config, [asset])
        return the_rest

    def _write_pages(self, config: MkDocsConfig, pages: list[SitePage]) -> None:
        assert self.files is not None and self.nav is not None and self.env is not None
        documentation = self.files.documentation_pages()
        for ours in pages:
            file = self.files.get_file_from_path(ours.path)
            assert file is not None and file.page is not None
            self._point_at(config, file)
            self._prepare(file.page, ours)
            build_page(file.page, config, documentation, self.nav, self.env)

    def _write_assets(self, config: MkDocsConfig, assets: Iterable[Asset]) -> None:
        for asset in assets:
            target = Path(config.site_dir) / asset.path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(asset.content, bytes):  # a spreadsheet
                target.write_bytes(asset.content)
                continue
            with target.open("w", encoding="utf-8", newline="") as file:  # as written: CSV keeps its CRLF
                file.writelines([asset.content] if asset.parts is None else asset.parts)

    @staticmethod
    def _point_at(config: MkDocsConfig, file: File) -> None:
        """Write ``file`` into the site folder as it is now: the build wrote it into a folder that was then swapped in."""
        if file.dest_dir != config.site_dir:
            file.dest_dir = config.site_dir
            file.__dict__.pop("abs_dest_path", None)  # a cached property of MkDocs' File

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        ours = self.page_of.get(page.file.src_uri)
        if ours is None:
            return markdown  # a page of the partnership's own that MkDocs found (none are published now)
        self._prepare(page, ours)
        return ""  # the page is already HTML: there is nothing for MkDocs to convert

    def _prepare(self, page: Page, ours: SitePage) -> None:
        page.meta = dict(ours.meta)
        # The sitemap dates pages by update_date, which MkDocs sets to the build date; the date the
        # content changed is both truer and repeatable, so two builds of the same sources match.
        changed = page.meta.get("last_changed") or self.newest
        if changed:
            page.update_date = str(changed)

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        ours = self.page_of.get(page.file.src_uri)
        if ours is not None and self.pages is not None:
            made = self.ahead.take(ours.path) if self.ahead is not None else None
            page.content = made if made is not None else self._render(ours)
        return context

    def _render(self, ours: SitePage) -> str:
        assert self.pages is not None
        _start_page_clock(ours.meta.get("source") or ours.path)
        try:
            return self.pages.html(ours)  # a template's error goes up as it is, for its file and line
        finally:
            _stop_page_clock()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._stop_helpers()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.ahead is not None:  # every page is written: the copy that made them has sent its last
            self.ahead.close()
            self.ahead = None
        if self.aside is not None:  # the charts and data files may be written too
            if self.aside.result():
                self.assets = None
            self.aside = None
        if self.assets is not None:
            self._write_assets(config, self.assets())
            self.assets = None
        if self.search is not None:
            try:
                self.search.write(Path(config.site_dir))
            finally:
                self._stop_helpers()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_helpers()

    def _stop_helpers(self) -> None:
        if self.ahead is not None:
            self.ahead.close()
            self.ahead = None
        if self.aside is not None:
            self.aside.close()
            self.aside = None
        if self.search is not None:
            self.search.close()
            self.search = None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        page.content = None  # written: let it go, so memory does not grow with the site
        if self.search is not None and page.file.src_uri in self.page_of:
            self.search.add("/" + (page.url or ""), output)  # Pagefind indexes it while the next pages are made
        return output


class _PageOfHTML(Page):
    """A page strategy-site renders to HTML itself: MkDocs has no Markdown to convert, so it is spared making a
    Markdown converter for each page, which took a second of a build at 20 times the demo."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc, self.present_anchor_ids = "", get_toc([]), set()


# Some Markdown takes the converter time that grows with the square of its length (ten thousand '['
# in one paragraph take 17 s, twenty thousand a minute; check reports the known case, SS309). No real
# page needs more than a second, so a page that takes this much processor time stops the build with
# its source's name instead of hanging it. Processor time, not the clock's, so a busy machine does not
# fail a build. Only where a timer signal can be had: the main thread of a Unix process.
PAGE_SECONDS = 10


def _start_page_clock(source: str) -> None:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return

    def too_slow(signum: int, frame: object) -> None:
        raise PluginError(
            f"the page made from {source} took more than {plural(PAGE_SECONDS, 'second')} to convert; its Markdown "
            "has something very long that the converter reads slowly, such as thousands of '[' in one paragraph"
        )

    signal.signal(signal.SIGPROF, too_slow)
    signal.setitimer(signal.ITIMER_PROF, PAGE_SECONDS)


def _stop_page_clock() -> None:
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_PROF, 0)
