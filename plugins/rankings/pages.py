"""Page models: what each page shows, as plain dicts and lists built from the ranked tables.

No Pelican, no language and no chart spec here: every page is rendered once per language by the generator,
which formats numbers and picks names, and charts.py turns each page's chart data into a spec. Counts and
the lowest units come from ranking.py; paths from urls.py. Pages are yielded one at a time so a state-size
site never holds every page's rows in memory at once.
"""

import hashlib
from dataclasses import dataclass, field

import pandas as pd

from . import urls
from .charts import BANDS, band_counts
from .history import DataHistory
from .months import calendar_months
from .ranking import STATE
from .schema import COUNT_COLUMNS
from .vocabulary import LEVEL, LEVEL_IDS

# How many units the home page lists as top, bottom, rises and falls of each level.
HOME_LIST = 5
# Up to this many units at rank 1 are named on the home page; beyond it only their number is told.
HOME_TOP_NAMED = 10

ROW_COLUMNS = [
    "series", "month", "unit_id", "level", "parent", "marks", "max_marks", "percent", "rank", "tied",
    "computed_rank", "official_rank", "rank_in_parent", "tied_in_parent", "previous_rank", "previous_percent",
    "rank_change", "percent_change", "ranked_in_level", "level_median", *COUNT_COLUMNS,
]
# A history chart shows the rank beside the percent only where a level has this few units: among 1,575
# stations, 1,249 of them sharing rank 1, a rank line jumps between 1 and 1,291 for a fall of five points.
RANK_CHART_MOST_UNITS = 100


@dataclass
class Page:
    path: str  # language-neutral URL path (urls.py): "" for home, "station/<id>/", "police/2024-12/"
    template: str
    model: dict
    # file stem beside the page ("police-history") → what the chart shows, as plain data (charts.spec_of)
    charts: dict = field(default_factory=dict)


def records(frame):
    """Result rows as dicts with None for missing values (pandas' NA cannot be tested in a template)."""
    frame = frame[[c for c in ROW_COLUMNS if c in frame.columns]]
    return plain_records(frame)


