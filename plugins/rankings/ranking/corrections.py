"""When each month's file was published and corrected, and what a correction changed, from the repository's
history (when there is one); and when the data last changed.

A month's file committed again with other figures was corrected after it was first published. What counts:
- the versions on the branch as it was published (first parents: a fix made while merging is the merge's, dated
  when it reached the branch);
- only versions that could have been published: a version that does not validate (an id typo fixed the next day)
  or a deleted file is not "first published", nor a correction;
- "corrected on" is when the figures became what they are now: the first of the last run of versions whose marks
  are those of now (a file deleted on 5 Jan and added again with new marks on 10 Jan was corrected on 10 Jan).
The figures of the first published version are ranked as they were then and compared, unit by unit, with the
figures now: every page whose figures changed says when and what (old → new marks, percent and rank). A version
that only adds a level (the month's tehsils added later) or reformats the file changes no published figure.

A file in the history that is not a month (`police/2024-12 (1).csv`, `old.csv`) is ignored; `make validate`
names them once. Without git, outside a repository, or when git fails, nothing is told, and the build log says
why: no history stops a build that validation passed.

What a version's rows are is kept in the cache by its series, month and blob id (and the units it was checked
against): a month with 85 versions is read and ranked once, not on every build.
"""

import hashlib
import logging
import pickle
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..data.folder import is_month_file
from ..data.load import load_definitions, load_version
from ..data.problems import DataError, describe
from . import git
from .ranks import rank_results

logger = logging.getLogger(__name__)

FIGURES = ("marks", "max_marks", "percent", "rank")
DELETED = "0" * 40
CACHE_VERSION = 3  # raise when what is cached for a version changes
COMMIT = re.compile(r"commit ([0-9a-f]{40}) (\d{4}-\d{2}-\d{2})")


@dataclass
class Correction:
    """A month whose published figures changed after it was first published."""
    first_published: str  # ISO date of the first version that could be published
    corrected_on: str  # ISO date of the version that brought the figures as they are now
    # unit id → {"old": figures or None (it was not in the file), "new": figures or None (it no longer is)}
    changes: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Version:
    """A month's file as one commit left it."""
    commit: str
    date: str  # ISO date of the commit
    blob: str | None  # None: the commit deleted the file


@dataclass
class FolderLog:
    """What git says of a data folder."""
    versions: dict = field(default_factory=dict)  # (series, month) → [Version], oldest first
    last_changed: str | None = None  # ISO date of the folder's latest commit
    not_months: tuple = ()  # files in the history of series folders that are not months, as "police/old.csv"


@dataclass
class Corrections:
    """What git says of the published months: which were corrected, and when the data changed."""
    by_month: dict = field(default_factory=dict)  # (series, month) → Correction
    last_changed: str | None = None  # ISO date of the data folder's latest commit
    file_changed: dict = field(default_factory=dict)  # (series, month) → ISO date of its file's latest commit


class HistoryMissing(Exception):
    """A publish build's data folder is in a shallow clone that git could not deepen: args (folder, git's words)."""


def folder_log(folder, whole_history=False):
    """The FolderLog of a data folder; an empty one, with the reason in the build log, when git cannot tell.
    whole_history (a publish build): a shallow clone is deepened, and HistoryMissing where it cannot be."""
    folder = Path(folder).resolve()
    try:
        shallow = is_shallow(folder)
        if shallow and whole_history:
            try:
                git.run(folder, "fetch", "--quiet", "--unshallow")
            except git.GitError as error:
                raise HistoryMissing(str(folder), str(error)) from None
            if is_shallow(folder):  # git fetches nothing, and says nothing, where the clone has no remote
                raise HistoryMissing(str(folder), "git fetch --unshallow found no remote to fetch it from")
            logger.info("%s was in a shallow git clone: its history was fetched", folder)
            shallow = False
        if shallow:
            # A shallow clone's one commit holds every file: it would date all data today and hide corrections.
            logger.warning("%s is in a shallow git clone: corrections and the date the data changed are not "
                           "told (clone with its history: git clone without --depth, fetch-depth: 0)", folder)
            return FolderLog()
        log = git.text(folder, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw",
                       "--no-abbrev", "-z", "--relative", "--format=%x00commit %H %cs", "--", ".")
    except git.GitError as error:
        if error.not_a_repository:
            logger.info("%s is not in a git repository: corrections and the date the data changed are not told",
                        folder)
        else:
            logger.warning("git could not read the history of %s (%s): corrections and the date the data changed "
                           "are not told", folder, error)
        return FolderLog()
    return parse_log(log)


