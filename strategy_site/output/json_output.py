"""Findings as JSON. The shape is documented in docs/json-output.md and versioned."""

from __future__ import annotations

import json

from strategy_site.findings import Finding, Severity, count

FORMAT_VERSION = 1


def format_json(findings: list[Finding], files_checked: int) -> str:
    document = {
        "version": FORMAT_VERSION,
        "summary": {
            "files_checked": files_checked,
            "errors": count(findings, Severity.ERROR),
            "warnings": count(findings, Severity.WARNING),
        },
        "findings": [finding_record(finding) for finding in findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def finding_record(finding: Finding) -> dict[str, object]:
    """One finding as a JSON object; the report's JSON uses the same shape."""
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "file": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "hint": finding.hint,
    }
