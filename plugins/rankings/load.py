"""Read a data folder (DATA.md) into tables, and find every problem in every file in one run.

Each file is decoded and split into cells whole by pandas' CSV reader, number columns straight into numbers;
the rows of all monthly files are then checked together, with masks over a column at a time, and only the
rows found wrong are visited one by one, to describe them (a number is read again as text to show it as
written). Lines are numbered as a spreadsheet shows them: the header is line 1, an empty line still counts,
and a cell with a line break inside stays on one line. Empty rows, and empty columns without a name (both
left behind by spreadsheets), are ignored; so are stray spaces around a value."""

import csv
import datetime
import difflib
import io
import logging
import os
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from . import schema, urls
from .i18n import format_number
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
EXPECTED_CSV = N_("a CSV file: save the spreadsheet as “CSV UTF-8”, named after its month (for example 2024-12.csv)")
EXPECTED_READABLE_CSV = N_("a CSV file that can be read (%(error)s)")
EXPECTED_CLOSING_QUOTE = N_("a closing quote mark (\") for the one that opens a cell on this line")
EXPECTED_FILE = N_("this file in the data folder; it is required")
EXPECTED_MONTH_NAME = N_("a file named after a real month, YYYY-MM.csv, for example 2024-12.csv")
EXPECTED_MONTH_IN_RANGE = N_(
    "a month from %(first)s, when the IGRS rankings began, to %(last)s, this month: "
    "a month before or after that is most likely a typo in the file's name"
)
EXPECTED_ROWS = N_("a row for each unit ranked that month; this file has only its header")
EXPECTED_READABLE_FILE = N_("a file that can be read (%(error)s)")
EXPECTED_INSIDE_FOLDER = N_("a file or folder inside the data folder; this is a link to somewhere outside it")
EXPECTED_SERIES_ID_FREE = N_("an id that is not a path the site uses itself (%(used)s)")
EXPECTED_UNIT_ID_FREE = N_("an id that is not an anchor the month pages use themselves (%(used)s, or beginning "
                           "with %(prefix)s)")
EXPECTED_ID_LENGTH = N_("an id of at most %(limit)s characters")
EXPECTED_NO_CONTROL = N_("text without control characters (invisible codes such as NUL or ESC)")
EXPECTED_SERIES_FOLDER = N_("a folder named after a series id in series.csv (%(series)s)")

# The header row
EXPECTED_COLUMN = N_("a column named %(column)s; it is required")
EXPECTED_KNOWN_COLUMN = N_("one of the columns this file may have: %(known)s")
EXPECTED_KNOWN_COLUMN_LIKE = N_("one of the columns this file may have; did you mean %(suggestion)s?")
EXPECTED_COLUMN_ONCE = N_("each column once; column %(first)s has the same name")
EXPECTED_COLUMN_NAME = N_("a name in the header row for column %(letter)s, which has values")

# Cells
EXPECTED_VALUE = N_("a value; this cell must not be empty")
EXPECTED_ID = N_("an id of small letters a–z and digits, words joined by single hyphens, for example kanpur-nagar")
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
EXPECTED_COUNTERPART = N_(
    "the id of a district-level unit in units.csv that covers the same area in the other hierarchy "
    "(a police commissionerate, or the revenue district it polices)"
)
EXPECTED_COUNTERPART_OF_DISTRICT = N_(
    "an empty cell: only a district-level unit (a police commissionerate or a revenue district) has a counterpart"
)
EXPECTED_COUNTERPART_OTHER = N_("the id of another unit; a unit is not its own counterpart")
EXPECTED_COUNTERPART_LEVEL = N_("the id of a district-level unit; %(counterpart)s is a %(actual)s")
EXPECTED_COUNTERPART_ONCE = N_(
    "one counterpart per unit: %(unit)s is already paired with %(other)s on line %(first_line)s"
)
EXPECTED_UNIT = N_("a unit id from units.csv")
EXPECTED_CURRENT_UNIT = N_("the unit's current id, %(current)s; this is its earlier id")
EXPECTED_MARKS_UP_TO = N_("a number ≥ 0 and ≤ max_marks (%(max_marks)s)")
EXPECTED_MARKS = N_("a number ≥ 0")
EXPECTED_MAX_MARKS = N_("a number > 0 and at most %(limit)s")
EXPECTED_RANK = N_("a whole number from 1 to %(limit)s, or an empty cell")
EXPECTED_COUNT = N_("a whole number from 0 to %(limit)s, or an empty cell")
EXPECTED_COUNT_UP_TO = N_("at most %(bound_column)s (%(bound)s)")
EXPECTED_SAME_AS_UNITS = N_(
    "what units.csv says for %(unit_id)s: “%(units_value)s”; was this row filled in against the wrong unit?"
)

