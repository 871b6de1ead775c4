"""Read a data folder (DATA.md) into tables, and find every problem in every file in one run: the front of the
data stage. folder.py says which files there are, reader.py reads them, units.py, series.py and marks.py check
them (all rows of all month files together) and make the tables ranking takes.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from .folder import month_files, this_month
from .marks import check_marks, marks_frame
from .problems import DataError
from .reader import Written, filled, read_cells
from .series import check_series, series_frame
from .tiles import check_tiles, tiles_frame
from .units import check_units, former_ids, units_frame


logger = logging.getLogger(__name__)

UNIT_COLUMNS = schema.UNIT_COLUMNS_REQUIRED + schema.UNIT_COLUMNS_OPTIONAL
SERIES_COLUMNS = schema.SERIES_COLUMNS_REQUIRED + schema.SERIES_COLUMNS_OPTIONAL
MONTH_COLUMNS = schema.MONTH_COLUMNS_REQUIRED + schema.MONTH_COLUMNS_OPTIONAL


@dataclass
class Dataset:
    folder: Path
    # index id; level, parent (NA when none), name_en, name_hi, formerly (tuple of ids), counterpart (id or None)
    units: pd.DataFrame
    series: pd.DataFrame  # index id; name_en, name_hi
    marks: pd.DataFrame  # one row per series, month and unit: marks, max_marks, official_rank, counts, file, line
    columns_given: dict  # (series, month) -> the COUNT_COLUMNS that month's file has, in schema order
    # index district id; column, row, shared (a commissionerate at its counterpart's tile); None: no tiles.csv
    tiles: pd.DataFrame | None = None


def load(folder, today=None):
    """The data folder's tables, or DataError with every problem. today: the date that decides which months
    have happened (by default today in India)."""
    folder = Path(folder)
    problems = []
    units = read_cells(folder, [schema.UNITS_FILE], schema.UNIT_COLUMNS_REQUIRED, UNIT_COLUMNS, problems)
    series = read_cells(folder, [schema.SERIES_FILE], schema.SERIES_COLUMNS_REQUIRED, SERIES_COLUMNS, problems)
    problems += check_units(units)
    problems += check_series(series)

    months = month_files(folder, known_ids(series), problems, this_month(today))
    marks = read_cells(folder, list(months), schema.MONTH_COLUMNS_REQUIRED, MONTH_COLUMNS, problems)
    # Against a units.csv without ids every unit_id would look unknown; its own problems say enough.
    problems += check_marks(marks, units if known_ids(units) is not None else None, Written(folder))
    tiles = None
    if (folder / schema.TILES_FILE).exists() or (folder / schema.TILES_FILE).is_symlink():
        tiles = read_cells(folder, [schema.TILES_FILE], schema.TILE_COLUMNS, schema.TILE_COLUMNS, problems)
        problems += check_tiles(tiles, units if known_ids(units) is not None else None)

    if problems:
        raise DataError(problems)
    dataset = Dataset(
        folder=folder,
        units=units_frame(units.frame),
        series=series_frame(series.frame),
        marks=marks_frame(marks.frame, months),
        columns_given={
            months[file]: tuple(column for column in schema.COUNT_COLUMNS if column in header)
            for file, header in marks.headers.items()
        },
    )
    if tiles is not None:
        dataset.tiles = tiles_frame(tiles.frame, dataset.units)
    logger.info(
        "%s: %d units, %d series, %d monthly files, %d rows of marks, %s",
        folder, len(dataset.units), len(dataset.series), len(months), len(dataset.marks),
        f"{len(dataset.tiles)} districts on the map" if tiles is not None else f"no map ({schema.TILES_FILE} absent)",
    )
    return dataset


def known_ids(cells):
    """The ids a units.csv or series.csv gives, or None when it could not be read or has no id column."""
    if not any("id" in header for header in cells.headers.values()):
        return None
    ids = cells.frame["id"]
    return set(ids[filled(cells.frame, "id")])


@dataclass
class Definitions:
    """A data folder's units.csv, read and checked once, against which earlier versions of its month files are
    checked (load_version): the git history holds hundreds of them."""
    units: object  # reader.Cells of units.csv
    current_ids: dict  # earlier id → the id its unit has now (units.csv's formerly)


def load_definitions(folder):
    """The Definitions of a data folder whose units.csv validates (it did: the folder was loaded)."""
    problems = []
    units = read_cells(folder, [schema.UNITS_FILE], schema.UNIT_COLUMNS_REQUIRED, UNIT_COLUMNS, problems)
    problems += check_units(units)
    if problems:
        raise DataError(problems)
    former = former_ids(units.frame)
    return Definitions(units, dict(zip(former["former"], former["id"])))


def load_version(folder, file, definitions):
    """The marks of one month's file (file: "police/2024-12.csv" in folder) as an earlier version of it is
    checked: as load checks it, against today's units, but with each earlier id read as the unit's id now and
    the echoed names and level not compared. A name corrected in units.csv since, or an id renamed, is no reason
    to think the version was never published. DataError where it would not have validated then either."""
    series_id, _, name = file.partition("/")
    problems = []
    marks = read_cells(folder, [file], schema.MONTH_COLUMNS_REQUIRED, MONTH_COLUMNS, problems)
    marks.frame["unit_id"] = marks.frame["unit_id"].replace(definitions.current_ids)
    marks.frame[list(schema.ECHO_COLUMNS)] = np.nan
    problems += check_marks(marks, definitions.units, Written(folder))
    if problems:
        raise DataError(problems)
    return marks_frame(marks.frame, {file: (series_id, name.removesuffix(".csv"))})
