"""What the ranked rows add up to: each unit's years and best rank, its run at rank 1, and for each parent (and
the whole state) how many of the units below it were ranked and at rank 1, and which were lowest."""

import pandas as pd

from ..data.months import year_of_index

LOWEST_SHOWN = 5
# The ancestor_id of summaries over a whole level of a series and month (every unit of the state).
STATE = ""


def yearly_records(results):
    """Per unit, series and calendar year: months at rank 1 out of months ranked."""
    year = year_of_index(results["month_index"])
    at_1 = results["rank"].eq(1)
    grouped = at_1.groupby([results["series"], results["unit_id"], year.rename("year")])
    out = pd.DataFrame({"months_at_1": grouped.sum(), "months_ranked": grouped.size()}).reset_index()
    return out.astype({"months_at_1": int, "months_ranked": int})


def best_ranks(results):
    """Per unit and series: the best rank, the first and last month it was held, how many months."""
    best = results.groupby(["series", "unit_id"])["rank"].transform("min")
    held = results.loc[results["rank"] == best]
    grouped = held.groupby(["series", "unit_id"])
    # The months by their index (min and max of a text column fall back to Python: a third of a second a build).
    month = held["month"]
    return pd.DataFrame(
        {
            "best_rank": grouped["rank"].first(),
            "best_first_month": month.loc[grouped["month_index"].idxmin()].to_numpy(),
            "best_last_month": month.loc[grouped["month_index"].idxmax()].to_numpy(),
            "best_months": grouped.size(),
        }
    ).reset_index()


def runs_at_rank_1(results):
    """Per unit and series: the current run of months at rank 1.

    Months are those in which the unit's level was ranked in the series: a month the series did not publish
    does not break a run, a month the unit was left out of does; run_months counts the calendar months it spans.
    The run is current only when it reaches the latest month its level was ranked.
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
    grouped = in_run.groupby(["series", "unit_id"])
    since = grouped["month_index"].idxmin()
    runs = pd.DataFrame({"run_at_1": grouped.size(), "run_since": in_run["month"].loc[since].to_numpy(),
                         # The calendar months from its first to the latest: more than run_at_1 where the run
                         # crosses months the level was not ranked in (said as rankings, not months in a row).
                         "run_months": (in_run["latest_month_index"].loc[since]
                                        - in_run["month_index"].loc[since] + 1).to_numpy()})

    units = rows.drop_duplicates(["series", "unit_id"])[["series", "unit_id"]]
    out = units.merge(runs.reset_index(), on=["series", "unit_id"], how="left")
    out["run_at_1"] = out["run_at_1"].fillna(0).astype(int)
    out["run_months"] = out["run_months"].fillna(0).astype(int)
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