SPREADSHEET_SUFFIXES = {".xlsx", ".xls", ".ods"}

# Limits that keep every name a file name and every number a number a page can show (README, data format page).
ID_MAX_LENGTH = 100  # an id is a folder name on every page's path; file systems allow 255 bytes
FIRST_MONTH = "2017-01"  # the IGRS (Jansunwai Samadhan) portal's rankings began in 2017
MAX_MARKS_LIMIT = 10_000  # real max marks are 90 to 130
RANK_LIMIT = 100_000  # more than the units of any level
COUNT_LIMIT = 10_000_000  # complaints or feedback of one unit in one month
CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
UNIT_COLUMNS = schema.UNIT_COLUMNS_REQUIRED + schema.UNIT_COLUMNS_OPTIONAL
SERIES_COLUMNS = schema.SERIES_COLUMNS_REQUIRED + schema.SERIES_COLUMNS_OPTIONAL
MONTH_COLUMNS = schema.MONTH_COLUMNS_REQUIRED + schema.MONTH_COLUMNS_OPTIONAL
NUMBER_COLUMNS = ("marks", "max_marks", "rank") + schema.COUNT_COLUMNS
# "?" and no letters: Excel's "CSV (Comma delimited)" replaces every Hindi letter with "?".
HINDI_LOST = r"[^A-Za-z]*\?[^A-Za-z]*"


@dataclass
class Dataset:
    folder: Path
    # index id; level, parent (NA when none), name_en, name_hi, formerly (tuple of ids), counterpart (id or None)
    units: pd.DataFrame
    series: pd.DataFrame  # index id; name_en, name_hi
    marks: pd.DataFrame  # one row per series, month and unit: marks, max_marks, official_rank, counts, file, line
    columns_given: dict  # (series, month) -> the COUNT_COLUMNS that month's file has, in schema order


@dataclass
class Cells:
    """The rows of one or more files of one kind (units.csv, or every monthly file), as one table.

    frame: file, line, then every column the contract allows: text, stripped; number columns as numbers, or
    as text in a file where the column has a cell that is not a number. NaN where a cell is empty, and
    throughout a column that a file's header does not name. Empty rows are left out.
    """

    frame: pd.DataFrame
    headers: dict  # file -> the known columns its header names, in the file's order


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
    logger.info(
        "%s: %d units, %d series, %d monthly files, %d rows of marks",
        folder, len(dataset.units), len(dataset.series), len(months), len(dataset.marks),
    )
    return dataset


def known_ids(cells):
    """The ids a units.csv or series.csv gives, or None when it could not be read or has no id column."""
    if not any("id" in header for header in cells.headers.values()):
        return None
    ids = cells.frame["id"]
    return set(ids[filled(cells.frame, "id")])


# ---- The folder


def this_month(today=None):
    """"2026-11": the month it is now in India, where the rankings are made."""
    today = today or datetime.datetime.now(ZoneInfo("Asia/Kolkata")).date()
    return f"{today.year:04d}-{today.month:02d}"


def leaves_folder(entry, folder):
    """A link that leads out of the data folder (its target is never read)."""
    return entry.is_symlink() and not Path(os.path.realpath(entry)).is_relative_to(os.path.realpath(folder))


