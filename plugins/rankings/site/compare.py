"""Comparing units: where a unit page's "compare with…" leads, and what the compare page's script needs that the
units' own CSV files do not say.

A comparison's address names its units, each as series=unit in order (urls.compare_query): a reader who shares it
shares the view. A static site cannot hold a page for every pair of 1,575 stations: the one compare page per
language (theme/templates/compare.html) has a script (theme/compare/compare.js) that reads the units' history files
(/data/units/<id>.csv) and, for the "of 1,575" and "joint" of each rank, its level's file (level_files).
Up to MOST units of one level and series, or two units of one area in two series (a police unit and its
district's administration: the pairing the news reports make).
"""

import json
from itertools import groupby

from .. import urls
from ..data.months import calendar_months
from ..data.schema import NAMES

MOST = 4  # units one comparison shows: four lines on one chart are still told apart


def level_files(site):
    """{(series, level): what the script reads of a level}: "months": {month: [units ranked, {rank: units sharing
    it}]}, only the ranks units share, which are few (about 20 a month among 1,575 stations), so that ten years
    stay a small file; "parents": the names of its units' parents (a station's district), which their CSVs name
    only by id."""
    results = site.rankings.results
    files = {}
    columns = ["series", "level", "month", "rank", "tied", "ranked_in_level"]
    for series_id, level, month, rank, tied, ranked in results[columns].drop_duplicates().itertuples(index=False):
        months = files.setdefault((series_id, level), {"months": {}, "parents": {}})["months"]
        ranked_month = months.setdefault(month, [int(ranked), {}])
        if tied > 1:
            ranked_month[1][str(int(rank))] = int(tied)
    parents = results[["series", "level", "parent"]].dropna().drop_duplicates()
    for series_id, level, parent in parents.itertuples(index=False):
        files[(series_id, level)]["parents"][parent] = {column: site.units[parent][column] for column in NAMES}
    for content in files.values():
        content["months"] = dict(sorted(content["months"].items()))
        content["parents"] = dict(sorted(content["parents"].items()))
    return files


def level_json(content):
    """A level's file as the script reads it: compact, in a stable order."""
    return json.dumps(content, separators=(",", ":"), ensure_ascii=False)


def page_model(site):
    """The compare page: the series and the levels each ranks with each level's file, every month from the first
    ranked to the latest (the script says a month by its name in the page's language), the pairs of one area."""
    months = sorted({month for series in site.series for month in series["months"]})
    return {
        "series_levels": [(series, [(level, urls.compare_level(series["id"], level)) for level in series["levels"]])
                          for series in site.series if series["months"]],
        "months": all_months(months),
        "query_view": True,  # what it shows is in its address's query: no canonical address without it
        # the pairs of one area in two hierarchies (a commissionerate and its revenue district), each once
        "counterparts": sorted({tuple(sorted((unit["id"], unit["counterpart"]))) for unit in site.units.values()
                                if unit["counterpart"]}),
        "unranked": unranked(site),
    }


def unranked(site):
    """{series: {level: ids}}: the units of a level a series ranks that it never ranked (a commissionerate among
    the district administrations, Kanpur Nagar among police districts): the page's search lists them without a link
    to a comparison that would leave them out. A few per level."""
    out = {}
    for series in site.series:
        for level in series["levels"]:
            missing = sorted(unit_id for unit_id, unit in site.units.items()
                             if unit["level"] == level and not site.ranked_in(series["id"], unit_id))
            if missing:
                out.setdefault(series["id"], {})[level] = missing
    return out


def all_months(months):
    """Every calendar month from the first to the last given (a month between without a ranking has a name too)."""
    return list(calendar_months(months[0], months[-1])) if months else []


class Neighbours:
    """For a unit page's "compare with…": in a series' latest month, the units just above and below a unit of the
    same level, and the others it is ranked among in its parent (or in its level, where the series does not rank
    its parent's level: a district administration among every district administration)."""

    def __init__(self, site):
        self.site = site
        self._months = {}  # series id → {unit id: (above, below, group key)}, {group key: [unit ids]}

    def _month(self, series):
        if series["id"] not in self._months:
            places, groups = {}, {}
            rows = self.site.month_rows(series["id"], series["latest_month"]) if series["latest_month"] else []
            by_level = {}
            for row in rows:  # level, then rank order
                by_level.setdefault(row["level"], []).append(row)
            for level, level_rows in by_level.items():
                ranks = [list(tied) for _, tied in groupby(level_rows, key=lambda row: row["rank"])]
                for index, tied in enumerate(ranks):
                    # just above: the last of the rank before; just below: the first of the rank after
                    above = ranks[index - 1][-1]["unit_id"] if index else None
                    below = ranks[index + 1][0]["unit_id"] if index + 1 < len(ranks) else None
                    for row in tied:
                        # among its parent's, where the series ranks units in their parent; else among its whole
                        # level (a commissionerate among every police district and commissionerate)
                        group = (level, row["parent"] if row["parent"] and level in series["parent_ranked"] else None)
                        groups.setdefault(group, []).append(row["unit_id"])
                        if group[1] is not None:
                            groups.setdefault((level, None), []).append(row["unit_id"])
                        places[row["unit_id"]] = (above, below, group)
            self._months[series["id"]] = places, groups
        return self._months[series["id"]]

    def of(self, unit, series):
        """{"above", "below": unit ids or None, "others": units (not itself), "in_parent": whether they are its
        parent's, "pairs": [(series, unit)] of the same area in the other series} for a unit ranked in a series;
        others empty where it was not ranked in the latest month."""
        places, groups = self._month(series)
        above, below, group = places.get(unit["id"], (None, None, None))
        return {
            "above": above, "below": below, "in_parent": bool(group and group[1]),
            "others": [self.site.units[unit_id] for unit_id in groups.get(group, []) if unit_id != unit["id"]],
            "pairs": self.pairs(unit, series),
        }

    def pairs(self, unit, series):
        """The same area in each other series: the unit itself where that series ranks it too (a district's police
        and its administration), else its counterpart (a commissionerate and its revenue district)."""
        found = []
        for other in self.site.series:
            if other["id"] == series["id"]:
                continue
            for candidate in (unit["id"], unit["counterpart"]):
                if candidate and self.site.ranked_in(other["id"], candidate):
                    found.append((other, candidate))
                    break
        return found
