"""Read a data folder (DATA.md) into tables, and find every problem in every file in one run.

Each file is decoded and split into cells whole; the checks are pandas masks over a column at a time, and
only the rows found wrong are visited one by one, to describe them. Lines are numbered as a spreadsheet
shows them: the header is line 1, an empty line still counts, and a cell with a line break inside stays
on one line. Empty rows, and empty columns without a name (both left behind by spreadsheets), are ignored.
"""

import csv
import difflib
import io
import logging
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from .problems import N_, DataError, Problem

logger = logging.getLogger(__name__)

# What was expected, for each kind of problem. Staff read these (translated to Hindi later): plain words.

# Whole files and folders
EXPECTED_UTF8_NOT_UTF16 = N_(
    "a file saved as “CSV UTF-8”; this one was saved as UTF-16 (“Unicode text”): "
    "open it and save it again as “CSV UTF-8”"
)
EXPECTED_UTF8_NOT_LEGACY = N_(
    "a file saved as “CSV UTF-8”; this one is in an older encoding and cannot be read from this line on: "
    "open it and save it again as “CSV UTF-8”"
)
EXPECTED_CSV = N_("a CSV file: save this spreadsheet as “CSV UTF-8”, named after its month, e.g. 2024-12.csv")
EXPECTED_READABLE_CSV = N_("a CSV file that can be read (%(error)s)")
EXPECTED_FILE = N_("this file in the data folder; it is required")
EXPECTED_MONTH_NAME = N_("a file named after a real month, YYYY-MM.csv, e.g. 2024-12.csv")
EXPECTED_SERIES_FOLDER = N_("a folder named after a series id in series.csv (%(series)s)")

# The header row
EXPECTED_COLUMN = N_("a column named %(column)s; it is required")
EXPECTED_KNOWN_COLUMN = N_("one of the columns this file may have: %(known)s")
EXPECTED_KNOWN_COLUMN_LIKE = N_("one of the columns this file may have; did you mean %(suggestion)s?")
EXPECTED_COLUMN_ONCE = N_("each column once; column %(first)s has the same name")
EXPECTED_COLUMN_NAME = N_("a name in the header row for column %(letter)s, which has values")

# Cells
EXPECTED_VALUE = N_("a value; this cell must not be empty")
EXPECTED_ID = N_("an id of small letters a–z and digits, words joined by single hyphens, e.g. kanpur-nagar")
EXPECTED_ID_ONCE = N_("each id only once; it is already on line %(first_line)s")
EXPECTED_LEVEL = N_("one of the levels %(levels)s")
EXPECTED_PARENT = N_("the id of a unit in units.csv")
EXPECTED_PARENT_LEVEL = N_(
    "the id of a %(parent_level)s: the parent of a %(level)s is a %(parent_level)s, and %(parent)s is a %(actual)s"
)
EXPECTED_NO_PARENT = N_("an empty cell: a %(level)s has no parent")
EXPECTED_PARENT_GIVEN = N_("the id of the %(parent_level)s this %(level)s belongs to")
EXPECTED_NO_CYCLE = N_("a chain of parents that ends at the top; this one goes round in a circle: %(chain)s")
EXPECTED_DEVANAGARI = N_(
    "Hindi in Unicode Devanagari; this looks typed in a legacy font such as Kruti Dev: type it again in Unicode"
)
EXPECTED_DEVANAGARI_NOT_LOST = N_(
    "Hindi in Unicode Devanagari; the Hindi letters became “?” when the file was saved: "
    "type them again and save the file as “CSV UTF-8”"
)
EXPECTED_FORMER_ID = N_("an earlier id that no unit has now; it is the id of the unit on line %(unit_line)s")
EXPECTED_FORMER_ID_ONCE = N_("an earlier id of one unit only; %(unit)s on line %(first_line)s lists it too")
EXPECTED_UNIT = N_("a unit id from units.csv")
EXPECTED_CURRENT_UNIT = N_("the unit's current id, %(current)s; this is its earlier id")
EXPECTED_MARKS_UP_TO = N_("a number ≥ 0 and ≤ max_marks (%(max_marks)s)")
EXPECTED_MARKS = N_("a number ≥ 0")
EXPECTED_MAX_MARKS = N_("a number > 0")
EXPECTED_RANK = N_("a whole number ≥ 1, or an empty cell")
EXPECTED_COUNT = N_("a whole number ≥ 0, or an empty cell")
EXPECTED_COUNT_UP_TO = N_("at most %(bound_column)s (%(bound)s)")
EXPECTED_SAME_AS_UNITS = N_(
    "what units.csv says for %(unit_id)s: “%(units_value)s”; was this row filled in against the wrong unit?"
)

