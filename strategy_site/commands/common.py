"""What every command shares: exit statuses, the plain error for "could not run", the source folder."""

from __future__ import annotations

from pathlib import Path

from strategy_site.model.project import Project

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
DEFAULT_SOURCE = Path("strategy_src")


class UsageProblem(Exception):
    """The command could not run at all (exit status 2); the message says why and what to do."""


def source_folder(path: Path) -> Path:
    if not path.exists():
        raise UsageProblem(f"there is no folder '{path}'. Give the folder that holds partnership.yml.")
    if not path.is_dir():
        raise UsageProblem(f"'{path}' is a file, not a folder. Give the folder that holds partnership.yml.")
    return path


def sources_by_path(project: Project) -> dict[str, str]:
    """Each file's text by its path as findings show it, to quote the line of a finding."""
    return {source.path: source.text for source in project.files}
