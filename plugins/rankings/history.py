"""When each month's file was published and corrected, and what a correction changed, from the repository's
history (when there is one); and when the data last changed.

A month's file committed again with other figures was corrected after it was first published. The figures of
its first version are ranked as they were then and compared, unit by unit, with the figures now: every page
whose figures changed says when and what (old → new marks, percent and rank). A version that only adds a level
(the month's tehsils added later) or reformats the file changes no published figure and is not a correction.
Without git, or outside a repository, nothing is said.
"""

import csv
import io
import logging
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .ranking import rank_results

logger = logging.getLogger(__name__)

FIGURES = ("marks", "max_marks", "percent", "rank")


@dataclass
class Correction:
    """A month whose published figures changed after it was first published."""
    first_published: str  # ISO date of the first version
    corrected_on: str  # ISO date of the version that brought the figures as they are now
    # unit id → {"old": figures or None (it was not in the file), "new": figures or None (it no longer is)}
    changes: dict = field(default_factory=dict)


def git(folder, *arguments):
    return subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True, check=True).stdout


def month_versions(folder):
    """{(series, month): [(commit, ISO date, the file's path in the repository), oldest first]} of the monthly
    files of a data folder, and the date the folder last changed (None without git)."""
    folder = Path(folder).resolve()
    try:
        top = Path(git(folder, "rev-parse", "--show-toplevel").strip())
        if git(folder, "rev-parse", "--is-shallow-repository").strip() == "true":
            # A shallow clone's one commit holds every file: it would date all data today and hide corrections.
            logger.warning("%s is in a shallow git clone: corrections and the date the data changed are not "
                           "told (clone with its history: git clone without --depth, fetch-depth: 0)", folder)
            return {}, None
        log = git(folder, "log", "--format=%x00%H %cs", "--name-only", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return {}, None
    versions, last_changed = {}, None
    for entry in log.split("\x00")[1:]:
        header, *files = entry.strip().splitlines()
        commit, date = header.split()
        last_changed = last_changed or date  # git log gives the newest first
        for file in files:
            path = (top / file).resolve()
            if path.parent.parent == folder and path.suffix == ".csv":
                versions.setdefault((path.parent.name, path.stem), []).append((commit, date, file))
    return {key: list(reversed(found)) for key, found in versions.items()}, last_changed


def marks_rows(text, series_id, month, units):
    """The rows of a version of a month's file, as ranking.py takes them. A version that cannot be read (it was
    never valid, or units.csv has changed since) gives what it can: rows that are not numbers or name a unit
    units.csv no longer has are left out."""
    rows = []
    for line, row in enumerate(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))), start=2):
        try:
            unit_id = row["unit_id"].strip()
            marks, max_marks = float(row["marks"]), float(row["max_marks"])
            official = (row.get("rank") or "").strip()
            official = int(official) if official else pd.NA
        except (KeyError, AttributeError, TypeError, ValueError):
            continue
        if unit_id in units.index and max_marks > 0:
            rows.append({"series": series_id, "month": month, "unit_id": unit_id, "marks": marks + 0.0,
                         "max_marks": max_marks, "official_rank": official, "file": "", "line": line})
    return rows


def figures_of(rows, units):
    """A version's rows (marks_rows) ranked as they were published: {unit id: figures}."""
    if not rows:
        return {}
    marks = pd.DataFrame(rows).astype({"official_rank": "Int64"})
    ranked = rank_results(units, marks)
    return {row["unit_id"]: {"level": row["level"], **{name: row[name] for name in FIGURES}}
            for row in ranked.to_dict("records")}


def same_marks(rows, now, units):
    """Whether a version's marks are those ranked now, for every unit of the levels it has."""
    levels = {units.at[row["unit_id"], "level"] for row in rows}
    given = {row["unit_id"]: (row["marks"], row["max_marks"], row["official_rank"]) for row in rows}
    current = {unit_id: (marks, max_marks, official)
               for unit_id, level, marks, max_marks, official in zip(
                   now["unit_id"], now["level"], now["marks"], now["max_marks"], now["official_rank"])
               if level in levels}
    return given.keys() == current.keys() and all(
        given[unit][:2] == current[unit][:2] and pd.isna(given[unit][2]) == pd.isna(current[unit][2])
        and (pd.isna(given[unit][2]) or given[unit][2] == current[unit][2]) for unit in given)


def changed_figures(old, new):
    """{unit id: {"old", "new"}} of the units whose published figures differ. A unit of a level the old version
    did not have at all was added, not corrected."""
    old_levels = {figures["level"] for figures in old.values()}
    changes = {}
    for unit_id in old.keys() | new.keys():
        before, after = old.get(unit_id), new.get(unit_id)
        if before is None and after["level"] not in old_levels:
            continue
        if before is None or after is None or any(before[name] != after[name] for name in FIGURES):
            changes[unit_id] = {"old": before, "new": after}
    return changes


@dataclass
class DataHistory:
    corrections: dict = field(default_factory=dict)  # (series, month) → Correction
    last_changed: str | None = None  # ISO date of the data folder's latest commit
    file_changed: dict = field(default_factory=dict)  # (series, month) → ISO date of its file's latest commit


def data_history(folder, results, units):
    """The DataHistory of a data folder under git (an empty one without git). results: the ranked rows now
    (ranking.py), units: the units table."""
    versions, last_changed = month_versions(folder)
    found = {}
    for (series_id, month), commits in versions.items():
        if len(commits) < 2:
            continue
        now = results.loc[(results["series"] == series_id) & (results["month"] == month)]
        versions_rows = []
        for commit, date, file in commits:
            try:
                text = git(folder, "show", f"{commit}:{file}")  # "commit:path" is from the repository's top
            except subprocess.CalledProcessError:  # the file was deleted in that commit
                text = ""
            versions_rows.append((date, marks_rows(text, series_id, month, units)))
        if same_marks(versions_rows[0][1], now, units):
            continue  # as first published (a level added, the file reformatted): no need to rank it again
        current = {row["unit_id"]: {"level": row["level"], **{name: row[name] for name in FIGURES}}
                   for row in now.to_dict("records")}
        figures = [(date, figures_of(rows, units)) for date, rows in versions_rows]
        first_date, first = figures[0]
        changes = changed_figures(first, current)
        if not changes:
            continue
        # Corrected on: when the figures became what they are now (a later commit may have changed nothing). Figures
        # not committed yet (a build of a working copy) take the latest commit's date.
        latest = len(figures) - 1
        while latest > 1 and not changed_figures(figures[latest - 1][1], current):
            latest -= 1
        found[(series_id, month)] = Correction(first_date, figures[latest][0], changes)
    return DataHistory(found, last_changed, {key: commits[-1][1] for key, commits in versions.items()})
