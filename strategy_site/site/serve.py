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
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from strategy_site.check import check_project
from strategy_site.findings import Severity
from strategy_site.site.build import ProblemLog, build_into, strategy_plugin, why_not_built

log = logging.getLogger(__name__)

MOST_SHOWN = 20  # problems listed in the banner; the rest are counted

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
        host, port = config.dev_addr
        super().__init__(builder=self.rebuild, host=host, port=port, root=str(site_dir),
                         mount_path=urlsplit(config.site_url or "/").path)
        self.error_handler = self._error_page

    def rebuild(self) -> None:
        """Check the documents, then build the site if they have no errors. Never raises."""
        log.info("Checking the documents and building the site...")
        problems = ProblemLog()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(problems)
        try:
            self._show(self._build())
        except (MkDocsException, jinja2.TemplateError) as error:
            self._show([why_not_built(error, problems)])
        except OSError as error:
            self._show([f"cannot write {error.filename or self.site_dir}: {error.strerror or error}"])
        except Exception:  # a fault in strategy-site itself: report it and keep serving the last good site
            log.exception("The site could not be built")
            self._show(["the site could not be built because of a fault in strategy-site; the details are in the terminal"])
        finally:
            mkdocs_log.removeHandler(problems)

    def _build(self) -> list[str]:
        """Build the site into the served folder; the problems that stopped it, if any."""
        config = _load_config(self.config_file, self.address)  # afresh: plugins keep state between builds
        config.site_url = self.url  # as `mkdocs serve` does, so that the site's own links point here
        project, findings, _ = check_project(Path(config.docs_dir))
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            return [f"{f.path}:{f.line}:{f.column}: {f.message}" for f in errors]
        plugin = strategy_plugin(config)
        if plugin is None:
            return [f"{self.config_file} does not list the strategy-site plugin under plugins"]
        plugin.use(project, findings)  # checked already: the plugin need not read them again
        build_into(config, self.site_dir, serve_url=self.url)  # swapped in whole: never half a site served
        return []

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
