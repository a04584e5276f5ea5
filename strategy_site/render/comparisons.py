"""What the pages say about an indicator's series, in words: a neighbourhood or group against the borough
and the comparators, the gaps that matter most, and the targets set on a series or a gap.

The judgements (which way is better, what counts as about the same, how a gap is measured) come from
strategy_site.model.series; this module only picks the figures a page shows and words them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strategy_site.model.documents import Breakdown, Indicator, Neighbourhood, Theme
from strategy_site.model.fields import Period
from strategy_site.model.progress import Point
from strategy_site.model.project import Project
from strategy_site.model.series import (
    EACH_NEIGHBOURHOOD,
    EACH_RENEWAL_AREA,
    Comparison,
    Series,
    SeriesKind,
    TargetProgress,
    compare,
    gap,
    group_names,
    indicator_series,
    latest_common,
    series_targets,
)
from strategy_site.render.charts import in_sentence
from strategy_site.words import listed, mid_sentence, number

GAPS_SHOWN = 3  # a neighbourhood page's "gaps that matter most"; every indicator is shown in full below them


def amount(value: float, unit: str) -> str:
    """A figure with its unit as it is read: "45.2% of pupils", "21.4 burglaries per 1,000 households"."""
    return f"{number(value)}{unit}" if unit.startswith("%") else f"{number(value)} {unit}".rstrip()


def _difference_unit(unit: str) -> str:
    """The unit of a difference between two figures: a difference between percentages is in percentage points."""
    return "percentage points" if unit.startswith("%") else unit


def short_amount(value: float, unit: str) -> str:
    """A figure in brackets after a name, where the unit is already said: "62%", "10.9"."""
    return f"{number(value)}%" if unit.startswith("%") else number(value)


def when(period: Period) -> str:
    """A period as it follows "in": "2024/25", "the 2023/24 academic year"."""
    return f"the {period}" if period.label.endswith("academic year") else str(period)


@dataclass(frozen=True)
class Against:
    """Another series' figure for the same period, and how the subject's compares with it."""

    series: Series
    point: Point
    comparison: Comparison


@dataclass(frozen=True)
class Standing:
    """A series' figure for one period, against the other series that have a figure for it."""

    subject: Series
    point: Point
    against: tuple[Against, ...]


def standings(indicator: Indicator, subject: Series, others: Sequence[Series]) -> list[Standing]:
    """The subject against each of ``others`` at the latest period the two share, newest period first: one
    standing a period, so that a comparator whose figures stop earlier is still compared, in its own period."""
    by_period: dict[str, tuple[Point, list[Against]]] = {}
    for other in others:
        common = latest_common(subject, other)
        if common is None:
            continue
        mine, theirs = common
        entry = by_period.setdefault(mine.period.label, (mine, []))
        entry[1].append(Against(other, theirs, compare(indicator, mine.value, theirs.value)))
    ordered = sorted(by_period.values(), key=lambda entry: (entry[0].period.end, entry[0].period.start), reverse=True)
    return [Standing(subject, point, tuple(against)) for point, against in ordered]


def verdict(comparison: Comparison) -> str:
    """A comparison as a table cell under a heading that names what it is compared with: "Worse"."""
    return comparison.value.removesuffix(" than").removesuffix(" as").capitalize()


def standing_words(standing: Standing) -> str:
    """"In 2024/25, Northgate had 21.4 burglaries per 1,000 households: worse than Ravensholt (10.9) and England (8.1).\""""
    phrases: dict[Comparison, list[str]] = {}
    for other in standing.against:
        phrases.setdefault(other.comparison, []).append(
            f"{in_sentence(other.series.label)} ({short_amount(other.point.value, other.series.unit)})")
    compared = listed([f"{comparison.value} {listed(names)}" for comparison, names in phrases.items()])
    subject = standing.subject
    return f"In {when(standing.point.period)}, {in_sentence(subject.label)} had {amount(standing.point.value, subject.unit)}: {compared}."


