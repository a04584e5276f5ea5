"""Raw HTML the site would remove (SS304): officers hear about it before they publish."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import append, findings_for, line_of, where

STRATEGY = "community-strategy.md"


def test_an_embedded_iframe_is_reported_where_it_starts(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    append(strategy, 'See the map: <iframe src="https://maps.example/fernley"></iframe>')

    findings = findings_for(project_dir)

    assert where(findings) == [("SS304", "src/" + STRATEGY, line_of(strategy, "<iframe"), 14)]
    assert findings[0].message == "the site removes the <iframe> tag from the page"


def test_a_script_is_reported_as_removed_with_its_content(project_dir: Path) -> None:
    append(project_dir / STRATEGY, "<script>alert('hello')</script>")
    [finding] = findings_for(project_dir)
    assert (finding.code, finding.message) == ("SS304", "the site removes the <script> tag and everything inside it from the page")


def test_an_event_handler_on_an_allowed_tag_is_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, '<abbr title="Local Strategic Partnership" onmouseover="track()">LSP</abbr>')
    [finding] = findings_for(project_dir)
    assert (finding.code, finding.message) == ("SS304", 'the site removes the event handler "onmouseover=" from <abbr>')


def test_a_javascript_link_in_markdown_is_reported_at_its_address(project_dir: Path) -> None:
    strategy = project_dir / STRATEGY
    append(strategy, "[Report a problem](javascript:openForm())")
    findings = findings_for(project_dir)
    assert where(findings) == [("SS304", "src/" + STRATEGY, line_of(strategy, "[Report a problem]"), 20)]
    assert findings[0].message == 'the site drops links to "javascript:" addresses'


def test_a_javascript_link_in_a_yaml_description_is_reported(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    text = plan.read_text(encoding="utf-8").replace(
        "    title: Fit door and window locks for older residents\n",
        "    title: Fit door and window locks for older residents\n    description: '[Apply](javascript:apply())'\n",
    )
    plan.write_text(text, encoding="utf-8")
    assert where(findings_for(project_dir)) == [("SS304", "src/action-plans/2026-27.yml", 7, 27)]  # at the "j"


def test_html_the_site_keeps_and_code_examples_are_not_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, 'CO<sub>2</sub>, <abbr title="Neighbourhood Renewal Fund">NRF</abbr>, '
           '[email us](mailto:lsp@fernley.example), and `<script>` shown as code.\n\n```html\n<iframe></iframe>\n```')
    assert findings_for(project_dir) == []


def test_the_markdown_switch_of_an_html_block_is_not_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, '<div class="app-note" markdown="1">\n\n**Note.** Figures are provisional.\n\n</div>')

    assert findings_for(project_dir) == []


def test_an_entity_encoded_javascript_link_is_reported(project_dir: Path) -> None:
    append(project_dir / STRATEGY, "[Report a problem](&#106;avascript:openForm())")
    [finding] = findings_for(project_dir)
    assert (finding.code, finding.message) == ("SS304", 'the site drops links to "javascript:" addresses')


@pytest.mark.parametrize("link", [
    "[m3](javascript&colon;alert(1))", "[m5](<javascript:alert(1)>)", "[r1][ref1]\n\n[ref1]: javascript:alert(1)",
    '<a href="java&#x09;script:alert(1)">x</a>', "[x](  javascript:alert(1))",
])
def test_every_form_of_javascript_link_is_reported(project_dir: Path, link: str) -> None:
    append(project_dir / STRATEGY, link)
    [finding] = findings_for(project_dir)
    assert finding.code == "SS304" and "javascript:" in finding.message
