"""strategy-site serve: a live preview that rebuilds when a source or a template changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import edit


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_when(url: str, wanted: str, seconds: float = 30) -> str:
    """The page at ``url`` once it contains ``wanted``; the test fails if it never does."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
            if wanted in text:
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{wanted!r} did not appear at {url} within {seconds} s")


@pytest.fixture
def preview(site_project: Path) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "strategy_site", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site_project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_shows_the_site(preview: str) -> None:
    page_when(preview, "<title>Fernley Partnership</title>")


def test_serve_rebuilds_when_a_source_file_changes(site_project: Path, preview: str) -> None:
    page_when(preview, "Fernley Partnership")
    edit(site_project / "strategy_src/partnership.yml", "name: Fernley Partnership", "name: Fernley Together")
    page_when(preview, "<title>Fernley Together</title>")


def test_serve_rebuilds_when_a_page_template_changes(site_project: Path, preview: str) -> None:
    page_when(preview, "Progress at a glance")
    edit(site_project / "templates/content/home.md.j2", "## Progress at a glance", "## Progress so far")
    page_when(preview, "Progress so far")
