"""Text measured in the fonts that draw the share images and chart files, so that what fits a width is known, not
guessed: the pinned Noto Sans and Noto Sans Devanagari (font_dirs), shaped by HarfBuzz as resvg shapes them.
The PNGs are drawn with static instances of them (render/charts/fonts.py), whose advances are these fonts' at the
same weight, and which keep only the characters DRAWN names: characters() counts only those. It is the data stage's
because validation measures too: a tile's label that would not fit its tile, a name no font can draw.

A per-character guess overcounts Devanagari (matras and conjuncts take no width of their own) and undercounts
wide Latin capitals; resvg does not honour SVG's textLength on Devanagari, so squeezing is no way out either. A
text is split into runs by the font that draws each character, as resvg falls back: Noto Sans where it has the
character, else Noto Sans Devanagari. A combining sign stays in the run of the letter it marks.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

LATIN, DEVANAGARI = "Noto Sans", "Noto Sans Devanagari"
REGULAR, BOLD = 400, 700
# Joiners and signs that shape with the character before them, whatever font has them.
JOINING = {"\u200c", "\u200d"}


# What the site writes: Latin with its accents, Devanagari, and punctuation, figures and symbols in between.
DRAWN = [(0x0000, 0x024F), (0x0300, 0x036F), (0x0900, 0x097F), (0x1CD0, 0x1CFF), (0x1E00, 0x1EFF), (0x2000, 0x206F),
         (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF), (0xA8E0, 0xA8FF)]


def drawn(code):
    """Whether a character (its code point) is among those the drawing fonts keep."""
    return any(low <= code <= high for low, high in DRAWN)


def font_dirs():
    """The fonts the charts and pictures use, from pinned PyPI packages: the same on every machine."""
    import fontpkg_noto_sans
    import fontpkg_noto_sans_devanagari

    return [str(Path(module.__file__).parent / "files") for module in (fontpkg_noto_sans, fontpkg_noto_sans_devanagari)]


@cache
def font_files():
    """{family: the variable font file that draws it}."""
    files = {}
    for folder in font_dirs():
        for file in sorted(Path(folder).glob("*.ttf")):
            if "Italic" not in file.name:
                files[DEVANAGARI if "Devanagari" in file.name else LATIN] = str(file)
    return files


@cache
def characters(family):
    """The characters a font draws in a picture: those of its own cmap table the drawing fonts keep."""
    from fontTools.ttLib import TTFont

    return frozenset(code for code in TTFont(font_files()[family]).getBestCmap() if drawn(code))


@cache
def _face(family):
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(font_files()[family]))


@cache
def _font(family, weight):
    import uharfbuzz as hb

    font = hb.Font(_face(family))
    font.set_variations({"wght": weight})
    return font


def family_of(character):
    """The font that draws a character (as resvg falls back), or None when neither has it."""
    code = ord(character)
    if code in characters(LATIN):
        return LATIN
    if code in characters(DEVANAGARI):
        return DEVANAGARI
    return None


def runs(text):
    """[(family or None, text)]: the text split where the font that draws it changes."""
    found = []
    for character in text:
        joins = found and (character in JOINING or unicodedata.category(character) in ("Mn", "Mc"))
        family = found[-1][0] if joins else family_of(character)
        if found and found[-1][0] == family:
            found[-1][1].append(character)
        else:
            found.append((family, [character]))
    return [(family, "".join(run)) for family, run in found]


def missing(text):
    """The characters of a text that no font of ours draws (each would be an empty box)."""
    return {character for character in text if not character.isspace() and family_of(character) is None
            and character not in JOINING}


@lru_cache(maxsize=1 << 14)
def _em_width(text, weight):
    """A text's advance in ems (its width at a font size of 1)."""
    import uharfbuzz as hb

    total = 0.0
    for family, run in runs(text):
        if family is None:
            total += 0.6 * len(run)  # an empty box each: never drawn by us (tests check), counted all the same
            continue
        buffer = hb.Buffer()
        buffer.add_str(run)
        buffer.guess_segment_properties()
        hb.shape(_font(family, weight), buffer, {})
        total += sum(position.x_advance for position in buffer.glyph_positions) / _face(family).upem
    return total


def width(text, size, bold=False):
    """The width in pixels of a text at a font size."""
    return _em_width(text, BOLD if bold else REGULAR) * size


VIRAMA = "\u094d"


def clusters(text):
    """The text as what a reader sees as letters: a letter with its signs, a conjunct (consonants joined by a
    virama, or a joiner) kept whole, where a line may break inside a word."""
    found = []
    for character in text:
        joined = found and (unicodedata.category(character).startswith("M") or found[-1][-1] in (VIRAMA, *JOINING)
                            or character in JOINING)
        if joined:
            found[-1] += character
        else:
            found.append(character)
    return found


def broken(piece, room, size, bold=False, measure=width):
    """A word wider than room in pieces that fit, broken between letters (a 200-letter word ran off a picture)."""
    parts = [""]
    for cluster in clusters(piece):
        if parts[-1] and measure(parts[-1] + cluster, size, bold) > room:
            parts.append("")
        parts[-1] += cluster
    return parts


def filled(text, room, size, bold=False, breaks=" ", measure=width):
    """The text in lines within room pixels, filled greedily and broken after any of `breaks` (a space at a
    line's end is dropped); a piece wider than room on lines of its own, broken between letters. measure(text,
    size, bold): its width (a share card measures its triangles as drawn: share.drawn_width)."""
    pattern = f"[^{re.escape(breaks)}]*[{re.escape(breaks)}]?"
    lines = []
    for piece in re.findall(pattern, text):
        if not piece:
            continue
        if lines and measure((lines[-1] + piece).rstrip(" "), size, bold) <= room:
            lines[-1] += piece
        elif measure(piece.rstrip(" "), size, bold) > room:
            lines += broken(piece, room, size, bold, measure)
        else:
            lines.append(piece)
    return [line.rstrip(" ") for line in lines]


def wrapped(text, room, size, bold=False, lines=2):
    """The text in at most `lines` lines, broken at spaces, each within `room` pixels at `size`; None when it
    does not fit so."""
    out = filled(text, room, size, bold)
    if len(out) > lines or any(width(line, size, bold) > room for line in out):
        return None
    return out
