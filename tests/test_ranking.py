"""Ranking rules on tiny hand-made tables; every expected number was worked out by hand."""

import logging
from decimal import Decimal

import pandas as pd
import pytest

from rankings.ranking.ranks import rank_all

UNITS = pd.DataFrame(
    [
        # id, level, parent
        ("z1", "zone", None),
        ("r1", "range", "z1"),
        ("r2", "range", "z1"),
        ("d1", "district", "r1"),
        ("d2", "district", "r1"),
        ("d3", "district", "r2"),
        ("c1", "district", None),  # a commissionerate: a district without parent
        ("s1", "station", "d1"),
        ("s2", "station", "d1"),
        ("s3", "station", "d2"),
        ("s4", "station", "d3"),
        ("s5", "station", "c1"),
    ],
    columns=["id", "level", "parent"],
).set_index("id")


def marks_table(rows):
    """rows: (series, month, unit_id, marks, max_marks[, official_rank])."""
    records = []
    for line, row in enumerate(rows, start=2):
        series, month, unit_id, marks, max_marks, *rest = row
        records.append(
            dict(series=series, month=month, unit_id=unit_id, marks=float(marks), max_marks=float(max_marks),
                 official_rank=rest[0] if rest else pd.NA, file=f"{series}/{month}.csv", line=line)
        )
    df = pd.DataFrame(records)
    df["official_rank"] = df["official_rank"].astype("Int64")
    return df


def row(rankings, month, unit_id, series="p"):
    r = rankings.results
    found = r.loc[(r["series"] == series) & (r["month"] == month) & (r["unit_id"] == unit_id)]
    assert len(found) == 1
    return found.iloc[0]


def test_ties_share_a_rank_and_the_next_rank_skips():
    # Stations, one month: s1, s2, s3 on full marks (90/90); s4 80/90; s5 80/90; all in the same level.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-01", "s1", 90, 90), ("p", "2024-01", "s2", 90, 90), ("p", "2024-01", "s3", 90, 90),
        ("p", "2024-01", "s4", 80, 90), ("p", "2024-01", "s5", 70, 90),
    ]))
    assert [row(rankings, "2024-01", s)["rank"] for s in ["s1", "s2", "s3", "s4", "s5"]] == [1, 1, 1, 4, 5]


def test_levels_are_ranked_separately_and_percent_not_marks_decides():
    # Districts: d1 115/130 = 88.46 %, d2 100/100 = 100 %, c1 120/125 = 96 % → d2 1, c1 2, d1 3.
    # The one zone is rank 1 of its own level whatever its percent.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-12", "d1", 115, 130), ("p", "2024-12", "d2", 100, 100), ("p", "2024-12", "c1", 120, 125),
        ("p", "2024-12", "z1", 50, 125),
    ]))
    assert row(rankings, "2024-12", "d2")["rank"] == 1
    assert row(rankings, "2024-12", "c1")["rank"] == 2
    assert row(rankings, "2024-12", "d1")["rank"] == 3
    assert row(rankings, "2024-12", "d1")["score"] == pytest.approx(88.4615, abs=1e-4)
    assert str(row(rankings, "2024-12", "d1")["percent"]) == "88.46"  # the published figure, computed once
    assert row(rankings, "2024-12", "z1")["rank"] == 1


def test_equal_percentages_with_different_max_marks_tie():
    # 7.7/77 and 9/90 are both 10 %: float division must not split them.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-01", "s1", 7.7, 77), ("p", "2024-01", "s2", 9, 90), ("p", "2024-01", "s3", 8, 90),
    ]))
    assert row(rankings, "2024-01", "s1")["rank"] == row(rankings, "2024-01", "s2")["rank"] == 1
    assert row(rankings, "2024-01", "s3")["rank"] == 3


def test_rank_in_parent():
    # d1 has s1 (80), s2 (90); d2 has s3 (70); d3 has s4 (90). State: s2, s4 = 1; s1 = 3; s3 = 4.
    # In parent: s2 1, s1 2 in d1; s3 1 in d2; s4 1 in d3. The series ranks districts too (their parents' level).
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-01", "s1", 80, 90), ("p", "2024-01", "s2", 90, 90),
        ("p", "2024-01", "s3", 70, 90), ("p", "2024-01", "s4", 90, 90),
        ("p", "2024-01", "d1", 100, 100),
    ]))
    assert [row(rankings, "2024-01", s)["rank"] for s in ["s1", "s2", "s3", "s4"]] == [3, 1, 4, 1]
    assert [row(rankings, "2024-01", s)["rank_in_parent"] for s in ["s1", "s2", "s3", "s4"]] == [2, 1, 1, 1]
    # A unit without parent has no rank in parent.
    rankings = rank_all(UNITS, marks_table([("p", "2024-01", "c1", 1, 2)]))
    assert pd.isna(row(rankings, "2024-01", "c1")["rank_in_parent"])


