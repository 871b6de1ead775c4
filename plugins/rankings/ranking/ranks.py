"""Ranking rules of DATA.md, as vectorised pandas over the whole marks table at once.

Input: the units table (index id; level, parent) and the long marks table from data/load.py.
Output: a Rankings bundle of plain tables (the records of each unit and the summaries of the units under each
parent are records.py's). Nothing here knows about pages or languages.
"""

import logging
from dataclasses import dataclass

import pandas as pd

from ..data.decimals import round_half_up, round_percent
from ..data.months import month_index
from ..data.schema import COUNT_COLUMNS
from .records import LOWEST_SHOWN, ancestry_table, best_ranks, child_summaries, runs_at_rank_1, yearly_records

logger = logging.getLogger(__name__)

# Percentages are compared after rounding away float noise (7.7/77 and 9/90 are the same 10 %).
PERCENT_DECIMALS = 9
GROUP = ["series", "month", "level"]


@dataclass
class Rankings:
    # one row per series, month, unit: marks, score, percent (published), rank and how many share it (tied),
    # rank in parent (tied_in_parent), previous rank and percent, rank_change, percent_change (points),
    # level_median (the median percent of the unit's level that month)
    results: pd.DataFrame
    years: pd.DataFrame  # series, unit_id, year, months_at_1, months_ranked
    best: pd.DataFrame  # series, unit_id, best_rank, best_first_month, best_last_month, best_months
    runs: pd.DataFrame  # series, unit_id, run_at_1, run_since (month), run_months (calendar months it spans)
    children: pd.DataFrame  # series, month, ancestor_id (STATE: all), level, ranked, at_rank_1
    lowest: pd.DataFrame  # series, month, ancestor_id (STATE: all), level, unit_id, parent, rank, tied, percent: lowest first
    disagreements: pd.DataFrame  # rows where an official rank differs from the computed one


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
    df["month_index"] = df["month"].map({month: month_index(month) for month in df["month"].unique()}).astype(int)
    score = df["score"].round(PERCENT_DECIMALS)
    # Each series, month and level as one number: the text columns are matched once, not for every grouping.
    group = df.groupby(GROUP, sort=False, dropna=False).ngroup()

    df["computed_rank"] = score.groupby(group).rank(method="min", ascending=False).astype("Int64")
    official = df["official_rank"] if "official_rank" in df else pd.Series(pd.NA, index=df.index, dtype="Int64")
    df["official_rank"] = official.astype("Int64")
    df["rank"] = df["official_rank"].fillna(df["computed_rank"]).astype("Int64")
    df["ranked_in_level"] = group.groupby(group).transform("size").astype(int)

    # Ties are part of the result: how many units share each published rank (1,249 stations at rank 1).
    df["tied"] = group.groupby([group, df["rank"]]).transform("size").astype(int)
    medians = score.groupby(group).median().map(round_half_up)  # rounded once a level, not once a row
    df["level_median"] = pd.Series(medians.to_numpy()[group.to_numpy()], index=df.index, dtype=object)

    # Rank in parent only where the series ranks units of the parent's level: a district administration is
    # ranked statewide, and police ranges are not ranked in its series, so it has no rank in its range there.
    ranked_levels = pd.MultiIndex.from_frame(df[["series", "level"]].drop_duplicates())
    in_ranked_parent = pd.MultiIndex.from_arrays([df["series"], df["parent_level"]]).isin(ranked_levels)
    has_parent = df["parent"].notna() & in_ranked_parent
    by_parent = [group[has_parent], df.loc[has_parent, "parent"]]
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
