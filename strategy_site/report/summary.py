"""The report's summary for the terminal: what a board member needs, in a screenful."""

from __future__ import annotations

from strategy_site.findings import Severity, count
from strategy_site.report.accreditation import Verdict
from strategy_site.report.making import Report
from strategy_site.text_safety import printable
from strategy_site.words import plural

GAPS_SHOWN = 10


def format_summary(report: Report) -> str:
    a, changes = report.assessment, report.changes
    overall = a.overall
    lines = [
        f"Completeness report for {overall.name}, {a.today:%-d %B %Y}",
        "",
        f"Overall score: {overall.score if overall.score is not None else 'none'} out of 100 "
        f"({overall.met} measures met, {overall.partly} partly met, {overall.not_met} not met).",
    ]
    if changes is not None:
        before, after = changes.score_before, changes.score_after
        movement = "no change" if before == after else f"{'up' if (after or 0) > (before or 0) else 'down'} {abs((after or 0) - (before or 0))}"
        lines += [
            "",
            f"Since {changes.since}: score {before} then, {after} now ({movement}).",
            f"  {plural(len(changes.new), 'new problem')}, {plural(len(changes.resolved), 'problem')} resolved.",
        ]
        lines += [f"  new: {f.path}:{f.line}: {f.code} {f.message}" for f in changes.new[:GAPS_SHOWN]]
        lines += [f"  resolved: {f.code} {f.message}" for f in changes.resolved[:GAPS_SHOWN]]
        lines += [f"  {s.action} {s.title}: {s.before or 'new'} -> {s.after or 'removed'}" for s in changes.statuses]
        lines += [
            f"  {c.title}: {c.direction}"
            + (
                f" ({c.before.value:g} in {c.before.period} -> {c.after.value:g} in {c.after.period})"
                if c.before
                else f" ({c.after.value:g} in {c.after.period})"
            )
            for c in changes.indicators
        ]
    lines += ["", "Accreditation checklist (2001 guidance, paragraph 2.6):"]
    width = max(len(v.value) for v in Verdict)
    lines += [f"  {c.verdict.value:<{width}}  {c.number}. {c.title}" for c in report.checklist]
    lines += ["", "Scores by theme:"]
    lines += [f"  {s.score if s.score is not None else '-':>3}  {s.name}" for s in a.scores_of("theme")]
    weakest = sorted((s for s in a.scores_of("partner") if s.score is not None and s.score < 100), key=lambda s: (s.score, s.name))[:5]
    if weakest:
        lines += ["", "Lowest-scoring lead partners:"]
        lines += [f"  {s.score:>3}  {s.name}" for s in weakest]
    gaps = a.gaps
    lines += ["", f"Biggest gaps ({len(gaps)} in all):" if gaps else "No gaps: every measure is met."]
    for item in gaps[:GAPS_SHOWN]:
        place = f"{item.path}:{item.line}" if item.path else "partnership"
        # The measure, then the verdict on it: "Not met: its figures are up to date" would read as its opposite.
        lines.append(f"  {place}: {item.title}. {item.label}: {item.result.value}. {item.evidence[:1].upper()}{item.evidence[1:]}.")
    errors, warnings = count(a.findings, Severity.ERROR), count(a.findings, Severity.WARNING)
    lines += ["", f"Problems found by check: {plural(errors, 'error')}, {plural(warnings, 'warning')}."]
    return "\n".join(printable(line) for line in lines) + "\n"  # one line each: no value can forge a line
