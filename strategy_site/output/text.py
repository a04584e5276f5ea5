"""Findings for people at a terminal: grouped by file, with the line and a marker."""

from __future__ import annotations

from itertools import groupby

from strategy_site.check.documents import MISSING_DOCUMENT
from strategy_site.findings import Finding, Severity, count
from strategy_site.text_safety import printable
from strategy_site.words import plural


def format_text(findings: list[Finding], sources: dict[str, str], files_checked: int, seconds: float) -> str:
    """``sources`` maps a finding's path to the file's text, to quote the offending line."""
    blocks = []
    missing = _missing(findings, sources)
    for path, group in groupby(findings, key=lambda finding: finding.path):
        lines = sources.get(path, "").splitlines()
        blocks.append("\n".join(_finding(finding, lines, path not in missing) for finding in group))
    blocks.append(summary(findings, files_checked, seconds, sources))
    return "\n\n".join(blocks) + "\n"


def _missing(findings: list[Finding], sources: dict[str, str]) -> set[str]:
    """The paths of required documents that are not there (a folder's path ends in '/')."""
    return {f.path for f in findings if f.code == MISSING_DOCUMENT.code and f.path not in sources}


def _finding(finding: Finding, lines: list[str], exists: bool = True) -> str:
    # A missing file or folder has no lines: its path alone, not a line 1 column 1 that is not there.
    place = f"{finding.path}:{finding.line}:{finding.column}" if exists else finding.path
    out = [f"{place}: {finding.severity.value} {finding.code}: {finding.message}"]
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


def summary(findings: list[Finding], files_checked: int, seconds: float, sources: dict[str, str]) -> str:
    """One line: how many findings, in how many files, and how many files were checked.

    A missing document is counted as missing, not as a file with problems, and every file with a
    finding counts as checked, so the line never says "in 3 files (checked 1 file)".
    """
    errors, warnings = count(findings, Severity.ERROR), count(findings, Severity.WARNING)
    missing = _missing(findings, sources)
    in_files = [f for f in findings if f.path not in missing]
    files = {f.path for f in in_files}
    checked_count = max(files_checked, len(files | set(sources)))
    checked = f"checked {plural(checked_count, 'file')} in {seconds:.2f} s"
    if not findings:
        return f"No problems found ({checked})."
    parts = [plural(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n]
    in_files_text = f"in {plural(len(files), 'file')}"
    if missing:  # "9 errors: 7 in 1 file, 2 missing documents"
        places = [f"{len(in_files)} {in_files_text}"] if files else []
        where = ": " + ", ".join([*places, plural(len(missing), "missing document")])
    else:
        where = " " + in_files_text
    return f"{' and '.join(parts)}{where}{'' if errors else ', no errors'} ({checked})."