def test_previous_rank_and_change_need_the_previous_calendar_month():
    # d1: Nov 74th-like situation in miniature: Nov rank 3, Dec rank 1 → change +2 (▲2).
    # Feb is missing for the series entirely: March has no previous rank.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-11", "d1", 50, 100), ("p", "2024-11", "d2", 90, 100), ("p", "2024-11", "d3", 80, 100),
        ("p", "2024-12", "d1", 100, 100), ("p", "2024-12", "d2", 90, 100), ("p", "2024-12", "d3", 80, 100),
        ("p", "2025-01", "d1", 70, 100), ("p", "2025-01", "d2", 90, 100), ("p", "2025-01", "d3", 80, 100),
        ("p", "2025-03", "d1", 90, 100),
    ]))
    dec = row(rankings, "2024-12", "d1")
    assert (dec["previous_rank"], dec["rank"], dec["rank_change"]) == (3, 1, 2)
    jan = row(rankings, "2025-01", "d1")  # across the year boundary
    assert (jan["previous_rank"], jan["rank"], jan["rank_change"]) == (1, 3, -2)
    assert pd.isna(row(rankings, "2025-03", "d1")["previous_rank"])
    assert pd.isna(row(rankings, "2025-03", "d1")["rank_change"])
    assert pd.isna(row(rankings, "2024-11", "d1")["rank_change"])


def test_series_are_ranked_separately():
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-01", "d1", 50, 100), ("p", "2024-01", "d2", 90, 100),
        ("a", "2024-01", "d1", 90, 100), ("a", "2024-01", "d2", 50, 100),
    ]))
    assert row(rankings, "2024-01", "d1", series="p")["rank"] == 2
    assert row(rankings, "2024-01", "d1", series="a")["rank"] == 1


def test_max_marks_changing_between_months():
    # Jan out of 120: d1 120/120 = 100 %, d2 119/120; Feb out of 130: d1 126/130 = 96.9 %, d2 127/130 = 97.7 %.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-01", "d1", 120, 120), ("p", "2024-01", "d2", 119, 120),
        ("p", "2024-02", "d1", 126, 130), ("p", "2024-02", "d2", 127, 130),
    ]))
    assert row(rankings, "2024-01", "d1")["rank"] == 1
    feb = row(rankings, "2024-02", "d1")
    assert (feb["rank"], feb["previous_rank"], feb["rank_change"]) == (2, 1, -1)


