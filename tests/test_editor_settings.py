"""The editor settings `init` writes for the Markdown front matter: frontmatter.json, for Front Matter CMS.

The settings are generated from the same models check uses. The shape asserted here is the one Front Matter CMS
reads, as verified in its source (estruyf/vscode-front-matter, 10.10.0, commit b2787a0): the settings schema in its
package.json, and how it finds a file's content type (Folders.getPageFolderByFilePath, ArticleHelper.getContentType).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import Field

from strategy_site.commands.init import init
from strategy_site.load.files import FOLDERS, TOP_LEVEL
from strategy_site.load.kinds import MARKDOWN_KINDS, Kind
from strategy_site.model.documents import ProgressUpdate
from strategy_site.model.project import MODELS
from strategy_site.model.schema import front_matter_cms_config

TODAY = dt.date(2026, 11, 24)
PAGE_FOLDERS = "frontMatter.content.pageFolders"
CONTENT_TYPES = "frontMatter.taxonomy.contentTypes"
FIELD_GROUPS = "frontMatter.taxonomy.fieldGroups"
# What Front Matter CMS's settings schema (package.json, contributes.configuration) allows; each item refuses other keys.
PAGE_FOLDER_KEYS = {"title", "path", "excludeSubdir", "excludePaths", "previewPath", "trailingSlash", "filePrefix",
                    "contentTypes", "disableCreation", "defaultLocale", "locales"}
FIELD_KEYS = {"type", "name", "title", "description", "default", "choices", "single", "wysiwyg", "multiple",
              "isPreviewImage", "hidden", "taxonomyId", "fileExtensions", "fields", "fieldGroup", "dataType",
              "numberOptions", "taxonomyLimit", "singleValueAsString", "isPublishDate", "isModifiedDate", "dataFileId",
              "dataFileKey", "dataFileValue", "editable", "encodeEmoji", "dateFormat", "required", "customType",
              "contentTypeName", "contentTypeValue", "sameContentLocale", "when", "actions"}
FIELD_TYPES = {"string", "number", "datetime", "boolean", "image", "file", "choice", "taxonomy", "tags", "categories",
               "draft", "fields", "json", "block", "list", "dataFile", "slug", "divider", "heading", "customField",
               "contentRelationship", "fieldCollection"}
SETTINGS = {"$schema", "frontMatter.validation.enabled", "frontMatter.content.supportedFileTypes",
            "frontMatter.taxonomy.dateFormat", "frontMatter.taxonomy.seoTitleLength",
            "frontMatter.taxonomy.seoDescriptionLength", PAGE_FOLDERS, CONTENT_TYPES, FIELD_GROUPS}


def _settings(repository: Path) -> dict[str, Any]:
    settings: dict[str, Any] = json.loads((repository / "frontmatter.json").read_text(encoding="utf-8"))
    return settings


def _content_type_of(settings: dict[str, Any], repository: Path, document: Path) -> list[str]:
    """As Front Matter CMS finds it without a `type:` line: the page folder with the longest path that the file's path
    contains gives the content type, when it names one."""
    folders = [folder for folder in settings[PAGE_FOLDERS]
               if folder["path"].replace("[[workspace]]", repository.as_posix()) in document.as_posix()]
    if not folders:
        return []
    content_types: list[str] = max(folders, key=lambda folder: len(folder["path"]))["contentTypes"]
    return content_types


def _fields(config: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    content_type = next(content_type for content_type in config[CONTENT_TYPES] if content_type["name"] == name)
    return {field["name"]: field for field in content_type["fields"]}


def _group(config: dict[str, Any], group_id: str) -> dict[str, Any]:
    group: dict[str, Any] = next(group for group in config[FIELD_GROUPS] if group["id"] == group_id)
    return group


@pytest.mark.parametrize("nrf", [True, False])
def test_each_markdown_document_of_a_new_partnership_has_exactly_its_own_content_type(tmp_path: Path, nrf: bool) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=nrf, today=TODAY)
    settings = _settings(tmp_path)
    source = tmp_path / "strategy_src"

    found = {path.relative_to(source).as_posix(): _content_type_of(settings, tmp_path, path)
             for path in source.rglob("*.md")}

    expected = {path: [(FOLDERS[path.split("/")[0]] if "/" in path else TOP_LEVEL[path.removesuffix(".md")]).value]
                for path in found}
    assert found == expected and len(found) == (4 if nrf else 3)


def test_every_page_folder_names_a_place_that_exists(tmp_path: Path) -> None:
    # The extension offers to create a folder where a page folder is missing: outside the fund, that would be a folder
    # called neighbourhood-renewal-strategy.md.
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    paths = [folder["path"].replace("[[workspace]]", str(tmp_path)) for folder in _settings(tmp_path)[PAGE_FOLDERS]]

    assert [Path(path).relative_to(tmp_path).as_posix() for path in paths] == [
        "strategy_src/community-strategy.md", "strategy_src/agreements", "strategy_src/progress"]
    assert all(Path(path).exists() for path in paths)


def test_there_is_a_content_type_for_every_kind_of_markdown_document_with_every_field_of_its_model() -> None:
    config = front_matter_cms_config(nrf=True)

    found = {content_type["name"]: [field["name"] for field in content_type["fields"]] for content_type in config[CONTENT_TYPES]}

    assert found == {kind.value: list(MODELS[kind].model_json_schema()["properties"])
                     for kind in Kind if kind in MARKDOWN_KINDS}


def test_a_field_added_to_a_model_shows_up_with_its_description_and_whether_it_is_required() -> None:
    class Extended(ProgressUpdate):
        audience: str = Field(description="Who the update is written for.")

    fields = _fields(front_matter_cms_config(nrf=True, models={Kind.PROGRESS_UPDATE: Extended}), "progress-update")

    assert fields["audience"] == {"title": "Audience", "name": "audience", "description": "Who the update is written for.",
                                  "type": "string", "required": True}


def test_a_literal_becomes_a_choice_of_its_values() -> None:
    class Extended(ProgressUpdate):
        mood: Literal["good", "mixed", "poor"] | None = None

    fields = _fields(front_matter_cms_config(nrf=True, models={Kind.PROGRESS_UPDATE: Extended}), "progress-update")

    assert fields["mood"] == {"title": "Mood", "name": "mood", "type": "choice", "choices": ["good", "mixed", "poor"]}


def test_an_action_status_in_a_progress_update_is_a_choice_of_the_model_statuses() -> None:
    config = front_matter_cms_config(nrf=True)

    assert _fields(config, "progress-update")["actions"] == {"title": "Actions", "name": "actions", "type": "block",
                                                              "fieldGroup": "action-progress", "hidden": True}
    status = next(field for field in _group(config, "action-progress")["fields"] if field["name"] == "status")
    assert status == {"title": "Status", "name": "status", "type": "choice", "required": True,
                      "choices": ["not started", "on track", "at risk", "off track", "complete", "dropped"]}


def test_a_date_is_picked_and_written_as_year_month_day() -> None:
    fields = _fields(front_matter_cms_config(nrf=True), "community-strategy")

    assert fields["next_review"] == {"title": "Next review", "name": "next_review",
                                     "description": "When the strategy will next be reviewed.",
                                     "type": "datetime", "dateFormat": "yyyy-MM-dd", "required": True}


def test_a_list_of_ids_is_a_list_and_a_list_of_themes_holds_its_priorities() -> None:
    config = front_matter_cms_config(nrf=True)

    theme = _group(config, "theme")

    assert _fields(config, "agreement")["parties"]["type"] == "list"
    assert (theme["labelField"], [field["name"] for field in theme["fields"]]) == ("id", ["id", "name", "summary", "priorities"])
    assert theme["fields"][3] == {"title": "Priorities", "name": "priorities", "type": "block", "fieldGroup": "priority",
                                  "hidden": True, "required": True}


def test_a_field_of_two_kinds_of_value_is_refused_rather_than_shown_wrongly() -> None:
    class Extended(ProgressUpdate):
        sample: int | list[str] | None = None

    with pytest.raises(ValueError, match="^the front matter field 'sample' takes several types, which the editor "
                                         "settings cannot show$"):
        front_matter_cms_config(nrf=True, models={Kind.PROGRESS_UPDATE: Extended})


def test_the_settings_have_the_shape_front_matter_cms_reads(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=True, today=TODAY)
    settings = _settings(tmp_path)  # valid JSON
    groups = {group["id"] for group in settings[FIELD_GROUPS]}
    fields = [field for content_type in settings[CONTENT_TYPES] for field in content_type["fields"]]
    fields += [field for group in settings[FIELD_GROUPS] for field in group["fields"]]

    assert set(settings) == SETTINGS and settings["$schema"] == "https://frontmatter.codes/frontmatter.schema.json"
    assert all(set(folder) <= PAGE_FOLDER_KEYS and {"title", "path"} <= set(folder) for folder in settings[PAGE_FOLDERS])
    assert all(set(content_type) == {"name", "fields"} for content_type in settings[CONTENT_TYPES])
    assert all(set(group) == {"id", "labelField", "fields"} for group in settings[FIELD_GROUPS])
    assert all(set(field) <= FIELD_KEYS and field["type"] in FIELD_TYPES for field in fields)
    assert {field["fieldGroup"] for field in fields if field["type"] == "block"} == groups


def test_init_keeps_a_frontmatter_json_that_is_already_there(tmp_path: Path) -> None:
    (tmp_path / "frontmatter.json").write_text("{}\n", encoding="utf-8")

    written = init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    assert (tmp_path / "frontmatter.json").read_text(encoding="utf-8") == "{}\n"
    assert written.kept == [tmp_path / "frontmatter.json"]


def test_the_editor_recommends_the_yaml_and_front_matter_extensions(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    recommended = json.loads((tmp_path / ".vscode/extensions.json").read_text(encoding="utf-8"))

    assert recommended == {"recommendations": ["redhat.vscode-yaml", "eliostruyf.vscode-front-matter"]}


def test_git_ignores_the_records_front_matter_cms_keeps_for_itself(tmp_path: Path) -> None:
    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)

    ignored = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()

    assert "/.frontmatter/database/" in ignored


def _yaml_schemas(repository: Path) -> dict[str, list[str]]:
    """The YAML extension's settings: each schema file with the globs of the files it checks (one glob or a list)."""
    mapping = json.loads((repository / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    return {schema: [globs] if isinstance(globs, str) else globs for schema, globs in mapping.items()}


def test_every_yaml_document_check_reads_is_validated_by_the_schema_of_its_kind(tmp_path: Path) -> None:
    from fnmatch import fnmatch

    from strategy_site.load.files import YAML_SUFFIXES
    from strategy_site.load.kinds import KINDS

    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)
    schemas = _yaml_schemas(tmp_path)

    # check reads partnership.yaml and action-plans/*.yaml as well as .yml: the editor should check them too.
    for entry in (entry for entry in KINDS if not entry.markdown):
        schema = f"schemas/{entry.kind.value}.schema.json"
        for suffix in YAML_SUFFIXES:
            document = f"strategy_src/{entry.folder}/2026-27{suffix}" if entry.folder else f"strategy_src/{entry.kind.value}{suffix}"
            assert [glob for glob in schemas[schema] if fnmatch(document, glob)], (document, schemas[schema])
    assert all((tmp_path / schema).is_file() for schema in schemas)


def test_the_ruleset_the_guide_writes_is_the_one_the_editor_validates(tmp_path: Path) -> None:
    import re

    init(tmp_path, "Fernley Partnership", "Borough of Fernley", nrf=False, today=TODAY)
    guide = (Path(__file__).parent.parent / "docs/authoring-guide.md").read_text(encoding="utf-8")
    section = guide.split("## Your own ruleset", 1)[1].split("\n## ", 1)[0]

    named = re.search(r"`ruleset: ([^`]+)`", section)
    written = re.search(r"^# (strategy_src/\S+)$", section, re.MULTILINE)

    assert named and written and f"strategy_src/{named.group(1)}" == written.group(1)
    assert _yaml_schemas(tmp_path)["schemas/ruleset.schema.json"] == [written.group(1)]


def test_no_list_of_items_is_offered_to_the_panels_list_editor_which_writes_field_group_lines() -> None:
    # Front Matter CMS's list editor (DataBlockField) adds `fieldGroup: <group>` to every item it writes, with no
    # setting to leave it out, and check refuses the line (SS204). A hidden field is not drawn in the panel
    # (WrapperField) but is still validated while typing: the extension's schema takes every field (ContentTypeSchemaGenerator).
    config = front_matter_cms_config(nrf=True)
    fields = [field for content_type in config[CONTENT_TYPES] for field in content_type["fields"]]
    fields += [field for group in config[FIELD_GROUPS] for field in group["fields"]]

    blocks = {field["name"]: field.get("hidden") for field in fields if field["type"] == "block"}

    assert blocks == {"themes": True, "priorities": True, "measures": True, "signatories": True, "actions": True, "indicators": True}