SPREADSHEET_SUFFIXES = {".xlsx", ".xls", ".ods"}
UNIT_COLUMNS = schema.UNIT_COLUMNS_REQUIRED + schema.UNIT_COLUMNS_OPTIONAL
SERIES_COLUMNS = schema.SERIES_COLUMNS_REQUIRED + schema.SERIES_COLUMNS_OPTIONAL
MONTH_COLUMNS = schema.MONTH_COLUMNS_REQUIRED + schema.MONTH_COLUMNS_OPTIONAL
# Cells "?" only: Excel's "CSV (Comma delimited)" replaces every Hindi letter with "?".
HINDI_LOST = r"[?\s\W]*\?[?\s\W]*"


@dataclass
class Dataset:
    folder: Path
    units: pd.DataFrame  # index id; level, parent (NA when none), name_en, name_hi, formerly (tuple of ids)
    series: pd.DataFrame  # index id; name_en, name_hi
    marks: pd.DataFrame  # one row per series, month and unit: marks, max_marks, official_rank, counts, file, line
    columns_given: dict  # (series, month) -> the COUNT_COLUMNS that month's file has, in schema order


@dataclass
class Table:
    """A CSV file's known columns as stripped text; one row per non-empty spreadsheet line."""

    header: tuple  # the known columns named in the header, in the file's order
    cells: pd.DataFrame  # file, line, then every known column (NA where the header lacks it)


def load(folder):
    folder = Path(folder)
    problems = []
    units = read_table(folder, schema.UNITS_FILE, schema.UNIT_COLUMNS_REQUIRED, UNIT_COLUMNS, problems)
    series = read_table(folder, schema.SERIES_FILE, schema.SERIES_COLUMNS_REQUIRED, SERIES_COLUMNS, problems)
    if units is not None:
        problems += check_units(units.cells)
    if series is not None:
        problems += check_series(series.cells)

    series_ids = known_ids(series)
    months = list(month_files(folder, series_ids, problems))
    tables = {
        (series_id, month, file): read_table(
            folder, file, schema.MONTH_COLUMNS_REQUIRED, MONTH_COLUMNS, problems
        )
        for series_id, month, file in months
    }
    tables = {key: table for key, table in tables.items() if table is not None}
    marks = marks_cells(tables)
    problems += check_marks(marks, units.cells if known_ids(units) is not None else None)

    if problems:
        raise DataError(problems)
    dataset = Dataset(
        folder=folder,
        units=units_frame(units.cells),
        series=series.cells.set_index("id")[["name_en", "name_hi"]],
        marks=marks_frame(marks),
        columns_given={
            (series_id, month): tuple(c for c in schema.COUNT_COLUMNS if c in table.header)
            for (series_id, month, _), table in tables.items()
        },
    )
    logger.info(
        "%s: %d units, %d series, %d monthly files, %d rows of marks",
        folder, len(dataset.units), len(dataset.series), len(tables), len(dataset.marks),
    )
    return dataset


def known_ids(table):
    """The ids a units.csv or series.csv gives, or None when it could not be read or has no id column."""
    if table is None or "id" not in table.header:
        return None
    ids = table.cells["id"]
    return set(ids[ids.ne("")])


# ---- The folder


def month_files(folder, series_ids, problems):
    """(series, month, file) for every month file, sorted; folders and files that do not belong are problems.

    When series.csv could not be read, every folder is taken for a series so that its files are still checked.
    """
    folders = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir():
            if entry.name not in (schema.UNITS_FILE, schema.SERIES_FILE):
                logger.debug("%s: ignored", entry)
            continue
        if series_ids is None or entry.name in series_ids:
            folders.append(entry)
        else:
            known = ", ".join(sorted(series_ids))
            problems.append(Problem(entry.name, None, None, entry.name, EXPECTED_SERIES_FOLDER, {"series": known}))

    for series_folder in folders:
        for entry in sorted(series_folder.iterdir()):
            if entry.name.startswith("."):
                continue
            file = f"{series_folder.name}/{entry.name}"
            if entry.is_file() and is_month_file(entry.name):
                yield series_folder.name, entry.name[:7], file
            elif entry.suffix.lower() in SPREADSHEET_SUFFIXES:
                problems.append(Problem(file, None, None, entry.name, EXPECTED_CSV))
            else:
                problems.append(Problem(file, None, None, entry.name, EXPECTED_MONTH_NAME))


