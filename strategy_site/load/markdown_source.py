"""Markdown documents: front matter, and the body cut into headed sections.

Only what the checks need is parsed here: the front matter block, and each
heading with its level, optional explicit id (``{#vision}``), position and the
text under it. Headings inside fenced code blocks are not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strategy_site.findings import Position

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
_EXPLICIT_ID = re.compile(r"\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    text: str | None  # None when the file has no front matter block
    first_line: int  # file line of the first line inside the block
    body: str
    body_line: int  # file line where the body starts
    unclosed: bool = False


def split_front_matter(text: str) -> FrontMatter:
    """Split a ``---`` delimited YAML block off the top of a Markdown file."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(None, 1, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatter("".join(lines[1:index]), 2, "".join(lines[index + 1 :]), index + 2)
    return FrontMatter(None, 2, text, 1, unclosed=True)


@dataclass(frozen=True)
class Section:
    title: str
    explicit_id: str | None
    level: int
    position: Position
    text: str  # everything under the heading up to the next heading of the same or a higher level

    @property
    def words(self) -> int:
        return len(re.findall(r"[A-Za-z0-9£%']+", plain_text(self.text)))


def plain_text(markdown: str) -> str:
    """The body with comments and heading markers removed (for emptiness and word counts)."""
    without_comments = _COMMENT.sub("", markdown)
    return "\n".join(line.lstrip("#").strip() for line in without_comments.splitlines())


def sections(body: str, body_line: int = 1) -> list[Section]:
    """Every heading in ``body`` with the text it governs, in document order."""
    # (first line of the heading, first line of its content, level, title, id, position)
    headings: list[tuple[int, int, int, str, str | None, Position]] = []
    lines = body.splitlines()
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        atx = _ATX.match(line)
        if atx:
            title, explicit_id = _split_id(_CLOSING_HASHES.sub("", atx.group(2) or ""))
            position = Position(body_line + index, line.index("#") + 1)
            headings.append((index, index + 1, len(atx.group(1)), title, explicit_id, position))
            continue
        previous = lines[index - 1] if index else ""
        underlined = previous.strip() and not _ATX.match(previous) and not _FENCE.match(previous)
        if _SETEXT.match(line) and underlined and not (headings and headings[-1][1] > index - 1):
            title, explicit_id = _split_id(previous.strip())
            position = Position(body_line + index - 1, len(previous) - len(previous.lstrip()) + 1)
            headings.append((index - 1, index + 1, 1 if line.strip()[0] == "=" else 2, title, explicit_id, position))
    result = []
    for number, (_, content, level, title, explicit_id, position) in enumerate(headings):
        end = next((later[0] for later in headings[number + 1 :] if later[2] <= level), len(lines))
        result.append(Section(title, explicit_id, level, position, "\n".join(lines[content:end])))
    return result


def _split_id(title: str) -> tuple[str, str | None]:
    match = _EXPLICIT_ID.search(title)
    if match:
        return title[: match.start()].strip(), match.group(1)
    return title.strip(), None
