"""The district map in a language and on a page: each tile's label (its short name) and its link to its unit's
page, named with the unit's name and figures, which a mouse shows as a tooltip and a screen reader reads.

The map's SVG is language-neutral (render/charts/kinds.tiles_spec): ⟦tile:id⟧ is a label, put in place with the
chart's other words (tile_words, files.localise); ⟦href:id⟧ opens a tile's link, put in place here, per page,
since a link depends on where the page is (relative links) or on the site's address (a downloaded file).
"""

import re

from ..data.schema import NAMES
from .charts.style import escape_xml

LINK = re.compile(r'<a href="⟦href:([a-z0-9-]+)⟧">')


def tile_words(tiles, language):
    """{⟦tile:id⟧ token: the tile's label in a language}."""
    column = NAMES.index(language.info.name_column)
    return {f"tile:{tile['id']}": tile["labels"][column] for tile in tiles}


def about(tile, unit, language, units, figures=True):
    """What a tile says of its unit: its name (and the district whose tile a commissionerate takes), and with
    figures its percent and rank that month, or that it was not ranked."""
    name = language.name(unit)
    if tile["shared"] and unit.get("counterpart"):
        name = language.gettext("%(unit)s, on the tile of %(district)s") % {
            "unit": name, "district": language.name(units[unit["counterpart"]])}
    if not figures:
        return name
    row = tile.get("ranked")
    if row is None:
        return language.gettext("%(unit)s: not ranked this month") % {"unit": name}
    return language.gettext("%(unit)s: %(percent)s, rank %(rank)s") % {
        "unit": name, "percent": language.percent(row["percent"]),
        "rank": language.number(row["rank"]) + language.joint_text(row["tied"])}


def linked(svg, block, language, units, href):
    """A map (site/district_map.py: a month's, or a locator's) with each tile a link to its unit's page
    (href(path): the link from where the map is), named by a <title> (about; a locator's without figures)."""
    by_id = {tile["id"]: tile for tile in block["tiles"]}

    def link(match):
        tile = by_id[match[1]]
        unit = units[tile["id"]]
        return (f'<a href="{escape_xml(href(unit["path"]))}"><title>'
                f'{escape_xml(about(tile, unit, language, units, figures=not block.get("locator")))}</title>')
    return LINK.sub(link, svg)
