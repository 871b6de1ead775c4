"""Write a synthetic state-size data folder for `make bench`: the shape of Uttar Pradesh, made-up figures.

8 zones, 18 ranges, 68 districts under them plus 12 top-level district units (commissionerates and revenue
districts, 6 of them counterparts), 1,560 stations, 351 tehsils, 60 months of two series. Deterministic: the same
folder every time.

    python scripts/make_bench_data.py OUTPUT_FOLDER [--months 60]
"""

import argparse
import csv
import random
from pathlib import Path

ZONES, RANGES, DISTRICTS, TOP_DISTRICTS, STATIONS, TEHSILS = 8, 18, 68, 12, 1560, 351
TILE_COLUMNS = 11  # the district map: 77 tiles (80 districts, 3 pairs) in rows of 11
SYLLABLES = [("ka", "क"), ("na", "न"), ("pu", "पु"), ("ra", "र"), ("ma", "म"), ("la", "ल"), ("si", "सि"),
             ("ta", "त"), ("ga", "ग"), ("ja", "ज"), ("ba", "ब"), ("de", "दे"), ("ha", "ह"), ("vi", "वि")]


def name(rng):
    parts = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))]
    return "".join(p[0] for p in parts).title(), "".join(p[1] for p in parts)


def units(rng):
    rows = []
    for z in range(ZONES):
        en, hi = name(rng)
        rows.append((f"zone-{z}", "zone", "", f"{en} Zone", f"{hi} ज़ोन"))
    for r in range(RANGES):
        en, hi = name(rng)
        rows.append((f"range-{r}", "range", f"zone-{r % ZONES}", f"{en} Range", f"{hi} परिक्षेत्र"))
    districts = []
    for d in range(DISTRICTS + TOP_DISTRICTS):
        en, hi = name(rng)
        parent = f"range-{d % RANGES}" if d < DISTRICTS else ""
        districts.append(f"district-{d}")
        rows.append((f"district-{d}", "district", parent, en, hi))
    for s in range(STATIONS):
        en, hi = name(rng)
        rows.append((f"station-{s}", "station", districts[s % (DISTRICTS + 7)], en, f"थाना {hi}"))
    # Drawn after every other unit, with their own generator: the other units' names and marks stay as they were.
    tehsil_rng = random.Random("tehsils")
    for t in range(TEHSILS):
        en, hi = name(tehsil_rng)
        rows.append((f"tehsil-{t}", "tehsil", districts[t % len(districts)], en, f"तहसील {hi}"))
    return rows


def counterparts():
    """Three top-level district units paired with three others (a commissionerate and its revenue district)."""
    return {f"district-{DISTRICTS + i}": f"district-{DISTRICTS + 6 + i}" for i in range(3)}


def months(count, first_year=2021):
    return [f"{first_year + i // 12}-{i % 12 + 1:02d}" for i in range(count)]


def marks(rng, max_marks):
    """Most units on full marks, a tail below, as in the real reports."""
    if rng.random() < 0.75:
        return max_marks
    return round(max_marks * rng.uniform(0.6, 0.995), 2)


def plain(value):
    return str(int(value)) if value == int(value) else f"{value:.2f}"


def write(folder, month_count, first_year=2021):
    """The data folder with month_count months from January of first_year (ten years must start in 2017, when
    the rankings began, to end by now)."""
    rng = random.Random(20241231)
    folder = Path(folder)
    (folder / "police").mkdir(parents=True, exist_ok=True)
    (folder / "district-admin").mkdir(parents=True, exist_ok=True)
    unit_rows = units(rng)
    with open(folder / "units.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "level", "parent", "name_en", "name_hi", "counterpart"])
        pairs = counterparts()
        writer.writerows(row + (pairs.get(row[0], ""),) for row in unit_rows)
    with open(folder / "tiles.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["unit_id", "column", "row", "short_en", "short_hi"])
        tiled = [u for u in unit_rows if u[1] == "district" and u[0] not in pairs]  # a pair shares a tile
        writer.writerows((unit[0], i % TILE_COLUMNS, i // TILE_COLUMNS, unit[3], unit[4])
                         for i, unit in enumerate(tiled))
    with open(folder / "series.csv", "w", newline="", encoding="utf-8") as out:
        out.write("id,name_en,name_hi\npolice,Police units,पुलिस इकाइयाँ\n"
                  "district-admin,District administrations,जिला प्रशासन\n")
    police = [u for u in unit_rows if u[1] != "tehsil"
              and (u[1] != "district" or u[0] != f"district-{DISTRICTS + TOP_DISTRICTS - 1}")]
    admin = [u for u in unit_rows if u[1] == "district"]
    tehsils = [u for u in unit_rows if u[1] == "tehsil"]
    for month in months(month_count, first_year):
        for series, members, counts in (("police", police, False), ("district-admin", admin, True)):
            with open(folder / series / f"{month}.csv", "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                header = ["unit_id", "marks", "max_marks"]
                if counts:
                    header += ["complaints_received", "complaints_disposed", "feedback_total", "feedback_unsatisfied"]
                writer.writerow(header)
                for unit in members:
                    top = 90 if unit[1] == "station" else (130 if counts else 125)
                    row = [unit[0], plain(marks(rng, top)), top]
                    if counts:
                        received = rng.randint(200, 3000)
                        feedback = rng.randint(100, 4000)
                        row += [received, rng.randint(received // 2, received), feedback, rng.randint(0, feedback)]
                    writer.writerow(row)
                if counts:
                    # The tehsils of the month: their own generator, so the other units' marks stay as they were.
                    tehsil_rng = random.Random(f"tehsils {month}")
                    writer.writerows([unit[0], plain(marks(tehsil_rng, 100)), 100, "", "", "", ""] for unit in tehsils)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--months", type=int, default=60)
    args = parser.parse_args()
    write(args.folder, args.months)
