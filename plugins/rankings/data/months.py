"""Calendar months as the data names them: "YYYY-MM" strings, which sort in time order. Every step from one
month to another, and every reading of a month's year or number, is done here."""

import calendar
import datetime
import re
from functools import lru_cache

MONTH = re.compile(r"(\d{4})-(\d{2})")


def is_month(text):
    """"2024-12" is a month; "2024-13" and "2024-1" are not."""
    match = MONTH.fullmatch(text)
    return bool(match) and 1 <= int(match.group(2)) <= 12


def month_of(date):
    """A date's month: date(2026, 11, 3) → "2026-11"."""
    return f"{date.year:04d}-{date.month:02d}"


def year_of(month):
    """"2024-12" → 2024."""
    return int(month[:4])


def number_of(month):
    """"2024-12" → 12."""
    return int(month[5:7])


def month_index(month):
    """"2024-12" → 2024 × 12 + 11: consecutive calendar months differ by one."""
    return year_of(month) * 12 + number_of(month) - 1


def year_of_index(index):
    """The year of a month_index."""
    return index // 12


def first_day(month):
    """"2024-12" → date(2024, 12, 1)."""
    return datetime.date(year_of(month), number_of(month), 1)


def first_moment_ms(month):
    """The first instant of a month in UTC, in milliseconds since 1970 (a time scale's value in Vega)."""
    return calendar.timegm((year_of(month), number_of(month), 1, 0, 0, 0)) * 1000


def next_month(month):
    """"2024-12" → "2025-01"."""
    year, number = year_of(month), number_of(month)
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


@lru_cache(maxsize=4096)
def calendar_months(first, last):
    """Every month from first to last, both included: ("2023-11", "2023-12", "2024-01"). Kept: thousands of
    units share the same few ranges of months."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = next_month(month)
    return tuple(months)
