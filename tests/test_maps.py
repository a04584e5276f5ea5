"""Maps drawn from the partnership's boundaries: standalone SVG that parses, escapes every name, has a legend and a
text alternative, draws every neighbourhood, hatches those with no figures, and is the same bytes every build."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from strategy_site.model.boundaries import Boundaries, parse_boundaries
from strategy_site.model.project import load_project
from strategy_site.render.maps import (
    BLUE,
    GUIDE,
    HATCH,
    OTHER_AREA,
    PALETTE,
    TEXT,
    WHITE,
    choropleth,
    contrast,
    indicator_map,
    indicator_map_path,
    locator,
    locator_path,
    map_assets,
    neighbourhood_locator,
    text_colour_on,
)
from tests.conftest import edit

SVG = "{http://www.w3.org/2000/svg}"
NAMES = {"north": "Northgate", "south": "Saltmarsh", "east": "Lowmoor", "west": "Ashby Rise"}


def square(west: float, south: float, size: float = 0.05) -> list[list[float]]:
    east, north = round(west + size, 5), round(south + size, 5)
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def boundaries_of(rings: dict[str, list[list[float]]]) -> Boundaries:
    features = [{"type": "Feature", "properties": {"id": area}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
                for area, ring in rings.items()]
    boundaries, findings = parse_boundaries("neighbourhoods.geojson", json.dumps({"type": "FeatureCollection", "features": features}).encode())
    assert findings == [] and boundaries is not None
    return boundaries


@pytest.fixture
def four() -> Boundaries:
    """Four neighbourhoods, each a square of 0.05 degrees (about 3 by 5.5 km at 53.7 degrees north), two by two."""
    return boundaries_of({"north": square(-2.45, 53.75), "east": square(-2.40, 53.75), "west": square(-2.45, 53.70),
                          "south": square(-2.40, 53.70)})


def shaded(four: Boundaries, values: dict[str, float | None], better: str = "lower", names: dict[str, str] = NAMES) -> str:
    return choropleth(four, values, title="Domestic burglary rate", unit="per 1,000 households", better=better, names=names,
                      period="2024/25")


def fills(svg: str) -> list[str]:
    """Each area's fill, in the order drawn."""
    return [use.get("fill", "") for use in ET.fromstring(svg).iter(SVG + "use") if use.get("fill")]


def texts(svg: str) -> list[str]:
    return ["".join(text.itertext()) for text in ET.fromstring(svg).iter(SVG + "text")]


# --- the choropleth ---------------------------------------------------------------------------------------------------


def test_a_choropleth_is_a_standalone_svg_image_with_a_title_and_a_description(four: Boundaries) -> None:
    svg = shaded(four, {"north": 22.6, "south": 12.1, "east": 3.9, "west": 8.4})

    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    assert root.findtext(SVG + "title") == "Domestic burglary rate"
    assert root.findtext(SVG + "desc") == (
        "Map by neighbourhood of Domestic burglary rate, 2024/25 (per 1,000 households; lower is better, and darker shading "
        "is worse). Highest: Northgate, 22.6. Lowest: Lowmoor, 3.9.")


def test_every_area_is_drawn_and_labelled_with_its_name_and_figure(four: Boundaries) -> None:
    svg = shaded(four, {"north": 22.6, "south": 12.1, "east": 3.9, "west": 8.4})

    assert len(ET.fromstring(svg).findall(f"{SVG}defs/{SVG}path")) == 4
    assert len(fills(svg)) == 4
    assert {"Northgate22.6", "Saltmarsh12.1", "Lowmoor3.9", "Ashby Rise8.4"} <= set(texts(svg))


def test_darker_is_worse_whichever_way_is_better(four: Boundaries) -> None:
    values: dict[str, float | None] = {"north": 22.6, "south": 12.1, "east": 3.9, "west": 8.4}

    lower = dict(zip(["north", "east", "west", "south"], fills(shaded(four, values, "lower")), strict=True))
    higher = dict(zip(["north", "east", "west", "south"], fills(shaded(four, values, "higher")), strict=True))

    assert (lower["north"], lower["east"]) == (PALETTE[-1], PALETTE[0])
    assert (higher["north"], higher["east"]) == (PALETTE[0], PALETTE[-1])


