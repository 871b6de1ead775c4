"""Figures as they are published: decimals, never binary floats, where a reader sees the digits.

The published percent is computed here once (ranking/ranks.py puts it in every result row) and every page, chart and
CSV reads it from there, so that a table and the chart beside it cannot round 3.125 two ways.
"""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

TWO_PLACES = Decimal("0.01")


def exact(value):
    """A float read from a decimal CSV cell, back as that decimal (75.56 stays 75.56)."""
    return Decimal(repr(float(value)))


@lru_cache(maxsize=1 << 16)
def round_percent(marks, max_marks):
    """Percent with two decimals, rounded half up from the exact decimal quotient (88.4615… → 88.46)."""
    return (exact(marks) / exact(max_marks) * 100).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def round_half_up(value):
    """A computed float figure (a median percent) as it is published: two decimals, half up."""
    return exact(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
