"""Every rule is documented in full and proven by at least one test."""

from __future__ import annotations

import re

import pytest

from strategy_site.catalogue import all_rules
from tests.conftest import REPO

TEST_SOURCES = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "tests").glob("test_*.py"))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_has_a_stable_code_a_name_and_all_four_parts_of_its_documentation(rule) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"SS\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.what and rule.why and rule.example and rule.instead


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_is_asserted_by_a_test(rule) -> None:  # type: ignore[no-untyped-def]
    assert f'"{rule.code}"' in TEST_SOURCES, f"no test asserts {rule.code}"


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in all_rules()]
    assert len(names) == len(set(names))