def is_shallow(folder):
    return git.text(folder, "rev-parse", "--is-shallow-repository").strip() == "true"


def parse_log(log):
    """A FolderLog from `git log --raw -z --format=%x00commit %H %cs` (newest first), paths relative to the data
    folder. A raw entry is ":modes old-blob new-blob status" and, in the next field, the path."""
    versions, not_months, last_changed = {}, set(), None
    commit = date = None
    fields = iter(log.split("\x00"))
    for item in fields:
        item = item.strip("\n")
        header = COMMIT.fullmatch(item)
        if header:
            commit, date = header.groups()
            last_changed = last_changed or date  # git log gives the newest first
        elif item.startswith(":") and commit:
            blob = item.split()[3]
            path = next(fields, "")
            series_id, _, name = path.partition("/")
            if not name or "/" in name or series_id.startswith(".") or name.startswith("."):
                continue  # units.csv, series.csv, anything deeper or hidden: not a month's file
            if not is_month_file(name):
                not_months.add(path)
                continue
            versions.setdefault((series_id, name.removesuffix(".csv")), []).append(
                Version(commit, date, None if blob == DELETED else blob))
    return FolderLog({key: found[::-1] for key, found in versions.items()}, last_changed, tuple(sorted(not_months)))


def not_month_files(folder):
    """The files in the data folder's history that are not months (ignored by the build): for `make validate`."""
    return folder_log(folder).not_months


# ---- A version's figures


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


def figures_of(rows, units):
    """A version's rows ranked as they were published: {unit id: figures}."""
    if not rows:
        return {}
    ranked = rank_results(units, pd.DataFrame(rows).astype({"official_rank": "Int64"}))
    return {row["unit_id"]: {"level": row["level"], **{name: row[name] for name in FIGURES}}
            for row in ranked.to_dict("records")}


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


class Versions:
    """The rows of versions of month files, as validation reads them (None for a version that does not
    validate), and their figures, kept by (series, month, blob id) in the cache (when given) for the units as they
    are now: their ids, levels, parents and earlier ids, not their names (a version is checked with its echoed
    names ignored, data/load.load_version). The same bytes as another month's file are another month's rows."""

    def __init__(self, folder, units, cache=None):
        self.folder = Path(folder)
        shape = sorted((unit_id, level, parent if isinstance(parent, str) else "", tuple(formerly))
                       for unit_id, level, parent, formerly in zip(units.index, units["level"], units["parent"],
                                                                   units["formerly"]))
        key = hashlib.sha256(pickle.dumps((CACHE_VERSION, shape))).hexdigest()
        self.file = Path(cache) / "corrections" / f"{key}.pickle" if cache else None
        self.rows, self.figures, self.changed = {}, {}, False
        self._definitions = self._scratch = None
        if self.file and self.file.exists():
            try:
                self.rows, self.figures = pickle.loads(self.file.read_bytes())
            except Exception as error:  # a cache written by another version, or cut short: read again
                logger.info("%s could not be read (%s); versions are read again", self.file, error)

    def rows_of(self, series_id, month, blob):
        """The version's rows as ranking/ranks.py takes them, or None when the version would not have validated."""
        key = (series_id, month, blob)
        if key not in self.rows:
            self.rows[key] = self._validated(series_id, month, blob)
            self.changed = True
        return self.rows[key]

    def figures_of(self, series_id, month, blob, units):
        """The version's figures as they were published (it validated: rows_of is not None)."""
        key = (series_id, month, blob)
        if key not in self.figures:
            self.figures[key] = figures_of(self.rows_of(series_id, month, blob), units)
            self.changed = True
        return self.figures[key]

    def _validated(self, series_id, month, blob):
        """The version checked as `make validate` checks a month's file, against today's units.csv (read once), in
        a folder of its own: its echoed names aside, its earlier ids read as today's."""
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="versions-")
            self._definitions = load_definitions(self.folder)
        file = f"{series_id}/{month}.csv"
        path = Path(self._scratch.name) / file
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(git.blob(self.folder, blob))
        try:
            marks = load_version(Path(self._scratch.name), file, self._definitions)
        except DataError as error:
            logger.info("An earlier version of %s (blob %s) would not have validated, so it was never published: %s",
                        file, blob[:12], describe(error.problems[0]))
            return None
        return marks[["series", "month", "unit_id", "marks", "max_marks", "official_rank"]].to_dict("records")

    def save(self):
        if self._scratch is not None:
            self._scratch.cleanup()
        if self.file and self.changed:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            for old in self.file.parent.glob("*.pickle"):  # versions checked against other units
                old.unlink()
            partial = self.file.with_suffix(".partial")
            partial.write_bytes(pickle.dumps((self.rows, self.figures)))
            partial.replace(self.file)


