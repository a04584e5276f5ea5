"""Charts cope with any finite figures: huge, tiny, negative, all the same, or spanning every float; in one line
or many, as gaps or as bars."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import sys
import xml.etree.ElementTree as ET
from typing import Any

from hypothesis import example, given, settings, strategies as st

from strategy_site.model.documents import Breakdown, Indicator
from strategy_site.model.fields import parse_period
from strategy_site.model.progress import IndicatorProgress, Point, TargetStatus, Trend
from strategy_site.model.project import load_project
from strategy_site.model.series import GapTrend, Series, SeriesKind, TargetProgress
from strategy_site.render.chart_marks import LABEL_CHAR
from strategy_site.render.charts import indicator_chart
from strategy_site.render.group_chart import group_chart
from strategy_site.render.line_chart import BOTTOM, HEIGHT, LEFT, TOP
from strategy_site.render.series_charts import gap_chart, neighbourhood_chart
from strategy_site.words import number
from tests.conftest import FIXTURES

SVG = "{http://www.w3.org/2000/svg}"
COORDINATES = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "points", "d", "transform"}
BOX = 10_000  # every coordinate lies within this many units of the origin; the chart is 640 by 360
PLOT_TOP, PLOT_BOTTOM = TOP, HEIGHT - BOTTOM
BIGGEST = sys.float_info.max


def progress(baseline: float | None, figures: list[float], target: float | None, target_year: int = 2030) -> IndicatorProgress:
    """An indicator's progress with these figures: the baseline in 2019/20, then a figure a year from 2020/21."""
    indicator = Indicator.model_validate({
        "id": "burglary-rate", "title": "Burglary rate", "definition": "Burglaries per 1,000 households.",
        "unit": "per 1,000 households", "better": "lower", "source": "Police", "collection": "Recorded crime",
        "geography": "Borough", "frequency": "annual",
        "targets": [{"value": 15, "by": f"{target_year}/{(target_year + 1) % 100:02d}", "kind": "floor"}],
    })
    # model_copy does not validate, so the chart meets the figure as given, whatever limits the model sets.
    goal = indicator.targets[0].model_copy(update={"value": target}) if target is not None else None
    start = Point(parse_period("2019/20"), baseline) if baseline is not None else None
    points = tuple(Point(parse_period(f"{2020 + i}/{(21 + i) % 100:02d}"), value) for i, value in enumerate(figures))
    return IndicatorProgress(indicator, start, points, goal, None, Trend.TOO_FEW_FIGURES, TargetStatus.NO_TARGET)


def coordinates(value: str) -> list[float]:
    """The numbers in a coordinate attribute: '12.5', '1,2 3,4', 'M1 2L3 4Z', 'M1 2m-4 0h8z' or 'translate(64 308)'."""
    return [float(token) for token in re.split(r"[\s,()MLZmlhvz]+|translate", value) if token]


def tick_labels(svg: ET.Element) -> list[str]:
    """The value axis's labels, bottom to top: the text right-aligned just left of the plot."""
    return [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("x") == str(LEFT - 8)]


def as_number(label: str) -> float:
    return float(label.replace(",", ""))


FIGURE = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    baseline=st.none() | FIGURE,
    figures=st.lists(FIGURE, max_size=6),
    target=st.none() | FIGURE,
    target_year=st.integers(min_value=2015, max_value=2040),
)
@example(baseline=-1.7e308, figures=[1.7e308], target=None, target_year=2030)  # the range overflows a float
@example(baseline=BIGGEST, figures=[BIGGEST, BIGGEST], target=BIGGEST, target_year=2030)
@example(baseline=-BIGGEST, figures=[], target=BIGGEST, target_year=2030)
@example(baseline=1e16, figures=[1e16], target=1e16, target_year=2030)
@example(baseline=None, figures=[1e-300, 5e-324, 0.0], target=None, target_year=2030)
@example(baseline=None, figures=[], target=None, target_year=2030)
def test_any_finite_figures_give_a_well_formed_chart_with_every_point_in_the_plot(
    baseline: float | None, figures: list[float], target: float | None, target_year: int
) -> None:
    svg = ET.fromstring(indicator_chart(progress(baseline, figures, target, target_year)))

    for element in svg.iter():
        for name in COORDINATES.intersection(element.keys()):
            numbers = coordinates(element.get(name, ""))
            assert numbers and all(math.isfinite(n) and -BOX <= n <= BOX for n in numbers), (element.tag, name, element.get(name))

    labels = tick_labels(svg)
    assert 2 <= len(labels) <= 7
    values = [as_number(label) for label in labels]
    assert all(math.isfinite(v) for v in values) and values == sorted(values)
    grid = [float(line.get("y1", "")) for line in svg.iter(f"{SVG}line") if line.get("stroke") == "#d8d8d8"]
    assert len(grid) == len(labels) and grid == sorted(grid, reverse=True) and len(set(grid)) == len(grid)

    # Every figure sits between the lowest and the highest tick, so inside the plot.
    dots = [float(c.get("cy", "")) for c in svg.iter(f"{SVG}circle") if c.get("r") in ("4.5", "6") and c.get("cx") != "14"]
    diamonds = [coordinates(p.get("d", ""))[1] + 8 for p in svg.iter(f"{SVG}path") if not p.get("d", "").startswith("M14 ")]
    assert len(dots) == len(figures) + (baseline is not None) and len(diamonds) == (target is not None)
    assert all(PLOT_TOP - 0.5 <= y <= PLOT_BOTTOM + 0.5 for y in dots + diamonds)


