"""Indicator charts drawn at build time as standalone SVG files.

The page shows the chart as an image with a text alternative and the same
figures as a table, so nothing depends on reading the chart. Lines differ by
pattern as well as colour (solid actuals, dashed path to target, a diamond for
the target), so the chart also reads in greyscale and print.
"""

from __future__ import annotations

import datetime as dt
import math
import sys

from strategy_site.model.progress import IndicatorProgress
from strategy_site.text_safety import xml_escape
from strategy_site.words import number

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 40, 104
CHAR_WIDTH = 9  # a generous average at font-size 16, for laying out the key
ACTUAL = "#1d70b8"  # GOV.UK blue, 5.2:1 on white
GUIDE = "#505a5f"  # GOV.UK secondary text grey, 7:1 on white
GRID = "#d8d8d8"
TEXT = "#0b0c0c"


# Figures closer together than this share of their size are drawn as one value: no tick step
# could tell them apart. (Also keeps the step far from float underflow.)
RESOLUTION = 1e-9
DUST = 1e-9  # division leaves dust (0.3 / 0.1 is 2.9999999999999996): a figure this near a tick, in steps, is on it


def _spread(low: float, high: float) -> tuple[float, float]:
    """A range with room for ticks around figures that are all the same: a tenth of their size (at least 1)
    either side, without crossing zero, so a chart of zeros or of small counts does not show negative ticks."""
    pad = max(abs(low) / 10, abs(high) / 10, 1.0)
    bottom = low - pad if low < 0 else max(low - pad, 0.0)
    top = high + pad if high >= 0 else min(high + pad, 0.0)
    return max(bottom, -sys.float_info.max), min(top, sys.float_info.max)


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round numbers from at or below ``low`` to at or above ``high``, about ``count`` of them and never
    more than count + 2; for ranges near the limits of a float, just ``low`` and ``high``."""
    if high - low <= RESOLUTION * max(abs(low), abs(high), 1.0):
        low, high = _spread(low, high)
    raw = high / (count - 1) - low / (count - 1)  # not (high - low) / ..., which overflows for -1e308 to 1e308
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = [k * step for k in range(math.floor(low / step + DUST), math.ceil(high / step - DUST) + 1)]
    return ticks if all(math.isfinite(tick) for tick in ticks) else [low, high]


LABEL_ROOM = 6  # characters that fit left of the plot at font-size 16
SCALES = ((1, ""), (10**3, "thousands"), (10**6, "millions"), (10**9, "billions"), (10**12, "trillions"))


def tick_labels(ticks: list[float]) -> tuple[list[str], str]:
    """The ticks' labels, counted in thousands, millions... when written out in full they would not fit."""
    for divisor, name in SCALES:
        labels = [number(tick / divisor) for tick in ticks]
        if max(len(label) for label in labels) <= LABEL_ROOM:
            return labels, name
    return labels, name  # none fits: the largest scale


def alt_text(progress: IndicatorProgress) -> str:
    """What the chart shows, in one or two sentences, for screen readers and when images are off."""
    indicator = progress.indicator
    parts = [f"Chart of {indicator.title} ({indicator.unit}), {indicator.better} is better."]
    if progress.baseline:
        parts.append(f"Baseline {number(progress.baseline.value)} in {progress.baseline.period}.")
    if progress.latest:
        parts.append(f"Latest {number(progress.latest.value)} in {progress.latest.period}, {progress.trend.value}.")
    if progress.target:
        parts.append(f"Target {number(progress.target.value)} by {progress.target.by}: {progress.target_status.value}.")
    return " ".join(parts)


