"""strategy-site serve: a live preview that rebuilds when a source or a template changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from strategy_site.site.serve import banner
from tests.conftest import edit

HOSTILE_LEAD = '"<script>alert(1)</script>"'
ESCAPED_FINDING = (
    "strategy_src/action-plans/2026-27.yml:8:11: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; "
    "is not a valid id for &quot;lead&quot;"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_where(url: str, wanted: Callable[[str], bool], what: str, seconds: float = 30) -> str:
    """The page at ``url`` once ``wanted`` holds for it; the test fails if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
            if wanted(text):
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {what} within {seconds} s")


def page_when(url: str, wanted: str, seconds: float = 30) -> str:
    """The page at ``url`` once it contains ``wanted``; the test fails if it never does."""
    return page_where(url, lambda text: wanted in text, repr(wanted), seconds)


def status(url: str) -> int:
    """The status of ``url``, which must answer within 5 s: a stuck server fails the test."""
    with urllib.request.urlopen(url, timeout=5) as response:
        return int(response.status)


def stop(server: subprocess.Popen[str]) -> int:
    """Stop the server as Ctrl-C does; its exit status."""
    server.send_signal(signal.SIGINT)
    try:
        return server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)
        raise


@pytest.fixture
def start_server(site_project: Path) -> Iterator[Callable[[int], subprocess.Popen[str]]]:
    """Start `strategy-site serve` in the project on a port; every server started is stopped afterwards."""
    servers: list[subprocess.Popen[str]] = []
    temporary = site_project / "tmp"  # where the server keeps the site it serves
    temporary.mkdir()

    def start(port: int) -> subprocess.Popen[str]:
        servers.append(subprocess.Popen(
            [sys.executable, "-m", "strategy_site", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site_project, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "TMPDIR": str(temporary)},
        ))
        return servers[-1]

    yield start
    for server in servers:
        if server.poll() is None:
            stop(server)


@pytest.fixture
def preview(start_server: Callable[[int], subprocess.Popen[str]]) -> str:
    port = free_port()
    start_server(port)
    return f"http://127.0.0.1:{port}/"


def test_serve_shows_the_site(preview: str) -> None:
    page_when(preview, "<title>Fernley Partnership</title>")


def test_serve_rebuilds_when_a_source_file_changes(site_project: Path, preview: str) -> None:
    page_when(preview, "Fernley Partnership")
    edit(site_project / "strategy_src/partnership.yml", "name: Fernley Partnership", "name: Fernley Together")
    page_when(preview, "<title>Fernley Together</title>")


def test_serve_rebuilds_when_a_page_template_changes(site_project: Path, preview: str) -> None:
    page_when(preview, "Progress at a glance")
    edit(site_project / "templates/content/home.html.j2", "m.h2(\"Progress at a glance\")", "m.h2(\"Progress so far\")")
    page_when(preview, "Progress so far")


def test_serve_answers_pages_and_static_assets(preview: str) -> None:
    page_when(preview + "action-plans/2026-27/", "Fit door and window locks for older residents")
    assert status(preview + "action-plans/2026-27/") == 200
    assert status(preview + "assets/app.css") == 200


def test_while_a_source_has_an_error_serve_keeps_the_last_good_site_with_the_findings_on_top(
    site_project: Path, preview: str
) -> None:
    page = preview + "action-plans/2026-27/"
    page_when(page, "Fit door and window locks for older residents")
    edit(site_project / "strategy_src/action-plans/2026-27.yml", "lead: police", f"lead: {HOSTILE_LEAD}")

    text = page_when(page, "Preview not updated")

    assert status(page) == 200
    assert status(preview + "assets/app.css") == 200
    assert "Fit door and window locks for older residents" in text
    body = text[text.index("<body"):]
    assert body.index('role="alert"') < body.index("Fit door and window locks")
    assert f"<li>{ESCAPED_FINDING}" in text
    assert "<script>alert(1)" not in text


def test_the_banner_goes_when_the_error_is_fixed(site_project: Path, preview: str) -> None:
    source = site_project / "strategy_src/action-plans/2026-27.yml"
    page_when(preview, "Fernley Partnership")
    edit(source, "lead: police", f"lead: {HOSTILE_LEAD}")
    page_when(preview, "Preview not updated")

    edit(source, f"lead: {HOSTILE_LEAD}", "lead: police")

    text = page_where(preview, lambda text: "Preview not updated" not in text, "no banner")
    assert 'role="alert"' not in text
    assert "<title>Fernley Partnership</title>" in text


def test_serve_with_errors_from_the_start_says_the_site_cannot_be_previewed_yet(
    site_project: Path, start_server: Callable[[int], subprocess.Popen[str]]
) -> None:
    edit(site_project / "strategy_src/action-plans/2026-27.yml", "lead: police", f"lead: {HOSTILE_LEAD}")
    port = free_port()
    start_server(port)
    home = f"http://127.0.0.1:{port}/"

    text = page_when(home, "The site cannot be previewed yet")

    assert f"<li>{ESCAPED_FINDING}" in text
    assert status(home) == 200
    edit(site_project / "strategy_src/action-plans/2026-27.yml", f"lead: {HOSTILE_LEAD}", "lead: police")
    page_when(home, "<title>Fernley Partnership</title>")


def test_ctrl_c_stops_serve_with_status_0_and_removes_its_temporary_site(
    site_project: Path, start_server: Callable[[int], subprocess.Popen[str]]
) -> None:
    port = free_port()
    server = start_server(port)
    page_when(f"http://127.0.0.1:{port}/", "Fernley Partnership")

    assert stop(server) == 0
    assert list((site_project / "tmp").iterdir()) == []


