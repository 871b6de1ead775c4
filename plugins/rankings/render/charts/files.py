"""The chart in a language, and the chart file a reader downloads: the language's words in place of the tokens
(localise), and around the drawing its title, what it shows, a key of its marks, the source and the page's
address (captioned), every text measured and wrapped to the file's width.
"""

import re

from babel.dates import get_month_names

from ...data.vocabulary import LEVEL, LEVEL_IDS
from ...data import typeset
from ..language import LevelWords
from .kinds import TOKEN
from .style import ACCENT, BAND_COLOURS, FONT, GAP, INK, MUTED, NOT_RANKED_EDGE, NOT_RANKED_FILL, escape_xml

CAPTION_LINE, CAPTION_WIDTH, CAPTION_MARGIN = 15, 400, 6
# The key under a history chart: each mark's swatch, and the size of its words.
KEY_SWATCH, KEY_SIZE = 22, 10


def chart_words(language):
    """The words of the charts' tokens (kinds.py), in a language."""
    return {"rank": language.gettext("Rank"), "percent": language.gettext("Percent"),
            **{level: language.level(level).many for level in LEVEL_IDS},
            **{f"{level}_top": LevelWords(LEVEL[level], language, with_top=True).many for level in LEVEL_IDS}}


def month_names(language):
    """The twelve months' short names in a language, January first (a chart's §0§ to §11§)."""
    return [name for _, name in sorted(get_month_names("abbreviated", locale=language.locale).items())]


def localise(svg, words, months):
    """Put a language's words in place of the tokens: words {token: text}, months [12 short names]."""
    def replace(match):
        word, month = match.groups()
        return escape_xml(words[word]) if word else escape_xml(months[int(month)])
    return TOKEN.sub(replace, svg)


def size_of(svg):
    """(width, height) of an SVG, as its root says."""
    return tuple(float(v) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups())


def placed(drawing, x, y, scale=1):
    """A chart's SVG drawn inside a larger one at (x, y), `scale` times its size: as a group, not a nested <svg>,
    which resvg draws through a clipped layer of the whole picture (a tenth of a unit's picture's time, for
    the same pixels: the chart stays within its own box)."""
    opening = re.match(r"<svg[^>]*>", drawing).group(0)
    transform = f"translate({x:g},{y:g})" + (f" scale({scale:.4f})" if scale != 1 else "")
    return f'<g class="chart" transform="{transform}">{drawing[len(opening):].removesuffix("</svg>")}</g><!--/chart-->'


ADDRESS_BREAKS = " /-"  # a chart file's lines break at spaces, and a web address after "/" or "-"


def key_svg(key, y, width, left=CAPTION_MARGIN):
    """The key under a history chart or a map: each mark drawn as in the chart, beside its words; from `left`,
    wrapped at `width` (its right edge)."""
    swatches = {
        "line": f'<line x1="0" y1="-4" x2="{KEY_SWATCH}" y2="-4" stroke="{ACCENT}" stroke-width="2"/>',
        "median": f'<line x1="0" y1="-4" x2="{KEY_SWATCH}" y2="-4" stroke="{MUTED}" stroke-width="2" '
                  f'stroke-dasharray="4,3"/>',
        "unpublished": f'<rect x="0" y="-10" width="{KEY_SWATCH}" height="12" fill="{GAP}"/>',
        "gap": f'<line x1="0" y1="-4" x2="7" y2="-4" stroke="{ACCENT}" stroke-width="2"/>'
               f'<line x1="15" y1="-4" x2="{KEY_SWATCH}" y2="-4" stroke="{ACCENT}" stroke-width="2"/>',
        # The map's tiles: a band of percent each, and a tile whose district was not ranked.
        **{f"band{i}": f'<rect x="6" y="-10" width="12" height="12" fill="{colour}" stroke="{MUTED}" '
                       f'stroke-width="0.5"/>' for i, colour in enumerate(BAND_COLOURS)},
        "not_ranked": f'<rect x="6" y="-10" width="12" height="12" fill="{NOT_RANKED_FILL}" {NOT_RANKED_EDGE}/>',
    }
    parts, x, rows = [], left, 1
    for mark, words in key:
        advance = KEY_SWATCH + 5 + typeset.width(words, KEY_SIZE) + 14
        if x > left and x + advance > width:
            x, rows = left, rows + 1
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
    is, placed as a group; the page shows the chart without these, under its own caption."""
    width, height = size_of(svg)
    full_width = max(width, CAPTION_WIDTH)
    room = full_width - 2 * CAPTION_MARGIN
    text = f'font-family="{FONT}" fill="{INK}"'
    head, y = [], 0
    for line in typeset.filled(title, room, 12.5, bold=True, breaks=ADDRESS_BREAKS):
        y += 16 if not head else CAPTION_LINE
        head.append(f'<text x="{CAPTION_MARGIN}" y="{y}" {text} font-size="12.5" font-weight="bold">'
                    f'{escape_xml(line)}</text>')
    for line in [part for about_line in about for part in typeset.filled(about_line, room, 11, breaks=ADDRESS_BREAKS)]:
        y += CAPTION_LINE
        head.append(f'<text x="{CAPTION_MARGIN}" y="{y}" {text} font-size="11">{escape_xml(line)}</text>')
    top = y + 6
    drawing = placed(svg, 0, top)
    y = top + height
    keyed = ""
    if key:
        keyed, rows = key_svg(key, y + 14, full_width)
        y += 6 + CAPTION_LINE * rows
    foot = []
    for line in [part for footer_line in footer for part in typeset.filled(footer_line, room, 9.5, breaks=ADDRESS_BREAKS)]:
        y += 11 if foot or key else 12
        foot.append(f'<text x="{CAPTION_MARGIN}" y="{y}" {text} font-size="9.5">{escape_xml(line)}</text>')
    full_height = y + 6
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{full_width:g}" height="{full_height:g}" '
            f'viewBox="0 0 {full_width:g} {full_height:g}"><title>{escape_xml(" — ".join([title, *about]))}</title>'
            f'<rect width="{full_width:g}" height="{full_height:g}" fill="white"/>'
            f'{"".join(head)}{drawing}{keyed}{"".join(foot)}</svg>')