def test_the_legend_gives_each_class_its_shade_and_limits(four: Boundaries) -> None:
    svg = shaded(four, {"north": 22.6, "south": 12.1, "east": 3.9, "west": 8.4})

    swatches = [rect.get("fill") for rect in ET.fromstring(svg).iter(SVG + "rect") if rect.get("stroke") == TEXT]
    assert swatches == list(PALETTE)[:-1] + [PALETTE[-1]]  # five classes of 5, lightest (lowest, best) first
    assert ["0", "5", "10", "15", "20", "25"] == [t for t in texts(svg) if t.isdigit()]
    assert "Figures for 2024/25 (per 1,000 households)" in texts(svg)
    assert "▼ Lower is better: darker is worse" in texts(svg)


def test_an_area_without_figures_is_hatched_and_says_so(four: Boundaries) -> None:
    svg = shaded(four, {"north": 22.6, "south": None, "east": 3.9})

    assert fills(svg) == [PALETTE[-1], PALETTE[0], "url(#no-figures)", "url(#no-figures)"]
    assert ET.fromstring(svg).find(f"{SVG}defs/{SVG}pattern[@id='no-figures']") is not None
    assert {"Saltmarshno figures", "Ashby Riseno figures", "No figures"} <= set(texts(svg))
    assert "No figures for Ashby Rise and Saltmarsh." in svg


def test_names_are_escaped_so_no_name_can_add_markup(four: Boundaries) -> None:
    names = {"north": "<script>", "south": "Fish & Chips", "east": '"quoted"', "west": "Ashby Rise"}

    svg = shaded(four, {"north": 22.6, "south": 12.1, "east": 3.9, "west": 8.4}, names=names)

    root = ET.fromstring(svg)
    assert [element.tag for element in root.iter() if "script" in element.tag] == []
    assert {"<script>22.6", "Fish & Chips12.1", '"quoted"3.9'} <= set(texts(svg))
    assert "Highest: <script>, 22.6" in root.findtext(SVG + "desc", "")


def test_every_label_can_be_read_on_its_fill() -> None:
    for fill in (*PALETTE, WHITE):
        assert contrast(text_colour_on(fill), fill) >= 4.5, fill
    assert contrast(WHITE, BLUE) >= 4.5 and contrast(GUIDE, OTHER_AREA) >= 4.5
    assert contrast(TEXT, HATCH) >= 4.5  # the dark text on the hatching's stripes, where its halo thins


def test_a_label_that_does_not_fit_its_area_is_left_to_the_table() -> None:
    sliver = [[-2.40, 53.70], [-2.3995, 53.70], [-2.3995, 53.80], [-2.40, 53.80], [-2.40, 53.70]]
    boundaries = boundaries_of({"west": square(-2.50, 53.70, 0.1), "east": sliver})

    svg = choropleth(boundaries, {"west": 1.0, "east": 2.0}, title="t", unit="u", better="lower", names=NAMES, period="2024")

    assert "Ashby Rise1" in texts(svg)
    assert not any(text.startswith("Lowmoor") for text in texts(svg))


def test_coordinates_are_written_to_a_tenth_of_a_pixel(four: Boundaries) -> None:
    svg = shaded(four, {"north": 1.0})

    paths = [path.get("d", "") for path in ET.fromstring(svg).iter(SVG + "path")]
    assert paths and all(re.fullmatch(r"(M[0-9., ]+Z)+", d) for d in paths)
    assert not re.search(r"\.\d\d", " ".join(paths))


def test_the_same_figures_give_the_same_bytes(four: Boundaries) -> None:
    values: dict[str, float | None] = {"north": 22.6, "south": None, "east": 3.9, "west": 8.4}

    assert shaded(four, values) == shaded(four, dict(values))


