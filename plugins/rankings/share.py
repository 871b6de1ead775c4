"""The picture a shared link shows (og:image): 1200 × 630, one per unit and month page and language.

Drawn as SVG here and made PNG by resvg in the chart pool (charts.ChartStore.png), which shapes Devanagari;
cached by the SVG's bytes like the charts' PNGs, so a rebuild draws only the cards whose words changed.
Publish builds only (RANKINGS_SHARE_IMAGES): thousands of PNGs are not worth a local build's time.
"""

from .charts import ACCENT, FONT, INK, MUTED, escape_xml

WIDTH, HEIGHT = 1200, 630
SIZE = (WIDTH, HEIGHT)


def card(site_name, title, about, lines, footer):
    """The SVG of a card: the site's name on a band, the title (a unit's name, a series), what it is (kind and
    district), up to four lines of figures, and the site's address. Long text is shrunk to fit the width."""

    def text(y, size, value, colour=INK, weight="normal"):
        # resvg honours textLength: a line longer than the card is squeezed, never cut off.
        estimate = len(value) * size * 0.55
        fit = f' textLength="{WIDTH - 120}" lengthAdjust="spacingAndGlyphs"' if estimate > WIDTH - 120 else ""
        return (f'<text x="60" y="{y}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" '
                f'fill="{colour}"{fit}>{escape_xml(value)}</text>')

    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
             f'<rect width="{WIDTH}" height="96" fill="{ACCENT}"/>',
             text(62, 38, site_name, "white", "bold"),
             text(200, 72, title, INK, "bold"),
             text(262, 38, about, MUTED)]
    for i, line in enumerate(lines[:4]):
        parts.append(text(350 + 62 * i, 40 if i == 0 else 36, line, INK, "bold" if i == 0 else "normal"))
    parts.append(f'<rect y="{HEIGHT - 12}" width="{WIDTH}" height="12" fill="{ACCENT}"/>')
    parts.append(text(HEIGHT - 36, 28, footer, MUTED))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(parts)}</svg>')
