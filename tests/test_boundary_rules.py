"""Boundary rules (SS018, SS440-SS443): neighbourhoods.geojson is read as GeoJSON, each of its features is a
neighbourhood of partnership.yml drawn as a polygon in longitude and latitude, and each neighbourhood has one.
The file is hostile until read: every problem is a finding at its line, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from strategy_site.findings import Finding, Severity
from strategy_site.model.boundaries import MAX_AREAS, MAX_POINTS
from strategy_site.model.project import load_project
from tests.conftest import REPO, edit, findings_for, line_of, where

GEOJSON = "neighbourhoods.geojson"
RULES = ("SS018", "SS440", "SS441", "SS442", "SS443")
SHOWN = "src/" + GEOJSON
BROOKSIDE = "  - id: brookside\n    name: Brookside\n    renewal_area: true\n"


def square(west: float, south: float = 53.70, size: float = 0.02) -> list[list[float]]:
    """A closed ring: a square of ``size`` degrees from its south-west corner, counter-clockwise."""
    east, north = round(west + size, 5), round(south + size, 5)
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def feature(area: str | None, geometry: object = None, **extra: object) -> str:
    """One feature on one line; ``area`` None leaves out the id."""
    geometry = geometry if geometry is not None else {"type": "Polygon", "coordinates": [square(-2.45)]}
    properties = {} if area is None else {"id": area}
    return json.dumps({"type": "Feature", "properties": properties, "geometry": geometry, **extra})


def collection(*features: str) -> str:
    """A FeatureCollection with each feature on a line of its own: feature n is on line n + 1."""
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n"


def write(project_dir: Path, text: str | bytes) -> Path:
    path = project_dir / GEOJSON
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def boundary_findings(project_dir: Path) -> list[Finding]:
    """The findings about the boundary file, or from its rules: the rest of the fixture is other rules' business."""
    return [f for f in findings_for(project_dir) if f.code in RULES or f.path.endswith(".geojson")]


def add_riverside(project_dir: Path) -> None:
    edit(project_dir / "partnership.yml", BROOKSIDE, BROOKSIDE + "  - id: riverside\n    name: Riverside\n")


# --- reading --------------------------------------------------------------------------------------------------------


def test_a_partnership_without_a_boundary_file_has_no_boundaries_and_no_finding(project_dir: Path) -> None:
    project = load_project(project_dir)

    assert project.boundaries is None
    assert boundary_findings(project_dir) == []


