"""Pages made ahead: on a large site a copy of the build process renders the pages while the build writes them.

It is only an accelerator: the site it helps build is the same, byte for byte, and whatever the copy
cannot do the build does itself, reporting any error as it always does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from strategy_site.forked import Copy
from strategy_site.site.ahead import PagesAhead
from tests.conftest import REPO

PATHS = ["index.md", "actions/HE-01.md", "actions/HE-02.md", "indicators/burglary-rate.md"]


def page(path: str) -> str:
    return f"<h1>{path}</h1>\n" + "<p>£ and – survive the pipe</p>\n" * 200


def test_each_page_comes_back_as_rendered_in_the_copy() -> None:
    ahead = PagesAhead(PATHS, page)
    try:
        assert [ahead.take(path) for path in PATHS] == [page(path) for path in PATHS]
    finally:
        ahead.close()


def test_a_page_asked_for_out_of_order_is_still_given() -> None:
    ahead = PagesAhead(PATHS, page)
    try:
        assert ahead.take(PATHS[2]) == page(PATHS[2])
        assert ahead.take(PATHS[0]) == page(PATHS[0])  # read from the pipe on the way to the third, and kept
    finally:
        ahead.close()


def test_from_a_page_the_copy_cannot_make_the_build_makes_that_page_and_the_rest() -> None:
    def render(path: str) -> str:
        if path == PATHS[1]:
            raise ValueError("a template's error, which the build must report itself")
        return page(path)

    ahead = PagesAhead(PATHS, render)
    try:
        assert [ahead.take(path) for path in PATHS] == [page(PATHS[0]), None, None, None]
    finally:
        ahead.close()


def test_the_other_work_is_done_in_a_copy_of_its_own(tmp_path: Path) -> None:
    aside = Copy(lambda: (tmp_path / "feed.xml").write_text("written by the copy") > 0)

    assert aside.result() is True
    assert (tmp_path / "feed.xml").read_text() == "written by the copy"


def test_other_work_that_fails_in_its_copy_is_left_to_the_build() -> None:
    def work() -> None:
        raise OSError("disk full")

    assert not Copy(work).result()


def test_closing_early_stops_the_copy_and_can_be_repeated() -> None:
    ahead = PagesAhead([f"page-{number}.md" for number in range(10_000)], page)
    pid = ahead._pid
    ahead.close()
    ahead.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already waited for: no copy is left behind


def test_closing_other_work_early_stops_its_copy() -> None:
    aside = Copy(lambda: time.sleep(60))  # a build that failed meanwhile does not wait for its downloads
    pid = aside._pid
    aside.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


# Builds the demonstration site with pages made ahead from `threshold` pages on (0: always, a large number: never).
BUILD = """
import sys
import strategy_site.site.plugin as plugin
plugin.FROM_PAGES = int(sys.argv[1])
from strategy_site.cli import main
sys.exit(main(["build", sys.argv[2], "--site-dir", sys.argv[3], "--today", "2026-12-01", "--quiet"]))
"""


def built(threshold: int, site: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-c", BUILD, str(threshold), str(REPO), str(site)], check=True, timeout=300)
    return {str(file.relative_to(site)): file.read_bytes() for file in sorted(site.rglob("*")) if file.is_file()}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pages are made ahead only where a process can be forked")
def test_a_site_built_with_pages_made_ahead_is_the_same_byte_for_byte(tmp_path: Path) -> None:
    ahead, alone = built(0, tmp_path / "ahead"), built(10**9, tmp_path / "alone")
    assert sorted(ahead) == sorted(alone)
    assert [path for path in ahead if ahead[path] != alone[path]] == []
    assert len([path for path in ahead if path.endswith(".html")]) > 100
