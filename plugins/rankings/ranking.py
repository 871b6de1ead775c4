"""Ranking rules of DATA.md, as vectorised pandas over the whole marks table at once.

Input: the units table (index id; level, parent) and the long marks table from load.py.
Output: a Rankings bundle of plain tables. Nothing here knows about pages or languages.
"""

import logging
from dataclasses import dataclass

import pandas as pd

from .decimals import round_half_up, round_percent
from .schema import COUNT_COLUMNS

logger = logging.getLogger(__name__)

# Percentages are compared after rounding away float noise (7.7/77 and 9/90 are the same 10 %).
PERCENT_DECIMALS = 9
LOWEST_SHOWN = 5
# The ancestor_id of summaries over a whole level of a series and month (every unit of the state).
STATE = ""

GROUP = ["series", "month", "level"]


@dataclass
class Rankings:
    # one row per series, month, unit: marks, score, percent (published), rank and how many share it (tied),
    # rank in parent (tied_in_parent), previous rank and percent, rank_change, percent_change (points),
    # level_median (the median percent of the unit's level that month)
    results: pd.DataFrame
    years: pd.DataFrame  # series, unit_id, year, months_at_1, months_ranked
    best: pd.DataFrame  # series, unit_id, best_rank, best_first_month, best_last_month, best_months
    runs: pd.DataFrame  # series, unit_id, run_at_1, run_since (month), level_latest_month
    children: pd.DataFrame  # series, month, ancestor_id (STATE: all), level, ranked, at_rank_1
    lowest: pd.DataFrame  # series, month, ancestor_id (STATE: all), level, unit_id, parent, rank, tied, percent: lowest first
    disagreements: pd.DataFrame  # rows where an official rank differs from the computed one


def month_index(months):
    """'2024-12' → 2024*12+11: consecutive calendar months differ by one (computed once per distinct month)."""
    index = {month: int(month[:4]) * 12 + int(month[5:7]) - 1 for month in months.unique()}
    return months.map(index).astype(int)


def rank_all(units, marks, lowest_shown=LOWEST_SHOWN):
    results = rank_results(units, marks)
    disagreements = results.loc[
        results["official_rank"].notna() & (results["official_rank"] != results["computed_rank"])
    ]
    for row in disagreements.itertuples():
        logger.warning(
            "%s:%s: official rank %s of %s differs from the computed rank %s (%s%%); the official rank is published",
            row.file, row.line, row.official_rank, row.unit_id, row.computed_rank, row.percent,
        )
    ancestry = ancestry_table(units)
    children, lowest = child_summaries(results, ancestry, lowest_shown)
    return Rankings(
        results=results,
        years=yearly_records(results),
        best=best_ranks(results),
        runs=runs_at_rank_1(results),
        children=children,
        lowest=lowest,
        disagreements=disagreements.reset_index(drop=True),
    )


def rank_results(units, marks):
    """Percent, computed and published rank, how many share it, rank in parent, previous rank and percent, and
    the changes, for every row.

    score is the percent as a float, to rank by; percent is the published figure (two decimals, half up, a
    Decimal), computed once for each distinct pair of marks and max marks.
    """
    df = marks.join(units[["level", "parent"]], on="unit_id")
    df["parent_level"] = df["parent"].map(units["level"])
    df["score"] = df["marks"] / df["max_marks"] * 100
    pairs = pd.MultiIndex.from_frame(df[["marks", "max_marks"]])
    published = {pair: round_percent(*pair) for pair in pairs.unique()}
    df["percent"] = pd.Series([published[pair] for pair in pairs], index=df.index, dtype=object)
    df["month_index"] = month_index(df["month"])
    score = df["score"].round(PERCENT_DECIMALS)

    df["computed_rank"] = score.groupby([df[c] for c in GROUP]).rank(method="min", ascending=False).astype("Int64")
    official = df["official_rank"] if "official_rank" in df else pd.Series(pd.NA, index=df.index, dtype="Int64")
    df["official_rank"] = official.astype("Int64")
    df["rank"] = df["official_rank"].fillna(df["computed_rank"]).astype("Int64")
    df["ranked_in_level"] = df.groupby(GROUP)["unit_id"].transform("size").astype(int)

    # Ties are part of the result: how many units share each published rank (1,249 stations at rank 1).
    df["tied"] = df.groupby(GROUP + ["rank"])["unit_id"].transform("size").astype(int)
    df["level_median"] = score.groupby([df[c] for c in GROUP]).transform("median").map(round_half_up)

    # Rank in parent only where the series ranks units of the parent's level: a district administration is
    # ranked statewide, and police ranges are not ranked in its series, so it has no rank in its range there.
    ranked_levels = pd.MultiIndex.from_frame(df[["series", "level"]].drop_duplicates())
    in_ranked_parent = pd.MultiIndex.from_arrays([df["series"], df["parent_level"]]).isin(ranked_levels)
    has_parent = df["parent"].notna() & in_ranked_parent
    by_parent = [df.loc[has_parent, c] for c in GROUP + ["parent"]]
    in_parent = score[has_parent].groupby(by_parent).rank(method="min", ascending=False).astype(int)
    df["rank_in_parent"] = in_parent.reindex(df.index).astype("Int64")
    tied_in_parent = in_parent.groupby(by_parent + [in_parent]).transform("size")
    df["tied_in_parent"] = tied_in_parent.reindex(df.index).astype("Int64")

    # Previous rank and percent: the same unit in the same series one calendar month earlier (its level never
    # changes). A change of rank is read with the change of percent beside it, in percentage points.
    previous = df[["series", "unit_id", "month_index", "rank", "percent"]].rename(
        columns={"rank": "previous_rank", "percent": "previous_percent"})
    previous["month_index"] += 1
    df = df.merge(previous, on=["series", "unit_id", "month_index"], how="left")
    df["previous_rank"] = df["previous_rank"].astype("Int64")
    df["rank_change"] = (df["previous_rank"] - df["rank"]).astype("Int64")
    df["previous_percent"] = df["previous_percent"].astype(object).where(df["previous_percent"].notna(), None)
    df["percent_change"] = pd.Series([None if before is None else now - before
                                      for now, before in zip(df["percent"], df["previous_percent"])],
                                     index=df.index, dtype=object)
    for column in COUNT_COLUMNS:
        if column not in df:
            df[column] = pd.Series(pd.NA, index=df.index, dtype="Int64")
    return df.sort_values(["series", "month_index", "level", "rank", "unit_id"], kind="stable").reset_index(drop=True)


