"""The month files: every row of every month of every series, checked together and made one table of marks."""

import unicodedata

import numpy as np
import pandas as pd

from . import schema
from .checks import each_row, empty_cells, first_of_each_unit, number, repeated, whole_number
from .messages import (EXPECTED_COUNT, EXPECTED_COUNT_UP_TO, EXPECTED_CURRENT_UNIT, EXPECTED_MARKS,
                       EXPECTED_MARKS_UP_TO, EXPECTED_MAX_MARKS, EXPECTED_RANK, EXPECTED_RANK_OF_RANKED,
                       EXPECTED_ROWS, EXPECTED_SAME_AS_UNITS,
                       EXPECTED_UNIT)
from .problems import Problem, indian
from .reader import filled
from .units import former_ids


def check_marks(cells, units, written):
    """Every row of every monthly file at once. units is None when units.csv had no ids to check against."""
    frame = cells.frame
    with_rows = set(frame["file"])
    problems = [
        *(Problem(file, None, None, None, EXPECTED_ROWS) for file in cells.headers if file not in with_rows),
        *empty_cells(cells, schema.MONTH_COLUMNS_REQUIRED),
        *repeated(frame, ["file", "unit_id"], "unit_id"),
        *marks_problems(frame, written),
        *whole_number_problems(frame, "rank", 1, schema.RANK_LIMIT, EXPECTED_RANK, written),
    ]
    for column in schema.COUNT_COLUMNS:
        problems += whole_number_problems(frame, column, 0, schema.COUNT_LIMIT, EXPECTED_COUNT, written)
    for smaller, larger in schema.COUNT_BOUNDS:
        problems += count_bound_problems(frame, smaller, larger, written)
    if units is not None:
        units_by_id = first_of_each_unit(units.frame)
        unit_row = units_by_id.index.get_indexer(frame["unit_id"])  # -1 where units.csv lacks the unit_id
        problems += unit_id_problems(frame, units.frame, unit_row >= 0)
        for column in schema.ECHO_COLUMNS:
            problems += echo_problems(frame, units_by_id, unit_row, column)
        problems += rank_of_ranked_problems(frame, units_by_id, unit_row, written)
    return problems


def marks_problems(frame, written):
    """max_marks > 0; 0 ≤ marks ≤ max_marks, told with the row's max_marks where that one is right."""
    max_marks = number(frame["max_marks"])
    marks = number(frame["marks"])
    good_max = ((max_marks > 0) & (max_marks <= schema.MAX_MARKS_LIMIT)).to_numpy()
    bad_max = filled(frame, "max_marks") & ~good_max
    bad_marks = filled(frame, "marks") & ~(marks >= 0).to_numpy()
    bad_marks |= good_max & (marks > max_marks).to_numpy()

    yield from each_row(frame, bad_max, "max_marks", EXPECTED_MAX_MARKS,
                        lambda row: {"limit": indian(schema.MAX_MARKS_LIMIT)}, value=written.of("max_marks"))
    max_marks_written = written.of("max_marks")
    yield from each_row(
        frame, bad_marks & good_max, "marks", EXPECTED_MARKS_UP_TO,
        lambda row: {"max_marks": max_marks_written(row)}, value=written.of("marks"),
    )
    yield from each_row(frame, bad_marks & ~good_max, "marks", EXPECTED_MARKS, value=written.of("marks"))


def whole_number_problems(frame, column, least, most, expected, written):
    bad = filled(frame, column) & whole_number(frame[column], least, most).isna().to_numpy()
    return each_row(frame, bad, column, expected, lambda row: {"limit": indian(most)}, value=written.of(column))


