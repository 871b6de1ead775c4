"""The published CSV files: a month of a series, every month of a series, one unit's whole history.

- /data/<series>/<YYYY-MM>.csv: the month's ranking as published (DOWNLOAD_COLUMNS, then the counts given);
- /data/<series>/<YYYY>.csv: every month of the series in a year, with `month` first;
- /data/<series>.csv: every month of the series, the same (where the host takes a file of its size);
- /data/units/<id>.csv: every series and month of one unit, with `series` and `month` first;
- /data/datapackage.json: all of them described (render/datapackage.py).
The multi-month files have the count columns any of their months gave, empty where a month did not give them.

UTF-8 with a byte-order mark, so that Excel opens the Devanagari names correctly. No cell can run as a formula
in a spreadsheet: text beginning with = + - @ or a tab or carriage return is written after a single quote, as
OWASP recommends for CSV injection (numbers are ours, written as digits: "-3" is a number, not a formula). Their
full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) too: spreadsheets in Asian locales read them as the ASCII ones.
"""

import csv
import io
from functools import lru_cache

import pandas as pd

from .. import urls
from ..data.months import year_of
from ..data.schema import COUNT_COLUMNS, DOWNLOAD_COLUMNS, NAMES
from ..data.vocabulary import source_language
from .datapackage import package_files
from .site_file import SiteFile

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63",
                  "\ufe6b")


def download_files(site, whole_series, languages, cited):
    """Every month of every series, each series' years, each series whole (whole_series; else a redirect from its
    address to its page, where its years are), each unit's history; then the Data Package that describes them. A
    file is made again only when its rows changed (their digest), or the build did (its fingerprint: the units'
    names are in it)."""
    published = []  # (path, kind, counts, title) of each file, for the package
    name = source_language().name_column  # the package describes its files in the messages' language
    titles = {series["id"]: series[name] for series in site.series}
    by_series = {}
    for series_id, month, rows, digest in site.month_rankings():
        counts = counts_in_file(site.columns_given, series_id, month)
        path = urls.month_csv(series_id, month)
        published.append((path, "month", counts, f"{titles[series_id]}, {month}"))
        yield SiteFile(path, lambda rows=rows, counts=counts: month_csv(rows, site.units, counts), (digest, *counts))
        by_series.setdefault(series_id, []).append((month, rows, digest))
    for series_id, months in by_series.items():
        months.sort(key=lambda month: month[0])
        years = {}
        for month in months:
            years.setdefault(year_of(month[0]), []).append(month)
        for year, in_year in [*years.items(), *([(None, months)] if whole_series else [])]:
            counts = counts_in_any(site.columns_given, [(series_id, month) for month, _, _ in in_year])
            path = urls.series_csv(series_id) if year is None else urls.series_year_csv(series_id, year)
            published.append((path, "months", counts, f"{titles[series_id]}, {year or 'every month'}"))
            yield SiteFile(path, lambda in_year=in_year, counts=counts: series_csv(
                [(month, rows) for month, rows, _ in in_year], site.units, counts),
                (*counts, *(digest for _, _, digest in in_year)))
    for unit_id, rows, digest in site.unit_rankings():
        counts = counts_in_any(site.columns_given, {(row["series"], row["month"]) for row in rows})
        published.append((urls.unit_csv(unit_id), "unit", counts, site.units[unit_id][name]))
        yield SiteFile(urls.unit_csv(unit_id), lambda rows=rows, counts=counts: unit_csv(rows, site.units, counts),
                       (digest, *counts))
    yield from package_files(published, site, languages, cited)


def redirects_file(site, canonical_base):
    """Where the host takes no file as large as a series whole (RANKINGS_WHOLE_SERIES_CSV off): its address leads
    to the series' page, where each year is a file of its own, so that a link to it keeps working (Cloudflare
    Pages' and Netlify's _redirects)."""
    root = urls.root_path(canonical_base)  # a site under a sub-path: its files are there
    lines = [f"{root}/{urls.series_csv(series['id'])} {urls.absolute(canonical_base, series['path'])}#years 302"
             for series in site.series]
    return SiteFile(urls.REDIRECTS, lambda: "\n".join(lines) + "\n", tuple(lines))


@lru_cache(maxsize=1 << 16)
def plain_number(value):
    """90.0 → "90", 75.56 → "75.56", missing → ""."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    return str(int(value)) if value == int(value) else repr(value)


def text_cell(value):
    """A text cell a spreadsheet shows as text, never runs: "=HYPERLINK(…)" → "'=HYPERLINK(…)"."""
    if not value:
        return ""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def ranking_cells(row, unit, counts_given):
    """The cells of DOWNLOAD_COLUMNS and the counts given, for one ranked row."""
    return [
        text_cell(row["unit_id"]), row["level"], text_cell(row["parent"]),
        *(text_cell(unit[column]) for column in NAMES),
        plain_number(row["marks"]), plain_number(row["max_marks"]),
        str(row["percent"]),
        plain_number(row["rank"]), plain_number(row["rank_in_parent"]),
        plain_number(row["previous_rank"]), plain_number(row["rank_change"]),
        *(plain_number(row[c]) for c in counts_given),
    ]


def csv_text(header, lines):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(lines)
    return "\ufeff" + out.getvalue()


def month_csv(rows, units, counts_given):
    """The CSV text of one month: rows in the order given (level, then rank)."""
    return csv_text(DOWNLOAD_COLUMNS + tuple(counts_given),
                    (ranking_cells(row, units[row["unit_id"]], counts_given) for row in rows))


def series_csv(months, units, counts_given):
    """Every month of a series: months is [(month, rows in level and rank order)], oldest first."""
    return csv_text(("month",) + DOWNLOAD_COLUMNS + tuple(counts_given),
                    ([month, *ranking_cells(row, units[row["unit_id"]], counts_given)]
                     for month, rows in months for row in rows))


def unit_csv(rows, units, counts_given):
    """One unit's history: rows of every series and month, in the order given (series, then month)."""
    return csv_text(("series", "month") + DOWNLOAD_COLUMNS + tuple(counts_given),
                    ([row["series"], row["month"], *ranking_cells(row, units[row["unit_id"]], counts_given)]
                     for row in rows))


def counts_in_file(columns_given, series_id, month):
    """The count columns one month's file gave, in schema order."""
    return counts_in_any(columns_given, [(series_id, month)])


def counts_in_any(columns_given, keys):
    """The count columns any of the (series, month) files gave, in schema order."""
    given = set()
    for key in keys:
        given.update(columns_given.get(key, ()))
    return tuple(c for c in COUNT_COLUMNS if c in given)
