"""Altair charts, each kind built once, and a page's chart as that kind with its own rows: the Vega-Lite spec.

Speed, by design (TOOLING.md):
- Each chart kind is built once with Altair over alt.NamedData; a unit's chart is a copy of that dict with the
  unit's rows in "datasets": no per-unit Altair work.
- Charts are language-neutral: every word is a token (⟦rank⟧, a month as §11§) placed where its width moves
  nothing (centred titles and tick labels, start-anchored names); each language's words replace the tokens in
  the finished SVG (files.localise). One render serves Hindi and English, and the browser shapes the Devanagari.
- A chart's key (chart_key) is a digest of its data and of the code that makes its SVG, so that the pool
  (pool.py) renders only charts the cache does not have.
"""

import hashlib
import json
import math
import os
import pickle
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ...data.months import first_moment_ms, month_index, number_of, year_of
from ...data.schema import TILE_GAP, TILE_HEIGHT, TILE_LABEL_ROOM, TILE_LABEL_SIZE, TILE_LABEL_SMALLEST, TILE_WIDTH
from ...site.chart_data import BANDS
from .style import (ACCENT, AXIS_LABEL_SIZE, BAND_COLOURS, GAP, INK, MUTED, PANEL_HEIGHT, RANK_PANEL_HEIGHT, WIDTH,
                    config)

MONTH_LABELS = 6  # "Jan 24" labels that fit under a chart WIDTH wide
HALF_MONTH_MS = 15 * 24 * 3600 * 1000
# The modules whose code makes a chart's SVG from its data: part of every chart's key.
SPEC_MODULES = ("kinds.py", "style.py", "vega.py")
# A word in a chart, put in place by files.localise: ⟦rank⟧ for a word, §11§ for a month's short name.
# ⟦tile:c-r⟧: the label of the map's tile at column c, row r (its colours and link, ⟦fill:c-r⟧, ⟦ink:c-r⟧ and
# ⟦href:c-r⟧, are put in per page by render/tile_map.py, not here).
TOKEN = re.compile(r"⟦([a-z_]+|tile:\d+-\d+)⟧|§(\d{1,2})§")


@cache
def history_template(with_rank):
    """A unit's percent month by month, the main line, beside the median percent of its level (how the others
    did) over months its series did not publish shaded grey; with_rank: under it, a small panel of its rank
    (axis reversed, 1 at the top). A month the unit was not ranked is a gap in its lines."""
    import altair as alt  # here, not at the top: the rendering workers never need it (a second at start)

    def months_axis(labels):
        if not labels:
            return alt.X("month:T", title=None, timeUnit="utcyearmonth",
                         axis=alt.Axis(labels=False, ticks=False, grid=False))
        return alt.X("month:T", title=None, timeUnit="utcyearmonth",
                     axis=alt.Axis(labelExpr="'§' + utcmonth(datum.value) + '§ ' + utcFormat(datum.value, '%y')",
                                   grid=False, labelAngle=0, labelOverlap=False))  # month_ticks spaces them

    base = alt.Chart(alt.NamedData("rows")).encode(x=months_axis(not with_rank)).properties(
        width=WIDTH, height=PANEL_HEIGHT)
    percent_y = alt.Y("percent:Q", title="⟦percent⟧", scale=alt.Scale(zero=False, nice=False),
                      axis=alt.Axis(tickCount=3))
    # Outlined in its own colour: months side by side, rounded to a tenth of a pixel, left hairlines between them.
    unpublished = base.mark_rect(color=GAP, stroke=GAP, strokeWidth=0.6).encode(opacity=alt.value(1)).transform_filter(
        "datum.unpublished")
    median = base.mark_line(color=MUTED, strokeDash=[4, 3], invalid="break-paths-filter-domains").encode(
        y=alt.Y("median:Q", scale=alt.Scale(zero=False, nice=False)))
    # A point only where a month stands alone between gaps (a line needs two): points on every month would
    # cost a third of the render.
    line = base.mark_line(color=ACCENT, strokeWidth=2, invalid="break-paths-filter-domains").encode(y=percent_y)
    alone = base.mark_point(color=ACCENT, filled=True, size=30).encode(y=percent_y).transform_filter("datum.alone")
    percent = alt.layer(unpublished, median, line, alone)
    if with_rank:
        rank_base = alt.Chart(alt.NamedData("rows")).encode(x=months_axis(True)).properties(
            width=WIDTH, height=RANK_PANEL_HEIGHT)
        rank_y = alt.Y("rank:Q", title="⟦rank⟧", scale=alt.Scale(reverse=True, zero=False, nice=False),
                       axis=alt.Axis(format=",d", tickMinStep=1))
        rank = rank_base.mark_line(color=INK, strokeWidth=1, invalid="break-paths-filter-domains").encode(
            y=rank_y) + rank_base.mark_point(color=INK, filled=True, size=16).encode(y=rank_y).transform_filter(
            "datum.alone")
        chart = alt.vconcat(percent, rank, spacing=8)
    else:
        chart = percent
    spec = chart.configure(**config()).to_dict()
    spec.pop("$schema", None)
    spec["usermeta"] = {"kind": "history_rank" if with_rank else "history"}
    return spec


