"""The charts of an indicator's series: the indicator chart with its comparators and breakdown, the gap chart,
the neighbourhood chart and the group chart, and the files the site publishes for them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from strategy_site.model.series import SeriesKind, series_targets
from strategy_site.render.chart_files import indicator_charts
from strategy_site.render.chart_marks import spread
from strategy_site.render.charts import alt_text, indicator_chart
from strategy_site.render.group_chart import group_chart
from strategy_site.render.series_charts import gap_chart, neighbourhood_chart
from strategy_site.words import number
from tests.chart_fixture import chart_project, life_expectancy, life_expectancy_of, values

SVG = "{http://www.w3.org/2000/svg}"
SVG_TAGS = {f"{SVG}{tag}" for tag in ("svg", "title", "desc", "rect", "text", "line", "polyline", "circle", "path", "g")}


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def key_entries(svg: ET.Element) -> dict[str, ET.Element]:
    """The key's entries by their text: each a <g> with its sample and its text."""
    return {(g.find(f"{SVG}text").text or ""): g for g in svg.iter(f"{SVG}g")}  # type: ignore[union-attr]


def end_labels(svg: ET.Element) -> list[str]:
    """The names written at the lines' ends, top to bottom."""
    labels = [t for t in svg.iter(f"{SVG}text") if t.get("paint-order") == "stroke"]
    return [t.text or "" for t in sorted(labels, key=lambda t: float(t.get("y", "")))]


def lines_by_colour(svg: ET.Element) -> dict[str, ET.Element]:
    return {line.get("stroke", ""): line for line in svg.iter(f"{SVG}polyline")}


def series_in_key(svg: ET.Element) -> list[str]:
    """The key's entries that are lines (a sample line and a marker), in order."""
    return [name for name, g in key_entries(svg).items() if len(g) == 3 and g[0].tag == f"{SVG}line"]


def marker_shape(g: ET.Element) -> str:
    """A key entry's marker, without its colour: its element, shape and whether it is hollow."""
    mark = g[1]
    shape = mark.get("d") or f"r={mark.get('r')}"
    return f"{mark.tag} {shape} {'hollow' if mark.get('fill') == '#ffffff' else 'filled'}"


