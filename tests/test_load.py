"""Reading a data folder: a clean folder loads, and every kind of bad input is told about exactly."""

import pandas as pd
import pytest

from rankings.data import messages as loader
from rankings.data.load import Dataset, load
from rankings.data.problems import DataError, describe

UNITS = """\
id,level,parent,name_en,name_hi,formerly
lucknow-zone,zone,,Lucknow Zone,लखनऊ ज़ोन,
lucknow-range,range,lucknow-zone,Lucknow Range,लखनऊ परिक्षेत्र,
sitapur,district,lucknow-range,Sitapur,सीतापुर,sitapur-police
lucknow-commissionerate,district,,Lucknow Commissionerate,लखनऊ कमिश्नरेट,
hazratganj,station,lucknow-commissionerate,Hazratganj,हज़रतगंज,
sadar-sitapur,tehsil,sitapur,Sadar Sitapur,सदर सीतापुर,
"""
# Lines in UNITS: header 1, lucknow-zone 2, lucknow-range 3, sitapur 4, commissionerate 5, hazratganj 6, tehsil 7.

SERIES = """\
id,name_en,name_hi
police,Police units,पुलिस इकाइयाँ
district-admin,District administrations,जिला प्रशासन
"""

POLICE_2024_01 = """\
unit_id,marks,max_marks,rank
lucknow-zone,90,100,1
lucknow-range,85.5,100,
sitapur,120,130,
lucknow-commissionerate,110,130,
hazratganj,75.56,90,1
"""


def write_folder(root, files=None, units=UNITS, series=SERIES):
    """A data folder in root: units.csv, series.csv and files ({relative path: text or bytes}); None leaves one out."""
    everything = {"units.csv": units, "series.csv": series, **(files or {})}
    for name, content in everything.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def problems_of(root):
    with pytest.raises(DataError) as caught:
        load(root)
    return caught.value.problems


def where(problems):
    """(file, line, column, value) of each problem: what a person is shown to find the cell."""
    return [(p.file, p.line, p.column, p.value) for p in problems]


def month_with(rows, header="unit_id,marks,max_marks"):
    return header + "\n" + "".join(row + "\n" for row in rows)


# ---- A clean folder


def test_a_clean_folder_loads_with_the_right_types_and_values(tmp_path):
    counts = "unit_id,marks,max_marks,complaints_received,complaints_disposed\n" "sitapur,100,130,12,12.0\n"
    data = load(write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01, "police/2024-02.csv": counts}))

    assert isinstance(data, Dataset)
    assert data.folder == tmp_path
    assert list(data.units.index) == [
        "lucknow-zone", "lucknow-range", "sitapur", "lucknow-commissionerate", "hazratganj", "sadar-sitapur",
    ]
    assert data.units.index.name == "id"
    assert list(data.units.columns) == ["level", "parent", "name_en", "name_hi", "formerly", "other_names", "counterpart"]
    assert pd.isna(data.units.at["lucknow-zone", "parent"])
    assert pd.isna(data.units.at["lucknow-commissionerate", "parent"])
    assert data.units.at["hazratganj", "parent"] == "lucknow-commissionerate"
    assert data.units.at["sitapur", "formerly"] == ("sitapur-police",)
    assert data.units.at["hazratganj", "formerly"] == ()
    assert data.units.at["hazratganj", "name_hi"] == "हज़रतगंज"
    assert list(data.series.index) == ["police", "district-admin"]
    assert data.series.at["district-admin", "name_hi"] == "जिला प्रशासन"

    marks = data.marks
    assert list(marks.columns) == [
        "series", "month", "unit_id", "marks", "max_marks", "official_rank",
        "complaints_received", "complaints_disposed", "complaints_defaulted", "feedback_total",
        "feedback_unsatisfied", "file", "line",
    ]
    assert marks["marks"].dtype == "float64" and marks["max_marks"].dtype == "float64"
    assert marks["official_rank"].dtype == "Int64" and marks["complaints_received"].dtype == "Int64"
    assert marks["line"].dtype == "int64"
    assert isinstance(marks.index, pd.RangeIndex)
    assert list(marks["month"]) == ["2024-01"] * 5 + ["2024-02"]
    assert list(marks["unit_id"][:5]) == [
        "lucknow-zone", "lucknow-range", "sitapur", "lucknow-commissionerate", "hazratganj",
    ]
    assert list(marks["line"]) == [2, 3, 4, 5, 6, 2]
    assert marks.at[4, "marks"] == 75.56 and marks.at[4, "max_marks"] == 90.0
    assert marks.at[4, "file"] == "police/2024-01.csv" and marks.at[4, "series"] == "police"
    assert marks["official_rank"].tolist()[:5] == [1, pd.NA, pd.NA, pd.NA, 1]
    assert marks.at[5, "complaints_received"] == 12 and marks.at[5, "complaints_disposed"] == 12
    assert pd.isna(marks.at[5, "feedback_total"]) and pd.isna(marks.at[0, "complaints_received"])


def test_marks_are_sorted_by_series_month_and_row(tmp_path):
    files = {
        "police/2024-02.csv": month_with(["sitapur,1,2", "hazratganj,2,2"]),
        "police/2024-01.csv": month_with(["hazratganj,1,2", "sitapur,2,2"]),
        "district-admin/2024-03.csv": month_with(["sitapur,1,2"]),
    }
    marks = load(write_folder(tmp_path, files)).marks
    assert list(zip(marks["series"], marks["month"], marks["unit_id"])) == [
        ("district-admin", "2024-03", "sitapur"),
        ("police", "2024-01", "hazratganj"),
        ("police", "2024-01", "sitapur"),
        ("police", "2024-02", "sitapur"),
        ("police", "2024-02", "hazratganj"),
    ]


def test_optional_count_columns_are_recorded_per_month_in_schema_order(tmp_path):
    files = {
        "police/2024-01.csv": POLICE_2024_01,
        "police/2024-02.csv": "unit_id,feedback_total,marks,max_marks,complaints_received\nsitapur,4,1,2,7\n",
    }
    data = load(write_folder(tmp_path, files))
    assert data.columns_given == {
        ("police", "2024-01"): (),
        ("police", "2024-02"): ("complaints_received", "feedback_total"),
    }


def test_a_series_without_a_folder_or_files_has_no_months_yet(tmp_path):
    (tmp_path / "district-admin").mkdir()
    data = load(write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01}))
    assert set(data.marks["series"]) == {"police"}