def correction_of(versions, now, units, rows_of, ranked):
    """The Correction of one month from its versions (oldest first), or None. rows_of(version) → its rows, or None
    when it could not have been published; ranked(version) → its figures; now: the month's ranked rows as the
    site publishes them."""
    published = [version for version in versions if version.blob is not None]
    first_version = next((version for version in published if rows_of(version) is not None), None)
    if first_version is None or same_marks(rows_of(first_version), now, units):
        return None  # as first published (a level added, the file reformatted)
    # Corrected on: the first of the last run of published versions whose marks are those of now. Marks not
    # committed yet (a build of a working copy) take the latest version's date.
    corrected = published[-1]
    for version in reversed(published[published.index(first_version) + 1:]):
        rows = rows_of(version)
        if rows is None:
            continue
        if not same_marks(rows, now, units):
            break
        corrected = version
    current = {row["unit_id"]: {"level": row["level"], **{name: row[name] for name in FIGURES}}
               for row in now.to_dict("records")}
    changes = changed_figures(ranked(first_version), current)
    return Correction(first_version.date, corrected.date, changes) if changes else None


def read_corrections(folder, results, units, cache=None, whole_history=False):
    """The Corrections of a data folder under git (an empty one without git). results: the ranked rows now
    (ranking/ranks.py), units: the units table; cache: the folder where versions' figures are kept between builds;
    whole_history: a shallow clone is deepened, or HistoryMissing (folder_log)."""
    log = folder_log(folder, whole_history)
    if log.not_months:
        logger.info("Ignored in the data's git history, not months: %s", ", ".join(log.not_months))
    found = {}
    try:
        kept = Versions(folder, units, cache)
        # Only the versions a correction needs are read (the first that validates, the last ones), each once
        # ever: the cache keeps what it was.
        for (series_id, month), versions in log.versions.items():
            if len(versions) < 2:
                continue
            now = results.loc[(results["series"] == series_id) & (results["month"] == month)]
            if now.empty:
                continue  # a month no longer published (its file removed): nothing to tell

            def rows_of(version, series_id=series_id, month=month):
                return kept.rows_of(series_id, month, version.blob)

            def ranked(version, series_id=series_id, month=month):
                return kept.figures_of(series_id, month, version.blob, units)

            correction = correction_of(versions, now, units, rows_of, ranked)
            if correction:
                found[(series_id, month)] = correction
        kept.save()
    except (git.GitError, OSError) as error:
        logger.warning("The corrections of %s could not be read (%s): none are told", folder, error)
        found = {}
    file_changed = {key: versions[-1].date for key, versions in log.versions.items()}
    return Corrections(found, log.last_changed, file_changed)
