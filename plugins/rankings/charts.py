"""Altair charts, rendered to SVG at build time with vl-convert: no JavaScript, visible with the HTML.

Speed, by design (TOOLING.md):
- Each chart kind is built once with Altair over alt.NamedData; a unit's chart is a copy of that dict with the
  unit's rows in "datasets": no per-unit Altair work.
- Charts are language-neutral when rendered: every word is a token (⟦rank⟧, a month as §11§) placed where its
  width moves nothing (centred titles and tick labels, start-anchored names); each language's words replace
  the tokens in the finished SVG. One render serves Hindi and English, and the browser shapes the Devanagari.
- SVGs are cached by a hash of the spec, so a rebuild without data changes renders nothing; new ones are
  rendered in a pool of spawned processes (a forked pool hangs once vl-convert has run in the parent), each
  with a fontconfig that lists only the two fonts the charts use (all system fonts make it ~2.7× slower).
"""

import calendar
import hashlib
import json
import logging
import math
import os
import pickle
import re
import signal
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from importlib.metadata import version
from multiprocessing import get_context
from pathlib import Path

logger = logging.getLogger(__name__)

INK, ACCENT, HIGHLIGHT, GRID = "#1b1b1b", "#0b5394", "#d95f02", "#d6d6d6"
MUTED, GAP = "#767676", "#ececec"  # the level's median; months the series did not publish
WIDTH, PANEL_HEIGHT, RANK_PANEL_HEIGHT = 320, 120, 56
# One generic family: a list of families costs vl-convert a font lookup per text (~3× slower). The restricted
# fontconfig maps it to Noto Sans (Devanagari falls back to Noto Sans Devanagari); in the page, CSS gives the
# chart text the page's own font stack.
FONT = "sans-serif"
# Percent bands of the spread charts: (label, lowest percent in the band); the first band is full marks.
BANDS = [("100%", 100), ("95–99.99", 95), ("90–94.99", 90), ("80–89.99", 80), ("70–79.99", 70), ("< 70", 0)]
WORKER_NICENESS = 10
MONTH_LABELS = 6  # "Jan 24" labels that fit under a chart WIDTH wide
AXIS_LABEL_SIZE = 11
HALF_MONTH_MS = 15 * 24 * 3600 * 1000
TOKEN = re.compile(r"⟦([a-z_]+)⟧|§(\d{1,2})§")


def config():
    return {
        "font": FONT,
        "view": {"stroke": None},
        # titlePadding: a rotated Devanagari title reaches further than its font size says; at Vega's 4 px it
        # touched the tick labels.
        "axis": {"labelColor": INK, "titleColor": INK, "gridColor": GRID, "labelFontSize": AXIS_LABEL_SIZE,
                 "titleFontSize": 11, "titleFontWeight": "normal", "titlePadding": 10},
        "background": "white",
        "aria": False,  # the page gives each chart its own title and summary
    }


# ---- chart kinds, each built once


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
    unpublished = base.mark_rect(color=GAP).encode(opacity=alt.value(1)).transform_filter("datum.unpublished")
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
                       axis=alt.Axis(format="d", tickMinStep=1))
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

    chart = alt.Chart(alt.NamedData("rows")).mark_bar(color=ACCENT).encode(
        y=alt.Y("band:N", title="⟦percent⟧", sort=[label for label, _ in BANDS], axis=alt.Axis(labelLimit=120)),
        x=alt.X("count:Q", title="⟦units⟧", axis=alt.Axis(format="d", tickMinStep=1)),
        color=alt.condition("datum.full", alt.value(ACCENT), alt.value(HIGHLIGHT)),
    ).properties(width=WIDTH - 80, height=len(BANDS) * 18)
    labels = chart.mark_text(align="left", dx=3, color=INK, fontSize=11).encode(text="count:Q", color=alt.value(INK))
    spec = (chart + labels).configure(**config()).to_dict()
    spec.pop("$schema", None)
    spec["usermeta"] = {"kind": "bands"}
    return spec


# ---- a unit's or a month's chart: the template with its rows


# Where the chart kinds, once built with Altair, are kept (ChartStore sets it): building them means importing
# Altair, about half a second of every build, for the same few kilobytes of JSON.
_kinds_folder = None


@cache
def code_version():
    """What turns chart data into a spec: this module and Altair. Part of every chart's key (read once: a build
    asks for it thousands of times)."""
    return hashlib.sha256(Path(__file__).read_bytes() + version("altair").encode()).hexdigest()[:16]


