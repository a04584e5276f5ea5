"""Section rules (SS301-SS303): required sections are present and written; no placeholders are published."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import edit, findings_for, line_of, where

STRATEGY = "community-strategy.md"


def test_deleting_the_vision_section_is_reported(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, "## Our vision {#vision}\n\nBy 2034 Fernley will be a place where nobody is disadvantaged by where they live.\n\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS301", "src/" + STRATEGY, line_of(strategy, "# Fernley Community Strategy") - 1, 1)]
    assert findings[0].message.startswith('the community strategy has no "Long-term vision" section (Guidance para 3.4')
    assert findings[0].hint == 'add a heading such as "vision", "long-term vision", "long term vision", or mark your own heading with {#vision}'


def test_a_heading_in_accepted_wording_is_recognised_without_an_id(project_dir: Path) -> None:
    edit(project_dir / STRATEGY, "## Our vision {#vision}", "## The long-term vision for Fernley")

    assert findings_for(project_dir) == []


def test_any_heading_is_recognised_by_an_explicit_id(project_dir: Path) -> None:
    edit(project_dir / STRATEGY, "## Shared commitment", "## Working together, all of us {#shared-commitment}")

    assert findings_for(project_dir) == []


def test_a_heading_that_only_mentions_the_words_later_is_not_the_section(project_dir: Path) -> None:
    edit(project_dir / STRATEGY, "## Action plan", "## How the vision becomes an action plan")

    assert [f.code for f in findings_for(project_dir)] == ["SS301"]


def test_the_renewal_strategy_needs_a_section_on_local_action_on_learning(project_dir: Path) -> None:
    renewal = project_dir / "neighbourhood-renewal-strategy.md"
    edit(renewal, "## Local action on learning for neighbourhood renewal {#learning}", "## Training")

    findings = findings_for(project_dir)

    assert [(f.code, f.path) for f in findings] == [("SS301", "src/neighbourhood-renewal-strategy.md")]
    assert '"Local action on learning for neighbourhood renewal"' in findings[0].message


def test_an_agreement_needs_its_terms_of_reference(project_dir: Path) -> None:
    edit(project_dir / "agreements/safer-fernley.md", "## Membership and terms of reference", "## Who we are")

    assert [(f.code, f.path) for f in findings_for(project_dir)] == [("SS301", "src/agreements/safer-fernley.md")]


def test_a_required_section_with_nothing_under_it_is_reported_at_its_heading(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, "Every member organisation has signed this strategy and agreed to align its own plans with it.\n", "<!-- to write -->\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS302", "src/" + STRATEGY, line_of(strategy, "## Shared commitment"), 1)]
    assert findings[0].message == 'the "Shared commitment" section ("Shared commitment") is empty'


def test_a_section_whose_text_is_in_subsections_is_not_empty(project_dir: Path) -> None:
    edit(
        project_dir / STRATEGY,
        "Every member organisation has signed this strategy and agreed to align its own plans with it.\n",
        "### The council\n\nThe council has signed.\n",
    )

    assert findings_for(project_dir) == []


def test_placeholder_text_in_the_body_is_reported_at_its_column(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    edit(strategy, "publishes an update on this site.", "publishes an update on this site TODO.")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS303", "src/" + STRATEGY, line_of(strategy, "TODO"), 89)]
    assert findings[0].message == 'placeholder text "TODO" would be published'


def test_placeholder_text_in_a_yaml_value_is_reported_at_its_column(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "title: Fit door and window locks for older residents", "title: Fit locks for TBC residents")

    assert where(findings_for(project_dir)) == [("SS303", "src/action-plans/2026-27.yml", line_of(plan, "TBC"), 26)]


def test_placeholder_text_in_a_quoted_yaml_value_is_reported_at_its_column(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "title: Fit door and window locks for older residents", 'title: "Fit locks: XXX homes"')

    assert where(findings_for(project_dir)) == [("SS303", "src/action-plans/2026-27.yml", line_of(plan, "XXX"), 24)]


def test_lorem_ipsum_is_found_whatever_its_case(project_dir: Path) -> None:
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "Burglary continued to fall", "Lorem Ipsum dolor. Burglary continued to fall")

    assert [f.code for f in findings_for(project_dir)] == ["SS303"]


def test_a_placeholder_word_in_capitals_is_not_matched_in_ordinary_lower_case_text(project_dir: Path) -> None:
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "Burglary continued to fall", "We have a long todo list. Burglary continued to fall")

    assert findings_for(project_dir) == []


def test_a_placeholder_inside_a_longer_word_is_not_matched(project_dir: Path) -> None:
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "Burglary continued to fall", "TODOS and XXXL are words. Burglary continued to fall")

    assert findings_for(project_dir) == []
