"""Maps of the neighbourhoods, drawn at build time as standalone SVG files from the partnership's boundaries.

No tile server and no script: each map is an image the page shows with a text alternative, beside the same
figures as a table, so nothing depends on seeing it. A choropleth shades each neighbourhood by its figure in
one of up to five classes of a sequential palette (ColorBrewer's PuBu, safe for colour-blind readers and in
greyscale), always darker for worse, and writes each neighbourhood's name and figure on it where they fit, so
the shading is never the only cue; a neighbourhood with no figures is hatched and says so. A locator map
outlines every neighbourhood and fills the one a page is about.
"""

from __future__ import annotations

import math
import sys
import textwrap
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from strategy_site.model.boundaries import Boundaries
from strategy_site.model.documents import Indicator, Neighbourhood
from strategy_site.model.fields import Period
from strategy_site.model.project import Project
from strategy_site.model.series import SeriesKind, headline_label, indicator_series
from strategy_site.render.chart_axes import FONT, TEXT
from strategy_site.render.chart_marks import GUIDE, MAIN
from strategy_site.render.map_layout import MAP_WIDTH, MARGIN, WIDTH, Layout, coordinate, fits, layout_of, whereabouts
from strategy_site.render.paths import Asset, page_path
from strategy_site.text_safety import xml_escape
from strategy_site.words import listed, number

HEADER = 40  # the line above a choropleth that says which way is worse
# The charts' font and colours, so maps and charts look one family; the charts' main blue marks the neighbourhood
# a locator map is about (5.2:1 with white).
BLUE = MAIN
CHAR_WIDTH = 0.56  # of the font size: a generous average, for fitting labels
BOLD_WIDTH = 0.62
WHITE = "#ffffff"
PALETTE = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")  # ColorBrewer PuBu, lightest (best) to darkest (worst)
HATCH = "#b1b4b6"  # GOV.UK mid grey, the stripes of "no figures"
NO_FIGURES = "url(#no-figures)"
OTHER_AREA = "#f3f2f1"  # GOV.UK light grey: the neighbourhoods a locator map is not about
ROUND_STEPS = (1, 2, 2.5, 5)  # times a power of ten: class limits people read at a glance
LESS_ROUND_STEPS = (3, 4, 6, 8)  # when no round step gives four or five classes
DUST = 1e-9  # division leaves dust (0.3 / 0.1 is 2.9999999999999996): a figure this near a limit, in steps, is on it


# --- what the pages show -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorMap:
    """An indicator's map, and what the page needs beside it: the same figures as a table and a text alternative."""

    path: str
    period: str
    rows: tuple[tuple[str, float | None], ...]  # (neighbourhood's name, its figure or None), in partnership.yml's order
    alt: str


@dataclass(frozen=True)
class LocatorMap:
    path: str
    alt: str


def indicator_map_path(project: Project, indicator: Indicator) -> str:
    return str(PurePosixPath(page_path(project, indicator)).with_suffix("")) + "-map.svg"


def locator_path(neighbourhood_id: str) -> str:
    return f"neighbourhoods/{neighbourhood_id}-map.svg"


def indicator_map(project: Project, indicator: Indicator) -> IndicatorMap | None:
    """The indicator's map, if it has one: the partnership gives boundaries, and at least two of the neighbourhoods
    on the map have figures in the same period (the latest such period is mapped)."""
    drawn = _mapped(project)
    if drawn is None:
        return None
    boundaries, names = drawn
    chosen = _latest_period(project, indicator, boundaries)
    if chosen is None:
        return None
    period, values = chosen
    rows = tuple((names[area.id], values.get(area.id)) for area in boundaries.areas)
    alt = choropleth_description(boundaries, values, title=indicator.title, unit=indicator.unit, better=indicator.better, names=names,
                                 period=period.label)
    return IndicatorMap(indicator_map_path(project, indicator), period.label, rows, alt)