KINDS = {"history": lambda: history_template(False), "history_rank": lambda: history_template(True),
         "bands": bands_template}


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
    """The Vega-Lite spec of a page's chart data (pages.history_chart, pages.bands_chart)."""
    if chart["kind"] == "history":
        return history_spec(chart["history"], chart["months"], chart["unpublished"], chart["with_rank"])
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
        year, month = int(month_range[0][:4]), int(month_range[0][5:])
        middle = calendar.timegm((year, month, 1, 0, 0, 0)) * 1000
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


def count_ticks(most):
    """Whole-number ticks from 0 to at least most, at most six: 0 1 2; 0 2 4 6; 0 500 1000 1500."""
    step = 1
    while most / step > 5:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50 …
    top = -(-max(most, 1) // step) * step
    return list(range(0, top + 1, step))


def band_counts(percents):
    """How many of the published percents fall in each band."""
    counts = [0] * len(BANDS)
    for percent in percents:
        counts[next(i for i, (_, low) in enumerate(BANDS) if percent >= low)] += 1
    return counts


def rank_ticks(lowest_rank):
    """Rank axis ticks from 1: 1, then round steps up to the lowest rank held."""
    if lowest_rank <= 5:
        return list(range(1, lowest_rank + 1))
    step = 10 ** math.floor(math.log10(lowest_rank / 3))
    step *= 5 if lowest_rank / step > 15 else 2 if lowest_rank / step > 6 else 1
    return [1] + list(range(step, lowest_rank + 1, step))


@cache
def widest_month_label():
    """The width in pixels of the widest month label ("अक्टू॰ 23", "Sept 23") of every language, as drawn."""
    from babel.dates import get_month_names

    from . import typeset
    from .vocabulary import LANGUAGES

    names = [name for info in LANGUAGES.values()
             for name in get_month_names("abbreviated", locale=info.locale).values()]
    return max(typeset.width(f"{name} 23", AXIS_LABEL_SIZE) for name in names)


def month_ticks(month_range):
    """Month labels that fit the chart's width, measured in the fonts that draw them (Hindi's are the wider):
    every month of a short history, every 3rd, 6th or 12th month of a longer one, every 2nd, 3rd or 5th January
    of a very long one; never two labels closer than the widest label and a gap."""
    per_month = WIDTH / max(len(month_range) - 1, 1)
    for step in (1, 3, 6, 12, 24, 36, 60):  # in months: every month … every fifth January
        picked = [m for m in month_range if (int(m[:4]) * 12 + int(m[5:]) - 1) % step == 0]
        if len(picked) <= MONTH_LABELS and (len(picked) < 2 or step * per_month >= widest_month_label() + 8):
            break
    return [{"year": int(m[:4]), "month": int(m[5:]), "date": 1, "utc": True} for m in picked]


# ---- rendering


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


def font_dirs():
    """The fonts the charts use, from pinned PyPI packages: the same on every machine."""
    import fontpkg_noto_sans
    import fontpkg_noto_sans_devanagari

    return [str(Path(module.__file__).parent / "files") for module in (fontpkg_noto_sans, fontpkg_noto_sans_devanagari)]


def fontconfig_file(cache_dir):
    path = Path(cache_dir) / "fonts.conf"
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs())
    text = (f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>{dirs}'
            f"<cachedir>{Path(cache_dir) / 'fontconfig'}</cachedir></fontconfig>")
    if not path.exists() or path.read_text() != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return str(path)


def _start_worker(fonts_conf, build_pid, kinds_folder):
    global _kinds_folder
    _kinds_folder = Path(kinds_folder)  # the chart kinds as JSON: workers never import Altair
    os.environ["FONTCONFIG_FILE"] = fonts_conf  # before vl-convert loads any font
    # The build's own process writes the pages, in order, each as soon as its charts are drawn: when the
    # workers and it want the same cores, it goes first, so that it is never what the build waits for.
    os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the build, which stops the workers
    _die_with(build_pid)


def _die_with(build_pid):
    """A worker ends when the build's process ends, even by `kill -9` (which gives the pool no chance to stop
    its workers): on Linux the kernel is asked to kill it then; elsewhere it is left to the pool."""
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != build_pid:  # the build ended before the request was made
        os._exit(1)


