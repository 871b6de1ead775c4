"""The data folder's files: units.csv, series.csv and a folder of month files per series (DATA.md).

Which files are months, and which do not belong (a spreadsheet, a link out of the folder, a month that has not
happened), is decided here from their names alone; reading them is reader.py's.
"""

import datetime
import logging
import os
from pathlib import Path
from zoneinfo import ZoneInfo

from . import schema
from .messages import (EXPECTED_CSV, EXPECTED_INSIDE_FOLDER, EXPECTED_MONTH_IN_RANGE, EXPECTED_MONTH_NAME,
                       EXPECTED_SERIES_FOLDER)
from .months import is_month, month_of
from .problems import Problem

logger = logging.getLogger(__name__)

SPREADSHEET_SUFFIXES = {".xlsx", ".xls", ".ods"}
FIRST_MONTH = "2017-01"  # the IGRS (Jansunwai Samadhan) portal's rankings began in 2017


def this_month(today=None):
    """"2026-11": the month it is now in India, where the rankings are made."""
    return month_of(today or datetime.datetime.now(ZoneInfo("Asia/Kolkata")).date())


def leaves_folder(entry, folder):
    """A link that leads out of the data folder (its target is never read)."""
    return entry.is_symlink() and not Path(os.path.realpath(entry)).is_relative_to(os.path.realpath(folder))


def month_files(folder, series_ids, problems, last_month="9999-12"):
    """{file: (series, month)} for every monthly file, sorted; folders and files that do not belong are problems.

    When series.csv could not be read, every folder is taken for a series so that its files are still checked.
    """
    if not folder.is_dir():
        return {}
    folders = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if leaves_folder(entry, folder):
            problems.append(Problem(entry.name, None, None, entry.name, EXPECTED_INSIDE_FOLDER))
        elif entry.name in (schema.UNITS_FILE, schema.SERIES_FILE, schema.TILES_FILE):
            continue  # the folder's own files (a folder of that name is told where the file is read)
        elif entry.name == schema.INCOMING_FOLDER and entry.is_dir():
            continue  # sheets waiting to be imported: not months yet
        elif not entry.is_dir():
            logger.debug("%s: ignored", entry)
        elif series_ids is None or entry.name in series_ids:
            folders.append(entry)
        else:
            known = ", ".join(sorted(series_ids))
            problems.append(Problem(entry.name, None, None, entry.name, EXPECTED_SERIES_FOLDER, {"series": known}))

    months = {}
    for series_folder in folders:
        for entry in sorted(series_folder.iterdir()):
            if entry.name.startswith("."):
                continue
            file = f"{series_folder.name}/{entry.name}"
            if leaves_folder(entry, folder):
                problems.append(Problem(file, None, None, entry.name, EXPECTED_INSIDE_FOLDER))
            elif entry.is_file() and is_month_file(entry.name):
                if FIRST_MONTH <= entry.stem <= last_month:
                    months[file] = (series_folder.name, entry.stem)
                else:
                    problems.append(Problem(file, None, None, entry.name, EXPECTED_MONTH_IN_RANGE,
                                            {"first": FIRST_MONTH, "last": last_month}))
            elif entry.suffix.lower() in SPREADSHEET_SUFFIXES:
                problems.append(Problem(file, None, None, entry.name, EXPECTED_CSV, {
                    "incoming": f"{schema.INCOMING_FOLDER}/{series_folder.name}/"}))
            else:
                problems.append(Problem(file, None, None, entry.name, EXPECTED_MONTH_NAME))
    return months


def is_month_file(name):
    """"2024-12.csv": a month's file, named after a real month."""
    stem, csv = name[:-4], name[-4:]
    return csv == ".csv" and is_month(stem)
