"""How long `strategy-site check` takes on a source folder.

Usage: python benchmarks/check_timing.py [PATH] [--runs N]

Reports medians over N runs of two measurements: the whole command as a new
process (what an officer waits for, Python start-up and imports included), and
load + check inside one process (the work itself). Paste the printed table
into benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from strategy_site.check import run_checks
from strategy_site.model.project import load_project


def median_seconds(runs: int, work, before=lambda: None) -> float:  # type: ignore[no-untyped-def]
    """The median time of ``work`` over ``runs`` runs; ``before`` runs untimed ahead of each (to set up afresh)."""
    timings = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=Path("strategy_src"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    command = [sys.executable, "-m", "strategy_site", "check", str(args.path)]
    whole = median_seconds(args.runs, lambda: subprocess.run(command, capture_output=True, check=False))
    work = median_seconds(args.runs, lambda: run_checks(load_project(args.path)))
    project = load_project(args.path)
    print(f"| source | files | actions | indicators | whole command (median of {args.runs}) | load + check in process |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| {args.path} | {project.files_seen} | {len(project.actions)} | {len(project.indicators)} "
        f"| {whole * 1000:.0f} ms | {work * 1000:.0f} ms |"
    )
    print(f"\nPython {platform.python_version()} on {platform.machine()}, {platform.system()}.")


if __name__ == "__main__":
    main()