def labels_for(*figures: float, target: float | None = None) -> list[str]:
    return tick_labels(ET.fromstring(indicator_chart(progress(None, list(figures), target))))


def test_ordinary_figures_keep_their_round_tick_labels() -> None:
    # 21.4 down to 15: a step of 2, from the even number below to the even number above.
    assert labels_for(21.4, 19.8, 18.9, target=15) == ["14", "16", "18", "20", "22"]
    assert labels_for(0.1, 0.7) == ["0", "0.2", "0.4", "0.6", "0.8"]
    assert labels_for(-3.5, 2) == ["-4", "-2", "0", "2"]


def test_figures_all_the_same_get_ticks_either_side_of_the_value() -> None:
    assert labels_for(5, 5, target=5) == ["4", "4.5", "5", "5.5", "6"]
    assert labels_for(-0.5) == ["-1.5", "-1", "-0.5", "0"]
    assert labels_for(1e16, 1e16, target=1e16) == ["9,000", "9,500", "10,000", "10,500", "11,000"]  # in trillions


def test_figures_of_zero_do_not_give_negative_ticks() -> None:
    assert labels_for(0, 0) == ["0", "0.25", "0.5", "0.75", "1"]


def test_a_figure_of_1e308_is_drawn_with_finite_labels() -> None:
    labels = labels_for(1e308, 1e308)  # in trillions
    assert len(set(labels)) == 5 and all(math.isfinite(as_number(label)) for label in labels)
    assert as_number(labels[0]) * 1e12 < 1e308 < as_number(labels[-1]) * 1e12


def test_a_range_too_wide_to_subtract_is_labelled_by_its_ends() -> None:
    assert labels_for(-1.7e308, 1.7e308) == [number(-1.7e308 / 1e12), number(1.7e308 / 1e12)]


def test_large_figures_are_labelled_in_millions_so_the_labels_fit() -> None:
    svg = indicator_chart(progress(None, [250_000_000, 400_000_000], None))

    assert labels_for(250_000_000, 400_000_000) == ["250", "300", "350", "400"]
    assert "(in millions)</text>" in svg
    assert labels_for(2_500_000, 4_000_000) == ["2,500", "3,000", "3,500", "4,000"]  # in thousands: fits


def test_long_period_labels_that_would_overlap_are_not_both_drawn() -> None:
    def labels_on_the_axis(first: str, last: str) -> list[str]:
        chart = progress(None, [10, 12], 15, target_year=2040)  # a far target: the two figures sit close together
        points = tuple(dataclasses.replace(point, period=parse_period(label)) for point, label in zip(chart.figures, (first, last), strict=True))
        svg = ET.fromstring(indicator_chart(dataclasses.replace(chart, figures=points)))
        return [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("y") == str(PLOT_BOTTOM + 22)]

    assert labels_on_the_axis("2022/23 academic year", "2023/24 academic year") == ["2022/23 academic year"]
    assert labels_on_the_axis("2015", "2025") == ["2015", "2025"]


# --- the charts of an indicator's series: the same figures, in several lines, gaps and bars --------------

MINIMAL = load_project(FIXTURES / "minimal")


def series(key: str, kind: SeriesKind, figures: list[float], part: Any = None) -> Series:
    """A series with a figure a year from 2020/21."""
    points = tuple(Point(parse_period(f"{2020 + i}/{(21 + i) % 100:02d}"), value) for i, value in enumerate(figures))
    return Series(key, kind, key.title(), "per 1,000 households", "Police", points, part)


def every_coordinate_is_finite_and_near(svg: ET.Element) -> None:
    for element in svg.iter():
        for name in (COORDINATES | {"width", "height"}).intersection(element.keys()):
            numbers = coordinates(element.get(name, ""))
            assert numbers and all(math.isfinite(n) and -BOX <= n <= BOX for n in numbers), (element.tag, name, element.get(name))


