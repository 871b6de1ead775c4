"""The district map in a language and on a page: each tile's label (its short name) and its link to its unit's
page, which its label names (and where the label is short, a title with the unit's name, as a tooltip).

The map's SVG is one drawing for every map (render/charts/kinds.tiles_spec), its tiles named by place
("column-row"): ⟦tile:c-r⟧ is a label, put in place with the chart's other words (tile_words, files.localise);
⟦fill:c-r⟧ and ⟦ink:c-r⟧ are a tile's colours and ⟦href:c-r⟧ opens its link, put in place here, per page: which
unit a tile shows and how it is coloured is the page's (a month's bands, a unit's place), and a link depends on
where the page is (relative links) or on the site's address (a downloaded file).
"""

import math
import re

from ..data.schema import NAMES, TILE_GAP, TILE_HEIGHT, TILE_WIDTH
from ..site.district_map import band_of, place_of
from .charts.style import (ACCENT, BAND_COLOURS, BAND_INKS, GAP, INK, NOT_RANKED_EDGE, NOT_RANKED_FILL,
                           escape_xml)

LINK = re.compile(r'<a href="⟦href:(\d+-\d+)⟧">')
TILE = re.compile(r'(<path d="[^"]*" fill="⟦fill:\d+-\d+⟧"/>)</a>')
LABEL = re.compile(r"<text [^>]*>[^<]*</text>")
LABEL_SIZE = re.compile(r'<text [^>]* font-size="([\d.]+)px"')
SIZE = re.compile(r'^(<svg [^>]*?)width="([\d.]+)" height="([\d.]+)"')
# On a page, a map is drawn at least this large: its smallest label this many pixels high (a phone's reader reads
# it in its own scrolling box; at the width of a phone's screen its labels were 4.4 px), its tiles a finger's
# target (WCAG 2.5.8: 24 × 24 px).
READABLE_LABEL, READABLE_TILE = 9, 24
# A colour token only where the drawing put one, as an attribute's value inside a tag: a name or label that reads
# "⟦ink:9-9⟧" is text between tags (where "<" is always escaped) and stays as it is written.
COLOUR = re.compile(r'(<[^<>]* fill=")⟦(fill|ink):(\d+-\d+)⟧"')


def tile_words(tiles, language):
    """{⟦tile:c-r⟧ token: the label of the tile at that place, in a language}."""
    column = NAMES.index(language.info.name_column)
    return {f"tile:{place_of(tile)}": tile["labels"][column] for tile in tiles}


def colours(tile, block):
    """(fill, ink, edge) of a tile: its band's, on a month's map (white, its edge dashed, when its unit was not
    ranked); the accent where a locator marks it. edge: attributes of its outline, or ""."""
    if block.get("locator"):
        return (ACCENT, "white", "") if tile["id"] in block["marked"] else (GAP, INK, "")
    if tile["ranked"] is None:
        return NOT_RANKED_FILL, INK, NOT_RANKED_EDGE
    band = band_of(tile["ranked"]["percent"])
    return BAND_COLOURS[band], BAND_INKS[band], ""


def about(tile, unit, language, units):
    """What a tile says of its unit: its name, and the district whose tile a commissionerate takes (its figures
    are in the table beside the map: said again on each of 75 tiles, they cost a month page a kilobyte)."""
    name = language.name(unit)
    if tile["shared"] and unit.get("counterpart"):
        name = language.gettext("%(unit)s, on the tile of %(district)s") % {
            "unit": name, "district": language.name(units[unit["counterpart"]])}
    return name


def readable(svg):
    """A map as a page shows it: drawn at the size at which its smallest label is READABLE_LABEL pixels high and
    its tiles READABLE_TILE wide and high, or as it is where both already are. The page's stylesheet lets it
    scroll in its own box rather than shrink."""
    smallest_label = min((float(size) for size in LABEL_SIZE.findall(svg)), default=READABLE_LABEL)
    scale = max(1, READABLE_LABEL / smallest_label, READABLE_TILE / (min(TILE_WIDTH, TILE_HEIGHT) - TILE_GAP))
    return SIZE.sub(lambda match: f'{match[1]}width="{math.ceil(float(match[2]) * scale)}" '
                                  f'height="{math.ceil(float(match[3]) * scale)}"', svg, count=1)


def linked(svg, block, language, units, href):
    """A map (site/district_map.py: a month's, or a locator's) with each tile coloured and a link to the page of
    the unit it shows (href(path): the link from where the map is). Each tile's label goes inside its link, which
    it names; where the label is not the unit's whole name, a <title> says it (about)."""
    by_place = {place_of(tile): tile for tile in block["tiles"]}
    column = NAMES.index(language.info.name_column)
    labels = LABEL.findall(svg)  # drawn in the order of the tiles, one each (kinds.tiles_spec)
    svg = LABEL.sub("", svg)
    links = iter(labels)

    def link(match):
        tile = by_place[match[1]]
        unit = units[tile["id"]]
        name = about(tile, unit, language, units)
        title = f"<title>{escape_xml(name)}</title>" if name != tile["labels"][column] else ""
        return f'<a href="{escape_xml(href(unit["path"]))}">{title}'

    def close(match):  # a tile's path, then its label, inside its link
        return f"{match[1]}{next(links)}</a>"

    def colour(match):
        fill, ink, edge = colours(by_place[match[3]], block)
        return f'{match[1]}{ink}"' if match[2] == "ink" else f'{match[1]}{fill}"' + (f" {edge}" if edge else "")
    svg = TILE.sub(close, LINK.sub(link, svg))
    return COLOUR.sub(colour, svg)
