"""What each chart shows, as plain data in a page's model: the percent bands of a level's units, and a unit's
months. render/charts turns it into a spec and an SVG; the page's tables say the same numbers.
"""

from bisect import bisect_right

from ..data.months import calendar_months

# Percent bands of the spread charts: (label, lowest percent in the band); the first band is full marks.
BANDS = [("100%", 100), ("95–99.99", 95), ("90–94.99", 90), ("80–89.99", 80), ("70–79.99", 70), ("< 70", 0)]
LOWS_RISING = sorted(low for _, low in BANDS)  # the bands' lows to search a percent in (band_counts)
# The percent below which a chart's summary counts the units ("12 below 80%", as its sentence says).
LOW_PERCENT = 80
# A history chart shows the rank beside the percent only where a level has this few units: among 1,575
# stations, 1,249 of them sharing rank 1, a rank line jumps between 1 and 1,291 for a fall of five points.
RANK_CHART_MOST_UNITS = 100


def band_words(label):
    """A band as a table and a map's key say it: "100%", "95–99.99%", "< 70"."""
    return label if "%" in label or "<" in label else label + "%"


def band_counts(percents):
    """How many of the published percents fall in each band."""
    counts = [0] * len(BANDS)
    last = len(BANDS) - 1
    for percent in percents:  # BANDS fall; the band is the one with the highest low at most the percent
        counts[last - (bisect_right(LOWS_RISING, percent) - 1)] += 1
    return counts


def bands_block(rows, level, chart=None, with_top=False):
    """How many units of a level fall in each percent band (of the published percent), for a chart and the
    table beside it, and the two counts its summary gives (on full marks, below LOW_PERCENT); with_top: the
    level's words are those of a series with units at the top (vocabulary.py)."""
    counts = band_counts(row["percent"] for row in rows)
    return {"chart": chart or f"{level}-bands", "total": len(rows), "level": level, "with_top": with_top,
            "bands": [{"label": label, "said": band_words(label), "count": count, "full": low == 100}
                      for (label, low), count in zip(BANDS, counts)],
            "full_marks": sum(count for (_, low), count in zip(BANDS, counts) if low == 100),
            "below_low": sum(count for (_, low), count in zip(BANDS, counts) if low < LOW_PERCENT)}


def bands_chart(block):
    """The data of a bands chart (render.charts.kinds.bands_spec)."""
    return {"kind": "bands", "level": block["level"] + ("_top" if block["with_top"] else ""),
            "counts": [band["count"] for band in block["bands"]]}


def history_chart(history, published):
    """The data of a history chart (render.charts.kinds.history_spec): the unit's months, newest first, with the
    median percent of its level; every calendar month from its first to its last, so that a month without a rank
    breaks the line; the months among them its series did not publish; and whether the rank is drawn beside the
    percent (RANK_CHART_MOST_UNITS)."""
    months = calendar_months(history[-1]["month"], history[0]["month"])
    published = set(published)
    return {"kind": "history",
            "history": [{k: row[k] for k in ("month", "rank", "percent", "level_median", "ranked_in_level")}
                        for row in history],
            "months": months,
            "unpublished": [month for month in months if month not in published],
            "with_rank": max(row["ranked_in_level"] for row in history) <= RANK_CHART_MOST_UNITS}
