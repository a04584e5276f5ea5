"""What every chart shares: round ticks for any finite figures, the scales of a plot, and the SVG document.

Charts meet figures as officers wrote them, so the arithmetic here copes with any finite float: huge,
tiny, negative, all the same, or spanning the whole range (tests/test_charts_robust.py).
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from dataclasses import dataclass

from strategy_site.text_safety import xml_escape
from strategy_site.words import number

WIDTH = 640
TEXT = "#0b0c0c"  # GOV.UK text colour
GRID = "#d8d8d8"
CHAR_WIDTH = 9  # a generous average at font-size 16, for laying out text whose width SVG cannot tell us
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"

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


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
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


def tick_labels(ticks: list[float], room: int = LABEL_ROOM) -> tuple[list[str], str]:
    """The ticks' labels, counted in thousands, millions... when written out in full they would not fit ``room``."""
    for divisor, name in SCALES:
        labels = [number(tick / divisor) for tick in ticks]
        if max(len(label) for label in labels) <= room:
            return labels, name
    return labels, name  # none fits: the largest scale


def share(value: float, low: float, high: float) -> float:
    """Where ``value`` lies from ``low`` (0) to ``high`` (1); halves first, so that neither difference
    overflows when the range spans nearly all floats."""
    return (value / 2 - low / 2) / (high / 2 - low / 2)


@dataclass(frozen=True)
class TimePlot:
    """The plot area of a chart over time: dates across, values up, the value axis ending on round ticks."""

    left: float
    top: float
    width: float
    height: float
    first: dt.date
    span: int  # days from the first date to the last, at least 1
    ticks: list[float]

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def x(self, when: dt.date) -> float:
        return round(self.left + self.width * (when - self.first).days / self.span, 1)

    def y(self, value: float) -> float:
        return round(self.top + self.height * (1 - share(value, self.ticks[0], self.ticks[-1])), 1)

    def at(self, when: dt.date) -> float:
        """Where ``when`` lies across the plot, from 0 (the first date) to 1 (the last)."""
        return (when - self.first).days / self.span


def time_plot(dates: list[dt.date], values: list[float], left: float, top: float, width: float, height: float) -> TimePlot:
    """A plot that holds every date and value given (an empty chart gets a placeholder range)."""
    if not dates:
        dates, values = [dt.date(2000, 1, 1)], [0.0]
    first, last = min(dates), max(dates)
    return TimePlot(left, top, width, height, first, max((last - first).days, 1), nice_ticks(min(values), max(values)))


def svg_start(width: float, height: float, title: str, desc: str) -> list[str]:
    """The document's opening: its size, its accessible name and description, and a white background."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" font-family="{FONT}" font-size="16" fill="{TEXT}">',
        f"<title>{xml_escape(title)}</title>",
        f"<desc>{xml_escape(desc)}</desc>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def better_heading(better: str) -> str:
    """The chart's first words: which way is better, with an arrow that does not rely on colour."""
    return "▲ Higher is better" if better == "higher" else "▼ Lower is better"


def value_grid(plot: TimePlot) -> tuple[list[str], str]:
    """A grid line and label at each tick, and the axis line; with the scale the labels are counted in."""
    labels, scale = tick_labels(plot.ticks)
    out = []
    for tick, label in zip(plot.ticks, labels, strict=True):  # one label a tick
        out.append(f'<line x1="{plot.left}" x2="{plot.right}" y1="{plot.y(tick)}" y2="{plot.y(tick)}" stroke="{GRID}"/>')
        out.append(f'<text x="{plot.left - 8}" y="{plot.y(tick) + 5}" text-anchor="end">{label}</text>')
    out.append(f'<line x1="{plot.left}" x2="{plot.right}" y1="{plot.bottom}" y2="{plot.bottom}" stroke="{TEXT}"/>')
    return out, scale


def period_labels(plot: TimePlot, first: tuple[str, dt.date] | None, last: tuple[str, dt.date] | None) -> list[str]:
    """The first and latest periods under the axis, the latest left out when the two would overlap."""
    out: list[str] = []
    reach = -math.inf  # where the label before ends
    for label, when in [item for item in (first, last) if item]:
        x, width = plot.x(when), len(label) * CHAR_WIDTH
        anchor, start = ("start", x) if x < plot.left + 40 else ("end", x - width) if x > plot.right - 40 else ("middle", x - width / 2)
        if start <= reach + 12:  # "2022/23 academic year" is long: two of them would overlap
            break
        reach = start + width
        out.append(f'<line x1="{x}" x2="{x}" y1="{plot.bottom}" y2="{plot.bottom + 6}" stroke="{TEXT}"/>')
        out.append(f'<text x="{x}" y="{plot.bottom + 22}" text-anchor="{anchor}">{xml_escape(label)}</text>')
    return out
