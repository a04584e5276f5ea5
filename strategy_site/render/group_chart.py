"""The equality view's chart of an indicator: for each group its figures are broken down by (sex, age band,
a partnership's own groups), a horizontal bar per category with its latest figure written on it, and the
headline's latest figure as a dashed reference line across them all, as a standalone SVG document.

Bars start at zero, so their lengths compare honestly; a category whose latest figure is for another
period than the headline's says which.
"""

from __future__ import annotations

from collections.abc import Sequence

from strategy_site.model.documents import Breakdown, Indicator
from strategy_site.model.progress import Point
from strategy_site.model.series import Series, SeriesKind
from strategy_site.render.chart_axes import GRID, TEXT, WIDTH, better_heading, nice_ticks, share, svg_start, tick_labels
from strategy_site.render.chart_marks import LABEL_CHAR, MAIN, shortened
from strategy_site.render.charts import group_name, in_sentence, line_name
from strategy_site.text_safety import xml_escape
from strategy_site.words import listed, mid_sentence, number

NAMES_RIGHT = 216  # category names end here, right-aligned; the bars start 8 further on
BARS_LEFT, BARS_RIGHT = 224, WIDTH - 24
NAME_ROOM = 28  # characters of a category's name a line left of the bars holds at font-size 14; two lines at most
NAME_LINE = 16
TOP = 64  # below the heading and the reference line's label
ROW, BAR, GROUP_HEAD = 26, 18, 30


def charted_groups(series: Sequence[Series]) -> list[tuple[str, list[Series]]]:
    """Each group the indicator is broken down by, named, with its categories that have figures, in the order
    written; a group with none is left out."""
    groups: dict[str, list[Series]] = {}
    for s in series:
        if s.kind is SeriesKind.GROUP and isinstance(s.part, Breakdown) and s.points:
            groups.setdefault(group_name(s), []).append(s)
    return list(groups.items())


def _figure(point: Point, headline: Point | None) -> str:
    """A bar's figure, with its period when that is not the headline's latest."""
    same = headline is not None and point.period.label == headline.period.label
    return number(point.value) if same else f"{number(point.value)} ({point.period})"


def group_alt_text(indicator: Indicator, series: Sequence[Series]) -> str:
    """What the group chart shows: every bar's figure, and the headline's."""
    groups = charted_groups(series)
    headline = next((s for s in series if s.kind is SeriesKind.HEADLINE and s.points), None)
    latest = headline.points[-1] if headline else None
    parts = [f"Chart of the latest {indicator.title} ({indicator.unit}) by {listed([mid_sentence(name) for name, _ in groups])}, "
             f"{indicator.better} is better."]
    if headline and latest:
        parts.append(f"{headline.label}: {number(latest.value)} in {latest.period}.")
    for name, members in groups:
        parts.append(f"{name}: {listed([f'{in_sentence(line_name(s))} {_figure(s.points[-1], latest)}' for s in members])}.")
    return " ".join(parts)