def neighbourhood_locator(project: Project, neighbourhood: Neighbourhood) -> LocatorMap | None:
    """The map that shows where the neighbourhood is, if the partnership gives its boundary."""
    drawn = _mapped(project)
    if drawn is None or neighbourhood.id not in drawn[0].by_id:
        return None
    boundaries, names = drawn
    title = _locator_title(project, neighbourhood)
    return LocatorMap(locator_path(neighbourhood.id), locator_description(boundaries, neighbourhood.id, names=names, title=title))


def map_assets(project: Project) -> Iterator[Asset]:
    """Every map the site publishes: a choropleth for each indicator with neighbourhood figures, and a locator map
    for each neighbourhood with a boundary. None when the partnership gives no boundaries."""
    drawn = _mapped(project)
    if drawn is None:
        return
    boundaries, names = drawn
    for indicator in project.indicators:
        chosen = _latest_period(project, indicator, boundaries)
        if chosen is not None:
            period, values = chosen
            svg = choropleth(boundaries, values, title=indicator.title, unit=indicator.unit, better=indicator.better, names=names,
                             period=period.label)
            yield Asset(indicator_map_path(project, indicator), svg)
    for area in boundaries.areas:
        neighbourhood = project.neighbourhood_by_id[area.id]
        title = _locator_title(project, neighbourhood)
        yield Asset(locator_path(area.id), locator(boundaries, area.id, names=names, title=title))


def _locator_title(project: Project, neighbourhood: Neighbourhood) -> str:
    return f"Where {neighbourhood.name} is in {headline_label(project)}"


def _mapped(project: Project) -> tuple[Boundaries, dict[str, str]] | None:
    """The boundaries of the partnership's neighbourhoods (an unknown id is reported by check, and not drawn), with
    each neighbourhood's name; None when there are none to draw."""
    if project.boundaries is None:
        return None
    known = project.neighbourhood_by_id
    order = {neighbourhood: index for index, neighbourhood in enumerate(known)}  # as partnership.yml lists them
    areas = tuple(sorted((area for area in project.boundaries.areas if area.id in known), key=lambda area: order[area.id]))
    if not areas:
        return None
    return Boundaries(project.boundaries.path, areas, project.boundaries.named), {area.id: known[area.id].name for area in areas}


def _latest_period(project: Project, indicator: Indicator, boundaries: Boundaries) -> tuple[Period, dict[str, float | None]] | None:
    """The latest period in which at least two neighbourhoods on the map have figures in the indicator's unit, and
    every mapped neighbourhood's figure for it."""
    series = [s for s in indicator_series(project, indicator)
              if s.kind is SeriesKind.AREA and s.key in boundaries.by_id and s.unit == indicator.unit]
    periods: dict[tuple[object, object], Period] = {}
    for item in series:
        for point in item.points:
            periods.setdefault((point.period.start, point.period.end), point.period)
    for key in sorted(periods, key=lambda key: (periods[key].end, periods[key].start), reverse=True):
        period = periods[key]
        values: dict[str, float | None] = {area.id: None for area in boundaries.areas}
        for item in series:
            found = next((p for p in item.points if (p.period.start, p.period.end) == key), None)
            if found is not None:
                values[item.key] = found.value
        if sum(value is not None for value in values.values()) >= 2:
            return period, values
    return None


# --- the maps -------------------------------------------------------------------------------------------------------


def choropleth_description(boundaries: Boundaries, values: Mapping[str, float | None], *, title: str, unit: str, better: str,
                           names: Mapping[str, str], period: str) -> str:
    """What the map shows, in words: for its <desc>, and for the page's text alternative."""
    known = [(names.get(area.id, area.id), value) for area in boundaries.areas if (value := values.get(area.id)) is not None]
    parts = [f"Map by neighbourhood of {title}, {period} ({unit}; {better} is better, and darker shading is worse)."]
    if known:
        highest = max(known, key=lambda item: item[1])
        lowest = min(known, key=lambda item: item[1])
        parts.append(f"Highest: {highest[0]}, {number(highest[1])}. Lowest: {lowest[0]}, {number(lowest[1])}.")
    missing = [names.get(area.id, area.id) for area in boundaries.areas if values.get(area.id) is None]
    if missing:
        parts.append(f"No figures for {listed(missing)}.")
    return " ".join(parts)