class SiteModel:
    """The ranked data, indexed once, and the page models built from it.

    Every table is turned into plain rows once, and each page picks its rows by position: per-page pandas
    calls cost more than the pages themselves at state size.
    """

    def __init__(self, dataset, rankings, history=None):
        results = rankings.results
        self.dataset, self.rankings = dataset, rankings
        self.history = history or DataHistory()  # corrections and dates, from git (history.py)
        self.corrected = {key: c.corrected_on for key, c in self.history.corrections.items()}  # for the feeds
        self.units = unit_directory(dataset.units)
        self.series = series_directory(dataset.series, results, self.units)
        self._series_order = {series["id"]: index for index, series in enumerate(self.series)}
        mark_units_at_top(self.units, self.series, results)
        self.children_of = children_directory(self.units)
        self.columns_given = dataset.columns_given
        self.levels_present = [level for level in LEVEL_IDS if any(u["level"] == level for u in self.units.values())]
        self.rows = records(results)
        self._by_unit = results.groupby("unit_id", sort=False).indices
        self._row_hashes = None  # rows_digest
        self._latest_rows = None  # latest_rows
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

    # ---- shared by every page ----

    def globals(self):
        return {"units": self.units, "series_list": self.series, "levels_present": self.levels_present}

    def rows_at(self, positions):
        return [self.rows[i] for i in positions]

    def month_rankings(self):
        """(series id, month, rows in level and rank order, their digest) for every month of every series."""
        for (series_id, month), positions in self._by_month.items():
            yield series_id, month, self.rows_at(positions), self.rows_digest(positions)

    def rows_digest(self, positions):
        """A digest of some rows' figures (a download's inputs, for the change manifest): every row is hashed
        once, by pandas, all at once."""
        if self._row_hashes is None:
            table = self.rankings.results
            self._row_hashes = pd.util.hash_pandas_object(
                table[[c for c in ROW_COLUMNS if c in table.columns]], index=False).to_numpy()
        return hashlib.blake2b(self._row_hashes[sorted(positions)].tobytes(), digest_size=20).hexdigest()

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

    def unit_rankings(self):
        """(unit id, its rows of every series and month: series in the site's order, then month, their digest)
        for every unit ever ranked."""
        order = self._series_order
        for unit_id, positions in self._by_unit.items():
            rows = sorted(self.rows_at(positions), key=lambda row: (order[row["series"]], row["month"]))
            yield unit_id, rows, self.rows_digest(positions)

    def counts(self, series_id, month, level, within=STATE):
        """(at rank 1, ranked) of a level in a series' month, in the whole state or under one unit."""
        found = self._counts[(within, series_id, month, level)]
        return found["at_rank_1"], found["ranked"]

    def lowest(self, series_id, month, level, within=STATE):
        """The lowest-ranked units (none at rank 1), worst first, as ranking.py picks them."""
        return self._lowest.get((within, series_id, month, level), [])

    # ---- pages ----

    def as_of(self, month, file_changed=None):
        """What a page says of its data: the latest month it shows and when the data last changed."""
        return {"month": month, "changed": file_changed or self.history.last_changed}

    def latest_month(self):
        return max((s["latest_month"] for s in self.series if s["latest_month"]), default=None)

    def correction_rows(self, series_id, month):
        """The units whose figures a correction of a month changed: old and new, in level and rank order."""
        correction = self.history.corrections.get((series_id, month))
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
                 for (series, month), correction in self.history.corrections.items()
                 if series == series_id and unit_id in correction.changes]
        return sorted(found, key=lambda c: c["month"], reverse=True)

    def pages(self):
        yield self.home_page()
        for series in self.series:
            yield self.series_page(series)
            for month in series["months"]:
                yield self.month_page(series, month)
        for level in self.levels_present:
            yield self.level_index_page(level)
        yield Page(urls.FIND, "find.html", {})
        for unit in self.units.values():
            yield self.unit_page(unit)
        for unit in self.units.values():
            for old_id in unit["formerly"]:
                yield Page(urls.unit(unit["level"], old_id), "redirect.html", {"target": unit, "old_id": old_id,
                                                                                         "noindex": True})

    def home_page(self):
        blocks = []
        for series in self.series:
            if not series["months"]:
                continue
            month = series["latest_month"]
            rows = self.rows_at(self._by_month[(series["id"], month)])
            correction = self.history.corrections.get((series["id"], month))
            blocks.append({"series": series, "month": month, "path": urls.month(series["id"], month), "levels": [
                self.level_glance(series["id"], month, level, level_rows) for level, level_rows in split_by_level(rows)],
                "correction": correction and {"corrected_on": correction.corrected_on,
                                              "units": len(correction.changes)}})
        return Page(urls.home(), "home.html", {"blocks": blocks, "as_of": self.as_of(self.latest_month())})

    def series_page(self, series):
        years = {}
        for month in reversed(series["months"]):
            rows = self.rows_at(self._by_month[(series["id"], month)])
            summary = [{"level": level, **self.count_dict(series["id"], month, level)}
                       for level, _ in split_by_level(rows)]
            years.setdefault(month[:4], []).append({"month": month, "levels": summary,
                                                     "path": urls.month(series["id"], month),
                                                     "download": urls.month_csv(series["id"], month)})
        return Page(series["path"], "series.html", {"series": series, "years": list(years.items()),
                                                    "download": urls.series_csv(series["id"]),
                                                    "as_of": self.as_of(series["latest_month"])})

    def count_dict(self, series_id, month, level, within=STATE):
        at_rank_1, ranked = self.counts(series_id, month, level, within)
        return {"at_rank_1": at_rank_1, "ranked": ranked}

    def month_page(self, series, month):
        months = series["months"]
        index = months.index(month)
        rows = self.rows_at(self._by_month[(series["id"], month)])
        levels = []
        charts = {}
        for level, level_rows in split_by_level(rows):
            block = {"level": level, "rows": level_rows, **self.count_dict(series["id"], month, level),
                     "groups": None, "lowest": self.lowest(series["id"], month, level),
                     "parent_ranked": level in series["parent_ranked"],
                     # False in a series' first month, or after a month it did not publish: no change to show.
                     "compared": any(row["rank_change"] is not None for row in level_rows)}
            if LEVEL[level].grouped:
                block["groups"] = self.group_by_parent(series["id"], month, level, level_rows)
            block.update(bands_block(level_rows, level, with_top=level in series["with_top"]))
            charts[block["chart"]] = bands_chart(block)
            levels.append(block)
        previous_month = months[index - 1] if index > 0 else None
        next_month = months[index + 1] if index + 1 < len(months) else None
        return Page(urls.month(series["id"], month), "month.html", charts=charts, model={
            "series": series,
            "month": month,
            "previous": urls.month(series["id"], previous_month) if previous_month else None,
            "previous_month": previous_month,
            "next": urls.month(series["id"], next_month) if next_month else None,
            "next_month": next_month,
            "download": urls.month_csv(series["id"], month),
            "correction": self.correction_rows(series["id"], month),
            "as_of": self.as_of(month, self.history.file_changed.get((series["id"], month))),
            "levels": levels,
            "counts_given": [c for c in COUNT_COLUMNS if c in self.columns_given.get((series["id"], month), ())],
        })

    def group_by_parent(self, series_id, month, level, rows):
        """One group per parent (district), each with its rows in rank order; pages order the groups by name in
        their language (i18n.Language.sorted_groups)."""
        groups = {}
        for row in rows:
            groups.setdefault(row["parent"], []).append(row)
        # Only levels whose units all have a parent are grouped (vocabulary.py), so every group has its counts.
        return [{"parent": self.units[parent_id], "rows": members,
                 **self.count_dict(series_id, month, level, parent_id)}
                for parent_id, members in groups.items()]

    def level_glance(self, series_id, month, level, rows):
        """Home page summary of one level in one month: rank-1 count, top, bottom, rises, falls."""
        at_rank_1, ranked = self.counts(series_id, month, level)
        changed = [r for r in rows if r["rank_change"] is not None]
        # The leaders: the top few, or every unit sharing rank 1 while they are few enough to name.
        top = rows[:max(HOME_LIST, at_rank_1)] if at_rank_1 <= HOME_TOP_NAMED else []
        named = {row["unit_id"] for row in top}
        return {
            "level": level,
            "ranked": ranked,
            "at_rank_1": at_rank_1,
            "top": top,
            # Of 8 zones, the lowest five would repeat two of the top five: each unit is in one list.
            "bottom": [row for row in self.lowest(series_id, month, level) if row["unit_id"] not in named][:HOME_LIST],
            "rises": sorted([r for r in changed if r["rank_change"] > 0], key=lambda r: -r["rank_change"])[:HOME_LIST],
            "falls": sorted([r for r in changed if r["rank_change"] < 0], key=lambda r: r["rank_change"])[:HOME_LIST],
        }

    def level_index_page(self, level):
        """Every unit of a level, parent by parent (pages order them by name in their language). A unit and its
        counterpart of the same level (a revenue district and its police commissionerate) are one entry: one area."""
        units = [u for u in self.units.values() if u["level"] == level]
        paired = {u["id"] for u in units if u["counterpart"] and self.units[u["counterpart"]]["level"] == level
                  and u["top"]}  # the commissionerate is listed beside its district
        groups = {}
        for unit in units:
            if unit["id"] not in paired:
                groups.setdefault(unit["parent"], []).append(unit)
        return Page(urls.level_index(level), "level_index.html", {
            "level": level,
            "count": len(units) - len(paired),
            "pairs": len(paired),
            "groups": [{"parent": self.units.get(parent), "units": members} for parent, members in groups.items()],
            "as_of": self.as_of(self.latest_month()),
        })

    def unit_page(self, unit):
        own = self.rows_at(self._by_unit.get(unit["id"], []))
        blocks, charts = [], {}
        for series in self.series:
            history = [row for row in own if row["series"] == series["id"]]
            if history:
                block = self.series_block(unit, series, history)
                blocks.append(block)
                charts[block["chart"]] = history_chart(block["history"], series["months"])
                block["chart_with_rank"] = charts[block["chart"]]["with_rank"]  # the chart's words say what it draws
                if block["spread"]:
                    charts[block["spread"]["chart"]] = bands_chart(block["spread"])
        counterpart = self.units.get(unit["counterpart"])
        return Page(unit["path"], "unit.html", charts=charts, model={
            "unit": unit,
            "ancestors": [self.units[a] for a in unit["ancestors"]],
            "child_units": self.children_of.get(unit["id"], {}),
            "blocks": blocks,
            "counterpart": counterpart,
            "counterpart_children": self.children_of.get(counterpart["id"], {}) if counterpart else {},
            "download": urls.unit_csv(unit["id"]) if blocks else None,
            "as_of": self.as_of(max((b["latest"]["month"] for b in blocks), default=None)),
        })

    def series_block(self, unit, series, history):
        history = sorted(history, key=lambda row: row["month"], reverse=True)
        latest = history[0]
        month = latest["month"]
        key = (series["id"], unit["id"])
        summaries = self._children.get((unit["id"], series["id"]), [])
        descendants = sorted(
            ({"level": s["level"], "ranked": s["ranked"], "at_rank_1": s["at_rank_1"],
              "lowest": self.lowest(series["id"], month, s["level"], unit["id"])}
             for s in summaries if s["month"] == month),
            key=lambda d: LEVEL_IDS.index(d["level"]),
        )
        deepest = descendants[-1]["level"] if descendants else None
        direct = self.rows_at(self._by_parent.get((series["id"], month, unit["id"]), []))
        spread = None
        if deepest:
            below = [row for row in self.rows_at(self._by_month[(series["id"], month)])
                     if row["level"] == deepest and unit["id"] in self.units[row["unit_id"]]["ancestors"]]
            spread = bands_block(below, deepest, f"{series['id']}-{deepest}-bands")  # under one unit: none at the top
        return {
            "chart": f"{series['id']}-history",
            "spread": spread,
            "series": series,
            "latest": latest,
            "current": month == series["latest_month"],
            "history": history,
            "timeline": timeline(history, series),
            "corrections": self.unit_corrections(unit["id"], series["id"]),
            # A rank in its parent where the series ranks the parent's level (ranking.py).
            "parent_ranked": unit["parent"] is not None and unit["level"] in series["parent_ranked"],
            "years": sorted((y for y in self._years.get((unit["id"], series["id"]), [])),
                            key=lambda y: y["year"], reverse=True),
            "best": self._best[key],
            "run": self._runs[key],
            "descendants": descendants,
            "deepest_level": deepest,
            "at_rank_1_by_month": {s["month"]: (s["at_rank_1"], s["ranked"]) for s in summaries
                                   if s["level"] == deepest},
            "children": split_by_level(sorted(direct, key=lambda r: (LEVEL_IDS.index(r["level"]), r["rank"]))),
            "counts_given": [c for c in COUNT_COLUMNS if any(r[c] is not None for r in history)],
        }


