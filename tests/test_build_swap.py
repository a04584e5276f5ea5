"""python build.py swaps the new site in whole: never a moment without site/, never folders left behind."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from strategy_site.site import build
from tests.conftest import REPO, build_main as main, edit

ARGS = ["--quiet", "--today", "2026-11-23"]
BUILD = "import sys; from strategy_site.cli import main; sys.exit(main(['build', *sys.argv[1:]]))"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")


def leftovers(project: Path) -> list[str]:
    """The names of the build folders beside site/."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-build-", ".site-old-")))


def manifest(site: Path) -> dict[str, str]:
    """Every file of a site and a digest of its bytes."""
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}


def test_a_successful_build_replaces_the_site_and_leaves_no_build_folders(site_project: Path, previous_site: Path) -> None:
    assert main(ARGS) == 0

    assert "<title>Fernley Partnership</title>" in (previous_site / "index.html").read_text()
    assert leftovers(site_project) == []
    assert sorted(p.name for p in site_project.iterdir() if p.name.startswith(".site")) == [".site.lock"]


def test_folders_left_by_killed_builds_are_removed_by_the_next_build(site_project: Path, previous_site: Path) -> None:
    (site_project / ".site-build-k1ll3d").mkdir()
    (site_project / ".site-build-k1ll3d/half.html").write_text("half a page")
    (site_project / ".site-old-r3t1rd").mkdir()
    (site_project / ".site-old-r3t1rd/index.html").write_text("an older site")

    assert main(ARGS) == 0

    assert leftovers(site_project) == []


