"""JSON Schema for each kind of document, from the same models the checker uses."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from strategy_site.load.kinds import KINDS, MARKDOWN_KINDS, Kind
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


# Front Matter CMS (the VS Code extension eliostruyf.vscode-front-matter, 10.10.0 or later) reads frontmatter.json
# at the top of the repository: it validates a Markdown document's front matter while it is typed and shows a form
# of its fields. The YAML extension does not look inside Markdown files, so this is how the front matter gets the
# same schemas. Everything below is generated from the models; nothing in it is written by hand.
FRONT_MATTER_CMS_SCHEMA = "https://frontmatter.codes/frontmatter.schema.json"
DATE_FORMAT = "yyyy-MM-dd"  # date-fns, as the extension's date picker writes it: 2026-03-31


def front_matter_cms_config(nrf: bool, models: Mapping[Kind, type[BaseModel]] | None = None) -> dict[str, Any]:
    """frontmatter.json: a content type for each kind of Markdown document, and the place each lives.

    The extension takes a file's content type from the page folder whose path is the longest part of the file's
    path, when that folder names one content type (its issue #639, fixed in 9.1.0). The two strategies sit side by
    side at the top of strategy_src/, so each is declared as a page folder of its own, by its file's path; a folder
    of documents (agreements/, progress/) is one page folder. No document needs a `type:` line, which check would
    refuse. The renewal strategy is declared only when the partnership writes one (``nrf``): the extension offers to
    create a folder in the place of a page folder that does not exist. Nothing is created from the extension: the
    file it would write names its content type in an `fmContentType:` line.
    """
    models = models or {kind: model for kind, model in MODELS.items() if kind in MARKDOWN_KINDS}
    groups: dict[str, dict[str, Any]] = {}
    content_types = []
    page_folders = []
    for entry in KINDS:
        if entry.kind not in models:
            continue
        schema = models[entry.kind].model_json_schema()
        content_types.append({"name": entry.kind.value, "fields": _fields(schema, schema.get("$defs", {}), groups)})
        if entry.kind is Kind.RENEWAL_STRATEGY and not nrf:
            continue
        title = entry.title[0].upper() + entry.title[1:] + ("s" if entry.folder else "")
        # disableCreation: a document the extension creates carries an `fmContentType:` line, which check refuses
        page_folders.append({"title": title, "path": f"[[workspace]]/strategy_src/{entry.folder or entry.place}",
                             "contentTypes": [entry.kind.value], "disableCreation": True})
    return {
        "$schema": FRONT_MATTER_CMS_SCHEMA,
        "frontMatter.validation.enabled": True,
        "frontMatter.content.supportedFileTypes": ["md"],
        "frontMatter.taxonomy.dateFormat": DATE_FORMAT,
        # its search-engine advice (a title under 60 characters) is not ours: the title is the document's own
        "frontMatter.taxonomy.seoTitleLength": -1,
        "frontMatter.taxonomy.seoDescriptionLength": -1,
        "frontMatter.content.pageFolders": page_folders,
        "frontMatter.taxonomy.contentTypes": content_types,
        "frontMatter.taxonomy.fieldGroups": list(groups.values()),
    }


def write_front_matter_cms_config(path: Path, nrf: bool) -> Path:
    path.write_text(json.dumps(front_matter_cms_config(nrf), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _fields(schema: dict[str, Any], defs: dict[str, Any], groups: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    required = set(schema.get("required", ()))
    return [_field(name, prop, name in required, defs, groups) for name, prop in schema.get("properties", {}).items()]


def _field(name: str, prop: dict[str, Any], required: bool, defs: dict[str, Any],
           groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One field of a content type, from the JSON Schema of one property of a model."""
    field: dict[str, Any] = {"title": name.replace("_", " ").capitalize(), "name": name}
    if prop.get("description"):
        field["description"] = prop["description"]
    prop = _one_type(name, prop)
    if "$ref" in prop:  # a nested object
        nested = defs[prop["$ref"].rsplit("/", 1)[-1]]
        field |= {"type": "fields", "fields": _fields(nested, defs, groups)}
    elif prop.get("type") == "array":
        items = _one_type(name, prop.get("items", {}))
        if "$ref" in items:  # a list of objects: a block of one field group
            # Hidden from the panel, whose list editor writes a `fieldGroup:` line into every item it touches (check
            # refuses it, SS204) and has no way to leave it out; the validation while typing still checks each item,
            # since the extension builds its schema from every field, hidden or not (ContentTypeSchemaGenerator).
            field |= {"type": "block", "fieldGroup": _group(items["$ref"].rsplit("/", 1)[-1], defs, groups), "hidden": True}
        elif "enum" in items or "const" in items:
            field |= {"type": "choice", "multiple": True, "choices": _choices(items)}
        else:
            field["type"] = "list"
    elif "enum" in prop or "const" in prop:
        field |= {"type": "choice", "choices": _choices(prop)}
    elif prop.get("format") == "date":
        field |= {"type": "datetime", "dateFormat": DATE_FORMAT}
    elif prop.get("type") in ("number", "integer"):
        field["type"] = "number"
    elif prop.get("type") == "boolean":
        field["type"] = "boolean"
    elif prop.get("type") == "string" or (isinstance(prop.get("type"), list) and "string" in prop["type"]):
        field["type"] = "string"  # a period written as text or as a year: the form writes text, which check reads
    else:
        raise ValueError(f"the front matter field '{name}' has a type the editor settings do not know: {prop}")
    if required:
        field["required"] = True
    return field


def _one_type(name: str, prop: dict[str, Any]) -> dict[str, Any]:
    """The property without its "or nothing" (an optional field is written as anyOf: [its type, null])."""
    if "anyOf" not in prop:
        return prop
    kinds: list[dict[str, Any]] = [option for option in prop["anyOf"] if option.get("type") != "null"]
    if len(kinds) != 1:
        raise ValueError(f"the front matter field '{name}' takes several types, which the editor settings cannot show")
    return kinds[0]


def _choices(prop: dict[str, Any]) -> list[Any]:
    return list(prop["enum"]) if "enum" in prop else [prop["const"]]


def _group(name: str, defs: dict[str, Any], groups: dict[str, dict[str, Any]]) -> str:
    """The id of the field group for one kind of list item (a theme, a signatory), adding it the first time."""
    group_id = re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()  # IndicatorValue: indicator-value
    if group_id not in groups:
        groups[group_id] = {"id": group_id, "fields": []}  # placed first: a group may hold a list of its own kind
        fields = _fields(defs[name], defs, groups)
        label = next((f["name"] for f in fields if f["name"] in ("id", "name", "title")), fields[0]["name"])
        groups[group_id] = {"id": group_id, "labelField": label, "fields": fields}
    return group_id