@cache
def bands_template():
    """How many units fall in each percent band: full marks, then the tail below."""
    import altair as alt

    # Each band in the map's colour for it (a light band outlined, on white), so that the two say one thing.
    labels_in_order = [label for label, _ in BANDS]
    chart = alt.Chart(alt.NamedData("rows")).mark_bar(stroke=MUTED, strokeWidth=0.5).encode(
        y=alt.Y("band:N", title="⟦percent⟧", sort=labels_in_order, axis=alt.Axis(labelLimit=120)),
        x=alt.X("count:Q", title="⟦units⟧", axis=alt.Axis(format=",d", tickMinStep=1)),
        color=alt.Color("band:N", scale=alt.Scale(domain=labels_in_order, range=list(BAND_COLOURS)), legend=None),
    ).properties(width=WIDTH - 80, height=len(BANDS) * 18)
    labels = chart.mark_text(align="left", dx=3, color=INK, fontSize=11).encode(
        text=alt.Text("count:Q", format=",d"), color=alt.value(INK), stroke=alt.value(None))
    spec = (chart + labels).configure(**config()).to_dict()
    spec.pop("$schema", None)
    spec["usermeta"] = {"kind": "bands"}
    return spec


@cache
def tiles_template():
    """The district map: each district a tile where tiles.csv places it, coloured (by its band of percent, or
    marked on a zone's, range's or district's page), labelled with its short name, linked to its page. Every
    place and size is given in the rows, and every colour, word and link is a token (tiles_spec)."""
    import altair as alt

    base = alt.Chart(alt.NamedData("rows"))
    tiles = base.mark_rect().encode(  # the tile is the link; its label goes inside it (render/tile_map.py)
        href=alt.Href("href:N"),
        x=alt.X("x:Q", scale=None, axis=None), x2="x2:Q", y=alt.Y("y:Q", scale=None, axis=None), y2="y2:Q",
        fill=alt.Fill("fill:N", scale=None))
    labels = base.mark_text(baseline="middle", align="center").encode(
        x=alt.X("cx:Q", scale=None, axis=None), y=alt.Y("cy:Q", scale=None, axis=None), text="label:N",
        fill=alt.Fill("ink:N", scale=None), size=alt.Size("size:Q", scale=None))
    spec = alt.layer(tiles, labels).properties(width=TILE_WIDTH, height=TILE_HEIGHT, autosize="none", padding=0).configure(
        **config()).to_dict()
    spec.pop("$schema", None)
    spec["usermeta"] = {"kind": "tiles"}
    return spec


# Where the chart kinds, once built with Altair, are kept (ChartStore sets it): building them means importing
# Altair, about half a second of every build, for the same few kilobytes of JSON.
_kinds_folder = None


def keep_kinds_in(folder):
    """Where the chart kinds are kept as JSON: the build's cache, which the pool's workers read them from."""
    global _kinds_folder
    _kinds_folder = Path(folder)


@cache
def code_version():
    """What turns chart data into an SVG: SPEC_MODULES and Altair. Part of every chart's key (read once: a build
    asks for it thousands of times)."""
    code = b"".join((Path(__file__).parent / name).read_bytes() for name in SPEC_MODULES)
    return hashlib.sha256(code + version("altair").encode()).hexdigest()[:16]


KINDS = {"history": lambda: history_template(False), "history_rank": lambda: history_template(True),
         "bands": bands_template, "tiles": tiles_template}


def _kind(kind):
    build = KINDS[kind]
    if _kinds_folder is None:
        return build()
    file = _kinds_folder / f"{kind}-{code_version()}.json"
    if file.exists():
        return json.loads(file.read_text(encoding="utf-8"))
    spec = build()
    partial = file.with_suffix(f".{os.getpid()}.partial")
    partial.write_text(json.dumps(spec), encoding="utf-8")
    os.replace(partial, file)
    return spec


@cache
def _pickled(kind):
    return pickle.dumps(_kind(kind), protocol=5)


def fresh_copy(kind):
    """A chart kind's spec to fill in: unpickling is several times faster than copy.deepcopy."""
    return pickle.loads(_pickled(kind))


def spec_of(chart):
    """The Vega-Lite spec of a page's chart data (site/chart_data.py, site/district_map.py)."""
    if chart["kind"] == "history":
        return history_spec(chart["history"], chart["months"], chart["unpublished"], chart["with_rank"])
    if chart["kind"] == "tiles":
        return tiles_spec(chart["grid"], chart["places"], chart["labels"])
    return bands_spec(chart["counts"], chart["level"])