def group_chart(indicator: Indicator, series: Sequence[Series]) -> str:
    """The bars of each group's categories, from the indicator's ``series`` (indicator_series)."""
    groups = charted_groups(series)
    headline = next((s for s in series if s.kind is SeriesKind.HEADLINE and s.points), None)
    latest = headline.points[-1] if headline else None
    values = [s.points[-1].value for _, members in groups for s in members] + ([latest.value] if latest else []) + [0.0]
    ticks = nice_ticks(min(values), max(values))

    def x(value: float) -> float:
        return round(BARS_LEFT + (BARS_RIGHT - BARS_LEFT) * share(value, ticks[0], ticks[-1]), 1)

    zero = x(min(max(0.0, ticks[0]), ticks[-1]))
    out, y = [], TOP
    for name, members in groups:
        out.append(f'<text x="8" y="{y + 20}" font-weight="700">{xml_escape(shortened(name, 60))}</text>')
        y += GROUP_HEAD
        for s in members:
            point, wrapped = s.points[-1], _wrapped(line_name(s))
            end = x(point.value)
            left, width = min(zero, end), round(abs(end - zero), 1)
            bar = y + (len(wrapped) - 1) * NAME_LINE / 2  # level with the middle of the name
            out.extend(f'<text x="{NAMES_RIGHT}" y="{y + 14 + NAME_LINE * i}" text-anchor="end" font-size="14">{xml_escape(line)}</text>'
                       for i, line in enumerate(wrapped))
            out.append(f'<rect x="{left}" y="{bar}" width="{width}" height="{BAR}" fill="{MAIN}"/>')
            out.append(_bar_figure(_figure(point, latest), end, zero, bar, x(latest.value) if latest else None))
            y += ROW + (len(wrapped) - 1) * NAME_LINE
    bottom = y
    labels, scale = tick_labels(ticks)
    for tick, label in zip(ticks, labels, strict=True):
        out.insert(0, f'<line x1="{x(tick)}" x2="{x(tick)}" y1="{TOP}" y2="{bottom}" stroke="{GRID}"/>')
        out.append(f'<text x="{x(tick)}" y="{bottom + 20}" text-anchor="middle" font-size="14">{label}</text>')
    out.append(f'<line x1="{zero}" x2="{zero}" y1="{TOP}" y2="{bottom}" stroke="{TEXT}"/>')
    if headline and latest:
        at = x(latest.value)
        out.append(f'<line x1="{at}" x2="{at}" y1="{TOP - 10}" y2="{bottom}" stroke="{TEXT}" stroke-width="2" stroke-dasharray="5 3"/>')
        text = f"{shortened(headline.label, 30)} {number(latest.value)}"
        half = LABEL_CHAR * len(text) / 2
        centre = round(min(max(at, 8 + half), WIDTH - 8 - half), 1)
        out.append(f'<text x="{centre}" y="{TOP - 16}" text-anchor="middle" font-size="14" font-weight="700">{xml_escape(text)}</text>')
    head = [
        f'<text x="8" y="22" font-weight="700">{better_heading(indicator.better)}</text>',
        f'<text x="{WIDTH - 24}" y="22" text-anchor="end">{xml_escape(indicator.unit)}{f" (in {scale})" if scale else ""}</text>',
    ]
    title = f"{indicator.title} by {listed([mid_sentence(name) for name, _ in groups])}"
    height = bottom + 36
    return "\n".join([*svg_start(WIDTH, height, title, group_alt_text(indicator, series)), *head, *out, "</svg>"]) + "\n"


def _wrapped(name: str) -> list[str]:
    """A category's name in one line, or two broken at a space, the second shortened if need be (the
    chart's description and the table have it whole)."""
    if len(name) <= NAME_ROOM:
        return [name]
    cut = name.rfind(" ", 0, NAME_ROOM + 1)
    cut = cut if cut > 0 else NAME_ROOM - 1
    return [name[:cut].rstrip() + ("" if name[cut] == " " else "-"), shortened(name[cut:].strip(), NAME_ROOM)]


def _bar_figure(text: str, end: float, zero: float, y: float, avoid: float | None) -> str:
    """A bar's figure: inside the bar's end in white where it fits, else just beyond the bar, else inside at
    its start; in the first place that keeps clear of the reference line at ``avoid``."""
    width, sign = LABEL_CHAR * len(text), 1 if end >= zero else -1
    fits_inside = abs(end - zero) >= width + 12
    crossed = avoid is not None and min(zero, end) < avoid < max(zero, end)
    places = [  # (where the text is anchored, anchored at its start?, colour, possible)
        (end - sign * 6, sign < 0, "#ffffff", fits_inside),
        (end + sign * 6, sign > 0, TEXT, BARS_LEFT <= end + sign * (6 + width) <= WIDTH - 4),
        # inside, up to the reference line
        (avoid - sign * 6 if avoid is not None else end, sign < 0, "#ffffff", crossed and abs((avoid or 0) - zero) >= width + 12),
        (zero + sign * 6, sign > 0, "#ffffff", fits_inside),
    ]

    def clear(at: float, starts: bool) -> bool:
        left = at if starts else at - width
        return avoid is None or not left - 3 <= avoid <= left + width + 3

    possible = [place for place in places if place[3]] or places[:1]
    at, starts, colour, _ = next((place for place in possible if clear(place[0], place[1])), possible[0])
    return (f'<text x="{round(at, 1)}" y="{y + 14}" text-anchor="{"start" if starts else "end"}" font-size="14" '
            f'font-weight="700" fill="{colour}">{xml_escape(text)}</text>')
