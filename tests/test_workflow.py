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
    pinned = re.compile(r"^\s*-?\s*uses: [\w.-]+/[\w.-]+(/[\w.-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
    uses = [line for line in WORKFLOW.read_text().splitlines() if "uses:" in line]
    assert uses and all(pinned.match(line) for line in uses), uses


def test_no_expression_is_pasted_into_a_script():
    scripts = [step["run"] for job in jobs().values() for step in job["steps"] if "run" in step]
    assert scripts and not [script for script in scripts if "${{" in script]


def steps():
    return {step.get("name", step.get("uses")): step for step in jobs()["build"]["steps"]}


TESTED = "steps.tested.outputs.cache-hit != 'true'"


def test_the_suite_is_skipped_only_for_code_whose_tests_passed_before():
    named = steps()
    lookup = named["Were the tests of this code passed before"]
    record = named["Record that this code passed its tests"]
    key = "tests-passed-${{ steps.code.outputs.id }}"
    # Looked up by the code's own identity, without restoring anything; recorded under the same key, only after
    # the tests ran (a failed step ends the job before it) and only where they ran.
    assert lookup["with"] == {"path": ".tests-passed", "key": key, "lookup-only": True}
    assert lookup["uses"].startswith("actions/cache/restore@") and record["uses"].startswith("actions/cache/save@")
    assert record["with"] == {"path": ".tests-passed", "key": key}
    for step in ("Install Node.js for the accessibility tests", "Run the tests", "Note which code passed its tests",
                 "Record that this code passed its tests"):
        assert named[step]["if"] == TESTED, step
    assert named["The code's identity"]["run"] == 'sh scripts/code_id.sh >> "$GITHUB_OUTPUT"'
    for always in ("Check the data", "Build the site", "Check the built site's links"):
        assert "if" not in named[always], always  # a data push with a problem still stops here, red
    order = list(named)
    assert order.index("The code's identity") < order.index("Were the tests of this code passed before") \
        < order.index("Run the tests") < order.index("Note which code passed its tests") \
        < order.index("Record that this code passed its tests") < order.index("Build the site")
    assert order.index("Check the data") < order.index("Build the site") < order.index("Check the built site's links")
    assert named["Check the built site's links"]["run"] == "make check-links"
    assert "code_changed" not in WORKFLOW.read_text()


def git(folder, *arguments):
    return subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True, check=True).stdout.strip()


def commit(folder, path, text):
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text(text)
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", path)
    return git(folder, "rev-parse", "HEAD")


def code_id(folder, commit="HEAD"):
    return subprocess.run(["sh", str(ROOT / "scripts" / "code_id.sh"), commit], cwd=folder,
                          capture_output=True, text=True, check=True).stdout.strip()


def test_the_code_a_push_tests_is_told_from_its_tree_without_data(tmp_path):
    git(tmp_path, "init", "-q")
    commit(tmp_path, "plugins/rankings/x.py", "a")
    tested = code_id(tmp_path)  # a run passed the tests of this code
    commit(tmp_path, "data/police/2025-11.csv", "unit_id,marks,max_marks\n")
    assert code_id(tmp_path) == tested  # a new month: the same code, straight to the site
    # Push 1 changes the code (its tests fail, or its run is cancelled while it waits); push 2 changes only data/.
    # Push 2's code is push 1's, which no passing run tested: its tests run.
    commit(tmp_path, "plugins/rankings/x.py", "broken")
    failed = code_id(tmp_path)
    commit(tmp_path, "data/police/2025-12.csv", "unit_id,marks,max_marks\n")
    assert code_id(tmp_path) == failed != tested
    # Putting the code back as it was tested is that code again; anything outside data/ counts, data.md too.
    commit(tmp_path, "plugins/rankings/x.py", "a")
    assert code_id(tmp_path) == tested
    commit(tmp_path, "data.md", "not the data folder")
    assert code_id(tmp_path) != tested
    assert code_id(tmp_path, "HEAD~1") == tested
    assert re.fullmatch(r"id=[0-9a-f]{40}", tested)
    # A commit this clone does not have is an error, never an identity that could match.
    done = subprocess.run(["sh", str(ROOT / "scripts" / "code_id.sh"), "0" * 40], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode != 0 and not done.stdout


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
