"""The report as data: JSON (shape documented in docs/reports.md, "JSON shape") and a CSV of every measured item."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from strategy_site.output.json_output import finding_record
from strategy_site.report.assessment import Item, Score
from strategy_site.report.making import Report
from strategy_site.text_safety import csv_table

FORMAT_VERSION = 1
ITEM_COLUMNS = ("area", "subject", "title", "measure", "label", "result", "weight", "evidence", "file", "line", "column", "themes", "partners")


def item_record(item: Item) -> dict[str, Any]:
    return {
        "area": item.area, "subject": item.subject, "title": item.title, "measure": item.measure, "label": item.label,
        "result": item.result.value, "weight": item.weight, "evidence": item.evidence,
        "file": item.path, "line": item.line, "column": item.column,
        "themes": list(item.themes), "partners": list(item.partners),
    }


def _score(score: Score) -> dict[str, Any]:
    return {"key": score.key, "name": score.name, "score": score.score, "met": score.met, "partly": score.partly, "not_met": score.not_met}


def report_record(report: Report, items: bool = True) -> dict[str, Any]:
    """The report as JSON data; without its ``items`` (an empty list), which grow with the partnership."""
    assessment, changes = report.assessment, report.changes
    overall = assessment.overall
    return {
        "version": FORMAT_VERSION,
        "partnership": overall.name,
        "date": assessment.today.isoformat(),
        "score": overall.score,
        "counts": {"met": overall.met, "partly": overall.partly, "not_met": overall.not_met},
        "scores": {kind + "s": [_score(s) for s in assessment.scores_of(kind)] for kind in ("document", "theme", "partner")},
        "checklist": [
            {"number": c.number, "title": c.title, "verdict": c.verdict.value, "evidence": [asdict(e) for e in c.evidence]}
            for c in report.checklist
        ],
        "items": [item_record(item) for item in assessment.items] if items else [],
        "findings": [finding_record(f) for f in assessment.findings],
        "changes": None if changes is None else {
            "since": changes.since,
            "score_before": changes.score_before,
            "score_after": changes.score_after,
            "resolved": [finding_record(f) for f in changes.resolved],
            "new": [finding_record(f) for f in changes.new],
            "statuses": [asdict(s) for s in changes.statuses],
            "indicators": [
                {"indicator": c.indicator, "title": c.title, "direction": c.direction,
                 "before": None if c.before is None else {"period": c.before.period.label, "value": c.before.value},
                 "after": {"period": c.after.period.label, "value": c.after.value}}
                for c in changes.indicators
            ],
        },
    }


def to_json(report: Report) -> str:
    """The report as JSON, indented for people."""
    return json.dumps(report_record(report), indent=2, ensure_ascii=False) + "\n"


def json_parts(report: Report) -> Iterator[str]:
    """The same JSON on one line, for the site's download, made an item at a time: at fifty times the demo's
    size the whole would take tens of megabytes to hold, and the indented encoder five times as long."""
    head, _, tail = json.dumps(report_record(report, items=False), ensure_ascii=False).partition('"items": []')
    yield head + '"items": ['
    for index, item in enumerate(report.assessment.items):
        yield ("," if index else "") + json.dumps(item_record(item), ensure_ascii=False)
    yield "]" + tail + "\n"


def to_csv(report: Report) -> str:
    """A row per measured item, its themes and partners joined with '; '."""
    records = [item_record(item) for item in report.assessment.items]
    return csv_table(ITEM_COLUMNS, ([_csv_cell(record[name]) for name in ITEM_COLUMNS] for record in records))


def _csv_cell(value: Any) -> Any:
    return "; ".join(value) if isinstance(value, list) else value  # the themes and partners