def test_a_folder_with_no_months_loads_empty_marks_of_the_right_columns(tmp_path):
    data = load(write_folder(tmp_path))
    assert len(data.marks) == 0
    assert "official_rank" in data.marks.columns and data.columns_given == {}


def test_units_csv_may_leave_out_its_optional_columns(tmp_path):
    units = "name_hi,id,name_en,level\nलखनऊ ज़ोन,lucknow-zone,Lucknow Zone,zone\n"
    data = load(write_folder(tmp_path, {"police/2024-01.csv": month_with(["lucknow-zone,1,2"])}, units=units))
    assert pd.isna(data.units.at["lucknow-zone", "parent"]) and data.units.at["lucknow-zone", "formerly"] == ()


def test_hidden_files_and_a_readme_are_ignored(tmp_path):
    files = {
        "README.md": "Data for the site",
        ".git/config": "x",
        "police/.~lock.2024-01.csv#": "lock",
        "police/.DS_Store": b"\x00\x01",
        "police/2024-01.csv": POLICE_2024_01,
    }
    assert len(load(write_folder(tmp_path, files)).marks) == 5


# ---- What spreadsheets save


def test_bom_crlf_empty_rows_empty_columns_and_stray_spaces_load_cleanly(tmp_path):
    text = (
        " unit_id , marks ,max_marks,rank,,\r\n"
        "  sitapur , 120.5 , 130 ,, ,\r\n"
        "\r\n"
        "hazratganj,75.56,90, 1 ,,\r\n"
        ",,,,,\r\n"
        ",,,,,\r\n"
    )
    units = UNITS.replace("Sitapur,सीतापुर", "  Sitapur  , सीतापुर ").replace("\n", "\r\n")
    data = load(write_folder(tmp_path, {"police/2024-01.csv": b"\xef\xbb\xbf" + text.encode()}, units=units))
    marks = data.marks
    assert marks["unit_id"].tolist() == ["sitapur", "hazratganj"]
    assert marks["marks"].tolist() == [120.5, 75.56]
    assert marks["max_marks"].tolist() == [130.0, 90.0]
    assert marks["official_rank"].tolist() == [pd.NA, 1]
    assert marks["line"].tolist() == [2, 4]  # the empty line 3 still counts, as in a spreadsheet
    assert data.units.at["sitapur", "name_en"] == "Sitapur"
    assert data.units.at["sitapur", "name_hi"] == "सीतापुर"


def test_a_line_break_inside_a_quoted_cell_keeps_the_spreadsheet_line_numbers(tmp_path):
    units = UNITS.replace("Lucknow Range,", '"Lucknow\nRange",')
    files = {"police/2024-01.csv": month_with(["sitapur,1,2", '"hazratganj",x,2'])}
    units += "Bad_Id,station,sitapur,X,एक्स,\n"
    problems = problems_of(write_folder(tmp_path, files, units=units))
    # units.csv: the cell with a line break is on line 3, so the row added last is on line 8, not 9.
    assert where(problems) == [
        ("police/2024-01.csv", 3, "marks", "x"),
        ("units.csv", 8, "id", "Bad_Id"),
    ]


def test_a_file_saved_as_utf16_is_one_problem(tmp_path):
    files = {
        "police/2024-01.csv": POLICE_2024_01.encode("utf-16"),  # with a byte-order mark
        "police/2024-02.csv": POLICE_2024_01.encode("utf-16-le"),  # without: told by its NUL bytes
    }
    problems = problems_of(write_folder(tmp_path, files))
    assert where(problems) == [("police/2024-01.csv", None, None, None), ("police/2024-02.csv", None, None, None)]
    assert {p.expected for p in problems} == {loader.EXPECTED_UTF8_NOT_UTF16}
    assert "UTF-16" in describe(problems[0]) and "CSV UTF-8" in describe(problems[0])


def test_a_file_in_a_legacy_encoding_is_one_problem_at_its_first_unreadable_line(tmp_path):
    # Excel's "CSV (Comma delimited)" writes the Windows code page: Hindi becomes "?", "é" the byte E9.
    units = UNITS.replace("Hazratganj,हज़", "Hazratganj Café,हज़").encode("cp1252", errors="replace")
    problems = problems_of(write_folder(tmp_path, units=units))
    # The line as far as it can be read, cut at 60 characters.
    shown = "hazratganj,station,lucknow-commissionerate,Hazratganj Caf\ufffd,?…"
    assert where(problems) == [("units.csv", 6, None, shown)]
    assert problems[0].expected == loader.EXPECTED_UTF8_NOT_LEGACY
    assert "CSV UTF-8" in describe(problems[0])


def test_a_cp1252_monthly_file_is_one_problem_and_the_others_are_still_checked(tmp_path):
    files = {
        "police/2024-01.csv": "unit_id,marks,max_marks\nsitapur,1,2\nhazratganj,2,2 (Café)\n".encode("cp1252"),
        "police/2024-02.csv": month_with(["sitapur,x,2"]),
    }
    problems = problems_of(write_folder(tmp_path, files))
    assert where(problems) == [
        ("police/2024-01.csv", 3, None, "hazratganj,2,2 (Caf\ufffd)"),
        ("police/2024-02.csv", 2, "marks", "x"),
    ]
    assert problems[0].expected == loader.EXPECTED_UTF8_NOT_LEGACY


def test_a_quote_that_is_never_closed_is_one_problem_on_its_line(tmp_path):
    files = {"police/2024-01.csv": 'unit_id,marks,max_marks\nsitapur,1,2\n\nhazratganj,"1,2\nlucknow-zone,1,2\n'}
    problems = problems_of(write_folder(tmp_path, files))
    assert where(problems) == [("police/2024-01.csv", 4, None, None)]
    assert problems[0].expected == loader.EXPECTED_CLOSING_QUOTE


def test_a_file_the_csv_reader_gives_up_on_is_one_problem(tmp_path):
    files = {"police/2024-01.csv": "unit_id,marks," + "x" * 200_000 + "\nsitapur,1,2\n"}  # a cell too long
    problems = problems_of(write_folder(tmp_path, files))
    assert where(problems) == [("police/2024-01.csv", None, None, None)]
    assert problems[0].expected == loader.EXPECTED_READABLE_CSV


# ---- Layout of the folder


def test_a_missing_units_file_is_a_problem(tmp_path):
    problems = problems_of(write_folder(tmp_path, units=None))
    assert where(problems) == [("units.csv", None, None, None)]
    assert problems[0].expected == loader.EXPECTED_FILE


