"""The district map's page data (site/district_map.py), on hand-made tiles: which unit each place shows."""

import re
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


def test_a_name_or_label_that_reads_like_a_colour_token_is_shown_as_written():
    """The map's colours are tokens in the drawing (⟦fill:c-r⟧, ⟦ink:c-r⟧): text that reads like one, in a unit's
    name or a tile's label, is text. It once stopped the build (KeyError: no tile at 9-9) or, where a tile sits at
    that place, was silently replaced by a colour. (Validation now refuses ⟦ ⟧ in names, which no font draws: this
    holds all the same for any text.)"""
    from rankings.render.language import load_languages
    from rankings.render.tile_map import linked
    from sitebuild import ROOT

    english = load_languages(ROOT / "theme" / "translations", ["en"])[0]
    drawing = "".join(  # as kinds.tiles_spec draws two tiles, labels already in place (files.localise)
        f'<a href="⟦href:{place}⟧"><path d="M0,0h42v32h-42Z" fill="⟦fill:{place}⟧"/></a>'
        f'<text x="1" y="1" font-size="8.5px" fill="⟦ink:{place}⟧">{label}</text>'
        for place, label in (("0-0", "M⟦fill:1-1⟧"), ("1-1", "Etawah")))
    tiles = [{"id": "mathura", "column": 0, "row": 0, "labels": ("M⟦fill:1-1⟧", "म"), "shared": False,
              "ranked": row("mathura", "100")},
             {"id": "etawah", "column": 1, "row": 1, "labels": ("Etawah", "इ"), "shared": False,
              "ranked": row("etawah", "85")}]
    units = {"mathura": {"name_en": "Mathura ⟦ink:9-9⟧", "path": "district/mathura/"},
             "etawah": {"name_en": "Etawah", "path": "district/etawah/"}}
    svg = linked(f"<svg>{drawing}</svg>", {"tiles": tiles}, english, units, lambda path: path)
    assert "M⟦fill:1-1⟧</text>" in svg and "<title>Mathura ⟦ink:9-9⟧</title>" in svg
    assert not re.search(r'="⟦', svg)  # every token the drawing put in an attribute was filled
