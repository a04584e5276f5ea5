"""How a chart tells its series apart without relying on colour: a marker shape and a line pattern for each,
a name written at each line's end, and a key.

After GOV.UK blue for the main line, the colours are those of the Okabe and Ito palette, which people
who see colour differently can tell apart, with its orange darkened, Paul Tol's purple for its pale one
and a dark grey for its black (the colour of the text and the target): every one has at least 3:1
contrast with white (WCAG 1.4.11). The markers and dash patterns differ too, so the lines also read in
greyscale and print.
"""

from __future__ import annotations

from dataclasses import dataclass

from strategy_site.render.chart_axes import CHAR_WIDTH, TEXT
from strategy_site.text_safety import xml_escape
from strategy_site.words import number

MAIN = "#1d70b8"  # GOV.UK blue, 5.2:1 on white
GUIDE = "#505a5f"  # GOV.UK secondary text grey, 7:1 on white: the path to a target


@dataclass(frozen=True)
class Style:
    colour: str
    marker: str  # circle, square, triangle, triangle-down, cross or plus
    dash: str = ""  # an SVG stroke-dasharray; solid when empty
    width: float = 2
    hollow: bool = False  # a white marker with a coloured edge: a comparator, which the partnership does not own


MAIN_STYLE = Style(MAIN, "circle", width=3)
# One each for up to five more lines; contrast with white: 3.9, 3.4, 6.1, 4.9 and 10.9 to 1.
STYLES = (
    Style("#d55e00", "square", "10 4"),
    Style("#009e73", "triangle", "2 3"),
    Style("#aa3377", "triangle-down", "10 3 2 3"),
    Style("#996600", "cross", "5 3"),
    Style("#3d3d3d", "plus", "10 3 2 3 2 3"),
)


# Each shape drawn relative to its centre, so that only the centre is worked out for every point.
_SHAPES = {
    "square": "m-4.5 -4.5h9v9h-9z",
    "triangle": "m0 -6l5.5 10h-11z",
    "triangle-down": "m0 6l5.5 -10h-11z",
    "cross": "m-4 -4l8 8m-8 0l8 -8",
    "plus": "m-5 0h10m-5 -5v10",
}


def marker(style: Style, x: float, y: float) -> str:
    """The style's marker centred on (x, y)."""
    fill, edge = ("#ffffff", f' stroke="{style.colour}" stroke-width="2"') if style.hollow else (style.colour, "")
    if style.marker == "circle":
        return f'<circle cx="{x}" cy="{y}" r="4.5" fill="{fill}"{edge}/>'
    if style.marker in ("cross", "plus"):  # strokes, with nothing to fill
        return f'<path d="M{x} {y}{_SHAPES[style.marker]}" fill="none" stroke="{style.colour}" stroke-width="2.5"/>'
    return f'<path d="M{x} {y}{_SHAPES[style.marker]}" fill="{fill}"{edge}/>'


def stroke(style: Style) -> str:
    """The attributes that draw a line in the style."""
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    return f'stroke="{style.colour}" stroke-width="{style.width:g}"{dash}'


def sample(style: Style) -> str:
    """The style's line and marker as the key shows them, 28 units wide."""
    return f'<line x1="0" x2="28" y1="0" y2="0" {stroke(style)}/>{marker(style, 14, 0)}'


# --- names at the ends of lines ------------------------------------------------------------------------------

LABEL_SIZE = 14
LABEL_CHAR = 8.5  # a generous average width at font-size 14, bold included
LABEL_GAP = 17  # the least distance between two names' middles
NAME_ROOM = 22  # characters of a series' name written at its line's end; the key has the whole name
VALUE_ROOM = 10  # a figure longer than this (1e308 written out) is left to the table


def _n(value: float) -> float:
    return round(value, 1)


def shortened(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def end_label(name: str, value: float) -> str:
    """What is written at a line's end: its name and latest figure, as "Northgate 18.2"."""
    figure = number(value)
    return shortened(name, NAME_ROOM) + (f" {figure}" if len(figure) <= VALUE_ROOM else "")


def label_width(text: str) -> float:
    return LABEL_CHAR * len(text)


def spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Heights as near as can be to ``wanted``, at least ``gap`` apart and, where they fit, from ``low`` to ``high``.

    Names that would overlap form a block centred on the heights they want, as line-chart libraries nudge
    direct labels: labels sorted by height join the block above while they overlap it."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    blocks: list[list[int]] = []

    def top(block: list[int]) -> float:
        centre = sum(wanted[i] for i in block) / len(block)
        return max(low, min(centre - gap * (len(block) - 1) / 2, high - gap * (len(block) - 1)))

    for i in order:
        blocks.append([i])
        while len(blocks) > 1 and top(blocks[-2]) + gap * len(blocks[-2]) > top(blocks[-1]):
            last = blocks.pop()
            blocks[-1].extend(last)
    placed = [0.0] * len(wanted)
    for block in blocks:
        for k, i in enumerate(block):
            placed[i] = top(block) + gap * k
    return placed


@dataclass(frozen=True)
class EndLabel:
    text: str
    x: float  # the point the label names
    y: float
    bold: bool = False


def end_labels(labels: list[EndLabel], low: float, high: float) -> list[str]:
    """The labels, each just right of its point; labels whose extents across overlap are nudged apart up and
    down, and one moved from its point's height gets a short leader line to it."""
    out: list[str] = []
    order = sorted(range(len(labels)), key=lambda i: labels[i].x)
    columns: list[list[int]] = []
    reach = -1.0
    for i in order:  # labels whose extents across overlap are spread together
        if not columns or labels[i].x > reach:
            columns.append([])
        columns[-1].append(i)
        reach = max(reach, labels[i].x + 10 + label_width(labels[i].text))
    for column in columns:
        heights = spread([labels[i].y for i in column], LABEL_GAP, low, high)
        for i, height in zip(column, heights, strict=True):
            label, y = labels[i], _n(height)
            if abs(y - label.y) > 2:
                out.append(f'<line x1="{_n(label.x + 5)}" y1="{label.y}" x2="{_n(label.x + 9)}" y2="{y}" stroke="{TEXT}"/>')
            weight = ' font-weight="700"' if label.bold else ""
            out.append(
                f'<text x="{_n(label.x + 10)}" y="{_n(y + 5)}" font-size="{LABEL_SIZE}"{weight} stroke="#ffffff" '
                f'stroke-width="4" stroke-linejoin="round" paint-order="stroke">{xml_escape(label.text)}</text>'
            )
    return out


# --- the key ------------------------------------------------------------------------------------------------

KEY_ROW = 28


def key(items: list[tuple[str, str]], left: float, top: float, right: float) -> tuple[list[str], float]:
    """The key: each (sample, text) in rows from (left, top), wrapping before ``right``; and the last row's
    height. A text too long for a whole row is shortened (the chart's description has it whole)."""
    room = int((right - left - 36) // CHAR_WIDTH)
    out, x, y = [], left, top
    for item, text in items:
        text = shortened(text, room)
        width = 36 + CHAR_WIDTH * len(text)
        if x + width > right and x > left:  # wrap the key onto another row rather than off the edge
            x, y = left, y + KEY_ROW
        out.append(f'<g transform="translate({x} {y})">{item}<text x="36" y="5">{xml_escape(text)}</text></g>')
        x += width + 20
    return out, y
