"""The table of document kinds (strategy_site/load/kinds.py) is what the loader, the models, the JSON
Schemas and the site read: a kind is one entry and its model."""

from __future__ import annotations

from pathlib import Path

from strategy_site.load.files import discover
from strategy_site.load.kinds import BY_KIND, KINDS, Kind
from strategy_site.model.project import MODELS
from strategy_site.model.schema import schemas
from tests.conftest import REPO


def test_every_kind_of_document_has_exactly_one_model() -> None:
    assert set(MODELS) == {entry.kind for entry in KINDS}
    assert all(model.KIND is kind for kind, model in MODELS.items())


def test_every_kind_of_document_has_a_json_schema_named_for_it() -> None:
    assert {entry.kind.value for entry in KINDS} | {Kind.RULESET.value} == set(schemas())


def test_the_loader_finds_each_kind_where_the_table_says_it_lives(tmp_path: Path) -> None:
    files = []
    for entry in KINDS:
        name = entry.place if entry.folder is None else f"{entry.place}example.{'md' if entry.markdown else 'yml'}"
        files.append(tmp_path / name)
    found, stray = discover(tmp_path, files)
    assert [kind for kind, _ in found] == [entry.kind for entry in KINDS] and stray == []


def test_a_file_of_the_wrong_format_for_its_place_is_no_document(tmp_path: Path) -> None:
    _, stray = discover(tmp_path, [tmp_path / "indicators" / "burglary.md", tmp_path / "progress" / "q1.yml"])
    assert [path.relative_to(tmp_path).as_posix() for path in stray] == ["indicators/burglary.md", "progress/q1.yml"]


def test_the_demonstration_partnership_has_every_kind(tmp_path: Path) -> None:
    source = REPO / "strategy_src"
    found, _ = discover(source, [path for path in source.rglob("*") if path.is_file()])
    assert {kind for kind, _ in found} == set(BY_KIND)


def test_a_ruleset_may_require_sections_only_of_the_kinds_the_table_marks_as_sectioned(tmp_path: Path) -> None:
    from strategy_site.model.ruleset import load_ruleset

    ruleset = tmp_path / "ruleset.yml"
    ruleset.write_text("sections:\n  action-plan:\n    - id: risks\n", encoding="utf-8")
    _, findings = load_ruleset(ruleset)
    assert [(f.code, f.line, f.column) for f in findings] == [("SS205", 2, 3)]
    assert "'action-plan' is not a kind of document with sections; use one of: community-strategy, " \
           "neighbourhood-renewal-strategy, agreement" in findings[0].message