def is_month_file(name):
    match = schema.MONTH_FILE_PATTERN.match(name)
    return bool(match) and 1 <= int(match.group(2)) <= 12


# ---- One file: bytes, text, cells


def read_table(folder, file, required, known, problems):
    """The file's cells, or None when it is missing or cannot be read at all (the problem is added)."""
    path = folder / file
    if not path.is_file():
        problems.append(Problem(file, None, None, None, EXPECTED_FILE))
        return None
    text = decode(path.read_bytes(), file, problems)
    if text is None:
        return None
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        problems.append(Problem(file, None, None, None, EXPECTED_READABLE_CSV, {"error": str(error)}))
        return None

    header = [name.strip() for name in records[0]] if records else []
    body = records[1:]
    columns = list(zip_longest(*body, fillvalue=""))
    positions = sort_out_header(file, header, columns, required, known, problems)

    empty = ("",) * len(body)
    cells = pd.DataFrame(
        {name: columns[position] if position < len(columns) else empty for name, position in positions.items()},
        columns=list(known),
        dtype="str",
    )
    cells.insert(0, "line", np.arange(2, len(body) + 2))
    cells.insert(0, "file", file)
    return Table(header=tuple(positions), cells=tidy(cells, known))


def decode(data, file, problems):
    """The file's text; None, with one problem, when it is not UTF-8 (a UTF-8 byte-order mark is fine)."""
    # UTF-16 comes first: plain Latin text in UTF-16 without a byte-order mark is valid UTF-8, NULs and all.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.count(b"\x00") > len(data) // 10 > 0:
        problems.append(Problem(file, None, None, None, EXPECTED_UTF8_NOT_UTF16))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line_end = data.find(b"\n", error.start)
        line_text = data[line_start : line_end if line_end >= 0 else len(data)]
        shown = line_text.decode("utf-8", errors="replace").strip()[:60]
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(Problem(file, line, None, shown, EXPECTED_UTF8_NOT_LEGACY))
        return None


def sort_out_header(file, header, columns, required, known, problems):
    """{known column: its position}; unknown, repeated, unnamed and missing columns are problems."""
    positions = {}
    for position in range(max(len(header), len(columns))):
        name = header[position] if position < len(header) else ""
        if name == "":
            problems += unnamed_column(file, position, columns[position] if position < len(columns) else ())
        elif name in positions:
            params = {"first": column_letter(positions[name])}
            problems.append(Problem(file, 1, name, name, EXPECTED_COLUMN_ONCE, params))
        elif name in known:
            positions[name] = position
        else:
            problems.append(unknown_column(file, name, known))
    for name in required:
        if name not in positions:
            problems.append(Problem(file, 1, name, None, EXPECTED_COLUMN, {"column": name}))
    return positions


def unnamed_column(file, position, values):
    """A column without a name is fine while it is empty (spreadsheets leave such columns behind)."""
    if not "".join(values).strip():
        return []
    row = next(index for index, value in enumerate(values) if value.strip())
    params = {"letter": column_letter(position)}
    return [Problem(file, row + 2, None, values[row].strip(), EXPECTED_COLUMN_NAME, params)]


def unknown_column(file, name, known):
    # Compared in small letters, so "Max Marks" suggests max_marks.
    by_lowercase = {column.lower(): column for column in known}
    close = difflib.get_close_matches(name.lower().replace(" ", "_"), by_lowercase, n=1)
    if close:
        return Problem(file, 1, name, name, EXPECTED_KNOWN_COLUMN_LIKE, {"suggestion": by_lowercase[close[0]]})
    return Problem(file, 1, name, name, EXPECTED_KNOWN_COLUMN, {"known": ", ".join(known)})


def column_letter(position):
    """0 → A, 25 → Z, 26 → AA: the column as a spreadsheet names it."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def tidy(cells, columns):
    """Stray spaces around values are dropped, and so are rows left with nothing in them."""
    columns = list(columns)
    for column in columns:
        cells[column] = cells[column].astype("str").str.strip()
    empty = cells[columns].fillna("").eq("").all(axis=1)
    return cells.loc[~empty].reset_index(drop=True)


# ---- Checks shared by the files


def filled(cells, column):
    """Rows where the column has a value (False where the cell is empty or the header lacks the column)."""
    return cells[column].fillna("").ne("").to_numpy()


def each_row(cells, mask, column, expected, params=None, value=None):
    """A Problem for every row where mask holds; params(row) gives the row's %(name)s values."""
    for row in cells.loc[mask].to_dict("records"):
        yield Problem(
            row["file"], int(row["line"]), column, row[value or column], expected, params(row) if params else {}
        )