@linux_only
def test_exchange_swaps_two_folders_in_one_call(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/from-a").touch()
    (tmp_path / "b").mkdir()
    (tmp_path / "b/from-b").touch()

    assert build._exchange(tmp_path / "a", tmp_path / "b") is True

    assert [p.name for p in (tmp_path / "a").iterdir()] == ["from-b"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]


@linux_only
def test_the_swap_is_one_exchange_and_site_is_never_absent(
    site_project: Path, previous_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exchange, calls = build._exchange, []

    def recorded(first: Path, second: Path) -> bool:
        assert (previous_site / "index.html").read_text() == "the previous site"
        swapped = exchange(first, second)
        assert "<title>Fernley Partnership</title>" in (previous_site / "index.html").read_text()
        assert (first / "index.html").read_text() == "the previous site"
        calls.append((first.name.startswith(".site-build-"), second, swapped))
        return swapped

    monkeypatch.setattr(build, "_exchange", recorded)

    assert main(ARGS) == 0

    assert calls == [(True, previous_site.resolve(), True)]
    assert leftovers(site_project) == []


def test_without_an_exchange_two_renames_replace_the_site(
    site_project: Path, previous_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "_exchange", lambda first, second: False)

    assert main(ARGS) == 0

    assert "<title>Fernley Partnership</title>" in (previous_site / "index.html").read_text()
    assert leftovers(site_project) == []


def test_a_build_killed_between_the_two_renames_is_repaired_before_the_next_build(
    site_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    retired = site_project / ".site-old-h4lfdn"  # site/ renamed away, the new site not yet renamed in
    retired.mkdir()
    (retired / "index.html").write_text("the previous site")
    (site_project / ".site-build-h4lfdn").mkdir()
    mkdocs_build, seen = build.mkdocs_build, []

    def observed(config, **options):  # type: ignore[no-untyped-def]
        seen.append((site_project / "site/index.html").read_text())
        mkdocs_build(config, **options)

    monkeypatch.setattr(build, "mkdocs_build", observed)
    monkeypatch.setattr(build, "_exchange", lambda first, second: False)

    assert main(ARGS) == 0

    assert seen == ["the previous site"]
    assert "<title>Fernley Partnership</title>" in (site_project / "site/index.html").read_text()
    assert leftovers(site_project) == []


def test_a_build_killed_at_any_moment_leaves_a_whole_site(tmp_path: Path) -> None:
    """SIGKILL at a spread of moments: site/ is always the whole old site or the whole new one."""
    shutil.copytree(REPO / "strategy_src", tmp_path / "strategy_src")
    shutil.copytree(REPO / "templates", tmp_path / "templates", ignore=shutil.ignore_patterns("node_modules"))
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    partnership, site = tmp_path / "strategy_src/partnership.yml", tmp_path / "site"

    def start(*extra: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-c", BUILD, *ARGS, *extra], cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def name(new: bool) -> None:
        text = partnership.read_text()
        partnership.write_text(text.replace("name: Ravensholt Together", "name: Ravensholt Partners") if new
                               else text.replace("name: Ravensholt Partners", "name: Ravensholt Together"))

    assert start().wait(timeout=60) == 0
    old = manifest(site)
    edit(partnership, "name: Ravensholt Together", "name: Ravensholt Partners")
    started = time.monotonic()
    assert start().wait(timeout=60) == 0
    duration = time.monotonic() - started  # of a build that replaces a site, as the runs below do
    new = manifest(site)
    # The same files, but for the search index's, which Pagefind names by their content.
    assert {f for f in old if not f.startswith("pagefind/")} == {f for f in new if not f.startswith("pagefind/")} and old != new

    for step in range(8):
        name(new=manifest(site) == old)  # always build the other site, so every run has a swap to make
        builder = start()
        # Up to a little past the build's duration: these runs also clear the last run's leftovers.
        time.sleep(0.2 + (1.25 * duration - 0.2) * step / 7)
        builder.send_signal(signal.SIGKILL)
        builder.wait(timeout=10)
        assert manifest(site) in (old, new), f"site/ is incomplete after a kill at step {step}"

    name(new=True)
    assert start().wait(timeout=60) == 0
    assert manifest(site) == new
    assert leftovers(tmp_path) == []


def test_a_site_folder_that_cannot_be_made_stops_the_build_with_one_line(
    site_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = site_project / "blocker"
    blocker.write_text("a file, where the site's folder should be")

    assert main([*ARGS, "--site-dir", str(blocker / "site")]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"The site was not built: cannot write {blocker}: File exists. The previous site is unchanged.\n"


def test_a_full_disk_stops_the_build_with_one_line_and_keeps_the_site(
    site_project: Path, previous_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(config, **options):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", f"{config.site_dir}/index.html")

    monkeypatch.setattr(build, "mkdocs_build", full)

    assert main(ARGS) == 2

    err = capsys.readouterr().err
    assert err.startswith(f"The site was not built: cannot write {site_project.resolve()}/.site-build-")
    assert err.endswith("/index.html: No space left on device. The previous site is unchanged.\n")
    assert err.count("\n") == 1
    assert (previous_site / "index.html").read_text() == "the previous site"
    assert leftovers(site_project) == []


def test_the_published_site_folder_is_readable_by_the_web_server(site_project: Path) -> None:
    from tests.conftest import build_main as main

    assert main(ARGS) == 0

    assert (site_project / "site").stat().st_mode & 0o777 == 0o777 & ~_umask()


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


# --- what a build may replace -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", [".", "strategy_src", "strategy_src/site", ".."])
def test_a_site_folder_that_is_or_holds_the_partnerships_files_is_refused_and_nothing_is_touched(
    site_project: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    before = manifest(site_project / "strategy_src")

    assert main([*ARGS, "--site-dir", str(site_project / where)]) == 1

    assert manifest(site_project / "strategy_src") == before and (site_project / "mkdocs.yml").is_file()
    err = capsys.readouterr().err
    assert err.startswith(f"The site was not built: the site folder {os.path.abspath(site_project / where)} would replace the "
                          "partnership's own files")


def test_a_folder_of_other_files_is_not_replaced_by_a_site(site_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "documents"
    other.mkdir()
    (other / "precious.txt").write_text("keep me")

    assert main([*ARGS, "--site-dir", str(other)]) == 1

    assert (other / "precious.txt").read_text() == "keep me"
    assert "holds files but no site (no index.html)" in capsys.readouterr().err


def test_a_link_as_the_site_folder_is_refused_so_the_folder_it_points_to_survives(site_project: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "keep.txt").write_text("keep me")
    (tmp_path / "link").symlink_to(kept)

    assert main([*ARGS, "--site-dir", str(tmp_path / "link")]) == 1

    assert (kept / "keep.txt").read_text() == "keep me"


def test_a_file_as_the_site_folder_is_refused(site_project: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")

    assert main([*ARGS, "--site-dir", str(tmp_path / "notes.txt")]) == 1

    assert (tmp_path / "notes.txt").read_text() == "keep me"
