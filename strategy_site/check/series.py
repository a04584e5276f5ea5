"""An indicator's series (its breakdowns by area and by group, its comparators) each say what they are for, name
areas and groups that exist, appear once and share the indicator's unit; and the targets and progress updates name
series the indicator has.
"""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.check.modelled import file_modelled
from strategy_site.check.references import known_ids, suggest
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.model.documents import HEADLINE, RENEWAL_AREAS, Breakdown, Comparator, Indicator, Target
from strategy_site.model.project import Project
from strategy_site.model.series import BUILT_IN_GROUPS, EACH_NEIGHBOURHOOD, EACH_RENEWAL_AREA, each_members, indicator_series
from strategy_site.words import listed, number, quoted

UNKNOWN_AREA = Rule(
    "SS110",
    "unknown-area",
    Severity.ERROR,
    what="A breakdown's area is neither a neighbourhood that partnership.yml lists nor renewal-areas (the renewal areas "
    "together).",
    why="Residents look for the figures of the neighbourhood they know by name (evaluation para 2.4.3). Figures for an "
    "area the partnership does not list have no page to appear on, and a misspelt id leaves the neighbourhood with none.",
    example="breakdowns:\n  - area: north-gate\n    values:\n      - period: 2024/25\n        value: 31.2",
    instead="breakdowns:\n  - area: northgate   # an id under neighbourhoods in partnership.yml, or renewal-areas\n"
    "    values:\n      - period: 2024/25\n        value: 31.2",
)
UNKNOWN_GROUP = Rule(
    "SS111",
    "unknown-group",
    Severity.ERROR,
    what="A breakdown's group is neither built in (sex, age, ethnicity, disability) nor declared under groups in "
    "partnership.yml; or its category is not one of those partnership.yml declares for the group.",
    why="Figures by group show whether the strategy reaches communities of interest as well as places (evaluation para "
    "3.2.6). They can be brought together for an equality view only when every indicator names a group and its "
    "categories the same way: 'gender' in one file and 'sex' in another would be two groups.",
    example="breakdowns:\n  - group: gender\n    category: female",
    instead="breakdowns:\n  - group: sex\n    category: female",
)
UNKNOWN_SERIES = Rule(
    "SS112",
    "unknown-series",
    Severity.ERROR,
    what="A target's series or against, or the series of a figure in a progress update, is not one of the indicator's "
    "series (headline, one of its breakdowns, one of its comparators); or a target's each, or the indicator's chart, "
    "names a breakdown the indicator does not have.",
    why="A target on a gap, such as the guidance's life expectancy gap between the worst areas and the whole (para 4.4), "
    "can be judged only from the figures of both series. A series the indicator does not have leaves the target "
    "without figures and the progress update's figure without a place: the site would show neither.",
    example="targets:\n  - value: 2\n    by: 2029/30\n    kind: local\n    series: renewal-area\n    against: headline",
    instead="targets:\n  - value: 2\n    by: 2029/30\n    kind: local\n    series: renewal-areas   # a breakdown's area\n"
    "    against: headline",
)
UNCLEAR_BREAKDOWN = Rule(
    "SS430",
    "unclear-breakdown",
    Severity.ERROR,
    what="A breakdown names neither an area nor a group, or both; or a group without a category, or a category without "
    "a group.",
    why="Each series of figures is for one area, or for one part of one group, so that the gap between the most deprived "
    "areas and the rest can be measured (guidance para 4.4). A breakdown that is for nobody, or for two things at once, "
    "cannot be named by a target, charted or compared, and is left out of the site.",
    example="breakdowns:\n  - area: northgate\n    group: sex\n    category: female\n    values: [...]",
    instead="breakdowns:\n  - area: northgate\n    values: [...]\n  - group: sex\n    category: female\n    values: [...]",
)
REPEATED_SERIES = Rule(
    "SS431",
    "repeated-series",
    Severity.ERROR,
    what="One indicator has the same series twice: two breakdowns for the same area, or the same group and category "
    "(capitals aside); "
    "two comparators with the same id; or a comparator whose id is that of a breakdown or 'headline'.",
    why="The inequality between the worst areas and the average is measured from one series for each (guidance para "
    "4.4). Targets and progress updates name a series by its area, group and category, or comparator id: with two "
    "under one name, figures and targets would attach to the wrong one.",
    example="breakdowns:\n  - area: northgate\n    values: [...]\n  - area: northgate\n    values: [...]",
    instead="Put every figure for Northgate under one breakdown, oldest first.",
)
INCOMPARABLE_SERIES = Rule(
    "SS432",
    "incomparable-series",
    Severity.ERROR,
    what="A breakdown's or comparator's unit differs from the indicator's, so they cannot be charted or compared "
    "together; or a target gives measure without against, names both a series and each, sets a gap between a "
    "series and itself, or measures a ratio to a series with a figure of 0 or less.",
    why="Figures defined or collected differently are not alike (evaluation para 3.4): a rate per 1,000 households "
    "drawn beside a count, or a gap taken between them, would mislead. A target's measure says how a gap is measured, "
    "so without against it was meant as a gap and would be judged as a plain figure.",
    example="unit: per 1,000 households\ncomparators:\n  - id: england\n    name: England\n    source: ONS\n"
    "    unit: per 100,000 people",
    instead="Convert England's figures to the indicator's unit (per 1,000 households), or leave the comparator out.",
)