def empty_cells(cells, columns):
    for column in columns:
        yield from each_row(cells, cells[column].eq("").to_numpy(dtype=bool, na_value=False), column, EXPECTED_VALUE)


def bad_ids(cells, column):
    ids = cells[column]
    bad = filled(cells, column) & ~ids.str.fullmatch(schema.ID_PATTERN.pattern).fillna(False).to_numpy(dtype=bool)
    return each_row(cells, bad, column, EXPECTED_ID)


def repeated(cells, keys, column):
    """Every occurrence after the first of the same value in column (per keys), naming the first line."""
    given = cells.loc[filled(cells, column)]
    again = given.duplicated(keys)
    first_line = given.groupby(keys)["line"].transform("min")
    given = given.assign(first_line=first_line)
    return each_row(given, again.to_numpy(), column, EXPECTED_ID_ONCE, lambda row: {"first_line": row["first_line"]})


def hindi_problems(cells, column="name_hi"):
    """A Hindi name with no Devanagari was typed in a legacy font, or lost to "?" by a non-UTF-8 save."""
    text = cells[column].fillna("")
    no_devanagari = filled(cells, column) & ~text.str.contains(schema.DEVANAGARI.pattern).to_numpy(dtype=bool)
    lost = text.str.fullmatch(HINDI_LOST).to_numpy(dtype=bool)
    yield from each_row(cells, no_devanagari & lost, column, EXPECTED_DEVANAGARI_NOT_LOST)
    yield from each_row(cells, no_devanagari & ~lost, column, EXPECTED_DEVANAGARI)


# ---- series.csv


def check_series(cells):
    return [
        *empty_cells(cells, schema.SERIES_COLUMNS_REQUIRED),
        *bad_ids(cells, "id"),
        *repeated(cells, ["id"], "id"),
        *hindi_problems(cells),
    ]


# ---- units.csv


def check_units(cells):
    return [
        *empty_cells(cells, schema.UNIT_COLUMNS_REQUIRED),
        *bad_ids(cells, "id"),
        *repeated(cells, ["id"], "id"),
        *level_problems(cells),
        *parent_problems(cells),
        *cycle_problems(cells),
        *hindi_problems(cells),
        *former_id_problems(cells),
    ]


def first_of_each_unit(cells):
    """The units with an id, the first row of each (a repeated id is a problem of its own)."""
    return cells.loc[filled(cells, "id")].drop_duplicates("id").set_index("id")


def level_problems(cells):
    bad = filled(cells, "level") & ~cells["level"].isin(schema.LEVELS).to_numpy()
    return each_row(cells, bad, "level", EXPECTED_LEVEL, lambda row: {"levels": ", ".join(schema.LEVELS)})


def parent_problems(cells):
    """A parent must exist and be of the level above; zones have none, ranges, tehsils and stations must."""
    units = first_of_each_unit(cells)
    parent = cells["parent"].fillna("")
    level = cells["level"]
    has_parent = parent.ne("").to_numpy()
    known_level = level.isin(schema.LEVELS).to_numpy()
    parent_level = parent.map(units["level"]).where(lambda levels: levels.isin(schema.LEVELS))
    expected_level = level.map(schema.PARENT_LEVEL)

    at_top = has_parent & known_level & expected_level.isna().to_numpy()
    unknown = has_parent & ~at_top & ~parent.isin(units.index).to_numpy()
    wrong_level = has_parent & parent_level.notna().to_numpy() & expected_level.notna().to_numpy()
    wrong_level &= (parent_level != expected_level).to_numpy(dtype=bool, na_value=False)
    missing = ~has_parent & level.isin(schema.PARENT_REQUIRED).to_numpy()

    yield from each_row(cells, at_top, "parent", EXPECTED_NO_PARENT, lambda row: {"level": row["level"]})
    yield from each_row(cells, unknown, "parent", EXPECTED_PARENT)
    yield from each_row(
        cells.assign(actual=parent_level),
        wrong_level,
        "parent",
        EXPECTED_PARENT_LEVEL,
        lambda row: {
            "level": row["level"],
            "parent_level": schema.PARENT_LEVEL[row["level"]],
            "parent": row["parent"],
            "actual": row["actual"],
        },
    )
    yield from each_row(
        cells.assign(parent=parent),
        missing,
        "parent",
        EXPECTED_PARENT_GIVEN,
        lambda row: {"level": row["level"], "parent_level": schema.PARENT_LEVEL[row["level"]]},
    )


