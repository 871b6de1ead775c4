"""The fonts the PNGs are drawn with: the pinned variable Noto Sans and Noto Sans Devanagari (data/typeset.font_dirs),
each made once into a regular and a bold static instance of the characters the site writes, kept in the cache.

Why: resvg loads the fonts for every picture and draws a bold glyph of a variable font by applying its variation
deltas to the outline. A unit's picture is mostly text, drawn 4,200 times a month at state size: with these
fonts a new month's publish took 3.5 % less CPU (a picture alone 3 to 8 % less), for the same pixels. The instances keep the advances typeset.py
measures (their variations applied) and every OpenType feature (Devanagari's conjuncts and matras); a character
outside typeset.DRAWN is no font's, and typeset.missing says so before a picture draws an empty box.
"""

import fcntl
import hashlib
import os
import shutil
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ...data.typeset import DRAWN, font_dirs

WEIGHTS = {"Regular": 400, "Bold": 700}


def variable_fonts():
    """The pinned variable fonts, upright: [path]."""
    return [file for folder in font_dirs() for file in sorted(Path(folder).glob("*.ttf")) if "Italic" not in file.name]


@cache
def key():
    """What the drawing fonts are made from: the font packages, fontTools, this module and the characters kept."""
    parts = [version("fontpkg-noto-sans"), version("fontpkg-noto-sans-devanagari"), version("fonttools"),
             Path(__file__).read_text(encoding="utf-8"), repr(DRAWN)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def drawing_fonts(cache_dir):
    """The folder of the drawing fonts under cache_dir, made the first time (about ten seconds of CPU) by one
    process while any other that needs them waits, whole or not at all."""
    folder = Path(cache_dir) / "fonts" / key()
    if folder.is_dir():
        return str(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the pool's workers ask at once: one makes them
        if folder.is_dir():
            return str(folder)
        making = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".making-"))
        try:
            for source in variable_fonts():
                for weight in WEIGHTS.values():
                    made_instance(source, weight).save(instance_file(making, source, weight))
            making.chmod(0o755)
            os.replace(making, folder)
        finally:
            shutil.rmtree(making, ignore_errors=True)
    return str(folder)


def instance_file(folder, source, weight):
    """Where the drawing fonts' folder keeps the instance of a pinned variable font (its path) at a weight."""
    style = next(style for style, value in WEIGHTS.items() if value == weight)
    return Path(folder) / f"{Path(source).name.split('[')[0]}-{style}.ttf"


def made_instance(source, weight):
    """A static instance of a variable font at a weight (full width), with only DRAWN's characters."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(source)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in DRAWN for code in range(low, high + 1)])
    subsetter.subset(font)
    return instancer.instantiateVariableFont(font, {"wght": weight, "wdth": 100}, updateFontNames=True)
