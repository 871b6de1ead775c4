"""Running git on the data folder's repository: the one place that knows how git must be asked.

- The repository is the data folder's own, found from the folder: GIT_DIR, GIT_WORK_TREE and the like, which a
  hook sets for its own repository (often as a relative ".git"), are not passed on.
- Paths are read as they are (core.quotePath=false, -z): a folder named आँकड़े/ or with a " in it is not quoted.
- Messages are git's in English (LC_ALL=C), so that a failure can be told apart and said in the build log.
"""

import os
import subprocess

# The variables that point git at another repository, index or object store than the folder's own.
REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX")


class GitError(Exception):
    """git could not be run, or said no: str() is what it said, in one line."""

    def __init__(self, message, not_a_repository=False):
        super().__init__(message)
        self.not_a_repository = not_a_repository


def environment(environ=None):
    environ = dict(os.environ if environ is None else environ)
    for name in REPOSITORY_VARIABLES:
        environ.pop(name, None)
    environ["LC_ALL"] = "C"
    return environ


def run(folder, *arguments, stdin=None):
    """git's standard output as bytes, run in folder; GitError when git is missing or fails."""
    command = ["git", "-c", "core.quotePath=false", *arguments]
    try:
        done = subprocess.run(command, cwd=folder, input=stdin, capture_output=True, env=environment())
    except OSError as error:
        raise GitError(f"git could not be run ({error.strerror or error})") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", errors="replace").strip()
        # git's advice on a dubious ownership spans several lines; its first says what is wrong.
        first = next((line for line in said.splitlines() if line.strip()), f"git exited with {done.returncode}")
        raise GitError(first.removeprefix("fatal: "), not_a_repository="not a git repository" in said)
    return done.stdout


def text(folder, *arguments):
    return run(folder, *arguments).decode("utf-8", errors="surrogateescape")


def blob(folder, blob_id):
    """The bytes of a blob (a version of a file), as git stores them."""
    return run(folder, "cat-file", "blob", blob_id)