def contrast_with_white(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


# --- the indicator chart ----------------------------------------------------------------------------------


def test_seven_neighbourhoods_chart_the_renewal_areas_and_the_worst_and_best_beside_the_comparators(tmp_path: Path) -> None:
    svg = parsed(indicator_chart(*life_expectancy_of(chart_project(tmp_path / "src"))))

    assert series_in_key(svg) == ["Borough of Fernley", "England", "North West", "The renewal areas", "Northgate", "Copley Fields"]
    assert len(list(svg.iter(f"{SVG}polyline"))) == 6
    assert end_labels(svg) == [
        "Copley Fields 81.2", "England 79.3", "North West 77.8", "Borough of Fernley 76.9", "The renewal areas 70.8", "Northgate 68.9",
    ]


def test_every_line_has_its_own_marker_and_dash_pattern_and_a_colour_with_3_to_1_contrast(tmp_path: Path) -> None:
    svg = parsed(indicator_chart(*life_expectancy_of(chart_project(tmp_path / "src"))))
    entries = [key_entries(svg)[name] for name in series_in_key(svg)]

    shapes = [marker_shape(g) for g in entries]
    dashes = [g[0].get("stroke-dasharray", "solid") for g in entries]
    colours = [g[0].get("stroke", "") for g in entries]
    assert len(set(shapes)) == len(set(dashes)) == len(set(colours)) == 6
    assert min(contrast_with_white(colour) for colour in colours) >= 3
    # The comparators' markers are hollow, as the partnership does not own their figures.
    assert [shape.endswith("hollow") for shape in shapes] == [False, True, True, False, False, False]


def test_the_headline_stays_the_strongest_line_drawn_on_top(tmp_path: Path) -> None:
    svg = parsed(indicator_chart(*life_expectancy_of(chart_project(tmp_path / "src"))))
    polylines = list(svg.iter(f"{SVG}polyline"))

    assert [p.get("stroke-width") for p in polylines] == ["2", "2", "2", "2", "2", "3"]
    assert polylines[-1].get("stroke") == "#1d70b8" and polylines[-1].get("stroke-dasharray") is None
    assert [t.text for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "700"][1:] == ["Borough of Fernley 76.9"]


def test_names_at_the_lines_ends_that_would_overlap_are_nudged_apart_with_a_leader_line(tmp_path: Path) -> None:
    svg = parsed(indicator_chart(*life_expectancy_of(chart_project(tmp_path / "src"))))
    labels = sorted(float(t.get("y", "")) for t in svg.iter(f"{SVG}text") if t.get("paint-order") == "stroke")
    leaders = [line for line in svg.iter(f"{SVG}line") if line.get("stroke") == "#0b0c0c"
               and line.get("x1") != line.get("x2") and line.get("y1") != line.get("y2")]

    assert all(lower - upper >= 17 for upper, lower in zip(labels, labels[1:], strict=False))
    # England (79.3), North West (77.8) and the headline (76.9) are within a label's height of one another.
    assert len(leaders) == 3


def test_the_chosen_group_charts_its_categories_by_their_names(tmp_path: Path) -> None:
    project = chart_project(tmp_path / "src", life_expectancy(chart="sex"))
    progress, series = life_expectancy_of(project)
    svg = parsed(indicator_chart(progress, series))

    assert series_in_key(svg) == ["Borough of Fernley", "England", "North West", "female", "male"]
    assert alt_text(progress, series).endswith(
        "It also shows England and North West for comparison, and figures by sex for female and male."
    )


def test_the_alt_text_names_the_comparators_the_breakdown_and_what_is_left_to_the_table(tmp_path: Path) -> None:
    assert alt_text(*life_expectancy_of(chart_project(tmp_path / "src"))) == (
        "Chart of Life expectancy at birth (years), higher is better. Baseline 77.2 in 2019. Latest 76.9 in 2024, no change. "
        "Target 78.5 by 2030: off track for the target. "
        "It also shows England and North West for comparison, and the renewal areas, Northgate and Copley Fields. "
        "Northgate has the worst latest figure and Copley Fields the best; the table has them all."
    )


def test_few_neighbourhoods_are_all_charted(tmp_path: Path) -> None:
    document = life_expectancy(comparators=[])
    document["breakdowns"] = document["breakdowns"][1:4]  # three neighbourhoods, no renewal areas line
    progress, series = life_expectancy_of(chart_project(tmp_path / "src", document))

    assert series_in_key(parsed(indicator_chart(progress, series))) == ["Borough of Fernley", "Northgate", "Saltmarsh", "Kiln Lane"]
    assert alt_text(progress, series).endswith(". It also shows Northgate, Saltmarsh and Kiln Lane.")


def test_an_indicator_with_no_breakdowns_or_comparators_gets_the_headline_chart(tmp_path: Path) -> None:
    progress, series = life_expectancy_of(chart_project(tmp_path / "src", life_expectancy(breakdowns=[], comparators=[])))

    assert indicator_chart(progress, series) == indicator_chart(progress)
    assert series_in_key(parsed(indicator_chart(progress))) == ["Actual"]
    assert alt_text(progress, series) == alt_text(progress)


HOSTILE_PLACE = '<b>England</b> & "x"'
HOSTILE_CATEGORY = "<i>women</i> &amp;"


def test_hostile_names_are_written_as_text(tmp_path: Path) -> None:
    document = life_expectancy(chart="sex")
    document["comparators"][0]["name"] = HOSTILE_PLACE
    document["breakdowns"][-1]["category"] = HOSTILE_CATEGORY
    progress, series = life_expectancy_of(chart_project(tmp_path / "src", document))
    svg = parsed(indicator_chart(progress, series))

    assert series_in_key(svg) == ["Borough of Fernley", HOSTILE_PLACE, "North West", "female", HOSTILE_CATEGORY]
    assert {f"{HOSTILE_PLACE} 79.3", f"{HOSTILE_CATEGORY} 72.7"} <= set(end_labels(svg))
    assert not [element for element in svg.iter() if element.tag not in SVG_TAGS]
    assert f"It also shows {HOSTILE_PLACE} and North West" in (svg.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]


def test_every_chart_of_an_indicator_holds_hostile_names_only_as_text(tmp_path: Path) -> None:
    document = life_expectancy()
    document["comparators"][0]["name"] = HOSTILE_PLACE
    document["breakdowns"][-1]["category"] = HOSTILE_CATEGORY
    project = chart_project(tmp_path / "src", document, {"northgate": "<script>alert(1)</script>"})
    progress, _ = life_expectancy_of(project)
    svgs = {asset.path: parsed(asset.content) for asset in indicator_charts(project, progress)}

    assert len(svgs) == 10
    assert all(element.tag in SVG_TAGS for svg in svgs.values() for element in svg.iter())
    texts = {path: " ".join(svg.itertext()) for path, svg in svgs.items()}
    assert "<script>alert(1)</script> 68.9" in texts["neighbourhoods/northgate/life-expectancy.svg"]
    assert f"{HOSTILE_PLACE} 79.3" in texts["neighbourhoods/northgate/life-expectancy.svg"]
    assert f"{HOSTILE_CATEGORY} 72.7" in texts["indicators/life-expectancy-groups.svg"]


# --- the gap chart ----------------------------------------------------------------------------------------


def gap_svg(project: Any) -> ET.Element:
    progress, series = life_expectancy_of(project)
    [gap] = [t for t in series_targets(project, progress.indicator, series) if t.is_gap]
    return parsed(gap_chart(project, progress.indicator, gap))


def test_a_gap_chart_says_whether_the_gap_is_narrowing_with_the_measure_in_words(tmp_path: Path) -> None:
    svg = gap_svg(chart_project(tmp_path / "src"))
    texts = [t.text for t in svg.iter(f"{SVG}text")]

    assert svg.find(f"{SVG}title").text == "Gap between the renewal areas and Borough of Fernley: narrowing"  # type: ignore[union-attr]
    assert texts[:2] == ["The gap is narrowing", "difference in years"]
    assert svg.find(f"{SVG}desc").text == (  # type: ignore[union-attr]
        "Chart of the gap between the renewal areas and Borough of Fernley in Life expectancy at birth (difference in years), "
        "a smaller gap is better. The gap is narrowing. Latest gap 6.1 in 2024. Target 5.8 by 2030: on track for the target."
    )


def test_a_gap_chart_draws_the_gap_each_period_and_the_target(tmp_path: Path) -> None:
    svg = gap_svg(chart_project(tmp_path / "src"))
    [line] = svg.iter(f"{SVG}polyline")

    assert len(line.get("points", "").split()) == 6
    assert "Target 5.8 by 2030" in key_entries(svg) and "Path to target" in key_entries(svg)


def test_a_ratio_gap_is_measured_in_times_the_other_figure(tmp_path: Path) -> None:
    document = life_expectancy(better="lower", unit="per 1,000 households", title="Burglary rate")
    document["targets"] = [{"value": 3, "by": "2030", "kind": "floor", "each": "neighbourhood", "against": "england", "measure": "ratio"}]
    svg = gap_svg(chart_project(tmp_path / "src", document))

    assert [t.text for t in svg.iter(f"{SVG}text")][:2] == ["The gap is narrowing", "times the England figure"]
    assert (svg.find(f"{SVG}title").text or "").startswith("Gap between the worst neighbourhood and England")  # type: ignore[union-attr]
    assert "The worst then was Copley Fields." in (svg.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]


def axis_numbers(svg: ET.Element) -> list[float]:
    """The numbers written beside the value axis, bottom first."""
    labels = [t for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "end" and re.fullmatch(r"-?[\d.,]+", t.text or "")]
    return sorted(float((t.text or "").replace(",", "")) for t in labels)


def test_a_gap_charts_axis_reaches_no_gap_at_all_not_just_the_target(tmp_path: Path) -> None:
    numbers = axis_numbers(gap_svg(chart_project(tmp_path / "src")))

    assert numbers[0] == 0  # the gap of 6.1 years is drawn from no gap, not from the target of 5.8


def test_a_ratio_gaps_axis_reaches_one_times_the_other_figure(tmp_path: Path) -> None:
    document = life_expectancy(better="lower", unit="per 1,000 households", title="Burglary rate")
    document["targets"] = [{"value": 3, "by": "2030", "kind": "floor", "each": "neighbourhood", "against": "england", "measure": "ratio"}]

    assert axis_numbers(gap_svg(chart_project(tmp_path / "src", document)))[0] == 1


# --- the neighbourhood chart ------------------------------------------------------------------------------


def neighbourhood_svg(project: Any, key: str) -> ET.Element:
    progress, series = life_expectancy_of(project)
    [subject] = [s for s in series if s.key == key]
    return parsed(neighbourhood_chart(progress.indicator, series, subject))


def test_a_neighbourhood_is_charted_against_the_headline_and_england(tmp_path: Path) -> None:
    svg = neighbourhood_svg(chart_project(tmp_path / "src"), "northgate")

    assert series_in_key(svg) == ["Northgate", "Borough of Fernley", "England"]
    assert end_labels(svg) == ["England 79.3", "Borough of Fernley 76.9", "Northgate 68.9"]
    assert len({marker_shape(key_entries(svg)[name]) for name in series_in_key(svg)}) == 3
    assert svg.find(f"{SVG}desc").text == (  # type: ignore[union-attr]
        "Chart of Life expectancy at birth (years) in Northgate against Borough of Fernley and England, higher is better. "
        "In 2024: Northgate 68.9, Borough of Fernley 76.9 and England 79.3."
    )


def test_without_england_a_neighbourhood_is_charted_against_the_first_comparator(tmp_path: Path) -> None:
    document = life_expectancy()
    document["comparators"] = document["comparators"][::-1]
    document["comparators"][1]["id"] = "all-england"
    svg = neighbourhood_svg(chart_project(tmp_path / "src", document), "lowmoor")

    assert series_in_key(svg) == ["Lowmoor", "Borough of Fernley", "North West"]


# --- the group chart --------------------------------------------------------------------------------------


def test_a_group_chart_has_a_bar_for_each_category_with_its_figure_and_the_headline_as_a_reference(tmp_path: Path) -> None:
    document = life_expectancy()
    document["breakdowns"].append({"group": "age", "category": "65 and over", "values": values([18.4], ["2023"])})
    progress, series = life_expectancy_of(chart_project(tmp_path / "src", document))
    svg = parsed(group_chart(progress.indicator, series))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    bars = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("height") == "18"]
    [reference] = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]

    assert len(bars) == 3
    assert [t for t in texts if t in ("Sex", "Age band", "female", "male", "65 and over")] == ["Sex", "female", "male", "Age band", "65 and over"]
    assert {"81.2", "72.7", "18.4 (2023)", "Borough of Fernley 76.9"} <= set(texts)
    assert float(reference.get("x1", "")) == round(224 + 392 * 76.9 / 100, 1)  # the scale runs from 0 to 100
    assert svg.find(f"{SVG}desc").text == (  # type: ignore[union-attr]
        "Chart of the latest Life expectancy at birth (years) by sex and age band, higher is better. Borough of Fernley: 76.9 in 2024. "
        "Sex: female 81.2 and male 72.7. Age band: 65 and over 18.4 (2023)."
    )


