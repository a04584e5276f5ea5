"""Reading YAML: positions kept, repeated keys refused, YAML 1.1 surprises handled on purpose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strategy_site.findings import Position
from strategy_site.load.yaml_source import YamlSyntaxError, parse_yaml
from strategy_site.model.project import load_project
from tests.conftest import edit, findings_for, line_of, where


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "NO", "Yes"])
def test_yes_and_no_words_stay_text(word: str) -> None:
    assert parse_yaml(f"country: {word}\n").data == {"country": word}


@pytest.mark.parametrize(("text", "value"), [("true", True), ("false", False), ("True", True), ("FALSE", False)])
def test_only_true_and_false_are_booleans(text: str, value: bool) -> None:
    assert parse_yaml(f"done: {text}\n").data["done"] is value


def test_a_yes_in_a_yes_no_field_is_still_understood(project_dir: Path) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "        done: true", "        done: yes")

    project = load_project(project_dir)

    assert project.actions[0].milestones[0].done is True
    assert findings_for(project_dir) == []


def test_a_number_typed_into_a_text_field_keeps_the_digits_as_written(project_dir: Path) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "title: Fit door and window locks for older residents", "title: 1.10")

    assert load_project(project_dir).actions[0].title == "1.10"


def test_a_number_in_a_number_field_is_the_number() -> None:
    assert parse_yaml("value: 1.10\n").data["value"] == 1.1


def test_a_bare_date_is_a_date_in_a_date_field_and_text_in_a_text_field(project_dir: Path) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "title: Fit door and window locks for older residents", "title: 2026-04-01")

    action = load_project(project_dir).actions[0]

    assert action.title == "2026-04-01"
    assert action.start == dt.date(2026, 4, 1)


def test_a_date_that_does_not_exist_stays_text_until_the_schema_reports_it(project_dir: Path) -> None:
    assert parse_yaml("due: 2025-02-30\n").data == {"due": "2025-02-30"}
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "due: 2027-03-31", "due: 2025-02-30")

    assert where(findings_for(project_dir)) == [("SS205", "src/action-plans/2026-27.yml", line_of(plan, "due:"), 10)]


def test_every_key_and_value_keeps_its_line_and_column() -> None:
    parsed = parse_yaml("title: Plan\nactions:\n  - id: A1\n    lead: police\n", first_line=5)

    assert parsed.source_map.value(("actions", 0, "lead")) == Position(8, 11)
    assert parsed.source_map.key(("actions", 0, "lead")) == Position(8, 5)
    assert parsed.source_map.value(("actions", 0, "missing")) == Position(7, 5)


def test_a_repeated_key_is_a_problem_naming_both_lines_and_the_first_value_is_kept() -> None:
    parsed = parse_yaml("due: 2026-03-31\nstatus: on track\ndue: 2026-06-30\n")

    assert [(p.kind, p.key, p.position, p.first) for p in parsed.problems] == [("duplicate-key", "due", Position(3, 1), Position(1, 1))]
    assert parsed.data["due"] == dt.date(2026, 3, 31)


def test_python_tags_never_construct_objects() -> None:
    parsed = parse_yaml("a: !!python/object/apply:os.system ['echo hacked']\nb: !!python/name:os.system ''\n")

    assert parsed.data == {"a": ["echo hacked"], "b": ""}


def test_an_alias_bomb_is_refused_as_a_syntax_error() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]

    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml("\n".join(lines) + "\n")

    assert raised.value.problem.message == "the '*' aliases in the file repeat more than 100,000 values; write it out plainly"


def test_an_alias_bomb_in_a_file_is_a_finding(project_dir: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    (project_dir / "indicators/burglary-rate.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert [f.code for f in findings_for(project_dir)] == ["SS002"]


@pytest.mark.parametrize("path", sorted((Path(__file__).parent.parent / "strategy_src").rglob("*.yml")), ids=lambda p: p.name)
def test_the_libyaml_and_pure_python_parsers_give_the_same_values_and_positions(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from strategy_site.load import yaml_source

    text = path.read_text(encoding="utf-8")
    fast = parse_yaml(text)
    monkeypatch.setattr(yaml_source, "_Composer", yaml_source._PythonComposer)
    plain = parse_yaml(text)

    assert (fast.data, fast.source_map, fast.problems) == (plain.data, plain.source_map, plain.problems)


def test_yaml_nested_deeper_than_documents_need_is_refused_not_a_crash() -> None:
    text = "".join(" " * depth + f"k{depth}:\n" for depth in range(500))

    with pytest.raises(YamlSyntaxError) as refused:
        parse_yaml(text)

    assert refused.value.problem.message == "the YAML is nested more than 32 levels deep; documents need only a few levels"
    assert refused.value.problem.position == Position(34, 34)


def test_flow_nesting_beyond_the_parser_limit_is_explained() -> None:
    with pytest.raises(YamlSyntaxError) as refused:
        parse_yaml("a: " + "[" * 20_000 + "]" * 20_000)

    assert refused.value.problem.message == "the YAML is nested too deeply to read; documents need only a few levels (at most 32)"