def cycle_problems(cells):
    """Each circle of parents once, on the line of its first unit in the file."""
    units = first_of_each_unit(cells)
    parent_of = units["parent"].fillna("")
    parent_of = parent_of[parent_of.isin(units.index)].to_dict()
    for cycle in parent_cycles(parent_of):
        start = min(cycle, key=lambda unit: units.at[unit, "line"])
        turn = cycle.index(start)
        chain = cycle[turn:] + cycle[:turn] + [start]
        yield Problem(
            units.at[start, "file"], int(units.at[start, "line"]), "parent", parent_of[start],
            EXPECTED_NO_CYCLE, {"chain": " → ".join(chain)},
        )


def parent_cycles(parent_of):
    """Every circle in the {unit: parent} map, each as a list of its units in child-to-parent order."""
    cycles = []
    done = set()
    for start in parent_of:
        path, position = [], {}
        unit = start
        while unit in parent_of and unit not in done:
            if unit in position:
                cycles.append(path[position[unit]:])
                break
            position[unit] = len(path)
            path.append(unit)
            unit = parent_of[unit]
        done.update(path)
    return cycles


def former_id_problems(cells):
    """Earlier ids keep old URLs alive: each must look like an id, be no unit's id now, and belong to one unit."""
    given = cells.loc[filled(cells, "formerly"), ["file", "line", "id", "formerly"]]
    former = given.assign(former=given["formerly"].str.split()).explode("former")
    former = former.drop_duplicates(["line", "former"]).reset_index(drop=True)
    units = first_of_each_unit(cells)

    well_formed = former["former"].str.fullmatch(schema.ID_PATTERN.pattern).to_numpy(dtype=bool)
    current = well_formed & former["former"].isin(units.index).to_numpy()
    claimed_first = former.groupby("former")["line"].transform("min")
    first_unit = former.groupby("former")["id"].transform("first")
    twice = well_formed & ~current & former.duplicated("former").to_numpy()
    former = former.assign(first_line=claimed_first, first_unit=first_unit)

    yield from each_row(former, ~well_formed, "formerly", EXPECTED_ID, value="former")
    yield from each_row(
        former, current, "formerly", EXPECTED_FORMER_ID,
        lambda row: {"unit_line": int(units.at[row["former"], "line"])}, value="former",
    )
    yield from each_row(
        former, twice, "formerly", EXPECTED_FORMER_ID_ONCE,
        lambda row: {"unit": row["first_unit"], "first_line": row["first_line"]}, value="former",
    )


def units_frame(cells):
    units = cells.set_index("id")[["level", "parent", "name_en", "name_hi", "formerly"]].copy()
    units["parent"] = units["parent"].replace("", pd.NA)
    units["formerly"] = units["formerly"].fillna("").str.split().map(tuple).astype(object)
    return units


# ---- Monthly files


def marks_cells(tables):
    """The rows of every monthly file, one table, with the series and month each came from."""
    frames = [
        table.cells.assign(series=series_id, month=month) for (series_id, month, _), table in tables.items()
    ]
    if not frames:
        frames = [pd.DataFrame(columns=["file", "line", "series", "month", *MONTH_COLUMNS], dtype="str")]
    cells = pd.concat(frames, ignore_index=True)
    cells["line"] = cells["line"].astype(int)
    return cells


def check_marks(cells, units):
    """Every row of every monthly file at once. units is units.csv's cells, or None when it was unreadable."""
    problems = [
        *empty_cells(cells, schema.MONTH_COLUMNS_REQUIRED),
        *repeated(cells, ["file", "unit_id"], "unit_id"),
        *marks_problems(cells),
        *whole_number_problems(cells, "rank", 1, EXPECTED_RANK),
    ]
    for column in schema.COUNT_COLUMNS:
        problems += whole_number_problems(cells, column, 0, EXPECTED_COUNT)
    for smaller, larger in schema.COUNT_BOUNDS:
        problems += count_bound_problems(cells, smaller, larger)
    if units is not None:
        problems += unit_id_problems(cells, units)
        for column in schema.ECHO_COLUMNS:
            problems += echo_problems(cells, units, column)
    return problems