def month_files(folder, series_ids, problems, last_month="9999-12"):
    """{file: (series, month)} for every monthly file, sorted; folders and files that do not belong are problems.

    When series.csv could not be read, every folder is taken for a series so that its files are still checked.
    """
    if not folder.is_dir():
        return {}
    folders = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if leaves_folder(entry, folder):
            problems.append(Problem(entry.name, None, None, entry.name, EXPECTED_INSIDE_FOLDER))
        elif not entry.is_dir():
            if entry.name not in (schema.UNITS_FILE, schema.SERIES_FILE):
                logger.debug("%s: ignored", entry)
        elif series_ids is None or entry.name in series_ids:
            folders.append(entry)
        else:
            known = ", ".join(sorted(series_ids))
            problems.append(Problem(entry.name, None, None, entry.name, EXPECTED_SERIES_FOLDER, {"series": known}))

    months = {}
    for series_folder in folders:
        for entry in sorted(series_folder.iterdir()):
            if entry.name.startswith("."):
                continue
            file = f"{series_folder.name}/{entry.name}"
            if leaves_folder(entry, folder):
                problems.append(Problem(file, None, None, entry.name, EXPECTED_INSIDE_FOLDER))
            elif entry.is_file() and is_month_file(entry.name):
                if FIRST_MONTH <= entry.name[:7] <= last_month:
                    months[file] = (series_folder.name, entry.name[:7])
                else:
                    problems.append(Problem(file, None, None, entry.name, EXPECTED_MONTH_IN_RANGE,
                                            {"first": FIRST_MONTH, "last": last_month}))
            elif entry.suffix.lower() in SPREADSHEET_SUFFIXES:
                problems.append(Problem(file, None, None, entry.name, EXPECTED_CSV))
            else:
                problems.append(Problem(file, None, None, entry.name, EXPECTED_MONTH_NAME))
    return months


def is_month_file(name):
    match = schema.MONTH_FILE_PATTERN.match(name)
    return bool(match) and 1 <= int(match.group(2)) <= 12


# ---- Files: bytes, text, rows


def read_cells(folder, files, required, known, problems):
    """The rows of the files that can be read, as one table; every problem met on the way is added."""
    frames, headers = [], {}
    for file in files:
        read = read_file(folder, file, required, known, problems)
        if read is not None:
            headers[file], rows = read
            frames.append(rows)
    lengths = [len(rows) for rows in frames]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    frame = frame.reindex(columns=known)
    frame.insert(0, "line", np.concatenate([np.arange(2, length + 2) for length in lengths] or [[]]).astype(int))
    frame.insert(0, "file", pd.Series(np.repeat(np.array(list(headers), dtype=object), lengths), dtype=object))
    return Cells(frame=tidy(frame, [column for column in known if column not in NUMBER_COLUMNS]), headers=headers)


def read_file(folder, file, required, known, problems):
    """(the known columns the header names, their rows), or None when the file is missing or unreadable."""
    text = read_text(folder, file, problems)
    if text is None:
        return None
    try:
        header = header_of(text)
        positions = sort_out_header(file, header, required, known, problems)
        rows = read_rows(text, len(header), {positions[name] for name in NUMBER_COLUMNS if name in positions})
    except (csv.Error, pd.errors.ParserError) as error:
        problems.append(unreadable(file, text, error))
        return None
    problems += unnamed_columns(file, header, rows)
    rows = rows[list(positions.values())]
    rows.columns = list(positions)
    return tuple(positions), rows


def unreadable(file, text, error):
    """The one problem of a file that cannot be split into cells: mostly a quote that is never closed."""
    if "EOF inside string" in str(error):
        # The csv module reads an open quote on to the end: its last row is the one the quote opens.
        line = sum(1 for _ in csv.reader(io.StringIO(text, newline="")))
        return Problem(file, line, None, None, EXPECTED_CLOSING_QUOTE)
    return Problem(file, None, None, None, EXPECTED_READABLE_CSV, {"error": str(error)})


def read_text(folder, file, problems):
    path = folder / file
    if leaves_folder(path, folder):
        problems.append(Problem(file, None, None, file, EXPECTED_INSIDE_FOLDER))
        return None
    if not path.is_file():
        problems.append(Problem(file, None, None, None, EXPECTED_FILE))
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(file, None, None, None, EXPECTED_READABLE_FILE, {"error": error.strerror or str(error)}))
        return None
    return decode(data, file, problems)