def _draw_png(svg, cached, zoom=2):
    data = png_of(svg, zoom)
    Path(cached).parent.mkdir(parents=True, exist_ok=True)
    partial = f"{cached}.{os.getpid()}"  # two workers may draw the same chart: neither sees a half-written file
    Path(partial).write_bytes(data)
    os.replace(partial, cached)


def _warm():
    import vl_convert

    vl_convert.vega_to_svg({"width": 8, "height": 8, "marks": [
        {"type": "text", "encode": {"enter": {"text": {"value": "0 अ"}, "font": {"value": FONT}}}}]})


def _render(spec):
    import vl_convert

    return tidy_svg(vl_convert.vega_to_svg(to_vega(spec)))


def _render_chart(chart):
    """A page's chart, from its data: spec and SVG are made in the worker."""
    return _render(spec_of(chart))


# A worker's compiled Vega of each chart kind. Compiling Vega-Lite costs a quarter of a chart's render and is
# the same for every chart of a kind: it is done once, and a chart's own parts are put into a copy.
_compiled = {}


def to_vega(spec):
    """The Vega of a Vega-Lite spec made by history_spec or bands_spec: the kind's compiled template with this
    chart's rows, domains, tick values and titles (tests check it renders as compiling the spec itself does)."""
    import vl_convert

    kind = spec["usermeta"]["kind"]
    if kind not in _compiled:
        _compiled[kind] = json.dumps(vl_convert.vegalite_to_vega(spec))
    vega = json.loads(_compiled[kind])
    for data in vega["data"]:
        if data["name"] == "rows":
            data["values"] = spec["datasets"]["rows"]
    if kind == "bands":
        title = spec["layer"][0]["encoding"]["x"]["title"]
        for axis in vega["axes"]:
            if axis["scale"] == "x" and "title" in axis:
                axis["title"] = title
    domains, values = spec["usermeta"].get("domains", {}), spec["usermeta"].get("values", {})
    months = spec["usermeta"].get("months")
    for scale in all_scales(vega):
        if months and scale.get("type") in ("time", "utc"):
            scale["domain"] = months
            scale.pop("nice", None)
        if scale["name"] in domains:
            scale["domain"] = domains[scale["name"]]
    for axis in all_axes(vega):
        if axis["scale"] in values and ("values" in axis or kind == "bands"):
            given = values[axis["scale"]]
            axis["values"] = [{"signal": f"utc({t['year']}, {t['month'] - 1}, 1, 0, 0, 0, 0)"} if isinstance(t, dict)
                              else t for t in given]
    return vega


def all_scales(vega):
    """The scales of a Vega spec and of its groups."""
    yield from vega.get("scales", ())
    for mark in vega.get("marks", ()):
        if mark.get("type") == "group":
            yield from all_scales(mark)


def all_axes(vega):
    """The axes of a Vega spec and of its groups (the panels of a vconcat)."""
    yield from vega.get("axes", ())
    for mark in vega.get("marks", ()):
        if mark.get("type") == "group":
            yield from all_axes(mark)


# What Vega writes for an interactive view and a static drawing never uses: empty background and foreground
# paths, pointer events, full opacity, and the marks' classes (but the axis titles', which tests find the
# Hindi by). A month page inlines four charts: about 1 KB gzipped of a 40 KB budget.
VEGA_SCAFFOLDING = re.compile(r'<path class="background" d="M0,0h0v0h0Z" pointer-events="none"/>'
                              r'|<path class="foreground" d=""[^>]*/>'
                              r'| pointer-events="none"| opacity="1"| class="background"'
                              r'| class="mark-(?![^"]*axis-title)[^"]*"')


def tidy_svg(svg):
    """Coordinates to one decimal (about a third smaller, the same to the eye), and no ARIA roles inside: the
    page gives the whole chart its role, title and summary, and a table says the same numbers."""
    svg = re.sub(r' (?:role|aria-[a-z]+)="[^"]*"', "", svg)
    svg = VEGA_SCAFFOLDING.sub("", svg)
    # Only inside attributes (coordinates, paths): a label such as "95–99.99" is text and stays as it is.
    return re.sub(r'="([^"]*)"', lambda attribute: '="' + re.sub(r"(\d+\.\d)\d+", r"\1", attribute[1]) + '"', svg)