def test_a_folder_that_series_csv_does_not_name_is_a_problem(tmp_path):
    problems = problems_of(write_folder(tmp_path, {"polce/2024-01.csv": POLICE_2024_01}))
    assert where(problems) == [("polce", None, None, "polce")]
    assert problems[0].expected == loader.EXPECTED_SERIES_FOLDER
    assert problems[0].params == {"series": "district-admin, police"}


@pytest.mark.parametrize("name", ["2024-13.csv", "2024-00.csv", "2024-1.csv", "dec-2024.csv", "2024-12.CSV"])
def test_a_file_not_named_after_a_real_month_is_a_problem(tmp_path, name):
    problems = problems_of(write_folder(tmp_path, {f"police/{name}": POLICE_2024_01}))
    assert where(problems) == [(f"police/{name}", None, None, name)]
    assert problems[0].expected == loader.EXPECTED_MONTH_NAME


@pytest.mark.parametrize("name", ["2024-12.xlsx", "2024-12.xls", "2024-12.ods"])
def test_a_spreadsheet_file_must_be_saved_as_csv_utf8(tmp_path, name):
    problems = problems_of(write_folder(tmp_path, {f"police/{name}": b"PK\x03\x04"}))
    assert where(problems) == [(f"police/{name}", None, None, name)]
    assert problems[0].expected == loader.EXPECTED_CSV and "CSV UTF-8" in describe(problems[0])


# ---- Header rows


def test_a_missing_required_column_is_a_problem_on_line_1(tmp_path):
    files = {"police/2024-01.csv": month_with(["sitapur,1"], header="unit_id,marks")}
    problems = problems_of(write_folder(tmp_path, files, units=UNITS.replace("name_hi", "hindi_name")))
    assert ("police/2024-01.csv", 1, "max_marks", None) in where(problems)
    assert ("units.csv", 1, "name_hi", None) in where(problems)
    missing = [p for p in problems if p.expected == loader.EXPECTED_COLUMN]
    assert [p.params for p in missing] == [{"column": "max_marks"}, {"column": "name_hi"}]


def test_an_unknown_column_is_a_problem_with_the_closest_known_name(tmp_path):
    files = {"police/2024-01.csv": month_with(["sitapur,1,2,3"], header="unit_id,marks,max_mark,xyz")}
    problems = problems_of(write_folder(tmp_path, files))
    assert where(problems) == [
        ("police/2024-01.csv", 1, "max_mark", "max_mark"),
        ("police/2024-01.csv", 1, "max_marks", None),
        ("police/2024-01.csv", 1, "xyz", "xyz"),
    ]
    unknown, _, other = problems
    assert unknown.expected == loader.EXPECTED_KNOWN_COLUMN_LIKE and unknown.params == {"suggestion": "max_marks"}
    assert other.expected == loader.EXPECTED_KNOWN_COLUMN
    assert other.params["known"].startswith("unit_id, marks, max_marks, rank, complaints_received")


def test_a_column_named_twice_is_a_problem(tmp_path):
    files = {"police/2024-01.csv": month_with(["sitapur,1,2,1"], header="unit_id,marks,max_marks,marks")}
    problems = problems_of(write_folder(tmp_path, files))
    assert where(problems) == [("police/2024-01.csv", 1, "marks", "marks")]
    assert problems[0].expected == loader.EXPECTED_COLUMN_ONCE and problems[0].params == {"first": "B"}


def test_values_under_an_empty_header_are_a_problem(tmp_path):
    files = {
        "police/2024-01.csv": month_with(["sitapur,1,2,,", "hazratganj,1,2,,note"], header="unit_id,marks,max_marks,,"),
        "police/2024-02.csv": month_with(["sitapur,1,2", "hazratganj,1,2,extra"]),  # a row longer than the header
    }
    problems = problems_of(write_folder(tmp_path, files))
    assert where(problems) == [("police/2024-01.csv", 3, None, "note"), ("police/2024-02.csv", 3, None, "extra")]
    assert [p.params for p in problems] == [{"letter": "E"}, {"letter": "D"}]
    assert problems[0].expected == loader.EXPECTED_COLUMN_NAME


# ---- units.csv


def units_with(*rows):
    return UNITS + "".join(row + "\n" for row in rows)


def unit_problems(tmp_path, *rows):
    """The problems of a folder whose units.csv has rows added after UNITS (so from line 8)."""
    return problems_of(write_folder(tmp_path, units=units_with(*rows)))


def test_a_unit_id_that_is_not_an_id_is_a_problem(tmp_path):
    problems = unit_problems(tmp_path, "Sitapur Police,district,,S,स", "a--b,zone,,A,अ")
    assert where(problems) == [("units.csv", 8, "id", "Sitapur Police"), ("units.csv", 9, "id", "a--b")]
    assert problems[0].expected == loader.EXPECTED_ID


def test_a_unit_id_twice_is_a_problem_on_the_second_line(tmp_path):
    problems = unit_problems(tmp_path, "sitapur,district,,Sitapur 2,सीतापुर")
    assert where(problems) == [("units.csv", 8, "id", "sitapur")]
    assert problems[0].expected == loader.EXPECTED_ID_ONCE and problems[0].params == {"first_line": 4}


def test_an_unknown_level_is_a_problem(tmp_path):
    problems = unit_problems(tmp_path, "agra,District,,Agra,आगरा")
    assert where(problems) == [("units.csv", 8, "level", "District")]
    assert problems[0].expected == loader.EXPECTED_LEVEL
    assert problems[0].params == {"levels": "zone, range, district, tehsil, station"}


def test_a_parent_that_does_not_exist_is_a_problem(tmp_path):
    problems = unit_problems(tmp_path, "kotwali,station,sitapr,Kotwali,कोतवाली")
    assert where(problems) == [("units.csv", 8, "parent", "sitapr")]
    assert problems[0].expected == loader.EXPECTED_PARENT


def test_a_parent_of_the_wrong_level_is_a_problem(tmp_path):
    problems = unit_problems(
        tmp_path, "kotwali,station,lucknow-range,Kotwali,कोतवाली", "agra,district,lucknow-zone,Agra,आगरा"
    )
    assert where(problems) == [("units.csv", 8, "parent", "lucknow-range"), ("units.csv", 9, "parent", "lucknow-zone")]
    assert problems[0].expected == loader.EXPECTED_PARENT_LEVEL
    assert problems[0].params == {
        "level": "station", "parent_level": "district", "parent": "lucknow-range", "actual": "range",
    }


