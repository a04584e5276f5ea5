"""The source folder is a boundary: nothing outside it is read or published, and every read is bounded."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from strategy_site.load.tree import MAX_FILE_BYTES
from strategy_site.model.project import load_project
from tests.conftest import build_main as main, findings_for, line_of, where

SECRET = "root:x:0:0:secret-marker:/root:/bin/bash\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A private file outside the source folder, as /etc/passwd would be."""
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    (outside / "figures.yml").write_text("title: private\n" + SECRET, encoding="utf-8")
    return outside


def test_a_link_to_a_file_outside_the_folder_is_reported_and_not_read(project_dir: Path, secret: Path) -> None:
    (project_dir / "indicators/crime.yml").symlink_to(secret / "figures.yml")

    project = load_project(project_dir)
    findings = findings_for(project_dir)

    assert where(findings) == [("SS008", "src/indicators/crime.yml", 1, 1)]
    assert findings[0].message == "this link points outside the source folder, so it is skipped and nothing it points to is read"
    assert all("secret-marker" not in source.text for source in project.files)


def test_a_link_to_a_folder_outside_is_reported_and_not_followed(project_dir: Path, secret: Path) -> None:
    (project_dir / "etc").symlink_to(secret, target_is_directory=True)

    project = load_project(project_dir)

    assert [(f.code, f.path) for f in findings_for(project_dir)] == [("SS008", "src/etc")]
    assert project.assets == []


def test_a_link_to_a_file_inside_the_folder_is_read_as_the_file(project_dir: Path) -> None:
    (project_dir / "images").mkdir()
    (project_dir / "images/map.png").write_bytes(b"\x89PNG")
    (project_dir / "images/latest-map.png").symlink_to(project_dir / "images/map.png")

    assert findings_for(project_dir) == []
    assert load_project(project_dir).assets == ["images/latest-map.png", "images/map.png"]


def test_a_named_pipe_is_reported_and_never_waited_on(project_dir: Path) -> None:
    os.mkfifo(project_dir / "indicators/stream.yml")
    result: list[list[tuple[str, str, int, int]]] = []
    worker = threading.Thread(target=lambda: result.append(where(findings_for(project_dir))), daemon=True)

    worker.start()
    worker.join(timeout=10)

    assert result == [[("SS009", "src/indicators/stream.yml", 1, 1)]]


def test_a_file_over_the_size_limit_is_reported_without_reading_it_all(project_dir: Path) -> None:
    big = project_dir / "indicators/export.yml"
    big.write_text("title: x\nnote: " + "a" * MAX_FILE_BYTES + "\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS010", "src/indicators/export.yml", 1, 1)]
    assert findings[0].message == "the file is larger than 2 MB, the most strategy-site reads"


