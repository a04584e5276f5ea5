"""Work in a forked copy of the process: a large partnership's files are parsed in two halves at once, and the
check finds exactly what it finds reading them one after the other."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from strategy_site.forked import Copy
from tests.conftest import edit

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="work is forked only on Linux")


def test_the_copy_sends_back_what_the_work_returns() -> None:
    copy = Copy(lambda: {"files": ["partnership.yml", "indicators/burglary-rate.yml"], "lines": (12, 40)})

    assert copy.result() == {"files": ["partnership.yml", "indicators/burglary-rate.yml"], "lines": (12, 40)}


def test_work_that_fails_in_the_copy_gives_nothing_so_the_caller_does_it_again() -> None:
    def work() -> list[str]:
        raise OSError("disk full")

    assert Copy(work).result() is None


# Checks the partnership in the folder given, parsing it in two halves from `threshold` documents on.
CHECK = """
import sys
import strategy_site.load.files as files
files.PARSE_IN_TWO_FROM = int(sys.argv[1])
from strategy_site.cli import main
sys.exit(main(["check", sys.argv[2], "--format", "json", "--today", "2026-12-01"]))
"""


def checked(threshold: int, folder: Path) -> Any:
    run = subprocess.run([sys.executable, "-c", CHECK, str(threshold), str(folder)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    return json.loads(run.stdout)


def test_a_partnership_parsed_in_two_halves_has_the_same_findings_as_one_read_in_order(project_dir: Path) -> None:
    edit(project_dir / "partnership.yml", "name: Fernley Partnership", "name: [Fernley")  # a syntax error, early in the list
    edit(project_dir / "indicators/burglary-rate.yml", "better: lower", "better: downwards")  # a wrong word, late in it

    in_two, in_order = checked(0, project_dir), checked(10**9, project_dir)

    assert {finding["code"] for finding in in_two["findings"]} >= {"SS002", "SS203"}
    assert in_two == in_order
