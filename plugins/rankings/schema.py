"""The data contract (DATA.md) as constants: one place that names every level, column and rule.

Every other module imports its column names from here, so a column is spelled once.
"""

import re

from .vocabulary import LEVEL_IDS as LEVELS, LEVELS as _LEVELS  # noqa: F401 (schema.LEVELS: the contract's levels)

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MONTH_FILE_PATTERN = re.compile(r"^(\d{4})-(\d{2})\.csv$")
DEVANAGARI = re.compile(r"[\u0900-\u097F\uA8E0-\uA8FF]")

# The level a unit's parent must have, and the levels that must have a parent (vocabulary.py describes each
# level); a district may also be top-level (police commissionerates, revenue districts).
PARENT_LEVEL = {level.id: level.parent for level in _LEVELS if level.parent}
PARENT_REQUIRED = {level.id for level in _LEVELS if level.parent_required}

UNITS_FILE = "units.csv"
SERIES_FILE = "series.csv"

UNIT_COLUMNS_REQUIRED = ("id", "level", "name_en", "name_hi")
UNIT_COLUMNS_OPTIONAL = ("parent", "formerly", "counterpart")
# The level of a unit that may have a counterpart (the same area in the other hierarchy: a police
# commissionerate and the revenue district it polices), and of the counterpart.
COUNTERPART_LEVEL = "district"

SERIES_COLUMNS_REQUIRED = ("id", "name_en", "name_hi")
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
ECHO_COLUMNS = ("name_hi", "name_en", "level")
MONTH_COLUMNS_OPTIONAL = ("rank",) + COUNT_COLUMNS + ECHO_COLUMNS

# Columns of the published download /data/<series>/<YYYY-MM>.csv, before the optional counts given.
DOWNLOAD_COLUMNS = (
    "unit_id",
    "level",
    "parent",
    "name_en",
    "name_hi",
    "marks",
    "max_marks",
    "percent",
    "rank",
    "rank_in_parent",
    "previous_rank",
    "rank_change",
)
