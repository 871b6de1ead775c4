"""Commands for the staff who publish a month: `make validate`, `make template` and `make import` call these.

    python -m rankings.cli validate [--data data] [--lang hi|en]
    python -m rankings.cli template --series police [--month 2025-01] [--data data] [--lang hi|en]
    python -m rankings.cli import --series police [--month 2025-01] [--force 1] FILE … (cli_import.py)

Everything they print goes through gettext, in Hindi or English.
"""

import argparse
import csv
import os
import signal
import sys
import time
from pathlib import Path

from .data.folder import is_month_file
from .data.months import next_month
from .data.problems import DataError, More, describe, describe_more, shortened, told
from .data.schema import COUNT_COLUMNS, NAMES
from .data.vocabulary import LEVEL_IDS, language_of_environment, source_language
from .ranking import git
from .ranking.corrections import not_month_files
from .render.language import load_languages
from .site.model import build_model

ROOT = Path(__file__).resolve().parents[2]
PREVIEW_LIST = 3


def language_for(code, environ=os.environ):
    """--lang hi, en, or a locale such as hi_IN.UTF-8: Hindi for Hindi, English otherwise. Without --lang, the
    system's language for messages, looked up in the order POSIX gives (LC_ALL, then LC_MESSAGES, then LANG)."""
    return load_languages(ROOT / "theme" / "translations", [language_of_environment(environ, code)])[0]


# ---- validate


def validate(folder, language, out=None):
    """Check a data folder; print every problem grouped by file, or a preview of the months not yet published.
    Returns the exit status: 0 only when the folder is clean."""
    out = out or sys.stdout
    _ = language.gettext
    started = time.perf_counter()
    model = checked_model(folder, language, out)
    if model is None:
        return 1
    dataset = model.dataset
    months = new_months(folder, dataset)
    print(_("%(folder)s is correct: %(units)s units, %(files)s monthly files (%(seconds)s s).") % {
        "folder": folder, "units": language.number(len(dataset.units)),
        "files": language.number(len(dataset.columns_given)), "seconds": f"{time.perf_counter() - started:.1f}"},
        file=out)
    ignored = not_month_files(folder)
    if ignored:
        print(language.ngettext(
            "The data's git history has a file that is not a month; the site ignores it: %(files)s",
            "The data's git history has %(num)s files that are not months; the site ignores them: %(files)s",
            len(ignored)) % {"num": language.number(len(ignored)), "files": ", ".join(ignored)}, file=out)
    for series_id, month in months:
        print_preview(model, series_id, month, language, out)
    return 0


def checked_model(folder, language, out):
    """The data folder's site model, or None with every problem printed."""
    try:
        return build_model(folder, with_corrections=False)
    except DataError as error:
        print_problems(error.problems, language, out)
        return None


def print_problems(problems, language, out, closing="validate"):
    _ = language.gettext
    by_file = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    for file, found in by_file.items():
        print(f"\n{shortened(file, _)}", file=out)
        for item in told(found):
            line = (describe_more(item, language.ngettext) if isinstance(item, More)
                    else describe(item.problem, _, item.last_line))
            print("  " + line, file=out)
    count = language.ngettext("%(num)s problem", "%(num)s problems", len(problems)) % {
        "num": language.number(len(problems))}
    in_files = language.ngettext("in %(num)s file", "in %(num)s files", len(by_file)) % {
        "num": language.number(len(by_file))}
    said = (_("%(problems)s %(in_files)s. Nothing was written; correct them and run `make import` again.")
            if closing == "import" else
            _("%(problems)s %(in_files)s. Nothing was built; correct them and run `make validate` again."))
    print("\n" + said % {"problems": count, "in_files": in_files}, file=out)