def test_a_hostile_category_is_written_as_text_in_the_group_chart(tmp_path: Path) -> None:
    document = life_expectancy()
    document["breakdowns"][-1]["category"] = HOSTILE_CATEGORY
    progress, series = life_expectancy_of(chart_project(tmp_path / "src", document))
    svg = parsed(group_chart(progress.indicator, series))

    assert HOSTILE_CATEGORY in [t.text for t in svg.iter(f"{SVG}text")]
    assert not [element for element in svg.iter() if element.tag not in SVG_TAGS]


def test_a_long_category_name_is_written_on_two_lines_beside_its_bar(tmp_path: Path) -> None:
    document = life_expectancy()
    document["breakdowns"][-1] = {"group": "ethnicity", "category": "Black, Black British, Caribbean or African", "values": values([74.0])}
    progress, series = life_expectancy_of(chart_project(tmp_path / "src", document))
    svg = parsed(group_chart(progress.indicator, series))
    names = {t.text: float(t.get("y", "")) for t in svg.iter(f"{SVG}text") if t.get("x") == "216"}
    [bar] = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("height") == "18" and float(rect.get("y", "")) > names["female"]]

    assert list(names) == ["female", "Black, Black British,", "Caribbean or African"]
    assert names["Caribbean or African"] - names["Black, Black British,"] == 16
    assert float(bar.get("y", "")) + 9 == (names["Black, Black British,"] + names["Caribbean or African"]) / 2 - 5