@dataclass(frozen=True)
class Gap:
    """How many times worse a series' latest figure is than a reference series' for the same period."""

    indicator: Indicator
    subject: Series
    reference: Series
    point: Point
    reference_point: Point
    times: float  # the subject's figure over the reference's where lower is better, the other way round where higher is


def worst_gap(indicator: Indicator, subject: Series, reference: Series) -> Gap | None:
    """The subject's gap from the reference at the latest period both have; None when it is not worse there
    (within 1% is about the same), or either figure is zero or below, where "times worse" means nothing."""
    common = latest_common(subject, reference)
    if common is None:
        return None
    mine, theirs = common
    if mine.value <= 0 or theirs.value <= 0 or compare(indicator, mine.value, theirs.value) is not Comparison.WORSE:
        return None
    times = gap(indicator.better, "ratio", mine.value, theirs.value)
    return Gap(indicator, subject, reference, mine, theirs, times) if times is not None else None


def largest_gaps(gaps: Sequence[Gap | None], count: int | None = None) -> list[Gap]:
    """The gaps, widest first (the first ``count`` of them)."""
    ordered = sorted((g for g in gaps if g is not None), key=lambda g: (-g.times, g.indicator.title, g.subject.label))
    return ordered[:count] if count is not None else ordered


def gap_words(found: Gap) -> str:
    """"21.4 burglaries per 1,000 households in 2024/25, 1.96 times the figure for Ravensholt (10.9); lower is better.\""""
    mine, theirs, unit = found.point, found.reference_point, found.subject.unit
    reference, times = in_sentence(found.reference.label), number(round(found.times, 2))
    theirs_words = short_amount(theirs.value, found.reference.unit)
    if found.indicator.better == "lower":
        return f"{amount(mine.value, unit)} in {when(mine.period)}, {times} times the figure for {reference} ({theirs_words}); lower is better."
    return (f"{amount(mine.value, unit)} in {when(mine.period)}; the figure for {reference} ({theirs_words}) is "
            f"{times} times as high, and higher is better.")


# --- tables and charts of several series ----------------------------------------------------------


def periods_of(series: Sequence[Series]) -> list[Period]:
    """Every period any of the series has a figure for, oldest first."""
    return sorted({p.period for s in series for p in s.points}, key=lambda p: (p.end, p.start))


def by_period(series: Sequence[Series]) -> list[tuple[str, list[str | None]]]:
    """A table's rows, a period each, with each series' figure (None where it has none): for a few series."""
    return [(period.label, [_figure(s, period) for s in series]) for period in periods_of(series)]


def by_series(series: Sequence[Series], periods: Sequence[Period]) -> list[tuple[str, list[str | None]]]:
    """A table's rows, a series each, with its figure for each of the ``periods`` (the table's columns, which
    may include periods these series have no figure for): for many series."""
    return [(s.label, [_figure(s, period) for period in periods]) for s in series]


def series_notes(project: Project, indicator: Indicator, series: Sequence[Series]) -> list[tuple[str, str, str]]:
    """The notes officers wrote on the figures of ``series`` (an area's, a group's, a comparator's), as (series,
    period, note), in the table's order: the table of every series has no room for them."""
    return [(s.label, figure.period.label, figure.note) for s in series
            for figure in project.figures(indicator, s.key) if figure.note]


def _figure(series: Series, period: Period) -> str | None:
    point = series.at(period.label)
    return number(point.value) if point else None


# --- a neighbourhood's figures --------------------------------------------------------------------


@dataclass(frozen=True)
class AreaFigures:
    """One indicator's figures for a neighbourhood, with the borough's and the comparators' beside them."""

    indicator: Indicator
    subject: Series
    others: tuple[Series, ...]  # the headline, then each comparator
    standings: tuple[Standing, ...]
    gap: Gap | None  # against the headline

    @property
    def series(self) -> list[Series]:
        return [self.subject, *self.others]