def test_a_zone_with_a_parent_is_a_problem(tmp_path):
    problems = unit_problems(tmp_path, "agra-zone,zone,lucknow-zone,Agra Zone,आगरा ज़ोन")
    assert where(problems) == [("units.csv", 8, "parent", "lucknow-zone")]
    assert problems[0].expected == loader.EXPECTED_NO_PARENT and problems[0].params == {"level": "zone"}


def test_ranges_tehsils_and_stations_must_have_a_parent(tmp_path):
    problems = unit_problems(tmp_path, "agra-range,range,,Agra Range,आगरा रेंज", "kotwali,station,,Kotwali,कोतवाली")
    assert where(problems) == [("units.csv", 8, "parent", ""), ("units.csv", 9, "parent", "")]
    assert problems[0].expected == loader.EXPECTED_PARENT_GIVEN
    assert problems[0].params == {"level": "range", "parent_level": "zone"}


def test_a_cycle_of_parents_is_told_once_with_its_chain(tmp_path):
    units = units_with(
        "agra,district,agra-range,Agra,आगरा",
        "agra-range,range,agra,Agra Range,आगरा परिक्षेत्र",
        "loop,station,loop,Loop,लूप",
    )
    problems = problems_of(write_folder(tmp_path, units=units))
    cycles = [p for p in problems if p.expected == loader.EXPECTED_NO_CYCLE]
    assert where(cycles) == [("units.csv", 8, "parent", "agra-range"), ("units.csv", 10, "parent", "loop")]
    assert [p.params["chain"] for p in cycles] == ["agra → agra-range → agra", "loop → loop"]


def test_empty_names_are_a_problem(tmp_path):
    problems = unit_problems(tmp_path, "agra,district,,,आगरा", "mathura,district,,Mathura,")
    assert where(problems) == [("units.csv", 8, "name_en", ""), ("units.csv", 9, "name_hi", "")]
    assert {p.expected for p in problems} == {loader.EXPECTED_VALUE}


def test_a_hindi_name_without_devanagari_looks_like_a_legacy_font(tmp_path):
    # "vkxjk" is आगरा typed with the Kruti Dev font; "????" is what a non-UTF-8 save leaves of Hindi.
    problems = unit_problems(tmp_path, "agra,district,,Agra,vkxjk", "mau,district,,Mau,??")
    assert where(problems) == [("units.csv", 8, "name_hi", "vkxjk"), ("units.csv", 9, "name_hi", "??")]
    assert problems[0].expected == loader.EXPECTED_DEVANAGARI and "Kruti Dev" in describe(problems[0])
    assert problems[1].expected == loader.EXPECTED_DEVANAGARI_NOT_LOST


def test_a_former_id_must_look_like_an_id(tmp_path):
    problems = unit_problems(tmp_path, "agra,district,,Agra,आगरा,old-agra Agra_Old")
    assert where(problems) == [("units.csv", 8, "formerly", "Agra_Old")]
    assert problems[0].expected == loader.EXPECTED_ID


def test_a_former_id_must_not_be_a_current_id(tmp_path):
    problems = unit_problems(tmp_path, "agra,district,,Agra,आगरा,hazratganj")
    assert where(problems) == [("units.csv", 8, "formerly", "hazratganj")]
    assert problems[0].expected == loader.EXPECTED_FORMER_ID and problems[0].params == {"unit_line": 6}


def test_a_former_id_must_belong_to_one_unit(tmp_path):
    problems = unit_problems(tmp_path, "agra,district,,Agra,आगरा,old-agra sitapur-police")
    assert where(problems) == [("units.csv", 8, "formerly", "sitapur-police")]
    assert problems[0].expected == loader.EXPECTED_FORMER_ID_ONCE
    assert problems[0].params == {"unit": "sitapur", "first_line": 4}


# ---- series.csv


def test_series_ids_names_and_duplicates_are_checked(tmp_path):
    series = SERIES + "Police Units,Police,पुलिस\npolice,Police again,पुलिस\nrevenue,,Revenue\n"
    problems = problems_of(write_folder(tmp_path, series=series))
    assert where(problems) == [
        ("series.csv", 4, "id", "Police Units"),
        ("series.csv", 5, "id", "police"),
        ("series.csv", 6, "name_en", ""),
        ("series.csv", 6, "name_hi", "Revenue"),
    ]
    assert [p.expected for p in problems] == [
        loader.EXPECTED_ID, loader.EXPECTED_ID_ONCE, loader.EXPECTED_VALUE, loader.EXPECTED_DEVANAGARI,
    ]


# ---- Monthly files


def police_month_problems(tmp_path, rows, header="unit_id,marks,max_marks", units=UNITS):
    return problems_of(write_folder(tmp_path, {"police/2024-01.csv": month_with(rows, header)}, units=units))


def test_a_unit_id_units_csv_does_not_have_is_a_problem(tmp_path):
    problems = police_month_problems(tmp_path, ["sitapur,1,2", "agra,1,2"])
    assert where(problems) == [("police/2024-01.csv", 3, "unit_id", "agra")]
    assert problems[0].expected == loader.EXPECTED_UNIT


def test_a_former_unit_id_is_told_with_the_current_one(tmp_path):
    problems = police_month_problems(tmp_path, ["sitapur-police,1,2"])
    assert where(problems) == [("police/2024-01.csv", 2, "unit_id", "sitapur-police")]
    assert problems[0].expected == loader.EXPECTED_CURRENT_UNIT and problems[0].params == {"current": "sitapur"}


def test_a_unit_twice_in_one_file_is_a_problem_on_the_second_line(tmp_path):
    problems = police_month_problems(tmp_path, ["sitapur,1,2", "hazratganj,1,2", "sitapur,2,2"])
    assert where(problems) == [("police/2024-01.csv", 4, "unit_id", "sitapur")]
    assert problems[0].expected == loader.EXPECTED_ID_ONCE and problems[0].params == {"first_line": 2}


def test_an_empty_required_cell_is_a_problem(tmp_path):
    problems = police_month_problems(tmp_path, [",1,2", "sitapur,,2", "hazratganj,1, "])
    assert where(problems) == [
        ("police/2024-01.csv", 2, "unit_id", ""),
        ("police/2024-01.csv", 3, "marks", ""),
        ("police/2024-01.csv", 4, "max_marks", ""),
    ]
    assert {p.expected for p in problems} == {loader.EXPECTED_VALUE}