def plain_records(frame):
    """Any table's rows as dicts of plain Python values, None for missing ones (column by column: fast)."""
    columns = [
        [None if value is pd.NA or value != value else value for value in frame[column].tolist()]
        if frame[column].hasnans else frame[column].tolist()
        for column in frame.columns
    ]
    names = list(frame.columns)
    return [dict(zip(names, values)) for values in zip(*columns)]


def grouped_records(frame, keys):
    """{key tuple: [rows]} of a table, in the table's order."""
    groups = {}
    for row in plain_records(frame):
        groups.setdefault(tuple(row[k] for k in keys), []).append(row)
    return groups


def bands_block(rows, level, chart=None, with_top=False):
    """How many units of a level fall in each percent band (of the published percent), for a chart and the
    table beside it; with_top: the level's words are those of a series with units at the top (vocabulary.py)."""
    return {"chart": chart or f"{level}-bands", "total": len(rows), "level": level, "with_top": with_top,
            "bands": [{"label": label, "count": count, "full": low == 100}
                      for (label, low), count in zip(BANDS, band_counts(row["percent"] for row in rows))]}


def bands_chart(block):
    """The data of a bands chart (charts.bands_spec)."""
    return {"kind": "bands", "level": block["level"] + ("_top" if block["with_top"] else ""),
            "counts": [band["count"] for band in block["bands"]]}


