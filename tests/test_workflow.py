"""The GitHub Actions workflow: valid by actionlint, and it checks the data before it builds or deploys."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

import sheetmaker as sm

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
    deploy = jobs()["deploy"]  # deploy runs only when the build job passed (and the import, where one ran, is committed)
    assert "build" in deploy["needs"] and "needs.build.result == 'success'" in deploy["if"]
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
    assert writes == {"import": [], "build": [], "commit": ["contents"], "deploy": ["id-token", "pages"]}
    # The jobs that install packages from pip, npm and apt hold no write permission at all; the one that commits
    # runs git alone.
    assert "make test" in str(workflow["jobs"]["build"]["steps"]) and not writes["build"]
    assert "make import-incoming" in str(workflow["jobs"]["import"]["steps"]) and not writes["import"]
    scripts = [step["run"] for step in workflow["jobs"]["commit"]["steps"] if "run" in step]
    assert all(re.fullmatch(r"(rm -rf data|git .*)", line.strip()) for script in scripts
               for line in script.strip().splitlines()), scripts


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


# ---- staff with only a browser: a sheet uploaded into data/incoming/<series>/


def steps_of(job):
    return {step.get("name", step.get("uses")): step for step in jobs()[job]["steps"]}


def run_step(step, cwd, output):
    """A step's script as the runner runs it (bash -e), with its env, the step's output file, and the project's
    own virtual environment in place of a fresh one."""
    env = {**os.environ, **{k: str(v) for k, v in (step.get("env") or {}).items()}, "GITHUB_OUTPUT": str(output),
           "MAKEFLAGS": f"-o {ROOT / '.venv' / '.installed'} VENV={ROOT / '.venv'}"}
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture
def origin(tmp_path):
    """The project's repository as GitHub has it (a bare origin), from this working tree's files."""
    source = tmp_path / "source"
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file() and not name.startswith(("tests/", "output", "cache")):
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    git(source, "init", "-q", "-b", "main")
    git(source, "add", "-A")
    git(source, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "the project")
    git(tmp_path, "clone", "-q", "--bare", str(source), "origin.git")
    return tmp_path / "origin.git"


def upload(origin, tmp_path, name, sheets):
    """What GitHub's "Add file → Upload files" does: one commit with the file, on main."""
    browser = tmp_path / "browser"
    git(tmp_path, "clone", "-q", str(origin), str(browser))
    sm.write_xlsx(browser / "data" / "incoming" / "police" / name, sheets)
    git(browser, "add", "-A")
    git(browser, "-c", "user.name=staff", "-c", "user.email=s@s", "commit", "-qm", f"Add files via upload: {name}")
    git(browser, "push", "-q", "origin", "main")


def test_a_sheet_uploaded_in_the_browser_is_imported_committed_and_removed(origin, tmp_path):
    upload(origin, tmp_path, "IGRS ranking November.xlsx", sm.tables(ROOT / "data", "police", "2025-10"))
    # The import job: its checkout, its step, the data kept as an artifact.
    runner = tmp_path / "import"
    git(tmp_path, "clone", "-q", str(origin), str(runner))
    output = tmp_path / "import-output"
    done = run_step(steps_of("import")["Import the sheets staff uploaded"], runner, output)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "imported=true" in output.read_text()
    assert (runner / "data" / "police" / "2025-11.csv").is_file()
    assert not (runner / "data" / "incoming" / "police" / "IGRS ranking November.xlsx").exists()
    assert "2025-11.csv: 1,676" in done.stdout or "1,676" in done.stdout  # told in Hindi, numbers and all
    artifact = tmp_path / "artifact"
    shutil.copytree(runner / "data", artifact)
    # The build job takes the data as imported before it checks and builds anything.
    build = list(steps_of("build"))
    assert build.index("Take the data as imported") < build.index("Fetch the imported data") \
        < build.index("Check the data")
    # The commit job: a fresh checkout, the artifact in place of data/, its commit step; pushed to main.
    committer = tmp_path / "commit"
    git(tmp_path, "clone", "-q", str(origin), str(committer))
    commit_steps = steps_of("commit")
    assert run_step(commit_steps["Take the data as imported"], committer, output).returncode == 0
    assert commit_steps["Fetch the imported data"]["with"] == {"name": "imported-data", "path": "data/"}
    shutil.copytree(artifact, committer / "data")
    done = run_step(commit_steps["Commit the month imported and remove its sheet"], committer, output)
    assert done.returncode == 0, done.stdout + done.stderr
    files = git(origin, "ls-tree", "-r", "--name-only", "main").splitlines()
    assert "data/police/2025-11.csv" in files and "data/incoming/police/README.md" in files
    assert not [f for f in files if f.endswith(".xlsx")]
    changed = git(origin, "show", "--name-status", "--format=%s", "main").splitlines()
    assert changed[0] == "Import the sheets uploaded to data/incoming/"
    assert "A\tdata/police/2025-11.csv" in changed and "D\tdata/incoming/police/IGRS ranking November.xlsx" in changed
    # The month written is the one the terminal's make import writes from the same sheet.
    assert git(origin, "show", "main:data/police/2025-11.csv") == \
        (artifact / "police" / "2025-11.csv").read_text(encoding="utf-8").strip()


def test_a_sheet_with_a_problem_stops_the_run_told_in_the_staffs_language(origin, tmp_path):
    sheets = sm.tables(ROOT / "data", "police", "2025-10", variants=False)
    sheets["थाने"][4][2] = "अज्ञातपुर"
    upload(origin, tmp_path, "ranking.xlsx", sheets)
    runner = tmp_path / "import"
    git(tmp_path, "clone", "-q", str(origin), str(runner))
    output = tmp_path / "import-output"
    output.touch()
    done = run_step(steps_of("import")["Import the sheets staff uploaded"], runner, output)
    assert done.returncode != 0
    assert "ranking.xlsx › थाने:5 · “अज्ञातपुर”: अपेक्षित:" in done.stdout and "कुछ नहीं लिखा गया" in done.stdout
    assert "imported" not in output.read_text()
    assert git(runner, "status", "--porcelain") == ""  # nothing written, the sheet still waiting
    # The build needs the import job: nothing is built or deployed.
    assert jobs()["build"]["needs"] == "import" and "build" in jobs()["deploy"]["needs"]


def test_no_sheet_waiting_costs_nothing(origin, tmp_path):
    runner = tmp_path / "import"
    git(tmp_path, "clone", "-q", str(origin), str(runner))
    output = tmp_path / "import-output"
    output.touch()
    done = run_step(steps_of("import")["Import the sheets staff uploaded"], runner, output)
    assert done.returncode == 0 and done.stdout == "" and output.read_text() == ""  # make was not even run
