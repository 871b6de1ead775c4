"""The site's one stylesheet, minified by rcssmin: its source explains itself in comments, which a phone should
not download with every page (0.75 KB of a page's 40 KB budget)."""

from pathlib import Path

import rcssmin

from .. import urls
from .charts.style import BAND_COLOURS, MUTED, NOT_RANKED_FILL
from .site_file import SiteFile


def stylesheet_file(theme):
    source = Path(theme) / "css" / "site.css"
    return SiteFile(urls.STYLESHEET, lambda: rcssmin.cssmin(source.read_text(encoding="utf-8") + band_rules()))


def band_rules():
    """The map's colours as the swatches of its key (.b0 … .b5, .nr): the charts' own (charts/style.py)."""
    return ("".join(f".b{i}{{background:{colour}}}" for i, colour in enumerate(BAND_COLOURS))
            + f".nr{{background:{NOT_RANKED_FILL};border:1px dashed {MUTED}}}")
