"""`make import`: the month's CSV written from the sheet the state sent, checked as `make validate` checks, with the
same preview; nothing written while anything is wrong.

    python -m rankings.cli import --data data --series police [--month 2025-01] [--lang hi] [--force]
        [--left-out "id id"] [--columns "marks=E; max_marks=F"] FILE [FILE …]
    python -m rankings.cli import-incoming --data data [--lang hi]     (the workflow, for staff with a browser)
"""

import csv
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from .data import schema
from .data.folder import is_month_file
from .data.load import load
from .data.months import next_month
from .data.problems import DataError, Problem
from .data.sheets import layout, legacy, messages as m
from .data.sheets.month import import_month, month_frame
from .data.sheets.read import SHEET_SUFFIXES
from .data.sheets.taught import read_taught
from .site.model import build_model


def import_sheet(folder, files, series_id, month, language, force=False, left_out="", columns="", out=None):
    """Write data/<series>/<month>.csv from the sheet's files. Returns the exit status (0: written)."""
    from .cli import month_said_right, print_preview, print_problems  # the commands tell things alike

    out = out or sys.stdout
    _ = language.gettext
    folder = Path(folder)
    if not month_said_right(month, language, out):
        return 2
    if not files:
        print(_("Which sheet? make import FILE=… (several files: FILE=\"a.xlsx b.xlsx\")."), file=out)
        return 2
    try:
        dataset = load(folder)
    except DataError as error:
        print_problems(error.problems, language, out)
        return 1
    month = month_to_write(folder, dataset, series_id, month, force, _, out)
    if month is None:
        return 2
    target = folder / series_id / f"{month}.csv"
    problems = []
    taught = read_taught(folder, dataset, problems)
    chosen = chosen_columns(columns, problems)
    if problems:
        print_problems(problems, language, out, closing=NOT_WRITTEN)
        return 1
    result = import_month([Path(f) for f in files], dataset, series_id, month, taught, chosen,
                          tuple(left_out.split()))
    for source in result.unread:
        print(_("Could not read a table on %(source)s, which has text: check that page by eye (units left out "
                "are listed).") % {"source": source}, file=out)
    if result.problems:
        print_problems(result.problems, language, out, closing=NOT_WRITTEN)
        return 1
    text = month_csv(month_frame(result, dataset.units))
    # Everything `make validate` checks, on the data folder as it would be: in a copy, so that nothing is written
    # before it passes.
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "data"
        copy_for_trial(folder, series_id, trial)
        (trial / series_id / f"{month}.csv").write_text(text, encoding="utf-8-sig", newline="")
        try:
            model = build_model(trial, with_corrections=False)
        except DataError as error:
            print_problems(error.problems, language, out, closing=NOT_WRITTEN)
            return 1
    tell_what_was_read(result, language, out)
    write_atomically(target, text)
    print(_("Wrote %(file)s: %(count)s units.") % {"file": target, "count": language.number(len(result.rows))},
          file=out)
    print_preview(model, series_id, month, language, out)
    return 0


NOT_WRITTEN = "import"


def month_to_write(folder, dataset, series_id, month, force, _, out):
    """The month to write (by default the one after the series' latest), or None with why not told."""
    if series_id not in dataset.series.index:
        print(_("Which series? make import SERIES=… with one of: %(known)s.") % {
            "known": ", ".join(dataset.series.index)}, file=out)
        return None
    months = sorted(p.stem for p in (folder / series_id).glob("*.csv") if is_month_file(p.name))
    month = month or (next_month(months[-1]) if months else "")
    if not month:
        print(_("%(series)s has no month yet: say which with MONTH=YYYY-MM.") % {"series": series_id}, file=out)
        return None
    target = folder / series_id / f"{month}.csv"
    if target.exists() and not force:
        print(_("%(file)s already exists; it was not changed. FORCE=1 replaces it.") % {"file": target}, file=out)
        return None
    return month


def tell_what_was_read(result, language, out):
    _ = language.gettext
    for part in result.parts:
        read_as = (_("names typed in %(font)s") % {"font": font_said(part.font)}) if part.font else ""
        print(_("Read %(source)s: %(level)s, %(rows)s rows") % {
            "source": part.source, "level": language.level(part.level).many.lower(),
            "rows": language.number(part.rows)} + (f" ({read_as})" if read_as else ""), file=out)
    for source in result.skipped:
        print(_("Passed over %(source)s: it has no numbers.") % {"source": source}, file=out)


