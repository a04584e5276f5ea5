"""A fuzz test: hypothesis mutates the demo partnership's files and runs check, the report and the
render step in process. Never an exception; every finding is placed (path, line >= 1, column >= 1);
the feed, the charts and the XML reports parse; the JSON outputs load.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings, strategies as st

from strategy_site.check import run_checks
from strategy_site.model.project import load_project
from strategy_site.render.site import render_site
from strategy_site.report import ci_formats, data_formats
from strategy_site.report.html import to_html
from strategy_site.report.making import make_report
from strategy_site.report.summary import format_summary
from strategy_site.report.weights import load_weights
from tests.conftest import REPO, TODAY
from tests.test_attack_corpus import PAYLOADS

DEMO = REPO / "strategy_src"
DEMO_FILES = sorted(p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*") if p.is_file())
WEIGHTS = load_weights()
EXAMPLES = 100

VALUES = [
    "1e308", "-1e308", "1e16", "-1e16", "0", "-0", "NaN", ".nan", ".inf", "-.inf", "1e-320", "99999999999999999999999",
    "0001-01-01", "9999-12-31", "2025-02-30", "2025-13-01", "1899-12-31", "2200-01-01",
    "9999", "2025-13", "2025/27", "2025/26 Q5", "2025 Q0", "0000/01", "2025-2024", "2034-2024",
    "~", "null", "''", '""', "[]", "{}", "[[[]]]", "true", "no", "!!python/object:os.system", "&a", "*a", "|", ">", "@x",
    '"\\u0000"', '"\\e"', '"\\u202e"', '"\\x07"', "\x07", "\x00", "\ufeff", "\u202e", "\ud7ff",
    "x" * 10000, "é" * 3000, "# " * 500, "- " * 500,
    *(json.dumps(p) for p in PAYLOADS),
]
LINES = st.integers(min_value=0, max_value=10_000)
MUTATION = st.one_of(
    st.tuples(st.just("delete"), LINES),
    st.tuples(st.just("duplicate"), LINES),
    st.tuples(st.just("swap"), LINES, LINES),
    st.tuples(st.just("value"), LINES, st.one_of(st.sampled_from(VALUES), st.text(max_size=40))),
    st.tuples(st.just("nest"), LINES, st.integers(min_value=1, max_value=400), st.sampled_from(["yaml-list", "yaml-map", "flow", "markdown"])),
    st.tuples(st.just("truncate"), st.integers(min_value=0, max_value=100_000)),
    st.tuples(st.just("bytes"), st.binary(max_size=300)),
)
EXAMPLE = st.tuples(st.sampled_from(DEMO_FILES), st.lists(MUTATION, min_size=1, max_size=4))


def _nesting(kind: str, depth: int) -> str:
    if kind == "yaml-list":
        return "\n".join("  " * i + "- " for i in range(depth)) + "x"
    if kind == "yaml-map":
        return "\n".join("  " * i + f"k{i}:" for i in range(depth)) + " x"
    if kind == "flow":
        return "x: " + "[" * depth + "]" * depth
    return "\n".join("    " * i + "- item" for i in range(depth)) + "\n" + "> " * depth + "quote"


def mutate(data: bytes, mutation: tuple) -> bytes:  # type: ignore[type-arg]
    kind = mutation[0]
    if kind == "truncate":
        return data[: mutation[1] % (len(data) + 1)]
    if kind == "bytes":
        return mutation[1]
    lines = data.decode("utf-8", errors="surrogateescape").split("\n")
    at = mutation[1] % max(len(lines), 1)
    if kind == "delete" and lines:
        del lines[at]
    elif kind == "duplicate" and lines:
        lines.insert(at, lines[at])
    elif kind == "swap" and lines:
        other = mutation[2] % len(lines)
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "value" and lines:
        line = lines[at]
        if ": " in line:
            lines[at] = line[: line.index(": ") + 2] + mutation[2]
        elif line.lstrip().startswith("- "):
            lines[at] = line[: line.index("- ") + 2] + mutation[2]
        else:
            lines[at] = mutation[2]
    elif kind == "nest":
        lines.insert(at, _nesting(mutation[3], mutation[2]))
    return "\n".join(lines).encode("utf-8", errors="surrogateescape")


@pytest.fixture
def demo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_pipeline(root: Path, report_dir: Path) -> None:
    """check -> report -> render, and every report format; the properties asserted on the way."""
    project = load_project(root)
    findings = run_checks(project, TODAY)
    for f in findings:
        assert f.path, f
        assert isinstance(f.line, int) and f.line >= 1, f
        assert isinstance(f.column, int) and f.column >= 1, f
    report = make_report(project, TODAY, WEIGHTS, findings=findings)
    content = render_site(project, REPO / "templates" / "content", "https://example.org/", {}, report)
    for page in content.pages.pages:
        assert content.pages.html(page)  # every template renders on any valid project
    for asset in content.assets:
        if asset.path.endswith((".xml", ".svg")):
            ET.fromstring(asset.content)  # the feed and the charts
        elif asset.path.endswith(".json"):
            json.loads(asset.content)
    json.loads(data_formats.to_json(report))
    data_formats.to_csv(report)
    ET.fromstring(ci_formats.to_junit(report))
    json.loads(ci_formats.to_sarif(report))
    ci_formats.to_github(report)
    format_summary(report)
    to_html(report, REPO / "templates" / "report", report_dir / "report.html")


@seed(20261123)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
          database=None, print_blob=True)
@given(example=EXAMPLE)
def test_mutated_demo_files_never_raise(demo_copy: Path, example: tuple) -> None:  # type: ignore[type-arg]
    name, mutations = example
    root = demo_copy / "strategy_src"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(DEMO, root)
    path = root / name
    data = path.read_bytes()
    for mutation in mutations:
        data = mutate(data, mutation)
    path.write_bytes(data)
    run_pipeline(Path("strategy_src"), demo_copy)


def test_the_unmutated_demo_passes_the_pipeline(demo_copy: Path) -> None:
    shutil.copytree(DEMO, demo_copy / "strategy_src")
    run_pipeline(Path("strategy_src"), demo_copy)
    assert len(DEMO_FILES) >= 25