def test_official_rank_wins_and_each_disagreement_is_warned(caplog):
    # Computed: d2 1, d1 2, d3 3. The official file says d1 is 2 (agrees) and d3 is 5 (disagrees).
    with caplog.at_level(logging.WARNING):
        rankings = rank_all(UNITS, marks_table([
            ("p", "2024-01", "d1", 80, 100, 2), ("p", "2024-01", "d2", 90, 100), ("p", "2024-01", "d3", 70, 100, 5),
        ]))
    assert row(rankings, "2024-01", "d1")["rank"] == 2
    assert row(rankings, "2024-01", "d3")["rank"] == 5
    assert row(rankings, "2024-01", "d3")["computed_rank"] == 3
    assert list(rankings.disagreements["unit_id"]) == ["d3"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "d3" in warnings[0] and "p/2024-01.csv:4" in warnings[0]


def test_yearly_records_best_rank_and_run():
    # z1 alone in its level is always rank 1, so give it a rival zone-less trick: use stations of d1.
    # s1 ranks over 2024-05..2024-12 (8 months) and 2025-01..02: rank 1 in all but 2024-07.
    months = ["2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
              "2025-01", "2025-02"]
    rows = []
    for month in months:
        rows.append(("p", month, "s1", 80 if month == "2024-07" else 90, 90))
        rows.append(("p", month, "s2", 85, 90))
    rankings = rank_all(UNITS, marks_table(rows))
    years = rankings.years.set_index(["series", "unit_id", "year"])
    assert tuple(years.loc[("p", "s1", 2024)]) == (7, 8)  # rank 1 in 7 of 8 months of 2024
    assert tuple(years.loc[("p", "s1", 2025)]) == (2, 2)
    assert tuple(years.loc[("p", "s2", 2024)]) == (1, 8)
    best = rankings.best.set_index(["series", "unit_id"]).loc[("p", "s2")]
    assert (best["best_rank"], best["best_first_month"], best["best_last_month"], best["best_months"]) == (
        1, "2024-07", "2024-07", 1)
    runs = rankings.runs.set_index(["series", "unit_id"])
    # s1: rank 1 from 2024-08 to 2025-02 = 7 months.
    assert tuple(runs.loc[("p", "s1"), ["run_at_1", "run_since", "run_months"]]) == (7, "2024-08", 7)
    assert runs.loc[("p", "s2"), "run_at_1"] == 0


def test_run_skips_months_the_series_did_not_publish_but_not_months_the_unit_missed():
    # The series publishes 2023-12, then nothing until 2024-05. s1 is rank 1 in both: the run is 2.
    # s2 is rank 1 in 2023-12, missing in 2024-05 although stations were ranked: its run is 0.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2023-12", "s1", 90, 90), ("p", "2023-12", "s2", 90, 90),
        ("p", "2024-05", "s1", 90, 90), ("p", "2024-05", "s3", 10, 90),
    ]))
    runs = rankings.runs.set_index(["series", "unit_id"])
    assert runs.loc[("p", "s1"), "run_at_1"] == 2
    # Two rankings, six calendar months (2023-12 to 2024-05): the page says rankings, not months in a row.
    assert runs.loc[("p", "s1"), "run_months"] == 6
    assert runs.loc[("p", "s2"), "run_at_1"] == 0


def test_children_at_rank_1_and_lowest_cover_every_level_below():
    # z1 → r1 → d1 (s1, s2), d2 (s3); z1 → r2 → d3 (s4). c1 (no parent) → s5.
    # Stations: s1 90, s2 90, s3 60, s4 75, s5 90 → s1, s2, s5 rank 1; s4 rank 4; s3 rank 5.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-12", "s1", 90, 90), ("p", "2024-12", "s2", 90, 90), ("p", "2024-12", "s3", 60, 90),
        ("p", "2024-12", "s4", 75, 90), ("p", "2024-12", "s5", 90, 90),
        ("p", "2024-12", "d1", 10, 10), ("p", "2024-12", "d2", 9, 10), ("p", "2024-12", "d3", 10, 10),
    ]))
    children = rankings.children.set_index(["series", "month", "ancestor_id", "level"])
    assert tuple(children.loc[("p", "2024-12", "z1", "station")]) == (4, 2)  # 2 of 4 stations at rank 1
    assert tuple(children.loc[("p", "2024-12", "z1", "district")]) == (3, 2)
    assert tuple(children.loc[("p", "2024-12", "r1", "station")]) == (3, 2)
    assert tuple(children.loc[("p", "2024-12", "d1", "station")]) == (2, 2)
    assert tuple(children.loc[("p", "2024-12", "c1", "station")]) == (1, 1)
    lowest = rankings.lowest
    z1 = lowest.loc[(lowest["ancestor_id"] == "z1") & (lowest["level"] == "station")]
    assert list(z1["unit_id"]) == ["s3", "s4"]  # worst first; rank-1 stations are never "lowest"
    assert lowest.loc[lowest["ancestor_id"] == "d1"].empty


def test_unit_appearing_mid_history_and_level_missing_in_a_month():
    # Ranges are not ranked in January; r2 first appears in March.
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-01", "z1", 1, 1),
        ("p", "2024-02", "z1", 1, 1), ("p", "2024-02", "r1", 5, 10),
        ("p", "2024-03", "z1", 1, 1), ("p", "2024-03", "r1", 5, 10), ("p", "2024-03", "r2", 6, 10),
    ]))
    assert pd.isna(row(rankings, "2024-02", "r1")["previous_rank"])
    mar_r1 = row(rankings, "2024-03", "r1")
    assert (mar_r1["rank"], mar_r1["previous_rank"], mar_r1["rank_change"]) == (2, 1, -1)
    assert pd.isna(row(rankings, "2024-03", "r2")["previous_rank"])
    years = rankings.years.set_index(["series", "unit_id", "year"])
    assert tuple(years.loc[("p", "r1", 2024)]) == (1, 2)
    assert tuple(years.loc[("p", "r2", 2024)]) == (1, 1)


