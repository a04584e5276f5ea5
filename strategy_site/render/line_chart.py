"""A chart of one or more series over time, as a standalone SVG document: the indicator, gap and
neighbourhood charts are all drawn by ``line_chart``.

The first line is the main one: drawn thickest and on top. With more than one line, each has its own
marker and dash pattern (chart_marks) and its name and latest figure written at its end, nudged up or
down so that no two names overlap, as well as its entry in the key. A target is a diamond, with a
dashed straight path to it from where progress is measured.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from strategy_site.model.progress import Point
from strategy_site.render.chart_axes import TEXT, WIDTH, period_labels, svg_start, time_plot, value_grid
from strategy_site.render.chart_marks import (
    GUIDE,
    KEY_ROW,
    EndLabel,
    Style,
    end_label,
    end_labels,
    key,
    label_width,
    marker,
    sample,
    stroke,
)
from strategy_site.text_safety import xml_escape

HEIGHT = 360  # the least height: the plot and two rows of key
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 40, 104
MIN_PLOT = 200  # the narrowest the plot gets to make room for the names at the lines' ends


@dataclass(frozen=True)
class Line:
    name: str
    points: tuple[Point, ...]  # oldest first
    style: Style


@dataclass(frozen=True)
class Goal:
    value: float
    by: dt.date
    label: str  # its entry in the key: "Target 15 by 2027/28"
    start: Point | None  # where the dashed straight path to it starts; None for no path


@dataclass(frozen=True)
class LineChart:
    title: str
    desc: str
    heading: str  # top left, in bold: which way is better, or how a gap is going
    unit: str  # top right
    lines: tuple[Line, ...]  # the first is the main line
    baseline: Point | None = None
    goal: Goal | None = None
    reaches: float | None = None  # a value the axis must show however far the figures are from it: a gap's "none"


def line_chart(chart: LineChart) -> str:
    """The chart as an SVG document."""
    lines = [line for line in chart.lines if line.points]
    named = len(lines) > 1  # one line needs no name at its end: the chart's title names it
    every = [*([chart.baseline] if chart.baseline else []), *(point for line in lines for point in line.points)]
    dates = [point.when for point in every] + ([chart.goal.by] if chart.goal else [])
    values = [point.value for point in every] + ([chart.goal.value] if chart.goal else []) + ([chart.reaches] if chart.reaches is not None else [])
    plot = time_plot(dates, values, LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM)
    ends = [(line, line.points[-1], end_label(line.name, line.points[-1].value)) for line in lines] if named else []
    # Narrow the plot until the name at each line's end fits in the chart.
    widths = [(WIDTH - 8 - 10 - label_width(text) - LEFT) / plot.at(point.when) for _, point, text in ends if plot.at(point.when) > 0]
    if widths and min(widths) < plot.width:
        plot = dataclasses.replace(plot, width=round(max(min(widths), MIN_PLOT), 1))

    out, scale = value_grid(plot)
    out.extend(period_labels(plot, *_first_and_last(every)))
    if chart.goal and chart.goal.start:
        start, goal = chart.goal.start, chart.goal
        out.append(
            f'<line x1="{plot.x(start.when)}" y1="{plot.y(start.value)}" x2="{plot.x(goal.by)}" '
            f'y2="{plot.y(goal.value)}" stroke="{GUIDE}" stroke-width="2" stroke-dasharray="8 6"/>'
        )
    for line in reversed(lines):  # the main line last, on top
        xy = " ".join(f"{plot.x(point.when)},{plot.y(point.value)}" for point in line.points)
        out.append(f'<polyline points="{xy}" fill="none" {stroke(line.style)}/>')
        out.extend(marker(line.style, plot.x(point.when), plot.y(point.value)) for point in line.points)
    if chart.baseline:
        bx, by = plot.x(chart.baseline.when), plot.y(chart.baseline.value)
        out.append(f'<circle cx="{bx}" cy="{by}" r="6" fill="#ffffff" stroke="{TEXT}" stroke-width="2"/>')
    if chart.goal:
        tx, ty = plot.x(chart.goal.by), plot.y(chart.goal.value)
        out.append(f'<path d="M{tx} {ty - 8}L{tx + 8} {ty}L{tx} {ty + 8}L{tx - 8} {ty}Z" fill="{TEXT}"/>')
    labels = [EndLabel(text, plot.x(point.when), plot.y(point.value), line is lines[0]) for line, point, text in ends]
    out.extend(end_labels(labels, plot.top, plot.bottom))
    entries, bottom = key(_key_items(chart), LEFT, plot.bottom + 52, WIDTH - RIGHT)
    out.extend(entries)
    height = max(HEIGHT, bottom + KEY_ROW - 4)
    head = [
        f'<text x="{LEFT}" y="22" font-weight="700">{xml_escape(chart.heading)}</text>',
        f'<text x="{WIDTH - RIGHT}" y="22" text-anchor="end">{xml_escape(chart.unit)}{f" (in {scale})" if scale else ""}</text>',
    ]
    return "\n".join([*svg_start(WIDTH, height, chart.title, chart.desc), *head, *out, "</svg>"]) + "\n"


def _first_and_last(points: list[Point]) -> tuple[tuple[str, dt.date] | None, tuple[str, dt.date] | None]:
    """The first and latest periods charted, to label the time axis."""
    if not points:
        return None, None
    first = min(points, key=lambda point: (point.when, point.period.start))
    last = max(points, key=lambda point: (point.when, point.period.start))
    return (first.period.label, first.when), (last.period.label, last.when)


def _key_items(chart: LineChart) -> list[tuple[str, str]]:
    """The key's entries: each line, the baseline, the path to the target and the target, which names its
    value and date, so that no label crowds the plot."""
    items = [(sample(line.style), line.name) for line in chart.lines]
    if chart.baseline:
        items.append((f'<circle cx="14" cy="0" r="6" fill="#ffffff" stroke="{TEXT}" stroke-width="2"/>', "Baseline"))
    if chart.goal and chart.goal.start:
        items.append((f'<line x1="0" x2="28" y1="0" y2="0" stroke="{GUIDE}" stroke-width="2" stroke-dasharray="8 6"/>', "Path to target"))
    if chart.goal:
        items.append((f'<path d="M14 -8L22 0L14 8L6 0Z" fill="{TEXT}"/>', chart.goal.label))
    return items
