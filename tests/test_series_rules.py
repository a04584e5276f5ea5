"""Series rules (SS110-SS112, SS430-SS434, and SS409 and SS415 per series): an indicator's breakdowns and comparators
name areas and groups that exist, each once and in the indicator's unit; targets and progress updates name series the
indicator has; and the renewal strategy's indicators have figures and targets for the neighbourhoods needing renewal
(guidance paras 4.4 and 4.6; evaluation paras 2.4.3, 2.4.4, 3.2.6 and 3.4).

Each test changes one thing in a copy of tests/fixtures/series (see tests/series_fixture.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.findings import Severity
from tests.conftest import append, edit, findings_for, line_of, where
from tests.series_fixture import EACH_TARGET, GAP_TARGET, INDICATOR, RENEWAL, RIVERSIDE, UPDATE, copy_series


@pytest.fixture
def series_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_series(tmp_path, monkeypatch)


def test_the_series_fixture_has_no_findings(series_dir: Path) -> None:
    assert findings_for(series_dir) == []


# --- SS112 for the chart: the breakdown an indicator's chart draws -------------------------------------------------------


def test_a_chart_may_draw_the_breakdowns_by_area_or_by_a_group_the_indicator_has(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "frequency: annual\n", "frequency: annual\nchart: tenure\n")

    assert findings_for(series_dir) == []


def test_a_chart_naming_a_breakdown_the_indicator_does_not_have_is_an_error_with_a_suggestion(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "frequency: annual\n", "frequency: annual\nchart: tenur\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS112", "src/" + INDICATOR, line_of(indicator, "chart: tenur"), 8)]
    assert findings[0].message == ('the chart is to draw the breakdown "tenur", but it has breakdowns by area and tenure. '
                                   'Did you mean "tenure"?')


def test_a_ratio_to_a_series_with_a_figure_of_0_is_an_error_at_the_measure(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "      - period: 2023/24\n        value: 16.9\n", "      - period: 2023/24\n        value: 0\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS432", "src/" + INDICATOR, line_of(indicator, "measure: ratio"), 14)]
    assert findings[0].message == ('the target of 3 by 2027/28 measures the gap as a ratio to "england", which has the figure 0 '
                                   "for 2023/24: a ratio to 0 or less cannot be worked out")


# --- SS110 unknown-area ----------------------------------------------------------------------------------------------


def test_a_breakdown_for_a_misspelt_neighbourhood_is_an_error_with_a_suggestion(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - area: hillcrest\n", "  - area: hilcrest\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS110", "src/" + INDICATOR, line_of(indicator, "area: hilcrest"), 11)]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message == ('the area "hilcrest" is neither a neighbourhood listed in partnership.yml nor renewal-areas. '
                                   'Did you mean "hillcrest"?')


def test_areas_are_not_judged_while_partnership_yml_cannot_be_read(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, "  - area: hillcrest\n", "  - area: hilcrest\n")
    append(series_dir / "partnership.yml", "contact: [")

    assert "SS110" not in [f.code for f in findings_for(series_dir)]


# --- SS111 unknown-group ---------------------------------------------------------------------------------------------


def test_a_breakdown_by_a_group_that_is_neither_built_in_nor_declared_is_an_error(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - group: tenure\n    category: owner\n", "  - group: tenures\n    category: owner\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS111", "src/" + INDICATOR, line_of(indicator, "group: tenures"), 12)]
    assert findings[0].message == ('the group "tenures" is neither built in (sex, age, ethnicity or disability) nor declared under '
                                   'groups in partnership.yml. Did you mean "tenure"?')


def test_a_category_the_declared_group_does_not_list_is_an_error_at_the_category(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    category: council tenant\n", "    category: council tenants\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS111", "src/" + INDICATOR, line_of(indicator, "category: council tenants"), 15)]
    assert findings[0].message == ('"council tenants" is not one of the categories partnership.yml declares for the group tenure '
                                   '("council tenant", "housing association tenant", "private tenant" or "owner"). '
                                   'Did you mean "council tenant"?')


def test_a_group_of_thousands_of_categories_is_named_in_a_finding_by_its_first_eleven_and_a_count(series_dir: Path) -> None:
    many = ", ".join(f"tenancy type {number}" for number in range(2000))
    edit(series_dir / "partnership.yml", "categories: [council tenant, housing association tenant, private tenant, owner]",
         f"categories: [{many}, council tenant, owner]")
    edit(series_dir / INDICATOR, "    category: council tenant\n", "    category: council tenants\n")

    findings = findings_for(series_dir)

    assert findings[0].message == (
        '"council tenants" is not one of the categories partnership.yml declares for the group tenure ('
        + ", ".join(f'"tenancy type {number}"' for number in range(11)) + ' or 1,991 others). Did you mean "council tenant"?')


def test_a_built_in_group_takes_any_category(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, "  - group: tenure\n    category: owner\n", "  - group: age\n    category: 75 and over\n")

    assert findings_for(series_dir) == []


# --- SS112 unknown-series --------------------------------------------------------------------------------------------


def test_a_gap_target_on_a_series_the_indicator_does_not_have_is_an_error_at_its_series(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    series: renewal-areas\n", "    series: renewal-area\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS112", "src/" + INDICATOR, line_of(indicator, "series: renewal-area"), 13)]
    assert findings[0].message == ('the target\'s series "renewal-area" is not a series of burglary-rate, which has headline, '
                                   'brookside, riverside, hillcrest, renewal-areas, tenure/council tenant, tenure/owner and england. '
                                   'Did you mean "renewal-areas"?')


def test_a_gap_against_an_unknown_comparator_is_an_error_at_against(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    against: england\n", "    against: englnd\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS112", "src/" + INDICATOR, line_of(indicator, "against: englnd"), 14)]
    assert findings[0].message.startswith('the target\'s against "englnd" is not a series of burglary-rate')
    assert findings[0].message.endswith('Did you mean "england"?')


def test_a_progress_update_figure_for_an_unknown_series_is_an_error_at_its_series(series_dir: Path) -> None:
    update = series_dir / UPDATE
    edit(update, "    series: brookside\n", "    series: brookeside\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS112", "src/" + UPDATE, line_of(update, "series: brookeside"), 13)]
    assert findings[0].message.startswith('the series "brookeside" is not a series of burglary-rate')


def test_a_target_for_each_of_something_that_is_not_a_set_is_an_error(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    each: neighbourhood\n", "    each: ward\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS112", "src/" + INDICATOR, line_of(indicator, "each: ward"), 11)]
    assert findings[0].message == 'the target\'s each "ward" is neither neighbourhood, renewal-area nor a group.'


def test_a_target_for_each_category_of_a_group_the_indicator_has_no_breakdown_by_is_an_error(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    each: neighbourhood\n", "    each: sex\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS112", "src/" + INDICATOR, line_of(indicator, "each: sex"), 11)]
    assert findings[0].message == ("the target is set for each category of sex, but burglary-rate has no breakdown by sex, "
                                   "so it cannot be judged")


# --- SS430 unclear-breakdown -----------------------------------------------------------------------------------------


def test_a_breakdown_for_an_area_and_a_group_at_once_is_an_error(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - area: hillcrest\n", "  - area: hillcrest\n    group: tenure\n    category: owner\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS430", "src/" + INDICATOR, line_of(indicator, "area: hillcrest"), 11)]
    assert findings[0].message == "a breakdown names both an area (hillcrest) and a group (tenure): a series of figures is for one or the other"


def test_a_breakdown_by_a_group_without_a_category_is_an_error_at_the_group(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - group: tenure\n    category: owner\n", "  - group: tenure\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS430", "src/" + INDICATOR, line_of(indicator, "category: council tenant") + 5, 12)]
    assert findings[0].message == "the breakdown by tenure names no category, so it does not say whose figures these are"


def test_a_breakdown_with_a_category_and_no_group_is_an_error_at_the_category(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - group: tenure\n    category: owner\n", "  - category: owner\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS430", "src/" + INDICATOR, line_of(indicator, "- category: owner"), 15)]
    assert findings[0].message == 'the breakdown for "owner" names no group'


def test_a_breakdown_for_nobody_is_an_error_at_the_breakdown(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - area: hillcrest\n    values:\n", "  - values:\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS430", "src/" + INDICATOR, line_of(indicator, "  - values:"), 5)]
    assert findings[0].message == "a breakdown names neither an area nor a group, so its figures are for nobody"


# --- SS431 repeated-series -------------------------------------------------------------------------------------------


def test_two_breakdowns_for_one_neighbourhood_are_reported_at_the_second(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - area: hillcrest\n", "  - area: riverside\n")

    findings = findings_for(series_dir)

    second = [n for n, line in enumerate(indicator.read_text().splitlines(), 1) if "area: riverside" in line][1]
    assert where(findings) == [("SS431", "src/" + INDICATOR, second, 11)]
    assert findings[0].message == f'burglary-rate already has another breakdown for "riverside" (line {line_of(indicator, "area: riverside")})'


def test_a_comparator_named_like_a_breakdown_is_reported(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - id: england\n", "  - id: hillcrest\n")

    findings = [f for f in findings_for(series_dir) if f.code == "SS431"]  # the each target against england is SS112's

    assert where(findings) == [("SS431", "src/" + INDICATOR, line_of(indicator, "id: hillcrest"), 9)]
    assert findings[0].message == f'burglary-rate already has a breakdown for "hillcrest" (line {line_of(indicator, "area: hillcrest")})'


def test_a_comparator_called_headline_is_reported(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - id: england\n", "  - id: headline\n")

    findings = [f for f in findings_for(series_dir) if f.code == "SS431"]

    assert where(findings) == [("SS431", "src/" + INDICATOR, line_of(indicator, "id: headline"), 9)]
    assert findings[0].message == ('"headline" is how targets and progress updates name the indicator\'s own figures, so a '
                                   "comparator cannot be called that")


def test_two_breakdowns_for_one_category_written_in_different_capitals_are_one_series_twice(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "  - group: tenure\n    category: owner\n", "  - group: tenure\n    category: Council Tenant\n")

    findings = findings_for(series_dir)

    first = line_of(indicator, "category: council tenant") - 1  # a breakdown by group is placed at its group
    assert [(f.code, f.message) for f in findings if f.code == "SS431"] == [
        ("SS431", f'burglary-rate already has another breakdown for "tenure/council tenant" (line {first}), '
                  'which differs from "tenure/Council Tenant" only in capitals')]


# --- SS432 incomparable-series ---------------------------------------------------------------------------------------


def test_a_comparator_in_another_unit_is_an_error_at_its_unit(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    name: England\n", "    name: England\n    unit: per 100,000 people\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS432", "src/" + INDICATOR, line_of(indicator, "unit: per 100,000 people"), 11)]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message == ('the comparator "England" is in "per 100,000 people", but burglary-rate is in '
                                   '"per 1,000 households", so they cannot be charted or compared together')


def test_a_breakdown_unit_written_with_other_capitals_and_spaces_is_the_same_unit(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, "  - area: hillcrest\n", "  - area: hillcrest\n    unit: Per 1,000  households\n")

    assert findings_for(series_dir) == []


def test_a_target_measured_as_a_gap_from_nothing_is_an_error_at_its_measure(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    kind: floor\n    each: neighbourhood\n    against: england\n", "    kind: floor\n    each: neighbourhood\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS432", "src/" + INDICATOR, line_of(indicator, "measure: ratio"), 14)]
    assert findings[0].message == "the target of 3 by 2027/28 says how a gap is measured (ratio) but not what the gap is from"


def test_a_target_on_one_series_and_on_each_of_a_set_is_an_error_at_each(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    each: neighbourhood\n", "    series: brookside\n    each: neighbourhood\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS432", "src/" + INDICATOR, line_of(indicator, "each: neighbourhood"), 11)]
    assert findings[0].message == ('the target of 3 by 2027/28 names both a series ("brookside") and each (neighbourhood), '
                                   "so it is not clear which is judged")


def test_a_gap_between_a_series_and_itself_is_an_error_at_against(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "    against: headline\n", "    against: renewal-areas\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS432", "src/" + INDICATOR, line_of(indicator, "against: renewal-areas"), 14)]
    assert findings[0].message == 'the target of 19 by 2029/30 is on the gap between "renewal-areas" and itself, which is always nothing'


def test_a_target_for_each_neighbourhood_against_one_of_them_is_an_error_at_against(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, EACH_TARGET, EACH_TARGET.replace("against: england", "against: brookside"))

    findings = findings_for(series_dir)

    assert where(findings) == [("SS432", "src/" + INDICATOR, line_of(indicator, "against: brookside"), 14)]
    assert findings[0].message == ('the target of 3 by 2027/28 is set for each neighbourhood against "brookside", which is one '
                                   'of them, so "brookside" would be compared with itself')


def test_a_target_for_each_neighbourhood_against_the_renewal_areas_together_is_allowed(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, EACH_TARGET, EACH_TARGET.replace("against: england", "against: renewal-areas"))

    assert [f for f in findings_for(series_dir) if f.code == "SS432"] == []


# --- SS409 and SS415, series by series ------------------------------------------------------------------------------


def test_a_progress_update_contradicting_a_neighbourhoods_figure_names_the_neighbourhood(series_dir: Path) -> None:
    update = series_dir / UPDATE
    edit(update, "    series: brookside\n    period: 2024/25\n", "    series: brookside\n    period: 2023/24\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS409", "src/" + UPDATE, line_of(update, "value: 49.6"), 12)]
    assert findings[0].message == ("indicator burglary-rate already has the figure 55.9 for 2023/24 for Brookside "
                                   f"(src/{INDICATOR}, line {line_of(series_dir / INDICATOR, 'value: 55.9')}); this says 49.6")


def test_a_comparator_with_two_figures_for_one_period_names_the_comparator(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "      - period: 2023/24\n        value: 16.9\n", "      - period: 2022/23\n        value: 16.9\n")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS409", "src/" + INDICATOR, line_of(indicator, "value: 16.9"), 16)]
    assert findings[0].message == ("indicator burglary-rate already has the figure 17.3 for 2022/23 for England "
                                   f"(line {line_of(indicator, 'value: 17.3')}); this says 16.9")


def test_the_same_period_in_two_series_is_not_a_conflict(series_dir: Path) -> None:
    assert "SS409" not in [f.code for f in findings_for(series_dir)]  # 2023/24 is given for every series, each differently


def test_a_target_for_a_neighbourhood_is_not_compared_with_the_headline_baseline(series_dir: Path) -> None:
    # Brookside's 30 would be worse than the borough's baseline of 21.4; it is an improvement on Brookside's 61.2.
    edit(series_dir / INDICATOR, GAP_TARGET, "  - value: 30\n    by: 2029/30\n    kind: local\n    series: brookside\n")

    assert findings_for(series_dir) == []


# --- SS433 renewal-area-without-figures ------------------------------------------------------------------------------


def test_a_renewal_area_without_figures_of_its_own_is_a_warning_at_the_neighbourhood(series_dir: Path) -> None:
    partnership = series_dir / "partnership.yml"
    edit(series_dir / INDICATOR, RIVERSIDE, "")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS433", "src/partnership.yml", line_of(partnership, "- id: riverside"), 9)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("Riverside is marked as needing renewal, but none of the renewal strategy's indicators "
                                   "(burglary-rate) has figures for it")


def test_a_partnership_that_gives_no_figures_by_area_is_not_warned_by_check(project_dir: Path) -> None:
    # The minimal partnership's renewal area, Brookside, has none: the report's measures say so instead.
    assert [f.code for f in findings_for(project_dir)] == []


def test_renewal_figures_are_not_judged_while_an_indicator_has_a_mistake(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, RIVERSIDE, "")
    edit(series_dir / INDICATOR, "frequency: annual", "frequency: yearly")

    assert [f.code for f in findings_for(series_dir)] == ["SS203"]


# --- SS434 no-targets-for-renewal-areas ------------------------------------------------------------------------------


def test_a_renewal_strategy_whose_targets_are_all_for_the_whole_area_is_a_warning_at_its_indicators(series_dir: Path) -> None:
    renewal = series_dir / RENEWAL
    edit(series_dir / INDICATOR, GAP_TARGET + EACH_TARGET, "")

    findings = findings_for(series_dir)

    assert where(findings) == [("SS434", "src/" + RENEWAL, line_of(renewal, "indicators: [burglary-rate]"), 13)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == ("the renewal strategy's indicators have targets, but none is set for the neighbourhoods needing "
                                   "renewal (Brookside and Riverside)")


def test_a_target_for_one_renewal_area_is_enough_for_check(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, GAP_TARGET + EACH_TARGET, "  - value: 40\n    by: 2029/30\n    kind: local\n    series: brookside\n")

    assert findings_for(series_dir) == []


def test_a_target_for_each_neighbourhood_covers_the_renewal_areas(series_dir: Path) -> None:
    edit(series_dir / INDICATOR, GAP_TARGET, "")

    assert findings_for(series_dir) == []


def test_with_no_target_at_all_ss419_reports_it_and_ss434_stays_silent(series_dir: Path) -> None:
    indicator = series_dir / INDICATOR
    edit(indicator, "targets:\n  - value: 15\n    by: 2027/28\n    kind: floor\n" + GAP_TARGET + EACH_TARGET, "")

    codes = [f.code for f in findings_for(series_dir)]

    assert "SS419" in codes and "SS434" not in codes
