"""tiles.csv: where each district's tile sits on the district map, checked and made a table.

The file is optional: a data folder without it builds without a map. Given, it places every district-level unit:
each revenue district has a row (unit_id, column, row); a police commissionerate takes the tile of the revenue
district it polices (its counterpart in units.csv), so a pair has one row, either's. scripts/make_tiles.py makes
the file from the districts' coordinates.
"""

from dataclasses import replace

import pandas as pd

from . import schema, typeset
from .checks import (control_characters, each_row, empty_cells, first_of_each_unit, repeated, script_problems,
                     undrawable, whole_number)
from .messages import (EXPECTED_TILE_DISTRICT, EXPECTED_TILE_FOR_EVERY_DISTRICT, EXPECTED_TILE_FREE,
                       EXPECTED_TILE_LABEL, EXPECTED_TILE_PAIR_ONCE, EXPECTED_TILE_PLACE, EXPECTED_UNIT)
from .problems import Problem
from .reader import filled
from .units import counterparts


def check_tiles(tiles, units):
    """Every problem of tiles.csv, against a units.csv that could be read (units: its Cells, or None)."""
    frame = tiles.frame
    problems = [*empty_cells(tiles, schema.TILE_COLUMNS), *repeated(frame, ["unit_id"], "unit_id"), *places(frame),
                *labels(frame)]
    if units is not None:
        problems += [*unit_problems(frame, units.frame), *missing_districts(tiles, units.frame)]
    return problems


def places(frame):
    """Columns and rows are whole numbers within the grid; no two tiles share a cell."""
    limit = schema.TILE_GRID_LIMIT - 1
    place = {}
    for column in ("column", "row"):
        place[column] = whole_number(frame[column], 0, limit)
        bad = filled(frame, column) & place[column].isna().to_numpy()
        yield from each_row(frame, bad, column, EXPECTED_TILE_PLACE, lambda row: {"limit": limit})
    placed = frame.assign(column=place["column"], row=place["row"]).dropna(subset=["column", "row"])
    placed = placed.loc[filled(placed, "unit_id")]
    again = placed.duplicated(["column", "row"]).to_numpy()
    first = placed.groupby(["column", "row"])[["unit_id", "line"]].transform("first")
    placed = placed.assign(first_unit=first["unit_id"], first_line=first["line"])
    yield from each_row(placed, again, "unit_id", EXPECTED_TILE_FREE,
                        lambda row: {"unit": row["first_unit"], "first_line": int(row["first_line"]),
                                     "column": int(row["column"]), "row": int(row["row"])})


def labels(frame):
    """A label fits its tile, measured in the fonts that draw it at the smallest size a label is drawn (a count of
    letters let "Lakhimpur Kh" run into its neighbour); Hindi in Unicode Devanagari (as names are), without control
    characters, in letters the fonts draw."""
    room = schema.TILE_LABEL_ROOM
    for column in schema.TILE_LABELS:
        width = frame[column].map(lambda label: typeset.width(label, schema.TILE_LABEL_SMALLEST)
                                  if isinstance(label, str) else 0)
        wide = (width > room).to_numpy()
        yield from each_row(frame.assign(width=width), wide, column, EXPECTED_TILE_LABEL,
                            lambda row: {"width": f"{row['width']:.0f}", "room": room})
    as_names = frame.rename(columns=dict(zip(schema.TILE_LABELS, schema.NAMES)))
    for problem in [*script_problems(as_names), *control_characters(as_names, schema.NAMES),
                    *undrawable(as_names, schema.NAMES)]:
        yield replace(problem, column=schema.TILE_LABELS[schema.NAMES.index(problem.column)])


def unit_problems(frame, units_frame):
    """A tile's unit is a district-level unit of units.csv, and a pair of counterparts has one tile."""
    units = first_of_each_unit(units_frame)
    given = frame.loc[filled(frame, "unit_id")]
    known = given["unit_id"].isin(units.index).to_numpy()
    level = given["unit_id"].map(units["level"])
    district = known & level.eq(schema.TILE_LEVEL).to_numpy()
    yield from each_row(given, ~known, "unit_id", EXPECTED_UNIT)
    yield from each_row(given.assign(actual=level), known & ~district, "unit_id", EXPECTED_TILE_DISTRICT,
                        lambda row: {"actual": row["actual"]})
    pairs = counterparts(units_frame.loc[filled(units_frame, "id")])
    first_line = {}
    for row in given.loc[district].drop_duplicates("unit_id").to_dict("records"):
        other = pairs.get(row["unit_id"])
        if other in first_line:
            yield Problem(row["file"], int(row["line"]), "unit_id", row["unit_id"], EXPECTED_TILE_PAIR_ONCE,
                          {"counterpart": other, "first_line": first_line[other]})
        first_line[row["unit_id"]] = int(row["line"])


def missing_districts(tiles, units_frame):
    """A district-level unit with no tile of its own nor its counterpart's: told once per unit (a pair once, by
    the first of the two in units.csv), as a row tiles.csv lacks."""
    listed = set(tiles.frame.loc[filled(tiles.frame, "unit_id"), "unit_id"])
    if not tiles.headers or "unit_id" not in next(iter(tiles.headers.values())):
        return
    pairs = counterparts(units_frame.loc[filled(units_frame, "id")])
    districts = units_frame.loc[units_frame["level"].eq(schema.TILE_LEVEL).to_numpy()
                                & filled(units_frame, "id"), "id"].drop_duplicates()
    told = set()
    for unit_id in districts:
        if unit_id not in listed and pairs.get(unit_id) not in listed | told:
            told.add(unit_id)
            yield Problem(schema.TILES_FILE, None, "unit_id", unit_id, EXPECTED_TILE_FOR_EVERY_DISTRICT)


def tiles_frame(frame, units):
    """Every district-level unit's tile, a commissionerate at its counterpart's, as a table: index unit id;
    column, row, the labels (short_en, short_hi), shared (True for the one that takes its counterpart's tile)."""
    own = {row["unit_id"]: (int(row["column"]), int(row["row"]), *(row[c] for c in schema.TILE_LABELS))
           for row in frame.to_dict("records")}
    rows = []
    for unit_id in units.index[units["level"].eq(schema.TILE_LEVEL)]:
        tile = own.get(unit_id) or own[units.at[unit_id, "counterpart"]]
        rows.append((unit_id, *tile, unit_id not in own))
    return pd.DataFrame(rows, columns=["unit_id", "column", "row", *schema.TILE_LABELS, "shared"]).set_index("unit_id")