@dataclass(frozen=True)
class GroupFigures:
    """An indicator's latest figure for each category of its group breakdowns, against the headline."""

    indicator: Indicator
    headline: Series
    groups: tuple[tuple[str, tuple[Standing, ...]], ...]  # each group's name, and a standing a category, in the order written
    widest: Gap | None

    @property
    def period(self) -> Period | None:
        """The period of every category's latest figure, when they share one."""
        periods = {standing.point.period for _, found in self.groups for standing in found}
        return next(iter(periods)) if len(periods) == 1 else None

    def rows(self, group: tuple[Standing, ...]) -> list[tuple[str, list[str]]]:
        """A table's rows for one group: each category with its figure, the headline's and how they compare."""
        shared = self.period is not None
        return [(_category(standing.subject), [
            short_amount(standing.point.value, standing.subject.unit) + ("" if shared else f" ({standing.point.period})"),
            short_amount(standing.against[0].point.value, self.headline.unit),
            verdict(standing.against[0].comparison),
        ]) for standing in group]


def _category(series: Series) -> str:
    return series.part.category if isinstance(series.part, Breakdown) and series.part.category else series.label


class Figures:
    """Every indicator's series and the targets set on them, worked out once for all the pages that show them."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._series: dict[str, list[Series]] = {}
        self._targets: dict[str, list[TargetProgress]] = {}
        self._neighbourhoods: dict[str, list[AreaFigures]] = {}

    def series(self, indicator: Indicator) -> list[Series]:
        """The headline, then the breakdowns, then the comparators."""
        if indicator.id not in self._series:
            self._series[indicator.id] = indicator_series(self.project, indicator)
        return self._series[indicator.id]

    def targets(self, indicator: Indicator) -> list[TargetProgress]:
        """The targets set on a series or a gap, soonest due first."""
        if indicator.id not in self._targets:
            self._targets[indicator.id] = series_targets(self.project, indicator, self.series(indicator))
        return self._targets[indicator.id]

    def gap_targets(self, indicator: Indicator) -> list[TargetProgress]:
        """The targets set on a gap, in the order their charts are numbered."""
        return [target for target in self.targets(indicator) if target.is_gap]

    def named_gaps(self, indicator: Indicator) -> list[tuple[str, TargetProgress]]:
        """Each target set on a gap, with the gap's name: "The renewal areas against Ravensholt"."""
        return [(gap_name(self.project, target), target) for target in self.gap_targets(indicator)]

    def series_label(self, indicator_id: str, key: str) -> str:
        """What a progress update's figure is for, in words: "Northgate"; the key as written if it names no series."""
        indicator = self.project.indicator_by_id.get(indicator_id)
        found = next((s for s in self.series(indicator) if s.key == key), None) if indicator else None
        return found.label if found else key

    def kinds(self, indicator: Indicator, *kinds: SeriesKind) -> list[Series]:
        """The indicator's series of these kinds, in order."""
        return [s for s in self.series(indicator) if s.kind in kinds]

    def neighbourhoods_with_figures(self, indicator: Indicator) -> list[Neighbourhood]:
        """The neighbourhoods the indicator has figures for, in partnership.yml's order."""
        keys = {s.key for s in self.kinds(indicator, SeriesKind.AREA) if s.points}
        return [n for n in self.project.neighbourhood_by_id.values() if n.id in keys]

    def for_neighbourhood(self, neighbourhood: Neighbourhood) -> list[AreaFigures]:
        """Every indicator with figures for the neighbourhood, by title."""
        if neighbourhood.id not in self._neighbourhoods:
            self._neighbourhoods[neighbourhood.id] = self._for_neighbourhood(neighbourhood)
        return self._neighbourhoods[neighbourhood.id]

    def _for_neighbourhood(self, neighbourhood: Neighbourhood) -> list[AreaFigures]:
        result = []
        for indicator in sorted(self.project.indicators, key=lambda i: i.title):
            subject = next((s for s in self.kinds(indicator, SeriesKind.AREA) if s.key == neighbourhood.id and s.points), None)
            if subject is None:
                continue
            headline, *_ = self.series(indicator)
            others = (headline, *self.kinds(indicator, SeriesKind.COMPARATOR))
            result.append(AreaFigures(indicator, subject, others, tuple(standings(indicator, subject, others)),
                                      worst_gap(indicator, subject, headline)))
        return result

    def for_theme(self, theme: Theme) -> list[GroupFigures]:
        """Each indicator of the theme's priorities that has figures for groups of people, in the order first measured."""
        ids = dict.fromkeys(i for priority in theme.priorities for i in priority.indicators)
        result = []
        for indicator in (self.project.indicator_by_id[i] for i in ids if i in self.project.indicator_by_id):
            groups = [s for s in self.kinds(indicator, SeriesKind.GROUP) if s.points]
            if not groups:
                continue
            headline, *_ = self.series(indicator)
            by_group: dict[str, list[Standing]] = {}
            for s in groups:
                name = group_names(self.project).get(s.part.group or "", "") if isinstance(s.part, Breakdown) else ""
                by_group.setdefault(name, []).extend(standings(indicator, s, [headline])[:1])
            widest = largest_gaps([worst_gap(indicator, s, headline) for s in groups], 1)
            found = tuple((name, tuple(members)) for name, members in by_group.items() if members)
            result.append(GroupFigures(indicator, headline, found, widest[0] if widest else None))
        return result


