"""`strategy-site init DIR`: start a partnership's repository, ready to check, build and publish.

Every document is a short skeleton whose TODO lines `check` flags (SS303), so nothing half-written is
published. The command never overwrites a file, and refuses a folder that already holds a partnership.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import jinja2

from strategy_site.commands.common import EXIT_OK, UsageProblem
from strategy_site.load.files import YAML_SUFFIXES
from strategy_site.model.schema import write_front_matter_cms_config, write_schemas
from strategy_site.text_safety import printable

SKELETON = Path(__file__).resolve().parent.parent / "skeleton"
# The skeleton's template for each file written, by the file's place in the new repository.
FILES = {
    "strategy_src/partnership.yml": "strategy_src/partnership.yml.j2",
    "strategy_src/community-strategy.md": "strategy_src/community-strategy.md.j2",
    "strategy_src/neighbourhood-renewal-strategy.md": "strategy_src/neighbourhood-renewal-strategy.md.j2",
    "strategy_src/action-plans/delivery-plan.yml": "strategy_src/action-plans/delivery-plan.yml.j2",
    "strategy_src/indicators/example-indicator.yml": "strategy_src/indicators/example-indicator.yml.j2",
    "strategy_src/agreements/example-agreement.md": "strategy_src/agreements/example-agreement.md.j2",
    "strategy_src/progress/first-update.md": "strategy_src/progress/first-update.md.j2",
    "mkdocs.yml": "mkdocs.yml.j2",
    ".gitignore": "gitignore.j2",
    "README.md": "README.md.j2",
    ".github/workflows/strategy-site.yml": "github-workflow.yml.j2",
    ".gitlab-ci.yml": "gitlab-ci.yml.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
    ".vscode/settings.json": "vscode-settings.json.j2",
    ".vscode/tasks.json": "vscode-tasks.json.j2",
    ".vscode/extensions.json": "vscode-extensions.json.j2",
}
FRONT_MATTER_CMS_CONFIG = "frontmatter.json"  # written from the models, as the schemas are
NRF_ONLY = {"strategy_src/neighbourhood-renewal-strategy.md"}


@dataclass(frozen=True)
class Written:
    created: list[Path]
    kept: list[Path]  # already there: never overwritten


def run(folder: Path, name: str, area: str, nrf: bool = False, install: str | None = None, today: dt.date | None = None) -> int:
    written = init(folder, name, area, nrf, today or dt.date.today(), install)
    for path in written.created:
        print(f"created {path.as_posix()}")
    for path in written.kept:
        print(f"kept {path.as_posix()}: it was already there")
    # As it was typed: `.venv/bin/strategy-site init ...` (the README's way) needs `.venv/bin/strategy-site check`,
    # unless the PATH finds that same program.
    typed, found = Path(sys.argv[0]), shutil.which("strategy-site")
    program = sys.argv[0] if typed.name == "strategy-site" and not (found and Path(found).resolve() == typed.resolve()) else "strategy-site"
    print(next_steps(folder, name, program))
    return EXIT_OK


def next_steps(folder: Path, name: str, program: str = "strategy-site") -> str:
    """What to do next, with the two commands as they can be pasted into a shell (a folder with spaces is quoted)."""
    source, built, program = shlex.quote((folder / "strategy_src").as_posix()), folder.as_posix(), shlex.quote(program)
    build = f"{program} build" if built == "." else f"{program} build {shlex.quote(built)}"
    where = "this folder" if built == "." else built
    return (f"\nStarted {printable(name)} in {where}. Next, write the TODO lines in {source}: check lists each one "
            f"until it is written, then build publishes the site.\n\n    {program} check {source}\n    {build}")


def init(folder: Path, name: str, area: str, nrf: bool, today: dt.date, install: str | None = None) -> Written:
    """Write the new repository's files into ``folder``, keeping any that are already there. ``install`` is what
    the README and CI give pip to install strategy-site (default: this version, from PyPI)."""
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"'{folder}' is a file, not a folder: give a new folder, or one to add the partnership to")
    for suffix in YAML_SUFFIXES:  # check reads either as the partnership
        if (folder / "strategy_src" / f"partnership{suffix}").exists():
            raise UsageProblem(f"'{folder}' already holds a partnership (strategy_src/partnership{suffix}): nothing was written")
    for value, option in ((name, "--name"), (area, "--area")):
        if not value.strip() or not value.isprintable():
            raise UsageProblem(f"{option} must be words on one line, such as {option} \"Fernley Partnership\"")
    if install is not None and not re.fullmatch(r"[A-Za-z0-9._+:/@=<>~!%,#-]+", install):
        raise UsageProblem("--install must be one pip requirement with no spaces or quotes, such as strategy-site==0.1.0 "
                           "or git+https://example.org/strategy-site.git@v0.1.0")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(SKELETON), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False,
                             comment_start_string="{##", comment_end_string="##}")  # Markdown ids are written {#vision}
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a JSON string is a quoted YAML string
    env.filters["yaml_text"] = _yaml_text
    env.filters["markdown"] = _markdown_text
    context = {**_context(name, area, nrf, today), "install": install or f"strategy-site=={version('strategy-site')}"}
    created, kept = [], []
    for target, template in FILES.items():
        if target in NRF_ONLY and not nrf:
            continue
        path = folder / target
        if path.exists():
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(context), encoding="utf-8")
        created.append(path)
    if not (folder / "schemas").exists():
        created += write_schemas(folder / "schemas")  # for the editor settings
    if (folder / FRONT_MATTER_CMS_CONFIG).exists():
        kept.append(folder / FRONT_MATTER_CMS_CONFIG)
    else:  # completion and validation of the Markdown front matter, in Front Matter CMS
        created.append(write_front_matter_cms_config(folder / FRONT_MATTER_CMS_CONFIG, nrf))
    return Written(created, kept)


def _yaml_text(text: str) -> str:
    """Text as YAML writes it plainly, for an officer to edit, unless it needs quotes to stay one text (a name with
    ': ' or ' #' in it would otherwise be a YAML error or a comment)."""
    plain = ": " not in text and " #" not in text and not text.endswith(":") and text == text.strip()
    return text if plain else json.dumps(text, ensure_ascii=False)


def _markdown_text(text: str) -> str:
    """Text shown as written in Markdown: a name such as 'O'Brien & Sons <b>' is not read as HTML or emphasis."""
    return re.sub(r"([\\`*_\[\]<>&|~])", r"\\\1", text)


def _context(name: str, area: str, nrf: bool, today: dt.date) -> dict[str, object]:
    """Dates that keep a new skeleton clear of the overdue checks: due next year, reviewed in three."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    return {
        "name": name, "area": area, "nrf": nrf,
        "today": today.isoformat(), "year": today.year,
        "review": dt.date(today.year + 3, today.month, min(today.day, 28)).isoformat(),
        "due": dt.date(today.year + 1, 3, 31).isoformat(),
        "milestone": dt.date(today.year + 1, 1, 31).isoformat(),
        "quarter": f"{today.year} Q{(today.month - 1) // 3 + 1}",
        "quarter_words": f"{dt.date(today.year, first_month, 1):%B} to {dt.date(today.year, first_month + 2, 1):%B %Y}",
    }