def test_a_neighbourhood_in_several_parts_with_a_hole_is_drawn_whole() -> None:
    outer = square(-2.50, 53.70, 0.1)
    hole = [[-2.48, 53.72], [-2.48, 53.74], [-2.46, 53.74], [-2.46, 53.72], [-2.48, 53.72]]
    document = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "west"}, "geometry": {
        "type": "MultiPolygon", "coordinates": [[outer, hole], [square(-2.38, 53.70, 0.02)]]}}]}
    boundaries, findings = parse_boundaries("b.geojson", json.dumps(document).encode())
    assert findings == [] and boundaries is not None

    svg = choropleth(boundaries, {"west": 1.0}, title="t", unit="u", better="lower", names=NAMES, period="2024")

    (path,) = ET.fromstring(svg).iter(SVG + "path")
    assert path.get("d", "").count("M") == 3
    assert ET.fromstring(svg).find(f"{SVG}g/{SVG}use") is not None


# --- the locator map ------------------------------------------------------------------------------------------------------


def test_a_locator_map_fills_the_one_neighbourhood_and_names_every_one(four: Boundaries) -> None:
    svg = locator(four, "east", names=NAMES, title="Where Lowmoor is in Fernley")

    assert fills(svg) == [OTHER_AREA, BLUE, OTHER_AREA, OTHER_AREA]
    assert set(texts(svg)) == set(NAMES.values())
    assert ET.fromstring(svg).findtext(SVG + "desc") == (
        "Where Lowmoor is in Fernley: a map of the 4 neighbourhoods with Lowmoor filled in, in the north-east of the area. "
        "It borders Northgate and Saltmarsh.")


# --- the site's maps ----------------------------------------------------------------------------------------------------------


BROOKSIDE = "  - id: brookside\n    name: Brookside\n    renewal_area: true\n"
FIGURES = """breakdowns:
  - area: brookside
    values:
      - {period: 2022/23, value: 30.1}
      - {period: 2023/24, value: 28.0}
  - area: riverside
    values:
      - {period: 2022/23, value: 12.5}
  - area: renewal-areas
    values:
      - {period: 2023/24, value: 28.0}
responsible: police
"""


