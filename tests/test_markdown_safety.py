"""Markdown the site cannot publish as written (SS305-SS307) and pages that would replace each other (SS109)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from strategy_site.render.sanitise import sanitise
from tests.conftest import action_entry, append, edit, findings_for, line_of, where

STRATEGY = "community-strategy.md"
PLAN = "action-plans/2026-27.yml"
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "strategy_site.render.safe_attributes"]


def test_an_id_that_breaks_out_of_its_quotes_is_reported_where_the_braces_start(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    append(strategy, "### Zebra {: id='z\" autofocus onfocus=\"alert(1)' }")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS305", "src/" + STRATEGY, line_of(strategy, "### Zebra"), 11)]
    assert findings[0].message == (
        "the id 'z\" autofocus onfocus=\"alert(1)' uses characters other than letters, digits, '-' and '_', so the site drops it")


def test_a_class_with_markup_is_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, 'A paragraph.\n{: .note .x"><svg }')

    assert [f.message for f in findings_for(project_dir)] == [
        "the class 'x\"><svg' uses characters other than letters, digits, '-' and '_', so the site drops it"]


def test_safe_ids_and_classes_and_braces_in_prose_are_not_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, "### Zebra crossings {: #zebra-crossings .app-note }\n\nWe spent {about} £3,000 {id} {class}.")

    assert findings_for(project_dir) == []


def test_an_unsafe_id_is_dropped_from_the_page_and_the_heading_gets_a_safe_one() -> None:
    html = markdown.markdown("### Zebra {: id='z\" autofocus onfocus=\"alert(1)' .ok .x\"y }", extensions=EXTENSIONS)

    assert html == '<h3 class="ok" id="zebra">Zebra</h3>'


def test_the_sanitiser_drops_unsafe_ids_and_classes_in_raw_html_too() -> None:
    assert sanitise('<h2 id="a&quot; onfocus=&quot;x" class="ok x&quot;y">Hi</h2>') == '<h2 class="ok">Hi</h2>'


def test_lists_nested_deeper_than_the_site_can_publish_are_reported_once(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    append(strategy, "".join("    " * depth + f"- level {depth}\n" for depth in range(500)))

    findings = findings_for(project_dir)

    assert where(findings) == [("SS306", "src/" + STRATEGY, line_of(strategy, "- level 21"), 1)]
    assert findings[0].message == "lists, quotes or HTML blocks are nested 21 levels deep here, more than the 20 the site can publish"


def test_list_markers_on_one_line_count_as_nesting(project_dir: Path) -> None:
    append(project_dir / STRATEGY, "- " * 500 + "deep")

    assert [f.code for f in findings_for(project_dir)] == ["SS306"]


def test_html_blocks_nested_deeply_are_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, '<div markdown="1">\n\n' * 500 + "x\n" + "\n</div>\n" * 500)

    assert [f.code for f in findings_for(project_dir)] == ["SS306"]


def test_a_long_run_of_backticks_or_a_comment_in_braces_is_not_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, "`" * 10_000 + "\n\n    \n\nText {# a note #} here.")

    assert findings_for(project_dir) == []


def test_ordinary_nesting_is_not_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY,
           "- one\n    - two\n        - three\n\n> quoted\n> > twice\n\n<div><p>x</p></div>\n\n" + "<abbr title=\"x\">Unclosed\n\n" * 30)

    assert findings_for(project_dir) == []


def test_a_document_with_thousands_of_headings_is_reported_at_the_first_one_over(project_dir: Path) -> None:
    update = project_dir / "progress/2026-11-10-quarter-2.md"
    already = update.read_text(encoding="utf-8").count("\n#")
    append(update, "".join(f"## Row {n}\n\n" for n in range(1, 1201)))

    findings = findings_for(project_dir)

    first_over = line_of(update, f"## Row {1001 - already}")
    assert where(findings) == [("SS307", "src/progress/2026-11-10-quarter-2.md", first_over, 1)]
    assert findings[0].message == f"the document has {1200 + already:,} headings, more than the 1,000 the site can publish"


def test_an_action_with_the_id_index_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    plan.write_text(plan.read_text(encoding="utf-8") + action_entry("index"), encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS109", "src/" + PLAN, line_of(plan, "id: index"), 9)]
    assert findings[0].message == 'the action id "index" is the address of a list page, so its page would replace it'


def test_a_document_named_index_is_reported(project_dir: Path) -> None:
    (project_dir / PLAN).rename(project_dir / "action-plans/index.yml")

    assert where(findings_for(project_dir)) == [("SS109", "src/action-plans/index.yml", 1, 1)]


def test_two_documents_that_would_share_a_page_are_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    (project_dir / "action-plans/2026-27.yaml").write_text(plan.read_text(encoding="utf-8").replace("SF-01", "SF-09"), encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS109", "src/action-plans/2026-27.yml", 1, 1)]
    assert findings[0].message == "this document and src/action-plans/2026-27.yaml would be published as the same page"


def test_the_demo_has_none_of_these_problems() -> None:
    from tests.conftest import REPO

    assert [f for f in findings_for(REPO / "strategy_src") if f.code in {"SS109", "SS305", "SS306", "SS307"}] == []


def test_an_unsafe_id_in_a_yaml_description_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    activity: new\n", "    activity: new\n    description: 'Fitting {: #x\"y }'\n")

    assert [f.code for f in findings_for(project_dir)] == ["SS305"]


def test_an_event_handler_given_in_braces_is_reported_as_removed(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    append(strategy, '### Crossing {: onclick="alert(12)" }')

    findings = findings_for(project_dir)

    assert where(findings) == [("SS304", "src/" + STRATEGY, line_of(strategy, "### Crossing"), 14)]
    assert findings[0].message == 'the site removes the event handler "onclick=" from what the braces apply to'


@pytest.mark.parametrize("tag", ["div", "script", "iframe", "textarea", "plaintext"])
def test_an_html_element_left_open_is_reported_where_it_opens(project_dir: Path, tag: str) -> None:
    strategy = project_dir / STRATEGY
    append(strategy, f"Before.\n\n<{tag}>\n\n## After\n\nText.")

    findings = [f for f in findings_for(project_dir) if f.code == "SS308"]

    assert where(findings) == [("SS308", "src/" + STRATEGY, line_of(strategy, f"<{tag}>"), 1)]
    assert findings[0].message == f"<{tag}> is opened here and never closed, so the rest of the document would not appear as written"


def test_html_elements_that_are_closed_are_not_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, '<div class="app-note" markdown="1">\n\n<div>inner</div>\n\n**Note.**\n\n</div>\n\n`<div>` in code')

    assert findings_for(project_dir) == []


def test_a_paragraph_with_hundreds_of_brackets_is_reported(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    append(strategy, "References: " + "[" * 600)

    findings = findings_for(project_dir)

    assert where(findings) == [("SS309", "src/" + STRATEGY, line_of(strategy, "References: "), 1)]
    assert findings[0].message == "this paragraph holds 600 '[' characters, more than the 500 the site can convert quickly"


@pytest.mark.parametrize("tag", ["p", "ul", "object", "template"])
def test_block_elements_left_open_are_reported_too(project_dir: Path, tag: str) -> None:
    append(project_dir / STRATEGY, f"<{tag}>\n\n## Tail heading\n\nTail text.")

    assert "SS308" in [f.code for f in findings_for(project_dir)]


def test_a_neighbourhood_with_the_id_index_is_reported(project_dir: Path) -> None:
    partnership = project_dir / "partnership.yml"
    edit(partnership, "  - id: brookside\n", "  - id: index\n    name: Index Estate\n  - id: brookside\n")

    findings = [f for f in findings_for(project_dir) if f.code == "SS109"]

    assert where(findings) == [("SS109", "src/partnership.yml", line_of(partnership, "id: index"), 9)]
    assert findings[0].message == 'the neighbourhood id "index" is the address of a list page, so its page would replace it'
