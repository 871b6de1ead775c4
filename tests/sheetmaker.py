"""Sheets as offices make them, from a data folder's month file: for the import's tests and its benchmark.

A table per level, ordered by rank, under title rows, with a serial number, the district merged over its stations
(or on every row), marks, maximum, percent and rank, a total and a signature below; names written the ways offices
write them (variant()); in Hindi, perhaps typed in a legacy font, or in English. Written as .xlsx, .ods, .xls,
UTF-16 text, a web page or a PDF.
"""

import csv
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pandas as pd

from rankings.data.sheets import legacy

LEVEL_TABS = {"zone": ("जोन", "Zones"), "range": ("परिक्षेत्र", "Ranges"), "district": ("जनपद", "Districts"),
              "station": ("थाने", "Police stations"), "tehsil": ("तहसील", "Tehsils")}
NAME_HEADERS = {"zone": ("जोन", "Zone"), "range": ("परिक्षेत्र", "Range"),
                "district": ("जनपद/कमिश्नरेट", "District"), "station": ("थाना", "Police Station"),
                "tehsil": ("तहसील", "Tehsil")}
HEADERS = {"hi": ("क्र0सं0", "जनपद", "प्राप्तांक", "पूर्णांक", "प्रतिशत", "रैंक"),
           "en": ("S.No.", "District", "Marks Obtained", "Maximum Marks", "%", "Rank")}
COUNT_HEADERS = {"hi": ("प्राप्त संदर्भ", "निस्तारित संदर्भ", "डिफाल्टर संदर्भ", "फीडबैक", "असंतुष्ट फीडबैक"),
                 "en": ("Complaints received", "Disposed", "Defaulted", "Feedback calls", "Unsatisfied feedback")}
COUNTS = ("complaints_received", "complaints_disposed", "complaints_defaulted", "feedback_total",
          "feedback_unsatisfied")
TITLES = {"hi": ("उत्तर प्रदेश शासन", "माह की आईजीआरएस मासिक रैंकिंग"),
          "en": ("Government of Uttar Pradesh", "IGRS monthly ranking")}
FOOTER = {"hi": ("कुल", "ह0/- पुलिस अधीक्षक"), "en": ("Total", "Sd/- Superintendent of Police")}
HALF_NASALS = {"ङ्": "कखगघ", "ञ्": "चछजझ", "ण्": "टठडढ", "न्": "तथदधन", "म्": "पफबभम"}


def variant(name, number):
    """A name as an office might write it, the number-th way that changes it: "थाना " before it, nukta left
    out, a half nasal for an anusvara or the other way, "को0" for कोतवाली, a space dropped or added."""
    ways = []
    if "कोतवाली" in name:
        ways.append(name.replace("कोतवाली", "को0"))
    decomposed = unicodedata.normalize("NFD", name)
    if "\u093c" in decomposed:
        ways.append(unicodedata.normalize("NFC", decomposed.replace("\u093c", "")))
    for nasal, before in HALF_NASALS.items():
        if re.search(f"{nasal}[{before}]", name):
            ways.append(re.sub(f"{nasal}(?=[{before}])", "ं", name, count=1))
        elif re.search(f"ं(?=[{before}])", name):
            ways.append(re.sub(f"ं(?=[{before}])", nasal, name, count=1))
    if " " in name:
        ways.append(name.replace(" ", "", 1))
    elif len(name) >= 6:
        ways.append(name[:3] + " " + name[3:] if name[3] not in "ािीुूृेैोौंँ़्" else name)
    ways.append("थाना " + name)
    return ways[number % len(ways)] if ways else name


def ranked(rows):
    """Rows by percent, highest first, with competition ranks (ties share, the next skips)."""
    rows = rows.assign(percent=[Decimal(str(m)) / Decimal(str(x)) * 100 for m, x in zip(rows["marks"], rows["max_marks"])])
    rows = rows.sort_values(["percent", "unit_id"], ascending=[False, True]).reset_index(drop=True)
    rows["rank"] = rows["percent"].rank(method="min", ascending=False).astype(int)
    return rows


def tables(folder, series, month, language="hi", variants=True, grouped=True, font=None, upper=False):
    """{tab name: rows of cells} for the month file, one tab per level."""
    folder = Path(folder)
    units = pd.read_csv(folder / "units.csv", dtype=str, keep_default_na=False).set_index("id")
    month_rows = pd.read_csv(folder / series / f"{month}.csv", dtype={"unit_id": str})
    month_rows["level"] = month_rows["unit_id"].map(units["level"])
    name = "name_hi" if language == "hi" else "name_en"
    out = {}
    for level in LEVEL_TABS:
        rows = month_rows.loc[month_rows["level"] == level]
        if rows.empty:
            continue
        rows = ranked(rows)
        with_district = level in ("station", "tehsil")
        headers = list(HEADERS[language])
        headers.insert(2 if with_district else 1, NAME_HEADERS[level][0 if language == "hi" else 1])
        if not with_district:
            headers.remove(HEADERS[language][1])
        counts = [c for c in COUNTS if c in rows and rows[c].notna().any()]
        headers += [COUNT_HEADERS[language][COUNTS.index(c)] for c in counts]
        title = [TITLES[language][0]], [f"{TITLES[language][1]} ({LEVEL_TABS[level][0 if language == 'hi' else 1]})"]
        body = []
        if with_district and grouped:
            rows["district"] = rows["unit_id"].map(units["parent"]).map(units[name])
            rows = rows.assign(order=rows.groupby("district")["rank"].transform("min")).sort_values(
                ["order", "district", "rank", "unit_id"], kind="stable").reset_index(drop=True)
        previous = None
        for number, row in enumerate(rows.itertuples(), 1):
            unit = units.loc[row.unit_id]
            shown = variant(unit[name], number) if variants and language == "hi" and number % 3 == 0 else unit[name]
            if upper:
                shown = shown.upper()
            cells = [str(number)]
            if with_district:
                district = units.loc[unit["parent"], name]
                cells.append("" if grouped and district == previous else district)
                previous = district
            cells += [shown, number_text(row.marks), number_text(row.max_marks), f"{row.percent:.2f}", str(row.rank)]
            cells += ["" if pd.isna(getattr(row, c)) else number_text(getattr(row, c)) for c in counts]
            body.append(cells)
        footer = [[FOOTER[language][0]] + [""] * (len(headers) - 1), [], [FOOTER[language][1]]]
        sheet = [*title, [], headers, *body, *footer]
        if font:
            sheet = [[legacy.encode(c, font) if re.search("[\u0900-\u097f]", c) else c for c in r] for r in sheet]
        out[LEVEL_TABS[level][0 if language == "hi" else 1]] = sheet
    return out


