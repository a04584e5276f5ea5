"""strategy-site report: the completeness measures, the score arithmetic, --since, and every output format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from strategy_site.check import run_checks
from strategy_site.cli import main
from strategy_site.model.project import load_project
from strategy_site.report.accreditation import Verdict, checklist
from strategy_site.report.assessment import Assessment, Item, assess
from strategy_site.report.measure import Result
from strategy_site.report.readability import readability, syllables
from strategy_site.report.weights import DEFAULT_WEIGHTS, load_weights
from tests.conftest import FIXTURES, REPO, TODAY, edit, line_of

SARIF_SCHEMA = FIXTURES / "schemas" / "sarif-2.1.0-rtm.5.json"
REPORT = ["report", "src", "--today", "2026-11-23"]


def assessment_of(root: Path) -> Assessment:
    project = load_project(root)
    return assess(project, run_checks(project, TODAY), TODAY, load_weights())


def item(assessment: Assessment, subject: str, measure: str) -> Item:
    [found] = [i for i in assessment.items if i.subject.endswith(subject) and i.measure == measure]
    return found


def run_git(folder: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "o@example.org", "GIT_COMMITTER_NAME": "Officer",
           "GIT_COMMITTER_EMAIL": "o@example.org", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


# --- the measures ----------------------------------------------------------------


def test_the_minimal_partnership_scores_74_as_counted_by_hand(project_dir: Path) -> None:
    # Weights of the measures met: partnership sectors 3 and agreement signed 2; each of the three
    # documents' sections 3 and review date 1 (12); the priority's action and indicator 3 + 3;
    # the action's seven measures 15; the indicator's five measures 10: 48 in all.
    # Partly met, counting half: the strategy's and the agreement's plain language, 1 each: 1.
    # Not met: lead spread 2, partners involved 2, three stub sections 2 + 2 + 2, and the renewal
    # strategy's plain language 1, its renewal area's figures 2 and targets 3 (Brookside has neither): 16.
    # Score = 100 x (48 + 1) / (48 + 2 + 16) = 74.2, so 74.
    overall = assessment_of(project_dir).overall
    assert (overall.score, overall.met, overall.partly, overall.not_met) == (74, 22, 2, 8)


def test_an_action_without_a_lead_fails_the_lead_measure_on_its_line(project_dir: Path) -> None:
    plan = project_dir / "action-plans/2026-27.yml"
    edit(plan, "    lead: police\n", "")
    lead = item(assessment_of(project_dir), "SF-01", "lead")
    assert (lead.result, lead.evidence, lead.path, lead.line) == (Result.NOT_MET, "no lead partner named", "src/action-plans/2026-27.yml", 5)


def test_an_action_past_its_due_date_and_not_finished_is_overdue(project_dir: Path) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "due: 2027-03-31", "due: 2026-10-31")
    overdue = item(assessment_of(project_dir), "SF-01", "not-overdue")
    assert (overdue.result, overdue.evidence) == (Result.NOT_MET, "overdue: was due 31 October 2026, status on track")


def test_an_indicator_whose_latest_figure_is_too_old_is_not_up_to_date(project_dir: Path) -> None:
    edit(project_dir / "indicators/burglary-rate.yml", "frequency: annual", "frequency: quarterly")
    stale = item(assessment_of(project_dir), "burglary-rate", "up-to-date")
    assert stale.result is Result.NOT_MET
    assert stale.evidence == ("latest figure is for 2024/25, out of date since 1 January 2026 "
                              "(quarterly figures count as up to date for 9 months after their period)")


def test_a_priority_no_action_serves_breaks_the_chain(project_dir: Path) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "priority: fewer-burglaries", "priority: fewer-burglaries-x")
    chain = item(assessment_of(project_dir), "fewer-burglaries", "has-action")
    assert (chain.result, chain.evidence) == (Result.NOT_MET, "0 actions")


def test_lead_concentration_names_the_organisation_and_its_share(project_dir: Path) -> None:
    spread = item(assessment_of(project_dir), "partnership", "lead-spread")
    assert (spread.result, spread.evidence) == (Result.NOT_MET, "Fernshire Police leads 1 of 1 action (100%)")


def test_a_stub_section_is_named_with_its_word_count(project_dir: Path) -> None:
    stub = item(assessment_of(project_dir), "community-strategy.md", "sections-substantive")
    assert stub.evidence.startswith("shorter than 25 words: Long-term vision (15 words), Action plan (18 words)")


def test_an_unsigned_agreement_is_partly_signed(project_dir: Path) -> None:
    agreement = project_dir / "agreements/safer-fernley.md"
    text = agreement.read_text(encoding="utf-8")
    first_signed = next(line for line in text.splitlines() if line.strip().startswith("signed:"))
    agreement.write_text(text.replace(first_signed + "\n", "", 1), encoding="utf-8")
    signed = item(assessment_of(project_dir), "partnership", "agreements-signed")
    assert signed.result is Result.PARTLY
    assert signed.evidence.startswith("1 of 2 signed; not yet: ")


def test_a_theme_score_covers_its_priorities_actions_and_indicators(project_dir: Path) -> None:
    [theme] = assessment_of(project_dir).scores_of("theme")
    assert (theme.key, theme.score, theme.met) == ("safety", 100, 14)  # 2 priority + 7 action + 5 indicator measures


@pytest.mark.parametrize("file,old,new,subject,measure,evidence", [
    ("action-plans/2026-27.yml", "    due: 2027-03-31\n", "", "SF-01", "due-date", "no due date"),
    ("action-plans/2026-27.yml", "    milestones:\n      - date: 2026-09-30\n        text: First 200 homes fitted\n        done: true\n", "",
     "SF-01", "milestones", "no milestones"),
    ("action-plans/2026-27.yml", "    resources:\n      - amount: 45000\n        kind: neighbourhood renewal fund\n        provider: council\n", "",
     "SF-01", "resources", "no resources given"),
    ("action-plans/2026-27.yml", "      - amount: 45000\n", "      - amount: 0\n", "SF-01", "resources", "every resource given is £0"),
    ("action-plans/2026-27.yml", "    priority: fewer-burglaries\n", "", "SF-01", "priority", "not linked to a priority"),
    ("action-plans/2026-27.yml", "    indicators: [burglary-rate]\n", "", "SF-01", "measure", "no indicator named"),
    ("indicators/burglary-rate.yml", "definition: Domestic burglaries recorded by the police for every 1,000 households in the borough.",
     "definition: Burglaries.", "burglary-rate", "definition", "definition of 1 word"),
    ("indicators/burglary-rate.yml", "baseline:\n  value: 21.4\n  period: 2022/23\n", "", "burglary-rate", "baseline", "no baseline"),
    ("indicators/burglary-rate.yml", "targets:\n  - value: 15\n    by: 2027/28\n    kind: floor\n", "", "burglary-rate", "target", "no target"),
    ("indicators/burglary-rate.yml", "commentary: Burglary has fallen for two years running, helped by the lock-fitting scheme.\n", "",
     "burglary-rate", "commentary", "no commentary"),
    ("community-strategy.md", "next_review: 2027-06-30", "next_review: 2026-06-30", "community-strategy.md", "review-date",
     "review was due 30 June 2026"),
    ("community-strategy.md", "indicators: [burglary-rate]", "indicators: []", "fewer-burglaries", "has-indicator", "no indicator"),
    ("partnership.yml", "sector: private", "sector: public", "partnership", "sectors", "no private members"),
])
def test_each_measure_not_met_says_what_is_missing(
    project_dir: Path, file: str, old: str, new: str, subject: str, measure: str, evidence: str
) -> None:
    edit(project_dir / file, old, new)
    found = item(assessment_of(project_dir), subject, measure)
    assert found.result in (Result.NOT_MET, Result.PARTLY)
    assert found.evidence == evidence


def test_staff_time_given_in_kind_without_a_price_counts_as_a_resource(project_dir: Path) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "      - amount: 45000\n        kind: neighbourhood renewal fund\n",
         "      - amount: 0\n        kind: in kind\n")

    found = item(assessment_of(project_dir), "SF-01", "resources")

    assert (found.result, found.evidence) == (Result.MET, "£0 from 1 source")


def test_a_missing_required_section_is_named(project_dir: Path) -> None:
    strategy = project_dir / "community-strategy.md"
    text = strategy.read_text(encoding="utf-8")
    start = text.index("## Shared commitment")
    end = text.index("## ", start + 3)
    strategy.write_text(text[:start] + text[end:], encoding="utf-8")
    sections = item(assessment_of(project_dir), "community-strategy.md", "sections-present")
    assert (sections.result, sections.evidence) == (Result.PARTLY, "missing: Shared commitment")


def test_hard_public_text_is_flagged_with_its_reading_ease(project_dir: Path) -> None:
    plain = item(assessment_of(project_dir), "neighbourhood-renewal-strategy.md", "plain-language")
    assert (plain.result, plain.evidence) == (Result.NOT_MET, "Flesch reading ease 48.2 over 142 words (aim for 60 or more)")


@pytest.mark.parametrize("ease,shown,result", [(59.6, "59.6", Result.PARTLY), (59.96, "60", Result.MET)])
def test_the_reading_ease_is_judged_as_it_is_shown(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch, ease: float, shown: str, result: Result
) -> None:
    class Fixed:
        words, reading_ease = 84, ease

    monkeypatch.setattr("strategy_site.report.areas.documents.readability", lambda text: Fixed())
    plain = item(assessment_of(project_dir), "neighbourhood-renewal-strategy.md", "plain-language")
    assert (plain.result, plain.evidence) == (result, f"Flesch reading ease {shown} over 84 words (aim for 60 or more)")


def test_an_indicator_with_current_figures_says_until_when(project_dir: Path) -> None:
    fresh = item(assessment_of(project_dir), "burglary-rate", "up-to-date")
    assert (fresh.result, fresh.evidence) == (Result.MET, "latest figure is for 2024/25, up to date until 31 December 2026 "
                                              "(annual figures count as up to date for 21 months after their period)")


# --- reading ease ------------------------------------------------------------------


def test_syllables_are_counted_by_vowel_groups_without_a_silent_e() -> None:
    assert [syllables(w) for w in ("cake", "table", "partnership", "community", "the")] == [1, 2, 3, 4, 1]


def test_reading_ease_follows_fleschs_formula() -> None:
    # 9 words, 2 sentences, 9 syllables: 206.835 - 1.015 x 9/2 - 84.6 x 9/9 = 117.7
    ease = readability("The cat sat on the mat. We like cats.")
    assert (ease.words, ease.sentences, ease.syllables) == (9, 2, 9)
    assert round(ease.reading_ease, 1) == 117.7


def test_long_sentences_of_long_words_read_as_hard() -> None:
    hard = "The partnership will facilitate multi-agency collaborative interventions addressing intergenerational deprivation."
    assert readability(hard).reading_ease < 0


def test_markdown_links_count_only_their_words() -> None:
    assert readability("See [the action plan](action-plans/2026-27.yml).").words == 4


# --- weights -----------------------------------------------------------------------


def test_the_weights_come_from_the_file(project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    weights = tmp_path / "weights.yml"
    text = DEFAULT_WEIGHTS.read_text(encoding="utf-8")
    weights.write_text(text.replace("lead-spread: 2", "lead-spread: 40"), encoding="utf-8")
    assert main([*REPORT, "--weights", str(weights), "--format", "json"]) == 0
    # 48 + 1 met of 48 + 2 + 16 + 38 = 104: the heavier unmet measure pulls the score down to 47.
    assert json.loads(capsys.readouterr().out)["score"] == 47


def test_a_broken_weights_file_is_a_plain_error(project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    weights = tmp_path / "weights.yml"
    weights.write_text(DEFAULT_WEIGHTS.read_text(encoding="utf-8").replace("    lead: 3 ", "    lead: lots "), encoding="utf-8")
    assert main([*REPORT, "--weights", str(weights)]) == 2
    assert capsys.readouterr().err == (f'strategy-site: {weights}:{line_of(weights, "lead: lots")}:11: the weight of the action measure "lead" '
                                       'is "lots"; write a number of 0 or more (0 leaves the measure out of the scores)\n')


# --- the accreditation checklist --------------------------------------------------


def test_the_checklist_has_the_ten_criteria_of_paragraph_2_6(project_dir: Path) -> None:
    criteria = checklist(assessment_of(project_dir))
    assert [c.number for c in criteria] == list(range(1, 11))
    assert criteria[8].verdict is Verdict.JUDGE  # reducing bureaucracy is not in the documents


def test_a_missing_sector_makes_the_partnership_not_representative(project_dir: Path) -> None:
    partnership = project_dir / "partnership.yml"
    edit(partnership, "sector: private", "sector: public")
    representative = checklist(assessment_of(project_dir))[1]
    assert representative.verdict is Verdict.PARTLY
    assert representative.evidence[0].text == "5 members; missing: private"
    assert representative.evidence[0].path == "src/partnership.yml"


# --- the command and its outputs ----------------------------------------------------


def test_the_summary_leads_with_the_score_in_words(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(REPORT) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Completeness report for Fernley Partnership, 23 November 2026"
    assert lines[2] == "Overall score: 74 out of 100 (22 measures met, 2 partly met, 8 not met)."
    assert "  met                        1. Effective: actions have a lead and a date, and progress is reported" in lines


def test_a_gap_in_the_summary_names_the_measure_before_its_verdict(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "frequency: annual", "frequency: quarterly")
    assert main(REPORT) == 0
    line = line_of(indicator, "values:") + 1  # the measure points at the first figure
    assert (f"  src/indicators/burglary-rate.yml:{line}: Domestic burglary rate. Its figures are up to date: not met. "
            "Latest figure is for 2024/25, out of date since 1 January 2026 (quarterly figures count as up to date "
            "for 9 months after their period).") in capsys.readouterr().out.splitlines()


def test_out_writes_every_format(project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkey_templates = ["--templates", str(REPO / "templates/report")]
    assert main([*REPORT, "--out", "reports", *monkey_templates]) == 0
    written = sorted(p.name for p in Path("reports").iterdir())
    assert written == ["report.csv", "report.github.txt", "report.html", "report.json", "report.junit.xml", "report.sarif"]


def test_the_html_report_puts_the_summary_before_the_details(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, "--format", "html", "--templates", str(REPO / "templates/report")]) == 0
    html = capsys.readouterr().out
    assert html.index('<h2 id="summary">') < html.index('<h2 id="checklist">') < html.index('<h2 id="details">')
    assert '<span class="score">74</span> out of 100' in html
    assert '<a href="src/action-plans/2026-27.yml#L' not in html  # without --source-url, plain relative links
    assert 'href="src/action-plans/2026-27.yml"' in html


def test_the_csv_has_one_row_per_measure(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 32
    lead = next(r for r in rows if r["subject"] == "SF-01" and r["measure"] == "lead")
    assert (lead["result"], lead["file"], lead["line"], lead["partners"]) == ("met", "src/action-plans/2026-27.yml", "8", "police")


def test_the_sarif_output_is_valid_sarif_2_1_0(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "lead: police", "lead: polce")  # a finding, as well as gaps
    assert main([*REPORT, "--format", "sarif"]) == 0
    log = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    finding = next(r for r in results if r["ruleId"] == "SS104")
    assert finding["level"] == "error"
    assert finding["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "src/action-plans/2026-27.yml"}, "region": {"startLine": 8, "startColumn": 11}}


def test_the_junit_xml_parses_with_a_failure_per_gap(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, "--format", "junit"]) == 0
    suites = ET.fromstring(capsys.readouterr().out)
    assert suites.tag == "testsuites"
    assert int(suites.get("failures", "0")) == 10  # 8 not met + 2 partly met, and no findings
    partnership = next(s for s in suites if s.get("name") == "completeness.partnership")
    assert [c.get("name") for c in partnership if c.find("failure") is not None] == [
        "Leads are spread across partners", "Every partner leads or supports something"]


def test_github_annotations_put_each_gap_on_its_line(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, "--format", "github"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = line_of(project_dir / "partnership.yml", "- id: council")  # the members list
    assert (f"::warning file=src/partnership.yml,line={line},col=3,title=Completeness%3A Leads are spread across partners::"
            "Fernley Partnership (partnership): leads are spread across partners: not met. "
            "Fernshire Police leads 1 of 1 action (100%25).") in lines  # % is escaped


def test_a_github_annotation_puts_one_stop_after_a_question_before_the_fix(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project_dir / "community-strategy.md", "status: adopted", "status: adoptd")

    main([*REPORT, "--format", "github"])

    [line] = [line for line in capsys.readouterr().out.splitlines() if "adoptd" in line]
    assert 'Did you mean "adopted"? Fix: ' in line and '?. Fix' not in line


def test_fail_under_exits_1_when_the_score_is_lower(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, "--fail-under", "90"]) == 1
    assert "the score 74 is under 90" in capsys.readouterr().err


def test_fail_on_warning_exits_1_when_check_warns(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project_dir / "action-plans/2026-27.yml", "due: 2027-03-31", "due: 2026-10-31")  # overdue: a warning
    assert main([*REPORT, "--fail-on", "warning"]) == 1
    assert main([*REPORT, "--fail-on", "error"]) == 0


# --- what changed since a revision -----------------------------------------------------


def test_since_a_revision_that_removed_a_lead_shows_the_score_drop_and_the_new_finding(
    project_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_git(project_dir, "init", "-q")
    run_git(project_dir, "add", ".")
    run_git(project_dir, "commit", "-qm", "Agreed plan")
    run_git(project_dir, "tag", "board-october")
    edit(project_dir / "action-plans/2026-27.yml", "    lead: police\n", "")
    run_git(project_dir, "commit", "-qam", "Police withdraw as lead")

    assert main([*REPORT, "--since", "board-october", "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    # Without a lead, the action's lead measure (3) is not met and lead spread no longer applies (-2):
    # 100 x (45 + 1) / (45 + 2 + 17) = 72.
    assert (changes["score_before"], changes["score_after"]) == (74, 72)
    assert [(f["code"], f["file"], f["line"]) for f in changes["new"]] == [("SS401", "src/action-plans/2026-27.yml", 5)]
    assert changes["resolved"] == []


def test_since_reports_actions_whose_status_changed(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_git(project_dir, "init", "-q")
    run_git(project_dir, "add", ".")
    run_git(project_dir, "commit", "-qm", "First")
    edit(project_dir / "progress/2026-11-10-quarter-2.md", "status: on track", "status: at risk")
    assert main([*REPORT, "--since", "HEAD"]) == 0
    assert "  SF-01 Fit door and window locks for older residents: on track -> at risk" in capsys.readouterr().out


def test_since_an_unknown_revision_is_a_plain_error(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_git(project_dir, "init", "-q")
    assert main([*REPORT, "--since", "v9"]) == 2
    assert "there is no revision 'v9' in the Git history of src" in capsys.readouterr().err


def test_an_out_folder_that_is_a_file_is_a_plain_error(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("reports").write_text("not a folder")
    assert main([*REPORT, "--out", "reports"]) == 2
    assert "strategy-site: cannot write the report into 'reports': File exists" in capsys.readouterr().err


def test_since_a_revision_holding_a_link_out_of_the_folder_skips_the_link(
    project_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project_dir / "indicators/passwd.yml").symlink_to("/etc/passwd")
    run_git(project_dir, "init", "-q")
    run_git(project_dir, "add", ".")
    run_git(project_dir, "commit", "-qm", "With a link")
    (project_dir / "indicators/passwd.yml").unlink()

    assert main([*REPORT, "--since", "HEAD", "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert [f["code"] for f in changes["resolved"]] == []  # the link was never read, then or now


def test_a_source_url_that_is_not_a_web_address_is_a_plain_error(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, "--format", "html", "--source-url", "javascript:alert(1)//"]) == 2
    assert "--source-url must be a web address starting with https://" in capsys.readouterr().err