def decode(data, file, problems):
    """The file's text; None, with one problem, when it is not UTF-8 (a UTF-8 byte-order mark is fine).

    A legacy encoding is told at the first line (as a text editor counts) that UTF-8 cannot read.
    """
    # UTF-16 comes first: plain Latin text in UTF-16 without a byte-order mark is valid UTF-8, NULs and all.
    if looks_like_utf16(data):
        problems.append(Problem(file, None, None, None, EXPECTED_UTF8_NOT_UTF16))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line_end = data.find(b"\n", error.start)
        line_text = data[line_start : line_end if line_end >= 0 else len(data)]
        shown = line_text.decode("utf-8", errors="replace").strip()
        shown = shown if len(shown) <= 60 else shown[:60] + "…"
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(Problem(file, line, None, shown, EXPECTED_UTF8_NOT_LEGACY))
        return None


def looks_like_utf16(data):
    """A UTF-16 byte-order mark, or NUL bytes in the many (every other byte of Latin text)."""
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 0 and data.count(b"\x00") > len(data) // 10)


def header_of(text):
    """The first row's cells, stripped; a header name may not start or end with a space either."""
    return [name.strip() for name in next(csv.reader(io.StringIO(text, newline="")), [])]


def read_rows(text, width, numbers=frozenset()):
    """Every row below the header, one column per position. Blank rows stay, so row i is on line i + 2.

    Columns at the positions in numbers are read as numbers (NaN when empty) when every cell is one, which
    is quick; a column with any other cell stays text, to be told about.
    """
    if width == 0:
        return pd.DataFrame()
    try:
        with warnings.catch_warnings():
            # pandas drops the last cell of a row one cell longer than the header, with only this warning.
            warnings.simplefilter("error", pd.errors.ParserWarning)
            rows = parse_rows(text, width, numbers)
    except (pd.errors.ParserError, pd.errors.ParserWarning):
        # A row longer than the header: read again as wide as the longest row (its cells have no column name).
        width = max(len(record) for record in csv.reader(io.StringIO(text, newline="")))
        rows = parse_rows(text, width, numbers)
    for position, dtype in rows.dtypes.items():
        if position not in numbers or is_number_dtype(dtype):
            continue
        column = rows[position]
        if column.empty:
            rows[position] = column.astype(float)
        elif dtype == bool:
            rows[position] = column.map(str)  # a column of only TRUE/FALSE comes back as truth values
        else:  # text, or whole numbers too large for 64 bits, which pandas keeps as Python ints
            text = column.map(as_text)
            rows[position] = text.replace("", np.nan)  # a cell of spaces is empty
    return rows


def as_text(value):
    """A cell of a number column that is not all numbers, as text; empty stays empty."""
    if isinstance(value, str):
        return value.strip()
    return np.nan if value is None or value != value else str(value)


def parse_rows(text, width, numbers):
    return pd.read_csv(
        io.StringIO(text),
        header=None,
        skiprows=1,  # the header row, read by header_of; a line break in a quoted name is still one row
        names=range(width),
        index_col=False,
        dtype={position: object for position in range(width) if position not in numbers},
        keep_default_na=False,
        na_values={position: [""] for position in numbers},
        skip_blank_lines=False,
        low_memory=False,  # files are small; one pass is quicker
    )


def is_number_dtype(dtype):
    return pd.api.types.is_float_dtype(dtype) or pd.api.types.is_integer_dtype(dtype)


def sort_out_header(file, header, required, known, problems):
    """{known column: its position}; unknown, repeated and missing columns are problems."""
    positions = {}
    for position, name in enumerate(header):
        if name == "":
            continue  # told about with its cells, if it has any (unnamed_columns)
        if name in positions:
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


def unnamed_columns(file, header, rows):
    """A column without a name is fine while it is empty (spreadsheets leave such columns behind)."""
    for position in rows.columns:
        if position < len(header) and header[position]:
            continue
        has_value = rows[position].fillna("").astype(str).str.strip().ne("")
        if has_value.any():
            row = int(has_value.to_numpy().argmax())
            value = str(rows.iat[row, position]).strip()
            yield Problem(file, row + 2, None, value, EXPECTED_COLUMN_NAME, {"letter": column_letter(position)})


