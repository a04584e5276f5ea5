"""The strategy-site command: output formats and exit status."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from strategy_site.cli import main
from tests.conftest import edit

FINDING_LINE = re.compile(r"^\S+?(:\d+:\d+)?: (error|warning) SS\d{3}: .+$")  # a missing document has no line


def test_a_clean_partnership_exits_0_and_says_so(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "src", "--today", "2026-11-23"]) == 0
    assert re.fullmatch(r"No problems found \(checked 7 files in \d+\.\d\d s\)\.\n", capsys.readouterr().out)


def test_errors_exit_1_with_each_finding_on_a_file_line_column_line(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "lead: police", "lead: polce")

    assert main(["check", "src", "--today", "2026-11-23"]) == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == 'src/action-plans/2026-27.yml:8:11: error SS104: the lead partner "polce" is not a member of the partnership. Did you mean "police"?'
    assert lines[1:3] == ["  8 |     lead: polce", "    |           ^"]
    assert lines[3].startswith("  fix: use the id of an organisation under members")
    assert re.fullmatch(r"1 error in 1 file \(checked 7 files in \d+\.\d\d s\)\.", lines[-1])


def test_findings_are_grouped_by_file(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "lead: police", "lead: polce")
    edit(project_dir / "indicators/burglary-rate.yml", "responsible: police", "responsible: polic")

    main(["check", "src", "--today", "2026-11-23"])

    paths = [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if FINDING_LINE.match(line)]
    assert paths == ["src/action-plans/2026-27.yml", "src/indicators/burglary-rate.yml"]


def test_warnings_alone_exit_0(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "src", "--today", "2027-04-01"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("1 warning in 1 file, no errors (checked 7 files")


def test_today_changes_what_is_overdue(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "src", "--format", "json", "--today", "2027-03-31"])
    before = json.loads(capsys.readouterr().out)["summary"]["warnings"]
    main(["check", "src", "--format", "json", "--today", "2027-04-01"])
    after = json.loads(capsys.readouterr().out)["summary"]["warnings"]

    assert (before, after) == (0, 1)


def test_json_output_has_the_documented_shape(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "lead: police", "lead: polce")

    assert main(["check", "src", "--format", "json", "--today", "2026-11-23"]) == 1

    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1
    assert document["summary"] == {"files_checked": 7, "errors": 1, "warnings": 0}
    assert document["findings"] == [
        {
            "code": "SS104",
            "name": "unknown-partner",
            "severity": "error",
            "file": "src/action-plans/2026-27.yml",
            "line": 8,
            "column": 11,
            "message": 'the lead partner "polce" is not a member of the partnership. Did you mean "police"?',
            "hint": "use the id of an organisation under members in partnership.yml, or add the organisation there",
        }
    ]


def test_a_folder_that_does_not_exist_exits_2_with_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "there is no folder" in capsys.readouterr().err


def test_a_file_instead_of_a_folder_exits_2_with_a_reason(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "src/partnership.yml"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_an_empty_folder_lists_the_documents_it_needs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()

    assert main(["check", "empty"]) == 1
    assert [line.split(": ", 2)[1] for line in capsys.readouterr().out.splitlines() if FINDING_LINE.match(line)] == ["error SS006"] * 3


def test_the_console_script_runs_as_a_module_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "strategy_site", "check", str(tmp_path / "nowhere")], capture_output=True, text=True)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_the_rules_command_prints_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "## SS104" in capsys.readouterr().out


def test_the_schema_command_writes_one_schema_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "action-plan.schema.json").read_text())["properties"]["actions"]["type"] == "array"


def test_escape_sequences_in_a_source_never_reach_the_terminal(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "    activity: new\n", '    activity: new\n    "\\e[2J\\e[31mfake": x\n')  # an escaped key: not refused by the reader
    plan.write_text(plan.read_text(encoding="utf-8") + "# \x1b]0;owned\x07 a raw one too\n", encoding="utf-8")

    assert main(["check", "src"]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert '"\\u001b[2J\\u001b[31mfake" is not a field of an action' in out


def test_a_write_that_fails_is_one_plain_line_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "schemas").write_text("a file where a folder should be")

    assert main(["schema", "--out", str(tmp_path / "schemas")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("strategy-site: schema could not finish: ") and err.count("\n") == 1


def test_a_line_break_in_a_quoted_value_cannot_forge_a_line_of_output(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    edit(update, "covers: 2026/27 Q2", 'covers: "2026/27 Q2\\nsrc/partnership.yml:1:1: error SS999: forged"')

    assert main(["check", "src"]) == 1
    out = capsys.readouterr().out
    assert not any(line.startswith("src/partnership.yml:1:1") for line in out.splitlines())
    assert '"2026/27 Q2\\u000asrc/partnership.yml:1:1: error SS999: forged" is not a period' in out


def test_a_line_break_in_a_title_cannot_forge_a_line_of_the_report_summary(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "title: Domestic burglary rate", 'title: "Domestic burglary rate\\n::error file=x,line=1::Forged"')

    main(["report", "src", "--today", "2030-01-01"])
    assert not any(line.startswith("::") for line in capsys.readouterr().out.splitlines())
