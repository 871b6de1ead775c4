"""`make bench`'s import part: the state's sheet of a month imported as staff import it (`make import`, a process of
its own), timed from start to the month's file written and previewed.

The sheet is the sample data's police month (1,575 stations, 1,676 rows in all, a tab per level), made as offices
make it (tests/sheetmaker.py): as .xlsx in Unicode with names written the ways offices write them, as .xlsx typed
in Kruti Dev 010, and as a PDF printed from the Kruti Dev sheet.

    python scripts/bench_import.py
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

SERIES, MONTH = "police", "2025-10"
SHEET = "import, 1,575-row sheet (s)"
TARGETS = {SHEET: 5, "import, its PDF (s)": 30}  # a sheet in a legacy font is held to the sheet's


def timed_import(data, files):
    (data / SERIES / f"{MONTH}.csv").unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rankings.cli", "import", "--data", str(data), "--series", SERIES,
                           "--month", MONTH, "--lang", "en", *map(str, files)], cwd=ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": ""})
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"the import failed:\n{done.stdout}{done.stderr}")
    return seconds


def main():
    import sheetmaker
    from rankings.data.sheets import legacy

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        data = scratch / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("incoming"))
        sheets = sheetmaker.tables(ROOT / "data", SERIES, MONTH)
        typed = sheetmaker.tables(ROOT / "data", SERIES, MONTH, font=legacy.KRUTI_DEV)
        units = sum(1 for rows in sheets.values() for row in rows if row and row[0].isdigit())
        sheetmaker.write_xlsx(scratch / "ranking.xlsx", sheets)
        sheetmaker.write_xlsx(scratch / "kruti.xlsx", typed)
        sheetmaker.write_pdf(scratch / "kruti.pdf", typed)
        measured = {SHEET: timed_import(data, [scratch / "ranking.xlsx"]),
                    "import, the sheet in Kruti Dev (s)": timed_import(data, [scratch / "kruti.xlsx"]),
                    "import, its PDF (s)": timed_import(data, [scratch / "kruti.pdf"])}
        pages = subprocess.run([sys.executable, "-c", "import sys, pdfplumber; "
                                "print(len(pdfplumber.open(sys.argv[1]).pages))", str(scratch / "kruti.pdf")],
                               capture_output=True, text=True).stdout.strip()
    print(f"the state's sheet: the sample's police month, {units:,} units in 4 tabs (1,575 stations); its PDF "
          f"{pages} pages")
    for name, value in measured.items():
        target = TARGETS.get(name, TARGETS[SHEET])
        verdict = "met" if value <= target else "MISSED"
        print(f"  {name:36s} {value:8.2f}   target ≤ {target:>5}   {verdict}")
    return measured


if __name__ == "__main__":
    main()