def unknown_column(file, name, known):
    # Compared in small letters with "_" for spaces, so "Max Marks" suggests max_marks.
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


def tidy(frame, text_columns):
    """Stray spaces around text are dropped, an empty cell becomes NaN, and rows left with nothing are dropped."""
    for column in text_columns:
        text = frame[column].astype(object).str.strip()
        frame[column] = text.where(text.ne(""))
    empty = ~np.column_stack([filled(frame, column) for column in frame.columns[2:]]).any(axis=1)
    return frame.loc[~empty].reset_index(drop=True) if empty.any() else frame


class Written:
    """The text of cells as written, read again for the few rows that a problem is told about.

    Number columns are read as numbers, which is quick but forgets how a number was written ("75.50").
    """

    def __init__(self, folder):
        self.folder = folder
        self.files = {}

    def of(self, column):
        """A function giving a row's cell in column, as written."""
        return lambda row: self.cell(row["file"], row["line"], column)

    def cell(self, file, line, column):
        if file not in self.files:
            text = decode((self.folder / file).read_bytes(), file, [])
            header = header_of(text)
            self.files[file] = (header, read_rows(text, len(header)))
        header, rows = self.files[file]
        return str(rows.iat[line - 2, header.index(column)]).strip()


# ---- Checks shared by the files


def filled(frame, column):
    """Rows with a value in the column (not where the cell is empty or the file's header lacks the column)."""
    return frame[column].notna().to_numpy()


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
    too_long = well_formed & frame[column].str.len().gt(ID_MAX_LENGTH).to_numpy(dtype=bool, na_value=False)
    yield from each_row(frame, filled(frame, column) & ~well_formed, column, EXPECTED_ID)
    yield from each_row(frame, too_long, column, EXPECTED_ID_LENGTH, lambda row: {"limit": ID_MAX_LENGTH})


def control_characters(frame, columns):
    """Text with control characters (NUL, ESC, bidirectional overrides) is never a real name."""
    for column in columns:
        bad = frame[column].str.contains(CONTROL).to_numpy(dtype=bool, na_value=False)
        yield from each_row(frame, bad, column, EXPECTED_NO_CONTROL)


def repeated(frame, keys, column):
    """Every occurrence after the first of the same value in column (per keys), naming the first line."""
    given = frame.loc[filled(frame, column)]
    again = given.duplicated(keys).to_numpy()
    if not again.any():
        return []
    given = given.assign(first_line=given.groupby(keys)["line"].transform("min"))
    return each_row(given, again, column, EXPECTED_ID_ONCE, lambda row: {"first_line": row["first_line"]})


def hindi_problems(frame, column="name_hi"):
    """A Hindi name with no Devanagari was typed in a legacy font, or lost to "?" by a non-UTF-8 save."""
    text = frame[column].fillna("")
    no_devanagari = filled(frame, column) & ~text.str.contains(schema.DEVANAGARI.pattern).to_numpy(dtype=bool)
    lost = text.str.fullmatch(HINDI_LOST).to_numpy(dtype=bool)
    yield from each_row(frame, no_devanagari & lost, column, EXPECTED_DEVANAGARI_NOT_LOST)
    yield from each_row(frame, no_devanagari & ~lost, column, EXPECTED_DEVANAGARI)


# ---- series.csv


def check_series(series):
    frame = series.frame
    return [
        *empty_cells(series, schema.SERIES_COLUMNS_REQUIRED),
        *bad_ids(frame, "id"),
        *reserved_ids(frame),
        *repeated(frame, ["id"], "id"),
        *hindi_problems(frame),
        *control_characters(frame, ["name_en", "name_hi"]),
    ]


def reserved_ids(frame):
    used = urls.reserved()
    taken = frame["id"].isin(used).to_numpy()
    return each_row(frame, taken, "id", EXPECTED_SERIES_ID_FREE, lambda row: {"used": ", ".join(sorted(used))})


