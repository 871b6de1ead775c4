"""What validates, builds: every input that would stop or corrupt a build is a problem of `make validate`,
told with the others (file, line, column, value, what was expected), before anything is written; and what is
quoted in a message is safe to print. Each case here once built wrong, or stopped with a traceback."""

import datetime

import pytest

from rankings.data.load import load
from rankings.data.schema import ID_MAX_LENGTH
from rankings.data.months import next_month
from rankings.data.problems import DataError, Problem, describe
from test_load import POLICE_2024_01, SERIES, UNITS, month_with, write_folder

TODAY = datetime.date(2026, 11, 26)


def told(root, today=TODAY):
    """(file, line, column, value, expected) of every problem of a data folder."""
    with pytest.raises(DataError) as caught:
        load(root, today=today)
    return [(p.file, p.line, p.column, p.value, p.expected) for p in caught.value.problems]


@pytest.mark.parametrize("series_id", ["en", "hi", "zone", "district", "station", "tehsil", "about", "staff-guide",
                                       "data-format", "data", "feeds", "theme"])
def test_a_series_id_that_is_a_path_of_the_site_is_a_problem(tmp_path, series_id):
    series = SERIES + f"{series_id},Something,कुछ\n"
    problems = told(write_folder(tmp_path, {f"{series_id}/2024-01.csv": POLICE_2024_01}, series=series))
    assert [p[:4] for p in problems if p[0] == "series.csv"] == [("series.csv", 4, "id", series_id)]


def test_ids_have_a_length_limit(tmp_path):
    long_id = "a" * (ID_MAX_LENGTH + 1)
    units = UNITS + f"{long_id},zone,,Long,लंबा,\n"
    series = SERIES + f"{'s' * 300},Long,लंबा\n"
    problems = told(write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01}, units=units, series=series))
    assert ("units.csv", 8, "id", long_id) in [p[:4] for p in problems]
    assert ("series.csv", 4, "id", "s" * 300) in [p[:4] for p in problems]
    # The limit itself is fine.
    fine = UNITS + f"{'b' * ID_MAX_LENGTH},zone,,Long,लंबा,\n"
    load(write_folder(tmp_path / "fine", {"police/2024-01.csv": POLICE_2024_01}, units=fine), today=TODAY)


@pytest.mark.parametrize("name", ["0000-01.csv", "0224-12.csv", "2016-12.csv", "2026-12.csv", "2099-01.csv"])
def test_a_month_before_the_rankings_or_after_this_month_is_a_problem(tmp_path, name):
    problems = told(write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01, f"police/{name}": POLICE_2024_01}))
    assert [p[:4] for p in problems] == [(f"police/{name}", None, None, name)]
    assert "2017-01" in describe(Problem(*problems[0][:4], problems[0][4], {"first": "2017-01", "last": "2026-11"}))


def test_this_month_is_fine(tmp_path):
    load(write_folder(tmp_path, {"police/2026-11.csv": POLICE_2024_01}), today=TODAY)


def test_a_month_file_with_no_rows_is_a_problem(tmp_path):
    files = {"police/2024-01.csv": POLICE_2024_01, "police/2024-02.csv": "unit_id,marks,max_marks\n",
             "police/2024-03.csv": "unit_id,marks,max_marks\n,,\n\n"}
    problems = told(write_folder(tmp_path, files))
    assert [p[:4] for p in problems] == [("police/2024-02.csv", None, None, None),
                                         ("police/2024-03.csv", None, None, None)]


@pytest.mark.parametrize("column, value", [
    ("max_marks", "1e308"), ("max_marks", "100001"), ("marks", "1e20"), ("rank", "1e20"),
    ("rank", "12345678901234567890"), ("complaints_received", "1e20"), ("complaints_received", "99999999999999999999"),
    ("feedback_total", "-1e20"),
])
def test_numbers_too_large_to_be_real_are_problems_not_tracebacks(tmp_path, column, value):
    header = "unit_id,marks,max_marks,rank,complaints_received,feedback_total"
    row = {"unit_id": "hazratganj", "marks": "75", "max_marks": "90", "rank": "1", "complaints_received": "10",
           "feedback_total": "5"}
    row[column] = value
    text = month_with([",".join(row[name] for name in header.split(","))], header)
    problems = told(write_folder(tmp_path, {"police/2024-01.csv": text}))
    assert [p[:4] for p in problems] == [("police/2024-01.csv", 2, column, value)]


def test_a_file_that_cannot_be_read_is_a_problem(tmp_path, monkeypatch):
    root = write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01,
                                   "police/2024-02.csv": month_with(["nobody,1,2"])})
    real = type(root).read_bytes

    def read_bytes(path):
        if path.name == "2024-01.csv":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(type(root), "read_bytes", read_bytes)
    problems = told(root)
    assert ("police/2024-01.csv", None, None, None) in [p[:4] for p in problems]
    assert ("police/2024-02.csv", 2, "unit_id", "nobody") in [p[:4] for p in problems]  # the others still told
    text = describe(Problem(*problems[0][:4], problems[0][4], {"error": "Permission denied"}))
    assert "Permission denied" in text


