"""The source folder is a boundary: list what is inside it, and read only regular files inside it.

Everything under the folder may be published, so nothing outside it may be read through it. A link
is followed only when it points to a file inside the folder; a link that leaves the folder, a link to
a folder, a pipe or a device is reported and skipped. Every name must be safe to put in a web
address, a page and a feed as it is. Every read is limited in size and never waits on a pipe.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.text_safety import printable

MAX_FILE_BYTES = 2 * 1024 * 1024  # far above any real document; a larger file is a mistake or an attack
MAX_NAME_LENGTH = 100  # file systems allow 255 bytes, and the site adds to names (".md", "-chart.svg")
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
SIZE_IN_WORDS = "2 MB"

LINK_SKIPPED = Rule(
    "SS008",
    "link-skipped",
    Severity.ERROR,
    what="A symbolic link in the source folder points outside it, to a folder, or to nothing.",
    why="Everything in the source folder can be published. Following a link out of it could publish a "
    "private file from the computer that builds the site (a password file, another project's drafts).",
    example="strategy_src/indicators/crime.yml -> /home/officer/private/crime.yml",
    instead="Copy the file itself into the source folder instead of linking to it.",
)
NOT_A_FILE = Rule(
    "SS009",
    "not-a-file",
    Severity.ERROR,
    what="Something in the source folder is neither a file nor a folder: a named pipe, a socket or a device.",
    why="Reading it could hang the check or the build for ever, or read without end.",
    example="A named pipe (FIFO) created in strategy_src/indicators/.",
    instead="Remove it from the source folder.",
)
TOO_LARGE = Rule(
    "SS010",
    "file-too-large",
    Severity.ERROR,
    what=f"A file in the source folder is larger than {SIZE_IN_WORDS}.",
    why="No strategy document comes near that size. A larger file is almost always a mistake (an export, a "
    "video, a database dump) and would slow every check and build, or exhaust the machine's memory.",
    example="strategy_src/indicators/all-figures.yml at 40 MB, exported from a spreadsheet.",
    instead="Keep only the figures the strategy reports, or split the file; keep large data outside strategy_src/.",
)
UNREADABLE = Rule(
    "SS007",
    "file-unreadable",
    Severity.ERROR,
    what="A file could not be opened or read (permissions, a file removed while it was being read, a folder "
    "with a file's name).",
    why="Nothing in the file can be checked or published.",
    example="A file whose permissions let only another user read it.",
    instead="Fix the file's permissions, or replace it with a readable copy.",
)
UNSAFE_NAME = Rule(
    "SS011",
    "unsafe-file-name",
    Severity.ERROR,
    what=f"A file or folder name uses characters other than letters, digits, '-', '_' and '.', does not "
    f"start with a letter or digit, or is longer than {MAX_NAME_LENGTH} characters.",
    why="Names become web addresses, links, page titles and entries in the Atom feed. Spaces, quotes, '<' and "
    "other characters break them or could be used to inject code into the site; very long names cannot be "
    "written by some file systems once the site adds its own endings.",
    example="strategy_src/progress/Update <Q2>.md",
    instead="strategy_src/progress/2026-27-q2.md",
)


NOT_PUBLISHED = Rule(
    "SS014",
    "file-not-published",
    Severity.WARNING,
    what="A file in the source folder is not a strategy document, and is not an image or a document for "
    "download that the site publishes (PNG, JPEG, GIF, WebP, PDF, CSV, TXT, .xlsx, .ods, .docx and .odt files), "
    "or it is in a folder the site keeps for its own files (assets/, data/, pagefind/, search/, source/).",
    why="A web page, a script, a style sheet or an SVG image copied into the site could run code in residents' "
    "browsers, or replace the site's own files, under the council's name. So the site publishes only files "
    "that cannot.",
    example="strategy_src/notice.html, strategy_src/logo.svg or strategy_src/assets/app.js",
    instead="Write the page in Markdown as a document, convert the image to PNG, and keep other files out of "
    "strategy_src/.",
)
# Files the site publishes as they are, for officers to link to or show: none can run a script.
PUBLISHED_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".csv", ".xlsx", ".ods", ".docx", ".odt", ".txt",
})
PUBLISHED_IN_WORDS = "images (PNG, JPEG, GIF, WebP) and files for download (PDF, CSV, TXT, .xlsx, .ods, .docx, .odt)"
# Folders the site writes its own files into: an officer's file there would replace one of them.
RESERVED_FOLDERS = frozenset({"assets", "data", "pagefind", "search", "source"})


def publish_problem(relative: PurePosixPath) -> str | None:
    """Why the file at ``relative`` (not a document) is not published as it is, or None when it is."""
    if relative.parts[0] in RESERVED_FOLDERS:
        return f"the site keeps the folder {relative.parts[0]}/ for its own files"
    if relative.suffix.lower() not in PUBLISHED_SUFFIXES:
        kind = f"{relative.suffix} files" if relative.suffix else "files without an ending such as .pdf"
        return f"the site publishes only images and documents for download, not {kind}"
    return None


@dataclass
class Tree:
    """What the source folder holds, inside the boundary."""

    files: list[Path] = field(default_factory=list)  # regular files (or links to one inside), safely named
    skipped: list[PurePosixPath] = field(default_factory=list)  # names refused, relative to the folder
    findings: list[Finding] = field(default_factory=list)


class ReadProblem(Exception):
    """A file that cannot be read safely; ``finding`` says why, at the file."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it, so editors can open it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every link resolved, is ``root`` or inside it."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def safe_name(name: str) -> bool:
    return len(name) <= MAX_NAME_LENGTH and SAFE_NAME.fullmatch(name) is not None