def test_marks_that_are_not_a_number_are_a_problem(tmp_path):
    problems = police_month_problems(tmp_path, ["sitapur,75%,100", "hazratganj,75,56,100", "lucknow-zone,TRUE,100"])
    assert where(problems)[0] == ("police/2024-01.csv", 2, "marks", "75%")
    assert ("police/2024-01.csv", 4, "marks", "TRUE") in where(problems)
    assert problems[0].expected == loader.EXPECTED_MARKS_UP_TO and problems[0].params == {"max_marks": "100"}


def test_words_that_some_readers_take_for_numbers_are_not_marks(tmp_path):
    rows = ["sitapur,TRUE,100", "hazratganj,nan,100", "lucknow-zone,inf,100", "lucknow-range,१२,100"]
    problems = police_month_problems(tmp_path, rows)
    assert where(problems) == [
        ("police/2024-01.csv", 2, "marks", "TRUE"),
        ("police/2024-01.csv", 3, "marks", "nan"),
        ("police/2024-01.csv", 4, "marks", "inf"),
        ("police/2024-01.csv", 5, "marks", "१२"),
    ]


def test_negative_marks_are_a_problem(tmp_path):
    problems = police_month_problems(tmp_path, ["sitapur,-5,100", "hazratganj,0,100", "lucknow-zone,-1,x"])
    assert where(problems) == [
        ("police/2024-01.csv", 2, "marks", "-5"),
        ("police/2024-01.csv", 4, "marks", "-1"),
        ("police/2024-01.csv", 4, "max_marks", "x"),
    ]
    # Without a right max_marks on the row, the marks are told against what is known.
    assert [p.expected for p in problems[:2]] == [loader.EXPECTED_MARKS_UP_TO, loader.EXPECTED_MARKS]


def test_marks_above_max_marks_are_a_problem_told_as_written(tmp_path):
    problems = police_month_problems(tmp_path, ["sitapur,130.50,130", "hazratganj,90,90"])
    assert where(problems) == [("police/2024-01.csv", 2, "marks", "130.50")]
    assert describe(problems[0]) == (
        "police/2024-01.csv:2 · column marks · “130.50”: expected a number ≥ 0 and ≤ max_marks (130)"
    )


def test_max_marks_must_be_a_number_above_0(tmp_path):
    problems = police_month_problems(tmp_path, ["sitapur,0,0", "hazratganj,5,ninety", "lucknow-zone,1,-1"])
    assert where(problems) == [
        ("police/2024-01.csv", 2, "max_marks", "0"),
        ("police/2024-01.csv", 3, "max_marks", "ninety"),
        ("police/2024-01.csv", 4, "max_marks", "-1"),
    ]
    assert {p.expected for p in problems} == {loader.EXPECTED_MAX_MARKS}


def test_a_rank_must_be_a_whole_number_from_1(tmp_path):
    rows = [
        "sitapur,1,2,1", "hazratganj,1,2,0", "lucknow-zone,1,2,2.5", "lucknow-range,1,2,first", "sadar-sitapur,1,2,",
    ]
    problems = police_month_problems(tmp_path, rows, header="unit_id,marks,max_marks,rank")
    assert where(problems) == [
        ("police/2024-01.csv", 3, "rank", "0"),
        ("police/2024-01.csv", 4, "rank", "2.5"),
        ("police/2024-01.csv", 5, "rank", "first"),
    ]
    assert {p.expected for p in problems} == {loader.EXPECTED_RANK}


def test_a_rank_larger_than_the_units_of_its_level_in_the_file_is_a_problem(tmp_path):
    # Two districts ranked (sitapur, the commissionerate), one zone: rank 75 of 2 is a typo ("rank 75 of 4" once
    # reached a month's paragraph); rank 2 of 2 and rank 1 of 1 are right.
    rows = ["sitapur,1,2,75", "lucknow-commissionerate,1,2,2", "lucknow-zone,1,2,1", "lucknow-range,1,2,2",
            "hazratganj,1,2,1"]
    problems = police_month_problems(tmp_path, rows, header="unit_id,marks,max_marks,rank")
    assert where(problems) == [("police/2024-01.csv", 2, "rank", "75"), ("police/2024-01.csv", 5, "rank", "2")]
    assert {p.expected for p in problems} == {loader.EXPECTED_RANK_OF_RANKED}
    assert describe(problems[0]).endswith("expected a rank from 1 to 2: this file ranks 2 units of this unit's "
                                          "level, so no rank can be larger")


def test_counts_must_be_whole_numbers_from_0(tmp_path):
    header = "unit_id,marks,max_marks,complaints_received,feedback_total"
    rows = ["sitapur,1,2,12,12.0", "hazratganj,1,2,12.5,-1", "lucknow-zone,1,2,abc,0", "lucknow-range,1,2,,"]
    problems = police_month_problems(tmp_path, rows, header=header)
    assert where(problems) == [
        ("police/2024-01.csv", 3, "complaints_received", "12.5"),
        ("police/2024-01.csv", 3, "feedback_total", "-1"),
        ("police/2024-01.csv", 4, "complaints_received", "abc"),
    ]
    assert {p.expected for p in problems} == {loader.EXPECTED_COUNT}


def test_disposed_may_not_exceed_received(tmp_path):
    header = "unit_id,marks,max_marks,complaints_received,complaints_disposed"
    problems = police_month_problems(tmp_path, ["sitapur,1,2,10,11", "hazratganj,1,2,10,10"], header=header)
    assert where(problems) == [("police/2024-01.csv", 2, "complaints_disposed", "11")]
    assert problems[0].params == {"bound_column": "complaints_received", "bound": "10"}


def test_unsatisfied_may_not_exceed_total_feedback(tmp_path):
    header = "unit_id,marks,max_marks,feedback_total,feedback_unsatisfied"
    problems = police_month_problems(tmp_path, ["sitapur,1,2,3,4.0"], header=header)
    assert where(problems) == [("police/2024-01.csv", 2, "feedback_unsatisfied", "4.0")]
    assert problems[0].expected == loader.EXPECTED_COUNT_UP_TO
    assert problems[0].params == {"bound_column": "feedback_total", "bound": "3"}


