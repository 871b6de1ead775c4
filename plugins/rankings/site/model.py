"""The front door: a data folder loaded, validated, ranked and modelled, once, for everyone who needs it; and the
SiteModel, the ranked tables indexed once for the pages to pick their rows from.

The Pelican generator, `make validate` and `make template`, `make bench` and the sample data script all start
here (build_model), so that every figure they show comes from the same tables. What each page shows is
pages.py's; the model answers its questions (a month's rows, a unit's rows, the counts under a parent).
"""

import hashlib

import pandas as pd

from ..data.load import load
from ..data.schema import COUNT_COLUMNS
from ..data.vocabulary import LEVEL_IDS
from ..ranking.corrections import Corrections, read_corrections
from ..ranking.ranks import rank_all
from ..ranking.records import STATE
from . import pages
from .compare import Neighbours
from .directories import (children_directory, grouped_records, mark_units_at_top, plain_records,
                          series_directory, unit_directory)
from .district_map import tile_directory

ROW_COLUMNS = [
    "series", "month", "unit_id", "level", "parent", "marks", "max_marks", "percent", "rank", "tied",
    "computed_rank", "official_rank", "rank_in_parent", "tied_in_parent", "previous_rank", "previous_percent",
    "rank_change", "percent_change", "ranked_in_level", "level_median", *COUNT_COLUMNS,
]


def build_model(folder, with_corrections=True, cache=None, whole_history=False):
    """The SiteModel of a data folder; raises problems.DataError with every problem of the folder at once.
    with_corrections: read from git which months were corrected after they were published, what changed, and
    when the data last changed (the site says so); cache: the folder where what each version of a file was is kept
    between builds (ranking/corrections.py); whole_history: a publish build needs the data's whole git history, and a
    shallow clone is deepened, or corrections.HistoryMissing."""
    dataset = load(folder)
    rankings = rank_all(dataset.units, dataset.marks)
    corrections = (read_corrections(folder, rankings.results, dataset.units, cache, whole_history)
                   if with_corrections else Corrections())
    return SiteModel(dataset, rankings, corrections)


def records(frame):
    """Result rows as dicts with None for missing values (pandas' NA cannot be tested in a template)."""
    frame = frame[[c for c in ROW_COLUMNS if c in frame.columns]]
    return plain_records(frame)