def history_spec(history, month_range, unpublished=(), with_rank=False):
    """history: rows with month, rank, ranked_in_level, the published percent and its level's median;
    month_range: every calendar month from the first to the last, so that a month without a rank breaks the
    line; unpublished: the months among them that the series did not publish (shaded)."""
    by_month = {row["month"]: row for row in history}
    unpublished = set(unpublished)
    rows = []
    for month in month_range:
        row = by_month.get(month)
        rows.append({"month": month + "-01", "rank": row["rank"] if row else None,
                     "percent": float(row["percent"]) if row else None,
                     "median": float(row["level_median"]) if row else None,
                     "unpublished": month in unpublished})
    for i, row in enumerate(rows):
        before = rows[i - 1]["percent"] if i > 0 else None
        after = rows[i + 1]["percent"] if i + 1 < len(rows) else None
        row["alone"] = row["percent"] is not None and before is None and after is None
    spec = fresh_copy("history_rank" if with_rank else "history")
    spec["datasets"] = {"rows": rows}
    lowest = min(min(r["percent"], r["median"]) for r in rows if r["percent"] is not None)
    percent_domain = [min(90, 10 * math.floor(lowest / 10)), 100]
    ticks = month_ticks(month_range)
    patch = {"domains": {}, "values": {}}
    if len(month_range) == 1:
        # One month alone: centred, half a month either side, not on the y-axis where its label was lost.
        middle = first_moment_ms(month_range[0])
        patch["months"] = [middle - HALF_MONTH_MS, middle + HALF_MONTH_MS]
    if with_rank:
        percent_panel, rank_panel = spec["vconcat"]
        lowest_rank = max(row["ranked_in_level"] for row in history)
        rank_domain, rank_values = [1, max(lowest_rank, 2)], rank_ticks(lowest_rank)
        for layer in rank_panel["layer"]:
            layer["encoding"]["y"]["scale"]["domain"] = rank_domain
            layer["encoding"]["y"]["axis"]["values"] = rank_values
        rank_panel["layer"][0]["encoding"]["x"]["axis"]["values"] = ticks
        patch["domains"].update(concat_0_y=percent_domain, concat_1_y=rank_domain)
        patch["values"].update(concat_1_y=rank_values, concat_1_x=ticks)
    else:
        percent_panel = spec
        percent_panel["layer"][2]["encoding"]["x"]["axis"]["values"] = ticks
        patch["domains"]["y"] = percent_domain
        patch["values"]["x"] = ticks
    for layer in percent_panel["layer"][1:]:
        layer["encoding"]["y"]["scale"]["domain"] = percent_domain
    spec["usermeta"] = {**spec["usermeta"], **patch}
    return spec


def bands_spec(counts, level):
    """counts: how many units fall in each of BANDS (band_counts)."""
    spec = fresh_copy("bands")
    for layer in spec["layer"]:
        layer["encoding"]["x"]["title"] = f"⟦{level}⟧"
    spec["datasets"] = {"rows": [{"band": label, "count": count, "full": low == 100}
                                 for (label, low), count in zip(BANDS, counts)]}
    # Whole numbers, given: Vega's own ticks for a count of 2 were 0, 0.5, 1 … and "d" printed "0 1 1 2 2".
    ticks = count_ticks(max(counts))
    for layer in spec["layer"]:  # in the spec itself, and as what to_vega puts into the compiled kind
        layer["encoding"]["x"].setdefault("scale", {})["domain"] = [0, ticks[-1]]
        layer["encoding"]["x"]["axis"]["values"] = ticks
    spec["usermeta"] = {**spec["usermeta"], "domains": {"x": [0, ticks[-1]]}, "values": {"x": ticks}}
    return spec


