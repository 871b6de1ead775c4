"""How every chart and picture looks: colours, the one font family, sizes; shared by the charts, the chart files
and the share cards, so that they look alike."""

INK, ACCENT, GRID = "#1b1b1b", "#0b5394", "#d6d6d6"
MUTED, GAP = "#767676", "#ececec"  # the level's median; months the series did not publish
WIDTH, PANEL_HEIGHT, RANK_PANEL_HEIGHT = 320, 120, 56
# The map's colours by percent band (site/chart_data.BANDS: full marks first), light to dark as the percent falls,
# so that where complaints are settled worst stands out, in greyscale too (ColorBrewer's OrRd; the 70–79.99 % band
# its 7-class #d7301f, where white labels read at 4.85:1, not 3.97); a label is white where its tile is dark. A
# district not ranked that month is white, outlined with a dashed line (NOT_RANKED_EDGE): grey, it was the full
# marks' cream in greyscale. The bands chart draws each band in the same colour.
BAND_COLOURS = ("#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#d7301f", "#b30000")
BAND_INKS = (INK, INK, INK, INK, "white", "white")
NOT_RANKED_FILL, NOT_RANKED_EDGE = "#ffffff", f'stroke="{MUTED}" stroke-width="1" stroke-dasharray="3 2"'
# The compare page's lines (theme/compare/compare.js), one per unit: told apart by their dashes as well as their
# colours, each at least 3:1 against white (WCAG 1.4.11).
COMPARE_LINES = ((ACCENT, ""), ("#c2410c", "7 3"), ("#047857", "2 3"), ("#7e22ce", "9 3 2 3"))
# One generic family: a list of families costs vl-convert a font lookup per text (~3× slower). The restricted
# fontconfig maps it to Noto Sans (Devanagari falls back to Noto Sans Devanagari); in the page, CSS gives the
# chart text the page's own font stack.
FONT = "sans-serif"
AXIS_LABEL_SIZE = 11


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
        # Figures grouped as the pages group them, the Indian way (1,249; 12,34,567), in both languages.
        "locale": {"number": {"decimal": ".", "thousands": ",", "grouping": [3, 2], "currency": ["₹", ""]}},
    }


def escape_xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
