"""The district map's page data (site/district_map.py), on hand-made tiles: which unit each place shows."""

from decimal import Decimal

from rankings.site.district_map import band_of, map_chart, month_map

# Kanpur Nagar's place is taken by Kanpur Commissionerate in the police series (shared); Etawah has its own.
TILES = [{"id": "kanpur-nagar", "column": 1, "row": 0, "labels": ("Kanpur N.", "कानपुर न."), "shared": False},
         {"id": "kanpur-commissionerate", "column": 1, "row": 0, "labels": ("Kanpur N.", "कानपुर न."),
          "shared": True},
         {"id": "etawah", "column": 0, "row": 1, "labels": ("Etawah", "इटावा"), "shared": False}]


SERIES = {"id": "police", "with_top": set()}


def row(unit_id, percent):
    return {"unit_id": unit_id, "percent": Decimal(percent), "rank": 1, "tied": 1}


def test_each_place_shows_the_unit_ranked_there_else_its_own_district_grey():
    police = month_map(TILES, [row("kanpur-commissionerate", "96")], SERIES, "2024-12")
    assert [(t["id"], t["ranked"] and t["ranked"]["percent"]) for t in police["tiles"]] == [
        ("kanpur-commissionerate", Decimal("96")), ("etawah", None)]
    assert [band["count"] for band in police["bands"]] == [0, 1, 0, 0, 0, 0] and police["not_ranked"] == 1
    admin = month_map(TILES, [row("kanpur-nagar", "88.46"), row("etawah", "100")], SERIES, "2024-12")
    assert [t["id"] for t in admin["tiles"]] == ["kanpur-nagar", "etawah"] and admin["not_ranked"] == 0
    # One drawing for every map: the places and their labels; which unit each shows is the page's.
    assert map_chart(TILES) == {"kind": "tiles", "grid": [2, 2], "places": [(1, 0), (0, 1)],
                                "labels": {"1-0": ("Kanpur N.", "कानपुर न."), "0-1": ("Etawah", "इटावा")}}
    assert month_map([], [row("etawah", "100")], SERIES, "2024-12") is None  # no tiles.csv, no map


def test_a_percent_falls_in_the_bands_the_site_uses():
    assert [band_of(Decimal(p)) for p in ("100", "99.99", "95", "94.99", "90", "89.99", "70", "69.99", "0")] == [
        0, 1, 1, 2, 2, 3, 4, 5, 5]
