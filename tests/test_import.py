"""`make import`: the month's file from the sheet the state sends, the way offices make it (tests/sheetmaker.py),
from the sample data: each sheet imports to exactly the month file it came from."""

import csv
import re
import shutil
import subprocess
from decimal import Decimal

import pandas as pd
import pytest

import sheetmaker as sm
from rankings.cli import main as cli
from rankings.data.sheets import legacy
from rankings.data.sheets.names import key
from sitebuild import ROOT

SAMPLE = ROOT / "data"
MONTH = "2025-10"
COMPARED = ["marks", "max_marks", *sm.COUNTS]


@pytest.fixture
def data(tmp_path):
    """The sample data, the month to import taken out of it (as it is before staff import it)."""
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE, folder)
    for series in ("police", "district-admin"):
        (folder / series / f"{MONTH}.csv").unlink()
    return folder


def imported(data, series, files, *options, lang="en"):
    return cli(["import", "--data", str(data), "--series", series, "--month", MONTH, "--lang", lang, *options,
                *map(str, files)])


def assert_same_month(data, series):
    """The imported file holds what the sample's month file holds: the same units, marks, maximum and counts,
    and the sheet's ranks (the state's, here the same as the site's rule gives)."""
    original = pd.read_csv(SAMPLE / series / f"{MONTH}.csv", encoding="utf-8-sig").set_index("unit_id").sort_index()
    written = pd.read_csv(data / series / f"{MONTH}.csv", encoding="utf-8-sig").set_index("unit_id").sort_index()
    assert list(written.index) == list(original.index)
    for column in COMPARED:
        if column in original and original[column].notna().any():
            assert written[column].equals(original[column]), column
    percent = written["marks"] / written["max_marks"]
    levels = written["level"]
    expected = percent.groupby(levels).rank(method="min", ascending=False).astype(int)
    assert written["rank"].equals(expected)
    # Names for the reader, as units.csv has them.
    units = pd.read_csv(SAMPLE / "units.csv", dtype=str, keep_default_na=False).set_index("id")
    assert written["name_hi"].equals(units.loc[written.index, "name_hi"])


def police_tables(**options):
    return sm.tables(SAMPLE, "police", MONTH, **options)


@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls", "html", "utf16", "utf8", "xlsx-kruti-named", "xlsx-kruti",
                                  "xlsx-devlys", "xlsx-walkman", "pdf-kruti"])
def test_a_hindi_sheet_imports_to_its_month_file(kind, data, tmp_path, capsys):
    font = {"kruti": legacy.KRUTI_DEV, "devlys": legacy.DEVLYS, "walkman": legacy.WALKMAN}.get(
        kind.split("-")[1] if "-" in kind else "")
    sheets = police_tables(font=font)
    files = [tmp_path / f"ranking.{kind.split('-')[0]}"]
    if kind == "xlsx" or kind.startswith("xlsx-"):
        sm.write_xlsx(files[0], sheets, font_name=font if kind.endswith("named") else None)
    elif kind == "ods":
        sm.write_ods(files[0], sheets)
    elif kind == "xls":
        sm.write_xls(files[0], sheets)
    elif kind == "html":
        sm.write_html(files[0], sheets)
    elif kind == "utf16":  # one file per level, Excel's "Unicode Text"
        files = [tmp_path / f"{tab}.txt" for tab in sheets]
        for file, rows in zip(files, sheets.values()):
            sm.write_text(file, rows)
    elif kind == "utf8":  # "CSV UTF-8" (with its byte-order mark) for some levels, plain UTF-8 text for others
        files = [tmp_path / f"{tab}.{'csv' if n % 2 else 'txt'}" for n, tab in enumerate(sheets)]
        for n, (file, rows) in enumerate(zip(files, sheets.values())):
            sm.write_text(file, rows, encoding="utf-8-sig" if n % 2 else "utf-8", delimiter="," if n % 2 else "\t")
    elif kind == "pdf-kruti":  # with its covering letter as page 1
        sm.write_pdf(files[0], sheets, cover=True)
    assert imported(data, "police", files) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert_same_month(data, "police")
    assert "Wrote" in out and "1,676 units" in out and "New month" in out
    if kind == "pdf-kruti":  # the letter's page is told, and the import goes on
        assert "Could not read a table on ranking.pdf › 1, which has text" in out
    if font:
        assert "names typed in " + (legacy.WALKMAN if font == legacy.WALKMAN else legacy.KRUTI_DEV) in out


def test_an_english_sheet_of_the_administrations_imports(data, tmp_path, capsys):
    sheets = sm.tables(SAMPLE, "district-admin", MONTH, language="en", upper=True)
    sm.write_xlsx(tmp_path / "admin.xlsx", sheets)
    assert imported(data, "district-admin", [tmp_path / "admin.xlsx"]) == 0, capsys.readouterr().out
    assert_same_month(data, "district-admin")
    # The same as CSV files saved on Windows (Windows-1252), a file per level.
    (data / "district-admin" / f"{MONTH}.csv").unlink()
    files = [tmp_path / f"{tab}.csv" for tab in sheets]
    for file, rows in zip(files, sheets.values()):
        sm.write_text(file, rows, encoding="cp1252", delimiter=",")
    assert imported(data, "district-admin", files) == 0, capsys.readouterr().out
    assert_same_month(data, "district-admin")