def choropleth(boundaries: Boundaries, values: Mapping[str, float | None], *, title: str, unit: str, better: str,
               names: Mapping[str, str], period: str) -> str:
    """The neighbourhoods shaded by ``values`` (by neighbourhood id; None or absent: no figures), as an SVG document.
    ``better`` is "higher" or "lower"; the shading is darker for worse either way."""
    layout = layout_of(boundaries)
    figures = [value for area in boundaries.areas if (value := values.get(area.id)) is not None]
    limits = _class_limits(min(figures), max(figures)) if figures else []
    shades = _shades(max(len(limits) - 1, 1))  # by class, lowest figures first
    if better == "higher":
        shades = shades[::-1]
    missing = any(values.get(area.id) is None for area in boundaries.areas)
    legend, legend_height = _legend(HEADER + layout.height + 32, f"Figures for {period} ({unit})", limits, shades, missing)
    description = choropleth_description(boundaries, values, title=title, unit=unit, better=better, names=names, period=period)
    out = [*_opening(HEADER + layout.height + 32 + legend_height, title, description),
           f'<pattern id="no-figures" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           f'<rect width="8" height="8" fill="{WHITE}"/><rect width="3" height="8" fill="{HATCH}"/></pattern>',
           *_shapes(layout), "</defs>",
           f'<text x="{MARGIN}" y="26" font-weight="700">{"▲ Higher" if better == "higher" else "▼ Lower"} is better: darker is worse</text>',
           f'<g transform="translate(0 {HEADER})">']
    fills = {area.id: NO_FIGURES if (value := values.get(area.id)) is None else shades[_class_of(value, limits)] for area in boundaries.areas}
    out.extend(f'<use href="#a{index}" fill="{fills[area.id]}"/>' for index, area in enumerate(boundaries.areas))
    out.extend(_outlines(layout))
    for area in boundaries.areas:
        value = values.get(area.id)
        background = WHITE if value is None else fills[area.id]  # the hatching's ground
        figure = "no figures" if value is None else number(value)
        out.extend(_label(layout, area.id, names.get(area.id, area.id), figure, colour=text_colour_on(background), halo=background))
    out.append("</g>")
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(top: float, heading: str, limits: Sequence[float], shades: Sequence[str], missing: bool) -> tuple[list[str], float]:
    """The key below the map: a row of the classes' shades, lowest figures first, with their limits written under the
    joins, then a hatched "No figures" if any neighbourhood has none. Returns its elements and its height."""
    lines = textwrap.wrap(heading, 64) or [""]
    out = [f'<text x="{MARGIN}" y="{coordinate(top + 16 + 22 * row)}">{xml_escape(line)}</text>' for row, line in enumerate(lines)]
    y = top + 22 * len(lines) + 4
    single = len(limits) == 2 and limits[0] == limits[1]
    labels = [number(limits[0])] if single else [number(limit) for limit in limits]
    widest = CHAR_WIDTH * 16 * max((len(label) for label in labels), default=0) + 12
    width = min(max(64, widest), (MAP_WIDTH - 180) / max(len(shades), 1))  # the ramp and "No figures" fit on a row
    x = MARGIN + width / 2  # room for the first limit's label, centred under the ramp's start
    for index, shade in enumerate(shades if limits else []):
        out.append(f'<rect x="{coordinate(x + index * width)}" y="{coordinate(y)}" width="{coordinate(width)}" height="20" fill="{shade}" stroke="{TEXT}"/>')
    marks = [x + width / 2] if single else [x + index * width for index in range(len(limits))]
    out.extend(f'<text x="{coordinate(mark)}" y="{coordinate(y + 40)}" text-anchor="middle">{xml_escape(label)}</text>'
               for mark, label in zip(marks, labels, strict=True))
    end = x + width * len(shades) + width / 2 if limits else MARGIN
    if missing:
        if end + 150 > WIDTH - MARGIN:  # no room beside the ramp: a row of its own
            end, y = MARGIN, y + 52
        out.append(f'<rect x="{coordinate(end + 8)}" y="{coordinate(y)}" width="28" height="20" fill="{NO_FIGURES}" stroke="{TEXT}"/>'
                   f'<text x="{coordinate(end + 44)}" y="{coordinate(y + 16)}">No figures</text>')
    return out, y + 52 - top