def test_serve_on_an_address_in_use_says_so_and_exits_with_2(
    start_server: Callable[[int], subprocess.Popen[str]]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = start_server(port)
        out, _ = server.communicate(timeout=60)

    assert server.returncode == 2
    assert (
        f"strategy-site serve: cannot listen on 127.0.0.1:{port}: Address already in use. Choose another with --dev-addr.\n"
    ) in out


def test_the_banner_lists_twenty_problems_and_counts_the_rest() -> None:
    html = banner([f"strategy_src/partnership.yml:{n}:1: problem {n}" for n in range(1, 26)]).decode()

    assert html.count("<li>") == 21
    assert "<li>strategy_src/partnership.yml:20:1: problem 20</li>" in html
    assert "problem 21" not in html
    assert "<li>and 5 more</li>" in html
    assert "because of 25 problems:" in html


def test_no_problems_no_banner() -> None:
    assert banner([]) == b""


def served_site(site_project: Path) -> Path:
    """The folder the running preview serves (it lives in the TMPDIR the server was started with)."""
    return next((site_project / "tmp").glob("strategy_site_*/site"))


def test_an_edit_to_an_action_plan_rewrites_only_the_pages_that_read_it(site_project: Path, preview: str) -> None:
    page_when(preview + "actions/SF-01/", "Fit door and window locks for older residents")
    site = served_site(site_project)
    unrelated = site / "agreements/safer-fernley/index.html"  # an agreement does not read the action plans
    written = unrelated.stat().st_mtime_ns

    edit(site_project / "strategy_src/action-plans/2026-27.yml", "for older residents", "for older and disabled residents")

    page_when(preview + "actions/SF-01/", "Fit door and window locks for older and disabled residents")
    page_when(preview + "partners/police/", "for older and disabled residents")  # the lead partner's page reads it too
    assert unrelated.stat().st_mtime_ns == written


def test_a_new_action_gets_its_page_in_the_preview(site_project: Path, preview: str) -> None:
    page_when(preview + "actions/SF-01/", "Fit door and window locks")
    plan = site_project / "strategy_src/action-plans/2026-27.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + """  - id: SF-02
    title: Light the alley behind Brook Street
    priority: fewer-burglaries
    lead: council
    due: 2027-03-31
    status: not started
    activity: new
""", encoding="utf-8")

    page_when(preview + "actions/SF-02/", "Light the alley behind Brook Street")


def add_millbrook(site_project: Path) -> None:
    """A second neighbourhood, which no action targets."""
    edit(site_project / "strategy_src/partnership.yml", "    renewal_area: true\n", "    renewal_area: true\n  - id: millbrook\n    name: Millbrook\n")


Server = Callable[[int], subprocess.Popen[str]]


def test_a_neighbourhood_page_follows_an_action_that_comes_to_it_and_leaves_it(site_project: Path, start_server: Server) -> None:
    add_millbrook(site_project)
    port = free_port()
    start_server(port)
    millbrook = f"http://127.0.0.1:{port}/neighbourhoods/millbrook/"
    page_when(millbrook, "No action in the action plans targets Millbrook")
    plan = site_project / "strategy_src/action-plans/2026-27.yml"

    edit(plan, "neighbourhoods: [brookside]", "neighbourhoods: [brookside, millbrook]")
    page_when(millbrook, "Fit door and window locks for older residents")  # a page that reads the plan only since the edit

    edit(plan, "neighbourhoods: [brookside, millbrook]", "neighbourhoods: [brookside]")
    page_when(millbrook, "No action in the action plans targets Millbrook")  # one that read it only before


def test_an_edit_to_an_action_plan_leaves_a_neighbourhood_it_does_not_target_as_it_was(site_project: Path, start_server: Server) -> None:
    add_millbrook(site_project)
    port = free_port()
    start_server(port)
    page_when(f"http://127.0.0.1:{port}/neighbourhoods/millbrook/", "Millbrook")
    untouched = served_site(site_project) / "neighbourhoods/millbrook/index.html"
    written = untouched.stat().st_mtime_ns

    edit(site_project / "strategy_src/action-plans/2026-27.yml", "for older residents", "for older and disabled residents")

    page_when(f"http://127.0.0.1:{port}/neighbourhoods/brookside/", "for older and disabled residents")
    assert untouched.stat().st_mtime_ns == written


def test_after_edits_in_quick_succession_the_downloads_follow_the_last(site_project: Path, preview: str) -> None:
    page_when(preview + "data/actions.csv", "Fit door and window locks for older residents")
    plan = site_project / "strategy_src/action-plans/2026-27.yml"

    edit(plan, "for older residents", "for older and disabled residents")
    page_when(preview + "actions/SF-01/", "for older and disabled residents")
    edit(plan, "for older and disabled residents", "for older residents and carers")  # before the first edit's downloads are done

    page_when(preview + "data/actions.csv", "Fit door and window locks for older residents and carers")
    page_when(preview + "completeness/", "Fernley")


def test_a_progress_update_page_follows_the_actions_and_indicators_it_names(site_project: Path, preview: str) -> None:
    update = preview + "progress/2026-11-10-quarter-2/"
    page_when(update, "Fit door and window locks for older residents")

    edit(site_project / "strategy_src/action-plans/2026-27.yml", "for older residents", "for older and disabled residents")
    page_when(update, "Fit door and window locks for older and disabled residents")
    edit(site_project / "strategy_src/indicators/burglary-rate.yml", "title: Domestic burglary rate", "title: Burglaries from homes")
    page_when(update, "Burglaries from homes")
