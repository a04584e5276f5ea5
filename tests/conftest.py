"""Shared fixtures: a small, valid partnership that each test changes in one place."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from strategy_site.check import run_checks
from strategy_site.findings import Finding
from strategy_site.model.project import load_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/fixtures/minimal at ./src, with the working directory set so paths read src/..."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "src"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


def build_main(argv: list[str]) -> int:
    """`strategy-site build` with these arguments, as `python build.py` runs it."""
    from strategy_site.cli import main

    return main(["build", *argv])


def findings_for(root: Path, today: dt.date = TODAY) -> list[Finding]:
    return run_checks(load_project(root), today)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``path`` (the test fails if it is not there exactly once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(path: Path, text: str) -> None:
    """Add ``text`` as a paragraph of its own at the end of ``path``."""
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` containing ``text``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not in {path}")


def where(findings: list[Finding]) -> list[tuple[str, str, int, int]]:
    """(code, path, line, column) of each finding: what most rule tests assert on."""
    return [(f.code, f.path, f.line, f.column) for f in findings]


def action_entry(action_id: str, lead: str = "police") -> str:
    """A further action, in the minimal plan's layout, to append after its last action."""
    return f"""
  - id: {action_id}
    title: Community speed watch
    priority: fewer-burglaries
    lead: {lead}
    due: 2027-03-31
    status: on track
    activity: new
"""


@pytest.fixture
def site_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder like the repository's, with the minimal partnership as its sources."""
    shutil.copytree(FIXTURES / "minimal", tmp_path / "strategy_src")
    shutil.copytree(REPO / "templates", tmp_path / "templates", ignore=shutil.ignore_patterns("node_modules"))
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def previous_site(site_project: Path) -> Path:
    """A site from an earlier build, which a failed build must leave exactly as it is."""
    site = site_project / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site")
    return site


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration partnership's site, built once for every test that reads it."""
    site = tmp_path_factory.mktemp("demo") / "site"
    before = Path.cwd()
    os.chdir(REPO)
    try:
        assert build_main(["--quiet", "--site-dir", str(site), "--today", "2026-11-23"]) == 0
    finally:
        os.chdir(before)
    return site


CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright: one for every browser test module, because Playwright's
    sync API cannot start a second instance while one is running."""
    from playwright.sync_api import sync_playwright  # imported here: most test runs need no browser

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.fail("Debian's chromium is not installed: run the README's test command, which installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
