"""The district map (data/tiles.csv): which unit each tile shows, in which band of percent, as page and chart
data. Plain data, no language: render/charts draws it (kinds.tiles_spec), render/tile_map.py links its tiles.

A tile is a place (a revenue district's); in the police series a commissionerate shows on its revenue district's
tile, which says so (shared). A month's map shows, at each place, the unit of the level ranked there that month,
else the place's own district, grey.
"""

from ..data.schema import PARENT_LEVEL, TILE_LEVEL
from .chart_data import BANDS, bands_block

STEM = "district-map"  # the chart file beside a page: district-map.svg
LEVEL = TILE_LEVEL


def tile_directory(tiles):
    """[tile] from the loaded tiles (data/tiles.py: index unit id; column, row, short_en, short_hi, shared), in
    place order, each {id, column, row, labels: (short_en, short_hi), shared}; [] without a tiles.csv."""
    if tiles is None:
        return []
    labels = [column for column in tiles.columns if column.startswith("short_")]
    return sorted(({"id": unit_id, "column": int(row["column"]), "row": int(row["row"]),
                    "labels": tuple(row[column] for column in labels), "shared": bool(row["shared"])}
                   for unit_id, row in zip(tiles.index, tiles.to_dict("records"))),
                  key=lambda tile: (tile["row"], tile["column"], tile["shared"]))


def band_of(percent):
    """The index in BANDS of a percent's band."""
    return next(i for i, (_, low) in enumerate(BANDS) if percent >= low)


def one_per_place(tiles, preferred):
    """The tile each place shows: the first of `preferred` ids there (a ranked unit, a marked one), else the
    place's own district (first in tile_directory's order; a commissionerate shares its tile)."""
    shown = {}
    for tile in tiles:
        place = (tile["column"], tile["row"])
        if place not in shown or (tile["id"] in preferred and shown[place]["id"] not in preferred):
            shown[place] = tile
    return list(shown.values())


def month_tiles(tiles, rows):
    """[tile with "ranked": its unit's row of `rows` (a month's level), None when not ranked]: one per place,
    the unit ranked there, else the place's own district."""
    ranked = {row["unit_id"]: row for row in rows}
    return [{**tile, "ranked": ranked.get(tile["id"])} for tile in one_per_place(tiles, ranked)]


def month_map(tiles, rows, series, month, stem=STEM):
    """A series' month on the map: its district level's rows (`rows`) on their tiles, for a page: the tiles, how
    many units fall in each band (bands_block: the map's key) and how many places were not ranked; the chart
    file `stem`. None without tiles."""
    if not tiles:
        return None
    shown = month_tiles(tiles, rows)
    return {**bands_block([tile["ranked"] for tile in shown if tile["ranked"]], LEVEL, chart=stem,
                          with_top=LEVEL in series["with_top"]),
            "tiles": shown, "not_ranked": sum(tile["ranked"] is None for tile in shown),
            "series": series, "month": month}


def located_levels():
    """The levels whose pages show where their districts are: the tiles' own and every level above it (a
    district, its range, its zone)."""
    levels = [LEVEL]
    while levels[-1] in PARENT_LEVEL:
        levels.append(PARENT_LEVEL[levels[-1]])
    return levels


def locator_map(tiles, unit, units):
    """Where a unit is: every place's district, the unit's own marked (a district's, or a commissionerate's on
    its district's tile) or those of the districts under it (a zone's, a range's); None without tiles, for a
    unit of another level, or for one with no district on the map."""
    if not tiles or unit["level"] not in located_levels():
        return None
    marked = {t["id"] for t in tiles if t["id"] == unit["id"] or unit["id"] in units[t["id"]]["ancestors"]}
    if not marked:
        return None
    shown = [{**tile, "ranked": None} for tile in one_per_place(tiles, marked)]
    return {"chart": STEM, "tiles": shown, "marked": sorted(marked), "unit": unit, "locator": True,
            "itself": unit["id"] in marked}  # a district's own tile, or the tiles of the districts under it


def place_of(tile):
    """A tile's place as its tokens name it (render/charts/kinds.tiles_spec): "column-row"."""
    return f"{tile['column']}-{tile['row']}"


def map_chart(tiles):
    """The chart data of the district map (render/charts/kinds.tiles_spec): the grid, every place, and each
    place's labels, to fit them. The same for every map of a site: which unit each tile shows, its colour and
    link are put in per page (render/tile_map.py)."""
    places = {place_of(tile): tile for tile in tiles}
    return {"kind": "tiles",
            "grid": [max(t["column"] for t in tiles) + 1, max(t["row"] for t in tiles) + 1],
            "places": sorted({(t["column"], t["row"]) for t in tiles}, key=lambda place: (place[1], place[0])),
            "labels": {place: tile["labels"] for place, tile in places.items()}}
