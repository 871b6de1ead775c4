"""A picture's texts as the outlines of their glyphs, before resvg draws its PNG.

Why: a unit's picture is mostly words (some 500 glyphs), and resvg shapes each text and outlines each glyph again
in every picture, 4,200 pictures a month at state size. Here HarfBuzz shapes each text (as resvg's rustybuzz
does, with the same drawing fonts: fonts.py) and each glyph's outline is read once per process, so that resvg
only fills paths: a picture takes about a fifth less time, for the same pixels (tests compare them).

Only plain texts are drawn so: a text with an attribute not listed in DRAWN_ATTRIBUTES, with markup inside, or
with a character no drawing font has, is left as it is, for resvg to draw. The SVG files people download keep
their texts: only what goes to resvg is changed.
"""

import hashlib
import html
import re
from functools import cache, lru_cache
from pathlib import Path

from fontTools.pens.basePen import BasePen

from ...data import typeset
from .fonts import instance_file
from .fonts import key as fonts_key

TEXT = re.compile(r"<text((?:\s+[\w:-]+=\"[^\"<>]*\")*)\s*>([^<]*)</text>")
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
DRAWN_ATTRIBUTES = {"x", "y", "font-family", "font-size", "font-weight", "fill", "text-anchor", "transform",
                    "xml:space"}
WEIGHTS = {"normal": typeset.REGULAR, "bold": typeset.BOLD, "400": typeset.REGULAR, "700": typeset.BOLD}
ANCHORS = {"start": 0, "middle": 0.5, "end": 1}


@cache
def key():
    """What the outlines drawn depend on: the drawing fonts and this module (part of a PNG's cache key)."""
    return hashlib.sha256((fonts_key() + Path(__file__).read_text(encoding="utf-8")).encode()).hexdigest()[:16]


@cache
def _font(folder, family, weight):
    """(HarfBuzz font, upem, glyph set, glyph order) of a drawing font."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    path = str(instance_file(folder, typeset.font_files()[family], weight))
    face = hb.Face(hb.Blob.from_file_path(path))
    font = TTFont(path)
    return hb.Font(face), face.upem, font.getGlyphSet(), font.getGlyphOrder()


@cache
def _outline(folder, family, weight, glyph):
    """A glyph's outline in font units: (its first point, the rest as relative path commands), or None for a
    glyph with no outline (a space)."""
    _, _, glyph_set, order = _font(folder, family, weight)
    pen = RelativePen(glyph_set)
    glyph_set[order[glyph]].draw(pen)
    return (pen.first, "".join(pen.commands)) if pen.first else None


def _number(value):
    return f"{value:.4g}" if abs(value) < 1 else f"{value:.6g}"


def run_path(folder, family, weight, text):
    """A run of text in one font as one path's data, in font units (y up), and its advance."""
    import uharfbuzz as hb

    font, _, _, _ = _font(folder, family, weight)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    data, x = [], 0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions):
        outline = _outline(folder, family, weight, info.codepoint)
        if outline:
            (first_x, first_y), rest = outline
            data.append(f"M{_number(x + position.x_offset + first_x)} {_number(position.y_offset + first_y)}{rest}")
        x += position.x_advance
    return "".join(data), x


def text_as_paths(folder, attributes, text):
    """The SVG of a <text> as a group of paths (one per font run), or None when it is not to be drawn so."""
    if not set(attributes) <= DRAWN_ATTRIBUTES or attributes.get("font-weight", "normal") not in WEIGHTS:
        return None
    if attributes.get("text-anchor", "start") not in ANCHORS:
        return None
    try:
        size = float(attributes.get("font-size", "16").removesuffix("px"))
        x, y = float(attributes.get("x", 0)), float(attributes.get("y", 0))
    except ValueError:
        return None
    if attributes.get("xml:space") != "preserve":
        text = " ".join(text.split())  # SVG's default: spaces collapsed, none at either end
    weight = WEIGHTS[attributes.get("font-weight", "normal")]
    paths, advance = [], 0.0
    for family, run in typeset.runs(text):
        if family is None:
            return None  # no drawing font has it: resvg draws what it can, as before
        font_size = _font(folder, family, weight)[1]
        data, run_advance = run_path(folder, family, weight, run)
        scale = size / font_size
        if data:
            paths.append(f'<path transform="translate({_number(advance)},0) scale({_number(scale)},'
                         f'{_number(-scale)})" d="{data}"/>')
        advance += run_advance * scale
    x -= advance * ANCHORS[attributes.get("text-anchor", "start")]
    place = f'{attributes.get("transform", "")} translate({_number(x)},{_number(y)})'.strip()
    return f'<g transform="{place}" fill="{attributes.get("fill", "black")}">{"".join(paths)}</g>'


def outlined(svg, folder):
    """The SVG with its plain texts drawn as glyph outlines in the drawing fonts (the folder `folder`)."""
    return TEXT.sub(lambda match: _outlined_text(folder, match.group(0), match.group(1), match.group(2)), svg)


@lru_cache(maxsize=20_000)
def _outlined_text(folder, element, attributes, text):
    """One <text> element as paths (or as it is): kept, as five in six of a picture's texts recur in the next
    (axis labels, months, the credit, the address's start)."""
    return text_as_paths(folder, dict(ATTRIBUTE.findall(attributes)), html.unescape(text)) or element


class RelativePen(BasePen):
    """A glyph's path data with relative commands after its first point, so that the glyph is moved by
    changing that point alone (BasePen splits TrueType's curves and draws components)."""

    def __init__(self, glyph_set):
        super().__init__(glyph_set)
        self.first = self.current = self.start = None
        self.commands = []

    def _relative(self, *points):
        x, y = self.current
        self.current = points[-1]
        return " ".join(f"{_number(px - x)} {_number(py - y)}" for px, py in points)

    def _moveTo(self, point):
        if self.first is None:
            self.first = self.current = point
        else:
            self.commands.append(f"m{self._relative(point)}")
        self.start = point

    def _lineTo(self, point):
        self.commands.append(f"l{self._relative(point)}")

    def _qCurveToOne(self, control, end):
        self.commands.append(f"q{self._relative(control, end)}")

    def _curveToOne(self, one, two, end):
        self.commands.append(f"c{self._relative(one, two, end)}")

    def _closePath(self):
        self.commands.append("z")
        self.current = self.start  # after z, SVG's current point is the contour's start

    def _endPath(self):
        self.current = self.start