def tiles_spec(grid, places, labels):
    """grid: (columns, rows); places: (column, row) of each tile; labels: {"column-row": the tile's label in each
    language}, measured so that each fits its tile in every language. One drawing serves every map of the site:
    its words and colours are tokens, put in place per language and page (⟦tile:c-r⟧ a label, files.localise;
    ⟦fill:c-r⟧, ⟦ink:c-r⟧ a tile's colours and ⟦href:c-r⟧ its link, render/tile_map.py), so that the map is
    rendered once, not once for each month and each zone's, range's and district's page."""
    from ...data import typeset

    room = TILE_LABEL_ROOM
    rows = []
    for column, row in places:
        place = f"{column}-{row}"
        widest = max(typeset.width(label, TILE_LABEL_SIZE) for label in labels[place])
        x, y = column * TILE_WIDTH, row * TILE_HEIGHT
        rows.append({"x": x, "x2": x + TILE_WIDTH - TILE_GAP, "y": y, "y2": y + TILE_HEIGHT - TILE_GAP,
                     "cx": x + (TILE_WIDTH - TILE_GAP) / 2, "cy": y + (TILE_HEIGHT - TILE_GAP) / 2,
                     "fill": f"⟦fill:{place}⟧", "ink": f"⟦ink:{place}⟧",
                     "size": round(max(TILE_LABEL_SMALLEST, min(TILE_LABEL_SIZE, TILE_LABEL_SIZE * room / widest)), 1),
                     "label": f"⟦tile:{place}⟧", "href": f"⟦href:{place}⟧"})
    spec = fresh_copy("tiles")
    spec["datasets"] = {"rows": rows}
    size = [grid[0] * TILE_WIDTH - TILE_GAP, grid[1] * TILE_HEIGHT - TILE_GAP]
    spec["width"], spec["height"] = size
    spec["usermeta"] = {**spec["usermeta"], "size": size}
    return spec


def count_ticks(most):
    """Whole-number ticks from 0 to at least most, at most six: 0 1 2; 0 2 4 6; 0 500 1000 1500."""
    step = 1
    while most / step > 5:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50 …
    top = -(-max(most, 1) // step) * step
    return list(range(0, top + 1, step))


def rank_ticks(lowest_rank):
    """Rank axis ticks: 1, round steps, and the lowest rank held, which ends the axis (ending at 60 for 75 units,
    rank 75 read as 65); no two closer than a label's height in the rank panel."""
    if lowest_rank <= 1:
        return [1]
    room = (AXIS_LABEL_SIZE + 2) * (lowest_rank - 1) / RANK_PANEL_HEIGHT  # ranks a label's height stands for
    step = next(step for power in range(7) for step in (10 ** power, 2 * 10 ** power, 5 * 10 ** power)
                if step >= room)
    middle = [tick for tick in range(step, lowest_rank, step) if tick - 1 >= room and lowest_rank - tick >= room]
    return [1, *middle, lowest_rank]


@cache
def widest_month_label():
    """The width in pixels of the widest month label ("अक्टू॰ 23", "Sept 23") of every language, as drawn."""
    from babel.dates import get_month_names

    from ...data.vocabulary import LANGUAGES
    from ...data import typeset

    names = [name for info in LANGUAGES.values()
             for name in get_month_names("abbreviated", locale=info.locale).values()]
    return max(typeset.width(f"{name} 23", AXIS_LABEL_SIZE) for name in names)


def month_ticks(month_range):
    """Month labels that fit the chart's width, measured in the fonts that draw them (Hindi's are the wider):
    every month of a short history, every 3rd, 6th or 12th month of a longer one, every 2nd, 3rd or 5th January
    of a very long one; never two labels closer than the widest label and a gap."""
    per_month = WIDTH / max(len(month_range) - 1, 1)
    room = widest_month_label() + 8
    for step in (1, 3, 6, 12, 24, 36, 60):  # in months: every month … every fifth January
        picked = [m for m in month_range if month_index(m) % step == 0]
        if len(picked) <= MONTH_LABELS and (len(picked) < 2 or step * per_month >= room):
            break
    # A label at either end of the axis is set flush with it (Vega's labelFlush), its whole width inward rather
    # than half: where its neighbour is closer than that, the neighbour goes ("जुल॰ 25अक्टू॰ 25" collided).
    for end, neighbour in ((-1, -2), (0, 1)):
        if len(picked) > 1 and picked[end] == month_range[end] and \
                abs(month_index(picked[end]) - month_index(picked[neighbour])) * per_month < room * 1.5:
            picked.pop(neighbour)
    return [{"year": year_of(m), "month": number_of(m), "date": 1, "utc": True} for m in picked]


@cache
@cache
def renderers():
    """The versions of what draws the charts: a new vl-convert or resvg may draw differently, so they are part
    of every cache key (a new version renders every chart again, and pages change only where the SVG did)."""
    return f"vl-convert {version('vl-convert-python')}; resvg {version('resvg_py')}"


def spec_key(spec):
    """The cache key of a spec (or of any JSON-like value, such as an SVG's text) and the renderers' versions."""
    text = renderers() + json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def chart_key(chart):
    """The cache key of a page's chart data (pages.history_chart, pages.bands_chart): the data fully makes
    the spec, given this module and Altair (code_version), so the spec itself need not be built to find the
    chart in the cache, nor sent to the worker that renders it."""
    # pickle, not JSON: a build asks for thousands of keys; chart data is built in the same order every time
    # (test_output checks that page models and their chart keys digest alike under any hash seed).
    made = pickle.dumps((renderers(), code_version(), chart), protocol=5)
    return hashlib.blake2b(made, digest_size=16).hexdigest()
