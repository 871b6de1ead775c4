"""A month's sheet (one file or several, a tab per level or not) to the rows of its month file: every table found
(layout.py), its names matched to units (names.py), its numbers checked. Nothing is returned unless every row is
matched and every number holds; every problem is returned at once.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pandas as pd

from .. import schema
from ..problems import Problem
from ..schema import PARENT_LEVEL
from ..vocabulary import LANGUAGES, LEVEL, LEVEL_IDS, N_, source_language
from . import layout, legacy, messages as m
from .names import NEAREST, Names
from .read import UnreadableSheet, read_tables

# The fields a table must have, as a message names them.
FIELD_WORDS = {"marks": N_("marks obtained"), "max_marks": N_("maximum marks")}
SAMPLED = 60  # rows on which the reading of a table's names (Unicode, or a legacy font) is decided
# The names a unit is told by to one reading a sheet in Devanagari.
DEVANAGARI_NAMES = next((info.name_column for info in LANGUAGES.values() if info.script == "Deva"), "name_hi")


@dataclass
class Part:
    """What one table gave: where it is, its level, how its names were read, how many rows."""

    source: str
    level: str
    font: str | None
    rows: int


@dataclass
class Imported:
    rows: list = field(default_factory=list)  # [{column: text}] in the contract's columns
    parts: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # tables with no numbers at all (a notes tab)
    # PDF pages with text but no table that could be read: told, not a problem (a cover letter is common, and a
    # page of the ranking that was lost shows as its units left out)
    unread: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def decimal_text(text):
    """"75.560" → "75.56", "90.0" → "90", "1,234" → "1234"; None where it is no number."""
    try:
        number = Decimal(text.replace(",", "").replace("%", "").strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return format(number.normalize(), "f")


def import_month(paths, dataset, series_id, month, taught=None, chosen=None, left_out=()):
    """Imported rows of the sheets at paths for series_id and month, or its problems."""
    result = Imported()
    tables = []
    for path in paths:
        try:
            tables += read_tables(path)
        except FileNotFoundError:
            result.problems.append(Problem(str(path), None, None, None, m.EXPECTED_SHEET_FILE))
        except UnreadableSheet as error:
            result.problems.append(Problem(str(path), None, None, None, m.EXPECTED_SHEET, {"error": str(error)}))
    sections, missed = layout.sections(tables, chosen)
    for table in missed:
        if table.unread:
            result.unread.append(table.source)
        elif any(layout.is_number(cell) for row in table.rows for cell in row):
            result.problems.append(Problem(table.source, None, None, None, m.EXPECTED_HEADER))
        elif table.rows:
            result.skipped.append(table.source)
    matcher = Matcher(dataset, series_id, taught or {})
    seen = {}
    for section in sections:
        if not section.rows:
            continue
        part = matcher.read(section, result.problems)
        if part is None:
            continue
        last = result.parts[-1] if result.parts else None
        if section.header_line is None and last and (last.level, last.font) == (part.level, part.font):
            # a PDF's page going on with the table before: one part, its pages "ranking.pdf › 3–5"
            last.source = last.source.split("–")[0] + "–" + section.source.split(" › ")[-1]
            last.rows += part.rows
        else:
            result.parts.append(part)
        for row, unit_id in matcher.matched(section, part, result.problems):
            if unit_id in seen:
                result.problems.append(Problem(section.source, row.line, None, row.name, m.EXPECTED_ONCE, {
                    "unit": matcher.said(unit_id, part.font is not None or layout.is_devanagari(row.name)),
                    "other": seen[unit_id]}))
                continue
            seen[unit_id] = row.line
            numbers = checked_numbers(section, row, result.problems)
            if numbers is not None:
                result.rows.append({"unit_id": unit_id, **numbers})
    if not result.problems:  # a row not matched would be told twice: as itself, and as a unit left out
        result.problems += matcher.missing(set(seen), month, left_out,
                                           paths[0].name if paths else "", hindi=matcher.any_hindi)
    if result.problems:
        result.rows = []
    return result


def checked_numbers(section, row, problems):
    """{marks, max_marks, rank?, counts…} as text, or None with the row's problems added."""
    found, bad = {}, False
    for name in ("marks", "max_marks"):
        text = decimal_text(row.values.get(name, ""))
        if text is None:
            problems.append(Problem(section.source, row.line, header(section, name), row.values.get(name, ""),
                                    m.EXPECTED_NUMBER))
            bad = True
        found[name] = text
    if bad:
        return None
    marks, maximum = Decimal(found["marks"]), Decimal(found["max_marks"])
    if maximum <= 0:
        problems.append(Problem(section.source, row.line, header(section, "max_marks"), found["max_marks"],
                                m.EXPECTED_POSITIVE))
        return None
    if marks > maximum:
        problems.append(Problem(section.source, row.line, header(section, "marks"), found["marks"], m.EXPECTED_WITHIN,
                                {"max": found["max_marks"]}))
        return None
    percent = row.values.get("percent", "").strip()
    if percent:
        problem = percent_problem(percent, marks, maximum)
        if problem is not None:
            problems.append(Problem(section.source, row.line, header(section, "percent"), percent, m.EXPECTED_PERCENT,
                                    {"computed": problem, "marks": found["marks"], "max": found["max_marks"]}))
            return None
    rank = row.values.get("rank", "").strip()
    if rank:
        text = decimal_text(rank)
        if text is None or not re.fullmatch(r"[1-9]\d*", text):
            problems.append(Problem(section.source, row.line, header(section, "rank"), rank, m.EXPECTED_RANK))
            return None
        found["rank"] = text
    for name in schema.COUNT_COLUMNS:
        if row.values.get(name, "").strip():
            text = decimal_text(row.values[name])
            found[name] = text if text is not None else row.values[name].strip()  # validation says what is wrong
    return found