class SiteModel:
    """The ranked data, indexed once, and what the pages ask of it.

    Every table is turned into plain rows once, and each page picks its rows by position: per-page pandas
    calls cost more than the pages themselves at state size.
    """

    def __init__(self, dataset, rankings, corrections=None):
        results = rankings.results
        self.dataset, self.rankings = dataset, rankings
        self.corrections = corrections or Corrections()  # which months were corrected, and dates, from git
        self.corrected_on = {key: c.corrected_on for key, c in self.corrections.by_month.items()}  # for the feeds
        self.units = unit_directory(dataset.units)
        self.tiles = tile_directory(dataset.tiles)  # the district map's tiles (district_map.py); [] without
        self.series = series_directory(dataset.series, results, self.units)
        self._series_order = {series["id"]: index for index, series in enumerate(self.series)}
        mark_units_at_top(self.units, self.series, results)
        self.children_of = children_directory(self.units)
        self.columns_given = dataset.columns_given
        self.levels_present = [level for level in LEVEL_IDS if any(u["level"] == level for u in self.units.values())]
        self.rows = records(results)
        self._by_unit = results.groupby("unit_id", sort=False).indices
        self._row_hashes = None  # row_hashes
        self._stand_ins = None  # stand_ins
        self._latest_rows = None  # latest_rows
        self._ranked = None  # ranked_in: {(series id, unit id)} of every unit a series ranked
        self.neighbours = Neighbours(self)  # a unit's "compare with…" (compare.py), each series' month once
        self._by_month = results.groupby(["series", "month"], sort=False).indices
        # Groups with a missing key (units without parent) are left out by groupby.
        self._by_parent = results.groupby(["series", "month", "parent"], sort=False).indices
        self._years = grouped_records(rankings.years, ["unit_id", "series"])
        self._best = {(r["series"], r["unit_id"]): r for r in plain_records(rankings.best)}
        self._runs = {(r["series"], r["unit_id"]): r for r in plain_records(rankings.runs)}
        self._children = grouped_records(rankings.children, ["ancestor_id", "series"])
        self._counts = {(r["ancestor_id"], r["series"], r["month"], r["level"]): r
                        for rows in self._children.values() for r in rows}
        self._lowest = grouped_records(rankings.lowest, ["ancestor_id", "series", "month", "level"])

    def globals(self):
        """What every page is given besides its own model."""
        return {"units": self.units, "series_list": self.series, "levels_present": self.levels_present}

    def pages(self):
        """Every page's model, one at a time (pages.py)."""
        return pages.all_pages(self)

    # ---- rows

    def rows_at(self, positions):
        return [self.rows[i] for i in positions]

    def month_rows(self, series_id, month):
        """A series' month: its rows in level and rank order."""
        return self.rows_at(self._by_month[(series_id, month)])

    def unit_rows(self, unit_id):
        """Every row of a unit (none for a unit never ranked)."""
        return self.rows_at(self._by_unit.get(unit_id, []))

    def ranked_in(self, series_id, unit_id):
        """Whether a series ever ranked a unit."""
        if self._ranked is None:
            self._ranked = set(zip(self.rankings.results["series"], self.rankings.results["unit_id"]))
        return (series_id, unit_id) in self._ranked

    def child_rows(self, series_id, month, parent_id):
        """The rows of a parent's own children in a series' month."""
        return self.rows_at(self._by_parent.get((series_id, month, parent_id), []))

    def month_rankings(self):
        """(series id, month, rows in level and rank order, their digest) for every month of every series."""
        for (series_id, month), positions in self._by_month.items():
            yield series_id, month, self.rows_at(positions), self.rows_digest(positions)

    def unit_rankings(self):
        """(unit id, its rows of every series and month: series in the site's order, then month, their digest)
        for every unit ever ranked."""
        order = self._series_order
        for unit_id, positions in self._by_unit.items():
            rows = sorted(self.rows_at(positions), key=lambda row: (order[row["series"]], row["month"]))
            yield unit_id, rows, self.rows_digest(positions)

    def rows_digest(self, positions):
        """A digest of some rows' figures (a download's inputs, for the change manifest)."""
        return hashlib.blake2b(self.row_hashes()[sorted(positions)].tobytes(), digest_size=20).hexdigest()

    def row_hashes(self):
        """Each row's figures as one 64-bit number: every row hashed once, by pandas, all at once."""
        if self._row_hashes is None:
            table = self.rankings.results
            self._row_hashes = pd.util.hash_pandas_object(
                table[[c for c in ROW_COLUMNS if c in table.columns]], index=False).to_numpy()
        return self._row_hashes

    def stand_ins(self):
        """id(object) → what stands for it in a page's digest (render/site_file.digest_of): a row, the hash of its
        figures; a unit or a series, its id, as the build's fingerprint (write/manifest.py) covers their contents.
        Pages share these objects, unchanged, with every other page: a digest need not serialise them again (a
        month page's rows, a unit's history: 0.6 s of a rebuild at state size)."""
        if self._stand_ins is None:
            self._stand_ins = {id(row): int(key) for row, key in zip(self.rows, self.row_hashes())}
            self._stand_ins.update({id(unit): f"unit {unit_id}" for unit_id, unit in self.units.items()})
            self._stand_ins.update({id(series): f"series {series['id']}" for series in self.series})
        return self._stand_ins

    @property
    def latest_rows(self):
        """unit id → its latest row in the first series (in the site's order) that ranks it: what a search result
        says of a unit."""
        if self._latest_rows is None:
            self._latest_rows = {}
            for unit_id, positions in self._by_unit.items():
                rows = self.rows_at(positions)
                first = min((row["series"] for row in rows), key=self._series_order.get)
                self._latest_rows[unit_id] = max((r for r in rows if r["series"] == first), key=lambda r: r["month"])
        return self._latest_rows

    # ---- what ranking.records added up

    def counts(self, series_id, month, level, within=STATE):
        """(at rank 1, ranked) of a level in a series' month, in the whole state or under one unit."""
        found = self._counts[(within, series_id, month, level)]
        return found["at_rank_1"], found["ranked"]

    def ranks_level(self, series_id, month, level):
        """Whether a series' month ranks any unit of a level."""
        return (STATE, series_id, month, level) in self._counts

    def lowest(self, series_id, month, level, within=STATE):
        """The lowest-ranked units (none at rank 1), worst first, as ranking.records picks them."""
        return self._lowest.get((within, series_id, month, level), [])

    def summaries_below(self, unit_id, series_id):
        """Per month and level below a unit: how many were ranked and at rank 1."""
        return self._children.get((unit_id, series_id), [])

    def years(self, unit_id, series_id):
        return self._years.get((unit_id, series_id), [])

    def best(self, unit_id, series_id):
        return self._best[(series_id, unit_id)]

    def run(self, unit_id, series_id):
        return self._runs[(series_id, unit_id)]

    # ---- dates and corrections, from git

    def as_of(self, month, file_changed=None):
        """What a page says of its data: the latest month it shows and when the data last changed."""
        return {"month": month, "changed": file_changed or self.corrections.last_changed}

    def latest_month(self):
        return max((s["latest_month"] for s in self.series if s["latest_month"]), default=None)

    def correction(self, series_id, month):
        """The Correction of a series' month, or None."""
        return self.corrections.by_month.get((series_id, month))

    def correction_rows(self, series_id, month):
        """The units whose figures a correction of a month changed: old and new, in level and rank order."""
        correction = self.correction(series_id, month)
        if correction is None:
            return None
        rows = [{"unit": self.units[unit_id], **change} for unit_id, change in correction.changes.items()]
        rows.sort(key=lambda r: (LEVEL_IDS.index(r["unit"]["level"]), (r["new"] or r["old"])["rank"], r["unit"]["id"]))
        return {"first_published": correction.first_published, "corrected_on": correction.corrected_on, "rows": rows}

    def unit_corrections(self, unit_id, series_id):
        """The corrections of a unit's figures in a series, newest month first: month, when, old and new (also of
        a month a correction took the unit out of)."""
        found = [{"month": month, "corrected_on": correction.corrected_on,
                  "first_published": correction.first_published, **correction.changes[unit_id]}
                 for (series, month), correction in self.corrections.by_month.items()
                 if series == series_id and unit_id in correction.changes]
        return sorted(found, key=lambda c: c["month"], reverse=True)
