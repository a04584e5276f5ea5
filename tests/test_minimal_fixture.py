from pathlib import Path

from tests.conftest import findings_for


def test_the_minimal_fixture_has_no_findings(project_dir: Path) -> None:
    assert findings_for(project_dir) == []