def percent_problem(percent, marks, maximum):
    """None where a printed percent agrees with marks ÷ maximum to its printed decimals (a percent cell read as a
    fraction, 0.9374, agrees too); else the percent it should be, to those decimals."""
    text = decimal_text(percent)
    if text is None:
        return "?"
    printed = Decimal(text)
    places = max(0, -printed.as_tuple().exponent) if "." in text else 0
    exact = marks / maximum * 100
    half = Decimal(1).scaleb(-places) / 2
    if abs(printed - exact) <= half + Decimal("1e-9") or abs(printed * 100 - exact) <= half / 100 + Decimal("1e-9"):
        return None
    return f"{exact:.{places}f}"


def header(section, name):
    """The column a field was read from, as the sheet's letter: "E"."""
    column = section.columns.fields.get(name)
    return None if column is None else column_letter(column)


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Matcher:
    """The units a sheet's rows name, level by level, within the row's district."""

    def __init__(self, dataset, series_id, taught):
        units = dataset.units
        self.units = units
        marks = dataset.marks
        self.in_series = set(marks.loc[marks["series"] == series_id, "unit_id"])
        self.marks = marks.loc[marks["series"] == series_id]
        names = {}
        for unit_id, unit in units.iterrows():
            names[unit_id] = [*(unit[column] for column in schema.NAMES), *unit["other_names"],
                              *taught.get(unit_id, ())]
        self.names = Names(names)
        self.by_level = {level: set(units.index[units["level"] == level]) for level in LEVEL_IDS}
        self.children = units.groupby("parent").groups
        self.counterpart = {u: c for u, c in units["counterpart"].items() if isinstance(c, str)}
        for unit_id, other in list(self.counterpart.items()):
            self.counterpart.setdefault(other, unit_id)
        self.any_hindi = False

    def said(self, unit_id, hindi):
        """"अमीनाबाद, आगरा कमिश्नरेट (agra-commissionerate-aminabad)": a unit as the sheet's script names it, with
        its district where it has one, and its id."""
        column = DEVANAGARI_NAMES if hindi else source_language().name_column
        unit = self.units.loc[unit_id]
        parent = unit["parent"]
        where = f", {self.units.at[parent, column]}" if LEVEL[unit["level"]].grouped and isinstance(
            parent, str) else ""
        return f"{unit[column]}{where} ({unit_id})"

    def read(self, section, problems):
        """The Part a section is: its level (from its header, else from its names) and the reading of its names
        under which most of them are units'. None, with the problem, where marks or maximum cannot be placed."""
        fields = section.columns.fields
        for name in ("marks", "max_marks"):
            if name not in fields:
                placed = set(fields.values())
                unknown = [t for c, t in enumerate(section.header_cells) if t and c not in placed]
                problems.append(Problem(section.source, section.header_line, None, None, m.EXPECTED_PLACED, {
                    "field": FIELD_WORDS[name], "option": name, "example": unknown[0] if unknown else "E",
                    "headers": [f"{column_letter(c)} “{t}”" for c, t in enumerate(section.header_cells) if t]}))
                return None
        sample = section.rows[:SAMPLED]
        best = None
        levels = [section.columns.level] if section.columns.level else [l for l in LEVEL_IDS if self.by_level[l]]
        for level in levels:
            for font in dict.fromkeys([section.columns.font, None, legacy.KRUTI_DEV, legacy.WALKMAN]):
                score = sum(bool(self.units_of(row, level, font)[0]) for row in sample)
                if best is None or score > best[0]:
                    best = (score, level, font)
        if best is None or best[0] == 0 and section.columns.level is None:
            problems.append(Problem(section.source, section.header_line, None, None, m.EXPECTED_LEVEL))
            return None
        _, level, font = best
        return Part(section.source, level, font, len(section.rows))

    def district_ids(self, district, level):
        """The units a row's district names (a station's parent is a district or commissionerate: either, and
        its counterpart), or None where the row names none."""
        if not district:
            return None
        found = self.names.matches(district, self.by_level[PARENT_LEVEL[level]])
        ids = set(found)
        ids |= {self.counterpart[u] for u in found if u in self.counterpart}
        return ids

    def units_of(self, row, level, font):
        """(ids the row's name matches, the district ids that bound them or None, its name and district read)."""
        name = layout.read_cell(row.name, row.fonts[0], font)
        district = layout.read_cell(row.district, row.fonts[1], font)
        among = self.by_level[level]
        districts = None
        if LEVEL[level].grouped and district:
            districts = self.district_ids(district, level)
            among = {c for d in districts for c in self.children.get(d, ()) if c in among}
        found = self.names.matches(name, among)
        if len(found) > 1:
            preferred = [u for u in found if u in self.in_series]
            found = preferred or found
        return found, districts, name, district

    def matched(self, section, part, problems):
        """(row, unit id) for each row matched to one unit; a problem for each other."""
        for row in section.rows:
            found, districts, name, district = self.units_of(row, part.level, part.font)
            hindi = layout.is_devanagari(name)
            self.any_hindi |= hindi
            if not name:
                problems.append(Problem(section.source, row.line, None, None, m.EXPECTED_NAME))
            elif districts is not None and not districts:
                near = self.names.nearest(district, self.by_level[PARENT_LEVEL[part.level]])
                problems.append(Problem(section.source, row.line, None, district, m.EXPECTED_DISTRICT, {
                    "nearest": [self.said(u, hindi) for u in near]}))
            elif len(found) == 1:
                yield row, found[0]
            elif found:
                problems.append(Problem(section.source, row.line, None, name, m.EXPECTED_ONE_UNIT, {
                    "count": len(found), "units": [self.said(u, hindi) for u in found[:NEAREST]]}))
            else:
                problems.append(self.unmatched(section, row, part.level, name, district, districts, hindi))

    def unmatched(self, section, row, level, name, district, districts, hindi):
        """The problem of a name that no unit has where the row is: the units of that name elsewhere, if any
        (the district is likely wrong), else the nearest names and the line that teaches this one."""
        if districts:
            elsewhere = self.names.matches(name, self.by_level[level])
            if elsewhere:
                return Problem(section.source, row.line, None, name, m.EXPECTED_UNIT_ELSEWHERE, {
                    "level": level, "district": district, "count": len(elsewhere),
                    "units": [self.said(u, hindi) for u in elsewhere[:NEAREST]]})
        in_district = {c for d in districts or () for c in self.children.get(d, ())}
        near = self.names.nearest(name, self.by_level[level], first=in_district)
        params = {"level": level, "nearest": [self.said(u, hindi) for u in near],
                  "line": f"“{near[0] if near else 'unit-id'},{name}”"}
        if districts:
            return Problem(section.source, row.line, None, name, m.EXPECTED_UNIT_IN, {**params, "district": district})
        return Problem(section.source, row.line, None, name, m.EXPECTED_UNIT, params)

    def missing(self, imported, month, left_out, file, hindi):
        """Problems for the units ranked in the series' month before that the sheet leaves out (and not in
        left_out), and for ids in left_out that are not such units."""
        earlier = sorted(self.marks.loc[self.marks["month"] < month, "month"].unique())
        if not earlier:
            return [Problem(file, None, "LEFT_OUT", u, m.EXPECTED_LEFT_OUT, {"previous": "—"}) for u in left_out]
        previous = earlier[-1]
        ranked = set(self.marks.loc[self.marks["month"] == previous, "unit_id"])
        problems = [Problem(file, None, None, None, m.EXPECTED_RANKED, {
            "previous": previous, "unit": self.said(u, hindi), "id": u}) for u in sorted(ranked - imported - set(left_out))]
        problems += [Problem(file, None, "LEFT_OUT", u, m.EXPECTED_LEFT_OUT, {"previous": previous})
                     for u in left_out if u not in ranked or u in imported]
        return problems


def month_frame(imported, units):
    """The month file's rows in the contract's columns, names for the reader: by level, then id."""
    frame = pd.DataFrame(imported.rows)
    frame.insert(1, "level", frame["unit_id"].map(units["level"]))
    for position, column in enumerate(schema.NAMES, 2):
        frame.insert(position, column, frame["unit_id"].map(units[column]))
    frame["order"] = frame["level"].map(LEVEL_IDS.index)
    frame = frame.sort_values(["order", "unit_id"]).drop(columns="order")
    columns = ["unit_id", "level", *schema.NAMES, "marks", "max_marks"]
    columns += [c for c in ("rank", *schema.COUNT_COLUMNS) if c in frame.columns]
    return frame[columns].fillna("")
