"""The GitHub Actions workflow: valid by actionlint, and it checks the data before it builds or deploys."""

import json
import re
import subprocess
import sys

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


def steps():
    return {step.get("name", step.get("uses")): step for step in jobs()["build"]["steps"]}


def test_a_data_only_push_is_checked_built_and_link_checked_without_the_suite():
    named = steps()
    code_only = "steps.changed.outputs.code == 'true'"
    assert named["Run the tests"]["if"] == code_only
    assert named["Install Node.js for the accessibility tests"]["if"] == code_only
    for always in ("Check the data", "Build the site", "Check the built site's links"):
        assert "if" not in named[always], always  # a data push with a problem still stops here, red
    order = list(named)
    assert order.index("What the push changed") < order.index("Run the tests")
    assert order.index("Check the data") < order.index("Build the site") < order.index("Check the built site's links")
    assert named["Check the built site's links"]["run"] == "make check-links"


def git(folder, *arguments):
    return subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True, check=True).stdout.strip()


def commit(folder, path, text):
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text(text)
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", path)
    return git(folder, "rev-parse", "HEAD")


def code_changed(folder, before):
    return subprocess.run(["sh", str(ROOT / "scripts" / "code_changed.sh"), before], cwd=folder,
                          capture_output=True, text=True, check=True).stdout.strip()


def test_what_the_push_changed_is_told_from_git(tmp_path):
    git(tmp_path, "init", "-q")
    first = commit(tmp_path, "plugins/rankings/x.py", "a")
    data_only = commit(tmp_path, "data/police/2025-11.csv", "unit_id,marks,max_marks\n")
    assert code_changed(tmp_path, first) == "code=false"  # a new month: straight to the site
    commit(tmp_path, "theme/templates/base.html", "b")
    assert code_changed(tmp_path, data_only) == "code=true"  # code changed: the whole suite
    assert code_changed(tmp_path, first) == "code=true"
    commit(tmp_path, "data.md", "not the data folder")
    assert code_changed(tmp_path, git(tmp_path, "rev-parse", "HEAD~1")) == "code=true"
    # No commit before (a manual run), or one this clone does not have (a first push): everything counts.
    assert code_changed(tmp_path, "") == "code=true"
    assert code_changed(tmp_path, "0" * 40) == "code=true"


def test_the_link_check_fails_on_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">a</a> <a href="b/">b</a>')
    (tmp_path / "a" / "index.html").write_text('<a href="../">home</a>')
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "sitebuild.py"), str(tmp_path)], capture_output=True,
                          text=True)
    assert done.returncode == 1 and "index.html: b/" in done.stdout and "1 broken links" in done.stdout
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text("")
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "sitebuild.py"), str(tmp_path)], capture_output=True,
                          text=True)
    assert done.returncode == 0
