"""The site's search index: Pagefind run over the built pages, written into the site's pagefind/ folder.

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

import dataclasses
import importlib.util
import json
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

BUNDLE = "pagefind"  # the folder in the site, which the search page's script loads pagefind.js from
# Left out of the index although inside the main content, because they repeat what other pages say:
# the breadcrumbs (every page's parents), a page's table of contents (its own headings) and the
# open-data links under most pages (a search for "data" would find them all).
EXCLUDED_SELECTORS = (".govuk-breadcrumbs", ".toc", ".app-downloads")
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


def index_site(site_folder: Path) -> SearchIndexStats:
    """Index the pages built in ``site_folder`` into ``site_folder/pagefind/``.

    Raises SearchNotIndexed, saying why, when Pagefind is missing, fails or finds no pages, or when
    the folder already has a pagefind/ folder (the index does not overwrite files it did not write).
    """
    site_folder = site_folder.resolve()
    bundle = site_folder / BUNDLE
    if not site_folder.is_dir():
        raise SearchNotIndexed(f"the search index cannot be made: there is no site folder {site_folder}")
    if bundle.exists():
        raise SearchNotIndexed(f"the search index cannot be written: the site already has a {BUNDLE}/ folder ({bundle}), "
                               f"which the search index needs; rename the source folder that publishes it")
    arguments = [str(_pagefind_binary()), "--site", str(site_folder), "--output-subdir", BUNDLE, "--quiet",
                 "--exclude-selectors", ", ".join(EXCLUDED_SELECTORS)]
    # PAGEFIND_* variables would change the options; the empty working folder has no pagefind.yml to read.
    environment = {name: value for name, value in os.environ.items() if not name.upper().startswith("PAGEFIND_")}
    try:
        run = _run(arguments, environment)
        said = _one_line(run.stdout + run.stderr)
        if run.returncode != 0:
            reason = f"this error: {said}" if said else f"exit code {run.returncode} and no message"
            raise SearchNotIndexed(f"the search index was not made: Pagefind stopped with {reason}")
        if said:  # with --quiet, Pagefind says only what it left out, such as a page without <html>
            log.warning("Pagefind, indexing the site for search: %s", said)
        for name in UNUSED_FILES:
            (bundle / name).unlink(missing_ok=True)
        return _stats(bundle)
    except BaseException:
        shutil.rmtree(bundle, ignore_errors=True)  # never half an index: the folder was not there before
        raise


def _run(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run Pagefind from an empty folder; SearchNotIndexed when it cannot be started or does not finish."""
    try:
        with tempfile.TemporaryDirectory(prefix="strategy_site_pagefind_") as empty:
            return subprocess.run(arguments, cwd=empty, env=environment, capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as error:
        raise SearchNotIndexed(f"the search index was not made: Pagefind did not finish within {TIMEOUT_SECONDS} seconds") from error
    except OSError as error:
        raise SearchNotIndexed(f"the search index was not made: Pagefind could not be run ({error.strerror or error})") from error


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