def history_chart(history, published):
    """The data of a history chart (charts.history_spec): the unit's months, newest first, with the median
    percent of its level; every calendar month from its first to its last, so that a month without a rank breaks
    the line; the months among them its series did not publish; and whether the rank is drawn beside the percent
    (RANK_CHART_MOST_UNITS)."""
    months = calendar_months(history[-1]["month"], history[0]["month"])
    published = set(published)
    return {"kind": "history",
            "history": [{k: row[k] for k in ("month", "rank", "percent", "level_median", "ranked_in_level")}
                        for row in history],
            "months": months,
            "unpublished": [month for month in months if month not in published],
            "with_rank": max(row["ranked_in_level"] for row in history) <= RANK_CHART_MOST_UNITS}


def timeline(history, series):
    """The rows of a unit's history table, newest first: every calendar month from its first ranked month to its
    series' latest, a month without its rank said as what it is: the series published nothing that month
    ("not_published"), or it did and this unit was not in it ("not_ranked")."""
    by_month = {row["month"]: row for row in history}
    published = set(series["months"])
    rows = []
    for month in reversed(calendar_months(history[-1]["month"], series["latest_month"])):
        if month in by_month:
            rows.append(by_month[month])
        else:
            rows.append({"series": series["id"], "month": month,
                         "status": "not_ranked" if month in published else "not_published"})
    return rows


