"""The month's ranking as published: /data/<series>/<YYYY-MM>.csv, one file per series and month.

UTF-8 with a byte-order mark, so that Excel opens the Devanagari names correctly.
"""

import csv
import io
from functools import lru_cache

import pandas as pd

from .schema import COUNT_COLUMNS, DOWNLOAD_COLUMNS


@lru_cache(maxsize=1 << 16)
def plain_number(value):
    """90.0 → "90", 75.56 → "75.56", missing → ""."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    return str(int(value)) if value == int(value) else repr(value)


def month_csv(rows, units, counts_given):
    """The CSV text of one month: rows in the order given (level, then rank)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(DOWNLOAD_COLUMNS + tuple(counts_given))
    for row in rows:
        unit = units[row["unit_id"]]
        writer.writerow([
            row["unit_id"], row["level"], row["parent"] or "", unit["name_en"], unit["name_hi"],
            plain_number(row["marks"]), plain_number(row["max_marks"]),
            str(row["percent"]),
            plain_number(row["rank"]), plain_number(row["rank_in_parent"]),
            plain_number(row["previous_rank"]), plain_number(row["rank_change"]),
            *(plain_number(row[c]) for c in counts_given),
        ])
    return "\ufeff" + out.getvalue()


def counts_in_file(columns_given, series_id, month):
    return tuple(c for c in COUNT_COLUMNS if c in columns_given.get((series_id, month), ()))
