"""Every requirement of the sources is traced: quoted word for word, tested by a rule or a measure that exists, or
left to the reviewer with a reason; and docs/traceability.md is the page made from those declarations."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.cli import main
from strategy_site.traceability import SOURCES, TraceabilityProblem, check_references, load_traceability, read_declarations
from strategy_site.traceability_page import proving_test, traceability_markdown, written_tests
from tests.conftest import REPO

SOURCE_TEXTS = REPO / "docs" / "sources"


def words(text: str) -> str:
    """The text with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    return {key: words((SOURCE_TEXTS / source.file).read_text(encoding="utf-8")) for key, source in SOURCES.items()}


@pytest.mark.parametrize("entry", load_traceability(), ids=lambda entry: entry.id)
def test_every_quote_is_word_for_word_in_its_source(entry, sources: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert words(entry.quote) in sources[entry.source], f"{entry.id}: the quote is not in {SOURCES[entry.source].file}"


def test_the_declarations_trace_both_sources_and_every_paragraph_the_issue_names() -> None:
    traced = {(entry.source, entry.paragraph) for entry in load_traceability()}

    assert {("guidance", p) for p in ("9", "1.1", "1.20", "2.6", "Box 2", "3.4", "4.5", "4.6", "4.11", "4.19", "Annex C")} <= traced
    assert {("evaluation", p) for p in ("2.1", "2.2", "2.4.1", "2.4.3", "2.4.4", "2.4.6", "3.1", "3.2.6", "3.4",
                                         "Box 1.4", "Box 2.2", "Box 2.8")} <= traced


def test_every_rule_and_measure_that_is_traced_is_proved_by_a_test() -> None:
    functions = written_tests(REPO / "tests")
    unproved = [entry.id for entry in load_traceability() if entry.outcome != "reviewer" and proving_test(entry, functions) is None]

    assert unproved == []


def test_what_is_left_to_the_reviewer_says_why() -> None:
    for entry in load_traceability():
        if entry.outcome == "reviewer":
            assert len(entry.value.split()) >= 8, f"{entry.id}: say why the documents cannot settle it"


def test_the_traceability_page_is_generated_from_the_declarations_and_the_tests() -> None:
    committed = (REPO / "docs" / "traceability.md").read_text(encoding="utf-8")

    assert committed == traceability_markdown(load_traceability(), REPO / "tests"), "run: strategy-site traceability > docs/traceability.md"


def test_the_command_prints_the_page(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)

    assert main(["traceability"]) == 0
    assert capsys.readouterr().out == (REPO / "docs" / "traceability.md").read_text(encoding="utf-8")


# --- a declaration cannot claim what does not exist -------------------------------------------------------------

ENTRY = """entries:
- id: G-9
  source: guidance
  paragraph: '9'
  quote: each LSP's core membership needs to include
  requirement: The board includes every sector.
"""


def declarations(tmp_path: Path, outcome: str) -> Path:
    path = tmp_path / "traceability.yml"
    path.write_text(ENTRY + outcome, encoding="utf-8")
    return path


@pytest.mark.parametrize("outcome,problem", [
    ("", "entry G-9: needs exactly one outcome (rule, measure or reviewer), has 0"),
    ("  rule: SS406\n  reviewer: the board is not in the documents\n", "entry G-9: needs exactly one outcome (rule, measure or reviewer), has 2"),
    ("  rules: SS406\n", "entry G-9: unknown field rules"),
])
def test_an_entry_needs_exactly_one_outcome(tmp_path: Path, outcome: str, problem: str) -> None:
    with pytest.raises(TraceabilityProblem) as refused:
        read_declarations(declarations(tmp_path, outcome))

    assert str(refused.value) == problem


def test_a_rule_that_is_not_in_the_catalogue_is_refused(tmp_path: Path) -> None:
    entries = read_declarations(declarations(tmp_path, "  rule: SS999\n"))

    with pytest.raises(TraceabilityProblem, match=r"^entry G-9: there is no rule SS999 \(see strategy-site rules\)$"):
        check_references(entries)


def test_a_measure_that_is_not_in_the_weights_is_refused(tmp_path: Path) -> None:
    entries = read_declarations(declarations(tmp_path, "  measure: partnership.board-sectors\n"))

    with pytest.raises(TraceabilityProblem, match=r"^entry G-9: there is no measure partnership.board-sectors in weights.yml; use one of: "):
        check_references(entries)
