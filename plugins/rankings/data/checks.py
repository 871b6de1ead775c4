"""Checks every kind of file shares: a cell filled in, an id well formed and given once, text without control
characters and in letters the pictures' fonts draw, Hindi in Unicode, a number that is one. Each gives a Problem
for every row it finds wrong, looking at a whole column at once (masks), and visiting only the wrong rows one by
one, to describe them.
"""

import re

import numpy as np
import pandas as pd

from . import schema, typeset
from .messages import (EXPECTED_DEVANAGARI, EXPECTED_DEVANAGARI_NOT_LOST, EXPECTED_DRAWABLE, EXPECTED_ID,
                       EXPECTED_ID_LENGTH, EXPECTED_ID_ONCE, EXPECTED_NO_CONTROL, EXPECTED_VALUE)
from .problems import Problem
from .reader import filled, is_number_dtype
from .vocabulary import LANGUAGES

CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
# "?" and no letters: Excel's "CSV (Comma delimited)" replaces every Hindi letter with "?".
HINDI_LOST = r"[^A-Za-z]*\?[^A-Za-z]*"


def each_row(frame, mask, column, expected, params=None, value=None):
    """A Problem for every row where mask holds; params(row) gives its %(name)s values, value(row) the cell."""
    if not mask.any():
        return
    for row in frame.loc[mask].to_dict("records"):
        yield Problem(
            row["file"],
            int(row["line"]),
            column,
            value(row) if value else row[column],
            expected,
            params(row) if params else {},
        )


def empty_cells(cells, columns):
    """Required cells left empty, in the files whose header has the column (a missing column is told once)."""
    for column in columns:
        files = [file for file, header in cells.headers.items() if column in header]
        empty = ~filled(cells.frame, column)
        if len(files) < len(cells.headers):
            empty &= cells.frame["file"].isin(files).to_numpy()
        yield from each_row(cells.frame, empty, column, EXPECTED_VALUE, value=lambda row: "")


def bad_ids(frame, column):
    well_formed = frame[column].str.fullmatch(schema.ID_PATTERN.pattern).to_numpy(dtype=bool, na_value=False)
    too_long = well_formed & frame[column].str.len().gt(schema.ID_MAX_LENGTH).to_numpy(dtype=bool, na_value=False)
    yield from each_row(frame, filled(frame, column) & ~well_formed, column, EXPECTED_ID)
    yield from each_row(frame, too_long, column, EXPECTED_ID_LENGTH, lambda row: {"limit": schema.ID_MAX_LENGTH})


def control_characters(frame, columns):
    """Text with control characters (NUL, ESC, bidirectional overrides) is never a real name."""
    for column in columns:
        bad = frame[column].str.contains(CONTROL).to_numpy(dtype=bool, na_value=False)
        yield from each_row(frame, bad, column, EXPECTED_NO_CONTROL)


def undrawable(frame, columns):
    """Names with characters the pictures' fonts cannot draw (an emoji, Arabic, Chinese, Ω): each would be an empty
    box on a chart or a share picture. Control characters are told as such (control_characters)."""
    for column in columns:
        values = frame[column].where(filled(frame, column), "")
        characters = set("".join(values))
        missing = {character for character in characters
                   if typeset.missing(character) and not re.fullmatch(CONTROL, character)}
        if not missing:
            continue
        found = values.map(lambda text: "".join(sorted(set(text) & missing)))
        yield from each_row(frame.assign(missing=found), found.ne("").to_numpy(), column, EXPECTED_DRAWABLE,
                            lambda row: {"characters": " ".join(row["missing"])})


def repeated(frame, keys, column):
    """Every occurrence after the first of the same value in column (per keys), naming the first line."""
    given = frame.loc[filled(frame, column)]
    again = given.duplicated(keys).to_numpy()
    if not again.any():
        return []
    given = given.assign(first_line=given.groupby(keys)["line"].transform("min"))
    return each_row(given, again, column, EXPECTED_ID_ONCE, lambda row: {"first_line": row["first_line"]})


def script_problems(frame):
    """A name in a column of Devanagari (name_hi) without a Devanagari letter was typed in a legacy font such as
    Kruti Dev, or lost to "?" by a save that was not UTF-8."""
    for info in LANGUAGES.values():
        letters = schema.SCRIPT_LETTERS.get(info.script)
        if letters is None:
            continue
        column = info.name_column
        text = frame[column].fillna("")
        none = filled(frame, column) & ~text.str.contains(letters.pattern).to_numpy(dtype=bool)
        lost = text.str.fullmatch(HINDI_LOST).to_numpy(dtype=bool)
        yield from each_row(frame, none & lost, column, EXPECTED_DEVANAGARI_NOT_LOST)
        yield from each_row(frame, none & ~lost, column, EXPECTED_DEVANAGARI)


def first_of_each_unit(frame):
    """The units with an id, the first row of each (a repeated id is a problem of its own)."""
    return frame.loc[filled(frame, "id")].drop_duplicates("id").set_index("id")


def number(values):
    """The cells as numbers; NaN where a cell is empty, not a number, or infinite."""
    if not is_number_dtype(values.dtype):
        values = pd.to_numeric(values, errors="coerce")  # only for files with a cell that is not a number
    values = values.astype(float)
    return values.where(np.isfinite(values))


def whole_number(values, least, most):
    """The cells as whole numbers from least to most ("12.0" is whole), NA where a cell is empty or not such a
    number (a number too large for a page is not one: it would not fit the table's integers either)."""
    numbers = number(values)
    whole = (numbers >= least) & (numbers <= most) & (numbers == np.floor(numbers))
    return numbers.where(whole).astype("Int64")
