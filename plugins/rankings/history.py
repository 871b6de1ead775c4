"""When each month's file was published and corrected, from the repository's history (when there is one).

A month's file committed more than once was corrected after it was first published: the month page says so,
and when. Without git, or outside a repository, nothing is said.
"""

import logging
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)


def month_commits(folder):
    """{(series, month): [commit dates, oldest commit first]} for the monthly files of a data folder."""
    folder = Path(folder).resolve()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True,
                             check=True).stdout.strip()
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "."], cwd=folder,
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    commits = {}
    for entry in log.split("\x00")[1:]:
        date, *files = entry.strip().splitlines()
        for file in files:
            path = (Path(top) / file).resolve()
            if path.parent.parent == folder and path.suffix == ".csv":
                commits.setdefault((path.parent.name, path.stem), []).append(date)
    return {key: list(reversed(dates)) for key, dates in commits.items()}  # git log gives the newest first


def corrections(folder):
    """{(series, month): date of the latest correction} for months whose file was committed again."""
    return {key: dates[-1] for key, dates in month_commits(folder).items() if len(dates) > 1}