def new_months(folder, dataset):
    """Months whose file git does not have committed as it is now (new or changed); without git, the latest
    month of each series."""
    months = sorted(dataset.columns_given)
    try:
        status = git.text(folder, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", ".")
    except git.GitError:
        latest = {}
        for series_id, month in months:
            latest[series_id] = month
        return sorted(latest.items())
    changed = set()
    for entry in filter(None, status.split("\x00")):
        path = Path(entry[3:])
        if is_month_file(path.name) and (path.parent.name, path.stem) in dataset.columns_given:
            changed.add((path.parent.name, path.stem))
    return sorted(changed)


def print_preview(model, series_id, month, language, out):
    """What the month will publish, to catch a wrong max_marks or a shifted column by eye: the model's own
    counts and published percents, as the pages will show them."""
    _ = language.gettext
    results, dataset = model.rankings.results, model.dataset
    series = dataset.series.loc[series_id]
    print("\n" + _("New month: %(series)s, %(month)s") % {"series": language.name(series),
                                                          "month": language.month(month)}, file=out)
    rows = results.loc[(results["series"] == series_id) & (results["month"] == month)]
    names = distinct_names(dataset.units, language)
    series_info = next(s for s in model.series if s["id"] == series_id)
    for level in LEVEL_IDS:
        ranked = rows.loc[rows["level"] == level]
        if ranked.empty:
            continue
        maxima = ", ".join(language.number(v) for v in sorted(ranked["max_marks"].unique()))
        print("  " + _("%(level)s: %(ranked)s ranked, %(at_1)s at rank 1; max marks %(max)s; lowest %(low)s") % {
            "level": language.level(level, series_info).many, "ranked": language.number(len(ranked)),
            "at_1": language.number(model.counts(series_id, month, level)[0]), "max": maxima,
            "low": language.percent(ranked["percent"].min())}, file=out)
        changes = ranked.dropna(subset=["rank_change"]).sort_values("rank_change")
        rises = changes.loc[changes["rank_change"] > 0].tail(PREVIEW_LIST).iloc[::-1]
        falls = changes.loc[changes["rank_change"] < 0].head(PREVIEW_LIST)
        for label, picked in ((_("rises"), rises), (_("falls"), falls)):
            if not picked.empty:
                listed = ", ".join(f"{names[r.unit_id]} {preview_rank(language, r)}" for r in picked.itertuples())
                print(f"    {label}: {listed}", file=out)


def preview_rank(language, row):
    """"rank 1 (1,249 joint) ▲1,290 (+5)": a rank as the pages show it, in plain text."""
    change, points = language.change_and_points(row.rank_change, row.percent_change)
    return (language.gettext("rank %(rank)s") % {"rank": language.number(row.rank)} + language.joint_text(row.tied)
            + f" {change}" + (f" ({points})" if points else ""))


def distinct_names(units, language):
    """Unit names in the language; a name that several units of a level share (there are many Jalalpur
    stations) gets its parent's name: "Jalalpur (Ambedkar Nagar)"."""
    names = units[language.info.name_column]
    shared = names.groupby([units["level"], names]).transform("size") > 1
    parents = units["parent"].map(names)
    return names.where(~shared | parents.isna(), names + " (" + parents + ")")


# ---- template


def month_said_right(month, language, out):
    """Whether a MONTH given (or none) is a month; where not, it is said how to write one."""
    if month and not is_month_file(f"{month}.csv"):
        print(language.gettext("%(month)s is not a month: write it as YYYY-MM, e.g. 2025-01.") % {"month": month},
              file=out)
        return False
    return True


def write_template(folder, series_id, month, language, out=None):
    """data/<series>/<month>.csv with a row for every unit the series ranked in its latest month before, names
    filled in, numbers empty; without a month, the month after the series' latest. Never overwrites. Returns
    the exit status."""
    out = out or sys.stdout
    _ = language.gettext
    folder = Path(folder)
    if not month_said_right(month, language, out):
        return 2
    # Which file to write is decided from the file names alone: a template not yet filled in does not load.
    files = sorted(p.stem for p in (folder / series_id).glob("*.csv") if is_month_file(p.name)) if series_id else []
    month = month or (next_month(files[-1]) if files else "")
    target = folder / series_id / f"{month}.csv"
    if month and target.exists():
        print(_("%(file)s already exists; it was not changed.") % {"file": target}, file=out)
        return 2
    model = checked_model(folder, language, out)
    if model is None:
        return 1
    dataset = model.dataset
    known = ", ".join(dataset.series.index)
    if not series_id:
        print(_("Which series? make template SERIES=… with one of: %(known)s.") % {"known": known}, file=out)
        return 2
    if series_id not in dataset.series.index:
        print(_("There is no series %(series)s in series.csv (there are: %(known)s).") % {
            "series": series_id, "known": known}, file=out)
        return 2
    earlier = sorted(m for s, m in dataset.columns_given if s == series_id and m < month)  # month "": no files
    if not earlier:
        print((_("%(series)s has no month before %(month)s to copy the units from.") if month else
               _("%(series)s has no month yet to copy the units from.")) % {"series": series_id, "month": month},
              file=out)
        return 2
    previous = earlier[-1]
    marks = dataset.marks
    unit_ids = marks.loc[(marks["series"] == series_id) & (marks["month"] == previous), "unit_id"]
    units = dataset.units.loc[unit_ids]
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="", encoding="utf-8-sig") as file:  # the BOM: Excel reads Devanagari
        writer = csv.writer(file)
        writer.writerow(["unit_id", *NAMES, "level", "marks", "max_marks", *COUNT_COLUMNS])
        for unit_id in hierarchy_order(units.index, model.units):
            unit = units.loc[unit_id]
            writer.writerow([unit_id, *(unit[column] for column in NAMES), unit["level"], "", "",
                             *([""] * len(COUNT_COLUMNS))])
    print(_("Wrote %(file)s: %(count)s units as ranked in %(previous)s. Fill in marks and max_marks, then run "
            "`make validate`.") % {"file": target, "count": language.number(len(units)),
                                   "previous": language.month(previous)}, file=out)
    return 0


