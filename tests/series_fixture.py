"""tests/fixtures/series: the minimal partnership with a second renewal area (Riverside), a neighbourhood that is not
one (Hillcrest) and a declared group (housing tenure); its burglary figures are broken down by neighbourhood, for the
renewal areas together and by tenure, compared with England, with a target on the renewal areas' gap from the borough
and a floor for each neighbourhood. The series rules and measures tests each change one thing in a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

INDICATOR = "indicators/burglary-rate.yml"
UPDATE = "progress/2026-11-10-quarter-2.md"
RENEWAL = "neighbourhood-renewal-strategy.md"
GAP_TARGET = """  - value: 19
    by: 2029/30
    kind: local
    series: renewal-areas
    against: headline
    note: Halve the gap between the renewal areas and the borough.
"""
EACH_TARGET = """  - value: 3
    by: 2027/28
    kind: floor
    each: neighbourhood
    against: england
    measure: ratio
    note: No neighbourhood above three times the England rate.
"""
RIVERSIDE = """  - area: riverside
    values:
      - period: 2022/23
        value: 52.4
      - period: 2023/24
        value: 50.1
"""


def copy_series(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture at ./src, with the working directory set so that paths read src/..."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "src"
    shutil.copytree(FIXTURES / "series" / "strategy_src", target)
    return target
