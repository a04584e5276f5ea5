"""The open data downloads: every table as CSV and JSON, and as XLSX and ODS spreadsheets, and a Frictionless
data package descriptor.

Each table is declared once, with its columns' names, types and meanings; the
CSV, the JSON, the descriptor (``data/datapackage.json``) and the site's open
data page are all made from that declaration, so they cannot disagree. Column
names and meanings are a published interface: add columns, never rename them.

The figures are one long, tidy table, ``indicator-values``, in the shape Open SDG's data
uses: one row per figure, with columns saying which figure it is; the headline's rows leave
the area, group, category and comparator columns empty, as Open SDG leaves its
disaggregation columns empty for the headline, and say so in ``series``. Breakdowns by area and group and comparator
figures were added to that table as more rows rather than put in a table of their own,
because the table already promised "every figure for every indicator, one row each" and
they are figures of the same indicators: its columns keep their names and meanings (``kind``
still says baseline, actual or which target; ``value`` is still the figure), the new
columns say which series a row is in, and a reader who wants only the rows it held before
keeps those whose ``series`` is ``headline``. Targets on a series or a gap were already rows
of it, and could not be told from headline targets until those columns were added.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast, get_args

from strategy_site.model.documents import HEADLINE, Breakdown, GapMeasure, Indicator, Target, TargetKind
from strategy_site.model.fields import Period
from strategy_site.model.progress import IndicatorProgress
from strategy_site.model.project import Project
from strategy_site.model.series import EACH_NEIGHBOURHOOD, EACH_RENEWAL_AREA, Series, SeriesKind, indicator_series
from strategy_site.render.paths import Asset, source_path
from strategy_site.render.spreadsheets import Cell, table_ods, table_xlsx
from strategy_site.text_safety import csv_table

LIST_SEPARATOR = "; "
SPREADSHEET_NOTE = (  # the same rule, for residents, is on the open data page (templates/content/open-data.html.j2)
    "In the CSV files, a text value that begins with =, +, -, @, a tab, a carriage return or a full-width "
    "=, +, - or @ has an apostrophe (') put in front of it, so that spreadsheets show it as text instead of "
    "running it as a formula; text that looks like a negative number, such as -5%, is treated the same. "
    "Numbers are never changed, and the JSON files hold every value unchanged."
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless Table Schema type: string, integer, number, date
    description: str
    value: Callable[[Any], Any]
    is_list: bool = False
    values: tuple[str, ...] = ()  # a closed vocabulary: the only values the column holds, besides empty


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Project], Iterable[Any]]


def _name_of(project: Project, member_id: str | None) -> str | None:
    member = project.partner_by_id.get(member_id or "")
    return member.name if member else None


FIGURE_KINDS = ("baseline", "actual", *(f"{kind} target" for kind in get_args(TargetKind)))
RATIO_UNIT = "ratio"  # the unit of a target on a gap measured as a ratio: 3 is three times as much


@dataclass(frozen=True)
class _Figure:
    """One row of the figures table: a figure in a series, or a target with what it is set on."""

    indicator: Indicator
    kind: str
    period: Period
    value: float
    note: str | None
    series_key: str | None  # as written; None for a target on each of a set
    series: Series | None  # None for a target on each of a set, or on a series the indicator lacks (check reports it)
    target: Target | None = None

    @property
    def breakdown(self) -> Breakdown | None:
        return self.series.part if self.series and isinstance(self.series.part, Breakdown) else None

    @property
    def series_kind(self) -> SeriesKind | None:
        if self.series:
            return self.series.kind
        each = self.target.each if self.target else None
        if each is None:
            return None
        return SeriesKind.AREA if each in (EACH_NEIGHBOURHOOD, EACH_RENEWAL_AREA) else SeriesKind.GROUP

    @property
    def group(self) -> str | None:
        if self.breakdown:
            return self.breakdown.group
        return self.target.each if self.target and self.series_kind is SeriesKind.GROUP else None

    @property
    def measure(self) -> str | None:
        return (self.target.measure or "difference") if self.target and self.target.against else None

    @property
    def unit(self) -> str:
        if self.measure == "ratio":
            return RATIO_UNIT
        return self.series.unit if self.series else self.indicator.unit

    @property
    def source(self) -> str | None:
        return self.series.source if self.series and not self.target else None  # a target is the partnership's own


def _target_figure(indicator: Indicator, target: Target, by_key: dict[str, Series]) -> _Figure:
    key = None if target.each else (target.series or HEADLINE)  # `each` wins, as in model.series.target_progress
    return _Figure(indicator, f"{target.kind} target", target.by, target.value, target.note, key,
                   by_key.get(key) if key else None, target)


def _indicator_figures(project: Project, item: IndicatorProgress) -> Iterator[_Figure]:
    """The indicator's baseline, then every series' figures in series order, then its targets, soonest due first."""
    indicator = item.indicator
    series = indicator_series(project, indicator)
    if item.baseline:
        yield _Figure(indicator, "baseline", item.baseline.period, item.baseline.value, None, HEADLINE, series[0])
    for one in series:
        for figure in project.figures(indicator, one.key):
            yield _Figure(indicator, "actual", figure.period, figure.value, figure.note, one.key, one)
    by_key = {one.key: one for one in series}
    for target in sorted(indicator.targets, key=lambda t: t.by.end):
        yield _target_figure(indicator, target, by_key)


def tables(project: Project, progress: dict[str, IndicatorProgress]) -> tuple[Table, ...]:
    theme = project.theme_of_priority
    return (
        Table("actions", "Actions", "Every action in every action plan: who leads it, by when, and how it stands.", (
            Column("id", "string", "The action's id, unique across all plans.", lambda a: a.id),
            Column("title", "string", "What will be done.", lambda a: a.title),
            Column("plan", "string", "The action plan it is in.", lambda a: project.plan_of_action[a.id].title),
            Column("priority", "string", "Id of the community strategy priority it serves.", lambda a: a.priority),
            Column("theme", "string", "Name of the theme that priority belongs to.", lambda a: theme[a.priority].name if a.priority in theme else None),
            Column("lead", "string", "Id of the lead partner, accountable for the action.", lambda a: a.lead),
            Column("lead_name", "string", "Name of the lead partner.", lambda a: _name_of(project, a.lead)),
            Column("supporting", "string", "Ids of the supporting partners.", lambda a: a.supporting, True),
            Column("start", "date", "When it starts.", lambda a: a.start),
            Column("due", "date", "When it will be finished.", lambda a: a.due),
            Column("status", "string", "Its status in the newest progress update that mentions it, else in the plan.", project.latest_status),
            Column("activity", "string", "new: added by the partnership; existing: work partners would do anyway.", lambda a: a.activity),
            Column("resources_pounds", "integer", "The money and staff time behind it, in pounds, all sources added up.",
                   lambda a: sum(r.amount for r in a.resources)),
            Column("milestones", "integer", "How many milestones it has.", lambda a: len(a.milestones)),
            Column("milestones_done", "integer", "How many of them are done.", lambda a: sum(1 for m in a.milestones if m.done)),
            Column("indicators", "string", "Ids of the indicators it should move.", lambda a: a.indicators, True),
            Column("neighbourhoods", "string", "Ids of the neighbourhoods it targets; empty for the whole area.", lambda a: a.neighbourhoods, True),
        ), lambda p: p.actions),
        Table("indicators", "Indicators", "Every indicator with its baseline, latest figure, target and the status worked out from them.", (
            Column("id", "string", "The indicator's id.", lambda i: i.indicator.id),
            Column("title", "string", "What it measures.", lambda i: i.indicator.title),
            Column("unit", "string", "What the number counts.", lambda i: i.indicator.unit),
            Column("better", "string", "higher or lower: which way is an improvement.", lambda i: i.indicator.better),
            Column("source", "string", "Where the figures come from.", lambda i: i.indicator.source),
            Column("frequency", "string", "How often it is reported.", lambda i: i.indicator.frequency),
            Column("responsible", "string", "Id of the partner that reports it.", lambda i: i.indicator.responsible),
            Column("baseline_value", "number", "The starting figure.", lambda i: i.baseline.value if i.baseline else None),
            Column("baseline_period", "string", "The period of the starting figure.", lambda i: i.baseline.period.label if i.baseline else None),
            Column("latest_value", "number", "The latest figure.", lambda i: i.latest.value if i.latest else None),
            Column("latest_period", "string", "The period of the latest figure.", lambda i: i.latest.period.label if i.latest else None),
            Column("target_value", "number", "The target the latest figure is judged against.", lambda i: i.target.value if i.target else None),
            Column("target_by", "string", "The period by which the target should be met.", lambda i: i.target.by.label if i.target else None),
            Column("trend", "string", "improving, no change, worsening, or not enough figures yet.", lambda i: i.trend.value),
            Column("against_target", "string",
                   "target met, on track for the target, off track for the target, target missed, no target set or no figures yet.",
                   lambda i: i.target_status.value),
        ), lambda p: progress.values()),
        Table("indicator-values", "Indicator figures",
              "Every figure for every indicator, one row each: baselines, actual figures and targets, for the whole area (the headline), "
              "for each area and group of people the figures are broken down by, and for the places it is compared with.", (
            Column("indicator", "string", "The indicator's id.", lambda f: f.indicator.id),
            Column("kind", "string", "baseline, actual, or the kind of target (floor, stretch or local target).", lambda f: f.kind,
                   values=FIGURE_KINDS),
            Column("period", "string", "The period as written, for example 2026/27 Q2; for a target, the period by the end of which it "
                   "should be met.", lambda f: f.period.label),
            Column("period_start", "date", "First day of the period.", lambda f: f.period.start),
            Column("period_end", "date", "Last day of the period.", lambda f: f.period.end),
            Column("value", "number", "The figure; for a target on a gap, the largest gap that meets it.", lambda f: f.value),
            Column("series", "string", "The series the figure is in, or the target is set on, as targets name it: headline for the whole "
                   "area, a neighbourhood's id, renewal-areas, a group and category such as sex/female, or a comparator's id. Empty for a "
                   "target set on each of a set (see each).", lambda f: f.series_key),
            Column("series_kind", "string", "headline (the whole area), area (a neighbourhood, or the renewal areas together), group "
                   "(a group of people) or comparator (a place to compare with, such as England).",
                   lambda f: f.series_kind.value if f.series_kind else None,
                   values=tuple(kind.value for kind in SeriesKind)),
            Column("series_name", "string", "The series as the site names it, for example Northgate, Sex: female or England.",
                   lambda f: f.series.label if f.series else None),
            Column("area", "string", "For an area's figures: the neighbourhood's id, or renewal-areas for the renewal areas together. "
                   "Empty on every other row, the headline's included.", lambda f: f.breakdown.area if f.breakdown else None),
            Column("group", "string", "For a group's figures: the group, for example sex, age, ethnicity or disability; also set on a "
                   "target for each of its categories.", lambda f: f.group),
            Column("category", "string", "For a group's figures: which part of the group, for example female.",
                   lambda f: f.breakdown.category if f.breakdown else None),
            Column("comparator", "string", "For a comparator's figures: its id, for example england.",
                   lambda f: f.series.key if f.series and f.series.kind is SeriesKind.COMPARATOR else None),
            Column("unit", "string", "What the value counts; for a target on a gap measured as a ratio, ratio (times as much).",
                   lambda f: f.unit),
            Column("source", "string", "Where the figure comes from; empty for targets, which the partnership sets.", lambda f: f.source),
            Column("each", "string", "For a target set on every series of a kind at once: neighbourhood, renewal-area, or a group such as "
                   "sex. The worst of them is judged against it.", lambda f: f.target.each if f.target else None),
            Column("against", "string", "For a target on a gap: the series the target's series is compared with, for example headline "
                   "or england.", lambda f: f.target.against if f.target else None),
            Column("measure", "string", "For a target on a gap: difference (how far apart, in the indicator's unit) or ratio (how many "
                   "times as much).", lambda f: f.measure, values=get_args(GapMeasure)),
            Column("note", "string", "The note written with the figure or target, if any.", lambda f: f.note),
        ), lambda p: (figure for item in progress.values() for figure in _indicator_figures(p, item))),
        Table("partners", "Partners", "Every member organisation of the partnership and what it has taken on.", (
            Column("id", "string", "The organisation's id.", lambda m: m.id),
            Column("name", "string", "Its full name.", lambda m: m.name),
            Column("sector", "string", "public, private, voluntary, community or faith.", lambda m: m.sector),
            Column("type", "string", "What kind of body it is.", lambda m: m.type),
            Column("website", "string", "Its website.", lambda m: m.website),
            Column("leads", "integer", "How many actions it leads.", lambda m: len(project.actions_led_by.get(m.id, []))),
            Column("supports", "integer", "How many actions it supports.", lambda m: len(project.actions_supported_by.get(m.id, []))),
            Column("agreements_signed", "integer", "How many partnership agreements it has signed.", lambda m: len(project.agreements_signed_by.get(m.id, []))),
        ), lambda p: p.members),
        Table("priorities", "Priorities", "Every priority in the community strategy, with the actions and indicators that serve it.", (
            Column("id", "string", "The priority's id.", lambda r: r.id),
            Column("title", "string", "The priority.", lambda r: r.title),
            Column("theme", "string", "Name of its theme.", lambda r: theme[r.id].name),
            Column("outcome", "string", "The change local people should see.", lambda r: r.outcome),
            Column("actions", "string", "Ids of the actions that serve it.", lambda r: [a.id for a in project.actions_for(r)], True),
            Column("indicators", "string", "Ids of the indicators that measure it.", lambda r: r.indicators, True),
        ), lambda p: p.priorities),
        Table("agreements", "Partnership agreements", "Every partnership agreement and who has signed it.", (
            Column("title", "string", "The agreement.", lambda g: g.title),
            Column("source", "string", "Its source file.", lambda g: source_path(project, g.source_file)),
            Column("themes", "string", "Ids of the themes it covers.", lambda g: g.themes, True),
            Column("agreed", "date", "When it was agreed.", lambda g: g.agreed),
            Column("review", "date", "When it will be reviewed.", lambda g: g.review),
            Column("signatories", "integer", "How many people are to sign it.", lambda g: len(g.signatories)),
            Column("signed", "integer", "How many have signed.", lambda g: sum(1 for s in g.signatories if s.signed)),
            Column("signed_by", "string", "Ids of the organisations whose signatory has signed.",
                   lambda g: [s.organisation for s in g.signatories if s.signed], True),
        ), lambda p: p.agreements),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 410, not 410.0: the figure as it was published
    return value


def _cell(value: Any) -> Cell:
    """A record's value as a spreadsheet cell: lists joined as in the CSV files."""
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else cast(Cell, value)