def anchor_ids(frame):
    """A unit's row on a month page has its id as anchor (/police/2025-10/#<id>): an id may not be one of the
    page's own anchors."""
    used, prefix = urls.MONTH_PAGE_ANCHORS, urls.GROUP_ANCHOR_PREFIX
    taken = (frame["id"].isin(used) | frame["id"].str.startswith(prefix, na=False)).to_numpy()
    return each_row(frame, taken, "id", EXPECTED_UNIT_ID_FREE, lambda row: {"used": ", ".join(used), "prefix": prefix})


# ---- units.csv


def check_units(units):
    frame = units.frame
    return [
        *empty_cells(units, schema.UNIT_COLUMNS_REQUIRED),
        *bad_ids(frame, "id"),
        *anchor_ids(frame),
        *repeated(frame, ["id"], "id"),
        *level_problems(frame),
        *parent_problems(frame),
        *cycle_problems(frame),
        *hindi_problems(frame),
        *control_characters(frame, ["name_en", "name_hi"]),
        *former_id_problems(frame),
        *counterpart_problems(frame),
    ]


def first_of_each_unit(frame):
    """The units with an id, the first row of each (a repeated id is a problem of its own)."""
    return frame.loc[filled(frame, "id")].drop_duplicates("id").set_index("id")


def level_problems(frame):
    bad = filled(frame, "level") & ~frame["level"].isin(schema.LEVELS).to_numpy()
    return each_row(frame, bad, "level", EXPECTED_LEVEL, lambda row: {"levels": ", ".join(schema.LEVELS)})


def parent_problems(frame):
    """A parent must exist and be of the level above; zones have none, ranges, tehsils and stations must."""
    units = first_of_each_unit(frame)
    frame = frame.assign(parent=frame["parent"].fillna(""))
    parent, level = frame["parent"], frame["level"]
    has_parent = parent.ne("").to_numpy()
    known_level = level.isin(schema.LEVELS).to_numpy()
    expected_level = level.map(schema.PARENT_LEVEL)
    parent_level = parent.map(units["level"]).where(lambda levels: levels.isin(schema.LEVELS))
    frame = frame.assign(actual=parent_level, parent_level=expected_level)

    at_top = has_parent & known_level & expected_level.isna().to_numpy()
    unknown = has_parent & ~at_top & ~parent.isin(units.index).to_numpy()
    wrong_level = (parent_level.notna() & expected_level.notna() & parent_level.ne(expected_level)).to_numpy()
    missing = ~has_parent & level.isin(schema.PARENT_REQUIRED).to_numpy()

    yield from each_row(frame, at_top, "parent", EXPECTED_NO_PARENT, lambda row: {"level": row["level"]})
    yield from each_row(frame, unknown, "parent", EXPECTED_PARENT)
    yield from each_row(
        frame, wrong_level, "parent", EXPECTED_PARENT_LEVEL,
        lambda row: {key: row[key] for key in ("level", "parent_level", "parent", "actual")},
    )
    yield from each_row(
        frame, missing, "parent", EXPECTED_PARENT_GIVEN,
        lambda row: {key: row[key] for key in ("level", "parent_level")},
    )


def cycle_problems(frame):
    """Each circle of parents once, on the line of its first unit in the file."""
    units = first_of_each_unit(frame)
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
    """Every circle in the {unit: parent} map, each as a list of its units from child to parent."""
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


def former_ids(frame):
    """One row per earlier id a unit lists: file, line, id (the unit's), former."""
    given = frame.loc[filled(frame, "formerly"), ["file", "line", "id", "formerly"]]
    former = given.assign(former=given["formerly"].str.split()).explode("former")
    return former.drop_duplicates(["line", "former"]).reset_index(drop=True)


