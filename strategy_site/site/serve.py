"""`strategy-site serve`: preview the site, rebuilt and reloaded in the browser on every change.

MkDocs' development server does the serving and watching; this module owns the rebuild. Each
rebuild checks the documents first and builds only when they have no errors, swapping the new site
in whole, so the preview always shows the last good site; while something is wrong, every page
says what at its top. A rebuild never raises: MkDocs' server stops answering until a rebuild
succeeds, which would leave the officer with a browser that hangs instead of the problems to fix.
"""

from __future__ import annotations

import html
import logging
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.livereload import LiveReloadServer

from strategy_site.check import check_project
from strategy_site.findings import Finding, Severity
from strategy_site.load.files import ParseCache
from strategy_site.model.project import ModelCache, Project
from strategy_site.render.paths import source_path
from strategy_site.site.build import ProblemLog, build_into, strategy_plugin, why_not_built
from strategy_site.site.plugin import StrategySitePlugin
from strategy_site.site.search_index import SearchNotIndexed

log = logging.getLogger(__name__)

MOST_SHOWN = 20  # problems listed in the banner; the rest are counted
POLL_SECONDS = 0.1  # how often the folders are looked at for changes (MkDocs' default, half a second, is most of a preview's delay)


@dataclass
class _Built:
    """The last whole build: its configuration, the plugin that holds what MkDocs made, and the files it was made from."""

    config: MkDocsConfig
    plugin: StrategySitePlugin
    files: dict[str, str]  # every watched file, by path: its text for a source document, its size and time otherwise

    def sources_changed(self, now: dict[str, str]) -> set[str] | None:
        """The source documents (paths inside the source folder) that changed since, or None when anything else
        did: a file came or went, or the configuration, a template, the theme or an image changed."""
        if now.keys() != self.files.keys():
            return None
        changed = {path for path in now if now[path] != self.files[path]}
        documents = {path.removeprefix(DOCUMENT) for path in changed if path.startswith(DOCUMENT)}
        return documents if len(documents) == len(changed) else None


DOCUMENT = "document:"  # a watched file that is a source document, keyed by its path inside the source folder