def test_names_and_levels_in_a_monthly_file_must_match_units_csv(tmp_path):
    header = "unit_id,name_hi,name_en,level,marks,max_marks"
    rows = [
        "sitapur,सीतापुर,Sitapur,district,1,2",  # all as in units.csv
        "hazratganj,सीतापुर,Hazratganj  ,station,1,2",  # name_hi of another unit; stray spaces are fine
        "sadar-sitapur,सदर सीतापुर,Sadar  Sitapur,district,1,2",  # a double space is fine; the level is wrong
        "lucknow-zone,,,,1,2",  # empty echoes are not checked
    ]
    problems = police_month_problems(tmp_path, rows, header=header)
    assert where(problems) == [
        ("police/2024-01.csv", 3, "name_hi", "सीतापुर"),
        ("police/2024-01.csv", 4, "level", "district"),
    ]
    assert problems[0].expected == loader.EXPECTED_SAME_AS_UNITS
    assert problems[0].params == {"unit_id": "hazratganj", "units_value": "हज़रतगंज"}


def test_echoed_hindi_names_are_compared_in_unicode_nfc(tmp_path):
    # "ज़" may be typed as one character (U+095B) or as ज + nukta; both are the same letter.
    units = UNITS.replace("हज़रतगंज", "\u0939\u095b\u0930\u0924\u0917\u0902\u091c")
    rows = ["hazratganj,\u0939\u091c\u093c\u0930\u0924\u0917\u0902\u091c,1,2"]
    header = "unit_id,name_hi,marks,max_marks"
    problems = police_month_problems(tmp_path, rows + ["agra,,1,2"], header=header, units=units)
    assert where(problems) == [("police/2024-01.csv", 3, "unit_id", "agra")]


# ---- Every problem in one run


def test_every_problem_in_every_file_is_told_in_one_run(tmp_path):
    files = {
        "police/2024-01.csv": month_with(["sitapur,abc,2"]),
        "police/2024-02.csv": month_with(["hazratganj,3,2"]),
        "district-admin/2024-01.csv": month_with(["agra,1,2"]),
    }
    units = units_with("kotwali,station,nowhere,Kotwali,कोतवाली")
    problems = problems_of(write_folder(tmp_path, files, units=units))
    assert where(problems) == [
        ("district-admin/2024-01.csv", 2, "unit_id", "agra"),
        ("police/2024-01.csv", 2, "marks", "abc"),
        ("police/2024-02.csv", 2, "marks", "3"),
        ("units.csv", 8, "parent", "nowhere"),
    ]


def test_monthly_unit_ids_are_checked_against_units_csv_even_when_it_has_problems(tmp_path):
    units = UNITS.replace("Sitapur,सीतापुर", "Sitapur,Sitapur") + "BAD ID,zone,,X,एक्स\n"
    files = {"police/2024-01.csv": month_with(["sitapur,1,2", "agra,1,2"])}
    problems = problems_of(write_folder(tmp_path, files, units=units))
    assert where(problems) == [
        ("police/2024-01.csv", 3, "unit_id", "agra"),
        ("units.csv", 4, "name_hi", "Sitapur"),
        ("units.csv", 8, "id", "BAD ID"),
    ]


def test_a_units_file_without_rows_does_not_stop_the_checks(tmp_path):
    files = {"police/2024-01.csv": month_with(["sitapur,सीतापुर,1,2"], "unit_id,name_hi,marks,max_marks")}
    problems = problems_of(write_folder(tmp_path, files, units="id,level,name_en,name_hi\n"))
    assert where(problems) == [("police/2024-01.csv", 2, "unit_id", "sitapur")]


def test_an_unreadable_units_file_does_not_make_every_unit_id_unknown(tmp_path):
    files = {"police/2024-01.csv": month_with(["sitapur,x,2"])}
    problems = problems_of(write_folder(tmp_path, files, units=UNITS.encode("utf-16")))
    assert where(problems) == [("police/2024-01.csv", 2, "marks", "x"), ("units.csv", None, None, None)]


# ---- Telling a person


def test_describe_gives_a_readable_line(tmp_path):
    files = {"police/2024-01.csv": month_with(["sitapur,1,2"], header="unit_id,marks,max_mark")}
    problems = problems_of(write_folder(tmp_path, files))
    assert [describe(p) for p in problems] == [
        "police/2024-01.csv:1 · column max_mark · “max_mark”: "
        "expected one of the columns this file may have; did you mean max_marks?",
        "police/2024-01.csv:1 · column max_marks: expected a column named max_marks; it is required",
    ]


def test_every_message_template_fills_in_with_its_params(tmp_path):
    files = {
        "polce/2024-01.csv": POLICE_2024_01,
        "police/2024-13.csv": POLICE_2024_01,
        "police/2024-01.csv": month_with(
            ["sitapur,1,2,5,6,1", "sitapur-police,x,0,1,1,1", "agra,3,2,,,0"],
            header="unit_id,marks,max_marks,complaints_received,complaints_disposed,rank",
        ),
    }
    units = units_with("kotwali,station,,K,vkxjk,Bad_Old hazratganj")
    for problem in problems_of(write_folder(tmp_path, files, units=units)):
        line = describe(problem)
        assert "%(" not in line and problem.file in line


def test_the_same_problem_on_consecutive_lines_is_told_once_as_a_range():
    from rankings.data.problems import Problem, runs

    def empty(line, column):
        return Problem("police/2025-01.csv", line, column, "", loader.EXPECTED_VALUE)

    problems = [empty(2, "marks"), empty(2, "max_marks"), empty(3, "marks"), empty(3, "max_marks"),
                Problem("police/2025-01.csv", 4, "marks", "abc", loader.EXPECTED_MARKS), empty(5, "marks")]
    told = [describe(run.problem, last_line=run.last_line) for run in runs(problems)]
    assert [line.split(" · “")[0] for line in told] == [
        "police/2025-01.csv:2–3 · column marks",
        "police/2025-01.csv:2–3 · column max_marks",
        "police/2025-01.csv:4 · column marks",
        "police/2025-01.csv:5 · column marks",  # line 4 broke the run
    ]


# ---- counterparts: a police commissionerate and the revenue district it polices

def counterpart_units(*rows):
    """UNITS with a counterpart column (empty on its lines 2–7) and rows added from line 8."""
    lines = UNITS.splitlines()
    text = lines[0] + ",counterpart\n" + "".join(line + ",\n" for line in lines[1:])
    return text + "".join(row + "\n" for row in rows)


