"""The text output of check: where each finding is, and the summary line's counts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from strategy_site.check import run_checks
from strategy_site.model.project import load_project
from strategy_site.output.text import format_text
from tests.conftest import TODAY


def text_output(root: Path) -> list[str]:
    project = load_project(root)
    findings = sorted(run_checks(project, TODAY), key=lambda f: f.sort_key())
    sources = {source.path: source.text for source in project.files}
    return format_text(findings, sources, project.files_seen, 0.01).splitlines()


def only_the_partnership_file(root: Path) -> None:
    for folder in ("action-plans", "agreements", "indicators", "progress"):
        shutil.rmtree(root / folder)
    (root / "community-strategy.md").unlink()
    (root / "neighbourhood-renewal-strategy.md").unlink()


def test_a_missing_folder_is_shown_by_its_path_with_a_slash_and_no_line(project_dir: Path) -> None:
    only_the_partnership_file(project_dir)

    lines = text_output(project_dir)

    assert "src/action-plans/: error SS006: there is no action plan: strategy-site looks for it in action-plans/" in lines


def test_a_missing_file_is_shown_by_its_path_alone(project_dir: Path) -> None:
    only_the_partnership_file(project_dir)

    lines = text_output(project_dir)

    assert ("src/community-strategy.md: error SS006: there is no community strategy: strategy-site looks for it "
            "at community-strategy.md") in lines


def test_the_summary_counts_missing_documents_apart_from_the_files_with_problems(project_dir: Path) -> None:
    only_the_partnership_file(project_dir)

    assert text_output(project_dir)[-1] == "3 errors: 1 in 1 file, 2 missing documents (checked 1 file in 0.01 s)."


def test_every_file_with_a_finding_counts_as_checked(project_dir: Path) -> None:
    (project_dir / "notes.md").write_text("# Notes\n", encoding="utf-8")  # not a document: SS005

    summary = text_output(project_dir)[-1]

    assert re.fullmatch(r"1 warning in 1 file, no errors \(checked 8 files in 0\.01 s\)\.", summary)
