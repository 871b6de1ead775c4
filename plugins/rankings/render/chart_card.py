"""A unit's picture: its history chart beside the words of its share card. One PNG per unit page and language
is both the chart's PNG to download and the picture the page's shared link shows (og:image).

Why one and not two: a new month changes every unit's chart, so each month every unit's chart PNG and its share
card were drawn again, in each language: 8,400 PNGs at state size, four fifths of a new month's publish. The
picture costs a third more than the chart's PNG alone did, and no card is drawn beside it. It is drawn at 1×: the chart at the size the page shows it
(its words at 11 px, as on the page), the card's words beside it, 1.91:1 as link previews show a picture uncut.
"""

from functools import partial

from ..data import typeset
from .charts.files import ADDRESS_BREAKS, key_svg, placed, size_of
from .charts.style import ACCENT, FONT, INK, MUTED, escape_xml
from .share import Line, drawn_width

filled = partial(typeset.filled, measure=drawn_width)  # a line of figures may hold ▲ or ▼, drawn as triangles

WIDTH, HEIGHT = 768, 402
SIZE = (WIDTH, HEIGHT)
MARGIN, BAND, STRIPE = 18, 44, 6
COLUMN = 330  # the words' column, left of the chart
CHART_X = MARGIN + COLUMN + 18
CHART_ROOM = WIDTH - CHART_X - 6
FOOTER_SIZE, FOOTER_LINE = 10.5, 14
KEY_ROW = 15  # charts/files.CAPTION_LINE: a row of the key under the chart


def words_column(title, about, lines, bottom):
    """The title (the unit's name), what it is, and its figures, top down from the band: at full size if they
    fit above `bottom`, else smaller, step by step. [(Line, baseline)]."""
    for scale in (1, 0.92, 0.85, 0.78):
        column, y = [], BAND
        for i, text in enumerate(filled(title, COLUMN, 28 * scale, bold=True)[:3]):
            y += 36 * scale if i == 0 else 31 * scale
            column.append((Line(text, 28 * scale, bold=True, room=COLUMN, x=MARGIN), y))
        y += 6 * scale
        for text in filled(about, COLUMN, 15 * scale):
            y += 21 * scale
            column.append((Line(text, 15 * scale, colour=MUTED, room=COLUMN, x=MARGIN), y))
        y += 14 * scale
        for i, figures in enumerate(lines):
            size, bold = (19 if i == 0 else 17) * scale, i == 0
            for text in filled(figures, COLUMN, size, bold):
                y += size * 1.45
                column.append((Line(text, size, bold=bold, room=COLUMN, x=MARGIN), y))
            y += 5 * scale
        if y <= bottom or scale == 0.78:
            return column


def picture(site_name, title, about, lines, chart_about, key, footer, drawing):
    """The SVG of a unit's picture, WIDTH × HEIGHT: the site's name on a band; left, the unit's name, what and
    where it is, its latest rank, percent and change, month and series (captions.share_card); right, what the
    chart shows (its months), the chart (a localised SVG, kept as it is), the key of its marks; at the foot,
    the source and the page's address (captions.chart_caption)."""
    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
             f'<rect width="{WIDTH}" height="{BAND}" fill="{ACCENT}"/>',
             Line(site_name, 20, bold=True, colour="white", smallest=13, room=WIDTH - 2 * MARGIN, x=MARGIN).svg(29)]
    foot = [line for text in footer
            for line in filled(text, WIDTH - 2 * MARGIN, FOOTER_SIZE, breaks=ADDRESS_BREAKS)]
    footer_top = HEIGHT - STRIPE - 6 - FOOTER_LINE * len(foot)
    for line, baseline in words_column(title, about, lines, footer_top - 4):
        parts.append(line.svg(baseline))
    y = BAND + 4
    for text in filled(chart_about, CHART_ROOM, 11):
        y += 15
        parts.append(f'<text x="{CHART_X}" y="{y}" font-family="{FONT}" font-size="11" fill="{INK}">'
                     f'{escape_xml(text)}</text>')
    width, height = size_of(drawing)
    _, rows = key_svg(key, 0, CHART_X + CHART_ROOM, CHART_X) if key else ("", 0)
    room = footer_top - 8 - KEY_ROW * rows - (y + 6)
    scale = min(1, room / height, CHART_ROOM / width)  # a taller chart (with its rank) is set smaller, never cut
    parts.append(placed(drawing, CHART_X, y + 6, scale))
    if key:
        parts.append(key_svg(key, round(y + 6 + height * scale + 16), CHART_X + CHART_ROOM, CHART_X)[0])
    for i, text in enumerate(foot):
        parts.append(f'<text x="{MARGIN}" y="{footer_top + FOOTER_LINE * (i + 1) - 3}" font-family="{FONT}" '
                     f'font-size="{FOOTER_SIZE}" fill="{MUTED}">{escape_xml(text)}</text>')
    parts.append(f'<rect y="{HEIGHT - STRIPE}" width="{WIDTH}" height="{STRIPE}" fill="{ACCENT}"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(parts)}</svg>')

