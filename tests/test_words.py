"""The words messages and pages build sentences from: names of officers' things inside a sentence, and lists."""

from __future__ import annotations

from strategy_site.words import listed, mid_sentence


def test_a_group_name_reads_in_small_letters_inside_a_sentence() -> None:
    assert mid_sentence("Housing tenure") == "housing tenure"


def test_an_acronym_keeps_its_capitals_inside_a_sentence() -> None:
    assert mid_sentence("LGBT+ identity") == "LGBT+ identity"
    assert mid_sentence("Free school meals (FSM)") == "free school meals (FSM)"


def test_a_short_list_is_named_in_full() -> None:
    assert listed(["public", "private", "voluntary"], "or") == "public, private or voluntary"


def test_a_list_longer_than_twelve_names_eleven_and_counts_the_rest() -> None:
    assert listed([str(number) for number in range(1, 2001)]) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 1,989 others"