def number(values):
    """The cells as numbers; NaN where a cell is empty, not a number, or infinite."""
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    return numbers.where(np.isfinite(numbers))


def marks_problems(cells):
    """max_marks > 0; 0 ≤ marks ≤ max_marks, said with the row's max_marks where that one is right."""
    max_marks = number(cells["max_marks"])
    marks = number(cells["marks"])
    bad_max = filled(cells, "max_marks") & ~(max_marks > 0).to_numpy()
    good_max = (max_marks > 0).to_numpy()
    bad_marks = filled(cells, "marks") & ~(marks >= 0).to_numpy()
    bad_marks |= good_max & (marks > max_marks).to_numpy()

    yield from each_row(cells, bad_max, "max_marks", EXPECTED_MAX_MARKS)
    yield from each_row(
        cells, bad_marks & good_max, "marks", EXPECTED_MARKS_UP_TO, lambda row: {"max_marks": row["max_marks"]}
    )
    yield from each_row(cells, bad_marks & ~good_max, "marks", EXPECTED_MARKS)


def whole_number(values, least):
    """The cells as whole numbers ≥ least ("12.0" is whole), NA where a cell is empty or not such a number."""
    numbers = number(values)
    good = (numbers >= least) & (numbers == np.floor(numbers))
    return numbers.where(good).astype("Int64")


def whole_number_problems(cells, column, least, expected):
    bad = filled(cells, column) & whole_number(cells[column], least).isna().to_numpy()
    return each_row(cells, bad, column, expected)


def count_bound_problems(cells, smaller, larger):
    """disposed ≤ received, unsatisfied ≤ total: where both are right whole numbers."""
    over = (whole_number(cells[smaller], 0) > whole_number(cells[larger], 0)).to_numpy(dtype=bool, na_value=False)
    return each_row(
        cells, over, smaller, EXPECTED_COUNT_UP_TO, lambda row: {"bound_column": larger, "bound": row[larger]}
    )


def unit_id_problems(cells, units):
    """Every unit_id must be in units.csv; an earlier id is named with the id to use now."""
    unit_ids = first_of_each_unit(units).index
    unknown = filled(cells, "unit_id") & ~cells["unit_id"].isin(unit_ids).to_numpy()
    current = former_ids(units)
    renamed = unknown & cells["unit_id"].isin(current.index).to_numpy()
    yield from each_row(
        cells, renamed, "unit_id", EXPECTED_CURRENT_UNIT, lambda row: {"current": current[row["unit_id"]]}
    )
    yield from each_row(cells, unknown & ~renamed, "unit_id", EXPECTED_UNIT)


def former_ids(units):
    """{earlier id: the id of the unit that lists it}, the first unit where two do."""
    given = units.loc[filled(units, "formerly"), ["id", "formerly"]]
    former = given.assign(former=given["formerly"].str.split()).explode("former")
    return former.drop_duplicates("former").set_index("former")["id"]


def comparable(values):
    """Text as compared with units.csv: Unicode NFC, single spaces."""
    return values.str.normalize("NFC").str.replace(r"\s+", " ", regex=True)


def echo_problems(cells, units, column):
    """name_hi, name_en and level, where the file gives them, must be what units.csv says for the unit."""
    said = cells[column]
    expected = cells["unit_id"].map(first_of_each_unit(units)[column])
    differ = filled(cells, column) & expected.notna().to_numpy() & (said != expected).to_numpy(dtype=bool, na_value=False)
    # Most rows agree exactly; only the rest are normalised before they are compared again.
    differ[differ] = (comparable(said[differ]) != comparable(expected[differ])).to_numpy()
    return each_row(
        cells.assign(units_value=expected),
        differ,
        column,
        EXPECTED_SAME_AS_UNITS,
        lambda row: {"unit_id": row["unit_id"], "units_value": row["units_value"]},
    )


def marks_frame(cells):
    """The checked rows as numbers: one row per series, month and unit, in file order."""
    marks = pd.DataFrame(
        {
            "series": cells["series"],
            "month": cells["month"],
            "unit_id": cells["unit_id"],
            "marks": number(cells["marks"]),
            "max_marks": number(cells["max_marks"]),
            "official_rank": whole_number(cells["rank"], 1),
            **{column: whole_number(cells[column], 0) for column in schema.COUNT_COLUMNS},
            "file": cells["file"],
            "line": cells["line"].astype(int),
        }
    )
    return marks.reset_index(drop=True)
