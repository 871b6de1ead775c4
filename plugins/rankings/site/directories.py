"""The small directories every page shares: units by id (names, level, parent, place, path), each parent's
children, the series with their months and levels; and tables turned into plain rows once.
"""

import pandas as pd

from .. import urls
from ..data.schema import NAMES
from ..data.vocabulary import LEVEL, LEVEL_IDS


def plain_records(frame):
    """Any table's rows as dicts of plain Python values, None for missing ones (column by column: fast)."""
    columns = []
    for column in frame.columns:
        values = frame[column].tolist()
        missing = frame[column].isna().to_numpy()
        if missing.any():  # pandas says which are missing: comparing each value costs more than the rest
            values = [None if gone else value for value, gone in zip(values, missing.tolist())]
        columns.append(values)
    names = list(frame.columns)
    return [dict(zip(names, values)) for values in zip(*columns)]


def grouped_records(frame, keys):
    """{key tuple: [rows]} of a table, in the table's order."""
    groups = {}
    for row in plain_records(frame):
        groups.setdefault(tuple(row[k] for k in keys), []).append(row)
    return groups


def unit_directory(units):
    """id → unit info: names, level, parent, formerly, other names, counterpart, ancestors (top first), the page's
    path, and place: the parent whose name goes with the unit's where names recur (vocabulary.Level.named_with_parent)."""
    directory = {}
    for unit_id, row in zip(units.index, units.to_dict("records")):  # iterrows builds a Series per row: slow
        parent = None if pd.isna(row["parent"]) else row["parent"]
        counterpart = row.get("counterpart")
        directory[unit_id] = {
            "id": unit_id, "level": row["level"], "parent": parent,
            **{column: row[column] for column in NAMES},
            "formerly": tuple(row["formerly"]) if isinstance(row["formerly"], (tuple, list)) else (),
            "other_names": tuple(row.get("other_names") or ()),
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
    have a rank in parent: ranking/ranks.py), and with_top: the levels of those where it also ranks units without a
    parent (districts beside police commissionerates), whose words say so (language.Language.level)."""
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
        # Tuples in hierarchy order, never sets: page models are pickled for the change manifest (write/manifest.py),
        # and a set's order changes from one process to the next.
        out.append({
            "id": series_id, **{column: row[column] for column in NAMES},
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


def split_by_level(rows):
    """[(level, rows)] in hierarchy order; rows keep their order."""
    by_level = {}
    for row in rows:
        by_level.setdefault(row["level"], []).append(row)
    return [(level, by_level[level]) for level in LEVEL_IDS if level in by_level]
