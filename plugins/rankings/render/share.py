"""The picture a shared link shows (og:image): laid out at 1200 × 630, drawn at 768 × 403, one per page and language
(a unit's is its chart's PNG, chart_card.py).

Drawn as SVG here and made PNG by resvg in the chart pool (charts/pool.py: ChartStore.png), which shapes Devanagari;
cached by the SVG's bytes like the charts' PNGs, so a rebuild draws only the cards whose words changed.
Publish builds only (RANKINGS_SHARE_IMAGES): thousands of PNGs are not worth a local build's time.

Every text is measured in the fonts that draw it (typeset.py) and laid out by that: a long title wraps onto a
second line, a long line is set smaller, and only past that is it cut, at a word, with "…". ▲ and ▼ are drawn as
triangles: the fonts have no such characters, and an empty box would make a rise and a fall look the same.
"""

from ..data import typeset
from .charts.style import ACCENT, FONT, INK, MUTED, escape_xml

WIDTH, HEIGHT = 1200, 630  # the card as laid out
# ...and as drawn: 768 px wide, as a unit's picture (chart_card.py) and as a link preview shows it; 41 KB at
# 1200 × 630, 18 KB so, for 480 month pages in ten years.
ZOOM = 0.64
SIZE = (round(WIDTH * ZOOM), round(HEIGHT * ZOOM))
MARGIN = 60
ROOM = WIDTH - 2 * MARGIN
BAND = 96  # the coloured band at the top, with the site's name
FOOTER_BASELINE = HEIGHT - 36
FIGURE_LINES = 4  # the most lines of figures a card has room for
# ▲ and ▼ as drawn: in ems of the line's size, a triangle as wide as a digit and as tall as a capital.
TRIANGLES = {"▲": "up", "▼": "down"}
TRIANGLE_EM, TRIANGLE_GAP_EM, TRIANGLE_HEIGHT_EM = 0.56, 0.1, 0.58


def pieces(text):
    """A line split into text and triangles: ["88.46% · ", "▲", "25 (+7.69 …)"]."""
    out, current = [], ""
    for character in text:
        if character in TRIANGLES:
            out += [current, character] if current else [character]
            current = ""
        else:
            current += character
    return out + ([current] if current else [])


def em_width(text, bold):
    """A line's width at a size of 1, triangles included."""
    return sum(TRIANGLE_EM + TRIANGLE_GAP_EM if piece in TRIANGLES else typeset.width(piece, 1, bold)
               for piece in pieces(text))


def drawn_width(text, size, bold=False):
    """A line's width at a size, triangles included (typeset.filled's measure for a card's lines)."""
    return em_width(text, bold) * size


class Line:
    """One line of a card: its text, size, weight and colour, placed at a baseline."""

    def __init__(self, text, size, bold=False, colour=INK, smallest=None, room=ROOM, x=MARGIN):
        self.bold, self.colour, self.x = bold, colour, x
        smallest = smallest or size * 0.7
        em = em_width(text, bold)
        fitting = min(size, room / em) if em else size
        if fitting < smallest:  # too long even when smaller: cut at a word, at the smallest size
            fitting = smallest
            words = text.split(" ")
            while len(words) > 1 and em_width(" ".join(words) + " …", bold) * smallest > room:
                words.pop()
            text = " ".join(words) + " …"
            if em_width(text, bold) * smallest > room:  # one word longer than the line: cut between letters
                text = typeset.broken(text, room - em_width("…", bold) * smallest, smallest, bold)[0] + "…"
        self.text, self.size = text, round(fitting, 1)

    def svg(self, baseline):
        x, out = self.x, []
        for piece in pieces(self.text):
            if piece in TRIANGLES:
                w, h = TRIANGLE_EM * self.size, TRIANGLE_HEIGHT_EM * self.size
                points = ([(x, baseline), (x + w, baseline), (x + w / 2, baseline - h)] if TRIANGLES[piece] == "up"
                          else [(x, baseline - h), (x + w, baseline - h), (x + w / 2, baseline)])
                out.append(f'<path d="M{" L".join(f"{px:.1f},{py:.1f}" for px, py in points)} Z" '
                           f'fill="{self.colour}"><title>{piece}</title></path>')
                x += (TRIANGLE_EM + TRIANGLE_GAP_EM) * self.size
            else:
                weight = ' font-weight="bold"' if self.bold else ""
                out.append(f'<text x="{x:.1f}" y="{baseline:.1f}" font-family="{FONT}" font-size="{self.size:g}"'
                           f'{weight} fill="{self.colour}" xml:space="preserve">{escape_xml(piece)}</text>')
                x += typeset.width(piece, self.size, self.bold)
        return "".join(out)


def title_lines(title):
    """The title in one line at up to 72 px, else in two at up to 60, else cut at a word."""
    one = Line(title, 72, bold=True, smallest=56)
    if one.text == title:
        return [one]
    for size in (60, 56, 52, 48):
        wrapped = typeset.wrapped(title, ROOM, size, bold=True, lines=2)
        if wrapped:
            return [Line(line, size, bold=True, smallest=size) for line in wrapped]
    first, *rest = typeset.filled(title, ROOM, 48, bold=True)  # the second line is cut at a word by Line
    return [Line(line, 48, bold=True, smallest=48) for line in (first, " ".join(rest)) if line]


def card(site_name, title, about, lines, footer):
    """The SVG of a card: the site's name on a band, the title (a unit's name, a series, a page), what it is
    (kind and district, a month), up to four lines of figures, and the page's address."""
    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
             f'<rect width="{WIDTH}" height="{BAND}" fill="{ACCENT}"/>',
             Line(site_name, 38, bold=True, colour="white", smallest=24).svg(62)]
    y = BAND
    for i, line in enumerate(title_lines(title)):
        y += line.size * (1.25 if i == 0 else 1.2)
        parts.append(line.svg(y))
    if about:
        y += 58
        parts.append(Line(about, 36, colour=MUTED, smallest=26).svg(y))
    for i, text in enumerate(lines[:FIGURE_LINES]):
        y += 80 if i == 0 else 58
        parts.append(Line(text, 40 if i == 0 else 36, bold=i == 0, smallest=26).svg(y))
    parts.append(f'<rect y="{HEIGHT - 12}" width="{WIDTH}" height="12" fill="{ACCENT}"/>')
    parts.append(Line(footer, 28, colour=MUTED, smallest=20).svg(FOOTER_BASELINE))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(parts)}</svg>')