def test_a_counterpart_given_on_one_side_links_both_ways(tmp_path):
    folder = write_folder(tmp_path, units=counterpart_units("lucknow,district,,Lucknow,लखनऊ,,lucknow-commissionerate"))
    units = load(folder).units
    assert units.at["lucknow", "counterpart"] == "lucknow-commissionerate"
    assert units.at["lucknow-commissionerate", "counterpart"] == "lucknow"
    assert units.at["sitapur", "counterpart"] is None
    # Given on both sides, alike: the same pair.
    text = counterpart_units("lucknow,district,,Lucknow,लखनऊ,,lucknow-commissionerate").replace(
        "लखनऊ कमिश्नरेट,,", "लखनऊ कमिश्नरेट,,lucknow")
    assert load(write_folder(tmp_path / "both", units=text)).units.at["lucknow", "counterpart"] == \
        "lucknow-commissionerate"


def test_a_counterpart_must_be_another_existing_district_level_unit(tmp_path):
    problems = problems_of(write_folder(tmp_path, units=counterpart_units(
        "lucknow,district,,Lucknow,लखनऊ,,lucknow-comissionerate",  # 8: a typo
        "agra,district,,Agra,आगरा,,agra",  # 9: itself
        "kanpur-nagar,district,,Kanpur Nagar,कानपुर नगर,,lucknow-range",  # 10: a range
        "bilhaur,tehsil,kanpur-nagar,Bilhaur,बिल्हौर,,kanpur-nagar",  # 11: a tehsil has none
    )))
    assert where(problems) == [("units.csv", 8, "counterpart", "lucknow-comissionerate"),
                               ("units.csv", 9, "counterpart", "agra"),
                               ("units.csv", 10, "counterpart", "lucknow-range"),
                               ("units.csv", 11, "counterpart", "kanpur-nagar")]
    assert [p.expected for p in problems] == [loader.EXPECTED_COUNTERPART, loader.EXPECTED_COUNTERPART_OTHER,
                                              loader.EXPECTED_COUNTERPART_LEVEL, loader.EXPECTED_COUNTERPART_OF_DISTRICT]
    assert problems[2].params == {"counterpart": "lucknow-range", "actual": "range"}
    assert "lucknow-range is a range" in describe(problems[2])


def test_a_unit_has_one_counterpart_at_most(tmp_path):
    problems = problems_of(write_folder(tmp_path, units=counterpart_units(
        "lucknow,district,,Lucknow,लखनऊ,,lucknow-commissionerate",  # 8
        "lucknow-city,district,,Lucknow City,लखनऊ शहर,,lucknow-commissionerate",  # 9: pairs it again
    )))
    assert where(problems) == [("units.csv", 9, "counterpart", "lucknow-commissionerate")]
    assert problems[0].expected == loader.EXPECTED_COUNTERPART_ONCE
    assert problems[0].params == {"unit": "lucknow-commissionerate", "other": "lucknow", "first_line": 8}


@pytest.mark.parametrize("unit_id", ["main", "corrections", "station", "in-sitapur"])
def test_a_unit_id_that_is_an_anchor_of_the_month_pages_is_a_problem(tmp_path, unit_id):
    """A unit's row on a month page is /police/2025-10/#<id>: the id may not be one of the page's own anchors."""
    units = UNITS.replace("hazratganj,station", f"{unit_id},station")
    problems = problems_of(write_folder(tmp_path, units=units))
    assert (("units.csv", 6, "id", unit_id) in where(problems))
    message = describe(next(p for p in problems if p.column == "id" and p.value == unit_id))
    assert "not an anchor the month pages use themselves" in message and "in-" in message


# The district map's places (tiles.csv). In UNITS the district-level units are sitapur (line 4) and the
# commissionerate (line 5); here the commissionerate polices lucknow, a revenue district (line 8).
def tiles_folder(tmp_path, tiles):
    units = counterpart_units("lucknow,district,,Lucknow,लखनऊ,,lucknow-commissionerate")  # line 8
    return write_folder(tmp_path, {"tiles.csv": tiles, "police/2024-01.csv": POLICE_2024_01}, units=units)


def test_without_tiles_csv_there_is_no_map_and_with_it_every_district_has_a_place(tmp_path):
    assert load(write_folder(tmp_path / "none", {"police/2024-01.csv": POLICE_2024_01})).tiles is None
    tiles = load(tiles_folder(tmp_path / "map", "unit_id,column,row,short_en,short_hi\nsitapur,0,0,Sitapur,सीतापुर\nlucknow,1,0,Lucknow,लखनऊ\n")).tiles
    # The commissionerate takes the tile of the district it polices, and says so.
    assert tiles.loc[["sitapur", "lucknow", "lucknow-commissionerate"]].to_dict("index") == {
        "sitapur": {"column": 0, "row": 0, "short_en": "Sitapur", "short_hi": "सीतापुर", "shared": False},
        "lucknow": {"column": 1, "row": 0, "short_en": "Lucknow", "short_hi": "लखनऊ", "shared": False},
        "lucknow-commissionerate": {"column": 1, "row": 0, "short_en": "Lucknow", "short_hi": "लखनऊ", "shared": True}}
    # Either side of a pair may have the row.
    tiles = load(tiles_folder(tmp_path / "other", "unit_id,column,row,short_en,short_hi\nsitapur,0,0,Sitapur,सीतापुर\nlucknow-commissionerate,1,0,Lucknow,लखनऊ\n")).tiles
    assert tiles.loc["lucknow", "shared"] and not tiles.loc["lucknow-commissionerate", "shared"]


def test_other_names_are_names_separated_by_bars(tmp_path):
    units = UNITS.replace("id,level,parent,name_en,name_hi,formerly", "id,level,parent,name_en,name_hi,formerly,other_names")
    lines = units.splitlines()
    lines = [lines[0]] + [line + "," for line in lines[1:]]
    lines[3] = lines[3][:-1] + ",Sitapur Town|सीतापुर शहर"  # sitapur: fine
    lines[4] = lines[4][:-1] + ",Lucknow||लखनऊ"  # an empty name between two bars
    lines[5] = lines[5][:-1] + ",Hazrat Ganj 🚓"  # a character no font draws
    found = problems_of(write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01}, units="\n".join(lines) + "\n"))
    assert [(p.line, p.column, p.value, p.expected) for p in found] == [
        (5, "other_names", "Lucknow||लखनऊ", loader.EXPECTED_OTHER_NAMES),
        (6, "other_names", "Hazrat Ganj 🚓", loader.EXPECTED_DRAWABLE)]
    lines[4], lines[5] = lines[4].replace("||", "|"), lines[5].replace(" 🚓", "")
    data = load(write_folder(tmp_path / "fine", {"police/2024-01.csv": POLICE_2024_01},
                             units="\n".join(lines) + "\n"))
    assert data.units.at["sitapur", "other_names"] == ("Sitapur Town", "सीतापुर शहर")
    assert data.units.at["lucknow-zone", "other_names"] == ()


