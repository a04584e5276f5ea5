"""Whatever the files contain, checking ends in findings or success, never an exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from strategy_site.findings import Finding
from tests.conftest import FIXTURES, findings_for

FILES = ["partnership.yml", "community-strategy.md", "action-plans/2026-27.yml", "indicators/burglary-rate.yml", "progress/2026-11-10-quarter-2.md"]
YAML_ALPHABET = st.sampled_from(list(" \n\t:-[]{},#&*!|>'\"%@`?~0123456789.aeiouxyzTFn") + ["true", "null", "2026-02-30", "---", "\n  ", "id: ", "- "])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_with(name: str, content: bytes) -> list[Finding]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "src"
        shutil.copytree(FIXTURES / "minimal", root)
        (root / name).write_bytes(content)
        return findings_for(root)


@SETTINGS
@given(name=st.sampled_from(FILES), content=st.binary(max_size=400))
def test_arbitrary_bytes_give_findings_not_exceptions(name: str, content: bytes) -> None:
    assert all(isinstance(finding, Finding) for finding in check_with(name, content))


@SETTINGS
@given(name=st.sampled_from(FILES), content=st.text(max_size=300))
def test_arbitrary_text_gives_findings_not_exceptions(name: str, content: str) -> None:
    assert all(isinstance(finding, Finding) for finding in check_with(name, content.encode("utf-8", "surrogatepass")))


@SETTINGS
@given(name=st.sampled_from(FILES), pieces=st.lists(YAML_ALPHABET, max_size=80))
def test_yaml_like_noise_gives_findings_not_exceptions(name: str, pieces: list[str]) -> None:
    assert all(isinstance(finding, Finding) for finding in check_with(name, "".join(pieces).encode()))


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.data())
def test_a_valid_file_cut_short_anywhere_gives_findings_not_exceptions(name: str, data: st.DataObject) -> None:
    original = (FIXTURES / "minimal" / name).read_bytes()
    cut = data.draw(st.integers(min_value=0, max_value=len(original)))

    assert all(isinstance(finding, Finding) for finding in check_with(name, original[:cut]))


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.data())
def test_a_valid_file_with_a_line_removed_gives_findings_not_exceptions(name: str, data: st.DataObject) -> None:
    lines = (FIXTURES / "minimal" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    gone = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))

    assert all(isinstance(finding, Finding) for finding in check_with(name, "".join(lines[:gone] + lines[gone + 1 :]).encode()))


@pytest.mark.parametrize("name", FILES)
def test_every_prefix_of_each_fixture_file_line_by_line_gives_findings_not_exceptions(name: str) -> None:
    lines = (FIXTURES / "minimal" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    for end in range(len(lines)):
        assert all(isinstance(finding, Finding) for finding in check_with(name, "".join(lines[:end]).encode()))
