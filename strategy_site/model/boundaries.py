"""The neighbourhoods' boundaries, read from ``neighbourhoods.geojson`` for the site's maps.

The file is hostile until read: it may not be JSON, may be GeoJSON of the wrong kind, may hold
coordinates in another system or far too many of them. Each problem is a finding at the feature it is
in, and a feature with a problem is left out; the file as a whole is refused only when it cannot be
read at all. Whether each id is a neighbourhood of partnership.yml is for check/boundaries.py.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from strategy_site.findings import Finding, Location, Position, Rule, Severity
from strategy_site.load.files import BOUNDARIES_FILE
from strategy_site.load.tree import ReadProblem, display_path, read_limited
from strategy_site.text_safety import printable
from strategy_site.words import quoted

MAX_POINTS = 20_000  # a map 640 pixels wide needs far fewer; more is an unsimplified survey file
# A map 640 pixels wide cannot name more areas than this (about a hundred wards make the largest borough), and
# each area with a boundary gets a locator map that draws every other: thousands would make gigabytes of maps.
MAX_AREAS = 200
MAX_FINDINGS = 10  # per file: enough to find the pattern, few enough to read
BOUNDARY_HINT = f'see "Boundaries for maps" in the authoring guide for the shape of {BOUNDARIES_FILE}'

BOUNDARY_FILE_UNREADABLE = Rule(
    "SS018",
    "boundary-file-unreadable",
    Severity.ERROR,
    what=f"The neighbourhood boundary file, {BOUNDARIES_FILE}, cannot be read as GeoJSON: it is not UTF-8 JSON, it is "
    f"not a FeatureCollection, an object in it repeats a key, or it holds more than {MAX_POINTS:,} points or "
    f"{MAX_AREAS} features; or its "
    f"credit line (\"attribution\") is not one line of text.",
    why="The site draws every map from this file, so none can be drawn from a file that cannot be read. A key given "
    "twice would leave the reader to guess which value was meant, and a file of hundreds of thousands of points "
    "would make every map slow to build and to download. Each area also gets a locator map that draws every other, "
    "so thousands of areas would make gigabytes of maps that no one could read.",
    example='{"type": "Feature", "properties": {"id": "northgate"}, "geometry": {...}}',
    instead='{"type": "FeatureCollection", "features": [\n  {"type": "Feature", "properties": {"id": "northgate"}, "geometry": {...}}\n]}',
)
BOUNDARY_UNKNOWN_NEIGHBOURHOOD = Rule(
    "SS440",
    "boundary-unknown-neighbourhood",
    Severity.ERROR,
    what=f"A feature in {BOUNDARIES_FILE} has no properties.id, or its id is not a neighbourhood listed in "
    "partnership.yml.",
    why="The maps match each boundary to its neighbourhood by id, to shade it and to name it. A boundary that matches "
    "no neighbourhood is drawn nowhere, and the neighbourhood that was meant is a hole in every map.",
    example='"properties": {"id": "north-gate", "name": "Northgate"}',
    instead='"properties": {"id": "northgate"}   # the id under neighbourhoods in partnership.yml',
)
BOUNDARY_GEOMETRY = Rule(
    "SS441",
    "boundary-geometry",
    Severity.ERROR,
    what=f"A feature's geometry in {BOUNDARIES_FILE} is not a Polygon or MultiPolygon in longitude and latitude: it is "
    "missing or of another type, a ring has fewer than four points, does not end where it starts or encloses no area, or a coordinate "
    "is not a number, not finite, or out of range (longitude -180 to 180, latitude -90 to 90).",
    why="A neighbourhood is an area: a point or a line cannot be shaded. GeoJSON is always in WGS 84 longitude and "
    "latitude (RFC 7946); coordinates in another system, such as British National Grid metres, would put the "
    "neighbourhood in the wrong place or off the map.",
    example='"geometry": {"type": "Polygon", "coordinates": [[[383000, 433000], [384200, 433000], [384200, 434100], [383000, 433000]]]}',
    instead='"geometry": {"type": "Polygon", "coordinates": [[[-2.41, 53.72], [-2.39, 53.72], [-2.39, 53.73], [-2.41, 53.72]]]}',
)
DUPLICATE_BOUNDARY = Rule(
    "SS443",
    "duplicate-boundary",
    Severity.ERROR,
    what=f"Two features in {BOUNDARIES_FILE} have the same id.",
    why="A neighbourhood is one area on the map. Two features for it would be shaded and labelled twice, and one of "
    "them may be an old boundary left in by mistake: the site keeps the first and cannot tell which was meant.",
    example='{"type": "Feature", "properties": {"id": "saltmarsh"}, "geometry": {"type": "Polygon", ...}},\n'
    '{"type": "Feature", "properties": {"id": "saltmarsh"}, "geometry": {"type": "Polygon", ...}}',
    instead='{"type": "Feature", "properties": {"id": "saltmarsh"}, "geometry": {"type": "MultiPolygon", "coordinates": [...both parts...]}}',
)

Lonlat = tuple[float, float]  # longitude, latitude
Ring = tuple[Lonlat, ...]  # closed: the last point is the first
Polygon = tuple[Ring, ...]  # the outer ring, then any holes


@dataclass(frozen=True)
class Boundary:
    id: str
    polygons: tuple[Polygon, ...]
    where: Location  # the feature in the file


@dataclass(frozen=True)
class Boundaries:
    path: str  # as findings show it
    areas: tuple[Boundary, ...]  # the features that could be read, in the file's order, one an id
    named: frozenset[str]  # every id a feature gives, read or not, so that a bad feature is not also reported as missing
    attribution: str | None = None  # the credit the boundaries' licence asks for, shown under every map

    @cached_property
    def by_id(self) -> dict[str, Boundary]:
        return {area.id: area for area in self.areas}


def read_boundaries(path: Path | None) -> tuple[Boundaries | None, list[Finding]]:
    """The boundaries in the file at ``path`` (None: the partnership has none), and the problems found in it."""
    if path is None:
        return None, []
    shown = display_path(path)
    try:
        raw = read_limited(path, shown)
    except ReadProblem as problem:
        return None, [problem.finding]
    return parse_boundaries(shown, raw)


class _Unreadable(Exception):
    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message, self.offset = message, offset


def parse_boundaries(shown: str, raw: bytes) -> tuple[Boundaries | None, list[Finding]]:
    """The boundaries in ``raw``, the bytes of the file shown as ``shown``; None when it cannot be read at all."""
    text = ""
    try:
        text = _text(raw)
        data = _json(text)
        features = _features(data, text)
    except _Unreadable as problem:
        where = _position(text, problem.offset) if text else Position(1, 1)
        return None, [BOUNDARY_FILE_UNREADABLE.at(Location(shown, where), problem.message, _UNREADABLE_HINT)]
    reader = _FeatureReader(shown, text, data)
    for index, feature in enumerate(features):
        reader.read(index, feature)
    attribution, wrong = _attribution(data.get("attribution"))
    if wrong:
        reader.findings.insert(0, BOUNDARY_FILE_UNREADABLE.at(Location(shown, _position(text, _first_object(text))), wrong, _ATTRIBUTION_HINT))
    return Boundaries(shown, tuple(reader.areas), frozenset(reader.named), attribution), reader.findings[:MAX_FINDINGS]


MAX_ATTRIBUTION = 300  # characters: a credit line, not a paragraph
_ATTRIBUTION_HINT = ('write it as one line of text, for example "attribution": "Contains OS data © Crown copyright and '
                     'database right 2025", or leave it out')


def _attribution(value: Any) -> tuple[str | None, str | None]:
    """The file's credit line (a member GeoJSON allows beside "features"), or the problem with it."""
    if value is None:
        return None, None
    if not isinstance(value, str) or not value.strip():
        return None, 'the "attribution" must be the credit line for the boundaries, as text'
    if len(value) > MAX_ATTRIBUTION or printable(value) != value:
        return None, f'the "attribution" must be one line of at most {MAX_ATTRIBUTION} ordinary characters'
    return value.strip(), None