def test_a_valid_boundary_file_is_read_and_is_not_published_as_it_is(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside")))

    project = load_project(project_dir)

    assert boundary_findings(project_dir) == []
    assert project.boundaries is not None
    assert [area.id for area in project.boundaries.areas] == ["brookside"]
    assert project.boundaries.areas[0].polygons == (((tuple((lon, lat) for lon, lat in square(-2.45))),),)
    assert GEOJSON not in project.assets


def test_a_geojson_file_elsewhere_in_the_folder_is_still_not_published(project_dir: Path) -> None:
    (project_dir / "maps").mkdir()
    (project_dir / "maps" / GEOJSON).write_text(collection(feature("brookside")), encoding="utf-8")

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS014", "src/maps/" + GEOJSON, 1, 1)]


def test_a_boundary_file_linked_from_outside_the_folder_is_not_read(project_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "private.geojson"
    outside.write_text(collection(feature("brookside")), encoding="utf-8")
    os.symlink(outside, project_dir / GEOJSON)

    assert where(boundary_findings(project_dir)) == [("SS008", SHOWN, 1, 1)]
    assert load_project(project_dir).boundaries is None


# --- SS018 boundary-file-unreadable ------------------------------------------------------------------------------------


def test_a_boundary_file_that_is_not_json_is_an_error_at_the_mistake(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside")).replace('"Feature",', '"Feature"', 1))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS018", SHOWN, 2, 20)]  # where the comma belongs
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message == "the file is not valid JSON: Expecting ',' delimiter"
    assert findings[0].hint.startswith("save the boundaries as GeoJSON in WGS 84 (EPSG:4326)")


def test_a_single_feature_instead_of_a_collection_is_reported(project_dir: Path) -> None:
    write(project_dir, feature("brookside") + "\n")

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS018", SHOWN, 1, 1)]
    assert findings[0].message == "the file must hold one GeoJSON FeatureCollection, and it holds a Feature"


def test_a_collection_without_a_list_of_features_is_reported(project_dir: Path) -> None:
    write(project_dir, '{"type": "FeatureCollection", "features": {}}\n')

    assert [f.message for f in boundary_findings(project_dir)] == ['the FeatureCollection has no list of "features"']


def test_a_key_given_twice_is_reported_where_it_is_repeated(project_dir: Path) -> None:
    write(project_dir, collection('{"type": "Feature", "properties": {"id": "brookside", "id": "riverside"}, "geometry": null}'))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS018", SHOWN, 2, 55)]
    assert findings[0].message == 'the key "id" is given twice in the same object'


@pytest.mark.parametrize("text,message", [
    ("[" * 100_000 + "]" * 100_000, "the file's brackets are nested too deeply to be GeoJSON"),
    ('{"type": "FeatureCollection", "features": [], "n": ' + "9" * 5000 + "}",
     "the file cannot be read as JSON: a number in it has thousands of digits, far more than any coordinate or id has"),
], ids=["deep", "long-number"])
def test_json_that_would_exhaust_the_reader_is_refused_without_a_traceback(project_dir: Path, text: str, message: str) -> None:
    write(project_dir, text)

    findings = boundary_findings(project_dir)

    assert [(f.code, f.message) for f in findings] == [("SS018", message)]


def test_a_boundary_file_that_is_not_utf8_is_reported(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside")).encode("utf-16"))

    findings = boundary_findings(project_dir)

    assert [(f.code, f.message) for f in findings] == [("SS018", "the file is not UTF-8 text (byte 0xff cannot be read)")]


def test_a_boundary_file_with_more_points_than_a_map_needs_is_refused(project_dir: Path) -> None:
    ring = [[-2.45 + i / 100_000, 53.70] for i in range(MAX_POINTS)] + [[-2.45, 53.71], [-2.45, 53.70]]
    write(project_dir, collection(feature("brookside", {"type": "Polygon", "coordinates": [ring]})))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS018", SHOWN, 1, 1)]
    assert findings[0].message == (
        "the file holds 20,002 points, more than the 20,000 a map of neighbourhoods needs: simplify the boundaries "
        "(mapshaper.org: Simplify; QGIS: Vector, Geometry Tools, Simplify)")
    assert load_project(project_dir).boundaries is None


def test_a_boundary_file_with_more_areas_than_a_map_can_name_is_refused(project_dir: Path) -> None:
    write(project_dir, collection(*(feature(f"lsoa-{number}") for number in range(MAX_AREAS + 1))))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS018", SHOWN, 1, 1)]
    assert findings[0].message == (
        "the file holds 201 features, more than the 200 areas a map on a page can show and name: draw maps of "
        "neighbourhoods, not of the smaller areas statistics are published for (output areas, LSOAs), or merge those "
        "into neighbourhoods first (mapshaper.org: Dissolve; QGIS: Vector, Geoprocessing Tools, Dissolve)")
    assert load_project(project_dir).boundaries is None


def test_a_boundary_file_over_the_size_limit_is_not_read(project_dir: Path) -> None:
    write(project_dir, " " * (2 * 1024 * 1024 + 1))

    assert [f.code for f in boundary_findings(project_dir)] == ["SS010"]


# --- SS440 boundary-unknown-neighbourhood --------------------------------------------------------------------------------


def test_a_feature_without_an_id_is_an_error_at_the_feature(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside"), feature(None, {"type": "Polygon", "coordinates": [square(-2.43)]})))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS440", SHOWN, 3, 1)]
    assert findings[0].message == "feature 2 has no id, so it matches no neighbourhood"


def test_an_id_outside_the_features_properties_is_pointed_out(project_dir: Path) -> None:
    write(project_dir, collection(feature(None, id="brookside")))

    findings = boundary_findings(project_dir)

    assert [(f.code, f.message) for f in findings if f.path == SHOWN] == [
        ("SS440", "feature 1 has no id in its properties (its id is outside them), so it matches no neighbourhood")]


def test_a_ward_number_as_an_id_matches_the_neighbourhood_with_that_number(project_dir: Path) -> None:
    edit(project_dir / "partnership.yml", "  - id: brookside\n", "  - id: 12\n")
    write(project_dir, collection(feature("brookside").replace('"id": "brookside"', '"id": 12')))

    assert [f for f in boundary_findings(project_dir) if f.code == "SS440"] == []
    boundaries = load_project(project_dir).boundaries
    assert boundaries is not None and [area.id for area in boundaries.areas] == ["12"]


def test_an_id_that_is_neither_text_nor_a_whole_number_is_an_error_that_shows_it(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside").replace('"id": "brookside"', '"id": 12.5')))

    findings = boundary_findings(project_dir)

    assert [(f.code, f.message) for f in findings if f.path == SHOWN] == [
        ("SS440", 'feature 1 has an id that is not text ("12.5"), so it matches no neighbourhood')]


def test_a_feature_whose_id_is_no_neighbourhood_suggests_the_nearest(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside"), feature("brooksde", {"type": "Polygon", "coordinates": [square(-2.43)]})))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS440", SHOWN, 3, 1)]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message == '"brooksde" is not a neighbourhood listed in partnership.yml. Did you mean "brookside"?'


def test_an_unknown_id_is_not_judged_while_partnership_yml_cannot_be_read(project_dir: Path) -> None:
    write(project_dir, collection(feature("nowhere")))
    edit(project_dir / "partnership.yml", "name: Fernley Partnership", "name: [Fernley")

    assert boundary_findings(project_dir) == []


# --- SS441 boundary-geometry -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("geometry,message", [
    ({"type": "Point", "coordinates": [-2.45, 53.7]}, 'the boundary of "brookside" is a Point geometry, not a Polygon or MultiPolygon'),
    ({"type": "Polygon", "coordinates": [square(-2.45)[:3]]},
     'the boundary of "brookside" has a ring of 3 points; a ring needs at least four, the last the same as the first'),
    ({"type": "Polygon", "coordinates": [square(-2.45)[:4] + [[-2.45, 53.705]]]},
     'the boundary of "brookside" has a ring that does not end where it starts'),
    ({"type": "Polygon", "coordinates": [[[383000, 433000], [384200, 433000], [384200, 434100], [383000, 433000]]]},
     'the boundary of "brookside" has a point out of range (383000, 433000): longitude must be -180 to 180 and latitude -90 to 90; '
     "these look like British National Grid metres (eastings and northings)"),
    ({"type": "Polygon", "coordinates": [[[-2.45, True], [-2.43, 53.7], [-2.43, 53.72], [-2.45, True]]]},
     'the boundary of "brookside" has a point that is not [longitude, latitude] numbers: "[-2.45, true]"'),
    ({"type": "MultiPolygon", "coordinates": []}, 'the boundary of "brookside" is a MultiPolygon with no polygons in it'),
    ({"type": "Polygon", "coordinates": [[[-2.45, 53.70], [-2.44, 53.71], [-2.43, 53.72], [-2.45, 53.70]]]},
     'the boundary of "brookside" has a ring that encloses no area: its points lie on one line, so there is nothing to shade'),
], ids=["point", "short-ring", "open-ring", "grid-metres", "not-a-number", "empty", "no-area"])
def test_a_boundary_that_is_not_a_polygon_in_longitude_and_latitude_is_an_error_at_its_geometry(
        project_dir: Path, geometry: object, message: str) -> None:
    write(project_dir, collection(feature("brookside", geometry)))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS441", SHOWN, 2, 68)]  # the geometry's opening brace
    assert findings[0].message == message