def former_id_problems(frame):
    """Earlier ids keep old URLs alive: each must look like an id, be no unit's id now, and belong to one unit."""
    units = first_of_each_unit(frame)
    former = former_ids(frame)
    claims = former.groupby("former")
    former = former.assign(first_line=claims["line"].transform("min"), first_unit=claims["id"].transform("first"))

    pattern = former["former"].str.fullmatch(schema.ID_PATTERN.pattern).to_numpy(dtype=bool)
    too_long = pattern & former["former"].str.len().gt(ID_MAX_LENGTH).to_numpy(dtype=bool)
    well_formed = pattern & ~too_long
    current = well_formed & former["former"].isin(units.index).to_numpy()
    twice = well_formed & ~current & former.duplicated("former").to_numpy()

    value = lambda row: row["former"]  # noqa: E731 - the one earlier id, not the whole cell
    yield from each_row(former, ~pattern, "formerly", EXPECTED_ID, value=value)
    yield from each_row(former, too_long, "formerly", EXPECTED_ID_LENGTH, lambda row: {"limit": ID_MAX_LENGTH},
                        value=value)
    yield from each_row(
        former, current, "formerly", EXPECTED_FORMER_ID,
        lambda row: {"unit_line": int(units.at[row["former"], "line"])}, value=value,
    )
    yield from each_row(
        former, twice, "formerly", EXPECTED_FORMER_ID_ONCE,
        lambda row: {"unit": row["first_unit"], "first_line": row["first_line"]}, value=value,
    )


def counterpart_problems(frame):
    """A counterpart links two district-level units both ways: given on either side (or on both, alike), it must
    be another district-level unit, and each unit has one counterpart at most."""
    units = first_of_each_unit(frame)
    given = frame.loc[filled(frame, "counterpart")]
    other_level = given["counterpart"].map(units["level"])
    known = given["counterpart"].isin(units.index).to_numpy()
    of_district = given["level"].eq(schema.COUNTERPART_LEVEL).to_numpy()
    itself = given["counterpart"].eq(given["id"]).to_numpy()
    wrong_level = known & ~itself & other_level.ne(schema.COUNTERPART_LEVEL).to_numpy()
    given = given.assign(actual=other_level)
    yield from each_row(given, ~of_district, "counterpart", EXPECTED_COUNTERPART_OF_DISTRICT)
    yield from each_row(given, of_district & ~known, "counterpart", EXPECTED_COUNTERPART)
    yield from each_row(given, of_district & itself, "counterpart", EXPECTED_COUNTERPART_OTHER)
    yield from each_row(given, of_district & wrong_level, "counterpart", EXPECTED_COUNTERPART_LEVEL,
                        lambda row: {"counterpart": row["counterpart"], "actual": row["actual"]})
    # Pairs in file order; a pair given on both sides is one pair. A unit in a second pair is told on the line
    # that pairs it again.
    paired = {}  # unit id → (the other unit, line)
    for row in given.loc[of_district & known & ~itself & ~wrong_level].to_dict("records"):
        one, other = row["id"], row["counterpart"]
        if paired.get(one, (other,))[0] == other and paired.get(other, (one,))[0] == one:
            paired.setdefault(one, (other, row["line"]))
            paired.setdefault(other, (one, row["line"]))
            continue
        clash = one if paired.get(one, (other,))[0] != other else other
        first, first_line = paired[clash]
        yield Problem(row["file"], int(row["line"]), "counterpart", other, EXPECTED_COUNTERPART_ONCE,
                      {"unit": clash, "other": first, "first_line": int(first_line)})


def counterparts(frame):
    """{unit id: its counterpart}, both ways, from a checked units.csv."""
    pairs = {}
    for one, other in frame.loc[filled(frame, "counterpart"), ["id", "counterpart"]].itertuples(index=False):
        pairs[one], pairs[other] = other, one
    return pairs


def units_frame(frame):
    units = frame.set_index("id")[["level", "parent", "name_en", "name_hi", "formerly"]]
    units = units.astype({column: "str" for column in ("level", "parent", "name_en", "name_hi")})
    units["formerly"] = pd.Series([tuple(ids) for ids in units["formerly"].fillna("").str.split()],
                                  index=units.index, dtype=object)
    pairs = counterparts(frame)
    units["counterpart"] = pd.Series([pairs.get(unit_id) for unit_id in units.index], index=units.index, dtype=object)
    units.index = units.index.astype("str")
    return units


def series_frame(frame):
    series = frame.set_index("id")[["name_en", "name_hi"]].astype("str")
    series.index = series.index.astype("str")
    return series


# ---- Monthly files