def locator_description(boundaries: Boundaries, highlight: str, *, names: Mapping[str, str], title: str) -> str:
    layout = layout_of(boundaries)
    name = names.get(highlight, highlight)
    parts = [f"{title}: a map of the {len(boundaries.areas)} neighbourhoods with {name} filled in, "
             f"{whereabouts(layout, highlight)} of the area."]
    neighbours = [names.get(area.id, area.id) for area in boundaries.areas if area.id in layout.neighbours.get(highlight, ())]
    if neighbours:
        parts.append(f"It borders {listed(neighbours)}.")
    return " ".join(parts)


def locator(boundaries: Boundaries, highlight: str, *, names: Mapping[str, str], title: str) -> str:
    """Every neighbourhood outlined and named, the one with id ``highlight`` filled in, as an SVG document."""
    layout = layout_of(boundaries)
    description = locator_description(boundaries, highlight, names=names, title=title)
    # Cut to the map's own width: a page shows a locator map small, beside the neighbourhood's figures.
    out = [*_opening(layout.height + 2 * MARGIN, title, description, layout.left - MARGIN, layout.width + 2 * MARGIN),
           *_shapes(layout), "</defs>", f'<g transform="translate(0 {MARGIN})">']
    for index, area in enumerate(boundaries.areas):
        out.append(f'<use href="#a{index}" fill="{BLUE if area.id == highlight else OTHER_AREA}"/>')
    out.extend(_outlines(layout))
    for area in boundaries.areas:
        chosen = area.id == highlight
        fill = BLUE if chosen else OTHER_AREA
        out.extend(_label(layout, area.id, names.get(area.id, area.id), None, colour=WHITE if chosen else GUIDE, halo=fill,
                          bold=chosen, sizes=(22, 18, 16, 14) if chosen else (18, 16, 14, 12)))
    out.append("</g>\n</svg>")
    return "\n".join(out) + "\n"


def _opening(height: float, title: str, description: str, left: float = 0, width: float = WIDTH) -> list[str]:
    """The document's start, showing the part of the drawing ``width`` wide from ``left``."""
    x, w, h = coordinate(left), coordinate(width), coordinate(height)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} 0 {w} {h}" width="{w}" height="{h}" '
        f'role="img" font-family="{FONT}" font-size="16" fill="{TEXT}">',
        f"<title>{xml_escape(title)}</title>",
        f"<desc>{xml_escape(description)}</desc>",
        f'<rect x="{x}" width="{w}" height="{h}" fill="{WHITE}"/>',
        "<defs>",
    ]


def _shapes(layout: Layout) -> list[str]:
    # evenodd: a hole is a hole whichever way its ring winds (RFC 7946 asks for one way, and files from many tools use the other)
    return [f'<path id="a{index}" d="{path}" fill-rule="evenodd"/>' for index, path in enumerate(layout.paths.values())]


def _outlines(layout: Layout) -> list[str]:
    """Every border twice: a white casing under a thin dark line, so that it stands out on any shade."""
    uses = "".join(f'<use href="#a{index}"/>' for index in range(len(layout.paths)))
    return [f'<g fill="none" stroke="{WHITE}" stroke-width="3" stroke-linejoin="round">{uses}</g>',
            f'<g fill="none" stroke="{TEXT}" stroke-width="1" stroke-linejoin="round">{uses}</g>']


# --- classes and colours ---------------------------------------------------------------------------------------------


