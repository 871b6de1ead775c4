"""The state's sheet, as the office saved it, to tables of text: every tab of a workbook, every table of a web
page, every page of a PDF.

Readers, chosen by measurement on the sample's 1,676-row police month: openpyxl for .xlsx (0.13 s; it also names
each cell's font, which tells Hindi typed in Kruti Dev from English), python-calamine for .xls and .ods (0.01 s;
openpyxl reads neither), lxml for web pages, pdfplumber for PDFs with a text layer. A cell is its text as the sheet
shows it: a number without a trailing ".0", a percent cell as the percent (93.74, not 0.9374).
"""

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv", ".htm", ".html", ".pdf"}


@dataclass
class Table:
    """One tab, web-page table or PDF's pages: its rows of cells as text, each row with the number a reader of
    the file finds it by (the spreadsheet's row; a PDF page's line of the table)."""

    source: str  # "ranking.xlsx › थाने"; a PDF's page: "ranking.pdf › 3"
    rows: list  # [[text, …], …]
    lines: list  # the row numbers, one per row
    fonts: list = field(default_factory=list)  # [[font name or None, …], …] where the file names fonts
    unread: bool = False  # a PDF's page with text on it where no table could be read


class UnreadableSheet(Exception):
    """A file that no reader can open, with why."""


def read_tables(path):
    """Every table of the file at path, in the file's order."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return read_xlsx(path)
        if suffix in (".xls", ".ods"):
            return read_calamine(path)
        if suffix in (".htm", ".html"):
            return read_html(path)
        if suffix == ".pdf":
            return read_pdf(path)
        if suffix in (".csv", ".txt", ".tsv"):
            return [read_text(path)]
    except UnreadableSheet:
        raise
    except Exception as error:  # each library has its own errors for a damaged file
        raise UnreadableSheet(f"{type(error).__name__}: {error}") from error
    raise UnreadableSheet(suffix or path.name)


def cell_text(value, percent=False):
    """A cell's value as the sheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if percent:
            value = round(value * 100, 10)
        if float(value).is_integer():
            return str(int(value))
        return repr(float(value))
    return " ".join(str(value).split())


def read_xlsx(path):
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    tables = []
    for sheet in book.worksheets:
        rows, lines, fonts = [], [], []
        for row in sheet.iter_rows():
            rows.append([cell_text(c.value, "%" in (c.number_format or "")) for c in row])
            fonts.append([c.font.name if c.font is not None and c.value is not None else None for c in row])
            lines.append(row[0].row if row else len(lines) + 1)
        tables.append(Table(f"{path.name} › {sheet.title}" if len(book.worksheets) > 1 else path.name,
                            rows, lines, fonts))
    return tables


def read_calamine(path):
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    tables = []
    for name in book.sheet_names:
        values = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        rows = [[cell_text(value) for value in row] for row in values]
        tables.append(Table(f"{path.name} › {name}" if len(book.sheet_names) > 1 else path.name,
                            rows, list(range(1, len(rows) + 1))))
    return tables


def decoded(data):
    """A text file's bytes as text: UTF-8 (with or without its byte-order mark), UTF-16 with its mark (Excel's
    "Unicode Text"), else Windows-1252 (English typed on Windows)."""
    for mark, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                           (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(mark):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path):
    text = decoded(path.read_bytes())
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = [[" ".join(cell.split()) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return Table(path.name, rows, list(range(1, len(rows) + 1)))


def read_html(path):
    import lxml.html

    document = lxml.html.fromstring(decoded(path.read_bytes()))
    tables = []
    for number, table in enumerate(document.iter("table"), 1):
        rows = grid(table)
        if rows:
            tables.append(Table(f"{path.name} › table {number}", rows, list(range(1, len(rows) + 1))))
    return tables


def grid(table):
    """A web page's table as rows of equal meaning: a cell spanning rows or columns fills each place it covers
    (a district cell merged over its stations is on each station's row)."""
    rows, spanning = [], {}  # spanning: column -> (rows left, text)
    for tr in table.iter("tr"):
        row, column = [], 0
        cells = iter(tr.xpath("./th|./td"))
        while True:
            if column in spanning:
                left, text = spanning[column]
                row.append(text)
                spanning[column] = (left - 1, text)
                if left - 1 == 0:
                    del spanning[column]
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text = " ".join(cell.text_content().split())
            for _ in range(int(cell.get("colspan", 1) or 1)):
                if int(cell.get("rowspan", 1) or 1) > 1:
                    spanning[column] = (int(cell.get("rowspan")) - 1, text)
                row.append(text)
                column += 1
        while column in spanning:  # spans past the row's last cell
            left, text = spanning.pop(column)
            row.append(text)
            if left > 1:
                spanning[column] = (left - 1, text)
            column += 1
        rows.append(row)
    return rows


def read_pdf(path):
    """A PDF's pages, each as a table (a ranking runs over pages: a page without a header continues the one
    before); a page with text but no table that could be read is a table with no rows and unread set."""
    import pdfplumber

    tables = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            found = [row for table in page.extract_tables() for row in table]
            if not found:
                found = page.extract_table({"vertical_strategy": "text", "horizontal_strategy": "text"}) or []
            source = f"{path.name} › {number}"
            if not found:
                tables.append(Table(source, [], [], unread=bool((page.extract_text() or "").strip())))
                continue
            rows = [[cell_text(cell) for cell in row] for row in found]
            tables.append(Table(source, rows, list(range(1, len(rows) + 1))))
    return tables
