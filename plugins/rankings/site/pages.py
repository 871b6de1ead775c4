"""Page models: what each page shows, as plain dicts and lists picked from the site model (model.py).

No Pelican, no language and no chart spec here: every page is rendered once per language (render/), which
formats numbers and picks names, and render/charts turns each page's chart data (chart_data.py) into a spec.
Counts and the lowest units come from ranking/records.py; paths from urls.py. Pages are yielded one at a time so
a state-size site never holds every page's rows in memory at once.
"""

from dataclasses import dataclass, field

from .. import urls
from ..data.months import calendar_months, next_month, year_of
from ..data.schema import COUNT_COLUMNS
from ..data.vocabulary import GROUPING_LEVELS, HOME_INDEXES, LEVEL, LEVEL_IDS
from ..ranking.records import STATE
from . import compare, district_map
from .chart_data import bands_block, bands_chart, history_chart
from .directories import split_by_level
from .district_map import locator_map, map_chart, month_map
from .month_story import month_story

# How many units the home page lists as top, bottom, rises and falls of each level.
HOME_LIST = 5
# Up to this many units at rank 1 are named on the home page; beyond it only their number is told.
HOME_TOP_NAMED = 10


@dataclass
class Page:
    path: str  # language-neutral URL path (urls.py): "" for home, "station/<id>/", "police/2024-12/"
    template: str
    model: dict
    # file stem beside the page ("police-history") → what the chart shows, as plain data (chart_data.py)
    charts: dict = field(default_factory=dict)


def all_pages(site):
    """Every page of the site, home first, then each series and its months, the indexes, and every unit."""
    yield home_page(site)
    for series in site.series:
        yield series_page(site, series)
        for month in series["months"]:
            yield month_page(site, series, month)
    for level in site.levels_present:
        yield level_index_page(site, level)
    yield Page(urls.FIND, "find.html", {})
    yield Page(urls.COMPARE, "compare.html", compare.page_model(site))
    for unit in site.units.values():
        yield unit_page(site, unit)
    for unit in site.units.values():
        for old_id in unit["formerly"]:
            yield Page(urls.unit(unit["level"], old_id), "redirect.html", {"target": unit, "old_id": old_id,
                                                                             "noindex": True})


def home_page(site):
    blocks, maps = [], {}
    for series in site.series:
        if not series["months"]:
            continue
        month = series["latest_month"]
        rows = site.month_rows(series["id"], month)
        correction = site.correction(series["id"], month)
        levels, by_level = [], list(split_by_level(rows))
        for level, level_rows in by_level:
            glance = level_glance(site, series["id"], month, level, level_rows)
            if level == district_map.LEVEL:  # each series' latest month on the map
                glance["map"] = month_map(site.tiles, level_rows, series, month,
                                          stem=f"{series['id']}-{district_map.STEM}")
                if glance["map"]:
                    maps[glance["map"]["chart"]] = glance["map"]
            levels.append(glance)
        blocks.append({"series": series, "month": month, "path": urls.month(series["id"], month), "levels": levels,
                       "story": month_story(site, series, month, by_level),
                       "correction": correction and {"corrected_on": correction.corrected_on,
                                                     "units": len(correction.changes)}})
    return Page(urls.home(), "home.html", charts={stem: map_chart(site.tiles) for stem in maps}, model={
        "blocks": blocks, "as_of": site.as_of(site.latest_month()), "maps": maps,
        "indexes": [level for level in HOME_INDEXES if level in site.levels_present]})


def level_glance(site, series_id, month, level, rows):
    """Home page summary of one level in one month: rank-1 count, top, bottom, rises, falls."""
    at_rank_1, ranked = site.counts(series_id, month, level)
    changed = [r for r in rows if r["rank_change"] is not None]
    # The leaders: the top few, or every unit sharing rank 1 while they are few enough to name.
    top = rows[:max(HOME_LIST, at_rank_1)] if at_rank_1 <= HOME_TOP_NAMED else []
    named = {row["unit_id"] for row in top}
    return {
        "level": level,
        "ranked": ranked,
        "at_rank_1": at_rank_1,
        "top": top,
        # Of 8 zones, the lowest five would repeat two of the top five: each unit is in one list.
        "bottom": [row for row in site.lowest(series_id, month, level) if row["unit_id"] not in named][:HOME_LIST],
        "rises": sorted([r for r in changed if r["rank_change"] > 0], key=lambda r: -r["rank_change"])[:HOME_LIST],
        "falls": sorted([r for r in changed if r["rank_change"] < 0], key=lambda r: r["rank_change"])[:HOME_LIST],
    }


