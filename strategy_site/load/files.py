"""Find the source files of a partnership and read each into values with positions.

Which kind of document a file is follows from where it lives (the authoring
guide lists the layout). A file that cannot be read becomes a finding and the
others are still read: one bad file never hides the problems in the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from strategy_site.characters import CONTROL, describe
from strategy_site.findings import Finding, Location, Position, Rule, Severity
from strategy_site.forked import Copy, can_fork

# Kind and MARKDOWN_KINDS are also named here, where the loader has always offered them.
from strategy_site.load.kinds import KINDS, MARKDOWN_KINDS as MARKDOWN_KINDS, Kind as Kind
from strategy_site.load.markdown_source import Section, sections, split_front_matter
from strategy_site.load.tree import NOT_PUBLISHED, PUBLISHED_IN_WORDS, ReadProblem, display_path, publish_problem, read_limited, walk
from strategy_site.load.yaml_source import SourceMap, YamlSyntaxError, parse_yaml

YAML_SUFFIXES = (".yml", ".yaml")
BOUNDARIES_FILE = "neighbourhoods.geojson"  # the neighbourhoods' boundaries, for maps (strategy_site/model/boundaries.py)
# Where each kind of document lives: a file at the top of the folder (by name, without its ending), or a folder.
TOP_LEVEL = {entry.place.rsplit(".", 1)[0]: entry.kind for entry in KINDS if entry.folder is None}
FOLDERS = {entry.folder: entry.kind for entry in KINDS if entry.folder is not None}

NOT_UTF8 = Rule(
    "SS001",
    "file-not-utf8",
    Severity.ERROR,
    what="A source file is not encoded as UTF-8 text.",
    why="Every other check, and the public site, need to read the file's words. A file saved in another "
    "encoding (or a binary file such as a Word document saved with a .md name) cannot be read reliably.",
    example="A file saved from an old editor as Windows-1252, where '£' is the single byte 0xA3.",
    instead="Save the file as UTF-8 (most editors offer 'UTF-8' in the Save As dialogue). Keep Word and PDF "
    "files outside `strategy_src/`.",
)
YAML_SYNTAX = Rule(
    "SS002",
    "yaml-syntax",
    Severity.ERROR,
    what="A YAML file, or the front matter of a Markdown file, is not valid YAML.",
    why="The file cannot be read at all, so nothing in it can be checked or published.",
    example="title: Health: closing the gap   # a second ': ' inside unquoted text",
    instead='title: "Health: closing the gap"',
)
DUPLICATE_KEY = Rule(
    "SS003",
    "duplicate-key",
    Severity.ERROR,
    what="The same key appears twice in one block of YAML.",
    why="Most YAML readers keep only the last value without a word, so one of the two values would be "
    "silently lost. strategy-site refuses to guess which one you meant.",
    example="due: 2026-03-31\nstatus: on track\ndue: 2026-06-30",
    instead="Keep one `due:` line with the date you mean.",
)
FRONT_MATTER = Rule(
    "SS004",
    "front-matter",
    Severity.ERROR,
    what="A Markdown document has no front matter block, or the block is never closed.",
    why="The front matter holds the facts the checks and the site need (title, dates, status, themes). "
    "Without it the document cannot be placed in the strategy.",
    example="A file that starts with '# Our vision' and no '---' block above it.",
    instead="---\ntitle: Ravensholt Community Strategy 2024 to 2034\n...\n---\n\n# Our vision",
)
UNRECOGNISED_FILE = Rule(
    "SS005",
    "unrecognised-file",
    Severity.WARNING,
    what="A YAML or Markdown file is in a place where strategy-site does not look for documents.",
    why="The file is neither checked nor published, which is rarely what the author intended.",
    example="strategy_src/actions/2026-27.yml (the folder is called action-plans/)",
    instead="Move the file to the folder for its kind of document (see the authoring guide's layout), "
    "or move notes and drafts outside strategy_src/.",
)
CONTROL_CHARACTER = Rule(
    "SS012",
    "control-character",
    Severity.ERROR,
    what="The text holds a control character (such as ESC or NUL) or a character that reverses the direction "
    "of the text around it.",
    why="These characters are invisible in most editors. They cannot be written in the site's feed or charts, "
    "they can rewrite the screen of whoever reads the check's output, and direction overrides can make text "
    "read differently from what it really says.",
    example="title: Safer streets\u202e (an invisible right-to-left override pasted from another document)",
    instead="Delete the character: retype the text around it. Right-to-left languages display correctly "
    "without direction-control characters.",
)
MAX_CONTROL_FINDINGS = 10  # per file: enough to find the pattern, few enough to read


@dataclass
class SourceFile:
    """One file, read: its values keep their positions; a Markdown body keeps its sections."""

    kind: Kind
    path: str  # as shown to the user
    text: str
    data: Any = None
    source_map: SourceMap = field(default_factory=SourceMap)
    body: str = ""
    body_line: int = 1
    sections: list[Section] = field(default_factory=list)
    parsed: bool = False  # True once the YAML (or front matter) has been read

    def where(self, path: tuple[str | int, ...] = (), *, key: bool = False) -> Location:
        return Location(self.path, self.source_map.key(path) if key else self.source_map.value(path))


@dataclass
class Loaded:
    files: list[SourceFile]
    findings: list[Finding]
    files_seen: int
    unreadable: set[Kind] = field(default_factory=set)  # kinds with a file that could not be read or parsed
    assets: list[str] = field(default_factory=list)  # other files inside the folder (images...), safe to publish
    boundaries: Path | None = None  # neighbourhoods.geojson, if the folder has one: read for maps, never published as it is


def discover(root: Path, files: list[Path]) -> tuple[list[tuple[Kind, Path]], list[Path]]:
    """The documents among ``files`` (inside ``root``) by kind, and the YAML or Markdown files that fit nowhere."""
    documents: list[tuple[Kind, Path]] = []
    stray: list[Path] = []
    for path in files:
        if path.suffix not in (*YAML_SUFFIXES, ".md"):
            continue
        parts = path.relative_to(root).parts
        kind = _kind_for(parts, path.suffix)
        if kind is None:
            stray.append(path)
        else:
            documents.append((kind, path))
    return documents, stray


def _kind_for(parts: tuple[str, ...], suffix: str) -> Kind | None:
    if len(parts) == 1:
        kind = TOP_LEVEL.get(Path(parts[0]).stem)
    elif len(parts) == 2:
        kind = FOLDERS.get(parts[0])
    else:
        return None
    if kind is None:
        return None
    wants_markdown = kind in MARKDOWN_KINDS
    return kind if (suffix == ".md") == wants_markdown else None


def load_directory(root: Path, cache: ParseCache | None = None) -> Loaded:
    """Read every document under ``root``; nothing outside it is read. ``cache``: see read_source."""
    tree = walk(root)
    documents, stray = discover(root, tree.files)
    findings: list[Finding] = [*tree.findings, *(
        UNRECOGNISED_FILE.at(
            Location(display_path(path)),
            f"strategy-site does not know what kind of document '{path.relative_to(root).as_posix()}' is, "
            "so it is neither checked nor published",
            "move it to the folder for its kind of document (see the layout in the authoring guide), "
            "or move it outside the source folder",
        )
        for path in stray
    )]
    files = []
    # A refused file may have held any kind of document: references into such kinds are not judged.
    unreadable = {kind for name in tree.skipped if (kind := _kind_for(name.parts, name.suffix)) is not None}
    for (kind, _path), (source, problems) in zip(documents, _read_all(documents, cache), strict=True):
        findings.extend(problems)
        if source is not None:
            files.append(source)
        if source is None or not source.parsed:
            unreadable.add(kind)
    assets: list[str] = []
    boundaries: Path | None = None
    for path in tree.files:
        relative = PurePosixPath(path.relative_to(root).as_posix())
        if path.suffix in (*YAML_SUFFIXES, ".md"):
            continue
        if str(relative) == BOUNDARIES_FILE:
            boundaries = path
            continue
        problem = publish_problem(relative)
        if problem is None:
            assets.append(str(relative))
        else:
            findings.append(NOT_PUBLISHED.at(Location(display_path(path)), f"'{relative}' is not published: {problem}",
                                             f"the site publishes {PUBLISHED_IN_WORDS}, outside assets/, data/, pagefind/, search/ and source/; "
                                             "convert or move the file, or keep it outside the source folder"))
    return Loaded(files, findings, len(documents), unreadable, assets, boundaries)


# From this many documents, a forked copy of the process parses half of them: parsing is most of the time a check
# of a large partnership takes, and its files are independent (a tenth of a second saved at 20 times the demo).
PARSE_IN_TWO_FROM = 100


def _read_all(documents: list[tuple[Kind, Path]], cache: ParseCache | None) -> list[tuple[SourceFile | None, list[Finding]]]:
    """Each document read, in order; a large partnership's in two processes. A preview's files (with a cache, in a
    server that runs threads) are read here, to be found again by the cache."""
    if cache is not None or len(documents) < PARSE_IN_TWO_FROM or not can_fork():
        return [read_source(kind, path, cache) for kind, path in documents]
    half = len(documents) // 2
    second = Copy(lambda: [read_source(kind, path) for kind, path in documents[half:]])
    try:
        first = [read_source(kind, path) for kind, path in documents[:half]]
    finally:
        rest = second.result()  # waited for whatever happens here, so that no copy is left behind
    return first + (rest if rest is not None else [read_source(kind, path) for kind, path in documents[half:]])


# A preview reads the folder again after every edit; most files have not changed, and parsing them
# again is most of the time it takes. Keyed by the file's kind, name and exact bytes.
ParseCache = dict[tuple["Kind", str, bytes], tuple["SourceFile | None", list[Finding]]]


def read_source(kind: Kind, path: Path, cache: ParseCache | None = None) -> tuple[SourceFile | None, list[Finding]]:
    """Read one file. Returns ``None`` (and findings) when nothing in it can be used. With a ``cache``, a file
    read before with the same bytes is not parsed again (its SourceFile is shared: nothing changes one)."""
    shown = display_path(path)
    try:
        raw = read_limited(path, shown)
    except ReadProblem as problem:
        return None, [problem.finding]
    if cache is None:
        return _parse(kind, shown, raw)
    key = (kind, shown, raw)
    if key not in cache:
        for older in [k for k in cache if k[:2] == key[:2]]:  # the file as it was: never wanted again
            del cache[older]
        cache[key] = _parse(kind, shown, raw)
    source, findings = cache[key]
    return source, list(findings)


def _parse(kind: Kind, shown: str, raw: bytes) -> tuple[SourceFile | None, list[Finding]]:
    # UTF-16 (what some Windows editors call "Unicode") starts with FF FE or FE FF, or without them
    # has a zero byte beside every Latin letter, which would otherwise read as a flood of NULs.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw.count(b"\x00") > len(raw) // 10:
        return None, [NOT_UTF8.at(
            Location(shown, _position_of_byte(raw, max(raw.find(b"\x00"), 0))),
            "the file is not UTF-8 text: it looks like UTF-16 (\"Unicode\") or a binary file",
            "save it as UTF-8 in your editor; if it is a Word or PDF file, keep it outside the source folder",
        )]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [
            NOT_UTF8.at(
                Location(shown, _position_of_byte(raw, error.start)),
                f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
                "save it as UTF-8 in your editor; if it is a Word or PDF file, keep it outside the source folder",
            )
        ]
    findings = _control_characters(text, shown)
    if findings:  # reported; the rest of the file is still read, without them
        text = CONTROL.sub("\ufffd", text)
    source = SourceFile(kind, shown, text)
    yaml_text, first_line = text, 1
    if kind in MARKDOWN_KINDS:
        front = split_front_matter(text)
        source.body, source.body_line = front.body, front.body_line
        source.sections = sections(front.body, front.body_line)
        if front.text is None:
            message = (
                "the front matter block that starts on line 1 is never closed"
                if front.unclosed
                else "the document has no front matter (the '---' block of facts at the top)"
            )
            findings.append(
                FRONT_MATTER.at(
                    Location(shown),
                    message,
                    "put a line with three dashes (---) before and after the front matter; "
                    "the authoring guide shows a complete example",
                )
            )
            return source, findings
        yaml_text, first_line = front.text, front.first_line
    try:
        parsed = parse_yaml(yaml_text, first_line)
    except YamlSyntaxError as error:
        findings.append(
            YAML_SYNTAX.at(
                Location(shown, error.problem.position),
                error.problem.message,
                "check the indentation (spaces only) and put text that contains ': ' or starts with a "
                "special character (#, &, *, !, |, >, %, @) in quotes",
            )
        )
        return source, findings
    for duplicate in parsed.problems:
        first = duplicate.first
        findings.append(
            DUPLICATE_KEY.at(
                Location(shown, duplicate.position),
                duplicate.message + (f" (first on line {first.line})" if first else ""),
                f'keep one "{duplicate.key}" line with the value you mean and delete the other',
            )
        )
    source.data, source.source_map, source.parsed = parsed.data, parsed.source_map, True
    return source, findings


def _control_characters(text: str, shown: str) -> list[Finding]:
    findings: list[Finding] = []
    for match in CONTROL.finditer(text):
        if len(findings) == MAX_CONTROL_FINDINGS:
            break
        before = text[: match.start()]
        where = Position(before.count("\n") + 1, match.start() - before.rfind("\n"))
        findings.append(CONTROL_CHARACTER.at(
            Location(shown, where), f"an invisible control character ({describe(match.group())}) is here",
            "delete it: retype the text around it",
        ))
    return findings


def _position_of_byte(raw: bytes, offset: int) -> Position:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return Position(before.count(b"\n") + 1, offset - line_start + 1)
