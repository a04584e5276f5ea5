"""Cutting a Markdown body into headed sections."""

from __future__ import annotations

from strategy_site.findings import Position
from strategy_site.load.markdown_source import sections, split_front_matter


def test_front_matter_is_split_off_with_the_line_numbers_of_both_parts() -> None:
    front = split_front_matter("---\ntitle: A\n---\n# Heading\n")

    assert (front.text, front.first_line, front.body, front.body_line) == ("title: A\n", 2, "# Heading\n", 4)


def test_a_file_without_front_matter_is_all_body() -> None:
    front = split_front_matter("# Heading\n")

    assert (front.text, front.unclosed, front.body) == (None, False, "# Heading\n")


def test_a_heading_keeps_its_level_title_explicit_id_and_position() -> None:
    [section] = sections("Intro\n\n## Where we want to be {#vision}\n\nText.\n", body_line=10)

    assert (section.level, section.title, section.explicit_id, section.position) == (2, "Where we want to be", "vision", Position(12, 1))


def test_a_section_runs_to_the_next_heading_of_the_same_or_a_higher_level() -> None:
    found = sections("## One\n\nA\n\n### One point one\n\nB\n\n## Two\n\nC\n")

    assert [(s.title, s.text.split()) for s in found] == [
        ("One", ["A", "###", "One", "point", "one", "B"]),
        ("One point one", ["B"]),
        ("Two", ["C"]),
    ]


def test_underlined_headings_are_headings() -> None:
    found = sections("Vision\n======\n\nText.\n\nAction plan\n-----------\n\nMore.\n")

    assert [(s.level, s.title, s.position.line) for s in found] == [(1, "Vision", 1), (2, "Action plan", 6)]


def test_hashes_inside_fenced_code_are_not_headings() -> None:
    found = sections("## Real\n\n```\n## Not a heading\n```\n\n~~~\n# Nor this\n~~~\n")

    assert [s.title for s in found] == ["Real"]


def test_closing_hashes_are_not_part_of_the_title() -> None:
    assert [s.title for s in sections("## Monitoring ##\n")] == ["Monitoring"]


def test_comments_and_blank_lines_do_not_count_as_words() -> None:
    [section] = sections("## Vision\n\n<!-- write this -->\n\n")

    assert section.words == 0