def rank_of_ranked_problems(frame, units_by_id, unit_row, written):
    """An official rank no larger than the number of units of its level in its file ("rank 75 of 4" is a typo).

    unit_row: each row's unit as a position in units_by_id, -1 for a unit_id units.csv lacks (not counted)."""
    known = unit_row >= 0
    # One None appended: a unit_id units.csv lacks (-1) finds it.
    levels = np.append(units_by_id["level"].to_numpy(dtype=object), None)
    level = pd.Series(levels[unit_row], index=frame.index)
    ranked = level.groupby([frame["file"], level]).transform("size")
    rank = whole_number(frame["rank"], 1, schema.RANK_LIMIT)
    over = (rank > ranked).to_numpy(dtype=bool, na_value=False) & known
    return each_row(frame.assign(ranked=ranked), over, "rank", EXPECTED_RANK_OF_RANKED,
                    lambda row: {"count": indian(int(row["ranked"]))}, value=written.of("rank"))


def count_bound_problems(frame, smaller, larger, written):
    """disposed ≤ received, unsatisfied ≤ total, where both are whole numbers."""
    limit = schema.COUNT_LIMIT
    over = (whole_number(frame[smaller], 0, limit) > whole_number(frame[larger], 0, limit)).to_numpy(
        dtype=bool, na_value=False)
    larger_written = written.of(larger)
    return each_row(
        frame, over, smaller, EXPECTED_COUNT_UP_TO,
        lambda row: {"bound_column": larger, "bound": larger_written(row)}, value=written.of(smaller),
    )


def unit_id_problems(frame, units, known):
    """Every unit_id must be in units.csv (known); an earlier id is told with the id to use now."""
    unknown = filled(frame, "unit_id") & ~known
    current = former_ids(units).drop_duplicates("former").set_index("former")["id"]
    renamed = unknown & frame["unit_id"].isin(current.index).to_numpy()
    yield from each_row(
        frame, renamed, "unit_id", EXPECTED_CURRENT_UNIT, lambda row: {"current": current[row["unit_id"]]}
    )
    yield from each_row(frame, unknown & ~renamed, "unit_id", EXPECTED_UNIT)


def comparable(values):
    """Text as compared with units.csv: Unicode NFC, single spaces."""
    return np.array([" ".join(unicodedata.normalize("NFC", value).split()) for value in values], dtype=object)


def echo_problems(frame, units_by_id, unit_row, column):
    """The names (schema.NAMES) and level, where a file gives them, must be what units.csv says for the unit.

    unit_row: each row's unit as a position in units_by_id, -1 for a unit_id units.csv lacks.
    """
    said = frame[column].to_numpy(dtype=object)
    # One "" appended: a unit_id units.csv lacks (-1) finds it, and is not compared.
    expected = np.append(units_by_id[column].fillna("").to_numpy(dtype=object), "")[unit_row]
    differ = filled(frame, column) & (expected != "") & (said != expected)
    # Most rows agree exactly; only the others are normalised and compared again.
    differ[differ] = comparable(said[differ]) != comparable(expected[differ])
    return each_row(
        frame.assign(units_value=expected), differ, column, EXPECTED_SAME_AS_UNITS,
        lambda row: {"unit_id": row["unit_id"], "units_value": row["units_value"]},
    )


def marks_frame(frame, months):
    """The checked rows as numbers: one row per series, month and unit, in file order."""
    marks = pd.DataFrame(
        {
            "series": frame["file"].map({file: series_id for file, (series_id, _) in months.items()}),
            "month": frame["file"].map({file: month for file, (_, month) in months.items()}),
            "unit_id": frame["unit_id"],
            "marks": number(frame["marks"]) + 0.0,  # -0 is 0 (a page would say "-0%")
            "max_marks": number(frame["max_marks"]),
            "official_rank": whole_number(frame["rank"], 1, schema.RANK_LIMIT),
            **{column: whole_number(frame[column], 0, schema.COUNT_LIMIT) for column in schema.COUNT_COLUMNS},
            "file": frame["file"],
            "line": frame["line"].astype(int),
        }
    )
    text = ["series", "month", "unit_id", "file"]
    return marks.astype({column: "str" for column in text}).reset_index(drop=True)