def test_a_tile_label_is_measured_not_counted(tmp_path):
    """Twelve letters passed a count of twelve, and "Lakhimpur Kh" ran into its neighbour's tile; a narrow label of
    more letters fits. Measured in the fonts that draw it, at the smallest size a label is drawn."""
    tiles = ("unit_id,column,row,short_en,short_hi\n"
             "sitapur,0,0,Lakhimpur Kh,सीतापुर\n"
             "lucknow,1,0,Illiililili.,लखीमपुर खीरी लखनऊ\n")
    found = problems_of(tiles_folder(tmp_path, tiles))
    assert [(p.line, p.column, p.value, p.expected) for p in found] == [
        (2, "short_en", "Lakhimpur Kh", loader.EXPECTED_TILE_LABEL),
        (3, "short_hi", "लखीमपुर खीरी लखनऊ", loader.EXPECTED_TILE_LABEL)]
    assert describe(found[0]).endswith("even at its smallest this one is 43 pixels wide, and the tile has room for 39; "
                                       "write a shorter form of the name (cut words ending with a full stop: Kanpur "
                                       "N., Muzaffarna.)")


@pytest.mark.parametrize("name", ["Kanpur 🚓", "كانبور", "坎普尔", "Ωmega"])
def test_a_name_the_fonts_cannot_draw_is_a_problem(tmp_path, name):
    """An emoji, Arabic, Chinese or Ω became an empty box on every picture; now validation says which."""
    units = counterpart_units("lucknow,district,,Lucknow,लखनऊ,,lucknow-commissionerate").replace(
        "Sitapur,सीतापुर", f"{name},सीतापुर {name}")
    series = SERIES.replace("Police units,", f"Police units {name},")
    tiles = f"unit_id,column,row,short_en,short_hi\nsitapur,0,0,{name},सीतापुर\nlucknow,1,0,Lucknow,लखनऊ\n"
    found = problems_of(write_folder(tmp_path, {"tiles.csv": tiles, "police/2024-01.csv": POLICE_2024_01},
                                     units=units, series=series))
    assert sorted((p.file, p.line, p.column) for p in found if p.expected == loader.EXPECTED_DRAWABLE) == [
        ("series.csv", 2, "name_en"), ("tiles.csv", 2, "short_en"), ("units.csv", 4, "name_en"),
        ("units.csv", 4, "name_hi")]
    strange = "".join(sorted({c for c in name if c not in " Kanpurmega"}))
    told = describe(next(p for p in found if p.file == "units.csv"))
    assert told.split(": expected ")[1].startswith(f"text the site's fonts can draw: {' '.join(strange)} would show")


def test_every_problem_of_tiles_csv_is_told_on_its_line(tmp_path):
    tiles = ("unit_id,column,row,short_en,short_hi\n"
             "sitapur,0,0,Sitapur,सीतापुर\n"               # 2: fine
             "hazratganj,1,0,H,ह\n"                       # 3: a station
             "nowhere,2,0,N,न\n"                          # 4: not in units.csv
             "lucknow,0,0,Lucknow Nagar,Lucknow\n"        # 5: sitapur's place; too long; Hindi not Devanagari
             "lucknow-commissionerate,3,0,L,ल\n"          # 6: its counterpart has a tile already
             "sitapur,4,0,S,स\n"                          # 7: twice
             "lucknow-range,x,-1,R,र\n")                  # 8: not a district; neither a place
    found = problems_of(tiles_folder(tmp_path, tiles))
    assert {(p.line, p.column, p.value, p.expected) for p in found} == {
        (3, "unit_id", "hazratganj", loader.EXPECTED_TILE_DISTRICT),
        (4, "unit_id", "nowhere", loader.EXPECTED_UNIT),
        (5, "unit_id", "lucknow", loader.EXPECTED_TILE_FREE),
        (5, "short_en", "Lucknow Nagar", loader.EXPECTED_TILE_LABEL),
        (5, "short_hi", "Lucknow", loader.EXPECTED_DEVANAGARI),
        (6, "unit_id", "lucknow-commissionerate", loader.EXPECTED_TILE_PAIR_ONCE),
        (7, "unit_id", "sitapur", loader.EXPECTED_ID_ONCE),
        (8, "unit_id", "lucknow-range", loader.EXPECTED_TILE_DISTRICT),
        (8, "column", "x", loader.EXPECTED_TILE_PLACE),
        (8, "row", "-1", loader.EXPECTED_TILE_PLACE)}
    told = {p.line: describe(p) for p in found}
    assert "sitapur on line 2 is at column 0, row 0" in told[5]
    assert "lucknow on line 5 has it" in told[6]
    # A level said in words, in the reader's language ("यह एक zone है" once).
    assert told[8].endswith("this is a range")
    from rankings.render.language import load_languages
    from sitebuild import ROOT
    hindi = load_languages(ROOT / "theme" / "translations", ["hi"])[0]
    assert describe(next(p for p in found if p.line == 8 and p.column == "unit_id"), hindi.gettext).endswith(
        "यह एक परिक्षेत्र है")


def test_tiles_csv_given_as_a_folder_is_said_to_be_a_folder_not_required(tmp_path):
    folder = write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01})
    (folder / "tiles.csv").mkdir()
    found = problems_of(folder)
    assert [(p.file, p.expected) for p in found] == [("tiles.csv", loader.EXPECTED_READABLE_FILE)]
    assert describe(found[0]).endswith("expected a file that can be read (it is a folder)")


def test_a_district_without_a_tile_is_told_by_its_id(tmp_path):
    found = problems_of(tiles_folder(tmp_path, "unit_id,column,row,short_en,short_hi\nsitapur,0,0,Sitapur,सीतापुर\n"))
    assert where(found) == [("tiles.csv", None, "unit_id", "lucknow-commissionerate")]  # a pair once
    assert found[0].expected == loader.EXPECTED_TILE_FOR_EVERY_DISTRICT
    # A tiles.csv without its columns is told as such, not as every district missing.
    found = problems_of(tiles_folder(tmp_path / "bad", "district,x,y,short_en,short_hi\nsitapur,0,0,Sitapur,सीतापुर\n"))
    assert {p.expected for p in found} >= {loader.EXPECTED_COLUMN} and all(
        p.expected != loader.EXPECTED_TILE_FOR_EVERY_DISTRICT for p in found)
