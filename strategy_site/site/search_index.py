"""The site's search index: Pagefind, given each built page, writes its index into the site's pagefind/ folder.

Pagefind reads each page's main content (the theme marks it with ``data-pagefind-body``, and marks
what is not content, such as the "last changed" footer, with ``data-pagefind-ignore``) and writes an
index that the search page loads a small piece at a time. It runs as the binary that the
``pagefind_bin`` package installs beside this one, never one found on the PATH or downloaded, with
no configuration but ours: not a pagefind.yml in the working folder, nor PAGEFIND_* variables.

Two builds of the same pages write the same bytes: Pagefind names its files by their content and
writes no dates (tests/test_search.py builds twice and compares). Filters are the exception:
Pagefind 1.5.2 writes a filter's values in a different order on every run, so the theme gives a
page's kind (Action, Indicator...) as Pagefind meta (``data-pagefind-meta``), never as a filter.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path, PurePosixPath
from typing import Any

log = logging.getLogger(__name__)

BUNDLE = "pagefind"  # the folder in the site, which the search page's script loads pagefind.js from
# Left out of the index although inside the main content, because they repeat what other pages say:
# the breadcrumbs (every page's parents), a page's table of contents (its own headings), the
# open-data links under most pages (a search for "data" would find them all), the tables that list
# actions or indicators (each has its own page, which is the one to find) and tables of figures
# (numbers, which nobody searches for in words). Those tables are half of a large site's HTML: left
# out, Pagefind does half the work, and a search for an action finds the action, not every list of it.
EXCLUDED_SELECTORS = (".govuk-breadcrumbs", ".toc", ".app-downloads", ".app-filter-table", ".app-table--indicators", ".app-table--figures")
# Pagefind's ready-made search interfaces: the search page uses its JavaScript API only, so these
# (about 420 kB) are not published.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
TIMEOUT_SECONDS = 300  # Pagefind indexes the demonstration site in a fifth of a second


class SearchNotIndexed(Exception):
    """Pagefind could not index the site; the message says why, in plain words."""


@dataclasses.dataclass(frozen=True)
class SearchIndexStats:
    """What the index holds: the pages in it, and the files and bytes it adds to the site."""

    pages: int
    files: int
    bytes: int


class SearchIndex:
    """Pagefind, running beside the build as a service: each page is handed to it as soon as it is written, so
    it indexes on another processor core while the build makes the next pages, and ``write`` only has to
    write the index out at the end.

    Pagefind's service reads requests on its standard input and answers on its standard output, each a
    base64-encoded JSON message followed by a comma; a thread reads the answers, so neither side ever
    waits on a full pipe.
    """

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="strategy_site_pagefind_")  # no pagefind.yml to read there
        # PAGEFIND_* variables would change the options; only ours apply.
        environment = {name: value for name, value in os.environ.items() if not name.upper().startswith("PAGEFIND_")}
        try:
            self._process = subprocess.Popen([str(_pagefind_binary()), "--service"], cwd=self._folder.name, env=environment,
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except (OSError, SearchNotIndexed) as error:
            self._folder.cleanup()
            if isinstance(error, SearchNotIndexed):
                raise
            raise SearchNotIndexed(f"the search index was not made: Pagefind could not be run ({error.strerror or error})") from error
        self._answers: dict[int, dict[str, Any]] = {}
        self._answered = threading.Condition()
        self._sent = 0
        self._errors: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.pages = 0
        try:
            answer = self._wait(self._send({"type": "NewIndex", "config": {"exclude_selectors": list(EXCLUDED_SELECTORS)}}))
            self._index = int(answer["index_id"])
        except BaseException:
            self.close()
            raise

    def add(self, url: str, html: str) -> None:
        """Index the page published at ``url`` (from the site's root, such as /actions/HE-01/) with this HTML."""
        self._send({"type": "AddFile", "index_id": self._index, "url": url, "file_contents": indexed_part(html)})
        self.pages += 1

    def write(self, site_folder: Path) -> SearchIndexStats:
        """Wait until every page is indexed, then write the index into ``site_folder/pagefind/``."""
        bundle = site_folder.resolve() / BUNDLE
        if bundle.exists():
            raise SearchNotIndexed(f"the search index cannot be written: the site already has a {BUNDLE}/ folder ({bundle}), "
                                   f"which the search index needs; rename the source folder that publishes it")
        try:
            self._wait(self._sent)  # answers come in order: the last one means every page is in
            if self._errors:
                raise SearchNotIndexed(f"the search index was not made: Pagefind stopped with this error: {_one_line(' '.join(self._errors))}")
            if self.pages == 0:
                raise SearchNotIndexed("the search index was not made: there are no pages to index")
            # Pagefind hands over the files and they are written here: its own writing can answer before
            # the last file is on disk, and a build must not swap in half an index.
            answer = self._wait(self._send({"type": "GetFiles", "index_id": self._index}))
            for file in answer.get("files", []):
                name = PurePosixPath(str(file["path"]))
                if name.name in UNUSED_FILES:
                    continue
                if name.is_absolute() or ".." in name.parts:
                    raise SearchNotIndexed(f"the search index was not made: Pagefind named a file outside its folder ({name})")
                target = bundle.joinpath(*name.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(file["content"]))
            return _stats(bundle)
        except BaseException:
            shutil.rmtree(bundle, ignore_errors=True)  # never half an index: the folder was not there before
            raise

    def close(self) -> None:
        """Stop Pagefind. Safe to call more than once."""
        if self._process.poll() is None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()  # type: ignore[union-attr]  # Popen was given stdin=PIPE
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._folder.cleanup()

    def _send(self, payload: dict[str, Any]) -> int:
        self._sent += 1
        message = base64.b64encode(json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")) + b","
        try:
            self._process.stdin.write(message)  # type: ignore[union-attr]  # Popen was given stdin=PIPE
            self._process.stdin.flush()  # type: ignore[union-attr]
        except OSError as error:  # Pagefind has stopped
            raise SearchNotIndexed(f"the search index was not made: Pagefind stopped while pages were being added ({error.strerror or error})") from error
        return self._sent

    def _wait(self, message: int) -> dict[str, Any]:
        """The answer to ``message``; SearchNotIndexed if Pagefind stops or does not answer in time."""
        with self._answered:
            if not self._answered.wait_for(lambda: message in self._answers or not self._reader.is_alive(), timeout=TIMEOUT_SECONDS):
                raise SearchNotIndexed(f"the search index was not made: Pagefind did not finish within {TIMEOUT_SECONDS} seconds")
            if message not in self._answers:
                said = f" with this error: {_one_line(' '.join(self._errors))}" if self._errors else ""
                raise SearchNotIndexed(f"the search index was not made: Pagefind stopped unexpectedly{said}")
            return self._answers[message]

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        pending = b""
        try:
            while chunk := os.read(stream.fileno(), 1 << 16):
                pending += chunk
                *messages, pending = pending.split(b",")
                for message in messages:
                    self._take(json.loads(base64.b64decode(message)))
        except (OSError, ValueError) as error:  # a pipe closed under us, or words that are not Pagefind's
            with self._answered:
                self._errors.append(f"its answer could not be read ({error})")
        finally:
            with self._answered:
                self._answered.notify_all()  # Pagefind has stopped: nobody waits for an answer that cannot come

    def _take(self, answer: dict[str, Any]) -> None:
        payload = answer.get("payload") or {}
        with self._answered:
            if payload.get("type") == "Error":
                self._errors.append(str(payload.get("message", "")))
            if answer.get("message_id") is not None:
                self._answers[int(answer["message_id"])] = payload
            self._answered.notify_all()


_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_MAIN_START = re.compile(r"<main\b[^>]*\bdata-pagefind-body\b", re.IGNORECASE)


def indexed_part(html: str) -> str:
    """What Pagefind reads of a page: its <html> tag (the language) and the <main> element it indexes, with
    that element's kind. The theme's header, navigation and footer around it are three quarters of a page,
    which Pagefind would parse only to pass over; a page without such an element is sent whole."""
    start, html_tag = _MAIN_START.search(html), _HTML_TAG.search(html)
    end = html.rfind("</main>")
    if start is None or html_tag is None or end < start.start():
        return html
    return f"{html_tag.group(0)}<body>{html[start.start():end]}</main></body></html>"


def _pagefind_binary() -> Path:
    """The Pagefind binary of the pagefind_bin package (installed with `pagefind[bin]`)."""
    spec = importlib.util.find_spec("pagefind_bin")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        for name in ("pagefind", "pagefind.exe"):
            if (Path(folder) / name).is_file():
                return Path(folder) / name
    raise SearchNotIndexed("the search index cannot be made: Pagefind is not installed "
                           "(install strategy-site again, or run: pip install 'pagefind[bin]==1.5.2')")


def _one_line(output: str) -> str:
    """What Pagefind said, as one line: each line once, without "Error:" prefixes."""
    lines = [line.strip().removeprefix("Error:").strip() for line in output.splitlines() if line.strip()]
    return " ".join(dict.fromkeys(line for line in lines if line))


def _stats(bundle: Path) -> SearchIndexStats:
    """Count the pages from Pagefind's entry file, and the files and bytes of the bundle."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages = sum(int(language["page_count"]) for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchNotIndexed(f"the search index was not made: Pagefind's entry file in {bundle} is missing or unreadable ({error})") from error
    if pages == 0:
        raise SearchNotIndexed("the search index was not made: Pagefind found no pages to index")
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return SearchIndexStats(pages=pages, files=len(files), bytes=sum(path.stat().st_size for path in files))