def font_said(font):
    """Kruti Dev 010 and DevLys 010 place their glyphs alike: a reading as one is a reading as both."""
    return f"{legacy.KRUTI_DEV} / {legacy.DEVLYS}" if font in (legacy.KRUTI_DEV, legacy.DEVLYS) else font


def chosen_columns(text, problems):
    """COLUMNS="marks=E; max_marks=पूर्ण अंक" as {field: column index, or the header's text}: a column said by its
    letter, or by its header (the same header may be in another column on another tab)."""
    chosen = {}
    for pair in filter(None, (part.strip() for part in text.split(";"))):
        name, _, where = (part.strip() for part in pair.partition("="))
        if name not in layout.FIELDS or not where:
            problems.append(Problem("COLUMNS", None, None, pair, m.EXPECTED_COLUMN_OPTION,
                                    {"fields": ", ".join(layout.FIELDS)}))
            continue
        if re.fullmatch("[A-Za-z]{1,3}", where):
            index = 0
            for char in where.upper():
                index = index * 26 + ord(char) - 64
            chosen[name] = index - 1
        else:
            chosen[name] = where
    return chosen


def month_csv(frame):
    """The month file's text: the contract's columns, a row per unit, the same bytes for the same sheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False))
    return buffer.getvalue()


def copy_for_trial(folder, series_id, trial):
    """The data folder's own files and the series' months, copied to trial."""
    trial.mkdir()
    for name in (schema.UNITS_FILE, schema.SERIES_FILE, schema.TILES_FILE):
        if (folder / name).is_file():
            shutil.copyfile(folder / name, trial / name)
    (trial / series_id).mkdir()
    for file in (folder / series_id).glob("*.csv"):
        shutil.copyfile(file, trial / series_id / file.name)


def write_atomically(target, text):
    """The whole file or none of it: written beside, then moved into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8-sig", newline="", dir=target.parent, suffix=".partial",
                                     delete=False) as file:
        file.write(text)
    os.replace(file.name, target)


def import_incoming(folder, language, out=None):
    """The sheets staff uploaded into incoming/<series>/ (through GitHub's web page): each series' files imported
    as one month (the month a file's name says, YYYY-MM, replacing that month's file: a correction; else the
    month after the latest), and removed once the month's file is written, so that a sheet and a CSV of one month
    never both stand. Returns 0 when every waiting sheet was imported, or none was waiting."""
    out = out or sys.stdout
    _ = language.gettext
    incoming = Path(folder) / schema.INCOMING_FOLDER
    entries = sorted(incoming.iterdir()) if incoming.is_dir() else []
    status, imported = 0, 0
    for stray in (e for e in entries if e.is_file() and e.suffix.lower() in SHEET_SUFFIXES):
        print(_("%(file)s: put it in the folder of its series, %(folders)s.") % {
            "file": stray, "folders": ", ".join(f"{incoming}/{s}/" for s in series_ids(folder))}, file=out)
        status = 1
    for series_folder in (e for e in entries if e.is_dir() and not e.name.startswith(".")):
        files = sorted(f for f in series_folder.iterdir() if f.is_file() and f.suffix.lower() in SHEET_SUFFIXES)
        if not files:
            continue
        months = sorted({m for f in files for m in re.findall(r"(?<!\d)(\d{4}-\d{2})(?!\d)", f.name)})
        if len(months) > 1:
            print(_("%(folder)s holds sheets of several months (%(months)s): one month at a time.") % {
                "folder": series_folder, "months": ", ".join(months)}, file=out)
            status = 1
            continue
        print(_("Importing %(files)s") % {"files": ", ".join(str(f) for f in files)}, file=out)
        if import_sheet(folder, files, series_folder.name, months[0] if months else "", language,
                        force=bool(months), out=out) == 0:
            for file in files:
                file.unlink()
            imported += 1
        else:
            status = 1
    if not imported and not status:
        print(_("No sheet is waiting in %(folder)s.") % {"folder": incoming}, file=out)
    return status


def series_ids(folder):
    try:
        return list(load(folder).series.index)
    except DataError:
        return []
