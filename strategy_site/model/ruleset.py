"""The ruleset: which sections each document needs and other adjustable requirements.

The default lives in ``strategy_site/rulesets/default.yml``. A partnership's own
ruleset is merged over it: sections merge by id (an entry with ``required:
false`` relaxes a default section, a new id adds one); ``placeholders`` and
``required_sectors`` replace the default lists when given; ``severity`` changes
how individual rules are reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, field_validator

from strategy_site.findings import Finding, Location
from strategy_site.load.files import Kind, read_source
from strategy_site.load.kinds import SECTIONED
from strategy_site.model.documents import Model, Sector
from strategy_site.model.fields import Id, Text
from strategy_site.model.validation import validate

DEFAULT_RULESET = Path(__file__).resolve().parent.parent / "rulesets" / "default.yml"


class SectionRule(Model):
    id: Id = Field(description="The id a heading can carry explicitly, as in '## Our ambition {#vision}'.")
    title: Text | None = Field(None, description="The section's name in findings and reports.")
    guidance: Text | None = Field(None, description="Where the requirement comes from.")
    accepted: list[Text] = Field(default_factory=list, description="Heading wordings recognised as this section.")
    required: bool = True


class Ruleset(Model):
    # By kind of document: the kinds the table of kinds marks as sectioned (load/kinds.py).
    sections: dict[str, list[SectionRule]] = Field(default_factory=dict, json_schema_extra={"propertyNames": {"enum": list(SECTIONED)}})
    placeholders: list[Text] | None = None
    required_sectors: list[Sector] | None = None
    severity: dict[str, Literal["error", "warning", "off"]] = Field(default_factory=dict)
    _severity_places: dict[str, Location] = PrivateAttr(default_factory=dict)

    @field_validator("sections")
    @classmethod
    def _sectioned_kinds(cls, sections: dict[str, list[SectionRule]]) -> dict[str, list[SectionRule]]:
        unknown = [kind for kind in sections if kind not in SECTIONED]
        if unknown:
            raise ValueError(f"'{unknown[0]}' is not a kind of document with sections; use one of: {', '.join(SECTIONED)}")
        return sections

    def severity_place(self, code: str) -> Location | None:
        """Where the partnership's ruleset changes the severity of ``code``, if it does."""
        return self._severity_places.get(code)

    def required_sections(self, kind: str) -> list[SectionRule]:
        # Any kind may be asked about: one without sections has none.
        return [rule for sectioned, rules in self.sections.items() if sectioned == kind for rule in rules if rule.required]

    def section_rule(self, kind: str, section_id: str) -> SectionRule | None:
        """How the section ``section_id`` of a document of ``kind`` is recognised, whether it is required or not."""
        return next((rule for sectioned, rules in self.sections.items() if sectioned == kind for rule in rules if rule.id == section_id), None)

    def merged_with(self, local: Ruleset) -> Ruleset:
        sections = {kind: list(rules) for kind, rules in self.sections.items()}
        for kind, rules in local.sections.items():
            merged = {rule.id: rule for rule in sections.get(kind, [])}
            for rule in rules:
                base = merged.get(rule.id)
                merged[rule.id] = base.model_copy(update=rule.model_dump(exclude_unset=True)) if base else rule
            sections[kind] = list(merged.values())
        result = Ruleset.model_construct(
            sections=sections,
            placeholders=local.placeholders if local.placeholders is not None else self.placeholders,
            required_sectors=local.required_sectors if local.required_sectors is not None else self.required_sectors,
            severity={**self.severity, **local.severity},
        )
        result._severity_places = {code: local.where("severity", code, key=True) for code in local.severity}
        return result


def load_ruleset(path: Path | None) -> tuple[Ruleset, list[Finding]]:
    """The default ruleset, merged with the partnership's own at ``path`` if given."""
    default, problems = _read(DEFAULT_RULESET)
    if default is None:  # the packaged file is ours: a failure here is a bug, not user input
        raise RuntimeError(f"the default ruleset is invalid: {problems}")
    if path is None:
        return default, []
    local, findings = _read(path)
    return (default.merged_with(local) if local else default), findings


def _read(path: Path) -> tuple[Ruleset | None, list[Finding]]:
    source, findings = read_source(Kind.RULESET, path)
    if source is None or not source.parsed:
        return None, findings
    ruleset, problems = validate(source, Ruleset)
    return ruleset, findings + problems