FIGURES = st.lists(FIGURE, min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(headline=st.lists(FIGURE, max_size=4), comparators=st.lists(FIGURES, max_size=3), areas=st.lists(FIGURES, max_size=8))
@example(headline=[1.7e308], comparators=[[-1.7e308]], areas=[[0.0], [5e-324]])
@example(headline=[5.0], comparators=[[5.0], [5.0]], areas=[[5.0]] * 7)  # every name at the same height
def test_an_indicator_chart_with_any_finite_series_keeps_every_line_and_name_in_the_chart(
    headline: list[float], comparators: list[list[float]], areas: list[list[float]]
) -> None:
    base = progress(None, headline, None)
    drawn = [series("headline", SeriesKind.HEADLINE, headline)]
    drawn += [series(f"area-{i}", SeriesKind.AREA, figures) for i, figures in enumerate(areas)]
    drawn += [series(f"place-{i}", SeriesKind.COMPARATOR, figures) for i, figures in enumerate(comparators)]
    svg = ET.fromstring(indicator_chart(base, drawn))

    every_coordinate_is_finite_and_near(svg)
    places = min(len(comparators), 2)
    areas_drawn = len(areas) if len(areas) <= 5 - places else 2  # too many: the worst and the best
    assert len(list(svg.iter(f"{SVG}polyline"))) == bool(headline) + places + areas_drawn
    # Each name at a line's end: (left, right, height), within the chart, and clear of every other name.
    names = [(float(t.get("x", "")), float(t.get("x", "")) + LABEL_CHAR * len(t.text or ""), float(t.get("y", "")))
             for t in svg.iter(f"{SVG}text") if t.get("paint-order") == "stroke"]
    assert all(PLOT_TOP <= y - 5 <= PLOT_BOTTOM + 0.5 and right <= 640 for _, right, y in names)
    for (left, right, y), (other_left, other_right, other_y) in itertools.combinations(names, 2):
        assert right < other_left or other_right < left or abs(y - other_y) >= 17 - 0.2


@settings(max_examples=100, deadline=None)
@given(gaps=FIGURES, target=FIGURE, measure=st.sampled_from(["difference", "ratio"]))
@example(gaps=[1.7e308, -1.7e308], target=0.0, measure="ratio")
def test_a_gap_chart_of_any_finite_gaps_is_well_formed(gaps: list[float], target: float, measure: str) -> None:
    base = progress(None, [], None)
    of, against = series("renewal-areas", SeriesKind.AREA, gaps), series("headline", SeriesKind.HEADLINE, gaps)
    goal = base.indicator.targets[0].model_copy(update={"value": target, "series": "renewal-areas", "against": "headline"})
    gap = TargetProgress(goal, (of,), against, measure, of.points, None, None, Trend.TOO_FEW_FIGURES, GapTrend.NARROWING,
                         TargetStatus.ON_TRACK)

    svg = ET.fromstring(gap_chart(MINIMAL, base.indicator, gap))

    every_coordinate_is_finite_and_near(svg)
    assert len(list(svg.iter(f"{SVG}polyline"))) == 1


@settings(max_examples=100, deadline=None)
@given(headline=st.lists(FIGURE, max_size=2), categories=st.lists(FIGURE, min_size=1, max_size=6))
@example(headline=[1.7e308], categories=[-1.7e308, 0.0])
@example(headline=[], categories=[-5.0, -5.0])
def test_a_group_chart_of_any_finite_figures_keeps_its_bars_in_the_chart(headline: list[float], categories: list[float]) -> None:
    base = progress(None, headline, None)
    groups = [series(f"sex/{i}", SeriesKind.GROUP, [value], Breakdown.model_validate({"group": "sex", "category": str(i), "values": []}))
              for i, value in enumerate(categories)]
    svg = ET.fromstring(group_chart(base.indicator, [series("headline", SeriesKind.HEADLINE, headline), *groups]))

    every_coordinate_is_finite_and_near(svg)
    bars = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("height") == "18"]
    assert len(bars) == len(categories)
    assert all(224 - 0.5 <= float(bar.get("x", "")) and float(bar.get("x", "")) + float(bar.get("width", "")) <= 616.5 for bar in bars)


@settings(max_examples=100, deadline=None)
@given(own=FIGURES, headline=st.lists(FIGURE, max_size=4), england=st.lists(FIGURE, max_size=4))
def test_a_neighbourhood_chart_of_any_finite_figures_is_well_formed(own: list[float], headline: list[float], england: list[float]) -> None:
    base = progress(None, headline, None)
    subject = series("northgate", SeriesKind.AREA, own)
    drawn = [series("headline", SeriesKind.HEADLINE, headline), subject, series("england", SeriesKind.COMPARATOR, england)]

    svg = ET.fromstring(neighbourhood_chart(base.indicator, drawn, subject))

    every_coordinate_is_finite_and_near(svg)
    assert len(list(svg.iter(f"{SVG}polyline"))) == 1 + bool(headline) + bool(england)