def bar_figure_and_reference(tmp_path: Path, headline: float, category: float) -> tuple[ET.Element, float]:
    """The figure written for the bar of a category with this latest figure, and where the reference line is."""
    document = life_expectancy()
    document["values"][-1]["value"] = headline
    document["breakdowns"][-2]["values"][-1]["value"] = category
    progress, series = life_expectancy_of(chart_project(tmp_path / "src", document))
    svg = parsed(group_chart(progress.indicator, series))
    [figure] = [t for t in svg.iter(f"{SVG}text") if t.text == number(category)]
    [reference] = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    return figure, float(reference.get("x1", ""))


def test_a_bar_figure_that_would_sit_on_the_reference_line_goes_beyond_the_bar(tmp_path: Path) -> None:
    figure, reference = bar_figure_and_reference(tmp_path, 76.9, 78)  # inside the bar's end, it would cross the line

    assert (figure.get("text-anchor"), figure.get("fill")) == ("start", "#0b0c0c")
    assert float(figure.get("x", "")) == round(224 + 392 * 78 / 80 + 6, 1) > reference  # the scale runs to 80


def test_a_bar_figure_with_no_room_beyond_the_bar_stops_short_of_the_reference_line(tmp_path: Path) -> None:
    figure, reference = bar_figure_and_reference(tmp_path, 98, 99.5)

    assert (figure.get("text-anchor"), figure.get("fill")) == ("end", "#ffffff")
    assert float(figure.get("x", "")) == reference - 6


