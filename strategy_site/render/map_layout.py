"""Where each neighbourhood goes on a map: the boundaries projected to pixels, and measured for labels.

The projection is equirectangular with longitude shrunk by the cosine of the middle latitude, which is true to
shape at the scale of a borough, fitted into a fixed width. Every map of a site is drawn from the same layout,
worked out once: each area's outline, the roomiest point inside it for its label, its centre, and which areas
border it, for the maps' text alternatives.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from strategy_site.model.boundaries import Boundaries, Ring

WIDTH = 640
MARGIN = 16
MAP_WIDTH, MAP_MAX_HEIGHT = WIDTH - 2 * MARGIN, 440

Pixel = tuple[float, float]


@dataclass(frozen=True)
class Layout:
    """The boundaries projected onto the map, from y = 0 down."""

    left: float  # where the map starts across, and how wide it is: centred in the image
    width: float
    height: float
    paths: dict[str, str]  # each area's SVG path data, by id
    rings: dict[str, list[list[Pixel]]]  # each area's rings in pixels, for fitting labels
    anchors: dict[str, Pixel]  # where each area's label goes: the point inside it farthest from its edges
    centres: dict[str, Pixel]  # each area's centre of mass (of its largest part), to say where it is
    neighbours: dict[str, frozenset[str]]  # the areas that share a border with each
    # Labels already fitted, by what was asked: every locator map of a site names the other areas the same way,
    # and fitting a label is the costly part of a map (a site of 140 neighbourhoods draws 140 locators of 140 labels).
    labels: dict[tuple[object, ...], list[str]] = field(default_factory=dict, compare=False)


@functools.lru_cache(maxsize=8)  # every map of a site has the same boundaries: projected and measured once
def layout_of(boundaries: Boundaries) -> Layout:
    points = [point for area in boundaries.areas for polygon in area.polygons for ring in polygon for point in ring]
    lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
    # Equirectangular, with longitude shrunk by the cosine of the middle latitude: true to shape at a borough's scale.
    shrink = math.cos(math.radians((min(lats) + max(lats)) / 2))
    left, right, top, bottom = min(lons) * shrink, max(lons) * shrink, -max(lats), -min(lats)
    scale = min(MAP_WIDTH / max(right - left, 1e-9), MAP_MAX_HEIGHT / max(bottom - top, 1e-9))
    offset = MARGIN + (MAP_WIDTH - (right - left) * scale) / 2

    def project(ring: Ring) -> list[Pixel]:
        pixels: list[Pixel] = []
        for lon, lat in ring:
            pixel = (round(offset + (lon * shrink - left) * scale, 1), round((-lat - top) * scale, 1))
            if not pixels or pixels[-1] != pixel:
                pixels.append(pixel)
        return pixels

    paths, rings, anchors, centres = {}, {}, {}, {}
    for area in boundaries.areas:
        polygons = [[pixels for ring in polygon if len(pixels := project(ring)) >= 4] for polygon in area.polygons]
        polygons = [polygon for polygon in polygons if polygon]
        rings[area.id] = [ring for polygon in polygons for ring in polygon]
        paths[area.id] = "".join("M" + " ".join(f"{coordinate(x)},{coordinate(y)}" for x, y in ring[:-1]) + "Z" for ring in rings[area.id])
        largest = max(polygons, key=lambda polygon: abs(_area(polygon[0])), default=[])
        anchors[area.id] = _pole(largest) if largest else (WIDTH / 2, 0.0)
        centres[area.id] = _centre(largest[0]) if largest else anchors[area.id]
    return Layout(offset, (right - left) * scale, round((bottom - top) * scale, 1), paths, rings, anchors, centres, _neighbours(boundaries))


def _neighbours(boundaries: Boundaries) -> dict[str, frozenset[str]]:
    """The areas that share at least two corners, that is a stretch of border, with each area."""
    sharing: dict[tuple[float, float], set[str]] = {}
    for area in boundaries.areas:
        for point in {point for polygon in area.polygons for ring in polygon for point in ring}:
            sharing.setdefault(point, set()).add(area.id)
    shared: dict[tuple[str, str], int] = {}
    for areas in sharing.values():
        for one in areas:
            for other in areas - {one}:
                shared[one, other] = shared.get((one, other), 0) + 1
    result: dict[str, set[str]] = {area.id: set() for area in boundaries.areas}
    for (one, other), count in shared.items():
        if count >= 2:
            result[one].add(other)
    return {area: frozenset(others) for area, others in result.items()}


def coordinate(value: float) -> str:
    """A coordinate to a tenth of a pixel, without a trailing .0: small files."""
    text = f"{value + 0.0:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _area(ring: Sequence[Pixel]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def _centre(ring: Sequence[Pixel]) -> Pixel:
    area = _area(ring)
    if area == 0:
        return ring[0]
    pairs = list(zip(ring, ring[1:], strict=False))
    x = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    y = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    return x, y


def _distance(point: Pixel, rings: Sequence[Sequence[Pixel]]) -> float:
    """How far ``point`` is from the nearest edge: positive inside the polygon (holes are outside), negative outside."""
    x, y = point
    inside, nearest = False, math.inf
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:], strict=False):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            dx, dy = bx - ax, by - ay
            share = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            nearest = min(nearest, math.hypot(x - ax - share * dx, y - ay - share * dy))
    return nearest if inside else -nearest


def _pole(rings: Sequence[Sequence[Pixel]]) -> Pixel:
    """The point inside the polygon farthest from its edges (Mapbox's polylabel): the roomiest place for a label."""
    xs, ys = [x for x, _ in rings[0]], [y for _, y in rings[0]]
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    precision = max(1.0, min(right - left, bottom - top) / 40)  # in pixels: finer would move no label
    best_point = ((left + right) / 2, (top + bottom) / 2)
    if min(right - left, bottom - top) <= precision or abs(_area(rings[0])) <= precision:
        return best_point  # a sliver: no label fits it
    size = max(min(right - left, bottom - top), max(right - left, bottom - top) / 16)  # at most 16 cells along it
    # Cells to look in, most promising first: (-the farthest from the edges a point in it could be, the order
    # pushed, which settles ties the same way every time, half the cell's size, its centre).
    queue: list[tuple[float, int, float, Pixel]] = []
    best = _distance(best_point, rings)

    def push(centre: Pixel, half: float) -> None:
        nonlocal best, best_point
        distance = _distance(centre, rings)
        heapq.heappush(queue, (-(distance + half * math.sqrt(2)), next(order), half, centre))
        if distance > best:
            best, best_point = distance, centre

    order = itertools.count()
    half = size / 2
    x = left
    while x < right:
        y = top
        while y < bottom:
            push((x + half, y + half), half)
            y += size
        x += size
    while queue:
        potential, _, half, (x, y) = heapq.heappop(queue)
        if -potential - best <= precision:
            break  # no cell left can beat the best by more than the precision
        half /= 2
        for dx in (-half, half):
            for dy in (-half, half):
                push((x + dx, y + dy), half)
    return best_point


def fits(layout: Layout, area: str, box: tuple[float, float, float, float]) -> bool:
    """Whether the box (left, top, right, bottom) around the area's anchor lies inside the area: no border crosses it."""
    return bool(layout.rings[area]) and not any(
        _crosses(box, a, b) for ring in layout.rings[area] for a, b in zip(ring, ring[1:], strict=False))


def _crosses(box: tuple[float, float, float, float], a: Pixel, b: Pixel) -> bool:
    """Whether the segment from ``a`` to ``b`` enters the box (Liang-Barsky clipping)."""
    left, top, right, bottom = box
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    start, end = 0.0, 1.0
    for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            start = max(start, t)
        else:
            end = min(end, t)
        if start > end:
            return False
    return True


def whereabouts(layout: Layout, area: str) -> str:
    """Where the area is on the map, in words: "in the north-west", "in the centre"."""
    x, y = layout.centres[area]
    across = (x - layout.left) / max(layout.width, 1e-9)
    down = y / max(layout.height, 1e-9)
    north_south = "north" if down < 1 / 3 else "south" if down > 2 / 3 else ""
    east_west = "west" if across < 1 / 3 else "east" if across > 2 / 3 else ""
    return f"in the {'-'.join(word for word in (north_south, east_west) if word) or 'centre'}"
