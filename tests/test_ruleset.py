"""A partnership's own ruleset adds to or relaxes the default requirements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strategy_site.findings import Severity
from tests.conftest import edit, findings_for, line_of, where


@pytest.fixture
def ruleset(project_dir: Path) -> Path:
    """A local ruleset named by partnership.yml; each test writes its contents."""
    edit(project_dir / "partnership.yml", "neighbourhood_renewal_fund: true\n", "neighbourhood_renewal_fund: true\nruleset: local-rules.yml\n")
    path = project_dir / "local-rules.yml"
    path.write_text("{}\n", encoding="utf-8")
    return path


def test_an_empty_ruleset_changes_nothing_and_is_not_reported_as_a_stray_file(project_dir: Path, ruleset: Path) -> None:
    assert findings_for(project_dir) == []


def test_a_ruleset_can_relax_a_required_section(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text("sections:\n  community-strategy:\n    - id: monitoring\n      required: false\n", encoding="utf-8")
    edit(project_dir / "community-strategy.md", "## Monitoring, review and reporting to local people", "## Appendix")

    assert findings_for(project_dir) == []


def test_a_ruleset_can_require_a_section_of_its_own(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text(
        "sections:\n  community-strategy:\n    - id: equalities\n      title: Equality and inclusion\n      accepted: [equality, equalities]\n",
        encoding="utf-8",
    )

    findings = findings_for(project_dir)

    assert [f.code for f in findings] == ["SS301"]
    assert 'no "Equality and inclusion" section' in findings[0].message


def test_a_ruleset_section_is_met_by_its_accepted_wording(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text("sections:\n  community-strategy:\n    - id: equalities\n      accepted: [equalities]\n", encoding="utf-8")
    edit(project_dir / "community-strategy.md", "## Shared commitment", "## Equalities\n\nEveryone counts.\n\n## Shared commitment")

    assert findings_for(project_dir) == []


def test_a_ruleset_can_replace_the_placeholder_words(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text("placeholders: [DRAFT]\n", encoding="utf-8")
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    edit(update, "Burglary continued to fall", "DRAFT TODO Burglary continued to fall")

    assert where(findings_for(project_dir)) == [("SS303", "src/progress/2026-11-10-quarter-2.md", line_of(update, "DRAFT"), 1)]


def test_a_ruleset_can_make_a_warning_an_error(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text("severity:\n  SS404: error\n", encoding="utf-8")

    findings = findings_for(project_dir, today=dt.date(2027, 4, 1))

    assert [(f.code, f.severity) for f in findings] == [("SS404", Severity.ERROR)]


def test_a_ruleset_can_turn_a_rule_off(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text('severity:\n  SS404: "off"\n', encoding="utf-8")

    assert findings_for(project_dir, today=dt.date(2027, 4, 1)) == []


def test_a_ruleset_can_require_the_faith_sector(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text("required_sectors: [public, private, voluntary, community, faith]\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert [(f.code, f.message) for f in findings] == [("SS406", "no member organisation is from the faith sector")]


def test_a_mistake_in_the_ruleset_is_reported_in_the_ruleset_file(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text("severity:\n  SS404: loud\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS203", "src/local-rules.yml", 2, 10)]
    assert findings[0].hint == "use one of: error, warning, off"


def test_a_ruleset_naming_a_rule_that_does_not_exist_is_reported(project_dir: Path, ruleset: Path) -> None:
    ruleset.write_text("severity:\n  SS999: warning\n", encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS015", "src/local-rules.yml", 2, 3)]
    assert findings[0].message == '"SS999" is not a rule, so this changes nothing'


def test_a_ruleset_that_does_not_exist_is_reported(project_dir: Path, ruleset: Path) -> None:
    ruleset.unlink()

    findings = findings_for(project_dir)

    assert where(findings) == [("SS013", "src/partnership.yml", line_of(project_dir / "partnership.yml", "ruleset:"), 10)]
    assert findings[0].message == "there is no ruleset file 'local-rules.yml' beside partnership.yml"