@pytest.fixture
def mapped(project_dir: Path) -> Path:
    """The minimal partnership with a second neighbourhood, both with boundaries, and burglary figures for each."""
    edit(project_dir / "partnership.yml", BROOKSIDE, BROOKSIDE + "  - id: riverside\n    name: Riverside & Quay\n")
    edit(project_dir / "indicators/burglary-rate.yml", "responsible: police\n", FIGURES)
    features = [{"type": "Feature", "properties": {"id": area}, "geometry": {"type": "Polygon", "coordinates": [square(west, 53.70)]}}
                for area, west in (("brookside", -2.45), ("riverside", -2.40))]
    (project_dir / "neighbourhoods.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return project_dir


def test_no_boundary_file_means_no_map_anywhere(project_dir: Path) -> None:
    project = load_project(project_dir)

    assert list(map_assets(project)) == []
    assert indicator_map(project, project.indicators[0]) is None
    assert neighbourhood_locator(project, project.neighbourhood_by_id["brookside"]) is None


def test_the_site_maps_each_indicator_with_neighbourhood_figures_and_locates_each_neighbourhood(mapped: Path) -> None:
    project = load_project(mapped)

    assets = list(map_assets(project))

    assert [asset.path for asset in assets] == ["indicators/burglary-rate-map.svg", "neighbourhoods/brookside-map.svg",
                                                "neighbourhoods/riverside-map.svg"]
    assert indicator_map_path(project, project.indicators[0]) == assets[0].path and locator_path("riverside") == assets[2].path
    assert all(ET.fromstring(asset.content) is not None for asset in assets)
    assert "Riverside &amp; Quay" in assets[2].content


def test_an_indicator_map_shows_the_latest_period_in_which_two_neighbourhoods_have_figures(mapped: Path) -> None:
    project = load_project(mapped)

    chosen = indicator_map(project, project.indicators[0])

    assert chosen is not None
    assert (chosen.path, chosen.period, chosen.rows) == ("indicators/burglary-rate-map.svg", "2022/23",
                                                         (("Brookside", 30.1), ("Riverside & Quay", 12.5)))
    assert chosen.alt.startswith("Map by neighbourhood of Domestic burglary rate, 2022/23")


def test_an_indicator_with_figures_for_one_neighbourhood_has_no_map(mapped: Path) -> None:
    edit(mapped / "indicators/burglary-rate.yml", "      - {period: 2022/23, value: 12.5}\n", "      - {period: 2021/22, value: 12.5}\n")
    project = load_project(mapped)

    assert indicator_map(project, project.indicators[0]) is None
    assert [asset.path for asset in map_assets(project)] == ["neighbourhoods/brookside-map.svg", "neighbourhoods/riverside-map.svg"]


def test_a_locator_is_offered_only_for_a_neighbourhood_with_a_boundary(mapped: Path) -> None:
    text = (mapped / "neighbourhoods.geojson").read_text()
    (mapped / "neighbourhoods.geojson").write_text(text.replace('"riverside"', '"elsewhere"'))
    project = load_project(mapped)

    assert neighbourhood_locator(project, project.neighbourhood_by_id["riverside"]) is None
    brookside = neighbourhood_locator(project, project.neighbourhood_by_id["brookside"])
    assert brookside is not None and brookside.path == "neighbourhoods/brookside-map.svg"
    assert [asset.path for asset in map_assets(project)] == ["neighbourhoods/brookside-map.svg"]


def test_two_builds_make_the_same_maps(mapped: Path) -> None:
    first = [(asset.path, asset.content) for asset in map_assets(load_project(mapped))]

    assert first == [(asset.path, asset.content) for asset in map_assets(load_project(mapped))]


# --- hostile input ------------------------------------------------------------------------------------------------------------


def test_figures_at_the_limits_of_a_float_still_make_a_map(four: Boundaries) -> None:
    for values in ({"north": 1e308, "south": 1.7e308, "east": -1e308, "west": 5e-324}, {"north": 0.0, "south": 0.0}):
        svg = shaded(four, dict(values))

        assert ET.fromstring(svg).findtext(SVG + "desc", "").startswith("Map by neighbourhood")


def test_mangled_boundary_files_give_findings_or_maps_never_an_exception() -> None:
    import random

    from tests.conftest import REPO

    text = (REPO / "strategy_src" / "neighbourhoods.geojson").read_text(encoding="utf-8")
    names = {area: area.title() for area in ("northgate", "saltmarsh", "kiln-lane", "town-centre", "ashby-rise", "copley-fields", "lowmoor")}
    chance = random.Random(12)
    for _ in range(300):
        mangled = list(text)
        for _ in range(chance.randint(1, 4)):
            at = chance.randrange(len(mangled))
            mangled[at:at + chance.randint(0, 3)] = chance.choice(["", "[", "]", "{", "}", ",", '"', "-", "9e999", "0", "null", "\x00", "é"])
        boundaries, findings = parse_boundaries("n.geojson", "".join(mangled).encode("utf-8", "surrogatepass"))
        assert all(f.line >= 1 and f.column >= 1 for f in findings)
        if boundaries is not None and boundaries.areas:
            values: dict[str, float | None] = {area.id: float(index) for index, area in enumerate(boundaries.areas)}
            ET.fromstring(choropleth(boundaries, values, title="t", unit="u", better="lower", names=names, period="2024"))
            ET.fromstring(locator(boundaries, boundaries.areas[0].id, names=names, title="t"))


def test_a_hole_is_left_unfilled_whichever_way_its_ring_winds(four: Boundaries) -> None:
    svg = shaded(four, {"north": 1.0, "south": 2.0, "east": 3.0, "west": 4.0})

    shapes = ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}path")
    defined = [shape for shape in shapes if shape.get("id", "").startswith("a")]
    assert defined and all(shape.get("fill-rule") == "evenodd" for shape in defined)