def series_page(site, series):
    years = {}
    for month in reversed(series["months"]):
        rows = site.month_rows(series["id"], month)
        summary = [{"level": level, **count_dict(site, series["id"], month, level)}
                   for level, _ in split_by_level(rows)]
        years.setdefault(str(year_of(month)), []).append({"month": month, "levels": summary,
                                                          "path": urls.month(series["id"], month),
                                                          "download": urls.month_csv(series["id"], month)})
    return Page(series["path"], "series.html", {"series": series, "years": list(years.items()),
                                                "download": urls.series_csv(series["id"]),
                                                "year_downloads": [(year, urls.series_year_csv(series["id"], year))
                                                                   for year in years],
                                                "as_of": site.as_of(series["latest_month"])})


def count_dict(site, series_id, month, level, within=STATE):
    at_rank_1, ranked = site.counts(series_id, month, level, within)
    return {"at_rank_1": at_rank_1, "ranked": ranked}


def month_page(site, series, month):
    months = series["months"]
    index = months.index(month)
    levels, charts = [], {}
    for level, level_rows in split_by_level(site.month_rows(series["id"], month)):
        block = {"level": level, "rows": level_rows, **count_dict(site, series["id"], month, level),
                 "groups": None, "lowest": site.lowest(series["id"], month, level),
                 "parent_ranked": level in series["parent_ranked"],
                 # False in a series' first month, or after a month it did not publish: no change to show.
                 "compared": any(row["rank_change"] is not None for row in level_rows)}
        if LEVEL[level].grouped:
            block["groups"] = group_by_parent(site, series["id"], month, level, level_rows)
        block.update(bands_block(level_rows, level, with_top=level in series["with_top"]))
        block["map"] = month_map(site.tiles, level_rows, series, month) if level == district_map.LEVEL else None
        if block["map"]:  # the map says what the bands chart said, and where: it takes its place
            charts[block["map"]["chart"]] = map_chart(site.tiles)
        else:
            charts[block["chart"]] = bands_chart(block)
        levels.append(block)
    previous_month = months[index - 1] if index > 0 else None
    following = months[index + 1] if index + 1 < len(months) else None
    return Page(urls.month(series["id"], month), "month.html", charts=charts, model={
        "series": series,
        "month": month,
        "previous": urls.month(series["id"], previous_month) if previous_month else None,
        "previous_month": previous_month,
        "next": urls.month(series["id"], following) if following else None,
        "next_month": following,
        # The months between the one before and this one that the series did not publish: no change is shown.
        "unpublished_before": calendar_months(next_month(previous_month), month)[:-1] if previous_month else (),
        "download": urls.month_csv(series["id"], month),
        "correction": site.correction_rows(series["id"], month),
        "as_of": site.as_of(month, site.corrections.file_changed.get((series["id"], month))),
        "levels": levels,
        "story": month_story(site, series, month, [(block["level"], block["rows"]) for block in levels]),
        "counts_given": [c for c in COUNT_COLUMNS if c in site.columns_given.get((series["id"], month), ())],
        "maps": {block["map"]["chart"]: block["map"] for block in levels if block["map"]},
    })


def group_by_parent(site, series_id, month, level, rows):
    """One group per parent (district), each with its rows in rank order; pages order the groups by name in
    their language (render.language.Language.sorted_groups)."""
    groups = {}
    for row in rows:
        groups.setdefault(row["parent"], []).append(row)
    # Only levels whose units all have a parent are grouped (vocabulary.py), so every group has its counts.
    return [{"parent": site.units[parent_id], "rows": members,
             **count_dict(site, series_id, month, level, parent_id)}
            for parent_id, members in groups.items()]


def level_index_page(site, level):
    """Every unit of a level, parent by parent (pages order them by name in their language). A unit and its
    counterpart of the same level (a revenue district and its police commissionerate) are one entry: one area."""
    units = [u for u in site.units.values() if u["level"] == level]
    paired = {u["id"] for u in units if u["counterpart"] and site.units[u["counterpart"]]["level"] == level
              and u["top"]}  # the commissionerate is listed beside its district
    groups = {}
    for unit in units:
        if unit["id"] not in paired:
            groups.setdefault(unit["parent"], []).append(unit)
    return Page(urls.level_index(level), "level_index.html", {
        "level": level,
        "count": len(units) - len(paired),
        "pairs": len(paired),
        "groups": [{"parent": site.units.get(parent), "units": members} for parent, members in groups.items()],
        "as_of": site.as_of(site.latest_month()),
    })