_UNREADABLE_HINT = (f"save the boundaries as GeoJSON in WGS 84 (EPSG:4326), for example with QGIS or mapshaper.org, as one "
                    f"FeatureCollection; {BOUNDARY_HINT}")


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Unreadable(f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)") from None


class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        raise _DuplicateKey
    return result


def _json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise _Unreadable(f"the file is not valid JSON: {error.msg}", error.pos) from None
    except _DuplicateKey:
        key, offset = _first_duplicate_key(text)
        raise _Unreadable(f'the key "{printable(key)}" is given twice in the same object', offset) from None
    except RecursionError:
        raise _Unreadable("the file's brackets are nested too deeply to be GeoJSON") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise _Unreadable("the file cannot be read as JSON: a number in it has thousands of digits, far more than any "
                          "coordinate or id has") from None


def _features(data: Any, text: str) -> list[Any]:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        found = f'a {printable(str(data["type"]))[:40]}' if isinstance(data, dict) and isinstance(data.get("type"), str) else "something else"
        raise _Unreadable(f"the file must hold one GeoJSON FeatureCollection, and it holds {found}", _first_object(text))
    features = data.get("features")
    if not isinstance(features, list):
        raise _Unreadable('the FeatureCollection has no list of "features"', _first_object(text))
    if len(features) > MAX_AREAS:
        raise _Unreadable(f"the file holds {len(features):,} features, more than the {MAX_AREAS} areas a map on a page can show and "
                          "name: draw maps of neighbourhoods, not of the smaller areas statistics are published for (output areas, "
                          "LSOAs), or merge those into neighbourhoods first (mapshaper.org: Dissolve; QGIS: Vector, Geoprocessing "
                          "Tools, Dissolve)")
    points = sum(1 for _ in _positions(features))
    if points > MAX_POINTS:
        raise _Unreadable(f"the file holds {points:,} points, more than the {MAX_POINTS:,} a map of neighbourhoods needs: "
                          "simplify the boundaries (mapshaper.org: Simplify; QGIS: Vector, Geometry Tools, Simplify)")
    return features