def walk(root: Path) -> Tree:
    """Every file under ``root`` that may be read, in name order; hidden names (``.git``) are passed over."""
    tree = Tree()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            tree.findings.append(_unreadable(Path(folder), error))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            relative = PurePosixPath(path.relative_to(root).as_posix())
            if not safe_name(entry.name):
                tree.skipped.append(relative)
                tree.findings.append(_unsafe_name(path, entry.name))
            elif entry.is_symlink():
                if is_inside(path, root) and os.path.isfile(path):
                    tree.files.append(path)
                else:
                    tree.skipped.append(relative)
                    tree.findings.append(_link(path, root))
            elif entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif entry.is_file(follow_symlinks=False):
                tree.files.append(path)
            else:
                tree.skipped.append(relative)
                tree.findings.append(NOT_A_FILE.at(
                    Location(display_path(path)), f"'{relative}' is not a regular file (a pipe, socket or device), so it is skipped",
                    "remove it from the source folder",
                ))
        pending.extend(reversed(folders))  # depth first, in name order
    tree.files.sort()
    return tree


def read_limited(path: Path, shown: str) -> bytes:
    """The bytes of the regular file at ``path``, refusing anything else and anything over the size limit."""
    try:
        # O_NONBLOCK: opening a pipe that slipped in after the walk must not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ReadProblem(_unreadable(path, error, shown)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ReadProblem(NOT_A_FILE.at(Location(shown), "this is not a regular file (a pipe, socket or device), so it is not read",
                                            "replace it with an ordinary text file"))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ReadProblem(_unreadable(path, error, shown)) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise ReadProblem(TOO_LARGE.at(Location(shown), f"the file is larger than {SIZE_IN_WORDS}, the most strategy-site reads",
                                       "keep only what the strategy needs in it, or split it into smaller files"))
    return data


def _unreadable(path: Path, error: OSError, shown: str | None = None) -> Finding:
    reason = error.strerror or type(error).__name__
    return UNREADABLE.at(Location(shown or display_path(path)), f"the file cannot be read: {reason}",
                         "check that it exists and that you may read it")


def _unsafe_name(path: Path, name: str) -> Finding:
    if len(name) > MAX_NAME_LENGTH:
        why = f"is {len(name)} characters long, more than {MAX_NAME_LENGTH}"
    elif SAFE_NAME.fullmatch("a" + name[1:]):
        why = "does not start with a letter or digit"
    else:
        why = "uses characters other than letters, digits, '-', '_' and '.'"
    return UNSAFE_NAME.at(Location(display_path(path)), f"the name '{printable(name)}' {why}, so it is skipped",
                          "rename it using only letters, digits, '-', '_' and '.', for example 2026-27-q2.md")


def _link(path: Path, root: Path) -> Finding:
    if not os.path.exists(path):
        where = "points to something that does not exist"
    elif not is_inside(path, root):
        where = "points outside the source folder"
    else:
        where = "points to a folder"
    return LINK_SKIPPED.at(Location(display_path(path)), f"this link {where}, so it is skipped and nothing it points to is read",
                           "copy the file itself into the source folder instead of linking to it")