def test_the_same_sheet_gives_the_same_bytes_and_a_month_is_replaced_only_when_forced(data, tmp_path, capsys):
    sm.write_xlsx(tmp_path / "ranking.xlsx", police_tables())
    assert imported(data, "police", [tmp_path / "ranking.xlsx"]) == 0
    first = (data / "police" / f"{MONTH}.csv").read_bytes()
    assert imported(data, "police", [tmp_path / "ranking.xlsx"]) == 2
    assert "FORCE=1" in capsys.readouterr().out
    assert imported(data, "police", [tmp_path / "ranking.xlsx"], "--force", "1") == 0
    assert (data / "police" / f"{MONTH}.csv").read_bytes() == first


def test_an_unknown_name_and_a_name_in_the_wrong_district_write_nothing(data, tmp_path, capsys):
    sheets = police_tables(grouped=False, variants=False)
    stations = sheets["थाने"]
    first, second = 4, 5  # the first two stations' rows (after two title rows, a blank row and the header)
    stations[first][2] = "अज्ञातपुर"
    moved_to = next(r[1] for r in stations[6:] if r and r[0].isdigit() and r[1] != stations[second][1])
    stations[second][1] = moved_to
    sm.write_xlsx(tmp_path / "ranking.xlsx", sheets)
    for lang in ("en", "hi"):
        assert imported(data, "police", [tmp_path / "ranking.xlsx"], lang=lang) == 1
        out = capsys.readouterr().out
        assert not (data / "police" / f"{MONTH}.csv").exists()
        told = [line for line in out.splitlines() if "ranking.xlsx › थाने:" in line]
        assert len(told) == 2, out
        assert told[0].strip().startswith(f"ranking.xlsx › थाने:{first + 1} · “अज्ञातपुर”")
        assert told[1].strip().startswith(f"ranking.xlsx › थाने:{second + 1} · ")
        # The nearest units, with their ids; the misplaced one found in its own district.
        assert re.search(r"\([a-z0-9-]+\)", told[0])
        if lang == "en":
            assert "sheet_names.csv" in told[0] and "Nothing was written" in out
        else:
            assert "कुछ नहीं लिखा गया" in out


def test_a_name_taught_once_matches_the_next_month(data, tmp_path, capsys):
    sheets = police_tables(variants=False)
    stations = sheets["थाने"]
    unit_row = stations[4]
    unit_row[2] = "थाना " + unit_row[2] + " बाजार पुराना"
    sm.write_xlsx(tmp_path / "ranking.xlsx", sheets)
    assert imported(data, "police", [tmp_path / "ranking.xlsx"]) == 1
    out = capsys.readouterr().out
    line = re.search(r"add the line “([^”]+)”", out)[1]
    unit_id, name = line.split(",", 1)
    # Staff put the right unit's id in the line given (here the nearest is the right one) and import again.
    (data / "sheet_names.csv").write_text(f"unit_id,name\n{unit_id},{name}\n", encoding="utf-8")
    assert imported(data, "police", [tmp_path / "ranking.xlsx"]) == 0, capsys.readouterr().out
    assert_same_month(data, "police")


def test_units_left_out_are_listed_and_may_be_left_out_on_purpose(data, tmp_path, capsys):
    sheets = police_tables()
    zones = sheets["जोन"]
    dropped = zones.pop(11)  # the last of 8 zones (its rank, 8, would be impossible among 7 otherwise)
    sm.write_xlsx(tmp_path / "ranking.xlsx", sheets)
    assert imported(data, "police", [tmp_path / "ranking.xlsx"]) == 1
    out = capsys.readouterr().out
    left = re.search(r'LEFT_OUT="([a-z0-9-]+)"', out)[1]
    assert dropped[1].split()[0] in out
    assert imported(data, "police", [tmp_path / "ranking.xlsx"], "--left-out", left) == 0, capsys.readouterr().out
    written = pd.read_csv(data / "police" / f"{MONTH}.csv", encoding="utf-8-sig")
    assert left not in set(written["unit_id"]) and len(written) == 1675


def test_figures_that_do_not_agree_are_told(data, tmp_path, capsys):
    sheets = police_tables(variants=False)
    stations = sheets["थाने"]
    stations[4][3] = "95"  # marks above the maximum of 90
    stations[5][5] = "12.34"  # a percent that is not marks ÷ maximum
    stations[6][3] = "पचास"
    sm.write_xlsx(tmp_path / "ranking.xlsx", sheets)
    assert imported(data, "police", [tmp_path / "ranking.xlsx"]) == 1
    out = capsys.readouterr().out
    assert "थाने:5 · column D · “95”: expected marks no more than the maximum marks, 90" in out
    assert re.search(r"थाने:6 · column F · “12.34”: expected [\d.]+, the marks as a percent", out)
    assert "थाने:7 · column D · “पचास”: expected a number" in out
    assert not (data / "police" / f"{MONTH}.csv").exists()


