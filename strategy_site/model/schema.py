"""JSON Schema for each kind of document, from the same models the checker uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from strategy_site.load.files import Kind
from strategy_site.model.project import MODELS
from strategy_site.model.ruleset import Ruleset


def schemas() -> dict[str, dict[str, Any]]:
    models: dict[str, type[BaseModel]] = {kind.value: model for kind, model in MODELS.items()}
    models[Kind.RULESET.value] = Ruleset
    result = {}
    for name, model in models.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"strategy-site {name.replace('-', ' ')}"
        result[name] = schema
    return result


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written