def _positions(value: Any) -> Iterator[None]:
    """One item for each number pair found at any depth in ``value``: a cheap count of the points, without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            if len(item) >= 2 and all(isinstance(v, int | float) for v in item[:2]):
                yield None
            else:
                stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


# Where each object starts in the text, for the findings and for check's: json does not say, so the text is scanned
# once for braces outside strings. They open in the order of a depth-first walk of the parsed data, as no key repeats.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?|[{}]')


def _first_object(text: str) -> int:
    return max(text.find("{"), 0)


def _first_duplicate_key(text: str) -> tuple[str, int]:
    keys: list[set[str]] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "{":
            keys.append(set())
        elif token == "}":
            keys.pop()
        elif match.group(1):
            key = json.loads(text[match.start():match.start(1)])
            if key in keys[-1]:
                return key, match.start()
            keys[-1].add(key)
    return "", 0  # not reached: the parser found one


def _object_starts(text: str, data: Any) -> dict[int, int]:
    """Where each object of ``data`` (by its id()) starts in ``text``."""
    braces = [match.start() for match in _TOKEN.finditer(text) if match.group() == "{"]
    objects: list[Any] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            objects.append(item)
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return {id(item): offset for item, offset in zip(objects, braces, strict=False)}


def _position(text: str, offset: int) -> Position:
    return _position_in(_line_starts(text), offset)


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _position_in(line_starts: list[int], offset: int) -> Position:
    line = bisect_right(line_starts, offset)
    return Position(line, offset - line_starts[line - 1] + 1)


class _FeatureReader:
    """Reads the features one by one, keeping those that can be drawn and a finding for each that cannot."""

    def __init__(self, shown: str, text: str, data: Any) -> None:
        self.shown, self.text, self.data = shown, text, data
        self.areas: list[Boundary] = []
        self.named: set[str] = set()
        self.findings: list[Finding] = []
        self.first: dict[str, Location] = {}

    @cached_property
    def _starts(self) -> dict[int, int]:
        return _object_starts(self.text, self.data)

    @cached_property
    def _lines(self) -> list[int]:
        return _line_starts(self.text)

    def where(self, *candidates: Any) -> Location:
        """The first of ``candidates`` that is an object of the file, else the start of the collection."""
        for candidate in candidates:
            if id(candidate) in self._starts:
                return Location(self.shown, _position_in(self._lines, self._starts[id(candidate)]))
        return Location(self.shown, _position_in(self._lines, _first_object(self.text)))

    def read(self, index: int, feature: Any) -> None:
        number = f"feature {index + 1}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            self.findings.append(BOUNDARY_GEOMETRY.at(
                self.where(feature, self.data), f'{number} is not a GeoJSON Feature (an object with "type": "Feature")',
                f'make each item of "features" a Feature with "properties" and "geometry"; {BOUNDARY_HINT}'))
            return
        properties = feature.get("properties")
        area = properties.get("id") if isinstance(properties, dict) else None
        if isinstance(area, int) and not isinstance(area, bool):
            area = str(area)  # a ward number: partnership.yml reads `id: 12` as "12" too
        if not isinstance(area, str) or not area.strip():
            outside = " in its properties (its id is outside them)" if isinstance(feature.get("id"), str | int) else ""
            what = f"an id that is not text ({quoted(printable(json.dumps(area)))})" if area is not None else f"no id{outside}"
            self.findings.append(BOUNDARY_UNKNOWN_NEIGHBOURHOOD.at(
                self.where(feature), f"{number} has {what}, so it matches no neighbourhood",
                'give it "properties": {"id": "..."} with the id of its neighbourhood in partnership.yml'))
            return
        self.named.add(area)
        geometry = feature.get("geometry")
        try:
            polygons = _polygons(geometry)
        except _BadGeometry as problem:
            self.findings.append(BOUNDARY_GEOMETRY.at(self.where(geometry, feature), f"the boundary of {quoted(printable(area))} {problem.message}",
                                                      problem.hint))
            return
        if area in self.first:
            first = self.first[area]
            self.findings.append(DUPLICATE_BOUNDARY.at(
                self.where(feature), f"{quoted(printable(area))} already has a boundary (line {first.position.line}), so this one is left out",
                "keep one feature for each neighbourhood; for a neighbourhood in several parts, make its geometry a MultiPolygon "
                "of all of them"))
            return
        self.first[area] = self.where(feature)
        self.areas.append(Boundary(area, polygons, self.first[area]))


class _BadGeometry(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or f"export the boundaries as Polygons in WGS 84 longitude and latitude (EPSG:4326); {BOUNDARY_HINT}"


def _polygons(geometry: Any) -> tuple[Polygon, ...]:
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise _BadGeometry("has no geometry", "draw the neighbourhood's boundary, or take the feature out")
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return (_polygon(coordinates),)
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise _BadGeometry("is a MultiPolygon with no polygons in it")
        return tuple(_polygon(polygon) for polygon in coordinates)
    shown = printable(kind)[:40] if isinstance(kind, str) else "not named"
    raise _BadGeometry(f"is a {shown} geometry, not a Polygon or MultiPolygon",
                       "a neighbourhood is an area: draw it as a Polygon, or a MultiPolygon if it has several parts")


def _polygon(coordinates: Any) -> Polygon:
    if not isinstance(coordinates, list) or not coordinates:
        raise _BadGeometry("has a polygon with no rings of coordinates")
    return tuple(_ring(ring) for ring in coordinates)


def _ring(coordinates: Any) -> Ring:
    if not isinstance(coordinates, list):
        raise _BadGeometry("has a ring that is not a list of points")
    ring = tuple(_lonlat(position) for position in coordinates)
    if len(ring) < 4:
        raise _BadGeometry(f"has a ring of {len(ring)} points; a ring needs at least four, the last the same as the first")
    if ring[0] != ring[-1]:
        raise _BadGeometry("has a ring that does not end where it starts", "repeat the ring's first point at its end, as GeoJSON requires")
    if abs(_enclosed(ring)) < NO_AREA:
        raise _BadGeometry("has a ring that encloses no area: its points lie on one line, so there is nothing to shade",
                           "draw the neighbourhood's boundary around it, or take the ring out")
    return ring


# In square degrees: about a hundredth of a square metre in England. Less is a line, or one point repeated.
NO_AREA = 1e-12


def _enclosed(ring: Ring) -> float:
    """The signed area the closed ``ring`` encloses, in square degrees (the shoelace formula)."""
    return sum(lon * next_lat - next_lon * lat for (lon, lat), (next_lon, next_lat) in zip(ring, ring[1:], strict=False)) / 2


def _lonlat(position: Any) -> Lonlat:
    if not isinstance(position, list) or len(position) not in (2, 3) or not all(_is_number(v) for v in position):
        raise _BadGeometry(f"has a point that is not [longitude, latitude] numbers: {quoted(printable(json.dumps(position)))}")
    lon, lat = float(position[0]), float(position[1])
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise _BadGeometry("has a coordinate that is not a finite number (NaN, Infinity, or too large)")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        grid = abs(lon) > 1000 and abs(lat) > 1000
        raise _BadGeometry(
            f"has a point out of range ({lon:g}, {lat:g}): longitude must be -180 to 180 and latitude -90 to 90"
            + ("; these look like British National Grid metres (eastings and northings)" if grid else ""),
            "export the boundaries in WGS 84 longitude and latitude (EPSG:4326): in QGIS, Export, Save Features As, CRS EPSG:4326")
    return lon, lat


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
