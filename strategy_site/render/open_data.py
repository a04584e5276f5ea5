"""The open data downloads: every table as CSV and JSON, and a Frictionless data package descriptor.

Each table is declared once, with its columns' names, types and meanings; the
CSV, the JSON, the descriptor (``data/datapackage.json``) and the site's open
data page are all made from that declaration, so they cannot disagree. Column
names and meanings are a published interface: add columns, never rename them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from strategy_site.model.fields import Period
from strategy_site.model.progress import IndicatorProgress
from strategy_site.model.project import Project
from strategy_site.render.paths import Asset, source_path
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


@dataclass(frozen=True)
class _Figure:
    indicator: str
    kind: str
    period: Period
    value: float


def _figures(progress: dict[str, IndicatorProgress]) -> Iterable[_Figure]:
    for item in progress.values():
        if item.baseline:
            yield _Figure(item.indicator.id, "baseline", item.baseline.period, item.baseline.value)
        for point in item.figures:
            yield _Figure(item.indicator.id, "actual", point.period, point.value)
        for target in sorted(item.indicator.targets, key=lambda t: t.by.end):
            yield _Figure(item.indicator.id, f"{target.kind} target", target.by, target.value)


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
        Table("indicator-values", "Indicator figures", "Every figure for every indicator: baselines, actual figures and targets, one row each.", (
            Column("indicator", "string", "The indicator's id.", lambda f: f.indicator),
            Column("kind", "string", "baseline, actual, or the kind of target (floor, stretch or local target).", lambda f: f.kind),
            Column("period", "string", "The period as written, for example 2026/27 Q2.", lambda f: f.period.label),
            Column("period_start", "date", "First day of the period.", lambda f: f.period.start),
            Column("period_end", "date", "Last day of the period.", lambda f: f.period.end),
            Column("value", "number", "The figure.", lambda f: f.value),
        ), lambda p: _figures(progress)),
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


def _csv(table: Table, records: list[dict[str, Any]]) -> str:
    return csv_table(
        [column.name for column in table.columns],
        ([LIST_SEPARATOR.join(record[c.name]) if c.is_list else record[c.name] for c in table.columns] for record in records),
    )


def descriptor(project: Project, all_tables: tuple[Table, ...]) -> dict[str, Any]:
    name = project.partnership.name if project.partnership else "Community strategy"
    return {
        "profile": "tabular-data-package",
        "name": "community-strategy",
        "title": f"{name}: community strategy open data",
        "description": "The actions, indicators, partners, priorities and agreements of the community strategy. " + SPREADSHEET_NOTE,
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
                        {"name": c.name, "type": c.type, "description": c.description + (f" Separated by '{LIST_SEPARATOR}'." if c.is_list else "")}
                        for c in table.columns
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
    yield Asset("data/datapackage.json", json.dumps(descriptor(project, all_tables), indent=2, ensure_ascii=False) + "\n")