def number_text(value):
    return format(Decimal(str(value)).normalize(), "f")


def merged_runs(rows, column):
    """(first, last) row indexes of each district cell followed by blanks (a merged cell in the sheet)."""
    runs, start = [], None
    for index, row in enumerate(rows):
        if len(row) <= column or not re.fullmatch(r"\d+", row[0] if row else ""):
            if start is not None and index - 1 > start:
                runs.append((start, index - 1))
            start = None
            continue
        if row[column]:
            if start is not None and index - 1 > start:
                runs.append((start, index - 1))
            start = index
    return runs


def cell_value(text):
    return float(text) if re.fullmatch(r"\d+(\.\d+)?", text) and text.count(".") <= 1 else text


def write_xlsx(path, sheets, font_name=None):
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for tab, rows in sheets.items():
        sheet = book.create_sheet(tab)
        for row in rows:
            sheet.append([cell_value(c) if i else c for i, c in enumerate(row)] if row else [])
        if font_name:
            for row in sheet.iter_rows():
                for cell in row:
                    cell.font = Font(name=font_name)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
        for first, last in merged_runs(rows, 1):  # only a district column has blanks below a name
            sheet.merge_cells(start_row=first + 1, start_column=2, end_row=last + 1, end_column=2)
    book.save(path)


def write_ods(path, sheets):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for tab, rows in sheets.items():
        table = Table(name=tab)
        merged = {first: last - first + 1 for first, last in merged_runs(rows, 1)}
        covered = {i for first, size in merged.items() for i in range(first + 1, first + size)}
        for index, row in enumerate(rows):
            tr = TableRow()
            for column, text in enumerate(row):
                if column == 1 and index in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                value = cell_value(text) if column else text
                attributes = {"numberrowsspanned": merged[index]} if column == 1 and index in merged else {}
                if isinstance(value, float):
                    cell = TableCell(valuetype="float", value=value, **attributes)
                else:
                    cell = TableCell(valuetype="string", **attributes)
                cell.addElement(P(text=text))
                tr.addElement(cell)
            table.addElement(tr)
        document.spreadsheet.addElement(table)
    document.save(str(path))


def write_xls(path, sheets):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for tab, rows in sheets.items():
        sheet = book.add_sheet(tab)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                sheet.write(r, c, cell_value(text) if c else text)
    book.save(str(path))


def write_text(path, rows, encoding="utf-16", delimiter="\t"):
    with open(path, "w", encoding=encoding, newline="") as file:
        csv.writer(file, delimiter=delimiter, lineterminator="\r\n").writerows(rows)


def write_html(path, sheets):
    parts = ["<!doctype html><meta charset=utf-8><title>IGRS</title>"]
    for tab, rows in sheets.items():
        merged = dict(merged_runs(rows, 1))
        covered = {i for first, last in merged.items() for i in range(first + 1, last + 1)}
        parts.append(f"<h2>{tab}</h2><table border=1>")
        for index, row in enumerate(rows):
            cells = []
            for column, text in enumerate(row):
                if column == 1 and index in covered:
                    continue
                span = f" rowspan={merged[index] - index + 1}" if column == 1 and index in merged else ""
                cells.append(f"<td{span}>{text}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    Path(path).write_text("\n".join(parts), encoding="utf-8")


def write_pdf(path, sheets, cover=False):
    """A PDF printed from a sheet typed in a legacy font: its text layer is the font's Latin letters. cover: a
    first page of text, no table (the letter that comes with a ranking)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", format="A4")
    pdf.set_font("Helvetica", size=8)
    if cover:
        pdf.add_page()
        pdf.multi_cell(0, 6, "Government of Uttar Pradesh. IGRS monthly ranking: the tables follow, one per level. "
                             "Marks of police stations are out of 90, of districts out of 125.")
    for rows in sheets.values():
        pdf.add_page()
        width = max(len(r) for r in rows)
        with pdf.table(col_widths=[12] + [30] * (width - 1), text_align="LEFT", first_row_as_headings=False) as table:
            for row in rows:
                if row:
                    cells = table.row()
                    for text in row + [""] * (width - len(row)):
                        cells.cell(text.encode("latin-1", "replace").decode("latin-1"))
    pdf.output(str(path))