def test_a_header_not_recognised_is_named_with_an_option(data, tmp_path, capsys):
    sheets = police_tables(variants=False)
    for rows in sheets.values():
        rows[3][rows[3].index("प्राप्तांक")] = "कुल योग"  # a header it was never told of
    sm.write_xlsx(tmp_path / "ranking.xlsx", sheets)
    assert imported(data, "police", [tmp_path / "ranking.xlsx"]) == 1
    out = capsys.readouterr().out
    assert 'expected a column holding the marks obtained' in out and 'COLUMNS="marks=कुल योग"' in out
    assert not (data / "police" / f"{MONTH}.csv").exists()
    # Said by its header (in column C on three tabs, D on the stations'), or by its letter on one tab.
    assert imported(data, "police", [tmp_path / "ranking.xlsx"], "--columns", "marks=कुल योग") == 0, \
        capsys.readouterr().out
    assert_same_month(data, "police")
    sm.write_xlsx(tmp_path / "zones.xlsx", {"जोन": sheets.pop("जोन")})
    sm.write_xlsx(tmp_path / "rest.xlsx", sheets)
    assert imported(data, "police", [tmp_path / "zones.xlsx"], "--columns", "marks=C", "--force", "1",
                    "--left-out", " ".join(pd.read_csv(SAMPLE / "police" / "2025-09.csv")["unit_id"].loc[
                        lambda ids: ~ids.str.endswith("-zone")])) == 0, capsys.readouterr().out


def test_names_fold_as_offices_write_them():
    assert key("थाना कोतवाली नगर") == key("को0 नगर") != key("कोतवाली")
    assert key("फिरोजाबाद") == key("फ़िरोज़ाबाद")
    assert key("सिकन्दरा") == key("सिकंदरा")
    assert key("चौरीचौरा").replace(" ", "") == key("चौरी चौरा").replace(" ", "")
    assert key("P.S. KOTWALI") == key("Kotwali")


def test_every_name_typed_in_each_legacy_font_reads_back_exactly():
    names = set()
    for file in ("units.csv", "series.csv"):
        with open(SAMPLE / file, encoding="utf-8-sig") as f:
            names |= {row["name_hi"] for row in csv.DictReader(f)}
    names |= {"चौबेपुर", "कर्नलगंज", "क्र0सं0", "फ़िरोज़ाबाद", "ऑफिस", "स्थिति", "वर्षों", "ऊँचाहार", "हर्रैया"}
    for font in legacy.FONTS:
        for reph_after_signs in (True, False):  # a syllable's signs typed in either order
            for nasal_first in (False, True):
                wrong = {name: legacy.encode(name, font, reph_after_signs, nasal_first) for name in names
                         if legacy.decode(legacy.encode(name, font, reph_after_signs, nasal_first), font) != name}
                assert not wrong, (font, list(wrong.items())[:5])


@pytest.mark.parametrize("typed, font, text", [
    ("dkuiqj uxj", legacy.KRUTI_DEV, "कानपुर नगर"), ("Fkkuk", legacy.KRUTI_DEV, "थाना"),
    ("Ø0la0", legacy.KRUTI_DEV, "क्र0सं0"), ("¼ ½", legacy.KRUTI_DEV, "( )"),
    ("pkScsiqj", legacy.KRUTI_DEV, "चौबेपुर"), ("duZyxat", legacy.KRUTI_DEV, "कर्नलगंज"),
    ("dkuZyxat", legacy.KRUTI_DEV, "कार्नलगंज"), ("fQ+jkst+kckn", legacy.DEVLYS, "फ़िरोज़ाबाद"),
    ("osQ", legacy.WALKMAN, "के"), ("iQwy", legacy.WALKMAN, "फूल"), ("¼", legacy.WALKMAN, "द्ध"),
])
def test_text_typed_in_a_legacy_font_as_its_typists_type_it(typed, font, text):
    assert legacy.decode(typed, font) == text


def test_the_staff_guide_tells_every_message_of_the_import_in_both_languages():
    from rankings.data.sheets import messages
    from rankings.render.language import load_languages

    hindi = load_languages(ROOT / "theme" / "translations", ["hi"])[0]
    for code, translate in (("en", lambda text: text), ("hi", hindi.gettext)):
        guide = " ".join((ROOT / "content" / "pages" / f"staff-guide.{code}.md").read_text(encoding="utf-8").split())
        guide = guide.replace('"', "“").replace("“", "").replace("”", "")
        for name in (n for n in dir(messages) if n.startswith("EXPECTED_")):
            said = translate(getattr(messages, name)).replace("%%", "%").replace("“", "").replace("”", "")
            said = said.replace('"', "")
            # the first stretch of the message without a placeholder (of three words or more), as the guide quotes it
            stretches = [part.strip(" .;:,…()") for part in re.split(r"%\(\w+\)s", said)]
            stretch = next((part for part in stretches if len(part.split()) >= 3), max(stretches, key=len))
            assert " ".join(stretch.split()[:5]) in guide, (code, name, stretch)
