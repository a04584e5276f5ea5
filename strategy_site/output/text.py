"""Findings for people at a terminal: grouped by file, with the line and a marker."""

from __future__ import annotations

from itertools import groupby

from strategy_site.text_safety import printable
from strategy_site.findings import Finding, Severity, count


def format_text(findings: list[Finding], sources: dict[str, str], files_checked: int, seconds: float) -> str:
    """``sources`` maps a finding's path to the file's text, to quote the offending line."""
    blocks = []
    for path, group in groupby(findings, key=lambda finding: finding.path):
        lines = sources.get(path, "").splitlines()
        blocks.append("\n".join(_finding(finding, lines) for finding in group))
    blocks.append(summary(findings, files_checked, seconds))
    return "\n\n".join(blocks) + "\n"


def _finding(finding: Finding, lines: list[str]) -> str:
    out = [f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value} {finding.code}: {finding.message}"]
    if 0 < finding.line <= len(lines) and lines[finding.line - 1].strip():
        number = str(finding.line)
        text = lines[finding.line - 1].replace("\t", " ")
        out.append(f"  {number} | {text}")
        out.append(f"  {' ' * len(number)} | {' ' * (finding.column - 1)}^")
    if finding.hint:
        out.append(f"  fix: {finding.hint}")
    # One line each: a quoted value or a file name holding ESC or a line break must not rewrite the
    # terminal or forge a line (such as a GitHub '::error' command) in a CI log.
    return "\n".join(printable(line) for line in out)


def summary(findings: list[Finding], files_checked: int, seconds: float) -> str:
    errors, warnings = count(findings, Severity.ERROR), count(findings, Severity.WARNING)
    files = len({finding.path for finding in findings})
    checked = f"checked {files_checked} file{'s' if files_checked != 1 else ''} in {seconds:.2f} s"
    if not findings:
        return f"No problems found ({checked})."
    parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((errors, "error"), (warnings, "warning")) if n]
    where = f"in {files} file{'s' if files != 1 else ''}"
    return f"{' and '.join(parts)} {where}{'' if errors else ', no errors'} ({checked})."
