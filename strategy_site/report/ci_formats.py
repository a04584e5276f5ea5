"""The report for CI systems: JUnit XML, SARIF 2.1.0 and GitHub Actions annotation lines.

Each shows the findings of `check` and every measure not met on the line it concerns,
so a pull request shows the gap where it is. Measures partly met are notes.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from strategy_site.findings import RULES, Finding, Severity
from strategy_site.report.assessment import Item
from strategy_site.report.making import Report
from strategy_site.report.measure import Result
from strategy_site.text_safety import printable, xml_chars

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _version() -> str:
    try:
        return version("strategy-site")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "0"


@dataclass(frozen=True)
class _Problem:
    """A finding or an unmet measure, in the terms every CI format shares."""

    rule: str
    title: str
    level: str  # error, warning or note
    message: str
    path: str | None
    line: int | None
    column: int | None


def _problems(report: Report) -> Iterator[_Problem]:
    for f in report.assessment.findings:
        stop = "" if f.message.endswith((".", "?", "!")) else "."  # 'Did you mean "adopted"? Fix:', never '?.'
        text = f"{f.message}{stop} Fix: {f.hint}" if f.hint else f.message
        yield _Problem(f.code, f"{f.code} {f.name}", f.severity.value, text, f.path, f.line, f.column)
    for item in report.assessment.items:
        if item.result is not Result.MET:
            yield _Problem(_item_rule(item), f"Completeness: {item.label}", "warning" if item.result is Result.NOT_MET else "note",
                           f"{item.title} ({item.subject}): {item.label.lower()}: {item.result.value}. {item.evidence}.",
                           item.path, item.line, item.column)


def _item_rule(item: Item) -> str:
    return f"report/{item.area}/{item.measure}"


# --- JUnit XML -----------------------------------------------------------------

def to_junit(report: Report) -> str:
    """A test suite per area (and one for the findings of check); a failure per problem."""
    suites = ET.Element("testsuites", name="strategy-site report")
    findings = report.assessment.findings
    suite = ET.SubElement(suites, "testsuite", name="check", tests=str(max(len(findings), 1)), failures=str(len(findings)))
    for f in findings:
        case = ET.SubElement(suite, "testcase", classname=f"check.{f.code}", name=f"{f.path}:{f.line}:{f.column}", file=f.path, line=str(f.line))
        ET.SubElement(case, "failure", message=f.message, type=f.severity.value).text = f.hint
    if not findings:
        ET.SubElement(suite, "testcase", classname="check", name="no problems found")
    areas: dict[str, list[Item]] = {}
    for item in report.assessment.items:
        areas.setdefault(item.area, []).append(item)
    for area, items in areas.items():
        failed = [i for i in items if i.result is not Result.MET]
        suite = ET.SubElement(suites, "testsuite", name=f"completeness.{area}", tests=str(len(items)), failures=str(len(failed)))
        for item in items:
            attributes = {"classname": f"completeness.{area}.{item.subject}", "name": item.label}
            if item.path:
                attributes |= {"file": item.path, "line": str(item.line)}
            case = ET.SubElement(suite, "testcase", attributes)
            if item.result is not Result.MET:
                ET.SubElement(case, "failure", message=item.evidence, type=item.result.value).text = f"{item.title}: {item.evidence}"
    total = sum(int(s.get("tests", "0")) for s in suites)
    suites.set("tests", str(total))
    suites.set("failures", str(sum(int(s.get("failures", "0")) for s in suites)))
    _keep_xml_chars(suites)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _keep_xml_chars(root: ET.Element) -> None:
    """Drop the characters XML cannot hold from every text and attribute: ElementTree escapes
    markup but writes a control character in officers' text as it is, and no parser would read the file."""
    for element in root.iter():
        if element.text:
            element.text = xml_chars(element.text)
        element.attrib.update({name: xml_chars(value) for name, value in element.attrib.items()})


# --- SARIF 2.1.0 ---------------------------------------------------------------

def _sarif_rule(rule_id: str, problem: _Problem) -> dict[str, Any]:
    rule = RULES.get(rule_id)
    if rule is not None:
        return {
            "id": rule.code, "name": rule.name,
            "shortDescription": {"text": rule.what}, "fullDescription": {"text": rule.why},
            "defaultConfiguration": {"level": rule.severity.value},
            "help": {"text": f"Instead: {rule.instead}"},
        }
    return {"id": rule_id, "name": rule_id.replace("/", "-"), "shortDescription": {"text": problem.title}}


def to_sarif(report: Report) -> str:
    problems = list(_problems(report))
    rules: dict[str, dict[str, Any]] = {}
    for problem in problems:
        rules.setdefault(problem.rule, _sarif_rule(problem.rule, problem))
    order = list(rules)
    results = []
    for problem in problems:
        result: dict[str, Any] = {
            "ruleId": problem.rule,
            "ruleIndex": order.index(problem.rule),
            "level": problem.level,
            "message": {"text": problem.message},
        }
        if problem.path:
            region = {"startLine": problem.line or 1, **({"startColumn": problem.column} if problem.column else {})}
            result["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": problem.path}, "region": region}}]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "strategy-site", "version": _version(), "rules": list(rules.values())}},
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# --- GitHub Actions workflow commands ------------------------------------------

def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))  # no ESC into the log


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    """One `::error`, `::warning` or `::notice` line per problem, for a GitHub Actions log."""
    lines = []
    for p in _problems(report):
        command = {"error": "error", "warning": "warning"}.get(p.level, "notice")
        properties = [f"title={_escape_property(p.title)}"]
        if p.path:
            properties = [f"file={_escape_property(p.path)}", f"line={p.line or 1}", *([f"col={p.column}"] if p.column else []), *properties]
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(p.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def fails_on(findings: list[Finding], level: str) -> bool:
    """True when a finding is at least as serious as ``level`` (warning or error)."""
    wanted = {Severity.ERROR} if level == "error" else {Severity.ERROR, Severity.WARNING}
    return any(f.severity in wanted for f in findings)