_EACH_WORDS = (EACH_NEIGHBOURHOOD, EACH_RENEWAL_AREA)
_MOST_SERIES_NAMED = 8  # a message lists at most this many of an indicator's series


def _key_place(breakdown: Breakdown) -> Location:
    return breakdown.where("area") if breakdown.area is not None else breakdown.where("group")


def _series_keys(indicator: Indicator) -> list[str]:
    """What targets and progress updates can name: the headline, then each breakdown and comparator, in order."""
    keys = [HEADLINE, *(b.key for b in indicator.breakdowns if b.key is not None), *(c.id for c in indicator.comparators)]
    return list(dict.fromkeys(keys))


def _units_match(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


@check
def breakdown_references(context: Context) -> Iterator[Finding]:
    project = context.project
    neighbourhoods, declared = known_ids(project, "neighbourhood"), known_ids(project, "group")
    areas = None if neighbourhoods is None else neighbourhoods | {RENEWAL_AREAS}
    groups = None if declared is None else declared | set(BUILT_IN_GROUPS)
    categories = {group.id: group.categories for group in project.partnership.groups if group.categories} if project.partnership else {}
    known = {group: set(names) for group, names in categories.items()}  # a group may have thousands
    for indicator in project.indicators:
        for breakdown in indicator.breakdowns:
            area, group, category = breakdown.area, breakdown.group, breakdown.category
            if area is not None and areas is not None and area not in areas:
                yield UNKNOWN_AREA.at(
                    breakdown.where("area"),
                    f"the area {quoted(area)} is neither a neighbourhood listed in partnership.yml nor {RENEWAL_AREAS}."
                    + suggest(area, areas),
                    f"use the id of a neighbourhood under neighbourhoods in partnership.yml, or {RENEWAL_AREAS} for the "
                    "renewal areas together",
                )
            if group is None or groups is None:
                continue
            if group not in groups:
                yield UNKNOWN_GROUP.at(
                    breakdown.where("group"),
                    f"the group {quoted(group)} is neither built in ({listed(list(BUILT_IN_GROUPS), 'or')}) nor declared under "
                    "groups in partnership.yml." + suggest(group, groups),
                    "use one of those groups, or declare this one under groups in partnership.yml with its name and categories",
                )
            elif category is not None and group in known and category not in known[group]:
                yield UNKNOWN_GROUP.at(
                    breakdown.where("category"),
                    f"{quoted(category)} is not one of the categories partnership.yml declares for the group {group} "
                    f"({listed([quoted(c) for c in categories[group]], 'or')})." + suggest(category, categories[group]),
                    f"use one of those categories, or add this one to the categories of {group} in partnership.yml",
                )


@check
def breakdown_shapes(context: Context) -> Iterator[Finding]:
    for indicator in context.project.indicators:
        for breakdown in indicator.breakdowns:
            area, group, category = breakdown.area, breakdown.group, breakdown.category
            if area is not None and (group is not None or category is not None):
                other = f"a group ({group})" if group is not None else f"a category ({quoted(category or '')})"
                yield UNCLEAR_BREAKDOWN.at(
                    breakdown.where("area"),
                    f"a breakdown names both an area ({area}) and {other}: a series of figures is for one or the other",
                    "give the area's figures and the group's figures as two breakdowns",
                )
            elif group is not None and category is None:
                yield UNCLEAR_BREAKDOWN.at(
                    breakdown.where("group"), f"the breakdown by {group} names no category, so it does not say whose figures these are",
                    "add 'category:', such as female or 16 to 24",
                )
            elif category is not None and group is None:
                yield UNCLEAR_BREAKDOWN.at(
                    breakdown.where("category"), f"the breakdown for {quoted(category)} names no group",
                    "add 'group:', such as sex or age",
                )
            elif area is None and group is None:
                yield UNCLEAR_BREAKDOWN.at(
                    breakdown.where(), "a breakdown names neither an area nor a group, so its figures are for nobody",
                    f"add 'area:' with a neighbourhood id or {RENEWAL_AREAS}, or 'group:' and 'category:'",
                )


@check
def repeated_series(context: Context) -> Iterator[Finding]:
    for indicator in context.project.indicators:
        # By key without regard to capitals: "sex/Female" and "sex/female" are the same people, and two series for them
        # would split their figures between two lines on the chart.
        first: dict[str, tuple[str, Location, str]] = {}
        parts = [("breakdown", b.key, _key_place(b)) for b in indicator.breakdowns if b.key is not None]
        parts += [("comparator", c.id, c.where("id")) for c in indicator.comparators]
        for noun, key, where in parts:
            if key == HEADLINE:
                yield REPEATED_SERIES.at(where, f'"{HEADLINE}" is how targets and progress updates name the indicator\'s own figures, '
                                         f"so a {noun} cannot be called that", f"give the {noun} a name of its own")
                continue
            earlier = first.setdefault(key.casefold(), (noun, where, key))
            if earlier[1] is not where:
                same = "another breakdown" if earlier[0] == noun == "breakdown" else f"a {earlier[0]}"
                capitals = "" if earlier[2] == key else f", which differs from {quoted(key)} only in capitals"
                yield REPEATED_SERIES.at(
                    where, f"{indicator.id} already has {same} for {quoted(earlier[2])} (line {earlier[1].position.line}){capitals}",
                    "put every figure for one series under one breakdown" if noun == earlier[0] == "breakdown"
                    else f"give the {noun} an id of its own, such as england or north-west",
                )


def _ratio_base(project: Project, indicator: Indicator, target: Target) -> Iterator[Finding]:
    """A ratio is worked out only against figures above 0: a ratio to 0 has no value, and to a negative figure none
    that means anything, so the site would show the target as having no figures, or a nonsense figure."""
    if target.measure != "ratio" or target.against is None:
        return
    base = next((figure for figure in project.figures(indicator, target.against) if figure.value <= 0), None)
    if base is not None:
        yield INCOMPARABLE_SERIES.at(
            target.where("measure"), f"the target of {number(target.value)} by {target.by} measures the gap as a ratio to "
            f"{quoted(target.against)}, which has the figure {number(base.value)} for {base.period}: a ratio to 0 or less "
            "cannot be worked out",
            "measure the gap as a difference, or compare with a series whose figures are all above 0",
        )


@check
def comparable_series(context: Context) -> Iterator[Finding]:
    for indicator in context.project.indicators:
        unit = indicator.unit
        parts: list[tuple[str, Breakdown | Comparator]] = [
            (f"the breakdown for {quoted(b.key or b.area or b.group or '')}", b) for b in indicator.breakdowns]
        parts += [(f"the comparator {quoted(c.name)}", c) for c in indicator.comparators]
        for what, part in parts:
            if part.unit is not None and not _units_match(part.unit, unit):
                yield INCOMPARABLE_SERIES.at(
                    part.where("unit"),
                    f"{what} is in {quoted(part.unit)}, but {indicator.id} is in {quoted(unit)}, so they cannot be charted or "
                    "compared together",
                    "give its figures in the indicator's unit, or leave them out; leave out 'unit' when it is the same",
                )
        for target in indicator.targets:
            yield from _target_shape(indicator, target)
            yield from _ratio_base(context.project, indicator, target)
            yield from _each_against_one_of_them(context.project, indicator, target)


def _each_against_one_of_them(project: Project, indicator: Indicator, target: Target) -> Iterator[Finding]:
    """A target for each of a set, against one of that set, compares that one with itself: a gap of nothing, which
    would hide how far behind the others it is (the worst of the set is judged)."""
    if target.each is None or target.against is None:
        return
    members = {s.key for s in each_members(project, indicator_series(project, indicator), target.each)}
    if target.against in members:
        yield INCOMPARABLE_SERIES.at(
            target.where("against"), f"the target of {number(target.value)} by {target.by} is set for each {target.each} against "
            f"{quoted(target.against)}, which is one of them, so {quoted(target.against)} would be compared with itself",
            "compare the set with a series outside it: headline, renewal-areas or a comparator such as england",
        )


def _target_shape(indicator: Indicator, target: Target) -> Iterator[Finding]:
    shown = f"the target of {number(target.value)} by {target.by}"
    if target.measure is not None and target.against is None:
        yield INCOMPARABLE_SERIES.at(
            target.where("measure"), f"{shown} says how a gap is measured ({target.measure}) but not what the gap is from",
            "add 'against:' with the series to compare with, such as headline or england, or take out 'measure'",
        )
    if target.each is not None and target.series is not None:
        yield INCOMPARABLE_SERIES.at(
            target.where("each"), f"{shown} names both a series ({quoted(target.series)}) and each ({target.each}), "
            "so it is not clear which is judged",
            "keep 'series' for a target on one series, or 'each' for a target on every one of a set",
        )
    if target.against is not None and target.each is None and target.against == (target.series or HEADLINE):
        yield INCOMPARABLE_SERIES.at(
            target.where("against"), f"{shown} is on the gap between {quoted(target.against)} and itself, which is always nothing",
            "name two different series: 'series' for the one judged, 'against' for the one it is compared with",
        )


@check
def series_names(context: Context) -> Iterator[Finding]:
    project = context.project
    for indicator in project.indicators:
        if not file_modelled(project, indicator.where().path):
            continue  # a breakdown left out for a mistake may be the one named
        keys = _series_keys(indicator)
        if indicator.chart is not None:
            yield from _chart(indicator)
        for target in indicator.targets:
            for field in ("series", "against"):
                value = getattr(target, field)
                if value is not None and value not in keys:
                    yield _unknown_series(indicator, keys, f"the target's {field}", value, target.where(field))
            if target.each is not None:
                yield from _each(project, indicator, target)
    for update in [*project.progress_updates, *project.draft_updates]:  # a draft is checked before it is published
        for figure in update.indicators:
            reported = project.indicator_by_id.get(figure.indicator)
            if figure.series is None or reported is None or not file_modelled(project, reported.where().path):
                continue  # an unknown indicator is SS103's
            keys = _series_keys(reported)
            if figure.series not in keys:
                yield _unknown_series(reported, keys, "the series", figure.series, figure.where("series"))


def _unknown_series(indicator: Indicator, keys: list[str], what: str, value: str, where: Location) -> Finding:
    shown = keys[:_MOST_SERIES_NAMED] + ([f"{len(keys) - _MOST_SERIES_NAMED} more"] if len(keys) > _MOST_SERIES_NAMED else [])
    return UNKNOWN_SERIES.at(
        where, f"{what} {quoted(value)} is not a series of {indicator.id}, which has {listed(shown)}.{suggest(value, keys)}",
        f"name {HEADLINE}, one of its breakdowns (a neighbourhood id, {RENEWAL_AREAS}, or a group and category such as "
        "sex/female) or one of its comparators; or add the breakdown with its figures",
    )


CHART_AREAS = "area"  # what an indicator's `chart` names for its breakdowns by area


def _chart(indicator: Indicator) -> Iterator[Finding]:
    """The breakdown an indicator's chart draws must be one it has: its areas, or one of its groups."""
    groups = list(dict.fromkeys(b.group for b in indicator.breakdowns if b.group is not None))
    has_areas = any(b.area is not None for b in indicator.breakdowns)
    choices = [CHART_AREAS] * has_areas + groups
    if indicator.chart in choices:
        return
    have = f"it has breakdowns by {listed(choices)}" if choices else "it has no breakdowns"
    yield UNKNOWN_SERIES.at(
        indicator.where("chart"), f"the chart is to draw the breakdown {quoted(indicator.chart or '')}, but {have}.{suggest(indicator.chart or '', choices)}",
        f"write chart: {CHART_AREAS} for the breakdowns by area, or the id of a group it has breakdowns for; or leave chart out",
    )


def _each(project: Project, indicator: Indicator, target: Target) -> Iterator[Finding]:
    each, declared = target.each or "", known_ids(project, "group")
    if declared is None or project.partnership is None:
        return  # partnership.yml, which declares groups and marks renewal areas, is reported on its own
    groups = declared | set(BUILT_IN_GROUPS)
    if each not in _EACH_WORDS and each not in groups:
        yield UNKNOWN_SERIES.at(
            target.where("each"), f"the target's each {quoted(each)} is neither {EACH_NEIGHBOURHOOD}, {EACH_RENEWAL_AREA} nor "
            f"a group.{suggest(each, [*_EACH_WORDS, *groups])}",
            f"use {EACH_NEIGHBOURHOOD} (every neighbourhood), {EACH_RENEWAL_AREA} (every neighbourhood needing renewal) "
            "or a group such as sex",
        )
        return
    areas = {b.area for b in indicator.breakdowns if b.key is not None and b.area is not None}
    if each == EACH_NEIGHBOURHOOD:
        found, noun, missing = bool(areas - {RENEWAL_AREAS}), "neighbourhood", "no breakdown for a neighbourhood"
    elif each == EACH_RENEWAL_AREA:
        renewal = {n.id for n in project.partnership.neighbourhoods if n.renewal_area}
        found, noun, missing = bool(areas & renewal), "renewal area", "no breakdown for a neighbourhood marked as needing renewal"
    else:
        found = any(b.key is not None and b.group == each for b in indicator.breakdowns)
        noun, missing = f"category of {each}", f"no breakdown by {each}"
    if not found:
        yield UNKNOWN_SERIES.at(
            target.where("each"), f"the target is set for each {noun}, but {indicator.id} has {missing}, so it cannot be judged",
            "add the breakdowns with their figures, or set the target on another series",
        )
