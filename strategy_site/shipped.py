"""The templates that ship with strategy-site, and the search path a partnership's own templates join.

A partnership overrides any shipped template by putting a file of the same name in its own
``templates/`` folder (``templates/content/action.html.j2``, ``templates/theme/main.html``,
``templates/report/report.html.j2``), as MkDocs' ``custom_dir`` does for themes: its folder is searched
first, then the shipped one.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from strategy_site.findings import Finding, Location, Rule, Severity
from strategy_site.load.tree import display_path

# The top-level templates/ folder of strategy-site's repository, which pyproject.toml maps into the package
# as strategy_site.templates (one copy): found through the import system, installed or editable alike.
_spec = importlib.util.find_spec("strategy_site.templates")
assert _spec is not None and _spec.submodule_search_locations, "strategy-site is installed without its templates"
SHIPPED = Path(next(iter(_spec.submodule_search_locations))).resolve()
KINDS = ("content", "theme", "report")


def search_path(kind: str, local: Path | None = None) -> list[Path]:
    """Where to look for templates of ``kind``: the partnership's own folder first, if it has one."""
    shipped = SHIPPED / kind
    own = [local] if local is not None and local.is_dir() and local.resolve() != shipped.resolve() else []
    return [*own, shipped]


UNKNOWN_OVERRIDE = Rule(
    "SS016",
    "template-override-unknown",
    Severity.WARNING,
    what="A file in the partnership's own templates/ folder has no shipped template of the same name to override.",
    why="A template is overridden by a file of the same name. When strategy-site renames or removes a template "
    "in a new version, the partnership's copy silently stops being used, and its changes disappear from the site.",
    example="templates/content/action-page.html.j2 (the shipped template is action.html.j2)",
    instead="Rename the file to the template it should replace (strategy-site lists them in its documentation), "
    "or delete it.",
)


def override_findings(local_templates: Path) -> list[Finding]:
    """A warning for each of the partnership's templates that overrides nothing."""
    return [
        UNKNOWN_OVERRIDE.at(
            Location(display_path(path)),
            f"'{path.relative_to(local_templates).as_posix()}' overrides no template of strategy-site's, so it is not used",
            "rename it to the template it should replace, or delete it",
        )
        for path in unknown_overrides(local_templates)
    ]


def unknown_overrides(local_templates: Path) -> list[Path]:
    """The partnership's template files that override nothing: a shipped template renamed or removed since."""
    unknown = []
    for kind in KINDS:
        folder = local_templates / kind
        if not folder.is_dir() or folder.resolve() == (SHIPPED / kind).resolve():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if not (SHIPPED / kind / path.relative_to(folder)).is_file():
                unknown.append(path)
    return unknown
