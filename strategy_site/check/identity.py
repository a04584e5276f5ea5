"""The partnership's identity is written once, in partnership.yml: the site's name, description and
address. A mkdocs.yml that says otherwise is a finding, so that a repository copied from another
partnership cannot carry that partnership's name or address onto the new site."""

from __future__ import annotations

from pathlib import Path

from strategy_site.findings import Finding, Location, Position, Rule, Severity
from strategy_site.load.tree import display_path
from strategy_site.load.yaml_source import YamlSyntaxError, parse_yaml
from strategy_site.model.documents import Partnership

IDENTITY_CONFLICT = Rule(
    "SS017",
    "identity-conflict",
    Severity.ERROR,
    what="mkdocs.yml gives the site a description or address that differs from partnership.yml.",
    why="The partnership's identity is written once, in partnership.yml. A mkdocs.yml copied from another "
    "partnership would otherwise put that partnership's description on every page and its address in the feed.",
    example="partnership.yml: name: Fernley Partnership\nmkdocs.yml: site_description: The community strategy of Ravensholt Together...",
    instead="Write site_description and site_address in partnership.yml, and remove site_description and "
    "site_url from mkdocs.yml.",
)
# mkdocs.yml's setting and the partnership.yml field it must agree with. (MkDocs requires a site_name,
# but the site always takes the partnership's name, so a stale one cannot leak.)
SETTINGS = (("site_description", "site_description"), ("site_url", "site_address"))


def identity_findings(config_file: Path, partnership: Partnership | None) -> list[Finding]:
    """A finding for each of mkdocs.yml's identity settings that contradicts partnership.yml."""
    if partnership is None:
        return []
    try:
        parsed = parse_yaml(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return []  # MkDocs reports an unreadable configuration itself
    if not isinstance(parsed.data, dict):
        return []
    findings = []
    for setting, field in SETTINGS:
        written = parsed.data.get(setting)
        wanted = getattr(partnership, field)
        if written is None or str(written).rstrip("/") == str(wanted or "").rstrip("/"):
            continue
        where = Location(display_path(config_file), parsed.source_map.key((setting,)) or Position(1, 1))
        message = (f"{setting} in mkdocs.yml is \"{written}\", but partnership.yml's {field} is \"{wanted}\""
                   if wanted else f"{setting} in mkdocs.yml is \"{written}\", which partnership.yml does not say")
        findings.append(IDENTITY_CONFLICT.at(
            where, message, f"write {field} in partnership.yml, and remove {setting} from mkdocs.yml"))
    return findings