def _class_limits(low: float, high: float) -> list[float]:
    """Round limits from at or below ``low`` to at or above ``high``: four or five classes with a step of 1, 2, 2.5 or 5
    times a power of ten if one gives them, else of 3, 4, 6 or 8, else as many as five or fewer can be. Figures that
    are all the same are one class."""
    if high - low <= 1e-12 * max(abs(low), abs(high), 1.0):
        return [low, high]
    magnitude = 10.0 ** math.floor(math.log10(high / 5 - low / 5))  # not (high - low), which overflows for the largest floats

    def span(step: float) -> tuple[int, int]:
        return math.floor(low / step + DUST), math.ceil(high / step - DUST)

    def steps(multiples: tuple[float, ...]) -> list[float]:
        return sorted(multiple * magnitude * decade for decade in (1, 10, 100) for multiple in multiples)

    for candidates, fewest in ((steps(ROUND_STEPS), 4), (steps(ROUND_STEPS + LESS_ROUND_STEPS), 4), (steps(ROUND_STEPS + LESS_ROUND_STEPS), 1)):
        fitting = [step for step in candidates if fewest <= span(step)[1] - span(step)[0] <= 5]
        if fitting:
            break
    first, last = span(fitting[0])
    return [min(max(round(k * fitting[0], 12), -sys.float_info.max), sys.float_info.max) for k in range(first, last + 1)]


def _class_of(value: float, limits: Sequence[float]) -> int:
    return min(max(bisect_right(limits, value) - 1, 0), max(len(limits) - 2, 0))


def _shades(count: int) -> list[str]:
    """``count`` shades of the palette, spread from its lightest to its darkest."""
    if count == 1:
        return [PALETTE[2]]
    return [PALETTE[round(i * (len(PALETTE) - 1) / (count - 1))] for i in range(count)]


def _luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2.2's contrast ratio of two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour_on(fill: str) -> str:
    """The text colour, near-black or white, that stands out more on ``fill``."""
    return TEXT if contrast(TEXT, fill) >= contrast(WHITE, fill) else WHITE


def _label(layout: Layout, area: str, name: str, figure: str | None, *, colour: str, halo: str, bold: bool = True,
           sizes: Sequence[int] = (16, 14, 12)) -> list[str]:
    """The area's name (bold) and figure at the roomiest point inside it, at the largest size that fits inside its
    borders, the name on two lines if it fits only so; nothing when it fits no way (the page's table has every figure)."""
    asked = (area, name, figure, colour, halo, bold, tuple(sizes))
    if asked not in layout.labels:
        layout.labels[asked] = _fitted_label(layout, area, name, figure, colour=colour, halo=halo, bold=bold, sizes=sizes)
    return layout.labels[asked]


def _fitted_label(layout: Layout, area: str, name: str, figure: str | None, *, colour: str, halo: str, bold: bool,
                  sizes: Sequence[int]) -> list[str]:
    x, y = layout.anchors[area]
    names = [[name], *([list(_halves(name))] if " " in name else [])]
    for size, name_lines in ((size, lines) for size in sizes for lines in names):
        lines = [*name_lines, *([figure] if figure is not None else [])]
        width = max(len(line) * size * (BOLD_WIDTH if bold and row < len(name_lines) else CHAR_WIDTH) for row, line in enumerate(lines)) + 4
        height = len(lines) * size * 1.2
        box = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
        if fits(layout, area, box):
            break
    else:
        return []
    first = y - height / 2 + size * 0.95  # the first line's baseline
    weights = [' font-weight="700"' if bold and row < len(name_lines) else "" for row in range(len(lines))]
    spans = "".join(f'<tspan x="{coordinate(x)}" y="{coordinate(first + row * size * 1.2)}"{weights[row]}>{xml_escape(line)}</tspan>'
                    for row, line in enumerate(lines))
    return [f'<text text-anchor="middle" font-size="{size}" fill="{colour}" stroke="{halo}" stroke-width="3" '
            f'stroke-linejoin="round" paint-order="stroke">{spans}</text>']


def _halves(name: str) -> tuple[str, str]:
    """The name split at the space nearest its middle."""
    spaces = [index for index, character in enumerate(name) if character == " "]
    middle = min(spaces, key=lambda index: (abs(len(name) - 2 * index), index))
    return name[:middle], name[middle + 1:]
