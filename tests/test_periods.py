"""Reporting periods: every form the authoring guide documents, read as it says, and each ambiguity refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strategy_site.model.fields import Period, next_period, parse_period, period_like
from strategy_site.model.project import load_project
from tests.conftest import REPO, edit, findings_for, line_of, where

INDICATOR = "indicators/burglary-rate.yml"


def days(label: str) -> tuple[dt.date, dt.date]:
    period = parse_period(label)
    assert period.label == label  # shown on the site exactly as written
    return period.start, period.end


def refusal(label: str) -> str:
    with pytest.raises(ValueError) as error:
        parse_period(label)
    return str(error.value)


# --- the forms ----------------------------------------------------------------------


def test_a_hyphen_and_a_month_number_is_that_month() -> None:
    assert days("2025-09") == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))


def test_a_month_can_be_written_with_its_name() -> None:
    assert days("Sep 2025") == days("September 2025") == days("sept 2025") == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))


def test_a_hyphen_and_the_next_year_is_the_financial_year() -> None:
    assert days("2025-26") == days("2025/26") == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))


def test_a_slash_alone_is_always_a_financial_year() -> None:
    assert days("2024/25") == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))


def test_an_academic_year_runs_from_september_to_august_in_either_word_order() -> None:
    expected = (dt.date(2024, 9, 1), dt.date(2025, 8, 31))
    assert days("2024/25 academic year") == days("academic year 2024/25") == days("Academic year 2024-25") == expected


def test_an_academic_year_says_which_year_it_is_even_in_the_years_a_hyphen_is_ambiguous() -> None:
    assert days("2008-09 academic year") == (dt.date(2008, 9, 1), dt.date(2009, 8, 31))


def test_three_pooled_years_run_from_the_start_of_the_first_to_the_end_of_the_last() -> None:
    assert days("2018 to 2020") == days("2018-2020") == days("2018 – 2020") == (dt.date(2018, 1, 1), dt.date(2020, 12, 31))


def test_pooled_financial_years_run_from_april_to_march() -> None:
    assert days("2022/23 to 2024/25") == (dt.date(2022, 4, 1), dt.date(2025, 3, 31))


def test_a_span_of_months_covers_two_calendar_years() -> None:
    assert days("Jan 2019 to Dec 2020") == (dt.date(2019, 1, 1), dt.date(2020, 12, 31))


def test_quarters_are_calendar_quarters_unless_written_on_a_financial_year() -> None:
    assert days("2025 Q3") == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    assert days("2025/26 Q4") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


# --- what is refused, and what the message says it understood ----------------------------


def test_a_hyphenated_period_that_could_be_a_month_or_a_financial_year_is_refused() -> None:
    assert refusal("2008-09") == (
        '"2008-09" could be the financial year 2008/09 or the month September 2008; '
        "write 2008/09 for the financial year, or Sep 2008 for the month"
    )


def test_ons_style_pooled_years_are_refused_with_the_form_to_write() -> None:
    assert refusal("2018-20") == (
        '"2018-20" is neither a month (there is no month 20) nor a financial year (that would be 2018-19); '
        "for the years 2018 to 2020 together, write 2018 to 2020"
    )


def test_two_consecutive_years_joined_are_refused_because_they_could_be_a_financial_year() -> None:
    assert refusal("2025 to 2026") == (
        '"2025 to 2026" could be the financial year 2025/26 or the two calendar years 2025 and 2026 together; '
        "write 2025/26 for the financial year, or Jan 2025 to Dec 2026 for the calendar years"
    )
    assert refusal("2025-2026").startswith('"2025-2026" could be the financial year 2025/26')


def test_a_span_of_two_kinds_of_period_is_refused() -> None:
    assert refusal("2018 to 2020/21") == (
        '"2018 to 2020/21" joins a calendar year to a financial year; write both ends the same way, '
        "as 2018 to 2020 or 2022/23 to 2024/25"
    )


def test_a_span_that_ends_before_it_starts_is_refused() -> None:
    assert refusal("2020 to 2017") == '"2020 to 2017" ends before it starts; write the earlier period first'


def test_an_academic_year_whose_years_do_not_follow_is_refused() -> None:
    assert refusal("2024/26 academic year") == (
        '"2024/26 academic year" is not an academic year: the second year must follow the first, as in 2024/25')


def test_a_financial_quarter_whose_years_do_not_follow_is_refused() -> None:
    assert refusal("2025/27 Q1") == '"2025/27 Q1" is not a financial year: the second year must follow the first, as in 2025/26'


def test_a_fifth_quarter_is_refused() -> None:
    assert refusal("2025 Q5") == '"2025 Q5" is not a quarter: a year has quarters Q1 to Q4'


def test_an_academic_year_ending_after_2199_is_refused() -> None:
    assert refusal("2199/00 academic year") == (
        '"2199/00 academic year" is not a year strategy-site accepts: dates and periods must fall between 1900 and 2199')


def test_a_pooled_span_ending_after_2199_is_refused() -> None:
    assert refusal("2198 to 2200") == (
        '"2198 to 2200" is not a year strategy-site accepts: dates and periods must fall between 1900 and 2199')


# --- in the files -----------------------------------------------------------------------


def test_a_figure_for_a_month_is_accepted_in_an_indicator(project_dir: Path) -> None:
    edit(project_dir / INDICATOR, "  - period: 2023/24", "  - period: 2025-09")

    # Read as September 2025; among the indicator's years it is a period of another length (SS445), nothing worse.
    assert [f.code for f in findings_for(project_dir)] == ["SS445"]


def test_an_ambiguous_period_is_reported_at_its_value(project_dir: Path) -> None:
    indicator = project_dir / INDICATOR
    edit(indicator, "  - period: 2023/24", "  - period: 2011-12")

    findings = findings_for(project_dir)

    assert where(findings) == [("SS205", "src/" + INDICATOR, line_of(indicator, "2011-12"), 13)]
    assert findings[0].message.startswith('"2011-12" could be the financial year 2011/12 or the month December 2011')


def test_the_demo_writes_pooled_years_and_academic_years_as_such() -> None:
    indicators = {indicator.id: indicator for indicator in load_project(REPO / "strategy_src").indicators}
    assert indicators["life-expectancy"].values[0].period == Period("2017 to 2019", dt.date(2017, 1, 1), dt.date(2019, 12, 31))
    assert indicators["gcse"].values[0].period == Period(
        "2019/20 academic year", dt.date(2019, 9, 1), dt.date(2020, 8, 31))


@pytest.mark.parametrize("label, after", [
    ("2024/25", "2025/26"), ("2026/27 Q4", "2027/28 Q1"), ("2025 Q4", "2026 Q1"), ("Dec 2025", "Jan 2026"), ("2025-09", "Oct 2025"),
    ("2025", "2026"), ("2023/24 academic year", "2024/25 academic year"), ("2020 to 2022", "2021 to 2023"),
    ("2022/23 to 2024/25", "2023/24 to 2025/26"),
])
def test_the_period_after_a_period_is_written_the_same_way(label: str, after: str) -> None:
    following = next_period(parse_period(label))
    assert following is not None and following.label == after


def test_a_day_has_no_next_period_to_ask_for() -> None:
    assert next_period(parse_period("2026-03-31")) is None


@pytest.mark.parametrize("like, day, period", [
    ("2024/25", dt.date(2026, 3, 31), "2025/26"), ("2024/25", dt.date(2026, 4, 1), "2026/27"),
    ("2026/27 Q1", dt.date(2026, 9, 30), "2026/27 Q2"), ("2026/27 Q1", dt.date(2027, 1, 5), "2026/27 Q4"),
    ("2024", dt.date(2026, 3, 31), "2026"), ("Sep 2025", dt.date(2026, 2, 28), "Feb 2026"),
    ("2023/24 academic year", dt.date(2025, 8, 31), "2024/25 academic year"),
])
def test_a_day_is_read_as_the_period_written_the_same_way_that_holds_it(like: str, day: dt.date, period: str) -> None:
    found = period_like(parse_period(like), day)
    assert found is not None and found.label == period


def test_a_day_does_not_name_one_period_of_pooled_years() -> None:
    assert period_like(parse_period("2020 to 2022"), dt.date(2023, 6, 1)) is None
