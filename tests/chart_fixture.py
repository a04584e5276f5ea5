"""A partnership for the chart tests: the minimal one, with seven neighbourhoods (three of them renewal areas)
and a life expectancy indicator broken down by each neighbourhood, the renewal areas together and sex,
compared with England and the North West, with a target on its headline and one on the renewal areas' gap."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from strategy_site.model.progress import IndicatorProgress, indicator_progress
from strategy_site.model.project import Project, load_project
from strategy_site.model.series import Series, indicator_series
from tests.conftest import FIXTURES

YEARS = ["2019", "2020", "2021", "2022", "2023", "2024"]
HEADLINE = [77.2, 77.0, 76.6, 76.4, 76.7, 76.9]
# id, name, renewal area, figures for 2022 to 2024
NEIGHBOURHOODS = [
    ("northgate", "Northgate", True, [68.2, 68.6, 68.9]),
    ("saltmarsh", "Saltmarsh", True, [71.0, 71.4, 71.6]),
    ("kiln-lane", "Kiln Lane", True, [71.9, 72.0, 72.3]),
    ("town-centre", "Town Centre", False, [75.1, 75.5, 75.8]),
    ("ashby-rise", "Ashby Rise", False, [80.4, 80.3, 80.1]),
    ("copley-fields", "Copley Fields", False, [81.0, 81.1, 81.2]),
    ("lowmoor", "Lowmoor", False, [80.2, 80.5, 80.6]),
]


def values(figures: list[float], years: list[str] = YEARS) -> list[dict[str, Any]]:
    return [{"period": year, "value": value} for year, value in zip(years[-len(figures):], figures, strict=True)]


def life_expectancy(**changes: Any) -> dict[str, Any]:
    """The indicator's document, with ``changes`` to its top-level fields."""
    return {
        "id": "life-expectancy",
        "title": "Life expectancy at birth",
        "definition": "Life expectancy at birth, in years, over three years pooled.",
        "unit": "years",
        "better": "higher",
        "source": "Office for National Statistics",
        "collection": "Annual analysis of registered deaths",
        "geography": "Borough of Fernley and each neighbourhood",
        "frequency": "annual",
        "baseline": {"value": 77.2, "period": "2019"},
        "targets": [
            {"value": 78.5, "by": "2030", "kind": "local"},
            {"value": 5.8, "by": "2030", "kind": "floor", "series": "renewal-areas", "against": "headline"},
        ],
        "values": values(HEADLINE),
        "breakdowns": [
            {"area": "renewal-areas", "values": values([70.8, 70.5, 69.9, 69.9, 70.4, 70.8])},
            *({"area": id_, "values": values(figures)} for id_, _, _, figures in NEIGHBOURHOODS),
            {"group": "sex", "category": "female", "values": values([81.5, 81.3, 81.0, 80.8, 81.0, 81.2])},
            {"group": "sex", "category": "male", "values": values([73.0, 72.8, 72.3, 72.1, 72.5, 72.7])},
        ],
        "comparators": [
            {"id": "england", "name": "England", "source": "ONS", "values": values([79.8, 79.4, 79.0, 78.9, 79.1, 79.3])},
            {"id": "north-west", "name": "North West", "source": "ONS", "values": values([78.3, 77.9, 77.4, 77.2, 77.5, 77.8])},
        ],
        "responsible": "council",
    } | changes


def chart_project(root: Path, indicator: dict[str, Any] | None = None, names: dict[str, str] | None = None) -> Project:
    """The minimal partnership copied to ``root`` with the seven neighbourhoods (some with other ``names``, by id)
    and ``indicator`` (by default life_expectancy()) in indicators/life-expectancy.yml, loaded."""
    shutil.copytree(FIXTURES / "minimal", root)
    partnership = yaml.safe_load((root / "partnership.yml").read_text(encoding="utf-8"))
    partnership["neighbourhoods"] = [{"id": id_, "name": (names or {}).get(id_, name), "renewal_area": renewal}
                                     for id_, name, renewal, _ in NEIGHBOURHOODS]
    (root / "partnership.yml").write_text(yaml.safe_dump(partnership, sort_keys=False, allow_unicode=True), encoding="utf-8")
    document = indicator if indicator is not None else life_expectancy()
    (root / "indicators/life-expectancy.yml").write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load_project(root)


def life_expectancy_of(project: Project) -> tuple[IndicatorProgress, list[Series]]:
    """The life expectancy indicator's progress and series."""
    [indicator] = [i for i in project.indicators if i.id == "life-expectancy"]
    return indicator_progress(project, indicator), indicator_series(project, indicator)
