"""The documentation is generated from, or tested against, the code it describes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from strategy_site.catalogue import catalogue_markdown
from strategy_site.model.schema import schemas
from tests.conftest import REPO, findings_for

GUIDE = REPO / "docs" / "authoring-guide.md"
EXAMPLE = re.compile(r"<!-- file: (?P<name>[^ ]+) -->\n```[a-z]*\n(?P<body>.*?)\n```", re.DOTALL)


def test_the_authoring_guide_examples_form_a_valid_partnership(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))
    assert {name for name, _ in examples} >= {"partnership.yml", "community-strategy.md", "neighbourhood-renewal-strategy.md"}
    for name, body in examples:
        target = tmp_path / "src" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert findings_for(tmp_path / "src") == []


def test_the_rule_catalogue_page_is_generated_from_the_rules() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == catalogue_markdown(), "run: strategy-site rules > docs/rules.md"


def test_the_committed_json_schemas_match_the_models() -> None:
    for name, schema in schemas().items():
        committed = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"run: strategy-site schema --out schemas ({name} differs)"


def test_the_model_checks_and_reports_do_not_import_mkdocs() -> None:
    code = (
        "import sys, strategy_site.cli, strategy_site.commands.check, strategy_site.commands.report, "
        "strategy_site.commands.rules, strategy_site.commands.schema, strategy_site.catalogue, strategy_site.render.site, strategy_site.render.govuk_markdown, "
        "strategy_site.model.progress, strategy_site.model.schema, strategy_site.report.making, strategy_site.report.html, "
        "strategy_site.report.ci_formats, strategy_site.report.data_formats, strategy_site.report.summary; "
        "print([m for m in sys.modules if m.split('.')[0] == 'mkdocs'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_no_module_reaches_back_up_to_the_command_line_or_the_commands() -> None:
    package = REPO / "strategy_site"
    for module in package.rglob("*.py"):
        if module.name in ("cli.py", "__main__.py") or module.parent.name == "commands":
            continue
        text = module.read_text(encoding="utf-8")
        assert "strategy_site.cli" not in text and "strategy_site.commands" not in text, module


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.split("---")[0].splitlines() if line.startswith("    ")]
    assert len(commands) == 2, "the README opens with the build command and the test command"
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()[-1] == commands[1]


def test_the_reviewers_guide_lists_every_measure_and_threshold_as_declared() -> None:
    from strategy_site.report.reference import measures_table, thresholds_table
    from strategy_site.report.weights import load_weights

    guide = (REPO / "docs" / "reports.md").read_text(encoding="utf-8")
    weights = load_weights()
    for table in (measures_table(weights), thresholds_table(weights)):
        assert table in guide, "paste the output of `python -m strategy_site.report.reference` into docs/reports.md"