def unit_page(site, unit):
    own = site.unit_rows(unit["id"])
    blocks, charts = [], {}
    for series in site.series:
        history = [row for row in own if row["series"] == series["id"]]
        if history:
            block = series_block(site, unit, series, history)
            blocks.append(block)
            charts[block["chart"]] = history_chart(block["history"], series["months"])
            block["chart_with_rank"] = charts[block["chart"]]["with_rank"]  # the chart's words say what it draws
            if block["spread"]:
                charts[block["spread"]["chart"]] = bands_chart(block["spread"])
    counterpart = site.units.get(unit["counterpart"])
    located = locator_map(site.tiles, unit, site.units)
    if located:
        charts[located["chart"]] = map_chart(site.tiles)
    return Page(unit["path"], "unit.html", charts=charts, model={
        "unit": unit,
        "ancestors": [site.units[a] for a in unit["ancestors"]],
        "child_units": site.children_of.get(unit["id"], {}),
        "blocks": blocks,
        "counterpart": counterpart,
        "counterpart_children": site.children_of.get(counterpart["id"], {}) if counterpart else {},
        "download": urls.unit_csv(unit["id"]) if blocks else None,
        # a district's feed of its months, per series (publish builds write them: render/feeds.py)
        "feeds": [(block["series"], urls.unit_feed(block["series"]["id"], unit["id"])) for block in blocks
                  if unit["level"] in GROUPING_LEVELS],
        "as_of": site.as_of(max((b["latest"]["month"] for b in blocks), default=None)),
        "maps": {located["chart"]: located} if located else {},
    })


def series_block(site, unit, series, history):
    """A unit in one series: its months (history, newest first), latest figures, records, corrections, and the
    units below it in its latest month."""
    history = sorted(history, key=lambda row: row["month"], reverse=True)
    latest = history[0]
    summaries = site.summaries_below(unit["id"], series["id"])
    below = units_below(site, unit, series, latest["month"], summaries)
    return {
        "chart": f"{series['id']}-history",
        "series": series,
        "latest": latest,
        "current": latest["month"] == series["latest_month"],
        "history": history,
        "timeline": timeline(history, series),
        "corrections": site.unit_corrections(unit["id"], series["id"]),
        # A rank in its parent where the series ranks the parent's level (ranking/ranks.py).
        "parent_ranked": unit["parent"] is not None and unit["level"] in series["parent_ranked"],
        "years": sorted(site.years(unit["id"], series["id"]), key=lambda y: y["year"], reverse=True),
        "best": site.best(unit["id"], series["id"]),
        "run": site.run(unit["id"], series["id"]),
        **below,
        "at_rank_1_by_month": {s["month"]: (s["at_rank_1"], s["ranked"]) for s in summaries
                               if s["level"] == below["deepest_level"]},
        "counts_given": [c for c in COUNT_COLUMNS if any(r[c] is not None for r in history)],
        "compare": site.neighbours.of(unit, series),
    }


def units_below(site, unit, series, month, summaries):
    """The levels below a unit in a month (ranked, at rank 1, lowest), the spread of its deepest level, and its
    own children's rows by level."""
    descendants = sorted(
        ({"level": s["level"], "ranked": s["ranked"], "at_rank_1": s["at_rank_1"],
          "lowest": site.lowest(series["id"], month, s["level"], unit["id"])}
         for s in summaries if s["month"] == month),
        key=lambda d: LEVEL_IDS.index(d["level"]),
    )
    deepest = descendants[-1]["level"] if descendants else None
    direct = site.child_rows(series["id"], month, unit["id"])
    spread = None
    if deepest:
        below = [row for row in site.month_rows(series["id"], month)
                 if row["level"] == deepest and unit["id"] in site.units[row["unit_id"]]["ancestors"]]
        spread = bands_block(below, deepest, f"{series['id']}-{deepest}-bands")  # under one unit: none at the top
    return {
        "spread": spread,
        "descendants": descendants,
        "deepest_level": deepest,
        "children": split_by_level(sorted(direct, key=lambda r: (LEVEL_IDS.index(r["level"]), r["rank"]))),
    }


def timeline(history, series):
    """The rows of a unit's history table, newest first: every calendar month from its first ranked month to its
    series' latest, a month without its rank said as what it is: the series published nothing that month
    ("not_published"), or it did and this unit was not in it ("not_ranked")."""
    by_month = {row["month"]: row for row in history}
    published = set(series["months"])
    rows = []
    for month in reversed(calendar_months(history[-1]["month"], series["latest_month"])):
        if month in by_month:
            rows.append(by_month[month])
        else:
            rows.append({"series": series["id"], "month": month,
                         "status": "not_ranked" if month in published else "not_published"})
    return rows