def indicator_chart(progress: IndicatorProgress) -> str:
    """The indicator's baseline, actual figures, target and straight path to it, as an SVG document."""
    indicator = progress.indicator
    points = [*([progress.baseline] if progress.baseline else []), *progress.figures]
    dates = [point.when for point in points]
    values = [point.value for point in points]
    if progress.target:
        dates.append(progress.target.by.end)
        values.append(progress.target.value)
    if not dates:
        dates, values = [dt.date(2000, 1, 1)], [0.0]
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    ticks = _nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    labels, scale = tick_labels(ticks)

    def x(when: dt.date) -> float:
        return round(LEFT + plot_w * (when - first).days / span, 1)

    def y(value: float) -> float:
        # Halves first, so that neither difference overflows when the range spans nearly all floats.
        share = (value / 2 - low / 2) / (high / 2 - low / 2)
        return round(TOP + plot_h * (1 - share), 1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="16" fill="{TEXT}">',
        f"<title>{xml_escape(indicator.title)}</title>",
        f"<desc>{xml_escape(alt_text(progress))}</desc>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="22" font-weight="700">{"▲ Higher" if indicator.better == "higher" else "▼ Lower"} is better</text>',
        f'<text x="{WIDTH - RIGHT}" y="22" text-anchor="end">{xml_escape(indicator.unit)}{f" (in {scale})" if scale else ""}</text>',
    ]
    for tick, label in zip(ticks, labels, strict=True):  # one label a tick
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick)}" y2="{y(tick)}" stroke="{GRID}"/>')
        out.append(f'<text x="{LEFT - 8}" y="{y(tick) + 5}" text-anchor="end">{label}</text>')
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="{TEXT}"/>')
    labelled: list[tuple[str, dt.date]] = []
    for point in points[:1] + points[-1:]:  # the first and latest periods; the target labels itself
        # Centred labels need half of each one's width between them ("2022/23 academic year" is long).
        room = (len(labelled[-1][0]) + len(point.period.label)) / 2 * CHAR_WIDTH + 12 if labelled else 0
        if not labelled or x(point.when) - x(labelled[-1][1]) > room:
            labelled.append((point.period.label, point.when))
    for label, when in labelled:
        anchor = "start" if x(when) < LEFT + 40 else "end" if x(when) > WIDTH - RIGHT - 40 else "middle"
        out.append(f'<line x1="{x(when)}" x2="{x(when)}" y1="{TOP + plot_h}" y2="{TOP + plot_h + 6}" stroke="{TEXT}"/>')
        out.append(f'<text x="{x(when)}" y="{TOP + plot_h + 22}" text-anchor="{anchor}">{xml_escape(label)}</text>')
    if progress.target and progress.baseline:
        out.append(
            f'<line x1="{x(progress.baseline.when)}" y1="{y(progress.baseline.value)}" x2="{x(progress.target.by.end)}" '
            f'y2="{y(progress.target.value)}" stroke="{GUIDE}" stroke-width="2" stroke-dasharray="8 6"/>'
        )
    if progress.figures:
        line = " ".join(f"{x(point.when)},{y(point.value)}" for point in progress.figures)
        out.append(f'<polyline points="{line}" fill="none" stroke="{ACTUAL}" stroke-width="3"/>')
        out.extend(f'<circle cx="{x(p.when)}" cy="{y(p.value)}" r="4.5" fill="{ACTUAL}"/>' for p in progress.figures)
    if progress.baseline:
        bx, by = x(progress.baseline.when), y(progress.baseline.value)
        out.append(f'<circle cx="{bx}" cy="{by}" r="6" fill="#ffffff" stroke="{TEXT}" stroke-width="2"/>')
    if progress.target:
        tx, ty = x(progress.target.by.end), y(progress.target.value)
        out.append(f'<path d="M{tx} {ty - 8}L{tx + 8} {ty}L{tx} {ty + 8}L{tx - 8} {ty}Z" fill="{TEXT}"/>')
    target_label = f"Target {number(progress.target.value)} by {progress.target.by}" if progress.target else None
    out.extend(_legend(bool(progress.baseline), bool(progress.target and progress.baseline), target_label))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(baseline: bool, trajectory: bool, target: str | None) -> list[str]:
    """The key below the chart; the target's entry names its value and date, so no label crowds the plot."""
    top = HEIGHT - 52
    items = [(f'<line x1="0" x2="28" y1="0" y2="0" stroke="{ACTUAL}" stroke-width="3"/><circle cx="14" cy="0" r="4.5" fill="{ACTUAL}"/>', "Actual")]
    if baseline:
        items.append((f'<circle cx="14" cy="0" r="6" fill="#ffffff" stroke="{TEXT}" stroke-width="2"/>', "Baseline"))
    if trajectory:
        items.append((f'<line x1="0" x2="28" y1="0" y2="0" stroke="{GUIDE}" stroke-width="2" stroke-dasharray="8 6"/>', "Path to target"))
    if target:
        items.append((f'<path d="M14 -8L22 0L14 8L6 0Z" fill="{TEXT}"/>', target))
    out, left = [], LEFT
    for sample, label in items:
        width = 36 + CHAR_WIDTH * len(label)
        if left + width > WIDTH - RIGHT:  # wrap the key onto a second row rather than off the edge
            left, top = LEFT, top + 28
        out.append(f'<g transform="translate({left} {top})">{sample}<text x="36" y="5">{xml_escape(label)}</text></g>')
        left += width + 20
    return out