# ---- directories: small dicts shared by all pages ----

def unit_directory(units):
    """id → unit info: names, level, parent, formerly, counterpart, ancestors (top first), the page's path, and
    place: the parent whose name goes with the unit's where names recur (vocabulary.Level.named_with_parent)."""
    directory = {}
    for unit_id, row in zip(units.index, units.to_dict("records")):  # iterrows builds a Series per row: slow
        parent = None if pd.isna(row["parent"]) else row["parent"]
        counterpart = row.get("counterpart")
        directory[unit_id] = {
            "id": unit_id, "level": row["level"], "parent": parent,
            "name_en": row["name_en"], "name_hi": row["name_hi"],
            "formerly": tuple(row["formerly"]) if isinstance(row["formerly"], (tuple, list)) else (),
            "counterpart": counterpart if isinstance(counterpart, str) else None,
            "place": parent if LEVEL[row["level"]].named_with_parent else None,
            "top": False,  # mark_units_at_top
            "path": urls.unit(row["level"], unit_id),
        }
    for unit in directory.values():
        chain, parent = [], unit["parent"]
        while parent is not None:
            chain.append(parent)
            parent = directory[parent]["parent"]
        unit["ancestors"] = list(reversed(chain))
    return directory


def children_directory(units):
    """parent id → {level: [child units]} (pages order them by name in their language)."""
    children = {}
    for unit in units.values():
        if unit["parent"] is not None:
            children.setdefault(unit["parent"], {}).setdefault(unit["level"], []).append(unit)
    return {parent: {level: by_level[level] for level in LEVEL_IDS if level in by_level}
            for parent, by_level in children.items()}


def series_directory(series, results, units):
    """The series, each with its months, the levels it ranks, the levels whose parent level it ranks too (they
    have a rank in parent: ranking.py), and with_top: the levels of those where it also ranks units without a
    parent (districts beside police commissionerates), whose words say so (i18n.Language.level)."""
    months = results.groupby("series")["month"].unique()
    ranked = results[["series", "level", "unit_id"]].drop_duplicates(["series", "unit_id"])
    levels = {series_id: set(group["level"]) for series_id, group in ranked.groupby("series")}
    at_top = {series_id: {level for level, unit_id in zip(group["level"], group["unit_id"])
                          if units[unit_id]["parent"] is None and LEVEL[level].parent}
              for series_id, group in ranked.groupby("series")}
    out = []
    for series_id, row in series.iterrows():
        series_months = sorted(months.get(series_id, []))
        own = levels.get(series_id, set())
        parent_ranked = [level for level in LEVEL_IDS if level in own and LEVEL[level].parent in own]
        # Tuples in hierarchy order, never sets: page models are pickled for the change manifest (incremental.py),
        # and a set's order changes from one process to the next.
        out.append({
            "id": series_id, "name_en": row["name_en"], "name_hi": row["name_hi"],
            "months": series_months, "latest_month": series_months[-1] if series_months else None,
            "path": urls.series_index(series_id),
            "levels": tuple(level for level in LEVEL_IDS if level in own),
            "parent_ranked": tuple(parent_ranked),
            "with_top": tuple(level for level in parent_ranked if level in at_top.get(series_id, set())),
        })
    return out


def mark_units_at_top(units, series, results):
    """A unit without a parent, ranked in a series that ranks its parent level, stands at the top of that
    hierarchy: a police commissionerate (vocabulary.Level.top_one), not a district under a range."""
    with_top = {s["id"]: s["with_top"] for s in series}
    for series_id, unit_id in results[["series", "unit_id"]].drop_duplicates().itertuples(index=False):
        unit = units[unit_id]
        if unit["parent"] is None and unit["level"] in with_top[series_id]:
            unit["top"] = True


# ---- small pure helpers ----

def split_by_level(rows):
    """[(level, rows)] in hierarchy order; rows keep their order."""
    by_level = {}
    for row in rows:
        by_level.setdefault(row["level"], []).append(row)
    return [(level, by_level[level]) for level in LEVEL_IDS if level in by_level]

