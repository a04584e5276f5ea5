"""The weights file weighs every declared measure and gives every threshold, and nothing else.

A key that is misspelt, unknown or missing is one plain line saying where it is, what is wrong and how to
fix it: never a measure silently weighed at 0, and never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from strategy_site.cli import main
from strategy_site.model.documents import Frequency
from strategy_site.report.measures import AREAS, MEASURES, measures_of
from strategy_site.report.thresholds import FigureAge
from strategy_site.report.weights import DEFAULT_WEIGHTS, load_weights
from tests.conftest import line_of

REPORT = ["report", "src", "--today", "2026-11-23"]


def weights_file(tmp_path: Path, old: str, new: str) -> Path:
    """The default weights file with ``old`` changed to ``new``."""
    text = DEFAULT_WEIGHTS.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "weights.yml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def refused(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main([*REPORT, "--weights", str(path)]) == 2
    return capsys.readouterr().err


def test_the_default_file_weighs_every_declared_measure_in_its_order() -> None:
    weights = load_weights().weights
    assert list(weights) == list(AREAS)
    for area, measures in weights.items():
        assert list(measures) == [measure.key for measure in measures_of(area)]
    assert len({(m.area, m.key) for m in MEASURES}) == len(MEASURES)


def test_the_figure_ages_cover_every_reporting_frequency() -> None:
    assert [field.alias or name for name, field in FigureAge.model_fields.items()] == list(get_args(Frequency))


def test_a_misspelt_measure_is_reported_at_its_line_not_weighed_at_0(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = weights_file(tmp_path, "    lead-spread: 2", "    lead-spred: 2")

    assert refused(path, capsys) == (
        f'strategy-site: {path}:{line_of(path, "lead-spred")}:5: there is no partnership measure "lead-spred"; '
        'did you mean "lead-spread"? Use one of: sectors, lead-spread, partners-involved, agreements-signed\n')


def test_a_measure_left_out_is_reported_at_its_area(project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = weights_file(tmp_path, "    milestones: 1\n", "")

    assert refused(path, capsys) == (
        f'strategy-site: {path}:{line_of(path, "  action:")}:3: the action measure "milestones" is missing; '
        'add "milestones: <weight>" under "action"\n')


def test_a_weight_that_is_not_a_number_says_what_to_write(project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = weights_file(tmp_path, "    due-date: 3", "    due-date: -3")

    assert refused(path, capsys) == (
        f'strategy-site: {path}:{line_of(path, "due-date")}:15: the weight of the action measure "due-date" is -3; '
        "write a number of 0 or more (0 leaves the measure out of the scores)\n")


def test_a_misspelt_threshold_is_reported_with_the_spelling_it_needs(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = weights_file(tmp_path, "  substantive-words: 25", "  substantive-word: 25")

    assert refused(path, capsys).startswith(
        f'strategy-site: {path}:{line_of(path, "substantive-word")}:3: there is no threshold "substantive-word"; '
        'did you mean "substantive-words"? Use one of: substantive-words, definition-words, ')


def test_a_threshold_left_out_is_reported_with_what_it_decides(project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = weights_file(tmp_path, "    monthly: 4\n", "")

    assert refused(path, capsys) == (
        f'strategy-site: {path}:{line_of(path, "figure-age-months:")}:3: the threshold "monthly" is missing; add "monthly:" under '
        '"figure-age-months": how many months after its period a monthly figure counts as up to date\n')


@pytest.mark.parametrize("old,new,wrong", [
    ("  lead-share: 0.35", "  lead-share: 1.5", 'the threshold "lead-share" is 1.5, but it should be less than or equal to 1; '
     "lead-share: the largest share of the actions one organisation may lead"),
    ("  substantive-words: 25", "  substantive-words: true", 'the threshold "substantive-words" is true, but it should be a whole number; '
     "substantive-words: a required section shorter than this many words is a stub"),
])
def test_a_threshold_out_of_range_says_what_it_should_be(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, wrong: str
) -> None:
    path = weights_file(tmp_path, old, new)

    assert refused(path, capsys) == f"strategy-site: {path}:{line_of(path, new.strip())}:{new.index(':') + 3}: {wrong}\n"


@pytest.mark.parametrize("old,new", [
    ("weights:\n", "weight:\n"),
    ("  partnership:\n", "  partnerships:\n"),
    ("  partly-met-from:\n", "  partly-met-from: 0.5\n  other:\n"),
    ("  lead-share: 0.35", "  lead-share: 0.35\n  lead-share: 0.4"),
    ("thresholds:\n", "thresholds: [\n"),
])
def test_every_mistake_is_one_plain_line_with_its_place(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str
) -> None:
    path = weights_file(tmp_path, old, new)

    error = refused(path, capsys)
    assert error.startswith(f"strategy-site: {path}:") and error.count("\n") == 1 and "Traceback" not in error
