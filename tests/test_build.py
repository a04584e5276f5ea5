"""python build.py: check first, then build the site, never damaging the previous one."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import build_main as main, edit


def test_build_writes_one_page_per_document(site_project: Path) -> None:
    assert main(["--quiet", "--today", "2026-11-23"]) == 0
    site = site_project / "site"
    for page in [
        "index.html",
        "partnership/index.html",
        "community-strategy/index.html",
        "neighbourhood-renewal-strategy/index.html",
        "action-plans/2026-27/index.html",
        "indicators/burglary-rate/index.html",
        "agreements/safer-fernley/index.html",
        "progress/2026-11-10-quarter-2/index.html",
    ]:
        assert (site / page).is_file(), page
    assert "Fit door and window locks for older residents" in (site / "action-plans/2026-27/index.html").read_text()


def test_an_indicator_page_shows_figures_from_progress_updates_too(site_project: Path) -> None:
    assert main(["--quiet", "--today", "2026-11-23"]) == 0
    page = (site_project / "site/indicators/burglary-rate/index.html").read_text()
    figures = page[page.index('id="figures"'):]
    assert figures.index("2023/24") < figures.index("2024/25") < figures.index("18.9")


def test_build_publishes_the_source_files_only_under_source(site_project: Path) -> None:
    assert main(["--quiet", "--today", "2026-11-23"]) == 0
    site = site_project / "site"
    published = sorted(str(p.relative_to(site)) for p in site.rglob("*.yml"))
    assert published == ["source/action-plans/2026-27.yml", "source/indicators/burglary-rate.yml", "source/partnership.yml"]


def test_build_with_errors_stops_and_leaves_the_previous_site_untouched(
    site_project: Path, previous_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(site_project / "strategy_src/action-plans/2026-27.yml", "lead: police", "lead: polce")

    assert main(["--quiet", "--today", "2026-11-23"]) == 1

    out, err = capsys.readouterr()
    assert 'strategy_src/action-plans/2026-27.yml:8:11: error SS104: the lead partner "polce"' in out
    assert "The previous site is unchanged" in err
    assert (previous_site / "index.html").read_text() == "the previous site"
    assert sorted(p.name for p in site_project.iterdir() if p.name.startswith(".site")) == []


def test_a_broken_template_fails_the_build_without_a_traceback_and_keeps_the_site(
    site_project: Path, previous_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site_project / "templates/content/indicator.html.j2").write_text("{% for x in %}")

    assert main(["--quiet", "--today", "2026-11-23"]) == 1

    assert "a page template failed" in capsys.readouterr().err
    assert (previous_site / "index.html").read_text() == "the previous site"


def test_build_without_a_configuration_file_says_where_to_run_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([]) == 2
    assert "there is no configuration file 'mkdocs.yml'" in capsys.readouterr().err


def test_a_template_that_fails_while_rendering_names_its_file_and_line(
    site_project: Path, previous_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = site_project / "templates/content/partner.html.j2"
    template.write_text("<h1>{{ member.name }}</h1>\n\n{{ member.postcode }}\n")

    assert main(["--quiet", "--today", "2026-11-23"]) == 1

    err = capsys.readouterr().err
    assert f"{template}:3: a page template failed: 'strategy_site.model.documents.Member object' has no attribute 'postcode'" in err
    assert (previous_site / "index.html").read_text() == "the previous site"


def test_a_template_using_a_filter_that_does_not_exist_says_so_in_one_sentence(
    site_project: Path, previous_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site_project / "templates/content/accessibility.html.j2").write_text("{{ 3 | plurals('action') }}\n")

    assert main(["--quiet", "--today", "2026-11-23"]) == 1

    err = capsys.readouterr().err
    assert "a page template failed: No filter named 'plurals'. The previous site is unchanged." in err


def test_a_page_that_takes_too_long_to_convert_stops_the_build_with_its_name(
    site_project: Path, previous_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from strategy_site.render.pages import SitePages
    from strategy_site.site import plugin

    monkeypatch.setattr(plugin, "PAGE_SECONDS", 1)
    render = SitePages.html

    def slow(pages: SitePages, page: Any) -> str:
        """As a converter meeting Markdown it reads slowly: Python-Markdown before 3.11 took seconds over thousands
        of '[' in one paragraph, and the next such construct is not known yet."""
        if page.meta.get("source") == "community-strategy.md":
            given_up = time.process_time() + 30  # the clock stops it long before, unless it is broken
            while time.process_time() < given_up:
                pass
        return render(pages, page)

    monkeypatch.setattr(SitePages, "html", slow)

    assert main(["--quiet", "--today", "2026-11-23"]) == 1

    err = capsys.readouterr().err
    assert err.startswith("The site was not built: the page made from community-strategy.md took more than 1 second to convert")
    assert (previous_site / "index.html").read_text() == "the previous site"


def test_build_takes_the_partnerships_folder_from_anywhere(site_project: Path, tmp_path_factory: pytest.TempPathFactory,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from strategy_site.cli import main as cli_main

    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))

    assert cli_main(["build", str(site_project), "--quiet", "--today", "2026-11-23"]) == 0
    assert (site_project / "site/index.html").is_file()


def test_a_mkdocs_yml_from_another_partnership_stops_the_build_before_it_leaks(
    site_project: Path, previous_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site_project / "mkdocs.yml"
    config.write_text("site_description: The community strategy of Ravensholt Together\n" + config.read_text(encoding="utf-8"), encoding="utf-8")

    assert main(["--quiet", "--today", "2026-11-23"]) == 1

    out = capsys.readouterr().out
    assert ('mkdocs.yml:1:1: error SS017: site_description in mkdocs.yml is "The community strategy of Ravensholt Together", '
            "which partnership.yml does not say") in out
    assert (previous_site / "index.html").read_text() == "the previous site"


def test_the_sites_description_and_address_come_from_partnership_yml(site_project: Path) -> None:
    partnership = site_project / "strategy_src/partnership.yml"
    edit(partnership, "area: Borough of Fernley\n",
         "area: Borough of Fernley\nsite_description: Fernley's strategy, in the open.\nsite_address: https://strategy.fernley.example\n")

    assert main(["--quiet", "--today", "2026-11-23"]) == 0

    home = (site_project / "site/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Fernley&#39;s strategy, in the open.">' in home
    feed = (site_project / "site/progress/feed.xml").read_text(encoding="utf-8")
    assert '<link rel="self" href="https://strategy.fernley.example/progress/feed.xml"/>' in feed


def test_a_site_address_in_mkdocs_yml_that_contradicts_partnership_yml_is_found_at_its_line(site_project: Path) -> None:
    from strategy_site.check.identity import identity_findings
    from strategy_site.model.project import load_project

    edit(site_project / "strategy_src/partnership.yml", "area: Borough of Fernley\n", "area: Borough of Fernley\nsite_address: https://strategy.fernley.example/\n")
    config = site_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://strategy.ravensholt.example/\n", encoding="utf-8")

    findings = identity_findings(config, load_project(site_project / "strategy_src").partnership)

    assert [(f.code, f.line) for f in findings] == [("SS017", len(config.read_text(encoding="utf-8").splitlines()))]
    assert findings[0].message == ('site_url in mkdocs.yml is "https://strategy.ravensholt.example/", '
                                   'but partnership.yml\'s site_address is "https://strategy.fernley.example/"')


def test_check_reports_a_contradicting_mkdocs_yml_as_build_does(site_project: Path) -> None:
    from strategy_site.check import check_project

    config = site_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://strategy.ravensholt.example/\n", encoding="utf-8")

    _, findings, _ = check_project(Path("strategy_src"))

    assert [f.code for f in findings] == ["SS017"]


def test_quiet_builds_still_print_warnings(site_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site_project / "strategy_src/notes.html").write_text("<p>draft</p>", encoding="utf-8")

    assert main(["--quiet", "--today", "2026-11-23"]) == 0
    assert "warning SS014" in capsys.readouterr().out


def test_the_home_page_names_only_the_sectors_the_members_are_from(site_project: Path) -> None:
    assert main(["--quiet", "--today", "2026-11-23"]) == 0
    home = (site_project / "site/index.html").read_text(encoding="utf-8")
    assert "organisations from the public, private, voluntary and community sectors" in home
