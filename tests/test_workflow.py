"""The GitHub Actions workflow: valid by actionlint, and it checks the data before it builds or deploys."""

import json
import subprocess

from sitebuild import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def actionlint(*files):
    done = subprocess.run(["node", str(ROOT / "tests" / "actionlint.cjs"), *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_workflow_passes_actionlint():
    assert actionlint(WORKFLOW) == []


def test_actionlint_does_catch_mistakes(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needs: nowhere", 1))
    assert any("nowhere" in problem["message"] for problem in actionlint(broken))


def test_data_is_checked_before_anything_is_built_or_deployed():
    text = WORKFLOW.read_text()
    assert text.index("make validate") < text.index("make test") < text.index("make publish")
    assert "needs: build" in text  # deploy runs only when the build job passed
    for path in ('"data/**"', '"plugins/**"', '"theme/**"', '"content/**"'):
        assert path in text
