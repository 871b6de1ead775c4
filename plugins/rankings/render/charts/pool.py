"""Language-neutral SVGs and the PNGs of chart files and share cards, made in a pool of worker processes and kept
in the cache.

SVGs are cached by their chart's key, so a rebuild without data changes renders nothing; new ones are rendered in
a pool of spawned processes (a forked pool hangs once vl-convert has run in the parent), each with a fontconfig
that lists only the two fonts the charts use (all system fonts make it ~2.7× slower). Workers import this module
and vega.py alone: never pandas, Pelican, Jinja or Altair.
"""

import logging
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from multiprocessing import get_context
from pathlib import Path

from . import kinds
from .fonts import drawing_fonts
from .glyphs import outlined
from .glyphs import key as glyphs_key
from .kinds import KINDS, spec_key
from ...data.typeset import font_dirs
from .style import FONT
from .vega import _render_chart

logger = logging.getLogger(__name__)

WORKER_NICENESS = 10


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
    kinds.keep_kinds_in(kinds_folder)  # the chart kinds as JSON: workers never import Altair
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


@cache
def _fonts(cache_dir):
    """The drawing fonts (fonts.py), made by the first worker that needs them: never by the build's own process,
    which writes pages meanwhile."""
    return drawing_fonts(cache_dir)


def _draw_png(svg, cached, cache_dir, zoom=1):
    data = png_of(svg, _fonts(cache_dir), zoom)
    Path(cached).parent.mkdir(parents=True, exist_ok=True)
    partial = f"{cached}.{os.getpid()}"  # two workers may draw the same chart: neither sees a half-written file
    Path(partial).write_bytes(data)
    os.replace(partial, cached)


def _warm():
    import vl_convert

    vl_convert.vega_to_svg({"width": 8, "height": 8, "marks": [
        {"type": "text", "encode": {"enter": {"text": {"value": "0 अ"}, "font": {"value": FONT}}}}]})


class ChartStore:
    """Language-neutral SVGs by spec key: from the cache folder, or rendered in a pool of spawned processes.

    Everything is requested first, so the pool renders while the caller writes pages; svg() waits only for
    a chart that is not done yet. Use as a context manager: leaving it shuts the pool down.
    """

    def __init__(self, cache_dir, processes=None):
        self.cache_dir = Path(cache_dir)
        self.store = self.cache_dir / "svg"
        self.store.mkdir(parents=True, exist_ok=True)
        kinds.keep_kinds_in(self.cache_dir)
        for kind in KINDS:
            kinds.fresh_copy(kind)  # built with Altair once, kept as JSON, before any worker needs it
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

    def png(self, svg, zoom=1):
        """The PNG of a localised SVG, as a function that returns its bytes: from the cache, or drawn in the pool
        (45 ms for a chart, 75 for a share card; thousands in a publish build; drawing starts now) and cached by the
        SVG's hash. zoom 1: at the size the SVG says, as a page shows a chart and a link shows its card (twice
        that cost a chart file 2.1× the time and 2.4× the bytes, on every unit, in every language, every month)."""
        cached = self.png_store / f"{spec_key([svg, glyphs_key(), png_key()])}-{zoom}x.png"
        if cached.exists():
            self.pngs_cached += 1
            return cached.read_bytes
        drawing = self._submit(_draw_png, svg, str(cached), str(self.cache_dir), zoom)
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


# How a PNG is written (png_of): oxipng keeps the pixels and writes them as a palette where a picture has at most
# 256 colours (most have), unfiltered, with libdeflate: half resvg's bytes, in a third of its encoding time.
PNG_WRITING = {"level": 0, "filters": "NoOp", "libdeflater": 6}


@cache
def png_key():
    """What a drawn PNG depends on besides its SVG and the outlines (part of its cache key): the drawing and
    writing libraries and how they are called."""
    from importlib.metadata import version

    return repr([version("vl-convert-python"), version("resvg_py"), version("pyoxipng"), PNG_WRITING])


def png_of(svg, fonts, zoom=1):
    """A PNG at zoom times the SVG's size, its texts as glyph outlines in the drawing fonts (fonts.py: the folder
    `fonts`; glyphs.py). A picture of outlines only is filled by vl-convert's resvg (its own text shaping loses
    Devanagari's matras, but it has no text left to shape; it writes a quick, large PNG, which compact() makes
    small); one with a text left (a character no drawing font has) is drawn by resvg_py, which shapes it."""
    drawn = outlined(svg, fonts)
    if "<text" in drawn:
        import resvg_py

        return compact(bytes(resvg_py.svg_to_bytes(svg_string=drawn, skip_system_fonts=True, font_dirs=[fonts],
                                                   zoom=zoom, font_family="Noto Sans",
                                                   sans_serif_family="Noto Sans")))
    import vl_convert

    return compact(vl_convert.svg_to_png(drawn, scale=zoom))


def compact(png):
    """The same pixels in fewer bytes (PNG_WRITING)."""
    import oxipng

    row_filter = getattr(oxipng.RowFilter, PNG_WRITING["filters"])
    return oxipng.optimize_from_memory(png, level=PNG_WRITING["level"], filter=[row_filter],
                                       deflate=oxipng.Deflaters.libdeflater(PNG_WRITING["libdeflater"]))
