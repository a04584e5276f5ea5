"""A partnership's own templates/ folder overrides the shipped templates file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.check import check_project
from strategy_site.shipped import SHIPPED
from tests.conftest import build_main


@pytest.fixture
def partnership(site_project: Path) -> Path:
    """A partnership's repository as strategy-site init lays it out: no copy of the shipped templates."""
    import shutil

    shutil.rmtree(site_project / "templates")
    return site_project


def test_the_site_builds_from_the_shipped_templates_alone(partnership: Path) -> None:
    assert build_main(["--quiet", "--today", "2026-11-23"]) == 0
    assert 'class="govuk-template' in (partnership / "site/index.html").read_text(encoding="utf-8")


def test_a_page_template_of_the_same_name_overrides_the_shipped_one(partnership: Path) -> None:
    own = partnership / "templates/content"
    own.mkdir(parents=True)
    (own / "accessibility.html.j2").write_text("<h1>Accessibility statement</h1>\n<p>Our own statement, from Fernley.</p>\n", encoding="utf-8")

    assert build_main(["--quiet", "--today", "2026-11-23"]) == 0

    assert "Our own statement, from Fernley." in (partnership / "site/accessibility/index.html").read_text(encoding="utf-8")
    assert "Partnership agreements" in (partnership / "site/agreements/index.html").read_text(encoding="utf-8")  # still shipped


def test_a_theme_file_of_the_same_name_overrides_the_shipped_one(partnership: Path) -> None:
    (partnership / "templates/theme/assets").mkdir(parents=True)
    (partnership / "templates/theme/assets/app.css").write_text("/* Fernley's own */\n", encoding="utf-8")
    config = partnership / "mkdocs.yml"
    themed = config.read_text(encoding="utf-8").replace("  name: strategy-site", "  name: strategy-site\n  custom_dir: templates/theme", 1)
    config.write_text(themed, encoding="utf-8")

    assert build_main(["--quiet", "--today", "2026-11-23"]) == 0

    assert (partnership / "site/assets/app.css").read_text(encoding="utf-8") == "/* Fernley's own */\n"
    assert (partnership / "site/assets/app.js").read_bytes() == (SHIPPED / "theme/assets/app.js").read_bytes()


def test_an_override_of_a_template_that_does_not_exist_is_a_warning(partnership: Path) -> None:
    own = partnership / "templates/content"
    own.mkdir(parents=True)
    (own / "action-page.html.j2").write_text("# Old\n", encoding="utf-8")

    _, findings, _ = check_project(Path("strategy_src"))

    assert [(f.code, f.severity.value, f.path, f.message) for f in findings] == [
        ("SS016", "warning", "templates/content/action-page.html.j2",
         "'content/action-page.html.j2' overrides no template of strategy-site's, so it is not used")]


def test_the_html_report_works_outside_this_repository(partnership: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from strategy_site.cli import main

    assert main(["report", "strategy_src", "--format", "html", "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_a_report_template_of_the_partnerships_own_is_used(partnership: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from strategy_site.cli import main

    (partnership / "templates/report").mkdir(parents=True)
    (partnership / "templates/report/report.html.j2").write_text("<p>Score {{ a.overall.score }}</p>\n", encoding="utf-8")

    assert main(["report", "strategy_src", "--format", "html", "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out == "<p>Score 74</p>"


def test_a_broken_report_template_is_a_plain_error(partnership: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from strategy_site.cli import main

    (partnership / "templates/report").mkdir(parents=True)
    (partnership / "templates/report/report.html.j2").write_text("{{ report.score }}", encoding="utf-8")

    assert main(["report", "strategy_src", "--format", "html"]) == 2
    assert capsys.readouterr().err == "strategy-site: the report template failed: 'report' is undefined\n"


def test_the_report_finds_the_partnerships_template_from_outside_its_folder(
    partnership: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from strategy_site.cli import main

    (partnership / "templates/report").mkdir(parents=True)
    (partnership / "templates/report/report.html.j2").write_text("<p>Ours</p>", encoding="utf-8")
    monkeypatch.chdir(partnership.parent)

    assert main(["report", str(partnership / "strategy_src"), "--format", "html"]) == 0
    assert capsys.readouterr().out == "<p>Ours</p>"
