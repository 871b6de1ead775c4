"""The month in a few sentences: the facts a reporter leads with, picked from a month's ranked rows, as plain data
(render/month_story.py says them in each language).

What the news reports in the project's seeds lead with, in this order: how many units share rank 1 at each level;
among the districts (the level the state's news compares, the map's), who rose and who fell most, in places and
in percentage points; which district is last, and for how many months running; whether the month was corrected.
Each fact is a row of the tables on the same page (its rank, joint where it is shared, its change, its percent),
but the run of months at the bottom, which the unit's own page shows month by month.
"""

from ..data.months import month_index
from ..data.schema import TILE_LEVEL

# Up to this many units sharing a record are named; the rest are counted ("and 4 others").
NAMED = 3


def month_story(site, series, month, levels):
    """The story of a series' month. levels: [(level, its rows in rank order)] as the month page has them."""
    counts = []
    for level, rows in levels:
        at_rank_1, ranked = site.counts(series["id"], month, level)
        counts.append({"level": level, "at_rank_1": at_rank_1, "ranked": ranked})
    told = story_level([level for level, _ in levels])
    rows = dict(levels).get(told, [])
    correction = site.correction(series["id"], month)
    last = last_place(rows)
    if last and last["count"] == 1:
        last["months"], since = months_last(site, series, month, told, last["rows"][0]["unit_id"])
        last["calendar_months"] = month_index(month) - month_index(since) + 1
    return {
        "month": month,
        "counts": counts,
        "level": told,
        "rise": most_moved(rows, "rank_change", 1),
        "fall": most_moved(rows, "rank_change", -1),
        "gain": most_moved(rows, "percent_change", 1),
        "drop": most_moved(rows, "percent_change", -1),
        "last": last,
        "correction": correction and {"corrected_on": correction.corrected_on, "units": len(correction.changes)},
    }


def story_level(levels):
    """The level whose rises, falls and last place are told: the districts where the month ranks them, else its
    first level (a series of zones only)."""
    return TILE_LEVEL if TILE_LEVEL in levels else (levels[0] if levels else None)


def most_moved(rows, column, sign):
    """The units that moved most one way (sign 1: up, -1: down) in `column` (rank_change in places,
    percent_change in points): {"value": the change, signed, "rows": the first NAMED in rank order, "count"};
    None when none moved that way (a series' first month, or no unit fell)."""
    moved = [row for row in rows if row[column] is not None and row[column] * sign > 0]
    if not moved:
        return None
    most = max(row[column] * sign for row in moved)
    shared = [row for row in moved if row[column] * sign == most]
    return {"value": shared[0][column], "rows": shared[:NAMED], "count": len(shared)}


def last_place(rows):
    """The units at a level's last rank: {"rows": the first NAMED, "count", "months": 1, "calendar_months": 1};
    None when every unit shares rank 1 (no unit is behind another)."""
    ranked = [row for row in rows if row["rank"] is not None]
    if not ranked or ranked[-1]["rank"] == 1:
        return None
    shared = [row for row in ranked if row["rank"] == ranked[-1]["rank"]]
    return {"rows": shared[:NAMED], "count": len(shared), "months": 1, "calendar_months": 1}


def months_last(site, series, month, level, unit_id):
    """(For how many of the series' rankings running, up to this month's, a unit was last of its level (alone or
    joint), and the first month of that run). A month the series did not publish, or that did not rank the level,
    does not break the run (as runs at rank 1 count them: ranking/records.py); the paragraph then says rankings,
    not months."""
    months = series["months"][:series["months"].index(month) + 1]
    run, since = 0, month
    for earlier in reversed(months):
        if not site.ranks_level(series["id"], earlier, level):
            continue
        if not was_last(site, series["id"], earlier, level, unit_id):
            break
        run, since = run + 1, earlier
    return run, since


def was_last(site, series_id, month, level, unit_id):
    """Whether a unit was at its level's last rank in a month (not when every unit shared rank 1)."""
    lowest = site.lowest(series_id, month, level)  # worst first, never rank 1
    if not lowest:
        return False
    last_rank = lowest[0]["rank"]
    if any(row["unit_id"] == unit_id for row in lowest if row["rank"] == last_rank):
        return True
    if lowest[0]["tied"] <= len(lowest):  # every unit sharing the last rank is in the list
        return False
    return any(row["unit_id"] == unit_id and row["rank"] == last_rank for row in site.month_rows(series_id, month))