def yearly_records(results):
    """Per unit, series and calendar year: months at rank 1 out of months ranked."""
    year = results["month_index"] // 12
    at_1 = results["rank"].eq(1)
    grouped = at_1.groupby([results["series"], results["unit_id"], year.rename("year")])
    out = pd.DataFrame({"months_at_1": grouped.sum(), "months_ranked": grouped.size()}).reset_index()
    return out.astype({"months_at_1": int, "months_ranked": int})


def best_ranks(results):
    """Per unit and series: the best rank, the first and last month it was held, how many months."""
    best = results.groupby(["series", "unit_id"])["rank"].transform("min")
    held = results.loc[results["rank"] == best]
    grouped = held.groupby(["series", "unit_id"])
    return pd.DataFrame(
        {
            "best_rank": grouped["rank"].first(),
            "best_first_month": grouped["month"].min(),
            "best_last_month": grouped["month"].max(),
            "best_months": grouped.size(),
        }
    ).reset_index()


def runs_at_rank_1(results):
    """Per unit and series: the current run of months at rank 1.

    Months are those in which the unit's level was ranked in the series: a month the series did not publish
    does not break a run, a month the unit was left out of does. The run is current only when it reaches
    the latest month its level was ranked.
    """
    level_months = results[["series", "level", "month_index"]].drop_duplicates()
    level_months = level_months.sort_values("month_index")
    level_months["position"] = level_months.groupby(["series", "level"]).cumcount()
    latest = level_months.groupby(["series", "level"])["position"].max().rename("latest_position")
    latest_month = level_months.groupby(["series", "level"])["month_index"].max().rename("latest_month_index")

    rows = results[["series", "level", "unit_id", "month_index", "month", "rank"]].merge(
        level_months, on=["series", "level", "month_index"]
    )
    rows = rows.join(latest, on=["series", "level"]).join(latest_month, on=["series", "level"])
    top = rows.loc[rows["rank"].eq(1)].copy()
    top["distance"] = top["latest_position"] - top["position"]
    top = top.sort_values(["series", "unit_id", "distance"])
    # Distances are distinct and rising, so the run is the leading rows where distance equals the row count.
    top["in_run"] = top["distance"] == top.groupby(["series", "unit_id"]).cumcount()
    in_run = top.loc[top["in_run"]]
    runs = in_run.groupby(["series", "unit_id"]).agg(run_at_1=("in_run", "size"), run_since=("month", "min"))

    units = rows.drop_duplicates(["series", "unit_id"])[["series", "unit_id"]]
    out = units.merge(runs.reset_index(), on=["series", "unit_id"], how="left")
    out["run_at_1"] = out["run_at_1"].fillna(0).astype(int)
    return out.reset_index(drop=True)


def ancestry_table(units):
    """Every (unit_id, ancestor_id) pair: parent, grandparent and so on (parents are validated acyclic)."""
    parent = units["parent"].dropna()
    pairs = []
    current = parent.rename("ancestor_id").rename_axis("unit_id").reset_index()
    while not current.empty:
        pairs.append(current)
        step = current.join(parent.rename("next"), on="ancestor_id").dropna(subset=["next"])
        current = step[["unit_id", "next"]].rename(columns={"next": "ancestor_id"})
    if not pairs:
        return pd.DataFrame({"unit_id": pd.Series(dtype=str), "ancestor_id": pd.Series(dtype=str)})
    return pd.concat(pairs, ignore_index=True)


def child_summaries(results, ancestry, lowest_shown=LOWEST_SHOWN):
    """For each unit with descendants, and for the whole state (ancestor_id STATE), per series, month and level
    below: how many were ranked, how many are at rank 1, and the lowest (never one at rank 1)."""
    everyone = pd.DataFrame({"unit_id": results["unit_id"].unique(), "ancestor_id": STATE})
    rows = results[["series", "month", "level", "unit_id", "parent", "rank", "tied", "score", "percent"]].merge(
        pd.concat([ancestry, everyone], ignore_index=True), on="unit_id")
    keys = ["series", "month", "ancestor_id", "level"]
    grouped = rows.assign(at_1=rows["rank"].eq(1)).groupby(keys)
    children = pd.DataFrame({"ranked": grouped.size(), "at_rank_1": grouped["at_1"].sum()}).reset_index()
    children = children.astype({"ranked": int, "at_rank_1": int})

    # The lowest: worst rank first; only those not at rank 1 can be "lowest".
    below = rows.loc[rows["rank"].ne(1)].sort_values(keys + ["rank", "score", "unit_id"],
                                                     ascending=[True] * 4 + [False, True, True])
    lowest = below.groupby(keys, sort=False).head(lowest_shown).reset_index(drop=True)
    return children, lowest
