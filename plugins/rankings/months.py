"""Calendar months as the data names them: "YYYY-MM" strings, which sort in time order."""


def next_month(month):
    """"2024-12" → "2025-01"."""
    year, number = map(int, month.split("-"))
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def calendar_months(first, last):
    """Every month from first to last, both included: ["2023-11", "2023-12", "2024-01"]."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months