def series_words(project: Project, series: Series) -> str:
    """A series as a sentence names it: "Northgate", "the renewal areas", and for a group "men (sex)" or
    "Saltmarsh Academy (secondary school)"."""
    part = series.part
    if not isinstance(part, Breakdown) or part.group is None or part.category is None:
        return in_sentence(series.label)
    return f"{part.category} ({mid_sentence(group_names(project).get(part.group, part.group))})"


# --- targets in words -----------------------------------------------------------------------------


def _subject(project: Project, progress: TargetProgress) -> str:
    each = progress.target.each
    if each == EACH_NEIGHBOURHOOD:
        return "Every neighbourhood"
    if each == EACH_RENEWAL_AREA:
        return "Every renewal area"
    if each:
        return f"Each {mid_sentence(group_names(project).get(each, each))}"
    return progress.of[0].label


def gap_name(project: Project, progress: TargetProgress) -> str:
    against = f" against {in_sentence(progress.against.label)}" if progress.against else ""
    return _subject(project, progress) + against


def _judged_words(indicator: Indicator, progress: TargetProgress, value: float) -> str:
    """A figure that is judged against the target: the series' own, or its gap from the other series."""
    unit = progress.of[0].unit
    if progress.against is None:
        return amount(value, unit)
    against = in_sentence(progress.against.label)
    if progress.measure != "ratio":
        return f"{amount(abs(value), _difference_unit(unit))} {'better' if value < 0 else 'worse'} than the figure for {against}"
    if indicator.better == "lower":
        return f"{number(round(value, 2))} times the figure for {against}"
    return f"{number(round(100 / value, 1)) if value else 'no'}% of the figure for {against}"


def target_words(project: Project, indicator: Indicator, progress: TargetProgress) -> str:
    """"Every neighbourhood: no more than 3 times the figure for England by 2027/28 (floor target)": a heading."""
    value = progress.target.value
    if progress.against is None:
        bound = "at most" if indicator.better == "lower" else "at least"
        goal = f"{bound} {_judged_words(indicator, progress, value)}"
    elif progress.measure == "ratio" and indicator.better == "higher":
        goal = f"at least {_judged_words(indicator, progress, value)}"
    else:
        goal = f"no more than {_judged_words(indicator, progress, value)}"
    return f"{_subject(project, progress)}: {goal} by {when(progress.target.by)} ({progress.target.kind} target)"


def latest_words(project: Project, indicator: Indicator, progress: TargetProgress) -> str:
    """Where the target stands in its latest period: "In 2022 to 2024, the figure for the renewal areas was 6.1 years
    worse than the figure for Ravensholt." For a target on each of a set, the one furthest from it is named."""
    latest = progress.latest
    if latest is None:
        return "No figures yet."
    judged = _judged_words(indicator, progress, latest.value)
    if progress.worst is not None:
        return f"In {when(latest.period)}, the furthest from the target was {series_words(project, progress.worst)}: {judged}."
    return f"In {when(latest.period)}, the figure for {in_sentence(progress.of[0].label)} was {judged}."