def hierarchy_order(unit_ids, directory):
    """Level by level from the top; within a level by the chain of parents' names, then the unit's name.
    directory: the model's units (site/directories.py), named in the source language."""
    name = source_language().name_column

    def key(unit_id):
        unit = directory[unit_id]
        chain = tuple(directory[ancestor][name] for ancestor in unit["ancestors"])
        return LEVEL_IDS.index(unit["level"]), chain, unit[name]

    return sorted(unit_ids, key=key)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="rankings", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder without building")
    check.add_argument("--data", default="data")
    check.add_argument("--lang", default="")
    template = commands.add_parser("template", help="write the CSV of a new month, ready to fill in")
    template.add_argument("--data", default="data")
    template.add_argument("--series", default="")
    template.add_argument("--month", default="", help="YYYY-MM; the month after the latest when not given")
    template.add_argument("--lang", default="")
    sheet = commands.add_parser("import", help="write a month's CSV from the sheet the state sent")
    sheet.add_argument("files", nargs="*", help="the sheet's files: .xlsx .xls .ods .csv .txt .html .pdf")
    sheet.add_argument("--data", default="data")
    sheet.add_argument("--series", default="")
    sheet.add_argument("--month", default="", help="YYYY-MM; the month after the latest when not given")
    sheet.add_argument("--lang", default="")
    sheet.add_argument("--force", default="", help="1: replace the month's file where it exists")
    sheet.add_argument("--left-out", default="", help="ids of units ranked last month and left out on purpose")
    sheet.add_argument("--columns", default="", help="field=letter pairs for columns whose header is not known")
    waiting = commands.add_parser("import-incoming", help="import the sheets waiting in the data's incoming/")
    waiting.add_argument("--data", default="data")
    waiting.add_argument("--lang", default="")
    args = parser.parse_args(argv)
    language = language_for(args.lang)
    if args.command == "validate":
        return validate(args.data, language)
    if args.command == "import-incoming":
        from .cli_import import import_incoming

        return import_incoming(args.data, language)
    if args.command == "import":
        from .cli_import import import_sheet

        return import_sheet(args.data, args.files, args.series, args.month, language,
                            force=args.force not in ("", "0"), left_out=args.left_out, columns=args.columns)
    return write_template(args.data, args.series, args.month, language)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `make validate | less`, then q: stop quietly
    sys.exit(main())
