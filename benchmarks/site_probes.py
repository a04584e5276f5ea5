"""What a reader and an officer wait for on a built site: the bytes one search fetches, and preview latency.

Used by benchmarks/site_build.py, which sets up the sites and the commands; run from this repository's
.venv, which has Playwright (the browser is Debian's Chromium, as in tests/test_browser.py).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
# A file the search needs, whichever engine it is: its scripts, styles, WebAssembly, index and fragments
# (search/, pagefind/, search.json, workers/search.*.js, lunr.js).
SEARCH_FILE = re.compile(r"(^|/)(search|pagefind|lunr)[/._-]", re.IGNORECASE)
# Of those, the index and the results' text, as opposed to the search's code (scripts, styles, WebAssembly).
INDEX_FILE = re.compile(r"\.(pf_meta|pf_index|pf_fragment)$|(pagefind-entry|search_index|search)\.json$")
# What a web server that compresses text sends gzipped; Pagefind's index files are compressed already.
TEXT_SUFFIXES = (".js", ".json", ".css", ".html", ".xml", ".svg")
RESULTS_SECONDS = 180  # lunr builds its index in the browser, which takes a while on the largest sites
QUIET_SECONDS = 1.0  # the search is over when the server has had no request for this long
POLL_SECONDS = 0.02


@dataclass(frozen=True)
class Fetched:
    """The files one search fetched from the server: as sent by a plain static server, and gzipped as a host would."""

    files: int
    raw_bytes: int
    gzip_bytes: int
    index_bytes: int  # of raw_bytes, the index and the results' text (INDEX_FILE)
    found: bool  # whether a result linking to the action appeared


Sent = list[tuple[str, int, float]]  # the path, the size and the time of each body a server sent


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that notes the path and size of every body it sends."""

    def __init__(self, *args: Any, sent: Sent, **kwargs: Any) -> None:
        self.sent = sent  # before the base class's __init__, which answers the request
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the standard library's name)
        pass

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        data = source.read()
        outputfile.write(data)
        self.sent.append((urlsplit(self.path).path, len(data), time.monotonic()))


@contextlib.contextmanager
def _served(site: Path) -> Iterator[tuple[str, Sent]]:
    """``site`` served over HTTP on a free local port (search needs HTTP); its address and the log of bodies sent."""
    sent: Sent = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CountingHandler, directory=str(site), sent=sent))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def _sent_gzipped(site: Path, path: str, size: int) -> int:
    """The size of ``path`` as a host that compresses text would send it."""
    file = site / path.lstrip("/")
    return len(gzip.compress(file.read_bytes(), compresslevel=6)) if file.suffix in TEXT_SUFFIXES else size


def search_fetch(site: Path, page: str, query: str, opener: str | None = None, section: str = "actions/") -> Fetched:
    """Search ``site`` for ``query`` in a fresh browser (empty cache) and count the bytes its search fetched.

    The search runs from ``page`` opened with ``?q=query``, or, for a site whose search does not read the
    address, by clicking ``opener`` on ``page`` and typing. Only the search's own files count (SEARCH_FILE),
    not the page and its theme. The search is over when a result links into ``section`` with the query in
    its text (shadow DOM included) and the server has been quiet for a second.
    """
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with _served(site) as (address, sent), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            tab = browser.new_context().new_page()
            if opener is None:
                tab.goto(f"{address}{page}?q={query}")
            else:
                tab.goto(f"{address}{page}")
                tab.click(opener)
                tab.keyboard.type(query)
            result = tab.locator(f'a[href*="{section}"]', has_text=query)
            found = _wait_until(lambda: result.count() > 0, RESULTS_SECONDS)
            _wait_until(lambda: not sent or time.monotonic() - sent[-1][2] > QUIET_SECONDS, 30)
        finally:
            browser.close()
    document = urlsplit(f"{address}{page}").path
    searched = [(path, size) for path, size, _ in sent if path != document and SEARCH_FILE.search(path)]
    return Fetched(len(searched), sum(size for _, size in searched), sum(_sent_gzipped(site, path, size) for path, size in searched),
                   sum(size for path, size in searched if INDEX_FILE.search(path)), found)


def _wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll ``condition`` every POLL_SECONDS until it holds (True) or ``seconds`` have passed (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(POLL_SECONDS)
    return False


@dataclass(frozen=True)
class Edit:
    """Where an officer's edit goes: the file, and a pattern whose first match gets a word appended."""

    file: Path
    pattern: re.Pattern[str]

    def apply(self, text: str, word: str) -> str:
        changed, count = self.pattern.subn(lambda match: f"{match.group(0)} {word}", text, count=1)
        if not count:
            raise ValueError(f"{self.pattern.pattern!r} is not in {self.file}")
        return changed


class PreviewFailed(Exception):
    """The preview server did not serve the page, or did not show an edit in time."""


def _page(url: str) -> str:
    """The page at ``url``, or "" while it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def preview_latency(command: list[str], cwd: Path, env: dict[str, str], url: str, edit: Edit, edits: int,
                    log: Path, start_seconds: float = 1800, edit_seconds: float = 600) -> list[float]:
    """Seconds from saving an edit to the served page at ``url`` showing it, for each of ``edits`` edits.

    The server is started with ``command``; the file is put back as it was at the end.
    """
    original = edit.file.read_text(encoding="utf-8")
    with open(log, "wb") as output:
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        if not _wait_until(lambda: bool(_page(url)), start_seconds):
            raise PreviewFailed(f"{url} was not served within {start_seconds:.0f} s; see {log}")
        seconds = []
        for number in range(edits):
            word = f"zebra{number}"
            started = time.perf_counter()
            edit.file.write_text(edit.apply(original, word), encoding="utf-8")
            if not _wait_until(lambda word=word: word in _page(url), edit_seconds):
                raise PreviewFailed(f"the edit did not show on {url} within {edit_seconds:.0f} s; see {log}")
            seconds.append(time.perf_counter() - started)
            time.sleep(1)  # let the watcher settle, so that each edit is one change on a quiet server
        return seconds
    finally:
        edit.file.write_text(original, encoding="utf-8")
        _stop(server)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Interrupt the server as Ctrl+C would, and kill its process group if it does not stop."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