def test_a_large_file_without_aliases_is_not_blamed_on_aliases(project_dir: Path) -> None:
    many = "[" + ",".join(["1"] * 300_000) + "]"  # 600 kB: more values than aliases may expand to
    (project_dir / "indicators/export.yml").write_text(f"title: Export\nfigures: {many}\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert not any(f.code == "SS002" for f in findings)
    assert 'SS204' in [f.code for f in findings]  # read in full: "figures" is not a field of an indicator


@pytest.mark.parametrize("name", ["Update <Q2>.md", "-draft.md", "a\x1b[31mred.md", "x" * 101 + ".md", "Board photo.png"])
def test_an_unsafe_file_name_is_reported_and_skipped(project_dir: Path, name: str) -> None:
    (project_dir / "progress" / name).write_text("---\ntitle: Hostile\n---\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert [(f.code, f.path) for f in findings] == [("SS011", f"src/progress/{name}")]
    assert "\x1b" not in findings[0].message
    assert all(source.path != f"src/progress/{name}" for source in load_project(project_dir).files)


@pytest.mark.parametrize("ruleset", ["/etc/passwd", "../private/figures.yml", "../../private/passwd", "/dev/zero", "notes.txt"])
def test_a_ruleset_outside_the_folder_or_not_yaml_is_refused_without_reading_it(
    project_dir: Path, secret: Path, ruleset: str
) -> None:
    partnership = project_dir / "partnership.yml"
    partnership.write_text(f"ruleset: {ruleset}\n" + partnership.read_text(encoding="utf-8"), encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS013", "src/partnership.yml", line_of(partnership, "ruleset:"), 10)]
    assert "secret-marker" not in findings[0].message + findings[0].hint


def test_a_ruleset_linked_from_outside_is_refused(project_dir: Path, secret: Path) -> None:
    (project_dir / "ruleset.yml").symlink_to(secret / "figures.yml")
    partnership = project_dir / "partnership.yml"
    partnership.write_text("ruleset: ruleset.yml\n" + partnership.read_text(encoding="utf-8"), encoding="utf-8")

    codes = sorted(f.code for f in findings_for(project_dir))

    assert codes == ["SS008", "SS013"]


def test_the_site_stops_on_a_link_out_of_the_folder(site_project: Path, secret: Path) -> None:
    from tests.conftest import build_main as main

    (site_project / "strategy_src/passwd.txt").symlink_to(secret / "passwd")

    assert main(["--quiet", "--today", "2026-11-23"]) == 1
    assert not (site_project / "site").exists()


def test_a_ruleset_cannot_turn_the_link_rule_off(project_dir: Path, secret: Path) -> None:
    (project_dir / "ruleset.yml").write_text("severity:\n  SS008: off\n", encoding="utf-8")
    partnership = project_dir / "partnership.yml"
    partnership.write_text("ruleset: ruleset.yml\n" + partnership.read_text(encoding="utf-8"), encoding="utf-8")
    (project_dir / "passwd.txt").symlink_to(secret / "passwd")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS008", "src/passwd.txt", 1, 1), ("SS015", "src/ruleset.yml", 2, 3)]
    assert findings[1].message == "SS008 (link-skipped) protects the site and its data, so its severity cannot be changed"


def test_the_site_never_publishes_a_link_out_of_the_folder_even_if_check_were_bypassed(
    site_project: Path, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strategy_site.commands import build
    from strategy_site.findings import Severity

    sources = site_project / "strategy_src"
    (sources / "passwd.txt").symlink_to(secret / "passwd")
    (sources / "etc").symlink_to(secret, target_is_directory=True)
    (sources / "images").mkdir()
    (sources / "images/map.png").write_bytes(b"\x89PNG")
    checked = build.check_project

    def errors_ignored(*args):  # type: ignore[no-untyped-def]
        project, findings, seconds = checked(*args)
        return project, [f for f in findings if f.severity is not Severity.ERROR], seconds

    monkeypatch.setattr(build, "check_project", errors_ignored)

    assert main(["--quiet", "--today", "2026-11-23"]) == 0

    published = [p for p in (site_project / "site").rglob("*") if p.is_file()]
    assert (site_project / "site/images/map.png").is_file()
    assert not (site_project / "site/passwd.txt").exists() and not (site_project / "site/etc").exists()
    assert not any("secret-marker" in p.read_text(errors="replace") for p in published)


@pytest.mark.parametrize("name", ["notice.html", "logo.svg", "page.xhtml", "feed.xml", "run.php", "assets/app.js",
                                  "search/main.js", "data/actions.csv", "styles.css"])
def test_a_file_that_could_run_code_or_replace_the_sites_own_is_reported_and_not_published(project_dir: Path, name: str) -> None:
    (project_dir / name).parent.mkdir(parents=True, exist_ok=True)
    (project_dir / name).write_text("<script>alert(document.domain)</script>", encoding="utf-8")

    findings = findings_for(project_dir)

    assert [(f.code, f.severity.value, f.path) for f in findings] == [("SS014", "warning", f"src/{name}")]
    assert findings[0].message.startswith(f"'{name}' is not published: ")
    assert load_project(project_dir).assets == []


def test_the_theme_and_the_open_data_cannot_be_replaced_from_the_source_folder(site_project: Path) -> None:
    from tests.conftest import build_main as main

    sources = site_project / "strategy_src"
    for name in ("assets/app.js", "search/main.js", "data/actions.csv", "notice.html"):
        (sources / name).parent.mkdir(parents=True, exist_ok=True)
        (sources / name).write_text("alert(document.domain)", encoding="utf-8")

    assert main(["--quiet", "--today", "2026-11-23"]) == 0

    site = site_project / "site"
    assert "alert(document.domain)" not in (site / "assets/app.js").read_text(encoding="utf-8")
    assert "alert(document.domain)" not in (site / "search/main.js").read_text(encoding="utf-8")
    assert (site / "data/actions.csv").read_text(encoding="utf-8").startswith("id,title,")
    assert not (site / "notice.html").exists()
