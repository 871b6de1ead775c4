"""Calendar months as the data names them: "YYYY-MM" strings, which sort in time order."""

from functools import lru_cache


def next_month(month):
    """"2024-12" → "2025-01"."""
    year, number = map(int, month.split("-"))
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
