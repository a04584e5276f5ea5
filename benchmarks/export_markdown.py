"""Write a partnership's pages as Markdown, as strategy-site rendered them at commit 5dd170e.

Usage: python benchmarks/export_markdown.py PROJECT OUT [--today YYYY-MM-DD]

Run it with the Python of a virtual environment that has strategy-site 5dd170e installed (site_build.py
makes one): that version's ``render_site`` still produced Markdown pages, with JSON front matter, which
is the corpus the other site generators build. PROJECT holds ``strategy_src/`` in a Git repository, so
pages carry the same "last changed" dates as strategy-site's own build. OUT gets ``pages/`` (the
Markdown pages) and ``assets/`` (charts, open data, the feed and the copies of the sources).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from pathlib import Path

from strategy_site.check import run_checks
from strategy_site.load.history import last_changed
from strategy_site.model.project import load_project
from strategy_site.render.site import render_site
from strategy_site.report.making import make_report
from strategy_site.report.weights import load_weights
from strategy_site.shipped import search_path

SITE_URL = "https://example.org/"


def export(project_dir: Path, out: Path, today: dt.date) -> None:
    """Render the site as strategy-site's MkDocs plugin did at 5dd170e and write its files under ``out``."""
    source = project_dir / "strategy_src"
    project = load_project(source)
    report = make_report(project, today, load_weights(), findings=run_checks(project, today))
    content = render_site(project, search_path("content"), SITE_URL, last_changed(source), report)
    if out.exists():
        shutil.rmtree(out)
    for folder, items in (("pages", [(p.path, p.markdown) for p in content.pages]), ("assets", [(a.path, a.content) for a in content.assets])):
        for path, text in items:
            target = out / folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args()
    export(args.project, args.out, args.today)


if __name__ == "__main__":
    main()
