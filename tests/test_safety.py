"""A build never publishes a wrong or half-written site, whatever stops it (publish.py).

Real builds in their own processes: the output folder holds the site of data A; a build of data B is stopped
part-way (kill -9, Ctrl-C, an error, a full disk, at several points: RANKINGS_FAULT, faults.py); afterwards the
output folder must be byte for byte A's site or B's site, and the next build of A must give A's site exactly
(the case that once left 587 pages with B's figures). Two builds into one folder at once must not interleave.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitebuild import FIXTURES, ROOT, tree_digest


def build_process(data, output, cache, fault=None, conf="pelicanconf.py"):
    """A build as `make html` runs it, started and not waited for."""
    env = {**os.environ, "RANKINGS_FAULT": fault or ""}
    command = [sys.executable, "-m", "pelican", "-s", str(ROOT / conf), "-o", str(output),
               "-e", f'RANKINGS_DATA="{data}"', f'CACHE_PATH="{cache}"']
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def run(data, output, cache, fault=None, conf="pelicanconf.py"):
    process = build_process(data, output, cache, fault, conf)
    log, _ = process.communicate(timeout=300)
    return process.returncode, log


class Sites:
    """Data A (the fixture) and B (every station's December marks changed, so most pages differ), and the
    site a clean build makes of each."""

    def __init__(self, root):
        self.root = root
        self.cache = root / "cache"
        self.a = FIXTURES / "small"
        self.b = root / "data-b"
        shutil.copytree(self.a, self.b)
        month = self.b / "police" / "2024-12.csv"
        text = month.read_text().replace(",90,90,", ",81,90,").replace("kanpur-dehat,125,125", "kanpur-dehat,99,125")
        month.write_text(text)
        self.expected = {}
        for name, data in (("a", self.a), ("b", self.b)):
            assert run(data, root / f"clean-{name}" / "output", self.cache)[0] == 0
            self.expected[name] = tree_digest(root / f"clean-{name}" / "output")
        assert self.expected["a"] != self.expected["b"]

    def published(self, name):
        """A fresh output folder holding data A's site, for one test."""
        output = self.root / name / "output"
        assert run(self.a, output, self.cache)[0] == 0
        assert tree_digest(output) == self.expected["a"]
        return output


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return Sites(tmp_path_factory.mktemp("safety"))


def assert_next_builds_right(sites, output, then_b=False):
    """Whatever the stopped build left, the next build is right: A gives A's site (and then B gives B's)."""
    for name, data in (("a", sites.a), ("b", sites.b))[:2 if then_b else 1]:
        code, log = run(data, output, sites.cache)
        assert code == 0, log
        assert tree_digest(output) == sites.expected[name]
    assert not (output.parent / "output.partial").exists() and not (output.parent / "output.previous").exists()


@pytest.mark.parametrize("fault", [
    "writing:40:kill", "before-swap:1:kill", "writing:25:interrupt", "writing:25:error", "writing:60:disk-full",
])
def test_a_build_stopped_before_the_swap_leaves_the_previous_site(sites, fault):
    output = sites.published(fault.replace(":", "-"))
    code, log = run(sites.b, output, sites.cache, fault=fault)
    assert code != 0, log  # a stopped build says so
    assert tree_digest(output) == sites.expected["a"], log
    if fault.endswith("disk-full"):  # in words, not a traceback
        assert f"No space left on device. Nothing was published; {output} is as it was. Free some space" in log
        assert "Traceback" not in log and "faults.py" not in log
    # Killed after the new site's manifest was saved: the case that once published B's figures in A's build.
    assert_next_builds_right(sites, output, then_b=fault.startswith("before-swap"))


def test_a_build_killed_after_the_swap_leaves_the_new_site(sites):
    output = sites.published("after-swap")
    code, log = run(sites.b, output, sites.cache, fault="after-swap:1:kill")
    assert code == -signal.SIGKILL
    assert tree_digest(output) == sites.expected["b"]
    assert (output.parent / "output.partial").exists()  # the previous site, removed by the next build
    assert_next_builds_right(sites, output)


def test_without_rename_exchange_a_build_killed_between_the_renames_is_put_right(sites):
    output = sites.published("two-renames")
    code, _ = run(sites.b, output, sites.cache, fault="exchange:1:unsupported,between-renames:1:kill")
    assert code == -signal.SIGKILL
    assert not output.exists()  # the one moment the fallback has no output folder …
    assert tree_digest(output.parent / "output.previous") == sites.expected["a"]  # … the previous site is whole
    assert_next_builds_right(sites, output)
    # And the fallback itself publishes the new site.
    code, log = run(sites.a, output, sites.cache, fault="exchange:1:unsupported")
    assert code == 0, log
    assert tree_digest(output) == sites.expected["a"]


def test_a_build_killed_at_random_moments_leaves_a_whole_site(sites):
    rng = random.Random(11)
    output = sites.published("random")
    for _ in range(3):
        process = build_process(sites.b, output, sites.cache)
        time.sleep(rng.uniform(0.3, 2.0))
        process.kill()
        process.wait()
        assert tree_digest(output) in (sites.expected["a"], sites.expected["b"])
        assert_next_builds_right(sites, output)


def test_a_real_ctrl_c_stops_the_build_and_says_so(sites):
    output = sites.published("sigint")
    process = build_process(sites.b, output, sites.cache)
    partial = output.parent / "output.partial"
    deadline = time.monotonic() + 60
    while not (partial / "police").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    log, _ = process.communicate(timeout=120)
    if process.returncode == 0:  # it finished before the signal arrived
        assert tree_digest(output) == sites.expected["b"]
    else:
        assert "Interrupted: nothing was published" in log
        assert tree_digest(output) == sites.expected["a"]
        assert not partial.exists()  # a stopped build that could clean up did
    assert_next_builds_right(sites, output)


def test_a_stopped_publish_build_leaves_the_published_site(sites):
    """make publish cleans its output folder first (DELETE_OUTPUT_DIRECTORY): the folder it cleans is the new
    site's own, never the published one."""
    output = sites.root / "publish" / "output"
    assert run(sites.a, output, sites.cache, conf="publishconf.py")[0] == 0
    published = tree_digest(output)
    code, _ = run(sites.b, output, sites.cache, fault="writing:30:kill", conf="publishconf.py")
    assert code == -signal.SIGKILL
    assert tree_digest(output) == published
    assert run(sites.a, output, sites.cache, conf="publishconf.py")[0] == 0
    assert tree_digest(output) == published


def stopped(process):
    """Whether a process stands still (SIGSTOP): its state in /proc is T."""
    return Path(f"/proc/{process.pid}/stat").read_text().split(") ")[1].startswith("T")


def test_two_builds_into_one_folder_take_turns(sites):
    """No race: the first build stands still holding the lock, just before it swaps its site in, until the second
    has said that it waits (a start 0.3 s apart, then a wait for the lock file, still lost the race at times)."""
    output = sites.published("concurrent")
    first = build_process(sites.b, output, sites.cache, fault="before-swap:1:pause")
    deadline = time.monotonic() + 120
    while not stopped(first):
        assert time.monotonic() < deadline and first.poll() is None, "the first build never reached its swap"
        time.sleep(0.05)
    second = build_process(sites.a, output, sites.cache)
    said = []
    for line in second.stdout:  # until the second says that it waits for the first
        said.append(line)
        if "Another build into" in line:
            break
    os.kill(first.pid, signal.SIGCONT)
    logs = [first.communicate(timeout=300)[0], "".join(said) + second.stdout.read()]
    second.wait(timeout=300)
    assert first.returncode == second.returncode == 0, logs
    assert any("Another build into" in log and "waits for it to finish" in log for log in logs), logs
    # The second waited for the first, so its site is the one published, whole.
    assert tree_digest(output) == sites.expected["a"]


def test_an_output_folder_that_is_a_link_stays_a_link_to_the_new_site(sites):
    """Web roots are often links to the real folder: `ln -s /srv/real out; make html OUTPUTDIR=out` twice once
    turned the link into a plain folder (the real folder kept the old site) and then stopped every build."""
    root = sites.root / "linked"
    real = root / "srv" / "real"
    real.parent.mkdir(parents=True)
    link = root / "out"
    link.symlink_to(real)  # its target does not exist yet: the first build makes it
    for name, data in (("a", sites.a), ("b", sites.b), ("a", sites.a)):
        code, log = run(data, link, sites.cache)
        assert code == 0, log
        assert link.is_symlink() and os.readlink(link) == str(real)
        assert tree_digest(real) == sites.expected[name]
        leftovers = {path.name for folder in (root, real.parent) for path in folder.iterdir()}
        assert leftovers <= {"out", "srv", "real", "real.lock"}, leftovers
    # What the earlier builds left beside the link (a link named out.partial) is cleaned up, never followed.
    (root / "out.partial").symlink_to(real)
    code, log = run(sites.b, link, sites.cache)
    assert code == 0, log
    assert not (root / "out.partial").is_symlink()
    assert tree_digest(real) == sites.expected["b"]