# --- the files --------------------------------------------------------------------------------------------


def test_an_indicator_publishes_its_chart_gap_chart_group_chart_and_a_chart_per_neighbourhood(tmp_path: Path) -> None:
    project = chart_project(tmp_path / "src")
    progress, _ = life_expectancy_of(project)

    assert [asset.path for asset in indicator_charts(project, progress)] == [
        "indicators/life-expectancy-chart.svg",
        "indicators/life-expectancy-gap-1.svg",
        "indicators/life-expectancy-groups.svg",
        *(f"neighbourhoods/{id_}/life-expectancy.svg"
          for id_ in ("northgate", "saltmarsh", "kiln-lane", "town-centre", "ashby-rise", "copley-fields", "lowmoor")),
    ]


def test_charts_with_nothing_to_draw_are_not_published(tmp_path: Path) -> None:
    document = life_expectancy()
    document["breakdowns"] = [{"area": "northgate", "values": []}, {"group": "sex", "category": "female", "values": []}]
    project = chart_project(tmp_path / "src", document)
    progress, series = life_expectancy_of(project)

    assert [asset.path for asset in indicator_charts(project, progress)] == ["indicators/life-expectancy-chart.svg"]
    assert [s.kind for s in series if s.points] == [SeriesKind.HEADLINE, SeriesKind.COMPARATOR, SeriesKind.COMPARATOR]


# --- nudging names apart ----------------------------------------------------------------------------------


def test_names_apart_already_stay_where_they_are() -> None:
    assert spread([10, 50, 30], 17, 0, 100) == [10, 50, 30]


def test_overlapping_names_are_spread_about_their_middle() -> None:
    assert spread([50, 52, 54], 17, 0, 100) == [35, 52, 69]


def test_a_block_of_names_that_meets_another_joins_it() -> None:
    assert spread([39, 41, 58], 17, 0, 100) == [29, 46, 63]


def test_names_near_the_edge_are_kept_inside_the_plot() -> None:
    assert spread([98, 99], 17, 0, 100) == [83, 100]
    assert spread([1, 0], 17, 0, 100) == [17, 0]


def test_the_svg_uses_no_coordinates_outside_the_chart(tmp_path: Path) -> None:
    svg = indicator_chart(*life_expectancy_of(chart_project(tmp_path / "src")))
    xs = [float(x) for x in re.findall(r' x="([-\d.]+)"', svg)]

    assert 0 <= min(xs) and max(xs) <= 640
