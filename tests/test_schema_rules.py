"""Schema rules (SS201-SS205): each field is checked against the document's model, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import action_entry, edit, findings_for, line_of, where

PLAN = "action-plans/2026-27.yml"


def test_a_missing_required_field_is_reported_at_the_block_that_lacks_it(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    activity: new\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS201", "src/" + PLAN, line_of(plan, "- id: SF-01"), 5)]
    assert findings[0].message == 'this action has no "activity", which is required'
    assert findings[0].hint.startswith("add a line 'activity: ...' (new for something the partnership adds")


def test_a_missing_document_field_is_reported_at_the_top_of_the_file(project_dir: Path) -> None:
    edit(project_dir / "partnership.yml", "region: North West\n", "")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS201", "src/partnership.yml", 1, 1)]
    assert findings[0].message == 'this partnership has no "region", which is required'


def test_words_where_a_number_belongs_are_reported_as_the_wrong_kind_of_value(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  - value: 15\n", "  - value: about 15\n")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS202", "src/indicators/burglary-rate.yml", line_of(indicator, "about 15"), 12)]
    assert findings[0].message == '"value" should be a number, not "about 15"'


def test_a_single_value_where_a_list_belongs_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "supporting: [council, tenants]", "supporting: council")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS202", "src/" + PLAN, line_of(plan, "supporting:"), 17)]
    assert findings[0].hint == "write one item per line starting with '- ', or [first, second] on one line"


def test_a_word_outside_the_allowed_set_is_reported_with_a_suggestion(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "status: on track", "status: on-track")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS203", "src/" + PLAN, line_of(plan, "status: on-track"), 13)]
    assert findings[0].message == '"on-track" is not an allowed status. Did you mean "on track"?'
    assert findings[0].hint == "use one of: not started, on track, at risk, off track, complete, dropped"


def test_an_unknown_field_name_is_reported_at_the_key_with_a_suggestion(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    lead: police", "    leed: police")

    findings = findings_for(project_dir)

    assert ("SS204", "src/" + PLAN, line_of(plan, "leed:"), 5) in where(findings)
    unknown = next(f for f in findings if f.code == "SS204")
    assert unknown.message == '"leed" is not a field of an action. Did you mean "lead"?'


def test_an_unknown_field_does_not_stop_the_rest_of_the_action_being_checked(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "    lead: police", "    lead: polce\n    lead_partner: police")

    assert [f.code for f in findings_for(project_dir)] == ["SS104", "SS204"]


def test_an_error_in_one_action_leaves_the_other_actions_checked(project_dir: Path) -> None:
    plan = project_dir / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: on track", "status: ongoing") + action_entry("SF-02", lead="polce"), encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [
        ("SS203", "src/" + PLAN, line_of(plan, "status: ongoing"), 13),
        ("SS104", "src/" + PLAN, line_of(plan, "lead: polce"), 11),
    ]


def test_a_date_that_does_not_exist_is_reported_as_invalid(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "due: 2027-03-31", "due: 2027-02-30")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS205", "src/" + PLAN, line_of(plan, "due: 2027-02-30"), 10)]
    assert findings[0].message == '"2027-02-30" is not a valid date for "due"'


def test_a_period_in_an_unknown_format_is_reported_with_the_formats_that_work(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  - period: 2023/24", "  - period: Spring 2024")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS205", "src/indicators/burglary-rate.yml", line_of(indicator, "Spring 2024"), 13)]
    assert findings[0].message.startswith('"Spring 2024" is not a period strategy-site understands; write a year (2025)')


def test_a_financial_year_whose_years_do_not_follow_is_reported(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  - period: 2023/24", "  - period: 2023/25")

    findings = findings_for(project_dir)

    assert [f.code for f in findings] == ["SS205"]
    assert "the second year must follow the first" in findings[0].message


def test_a_negative_amount_of_money_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "amount: 45000", "amount: -45000")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS205", "src/" + PLAN, line_of(plan, "amount: -45000"), 17)]
    assert findings[0].message == '"amount" cannot be negative (it is -45000)'


def test_an_id_with_spaces_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "id: SF-01", "id: SF 01")

    findings = findings_for(project_dir)

    assert where(findings)[0] == ("SS205", "src/" + PLAN, line_of(plan, "id: SF 01"), 9)
    assert findings[0].message == '"SF 01" is not a valid id for "id": use letters, digits, ".", "_" or "-", with no spaces'


def test_an_empty_file_is_reported_as_the_wrong_kind_of_value(project_dir: Path) -> None:
    (project_dir / "indicators/burglary-rate.yml").write_text("", encoding="utf-8")

    findings = findings_for(project_dir)

    empty = next(f for f in findings if f.code == "SS202")
    assert (empty.path, empty.line, empty.column) == ("src/indicators/burglary-rate.yml", 1, 1)
    assert empty.message == "the indicator should be a block of 'field: value' lines, not empty"


def test_an_invalid_action_followed_by_an_action_with_an_invalid_milestone_reports_both(project_dir: Path) -> None:
    plan = project_dir / PLAN
    text = plan.read_text(encoding="utf-8").replace("status: on track", "status: ongoing", 1)
    second = action_entry("SF-02") + "    milestones:\n      - date: 2027-02-30\n        text: Second round\n"
    plan.write_text(text + second, encoding="utf-8")

    findings = findings_for(project_dir)

    assert where(findings) == [
        ("SS203", "src/" + PLAN, line_of(plan, "status: ongoing"), 13),
        ("SS205", "src/" + PLAN, line_of(plan, "date: 2027-02-30"), 15),
    ]


def test_thousands_of_invalid_figures_are_each_reported(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    bad = "".join(f"  - period: {2000 + n % 100}\n    value: about {n}\n" for n in range(20_000))
    edit(indicator, "values:\n", "values:\n" + bad)

    findings = findings_for(project_dir)

    assert len([f for f in findings if f.code == "SS202"]) == 20_000


def test_a_figure_too_large_to_chart_is_reported_with_the_bounds(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "    value: 19.8", "    value: 1e308")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS205", "src/indicators/burglary-rate.yml", line_of(indicator, "1e308"), 12)]
    assert findings[0].message == "1e+308 is too large a figure: write a number between -1,000,000,000,000,000 and 1,000,000,000,000,000"


def test_an_absurd_amount_of_money_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "amount: 45000", "amount: 45000000000000")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS205", "src/" + PLAN, line_of(plan, "amount: 45000000000000"), 17)]
    assert findings[0].message == '"amount" is 45000000000000, more than the 1,000,000,000,000 strategy-site accepts'


def test_a_period_in_a_year_out_of_bounds_is_reported_with_the_bounds(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  - period: 2023/24", "  - period: 9999")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS205", "src/indicators/burglary-rate.yml", line_of(indicator, "9999"), 13)]
    assert findings[0].message == '"9999" is not a year strategy-site accepts: dates and periods must fall between 1900 and 2199'


def test_a_date_in_a_year_out_of_bounds_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "due: 2027-03-31", "due: 0202-03-31")

    findings = findings_for(project_dir)

    assert [(f.code, f.message) for f in findings] == [
        ("SS205", '"0202-03-31" is not a year strategy-site accepts: dates and periods must fall between 1900 and 2199')]


def test_an_escaped_control_character_in_a_text_field_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "title: Fit door and window locks for older residents", 'title: "Fit locks \\e[2J for older residents"')

    findings = findings_for(project_dir)

    assert [(f.code, f.message) for f in findings] == [
        ("SS205", "the text holds an invisible control character (U+001B); delete it")]


def test_an_overlong_id_is_reported(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "id: SF-01", "id: " + "S" * 246)

    findings = findings_for(project_dir)

    assert [(f.code, f.message) for f in findings][0] == ("SS205", '"id" is longer than 64 characters')


def test_a_yes_no_value_where_a_figure_belongs_is_reported(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "    value: 19.8", "    value: true")

    assert [(f.code, f.message) for f in findings_for(project_dir)] == [
        ("SS205", "true is a yes/no value, not a figure: write the number")]


def test_a_period_in_other_digits_or_ending_after_2199_is_reported(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "  - period: 2023/24", '  - period: "٢٠٢٥/٢٦"')
    edit(indicator, "    by: 2027/28", "    by: 2199/00")

    by_line = [f.message for f in findings_for(project_dir)]  # the target comes before the figures

    assert by_line[0] == '"2199/00" is not a year strategy-site accepts: dates and periods must fall between 1900 and 2199'
    assert by_line[1].startswith('"٢٠٢٥/٢٦" is not a period strategy-site understands')
    assert len(by_line) == 2


def test_another_word_for_an_allowed_frequency_is_reported_with_the_word_to_use(project_dir: Path) -> None:
    indicator = project_dir / "indicators/burglary-rate.yml"
    edit(indicator, "frequency: annual", "frequency: yearly")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS203", "src/indicators/burglary-rate.yml", line_of(indicator, "frequency:"), 12)]
    assert findings[0].message == '"yearly" is not an allowed frequency: the word for it is "annual"'
    assert findings[0].hint == "use one of: monthly, quarterly, annual, every two years"


@pytest.mark.parametrize("written,meant", [
    ("annually", "annual"), ("per year", "annual"), ("biennial", "every two years"), ("every 2 years", "every two years"),
    ("quarter", "quarterly"), ("Every Month", "monthly"),
])
def test_common_words_for_a_frequency_each_name_the_allowed_word(project_dir: Path, written: str, meant: str) -> None:
    edit(project_dir / "indicators/burglary-rate.yml", "frequency: annual", f"frequency: {written}")

    assert [f.message for f in findings_for(project_dir)] == [f'"{written}" is not an allowed frequency: the word for it is "{meant}"']


def test_another_word_for_an_action_status_is_reported_with_the_word_to_use(project_dir: Path) -> None:
    edit(project_dir / PLAN, "status: on track", "status: completed")

    assert [f.message for f in findings_for(project_dir)] == ['"completed" is not an allowed status: the word for it is "complete"']


def test_an_amount_with_a_pound_sign_and_commas_is_reported_with_the_number_to_write(project_dir: Path) -> None:
    plan = project_dir / PLAN
    edit(plan, "amount: 45000", 'amount: "£45,000"')

    findings = findings_for(project_dir)

    assert where(findings) == [("SS202", "src/" + PLAN, line_of(plan, "amount:"), 17)]
    assert findings[0].message == '"amount" should be a whole number of pounds, not "£45,000"'
    assert findings[0].hint == "write whole pounds with no £ sign or commas: 45000"


def test_an_amount_with_commas_alone_is_reported_with_the_number_to_write(project_dir: Path) -> None:
    edit(project_dir / PLAN, "amount: 45000", "amount: 45,000")

    [finding] = findings_for(project_dir)

    assert (finding.code, finding.hint) == ("SS202", "write whole pounds with no £ sign or commas: 45000")


def test_a_figure_with_commas_is_reported_with_the_number_to_write(project_dir: Path) -> None:
    edit(project_dir / "indicators/burglary-rate.yml", "    value: 19.8", "    value: 1,019.8")

    [finding] = findings_for(project_dir)

    assert (finding.code, finding.message, finding.hint) == (
        "SS202", '"value" should be a number, not "1,019.8"', "write the number with no commas or £ sign: 1019.8")