def test_a_coordinate_that_is_not_finite_is_reported(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside").replace("-2.43", "NaN", 1)))

    findings = boundary_findings(project_dir)

    assert [(f.code, f.message) for f in findings] == [
        ("SS441", 'the boundary of "brookside" has a coordinate that is not a finite number (NaN, Infinity, or too large)')]


def test_a_feature_without_geometry_is_reported_at_the_feature(project_dir: Path) -> None:
    write(project_dir, collection('{"type": "Feature", "properties": {"id": "brookside"}, "geometry": null}'))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS441", SHOWN, 2, 1)]
    assert findings[0].message == 'the boundary of "brookside" has no geometry'


def test_an_item_of_features_that_is_not_a_feature_is_reported(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside"), '{"type": "Polygon", "coordinates": []}'))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS441", SHOWN, 3, 1)]
    assert findings[0].message == 'feature 2 is not a GeoJSON Feature (an object with "type": "Feature")'


def test_a_neighbourhood_whose_boundary_cannot_be_drawn_is_not_also_reported_as_missing(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside", {"type": "LineString", "coordinates": [[-2.45, 53.7], [-2.43, 53.7]]})))

    assert [f.code for f in boundary_findings(project_dir)] == ["SS441"]
    boundaries = load_project(project_dir).boundaries
    assert boundaries is not None and boundaries.areas == ()


def test_a_file_of_many_bad_features_gives_ten_findings(project_dir: Path) -> None:
    write(project_dir, collection(*[feature(None)] * 50))

    assert [f.code for f in boundary_findings(project_dir) if f.path == SHOWN] == ["SS440"] * 10


# --- SS442 neighbourhood-without-boundary -----------------------------------------------------------------------------------


def test_a_neighbourhood_without_a_boundary_is_a_warning_at_the_neighbourhood(project_dir: Path) -> None:
    add_riverside(project_dir)
    write(project_dir, collection(feature("brookside")))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS442", "src/partnership.yml", line_of(project_dir / "partnership.yml", "id: riverside"), 9)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == "Riverside has no boundary in neighbourhoods.geojson, so every map has a hole where it is"


# --- SS443 duplicate-boundary ------------------------------------------------------------------------------------------------


def test_a_second_feature_for_the_same_neighbourhood_is_an_error_at_the_second(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside"), feature("brookside", {"type": "Polygon", "coordinates": [square(-2.43)]})))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS443", SHOWN, 3, 1)]
    assert findings[0].message == '"brookside" already has a boundary (line 2), so this one is left out'
    boundaries = load_project(project_dir).boundaries
    assert boundaries is not None and boundaries.areas[0].polygons[0][0][0] == (-2.45, 53.7)


