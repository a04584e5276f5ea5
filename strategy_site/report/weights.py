"""The report's weights and thresholds, read from a YAML file (strategy_site/report/weights.yml by default)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_WEIGHTS = Path(__file__).with_name("weights.yml")


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    substantive_words: int = Field(alias="substantive-words", ge=1)
    reading_ease: float = Field(alias="reading-ease")
    reading_ease_partly: float = Field(alias="reading-ease-partly")
    lead_share: float = Field(alias="lead-share", gt=0, le=1)
    lead_share_partly: float = Field(alias="lead-share-partly", gt=0, le=1)
    figure_age_months: dict[str, int] = Field(alias="figure-age-months")


class Weights(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weights: dict[str, dict[str, float]]
    thresholds: Thresholds

    def of(self, area: str, measure: str) -> float:
        return self.weights.get(area, {}).get(measure, 0.0)


class WeightsProblem(Exception):
    """The weights file cannot be used; the message says why, in plain words."""


def load_weights(path: Path = DEFAULT_WEIGHTS) -> Weights:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise WeightsProblem(f"cannot read the weights file {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise WeightsProblem(f"the weights file {path} is not valid YAML: {error}") from error
    try:
        return Weights.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise WeightsProblem(f"the weights file {path} has a problem at {where}: {first['msg']}") from error