def _snapshot(config: MkDocsConfig, project: Project) -> dict[str, str]:
    """Every watched file as it is now: a source document's text, or another file's size and modification time."""
    files = {f"{DOCUMENT}{source_path(project, source)}": source.text for source in project.files}
    for folder in _watched_paths(config):
        root = Path(folder)
        for path in [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []:
            stat = path.stat()
            files.setdefault(str(path.resolve()), f"{stat.st_size}:{stat.st_mtime_ns}")
    for source in project.files:  # the documents are compared by text, not by time
        files.pop(str(Path(source.path).resolve()), None)
    return files

PLACEHOLDER = b"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>The site cannot be previewed yet</title></head>
<body>
<main id="main-content">
<h1>The site cannot be previewed yet</h1>
<p>Fix the problems listed above and save: this page reloads by itself when the site builds.</p>
</main>
</body>
</html>
"""


def serve(config: Path, address: str) -> int:
    """Serve until interrupted; 0 when stopped, 2 when the server cannot start."""
    if not config.is_file():
        print(f"strategy-site serve: there is no configuration file '{config}'. Run it from the project folder.")
        return 2
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.INFO)
    workspace = Path(tempfile.mkdtemp(prefix="strategy_site_"))  # the served site, its build folders and lock
    try:
        return _serve(config, address, workspace / "site")
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def _serve(config_file: Path, address: str, site_dir: Path) -> int:
    try:
        config = _load_config(config_file, address)
    except MkDocsException as error:
        print(f"strategy-site serve: the preview could not start: {error}")
        return 2
    server = PreviewServer(config_file, address, site_dir, config)
    try:
        server.rebuild()
        for path in _watched_paths(config):
            server.watch(path)
        server.serve()  # type: ignore[no-untyped-call]  # LiveReloadServer.serve is unannotated in MkDocs 1.6
    except KeyboardInterrupt:
        log.info("Shutting down...")
    except OSError as error:  # most often: the address is in use
        print(f"strategy-site serve: cannot listen on {address}: {error.strerror}. Choose another with --dev-addr.")
        return 2
    finally:
        server.shutdown()
    return 0


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server with our own rebuild, which shows the current problems on every page."""

    def __init__(self, config_file: Path, address: str, site_dir: Path, config: MkDocsConfig) -> None:
        self.config_file, self.address, self.site_dir = config_file, address, site_dir
        self.banner = b""  # replaced whole by the rebuild, read by the threads that answer requests
        self.cache: ParseCache = {}  # the source files as last parsed: only those that change are parsed again
        self.models: ModelCache = {}  # and as last modelled
        self.built: _Built | None = None  # the last whole build, which an edit to the sources refreshes
        self.writing = threading.Lock()  # held while the site is written, by a rebuild or the work after one
        self.superseded = threading.Event()  # set when an edit makes the work after the last update stale
        host, port = config.dev_addr
        super().__init__(builder=self.rebuild, host=host, port=port, root=str(site_dir),
                         mount_path=urlsplit(config.site_url or "/").path, polling_interval=POLL_SECONDS)
        self.error_handler = self._error_page
        self.build_delay = POLL_SECONDS / 2  # how long the files must be still before an update starts (MkDocs: 0.1 s)

    def rebuild(self) -> None:
        """Check the documents, then update the site if they have no errors. Never raises."""
        problems = ProblemLog()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(problems)
        the_rest = None
        self.superseded.set()  # the rest of the last update's work is stale: it stops at its next file
        try:
            with self.writing:
                self.superseded = superseded = threading.Event()
                shown, the_rest = self._update()
            self._show(shown)
        except (MkDocsException, jinja2.TemplateError) as error:
            self.built = None  # the next change builds the whole site
            self._show([why_not_built(error, problems)])
        except SearchNotIndexed as error:
            self.built = None
            self._show([str(error)])
        except OSError as error:
            self.built = None
            self._show([f"cannot write {error.filename or self.site_dir}: {error.strerror or error}"])
        except Exception:  # a fault in strategy-site itself: report it and keep serving the last good site
            self.built = None
            log.exception("The site could not be built")
            self._show(["the site could not be built because of a fault in strategy-site; the details are in the terminal"])
        finally:
            mkdocs_log.removeHandler(problems)
        if the_rest is not None:  # after the browser has reloaded the pages that changed
            threading.Thread(target=self._finish, args=(the_rest, superseded.is_set), daemon=True).start()

    def _update(self) -> tuple[list[str], Callable[[Callable[[], bool]], None] | None]:
        """Refresh the pages an edit to the sources changed, or build the whole site when anything else changed.
        Returns the problems that stopped it, if any, and the work to finish after the browser reloads."""
        config = self.built.config if self.built else _load_config(self.config_file, self.address)
        project, findings, _ = check_project(Path(config.docs_dir), cache=self.cache, models=self.models)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            return [f"{f.path}:{f.line}:{f.column}: {f.message}" for f in errors], None
        built = self.built
        changed = built.sources_changed(_snapshot(built.config, project)) if built else None
        if changed is not None and project.partnership and source_path(project, project.partnership.source_file) in changed:
            changed = None  # the partnership's name, description and address are in every page's frame
        if built is None or changed is None:
            log.info("Building the whole site...")
            return self._build_whole(project, findings), None
        if not changed:
            return [], None
        log.info("Updating the pages that read %s...", ", ".join(sorted(changed)))
        started = time.perf_counter()
        try:
            the_rest = built.plugin.refresh(built.config, project, findings, changed)
        except PluginError:  # pages come or go (a new action, say): only a whole build makes them
            return self._build_whole(project, findings), None
        built.files = _snapshot(built.config, project)
        log.info("Updated the pages in %.2f s.", time.perf_counter() - started)
        return [], the_rest

    def _build_whole(self, project: Project, findings: list[Finding]) -> list[str]:
        """Build the whole site into the served folder; the problems that stopped it, if any."""
        self.built = None
        config = _load_config(self.config_file, self.address)  # afresh: plugins keep state between builds
        config.site_url = self.url  # as `mkdocs serve` does, so that the site's own links point here
        plugin = strategy_plugin(config)
        if plugin is None:
            return [f"{self.config_file} does not list the strategy-site plugin under plugins"]
        plugin.use(project, findings)  # checked already: the plugin need not read them again
        build_into(config, self.site_dir, serve_url=self.url)  # swapped in whole: never half a site served
        config.site_dir = str(self.site_dir)  # where a refresh writes: the build's own folder is now the old site
        # The documents as the build read them; the other files as the build left them, once the plugin has
        # added the theme and templates to what is watched.
        self.built = _Built(config, plugin, _snapshot(config, project))
        return []

    def _finish(self, the_rest: Callable[[Callable[[], bool]], None], superseded: Callable[[], bool]) -> None:
        try:
            with self.writing:
                the_rest(superseded)
        except Exception:  # the pages are up to date; only downloads and the completeness page may lag
            self.built = None
            log.exception("The open data and the completeness page could not be updated")

    def _show(self, problems: list[str]) -> None:
        """Put ``problems`` at the top of every page served, or take the banner away when there are none."""
        self.banner = banner(problems)
        if not problems:
            return
        log.error("The site was not rebuilt:\n%s", "\n".join(problems))
        if not self.site_dir.exists():  # the very first build: there is no good version to keep
            self._write_placeholder()

    def _write_placeholder(self) -> None:
        """A home page and a 404 page saying the site cannot be previewed yet; the banner says why."""
        try:
            self.site_dir.mkdir(parents=True)
            for name in ("index.html", "404.html"):
                (self.site_dir / name).write_bytes(PLACEHOLDER)
        except OSError as error:  # the rebuild must not raise; the terminal has the problems
            log.error("Cannot write the placeholder page in %s: %s", self.site_dir, error.strerror)

    def _error_page(self, code: int) -> bytes | None:
        """The site's own 404 page, with the banner, as `mkdocs serve` shows it; None for the plain message."""
        page = self.site_dir / "404.html"
        if code != 404 or not page.is_file():
            return None
        return self._inject_js_into_html(page.read_bytes(), self._visible_epoch)

    # MkDocs calls this private method for every HTML page it serves, to add its reload script, so it
    # is the one place to add the banner to pages that were built before the problems appeared. This
    # is written against MkDocs 1.6 (pyproject.toml allows 1.x only); should a later MkDocs rename the
    # method, pages are still served, without the banner.
    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        # MkDocs leaves this method unannotated (untyped_calls_exclude does not reach it through super()).
        injected: bytes = super()._inject_js_into_html(at_top_of_body(content, self.banner), epoch)  # type: ignore[no-untyped-call]
        return injected


def _load_config(config_file: Path, address: str) -> MkDocsConfig:
    # Not strict: while an officer edits, a broken link should be reported, not stop the preview.
    return load_config(config_file=str(config_file), dev_addr=address, strict=False)


def _watched_paths(config: MkDocsConfig) -> list[str]:
    """The sources, the configuration, the theme, the partnership's own templates and any `watch` paths.

    The plugin adds the theme and the page templates to ``config.watch`` only when a build starts,
    and the first build may stop before that, so they are named here too.
    """
    own_templates = Path(config.config_file_path).parent / "templates"
    paths = [config.docs_dir, config.config_file_path, *config.theme.dirs[:1], *config.watch]
    return [path for path in paths if path] + ([str(own_templates)] if own_templates.is_dir() else [])


def banner(problems: list[str]) -> bytes:
    """An alert listing ``problems`` (escaped: they quote the documents), or nothing when there are none."""
    if not problems:
        return b""
    items = [f"<li>{html.escape(problem)}</li>" for problem in problems[:MOST_SHOWN]]
    if len(problems) > MOST_SHOWN:
        items.append(f"<li>and {len(problems) - MOST_SHOWN} more</li>")
    count, them = (f"{len(problems)} problems", "them") if len(problems) > 1 else ("a problem", "it")
    return f"""<div class="govuk-notification-banner app-preview-problems" role="alert" aria-labelledby="app-preview-problems-title">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="app-preview-problems-title">Preview not updated</h2></div>
<div class="govuk-notification-banner__content">
<p class="govuk-notification-banner__heading">The site was not rebuilt because of {count}:</p>
<ul class="govuk-list govuk-list--bullet">
{"".join(items)}
</ul>
<p class="govuk-body">Fix {them} and save, and this page reloads. Run strategy-site check for the details.</p>
</div>
</div>
""".encode()


def at_top_of_body(page: bytes, insert: bytes) -> bytes:
    """``page`` with ``insert`` just after its <body> tag (at its start if it has none)."""
    if not insert:
        return page
    body = re.search(rb"<body\b[^>]*>", page, re.IGNORECASE)
    at = body.end() if body else 0
    return page[:at] + insert + page[at:]