def _csv(table: Table, records: list[dict[str, Any]]) -> str:
    return csv_table(
        [column.name for column in table.columns],
        ([LIST_SEPARATOR.join(record[c.name]) if c.is_list else record[c.name] for c in table.columns] for record in records),
    )


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name, "type": column.type,
        "description": column.description + (f" Separated by '{LIST_SEPARATOR}'." if column.is_list else ""),
    }
    if column.values:
        field["constraints"] = {"enum": list(column.values)}
    return field


def descriptor(project: Project, all_tables: tuple[Table, ...]) -> dict[str, Any]:
    name = project.partnership.name if project.partnership else "Community strategy"
    return {
        "profile": "tabular-data-package",
        "name": "community-strategy",
        "title": f"{name}: community strategy open data",
        "description": "The actions, indicators and every figure (for the whole area, by area and group, and for places to compare with), "
                       "partners, priorities and agreements of the community strategy. " + SPREADSHEET_NOTE,
        "licenses": [{"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0", "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}],
        "resources": [
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        _field(c) for c in table.columns
                    ],
                },
            }
            for table in all_tables
        ],
    }


def open_data(project: Project, progress: dict[str, IndicatorProgress]) -> Iterator[Asset]:
    """The data files, under ``data/``, one table at a time (a big partnership's tables are megabytes)."""
    all_tables = tables(project, progress)
    for table in all_tables:
        records = [{c.name: _plain(c.value(row)) for c in table.columns} for row in table.rows(project)]
        yield Asset(f"data/{table.name}.csv", _csv(table, records))
        yield Asset(f"data/{table.name}.json", json.dumps(records, indent=2, ensure_ascii=False) + "\n")
        header, rows = [c.name for c in table.columns], [[_cell(record[c.name]) for c in table.columns] for record in records]
        yield Asset(f"data/{table.name}.xlsx", table_xlsx(table.title, header, rows))
        yield Asset(f"data/{table.name}.ods", table_ods(table.title, header, rows))
    yield Asset("data/datapackage.json", json.dumps(descriptor(project, all_tables), indent=2, ensure_ascii=False) + "\n")