class ChartStore:
    """Language-neutral SVGs by spec key: from the cache folder, or rendered in a pool of spawned processes.

    Everything is requested first, so the pool renders while the caller writes pages; svg() waits only for
    a chart that is not done yet. Use as a context manager: leaving it shuts the pool down.
    """

    def __init__(self, cache_dir, processes=None):
        global _kinds_folder
        self.cache_dir = Path(cache_dir)
        self.store = self.cache_dir / "svg"
        self.store.mkdir(parents=True, exist_ok=True)
        _kinds_folder = self.cache_dir
        for kind in KINDS:
            _pickled(kind)  # built with Altair once, kept as JSON, before any worker needs it
        self.png_store = self.cache_dir / "png"
        self.processes = processes or os.cpu_count() or 1
        self.pool = None
        self.pending = {}
        self.requested = set()
        self.pngs = []  # futures of PNGs being drawn
        self.cached = self.rendered = self.pngs_cached = 0

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc):
        if self.pool:
            if exc_type is None:
                self.wait_for_pngs()
            self.pool.shutdown(cancel_futures=True)
        logger.info("Charts: %d from the cache, %d rendered", self.cached, self.rendered)
        if self.pngs_cached or self.pngs:
            logger.info("PNG of charts and share cards: %d from the cache, %d drawn", self.pngs_cached, len(self.pngs))

    def warm_up(self):
        """Start the workers now, each drawing a trifle, when the cache is empty (a first build renders
        thousands of charts): vl-convert's first drawing in a process takes about a second, done while the
        build loads its data instead of after."""
        if not any(self.store.iterdir()):
            for _ in range(self.processes):
                self._submit(_warm)

    def close(self):
        """Stop the workers without waiting for anything (the build stopped before it wrote anything)."""
        if self.pool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def wait_for_pngs(self):
        for future in self.pngs:
            future.result()  # a PNG that failed fails the build

    def _submit(self, function, *args):
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.processes, mp_context=get_context("spawn"),
                                            initializer=_start_worker,
                                            initargs=(fontconfig_file(self.cache_dir), os.getpid(),
                                                      str(self.cache_dir)))
        return self.pool.submit(function, *args)

    def request(self, key, chart):
        """Ask for a page's chart (its data, charts.chart_key): rendering starts now unless the cache has it
        (each key is counted once)."""
        if key in self.requested:
            return
        self.requested.add(key)
        if (self.store / f"{key}.svg").exists():
            self.cached += 1
        else:
            self.pending[key] = self._submit(_render_chart, chart)
            self.rendered += 1

    def png(self, svg, zoom=2):
        """The PNG of a localised SVG, as a function that returns its bytes: from the cache, or drawn in the pool
        (~40 ms each, thousands in a publish build; drawing starts now) and cached by the SVG's hash. zoom: 2 for
        a chart (sharp on a phone), 1 for a share card drawn at its size."""
        cached = self.png_store / f"{spec_key(svg)}{'' if zoom == 2 else f'-{zoom}x'}.png"
        if cached.exists():
            self.pngs_cached += 1
            return cached.read_bytes
        drawing = self._submit(_draw_png, svg, str(cached), zoom)
        self.pngs.append(drawing)

        def drawn():
            drawing.result()  # a PNG that failed fails the build
            return cached.read_bytes()
        return drawn

    def svg(self, key):
        file = self.store / f"{key}.svg"
        future = self.pending.pop(key, None)
        if future is None:
            return file.read_text(encoding="utf-8")
        svg = future.result()
        partial = file.with_suffix(".partial")  # a build stopped here leaves no half chart in the cache
        partial.write_text(svg, encoding="utf-8")
        os.replace(partial, file)
        return svg


def render_all(charts, cache_dir, processes=None):
    """{key: chart data} → {key: language-neutral SVG}, rendering only what the cache lacks."""
    with ChartStore(cache_dir, processes) as store:
        for key, chart in charts.items():
            store.request(key, chart)
        return {key: store.svg(key) for key in charts}


def localise(svg, words, months):
    """Put a language's words in place of the tokens: words {token: text}, months [12 short names]."""
    def replace(match):
        word, month = match.groups()
        return escape_xml(words[word]) if word else escape_xml(months[int(month)])
    return TOKEN.sub(replace, svg)


CAPTION_LINE, CAPTION_WIDTH, CAPTION_MARGIN = 15, 400, 6
ADDRESS_BREAKS = " /-"  # a chart file's lines break at spaces, and a web address after "/" or "-"
# The key under a history chart: each mark's swatch, and the size of its words.
KEY_SWATCH, KEY_SIZE = 22, 10


