"""The data contract (DATA.md) as constants: the files, their columns, patterns and limits; the levels and the
name columns are read from vocabulary.py.

Every other module imports its column names from here, so a column is spelled once.
"""

import re

from .vocabulary import LEVELS as _LEVELS, name_columns

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The letters of each script a language's names may be written in (vocabulary.LanguageInfo.script): a name in
# a column of Devanagari with none of them was typed in a legacy font, or lost to "?" (checks.script_problems).
SCRIPT_LETTERS = {"Deva": re.compile(r"[\u0900-\u097F\uA8E0-\uA8FF]")}

# The level a unit's parent must have, and the levels that must have a parent (vocabulary.py describes each
# level); a district may also be top-level (police commissionerates, revenue districts).
PARENT_LEVEL = {level.id: level.parent for level in _LEVELS if level.parent}
PARENT_REQUIRED = {level.id for level in _LEVELS if level.parent_required}

UNITS_FILE = "units.csv"
# Sheets as the state sent them, uploaded by staff without Python: incoming/<series>/, imported by the workflow
# (`make import-incoming`) into the series' month file and removed in the same commit.
INCOMING_FOLDER = "incoming"
SERIES_FILE = "series.csv"

# The name columns are the vocabulary's languages': a language added there is a column required here.
NAMES = name_columns()
UNIT_COLUMNS_REQUIRED = ("id", "level", *NAMES)
UNIT_COLUMNS_OPTIONAL = ("parent", "formerly", "counterpart", "other_names")
# other_names: the other names people use for a unit (Allahabad, Noida), in either script, separated by this.
OTHER_NAMES_SEPARATOR = "|"
# The level of a unit that may have a counterpart (the same area in the other hierarchy: a police
# commissionerate and the revenue district it polices), and of the counterpart.
COUNTERPART_LEVEL = "district"

# The district map's places (optional): a tile per district, on a grid of at most TILE_GRID_LIMIT columns and rows.
TILES_FILE = "tiles.csv"
TILE_LEVEL = "district"  # the level of the units a tile stands for
# A tile's label in each language (the name, or a shorter form of it), a column per language as the names.
TILE_LABELS = tuple(name.replace("name_", "short_") for name in NAMES)
TILE_COLUMNS = ("unit_id", "column", "row", *TILE_LABELS)
TILE_GRID_LIMIT = 40
# The tiles as drawn (render/charts/kinds.tiles_spec): TILE_WIDTH × TILE_HEIGHT pixels apart, TILE_GAP of white
# between; a label at TILE_LABEL_SIZE, smaller where a name needs, never below TILE_LABEL_SMALLEST, within
# TILE_LABEL_ROOM pixels of its tile's width. Validation measures each label so (data/typeset.py). Wider than tall:
# at 44 px every label of the sample's districts fits at 7 px or more in both languages.
TILE_WIDTH, TILE_HEIGHT, TILE_GAP, TILE_LABEL_SIZE, TILE_LABEL_SMALLEST = 44, 34, 2, 8.5, 6.5
TILE_LABEL_ROOM = TILE_WIDTH - TILE_GAP - 3

SERIES_COLUMNS_REQUIRED = ("id", *NAMES)
SERIES_COLUMNS_OPTIONAL = ()

MONTH_COLUMNS_REQUIRED = ("unit_id", "marks", "max_marks")
# Counts published beside the marks; whole numbers >= 0.
COUNT_COLUMNS = (
    "complaints_received",
    "complaints_disposed",
    "complaints_defaulted",
    "feedback_total",
    "feedback_unsatisfied",
)
# (smaller, larger): the first may not exceed the second on the same row.
COUNT_BOUNDS = (
    ("complaints_disposed", "complaints_received"),
    ("feedback_unsatisfied", "feedback_total"),
)
# For the reader of the file only; where present they must match units.csv.
ECHO_COLUMNS = (*NAMES, "level")
MONTH_COLUMNS_OPTIONAL = ("rank",) + COUNT_COLUMNS + ECHO_COLUMNS

# Columns of the published download /data/<series>/<YYYY-MM>.csv, before the optional counts given.
DOWNLOAD_COLUMNS = (
    "unit_id",
    "level",
    "parent",
    *NAMES,
    "marks",
    "max_marks",
    "percent",
    "rank",
    "rank_in_parent",
    "previous_rank",
    "rank_change",
)

# Limits that keep every name a file name and every number a number a page can show (README, data format page).
ID_MAX_LENGTH = 100  # an id is a folder name on every page's path; file systems allow 255 bytes
MAX_MARKS_LIMIT = 10_000  # real max marks are 90 to 130
RANK_LIMIT = 100_000  # more than the units of any level
COUNT_LIMIT = 10_000_000  # complaints or feedback of one unit in one month
