"""When each source file last changed, from the Git history.

One ``git log`` over the whole folder, newest commit first, so the cost does not
grow with a process per file. Outside a Git repository (a downloaded copy, say)
there is no history and pages simply do not show a date.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
from pathlib import Path

_MARK = "commit "


def last_changed(root: Path) -> dict[str, dt.date]:
    """Each committed file under ``root``, by its path relative to ``root``, to the date of its last commit."""
    try:
        top = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, text=True, check=True
        ).stdout.strip()
        log = subprocess.run(
            ["git", "-C", str(root), "log", f"--format={_MARK}%cs", "--name-only", "--no-renames", "--", "."],
            capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changed: dict[str, dt.date] = {}
    when: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(_MARK):
            when = dt.date.fromisoformat(line[len(_MARK):])
        elif line and when is not None and line.startswith(top):
            changed.setdefault(line[len(top):], when)  # newest first, so the first seen is the last change
    return changed


class RevisionProblem(Exception):
    """The sources cannot be read at that revision; the message says why."""


def sources_at(root: Path, revision: str, into: Path) -> Path:
    """Write the files of the folder ``root`` as they were at ``revision`` into ``into``; return ``into``."""
    def git(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)

    if git("rev-parse", "--is-inside-work-tree").returncode:
        raise RevisionProblem(f"{root} is not in a Git repository, so there is no earlier version to compare with")
    if git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode:
        raise RevisionProblem(f"there is no revision '{revision}' in the Git history of {root}: use a commit, tag or branch name")
    archive = git("archive", "--format=tar", revision, "--", ".")
    if archive.returncode:
        raise RevisionProblem(f"{root} did not exist at revision '{revision}'")
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(into, filter=_files_only)  # run inside the folder, git archives its paths relative to it
    except (tarfile.TarError, OSError) as error:
        raise RevisionProblem(f"the sources at revision '{revision}' could not be unpacked: {error}") from error
    return into


def _files_only(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """Files and folders only: a link in an old revision is skipped, as the loader skips one today."""
    if not (member.isfile() or member.isdir()):
        return None
    return tarfile.data_filter(member, destination)
