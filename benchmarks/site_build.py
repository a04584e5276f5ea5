"""How long `python build.py` takes, against plain `mkdocs build` of the same pages.

Usage: python benchmarks/site_build.py [--times 20] [--runs 5]

For the demonstration partnership and for a synthetic one --times its size
(benchmarks/synthetic.py), in one run:

- ``build.py``: check, render and build with strategy-site's plugin and theme;
- plain MkDocs: ``mkdocs build`` of the very pages and files strategy-site renders,
  written out as plain Markdown, with MkDocs' own theme and search;
- the generator's own work: load, check, the completeness report and render, in process;
- the size of one action page, which must not grow with the size of the site.

Each figure is the median of --runs runs, the two builds taking turns. Work
folders go under benchmarks/work/ (ignored by Git). Paste the printed tables
into benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from strategy_site.check import run_checks
from strategy_site.load.history import last_changed
from strategy_site.model.project import load_project
from strategy_site.render.site import render_site
from strategy_site.report.making import make_report
from strategy_site.report.weights import load_weights

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / "work"
TODAY = "2026-11-23"
SAMPLE_PAGE = "actions/HE-01/index.html"
PLAIN_CONFIG = """site_name: Plain MkDocs baseline
docs_dir: docs
site_dir: site
theme:
  name: mkdocs
markdown_extensions: [attr_list, md_in_html, tables, toc]
plugins: [search]
"""

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import generate  # noqa: E402 (a sibling script, not a package)


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def run(command: list[str], cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)


def prepare(name: str, source: Path) -> tuple[Path, Path]:
    """A strategy-site project and a plain MkDocs project of the same pages, under benchmarks/work/NAME."""
    ours, plain = WORK / name / "strategy-site", WORK / name / "plain"
    for folder in (ours, plain):
        if folder.exists():
            shutil.rmtree(folder)
    ours.mkdir(parents=True)
    shutil.copytree(source, ours / "strategy_src")
    shutil.copytree(REPO / "templates", ours / "templates", ignore=shutil.ignore_patterns("node_modules", "theme-src"))
    shutil.copy(REPO / "mkdocs.yml", ours / "mkdocs.yml")
    project = load_project(ours / "strategy_src")
    report = make_report(project, dt.date.fromisoformat(TODAY), load_weights())
    content = render_site(project, REPO / "templates" / "content", "https://example.org/", report=report)
    for item in [*((p.path, p.markdown) for p in content.pages), *((a.path, a.content) for a in content.assets)]:
        target = plain / "docs" / item[0]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item[1], encoding="utf-8")
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return ours, plain


def measure(name: str, source: Path, runs: int) -> dict[str, float | int | str]:
    ours, plain = prepare(name, source)
    ours_times, plain_times = [], []
    for _ in range(runs):
        ours_times.append(timed(lambda: run([sys.executable, str(REPO / "build.py"), "--quiet", "--today", TODAY], ours)))
        plain_times.append(timed(lambda: run([sys.executable, "-m", "mkdocs", "build", "--quiet"], plain)))
    today = dt.date.fromisoformat(TODAY)

    def generator() -> None:
        project = load_project(ours / "strategy_src")
        findings = run_checks(project, today)
        report = make_report(project, today, load_weights(), findings=findings)
        render_site(project, ours / "templates" / "content", "https://example.org/", last_changed(ours / "strategy_src"), report)

    generator_time = statistics.median(timed(generator) for _ in range(runs))
    pages = sum(1 for _ in (ours / "site").rglob("*.html"))
    return {
        "name": name,
        "files": sum(1 for p in source.rglob("*") if p.is_file()),
        "pages": pages,
        "ours": statistics.median(ours_times),
        "plain": statistics.median(plain_times),
        "generator": generator_time,
        "sample_ours": (ours / "site" / SAMPLE_PAGE).stat().st_size,
        "sample_plain": (plain / "site" / SAMPLE_PAGE).stat().st_size,
        "largest_ours": max(p.stat().st_size for p in (ours / "site" / "actions").rglob("*.html")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    synthetic = WORK / "synthetic-src"
    generate(REPO / "strategy_src", synthetic, args.times)
    rows = [measure("demo", REPO / "strategy_src", args.runs), measure(f"{args.times}x demo", synthetic, args.runs)]
    print("| partnership | source files | pages | build.py | plain mkdocs build | generator (load, check, report, render) | share of build.py |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['name']} | {r['files']} | {r['pages']} | {r['ours']:.2f} s | {r['plain']:.2f} s "
            f"| {r['generator']:.2f} s | {100 * float(r['generator']) / float(r['ours']):.0f}% |"
        )
    print(f"\n| partnership | `{SAMPLE_PAGE}` with strategy-site | the same page, plain MkDocs | largest action page, strategy-site |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['name']} | {r['sample_ours']:,} bytes | {r['sample_plain']:,} bytes | {r['largest_ours']:,} bytes |")
    print(f"\nMedians of {args.runs} runs. Python {platform.python_version()} on {platform.machine()}, {platform.system()}.")


if __name__ == "__main__":
    main()
