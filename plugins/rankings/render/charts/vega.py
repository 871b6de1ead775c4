"""A chart's Vega-Lite spec drawn as SVG by vl-convert, in a worker of the pool (pool.py): the kind compiled to
Vega once per worker, this chart's rows, domains and ticks put into a copy, and the SVG tidied for a page.
"""

import json
import re

from .kinds import spec_of


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
    if "size" in spec["usermeta"]:  # a map is as large as its grid
        vega["width"], vega["height"] = spec["usermeta"]["size"]
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


VEGA_BASE_URL = "https://vega.github.io/vega-datasets/"

# What Vega writes for an interactive view and a static drawing never uses: empty background and foreground
# paths, pointer events, full opacity, and the marks' classes (but the axis titles', which tests find the
# Hindi by). A month page inlines four charts: about 1 KB gzipped of a 40 KB budget.
VEGA_SCAFFOLDING = re.compile(r'<path class="background" d="M0,0h0v0h0Z" pointer-events="none"/>'
                              r'|<path class="foreground" d=""[^>]*/>'
                              r'| pointer-events="none"| opacity="1"| class="background"'
                              r'| class="mark-(?![^"]*axis-title)[^"]*"')


# Vega draws each grid line, tick and axis line as a <line> of its own, placed by a transform. Lines that follow
# one another with the same stroke are one path here: a sixth of a history chart's SVG, which every unit page
# inlines and offers to download (12 MiB of ten years' site), for the same pixels.
LINE = re.compile(r'<line transform="translate\(([-\d.]+),([-\d.]+)\)" x2="([-\d.]+)" y2="([-\d.]+)" '
                  r'stroke="([^"]+)" stroke-width="([^"]+)"/>')
LINES = re.compile(f"(?:{LINE.pattern})+")


def joined_lines(run):
    """A run of <line>s as paths, one per stroke in the order drawn."""
    out, last, moves = [], None, []
    for x, y, dx, dy, stroke, width in LINE.findall(run[0]):
        if (stroke, width) != last and moves:
            out.append(f'<path d="{"".join(moves)}" stroke="{last[0]}" stroke-width="{last[1]}"/>')
            moves = []
        last = (stroke, width)
        moves.append(f"M{x},{y}l{dx},{dy}")
    out.append(f'<path d="{"".join(moves)}" stroke="{last[0]}" stroke-width="{last[1]}"/>')
    return "".join(out)


def tidy_svg(svg):
    """Coordinates to one decimal (about a third smaller, the same to the eye), lines as paths, and no ARIA roles
    inside: the page gives the whole chart its role, title and summary, and a table says the same numbers."""
    svg = re.sub(r' (?:role|aria-[a-z]+)="[^"]*"', "", svg)
    # A mark's link, as Vega writes it: after its loader's base address, in the attribute SVG 1.1 named.
    svg = svg.replace(f' xlink:href="{VEGA_BASE_URL}', ' href="')
    svg = VEGA_SCAFFOLDING.sub("", svg)
    # Only inside attributes (coordinates, paths): a label such as "95–99.99" is text and stays as it is.
    svg = re.sub(r'="([^"]*)"', lambda attribute: '="' + re.sub(r"(\d+\.\d)\d+", r"\1", attribute[1]) + '"', svg)
    return LINES.sub(joined_lines, svg)