def test_links_that_leave_the_data_folder_are_problems_and_never_read(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("unit_id,marks,max_marks\nroot:x:0:0,1,2\n")
    (outside / "more").mkdir()
    (outside / "more" / "2024-03.csv").write_text(POLICE_2024_01)
    root = write_folder(tmp_path / "data", {"police/2024-01.csv": POLICE_2024_01})
    (root / "police" / "2024-02.csv").symlink_to(outside / "secret.csv")
    (root / "district-admin").symlink_to(outside / "more")
    (root / "police" / "2024-04.csv").symlink_to(root / "police" / "2024-01.csv")  # inside: fine
    problems = told(root)
    assert sorted(p[:4] for p in problems) == [("district-admin", None, None, "district-admin"),
                                               ("police/2024-02.csv", None, None, "2024-02.csv")]
    assert "root:x" not in " ".join(describe(Problem(*p[:4], p[4])) for p in problems)


def test_values_are_printed_with_control_characters_shown_not_obeyed():
    problem = Problem("police/2024-01.csv", 2, "unit_id", "evil\x1b[2J\x00name\u202e", "a unit id from units.csv")
    line = describe(problem)
    assert "\x1b" not in line and "\x00" not in line and "\u202e" not in line
    assert "evil\\x1b[2J\\x00name\\u202e" in line
    # Hindi, with its joiners, prints as it is.
    assert "क्‍ष" in describe(Problem("units.csv", 2, "name_hi", "क्‍ष", "x"))


def test_names_with_control_characters_are_problems(tmp_path):
    units = UNITS.replace("Sitapur,सीतापुर", "Sita\x1bpur,सीतापुर")
    problems = told(write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01}, units=units))
    assert [p[:4] for p in problems] == [("units.csv", 4, "name_en", "Sita\x1bpur")]


def test_minus_zero_marks_are_zero(tmp_path):
    data = load(write_folder(tmp_path, {"police/2024-01.csv": POLICE_2024_01.replace("hazratganj,75.56", "hazratganj,-0")}),
                today=TODAY)
    marks = data.marks.set_index("unit_id")["marks"]
    assert str(marks["hazratganj"]) == "0.0"


def test_months_step_over_any_year():
    assert next_month("0224-12") == "0225-01"
    assert next_month("0999-12") == "1000-01"


def test_a_row_one_cell_longer_than_the_header_is_told_not_cut(tmp_path):
    """pandas cut the last cell of such a row with only a warning: the file passed as correct."""
    text = month_with(["lucknow-zone,90,100", "hazratganj,75,90,77"])
    problems = told(write_folder(tmp_path, {"police/2024-01.csv": text}))
    assert [p[:4] for p in problems] == [("police/2024-01.csv", 3, None, "77")]


def test_a_flood_of_problems_is_told_by_kind_with_a_count_and_long_values_shortened(tmp_path):
    """100,000 unknown ids once printed every one (1.7 million printed 186 MB) and a 50 MB cell was printed whole:
    each kind of problem is told a few times, then counted; a long value is cut, saying how long it was."""
    import io as stringio

    from rankings.cli import validate
    from rankings.render.language import load_languages
    from rankings.data.problems import SHOWN_OF_A_KIND, VALUE_LIMIT
    from sitebuild import ROOT

    # Every id another (no run of lines to join), and marks that are not a number on every other line.
    rows = "".join(f"unknown-{i},{'x' if i % 2 else 1},90,\n" for i in range(50_000))
    huge = "y" * 1_000_000
    files = {"police/2024-01.csv": POLICE_2024_01 + f"lucknow-zone,{huge},100,\n",
             "police/2024-02.csv": "unit_id,marks,max_marks,rank\n" + rows}
    folder = write_folder(tmp_path, files)
    for code in ("en", "hi"):
        out = stringio.StringIO()
        assert validate(folder, load_languages(ROOT / "theme" / "translations", [code])[0], out) == 1
        said = out.getvalue()
        assert len(said) < 5_000, said[:2_000]
        lines = said.splitlines()
        if code == "en":
            assert sum("expected a unit id from units.csv" in line for line in lines) == SHOWN_OF_A_KIND
            assert "  … and 49,995 more problems of this kind" in lines
            assert "  … and 24,995 more problems of this kind" in lines
            assert "“" + "y" * VALUE_LIMIT + "… (10,00,000 characters)”" in said
            assert said.rstrip().endswith("Nothing was built; correct them and run `make validate` again.")
        else:
            assert "49,995" in said and "10,00,000" in said
