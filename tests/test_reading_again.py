"""A preview reads the documents again after every edit: only the files that changed are parsed and modelled again,
and what it finds is what a first reading would find."""

from __future__ import annotations

from pathlib import Path

from strategy_site.load.files import ParseCache
from strategy_site.model.project import ModelCache, load_project
from tests.conftest import edit


def documents(project_dir: Path, cache: ParseCache, models: ModelCache) -> dict[str, object]:
    """The action plans by title, and the first indicator."""
    project = load_project(project_dir, cache, models)
    return {plan.title: plan for plan in project.action_plans} | {"indicator": project.indicators[0]}


def test_a_file_read_again_unchanged_keeps_its_model(project_dir: Path) -> None:
    cache: ParseCache = {}
    models: ModelCache = {}
    first = documents(project_dir, cache, models)

    again = documents(project_dir, cache, models)

    assert all(again[name] is first[name] for name in first)


def test_an_edited_file_is_modelled_again_and_the_others_are_not(project_dir: Path) -> None:
    cache: ParseCache = {}
    models: ModelCache = {}
    first = documents(project_dir, cache, models)
    edit(project_dir / "action-plans/2026-27.yml", "for older residents", "for older and disabled residents")

    project = load_project(project_dir, cache, models)

    assert project.action_by_id["SF-01"].title == "Fit door and window locks for older and disabled residents"
    assert project.indicators[0] is first["indicator"]


def test_a_problem_in_a_file_read_again_unchanged_is_still_reported(project_dir: Path) -> None:
    cache: ParseCache = {}
    models: ModelCache = {}
    edit(project_dir / "indicators/burglary-rate.yml", "better: lower", "better: downwards")
    first = [(f.code, f.path, f.line) for f in load_project(project_dir, cache, models).findings]
    edit(project_dir / "action-plans/2026-27.yml", "for older residents", "for older and disabled residents")

    again = [(f.code, f.path, f.line) for f in load_project(project_dir, cache, models).findings]

    assert again == first != []


def test_a_file_that_went_is_forgotten(project_dir: Path) -> None:
    cache: ParseCache = {}
    models: ModelCache = {}
    load_project(project_dir, cache, models)
    (project_dir / "agreements/safer-fernley.md").unlink()

    project = load_project(project_dir, cache, models)

    assert len(models) == len([source for source in project.files if source.parsed])