def check_marks(cells, units, written):
    """Every row of every monthly file at once. units is None when units.csv had no ids to check against."""
    frame = cells.frame
    with_rows = set(frame["file"])
    problems = [
        *(Problem(file, None, None, None, EXPECTED_ROWS) for file in cells.headers if file not in with_rows),
        *empty_cells(cells, schema.MONTH_COLUMNS_REQUIRED),
        *repeated(frame, ["file", "unit_id"], "unit_id"),
        *marks_problems(frame, written),
        *whole_number_problems(frame, "rank", 1, RANK_LIMIT, EXPECTED_RANK, written),
    ]
    for column in schema.COUNT_COLUMNS:
        problems += whole_number_problems(frame, column, 0, COUNT_LIMIT, EXPECTED_COUNT, written)
    for smaller, larger in schema.COUNT_BOUNDS:
        problems += count_bound_problems(frame, smaller, larger, written)
    if units is not None:
        units_by_id = first_of_each_unit(units.frame)
        unit_row = units_by_id.index.get_indexer(frame["unit_id"])  # -1 where units.csv lacks the unit_id
        problems += unit_id_problems(frame, units.frame, unit_row >= 0)
        for column in schema.ECHO_COLUMNS:
            problems += echo_problems(frame, units_by_id, unit_row, column)
    return problems


def number(values):
    """The cells as numbers; NaN where a cell is empty, not a number, or infinite."""
    if not is_number_dtype(values.dtype):
        values = pd.to_numeric(values, errors="coerce")  # only for files with a cell that is not a number
    values = values.astype(float)
    return values.where(np.isfinite(values))


def marks_problems(frame, written):
    """max_marks > 0; 0 ≤ marks ≤ max_marks, told with the row's max_marks where that one is right."""
    max_marks = number(frame["max_marks"])
    marks = number(frame["marks"])
    good_max = ((max_marks > 0) & (max_marks <= MAX_MARKS_LIMIT)).to_numpy()
    bad_max = filled(frame, "max_marks") & ~good_max
    bad_marks = filled(frame, "marks") & ~(marks >= 0).to_numpy()
    bad_marks |= good_max & (marks > max_marks).to_numpy()

    yield from each_row(frame, bad_max, "max_marks", EXPECTED_MAX_MARKS, lambda row: {"limit": indian(MAX_MARKS_LIMIT)},
                        value=written.of("max_marks"))
    max_marks_written = written.of("max_marks")
    yield from each_row(
        frame, bad_marks & good_max, "marks", EXPECTED_MARKS_UP_TO,
        lambda row: {"max_marks": max_marks_written(row)}, value=written.of("marks"),
    )
    yield from each_row(frame, bad_marks & ~good_max, "marks", EXPECTED_MARKS, value=written.of("marks"))


def whole_number(values, least, most):
    """The cells as whole numbers from least to most ("12.0" is whole), NA where a cell is empty or not such a
    number (a number too large for a page is not one: it would not fit the table's integers either)."""
    numbers = number(values)
    whole = (numbers >= least) & (numbers <= most) & (numbers == np.floor(numbers))
    return numbers.where(whole).astype("Int64")


def whole_number_problems(frame, column, least, most, expected, written):
    bad = filled(frame, column) & whole_number(frame[column], least, most).isna().to_numpy()
    return each_row(frame, bad, column, expected, lambda row: {"limit": indian(most)}, value=written.of(column))


def indian(number):
    """10000000 → "1,00,00,000": a limit told in a message, grouped the Indian way as in both languages."""
    return format_number("en_IN", number)


def count_bound_problems(frame, smaller, larger, written):
    """disposed ≤ received, unsatisfied ≤ total, where both are whole numbers."""
    over = (whole_number(frame[smaller], 0, COUNT_LIMIT) > whole_number(frame[larger], 0, COUNT_LIMIT)).to_numpy(
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
    """name_hi, name_en and level, where a file gives them, must be what units.csv says for the unit.

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
            "official_rank": whole_number(frame["rank"], 1, RANK_LIMIT),
            **{column: whole_number(frame[column], 0, COUNT_LIMIT) for column in schema.COUNT_COLUMNS},
            "file": frame["file"],
            "line": frame["line"].astype(int),
        }
    )
    text = ["series", "month", "unit_id", "file"]
    return marks.astype({column: "str" for column in text}).reset_index(drop=True)