def test_ties_say_how_many_share_the_rank_in_the_state_and_in_the_parent():
    # Stations of January: s1, s2, s3, s4 on 90/90 (rank 1, four share it), s5 on 45/90 (rank 5, alone).
    # Districts are ranked too, so stations have a rank in their district: d1 has s1, s2 (both 1, two share it).
    rankings = rank_all(UNITS, marks_table([
        ("p", "2024-01", "s1", 90, 90), ("p", "2024-01", "s2", 90, 90), ("p", "2024-01", "s3", 90, 90),
        ("p", "2024-01", "s4", 90, 90), ("p", "2024-01", "s5", 45, 90), ("p", "2024-01", "d1", 1, 1),
    ]))
    assert [row(rankings, "2024-01", s)["tied"] for s in ["s1", "s2", "s3", "s4", "s5"]] == [4, 4, 4, 4, 1]
    assert [row(rankings, "2024-01", s)["rank_in_parent"] for s in ["s1", "s2", "s3", "s5"]] == [1, 1, 1, 1]
    assert [row(rankings, "2024-01", s)["tied_in_parent"] for s in ["s1", "s2", "s3", "s5"]] == [2, 2, 1, 1]
    # The median percent of the stations that month: 100, 100, 100, 100, 50 → 100.
    assert row(rankings, "2024-01", "s5")["level_median"] == Decimal("100.00")


def test_a_fall_from_a_tie_reads_with_its_change_in_points():
    # January: s1..s4 all 90/90 (joint rank 1); February: s1 85.5/90 = 95 %, the others 90/90.
    # s1 goes from rank 1 (shared by 4) to rank 4: change −3, and −5.00 percentage points.
    january = [("p", "2024-01", s, 90, 90) for s in ["s1", "s2", "s3", "s4"]]
    february = [("p", "2024-02", "s1", 85.5, 90)] + [("p", "2024-02", s, 90, 90) for s in ["s2", "s3", "s4"]]
    rankings = rank_all(UNITS, marks_table(january + february))
    feb = row(rankings, "2024-02", "s1")
    assert (feb["previous_rank"], feb["rank"], feb["rank_change"], feb["tied"]) == (1, 4, -3, 1)
    assert (feb["previous_percent"], feb["percent"], feb["percent_change"]) == (
        Decimal("100.00"), Decimal("95.00"), Decimal("-5.00"))
    assert row(rankings, "2024-02", "s2")["percent_change"] == Decimal("0.00")
    assert row(rankings, "2024-01", "s1")["percent_change"] is None


def test_no_rank_in_parent_where_the_series_does_not_rank_the_parents_level():
    # Series "a" (district administrations) ranks districts and tehsils, never ranges: d1 and d2 (both under
    # r1) have no rank in parent there; tehsils t1, t2 (in d1) have their rank in d1. Series "p" ranks
    # ranges, so d1 and d2 are ranked in r1 there: d2 (90 %) 1st, d1 (50 %) 2nd.
    units = pd.concat([UNITS, pd.DataFrame([("t1", "tehsil", "d1"), ("t2", "tehsil", "d1"), ("t3", "tehsil", "d2")],
                                           columns=["id", "level", "parent"]).set_index("id")])
    rankings = rank_all(units, marks_table([
        ("a", "2024-01", "d1", 50, 100), ("a", "2024-01", "d2", 90, 100),
        ("a", "2024-01", "t1", 70, 100), ("a", "2024-01", "t2", 80, 100), ("a", "2024-01", "t3", 90, 100),
        ("p", "2024-01", "d1", 50, 100), ("p", "2024-01", "d2", 90, 100), ("p", "2024-01", "r1", 90, 100),
    ]))
    assert pd.isna(row(rankings, "2024-01", "d1", series="a")["rank_in_parent"])
    assert pd.isna(row(rankings, "2024-01", "d2", series="a")["rank_in_parent"])
    # Tehsils: statewide t3 1st, t2 2nd, t1 3rd; in d1: t2 1st, t1 2nd; t3 alone in d2.
    assert [row(rankings, "2024-01", t, series="a")["rank"] for t in ["t1", "t2", "t3"]] == [3, 2, 1]
    assert [row(rankings, "2024-01", t, series="a")["rank_in_parent"] for t in ["t1", "t2", "t3"]] == [2, 1, 1]
    assert [row(rankings, "2024-01", d, series="p")["rank_in_parent"] for d in ["d1", "d2"]] == [2, 1]