def key_svg(key, y, width):
    """The key under a history chart: each mark drawn as in the chart, beside its words; wrapped to the width."""
    from . import typeset

    swatches = {
        "line": f'<line x1="0" y1="-4" x2="{KEY_SWATCH}" y2="-4" stroke="{ACCENT}" stroke-width="2"/>',
        "median": f'<line x1="0" y1="-4" x2="{KEY_SWATCH}" y2="-4" stroke="{MUTED}" stroke-width="2" '
                  f'stroke-dasharray="4,3"/>',
        "unpublished": f'<rect x="0" y="-10" width="{KEY_SWATCH}" height="12" fill="{GAP}"/>',
        "gap": f'<line x1="0" y1="-4" x2="7" y2="-4" stroke="{ACCENT}" stroke-width="2"/>'
               f'<line x1="15" y1="-4" x2="{KEY_SWATCH}" y2="-4" stroke="{ACCENT}" stroke-width="2"/>',
    }
    parts, x, rows = [], CAPTION_MARGIN, 1
    for mark, words in key:
        advance = KEY_SWATCH + 5 + typeset.width(words, KEY_SIZE) + 14
        if x > CAPTION_MARGIN and x + advance > width:
            x, rows = CAPTION_MARGIN, rows + 1
        at = y + CAPTION_LINE * (rows - 1)
        parts.append(f'<g transform="translate({x:.1f},{at})">{swatches[mark]}</g>'
                     f'<text x="{x + KEY_SWATCH + 5:.1f}" y="{at}" font-family="{FONT}" fill="{INK}" '
                     f'font-size="{KEY_SIZE}">{escape_xml(words)}</text>')
        x += advance
    return "".join(parts), rows


def captioned(svg, title, about, footer, key=()):
    """A chart file that says what it is without the page around it: its title (also the SVG's <title>), lines
    about what it shows (the series, the months), a key of its marks, and under it the source and the page's
    address. Every text is measured and wrapped to the file's width, never cut off. The drawing is kept as it
    is, nested; the page shows the chart without these, under its own caption."""
    from .typeset import filled

    width, height = (float(v) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups())
    full_width = max(width, CAPTION_WIDTH)
    room = full_width - 2 * CAPTION_MARGIN
    text = f'font-family="{FONT}" fill="{INK}"'
    head, y = [], 0
    for line in filled(title, room, 12.5, bold=True, breaks=ADDRESS_BREAKS):
        y += 16 if not head else CAPTION_LINE
        head.append(f'<text x="{CAPTION_MARGIN}" y="{y}" {text} font-size="12.5" font-weight="bold">'
                    f'{escape_xml(line)}</text>')
    for line in [part for about_line in about for part in filled(about_line, room, 11, breaks=ADDRESS_BREAKS)]:
        y += CAPTION_LINE
        head.append(f'<text x="{CAPTION_MARGIN}" y="{y}" {text} font-size="11">{escape_xml(line)}</text>')
    top = y + 6
    drawing = svg.replace("<svg ", f'<svg x="0" y="{top}" ', 1)
    y = top + height
    keyed = ""
    if key:
        keyed, rows = key_svg(key, y + 14, full_width)
        y += 6 + CAPTION_LINE * rows
    foot = []
    for line in [part for footer_line in footer for part in filled(footer_line, room, 9.5, breaks=ADDRESS_BREAKS)]:
        y += 11 if foot or key else 12
        foot.append(f'<text x="{CAPTION_MARGIN}" y="{y}" {text} font-size="9.5">{escape_xml(line)}</text>')
    full_height = y + 6
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{full_width:g}" height="{full_height:g}" '
            f'viewBox="0 0 {full_width:g} {full_height:g}"><title>{escape_xml(" — ".join([title, *about]))}</title>'
            f'<rect width="{full_width:g}" height="{full_height:g}" fill="white"/>'
            f'{"".join(head)}{drawing}{keyed}{"".join(foot)}</svg>')


def escape_xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def png_of(svg, zoom=2):
    """A PNG at zoom times the SVG's size (twice for a chart, once for a share card), drawn by resvg, which
    shapes Devanagari (vl-convert's own PNG loses matras)."""
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_dirs=font_dirs(), zoom=zoom,
                                       font_family="Noto Sans", sans_serif_family="Noto Sans"))
