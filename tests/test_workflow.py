"""The GitHub Actions workflow: valid by actionlint, and it checks the data before it builds or deploys."""

import json
import re
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


def jobs():
    import yaml

    return yaml.safe_load(WORKFLOW.read_text())["jobs"]


def test_only_the_deploy_job_may_publish():
    import yaml

    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow["permissions"] == {"contents": "read"}
    writes = {name: sorted(scope for scope, level in (job.get("permissions") or {}).items() if level == "write")
              for name, job in workflow["jobs"].items()}
    assert writes == {"build": [], "deploy": ["id-token", "pages"]}
    # The job that installs packages from pip, npm and apt holds no write permission at all.
    assert "make test" in str(workflow["jobs"]["build"]["steps"]) and not writes["build"]


def test_actions_are_pinned_to_commits_with_their_version_said():
    pinned = re.compile(r"^\s*-?\s*uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
    uses = [line for line in WORKFLOW.read_text().splitlines() if "uses:" in line]
    assert uses and all(pinned.match(line) for line in uses), uses


def test_no_expression_is_pasted_into_a_script():
    scripts = [step["run"] for job in jobs().values() for step in job["steps"] if "run" in step]
    assert scripts and not [script for script in scripts if "${{" in script]