# --- the demonstration -------------------------------------------------------------------------------------------------------


def test_the_demo_boundaries_tile_the_borough_without_gaps_or_overlaps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    project = load_project(Path("strategy_src"))
    boundaries = project.boundaries
    assert boundaries is not None
    assert [f for f in findings_for(Path("strategy_src")) if f.path.endswith(GEOJSON) or f.code in RULES] == []
    assert sorted(area.id for area in boundaries.areas) == sorted(project.neighbourhood_by_id)
    edges: dict[frozenset[tuple[float, float]], int] = {}
    for area in boundaries.areas:
        (ring,), = area.polygons
        assert 10 <= len(ring) - 1 <= 40, area.id
        for a, b in zip(ring, ring[1:], strict=False):
            edges[frozenset((a, b))] = edges.get(frozenset((a, b)), 0) + 1
    # Every edge is shared by exactly two neighbourhoods, or is on the borough's edge; those form one closed ring.
    assert set(edges.values()) == {1, 2}
    outer = [tuple(edge) for edge, count in edges.items() if count == 1]
    corners: dict[tuple[float, float], int] = {}
    for a, b in outer:
        corners[a] = corners.get(a, 0) + 1
        corners[b] = corners.get(b, 0) + 1
    assert set(corners.values()) == {2}


# --- the credit line ------------------------------------------------------------------------------------------------

CREDIT = "Contains OS data © Crown copyright and database right 2025"


def test_the_credit_line_the_licence_asks_for_is_read_from_the_file(project_dir: Path) -> None:
    write(project_dir, collection(feature("brookside")).replace('"features"', f'"attribution": "{CREDIT}", "features"', 1))

    project = load_project(project_dir)

    assert project.boundaries is not None and project.boundaries.attribution == CREDIT
    assert boundary_findings(project_dir) == []


@pytest.mark.parametrize("credit", ['["OS"]', '"line one\\nline two"', '"' + "x" * 301 + '"'])
def test_a_credit_line_that_is_not_one_line_of_text_is_reported_and_left_out(project_dir: Path, credit: str) -> None:
    write(project_dir, collection(feature("brookside")).replace('"features"', f'"attribution": {credit}, "features"', 1))

    findings = boundary_findings(project_dir)

    assert where(findings) == [("SS018", SHOWN, 1, 1)]
    assert findings[0].message.startswith('the "attribution" must be')
    assert load_project(project_dir).boundaries.attribution is None  # type: ignore[union-attr]
