"""Rules of the reading stage (SS001-SS007): a bad file becomes a finding and the rest is still checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import edit, findings_for, line_of, where


def test_a_file_in_another_encoding_is_reported_at_the_first_unreadable_byte(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    plan.write_bytes(plan.read_bytes().replace(b"title: Fernley", b"title: \xa3 Fernley", 1))

    findings = findings_for(project_dir)

    assert where(findings) == [("SS001", "src/action-plans/2026-27.yml", 1, 8)]
    assert findings[0].message == "the file is not UTF-8 text (byte 0xa3 cannot be read)"


def test_a_file_of_garbage_bytes_is_a_finding_not_a_traceback(project_dir: Path) -> None:
    (project_dir / "indicators/burglary-rate.yml").write_bytes(bytes(range(256)))

    findings = findings_for(project_dir)

    assert where(findings) == [("SS001", "src/indicators/burglary-rate.yml", 2, 118)]  # byte 0x80, after the 0x0a newline


def test_the_other_files_are_still_checked_when_one_cannot_be_read(project_dir: Path) -> None:
    (project_dir / "indicators/burglary-rate.yml").write_bytes(b"\xff\xfe\x00garbage")
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "lead: police", "lead: polce")

    codes = {(f.code, f.path) for f in findings_for(project_dir)}

    assert ("SS001", "src/indicators/burglary-rate.yml") in codes
    assert ("SS104", "src/action-plans/2026-27.yml") in codes


def test_a_utf8_byte_order_mark_is_accepted(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    plan.write_bytes(b"\xef\xbb\xbf" + plan.read_bytes())

    assert findings_for(project_dir) == []


def test_invalid_yaml_is_reported_where_the_parser_stopped_with_a_plain_explanation(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "title: Fit door and window locks for older residents", "title: Safety: fit door and window locks")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS002", "src/action-plans/2026-27.yml", line_of(plan, "title: Safety:"), 18)]
    assert "must be in quotes" in findings[0].message


def test_a_tab_used_for_indenting_is_explained(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  value: 21.4\n  period: 2022/23", "\tvalue: 21.4\n  period: 2022/23")

    findings = findings_for(project_dir)

    assert [f.code for f in findings] == ["SS002"]
    assert findings[0].message == "a tab character is used for indenting; YAML needs spaces"


def test_a_control_character_is_a_finding_with_its_position_and_the_rest_is_still_read(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "unit: per 1,000 households", "unit: per 1,000\x07 households")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS012", "src/indicators/burglary-rate.yml", line_of(indicator, "unit:"), 16)]
    assert findings[0].message == "an invisible control character (U+0007) is here"


def test_a_direction_override_in_a_markdown_body_is_a_finding(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    update.write_text(update.read_text(encoding="utf-8") + "\nVandalism \u202efell\u202c again.\n", encoding="utf-8")

    findings = findings_for(project_dir)

    line = line_of(update, "Vandalism")
    assert where(findings) == [("SS012", "src/progress/2026-11-10-quarter-2.md", line, 11),
                               ("SS012", "src/progress/2026-11-10-quarter-2.md", line, 16)]


def test_invalid_front_matter_is_reported_at_its_line_in_the_markdown_file(project_dir: Path) -> None:
    strategy = project_dir / "community-strategy.md"
    edit(strategy, "status: adopted", "status: [adopted")

    assert [(f.code, f.path) for f in findings_for(project_dir)] == [("SS002", "src/community-strategy.md")]


def test_a_repeated_key_is_reported_at_the_second_with_the_line_of_the_first(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "    status: on track\n", "    status: on track\n    due: 2027-06-30\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS003", "src/action-plans/2026-27.yml", line_of(plan, "due: 2027-06-30"), 5)]
    assert findings[0].message.endswith(f"(first on line {line_of(plan, 'due: 2027-03-31')})")


def test_a_markdown_document_without_front_matter_is_reported(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    update.write_text("# Progress\n\nBurglary fell again.\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS004", "src/progress/2026-11-10-quarter-2.md", 1, 1)]
    assert "no front matter" in findings[0].message


def test_front_matter_that_is_never_closed_is_reported(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    update.write_text("---\ntitle: Progress\npublished: 2026-11-10\n\nBurglary fell again.\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS004", "src/progress/2026-11-10-quarter-2.md", 1, 1)]
    assert "never closed" in findings[0].message


def test_a_yaml_file_in_an_unknown_folder_is_reported_as_a_warning(project_dir: Path) -> None:
    (project_dir / "actions").mkdir()
    (project_dir / "actions/2027.yml").write_text("title: Misplaced\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert [(f.code, f.severity.value, f.path) for f in findings] == [("SS005", "warning", "src/actions/2027.yml")]


def test_images_and_hidden_folders_are_not_reported(project_dir: Path) -> None:
    (project_dir / "images").mkdir()
    (project_dir / "images/map.png").write_bytes(b"\x89PNG")
    (project_dir / ".git").mkdir()
    (project_dir / ".git/config.yml").write_text("x: 1\n")

    assert findings_for(project_dir) == []


def test_a_missing_community_strategy_is_reported(project_dir: Path) -> None:
    (project_dir / "community-strategy.md").unlink()

    findings = findings_for(project_dir)

    assert ("SS006", "src/community-strategy.md", 1, 1) in where(findings)
    assert "there is no community strategy" in next(f.message for f in findings if f.code == "SS006")


def test_a_renewal_area_without_a_renewal_strategy_is_reported_at_the_fund_line(project_dir: Path) -> None:
    (project_dir / "neighbourhood-renewal-strategy.md").unlink()
    partnership = project_dir / "partnership.yml"

    findings = findings_for(project_dir)

    assert where(findings) == [("SS006", "src/partnership.yml", line_of(partnership, "neighbourhood_renewal_fund"), 29)]


def test_a_partnership_outside_the_fund_needs_no_renewal_strategy(project_dir: Path) -> None:
    (project_dir / "neighbourhood-renewal-strategy.md").unlink()
    edit(project_dir / "partnership.yml", "neighbourhood_renewal_fund: true", "neighbourhood_renewal_fund: false")

    assert findings_for(project_dir) == []


def test_a_broken_link_is_reported_and_skipped(project_dir: Path) -> None:
    (project_dir / "indicators/old-rate.yml").symlink_to(project_dir / "indicators/deleted.yml")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS008", "src/indicators/old-rate.yml", 1, 1)]
    assert findings[0].message == "this link points to something that does not exist, so it is skipped and nothing it points to is read"



def test_a_file_that_cannot_be_opened_is_reported_as_unreadable(project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from strategy_site.load import tree

    locked = project_dir / "indicators/burglary-rate.yml"
    real_open = os.open

    def refuse(path, *args, **kwargs):  # type: ignore[no-untyped-def]  # as a file only another user may read
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(tree.os, "open", refuse)

    findings = findings_for(project_dir)

    assert ("SS007", "src/indicators/burglary-rate.yml", 1, 1) in where(findings)
    assert next(f.message for f in findings if f.code == "SS007") == "the file cannot be read: Permission denied"


def test_a_utf16_file_is_reported_once_as_not_utf8(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    indicator.write_bytes(indicator.read_text(encoding="utf-8").encode("utf-16-le"))

    findings = findings_for(project_dir)

    assert where(findings) == [("SS001", "src/indicators/burglary-rate.yml", 1, 2)]
    assert findings[0].message == 'the file is not UTF-8 text: it looks like UTF-16 ("Unicode") or a binary file'
