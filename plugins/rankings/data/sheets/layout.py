"""Where a sheet's ranking is: its header row, what each column holds, its rows between the title and the totals.

A header is a row (or two, under a merged heading) whose cells name at least three of FIELDS in Hindi or English,
the marks among them. Below it, until a total ("कुल") or a signature ("ह0/-"): a blank district cell is the
district of the row above (a merged cell), a row with one cell and no numbers names the district of the rows
below it, a repeated header (on every page of a PDF) is passed over, another header begins another table.
Hindi typed in a legacy font is read as Unicode first (legacy.py): by the font the cell names, else the font
under which the header is found.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .. import schema
from ..spelling import fold
from ..vocabulary import LEVEL
from . import legacy

# What each column may hold, as headers write it (compared folded, without punctuation).
FIELDS = {
    "serial": ("क्र0सं0", "क्र0 सं0", "क्रसं", "क्र सं", "क्रमांक", "क्रम संख्या", "क्रम सं", "s no", "sno", "sl no",
               "sr no", "serial"),
    "district": ("जनपद", "जिला", "जिले", "कमिश्नरेट", "district", "commissionerate"),
    "station": ("थाना", "थाने", "police station", "ps name", "station"),
    "tehsil": ("तहसील", "tehsil"),
    "zone": ("जोन", "ज़ोन", "zone"),
    "range": ("परिक्षेत्र", "रेंज", "range"),
    "name": ("नाम", "इकाई", "name", "unit"),
    "marks": ("प्राप्तांक", "प्राप्त अंक", "प्राप्तांको", "अर्जित अंक", "marks obtained", "obtained", "score"),
    "max_marks": ("पूर्णांक", "अधिकतम अंक", "अधिकतम", "कुल अंक", "maximum", "max marks", "total marks", "full marks",
                  "out of"),
    "percent": ("प्रतिशत", "%", "percent", "percentage"),
    "rank": ("रैंक", "रैकिंग", "रैंकिंग", "स्थान", "rank", "ranking", "position"),
    "complaints_received": ("प्राप्त शिकायत", "प्राप्त संदर्भ", "संदर्भ प्राप्त", "शिकायतें प्राप्त", "received"),
    "complaints_disposed": ("निस्तारित", "disposed"),
    "complaints_defaulted": ("डिफाल्टर", "डिफॉल्टर", "defaulter", "defaulted"),
    "feedback_total": ("फीडबैक", "feedback"),
    "feedback_unsatisfied": ("असंतुष्ट", "unsatisfied", "not satisfied"),
}
# The columns that may name the unit (level_of: which level each means).
NAME_FIELDS = ("station", "tehsil", "zone", "range", "district", "name")
NUMBER_FIELDS = ("marks", "max_marks", "percent", "rank", *schema.COUNT_COLUMNS)
# A row that ends a table: its first words (folded).
FOOTER_WORDS = ("कुल", "योग", "महायोग", "total", "grand total", "ह0", "ह०", "हस्ताक्षर", "signature", "sd", "नोट",
                "note")
HEADER_SEARCH = 25  # rows from the top (or from the last table's end) in which a header is looked for
LEAST_FIELDS = 3


@dataclass
class Columns:
    """What a table's columns hold: {field: column index}, the level its names are of (None: told by its
    names), and the font its Hindi was typed in (None: Unicode)."""

    fields: dict
    level: str | None
    font: str | None = None


@dataclass
class Row:
    """A unit's row as the sheet has it: its name and district as typed (in a legacy font, perhaps: the font the
    cell names, if it does), its numbers as text."""

    line: int | str  # as the sheet numbers it
    name: str
    district: str  # "" where the table has no district
    values: dict  # {field: text} for the number fields the table has
    fonts: tuple = (None, None)  # the legacy fonts the name's and the district's cells name


@dataclass
class Section:
    """One table of a sheet: its columns and its rows of units."""

    source: str
    header_line: int | str | None  # None: a page going on with the table of the page before
    columns: Columns
    rows: list = field(default_factory=list)
    header_cells: list = field(default_factory=list)  # the header row's cells, as read


@lru_cache(maxsize=4096)  # a sheet repeats its headers, districts and footers
def normal(text):
    """A header cell or phrase compared: folded, punctuation as spaces, words single-spaced."""
    text = unicodedata.normalize("NFC", text).lower().replace("०", "0")
    text = re.sub(r"[()\[\]{}.,:;/\\\-–_|*'\"‘’“”]", " ", text)
    return " ".join(fold(text).split())


_PHRASES = sorted(((normal(p), f) for f, phrases in FIELDS.items() for p in phrases), key=lambda pf: -len(pf[0]))


def field_of(cell):
    """The field a header cell names (the longest phrase found in it wins), or None."""
    text = normal(cell)
    if not text:
        return None
    padded = f" {text} "
    for phrase, name in _PHRASES:
        if phrase == "%" and "%" in text or f" {phrase} " in padded or (len(phrase) > 4 and phrase in text.replace(" ", "")):
            return name
    return None


def header_fields(row, below=None, chosen=None):
    """{field: column} a row names (with the row below it, under a merged heading), or None: fewer than
    LEAST_FIELDS, no marks, or no name. chosen: {field: column index or header text} staff gave (COLUMNS)."""
    named = {normal(text): name for name, text in (chosen or {}).items() if isinstance(text, str)}
    found = {}
    for column, cell in enumerate(row):
        name = named.get(normal(cell)) or field_of(cell)
        if name is None and below is not None and column < len(below):
            name = named.get(normal(below[column])) or field_of(below[column])
        if name and name not in found:
            found[name] = column
    found.update({name: column for name, column in (chosen or {}).items() if isinstance(column, int)})
    if len(found) < LEAST_FIELDS or ("marks" not in found and "percent" not in found):
        return None
    if not any(name in found for name in NAME_FIELDS):
        return None
    return found


def level_of(fields):
    """The level a header's name column means, and that column: a station's or tehsil's table names its
    district too; a table naming only districts is of districts."""
    for name in ("station", "tehsil", "zone", "range"):
        if name in fields:
            return name, fields[name]
    if "district" in fields and "name" not in fields:
        return "district", fields["district"]
    return None, fields["name"]


def is_number(text):
    return bool(re.fullmatch(r"[-+]?\d[\d,]*(\.\d+)?%?|[-+]?\.\d+%?", text.strip()))


def is_footer(row):
    words = [normal(cell) for cell in [cell for cell in row if cell.strip()][:2]]
    if not words:
        return False
    first = words[0] if not is_number(words[0]) or len(words) == 1 else (words[1] if len(words) > 1 else "")
    return any(first == w or first.startswith(w + " ") for w in map(normal, FOOTER_WORDS))


def decoded_table(table, font):
    """The table's rows with text typed in the font read as Unicode (read_cell); with a cell's own font where the
    file names a legacy one."""
    rows = []
    for r, row in enumerate(table.rows):
        fonts = table.fonts[r] if r < len(table.fonts) else []
        rows.append([read_cell(cell, legacy.font_named(fonts[c]) if c < len(fonts) else None, font)
                     for c, cell in enumerate(row)])
    return rows


def read_cell(cell, named, font):
    """A cell as Unicode: typed in the legacy font its cell names, else in font (None: Unicode); a cell with
    Devanagari in it, or no letters, as it is."""
    use = named or font
    return legacy.decode(cell, use) if use and needs_decoding(cell) else cell


def is_devanagari(text):
    return bool(schema.SCRIPT_LETTERS["Deva"].search(text))


def needs_decoding(cell):
    return bool(cell) and not is_devanagari(cell) and bool(re.search("[A-Za-z\u00a0-\u00ff]", cell))


def find_header(rows, start, chosen=None):
    """(row index, fields, rows used) of the first header at or after start, or None."""
    for index in range(start, min(len(rows), start + HEADER_SEARCH)):
        fields = header_fields(rows[index], chosen=chosen)
        if fields:
            return index, fields, 1
        # a heading over two rows ("अंक" merged over "प्राप्तांक | पूर्णांक"), not a title above a header
        if (index + 1 < len(rows) and sum(bool(c.strip()) for c in rows[index]) >= 2
                and not header_fields(rows[index + 1])):
            fields = header_fields(rows[index], rows[index + 1], chosen)
            if fields and not any(is_number(c) for c in rows[index + 1]):
                return index, fields, 2
    return None


def fonts_to_try(table):
    """The readings of a table to try, the likeliest first: the legacy font its cells name, Unicode, then each
    legacy font (Kruti Dev 010 and DevLys 010 place their glyphs alike: one reading serves both)."""
    named = {legacy.font_named(f) for row in table.fonts for f in row if f} - {None}
    return [*named, None, legacy.KRUTI_DEV, legacy.WALKMAN]


def sections(tables, chosen=None):
    """Every ranking in the tables, as Sections; and the tables where none was found, each with the header cells
    it has (for the message). chosen: {field: column index or header text} given by staff, in place of what the
    headers say."""
    found, missed, previous = [], [], None
    for table in tables:
        if table.unread:
            missed.append(table)
            continue
        start, continued = 0, False
        readings = {font: decoded_table(table, font) if font else table.rows for font in fonts_to_try(table)}
        rows = table.rows
        while start < len(rows):
            header, reading, rows = None, None, table.rows
            for font, decoded in readings.items():  # the reading under which the header names the most columns
                candidate = find_header(decoded, start, chosen)
                if candidate and (header is None or
                                  (candidate[0], -len(candidate[1])) < (header[0], -len(header[1]))):
                    header, reading, rows = candidate, font, decoded
            if header is None:
                if start == 0 and previous is not None and same_file(previous.source, table.source):
                    # a page that goes on with the table before it (a PDF prints its header once)
                    section = Section(table.source, None, previous.columns, header_cells=previous.header_cells)
                    last = previous.rows[-1] if previous.rows else None
                    start = read_rows(table, readings.get(previous.columns.font)
                                      or decoded_table(table, previous.columns.font), 0, section,
                                      (last.district, last.fonts[1]) if last else ("", None))
                    found.append(section)
                    previous, continued = section, True
                    continue
                if start == 0 and not continued:
                    missed.append(table)
                break
            index, fields, used = header
            level, _ = level_of(fields)
            section = Section(table.source, table.lines[index], Columns(fields, level, reading),
                              header_cells=rows[index])
            start = read_rows(table, rows, index + used, section)
            found.append(section)
            previous = section
    return found, missed


def same_file(a, b):
    return a.split(" › ")[0] == b.split(" › ")[0]


def read_rows(table, rows, start, section, district=("", None)):
    """The section's rows from start to its end; returns where the next table may begin. district: the district
    (and its cell's font) of the rows above, on the page before."""
    fields = section.columns.fields
    level, name_column = level_of(fields)
    # a station's or tehsil's table names its district too: the rows' parent (a district's table, its name)
    grouped = LEVEL[level].grouped if level else "name" in fields
    district_column = fields.get("district") if grouped else None
    district, district_font = district
    header = [normal(c) for c in rows[start - 1]] if start else None
    for index in range(start, len(rows)):
        row = rows[index]
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if is_footer(cells):
            return index + 1
        numbers = [c for c in cells if is_number(c)]
        filled = [c for c in cells if c]
        if not numbers and header is not None and [normal(c) for c in row] == header:
            continue  # the header again, on a new page
        if not numbers and len(filled) >= LEAST_FIELDS and header_fields(row, chosen=None):
            return index  # another table below this one
        raw = [c.strip() for c in table.rows[index]]
        fonts = table.fonts[index] if index < len(table.fonts) else []
        cell = lambda column: raw[column] if column is not None and column < len(raw) else ""  # noqa: E731
        font = lambda column: (legacy.font_named(fonts[column])  # noqa: E731
                               if column is not None and column < len(fonts) else None)
        if not numbers and len(filled) == 1:
            district = raw[cells.index(filled[0])]  # a heading row: the district of the rows below
            district_font = font(cells.index(filled[0]))
            continue
        if district_column is not None and cell(district_column):
            district, district_font = cell(district_column), font(district_column)
        values = {name: cell(column) for name, column in fields.items() if name in NUMBER_FIELDS}
        section.rows.append(Row(table.lines[index], cell(name_column), district, values,
                                (font(name_column), district_font if district else None)))
    return len(rows)
