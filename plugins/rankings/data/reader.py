"""The one CSV reader: a data file's bytes to a table of cells, with every problem of reading it.

Each file is decoded and split into cells whole by pandas' CSV reader, number columns straight into numbers; the
checks (units.py, series.py, marks.py) then look at whole columns at once. Lines are numbered as a spreadsheet
shows them: the header is line 1, an empty line still counts, and a cell with a line break inside stays on one
line. Empty rows, and empty columns without a name (both left behind by spreadsheets), are ignored; so are stray
spaces around a value. A number is read again as text (Written) only to show a wrong one as it was written.
"""

import csv
import difflib
import io
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import schema
from .folder import leaves_folder
from .messages import (EXPECTED_CLOSING_QUOTE, EXPECTED_COLUMN, EXPECTED_COLUMN_NAME, EXPECTED_COLUMN_ONCE,
                       EXPECTED_FILE, EXPECTED_INSIDE_FOLDER, EXPECTED_KNOWN_COLUMN, EXPECTED_KNOWN_COLUMN_LIKE,
                       EXPECTED_READABLE_CSV, EXPECTED_READABLE_FILE, EXPECTED_UTF8_NOT_LEGACY,
                       EXPECTED_UTF8_NOT_UTF16)
from .problems import Problem

NUMBER_COLUMNS = ("marks", "max_marks", "rank") + schema.COUNT_COLUMNS


@dataclass
class Cells:
    """The rows of one or more files of one kind (units.csv, or every monthly file), as one table.

    frame: file, line, then every column the contract allows: text, stripped; number columns as numbers, or
    as text in a file where the column has a cell that is not a number. NaN where a cell is empty, and
    throughout a column that a file's header does not name. Empty rows are left out.
    """

    frame: pd.DataFrame
    headers: dict  # file -> the known columns its header names, in the file's order


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
    if path.is_dir():  # a folder where a file belongs: said as such (an optional file is not "required")
        problems.append(Problem(file, None, None, None, EXPECTED_READABLE_FILE, {"error": "it is a folder"}))
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


def filled(frame, column):
    """Rows with a value in the column (not where the cell is empty or the file's header lacks the column)."""
    return frame[column].notna().to_numpy()
