"""No input produces a traceback: the fixture's CSV files damaged at random (cells, bytes, rows, header names,
encodings, whole files), and every data folder either builds or is told about, problem by problem, with file
and line, while the site already built stays byte for byte as it was.

`make test` runs a fixed set of examples (derandomised); `make fuzz` runs many more, new ones each time
(FUZZ_EXAMPLES, default 2,000).
"""

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rankings.render.charts.kinds import spec_of
from rankings.render.language import load_languages
from rankings.site.model import build_model
from rankings.data.problems import DataError, describe, printable
from sitebuild import FIXTURES, ROOT, build, tree_digest

SMALL = FIXTURES / "small"
FILES = sorted(str(path.relative_to(SMALL)) for path in SMALL.rglob("*.csv"))
FUZZ = os.environ.get("FUZZ_EXAMPLES")
EXAMPLES = int(FUZZ) if FUZZ else 250
LANGUAGES = load_languages(ROOT / "theme" / "translations")

# Values a spreadsheet, a tired person or an attacker puts in a cell.
NASTY = ["", " ", "-0", "0", "1e308", "-1e308", "1e20", "12345678901234567890", "nan", "inf", "-inf", "1,5",
         "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "०१", "１２", "75.56", "90", "abc", "\x00", "\x1b[2J", "\u202e",
         "कानपुर", "Kanpur Nagar", "kanpur-nagar", "a" * 300, "\"", "\"\"", "'", "\n", "\r\n", ",", "police",
         "station", "en", "2024-12", "0000-01"]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=12), st.integers(-10**22, 10**22).map(str),
                   st.floats().map(repr))


def rows_of(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig", errors="replace"), newline="")))


def as_csv(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@st.composite
def damage(draw, data):
    """One file's bytes, damaged one way."""
    kind = draw(st.sampled_from(["cell", "cell", "cell", "header", "rows", "bytes", "encoding", "truncate"]))
    rows = rows_of(data)
    if kind in ("cell", "header") and rows:
        r = 0 if kind == "header" else draw(st.integers(0, len(rows) - 1))
        if rows[r]:
            rows[r][draw(st.integers(0, len(rows[r]) - 1))] = draw(values)
        return as_csv(rows)
    if kind == "rows" and len(rows) > 1:
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "add", "only header"]))
        i, j = draw(st.integers(1, len(rows) - 1)), draw(st.integers(1, len(rows) - 1))
        if action == "delete":
            del rows[i]
        elif action == "duplicate":
            rows.insert(j, list(rows[i]))
        elif action == "swap":
            rows[i], rows[j] = rows[j], rows[i]
        elif action == "add":
            rows.append([draw(values) for _ in range(draw(st.integers(0, len(rows[0]) + 2)))])
        else:
            rows = rows[:1]
        return as_csv(rows)
    if kind == "bytes" and data:
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + draw(st.binary(max_size=4)) + data[at + draw(st.integers(0, 3)):]
    if kind == "encoding":
        text = data.decode("utf-8-sig")
        return text.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "cp1252", "latin-1", "utf-8-sig"])),
                           errors="replace")
    return data[:draw(st.integers(0, len(data)))]


@st.composite
def damaged_folder(draw):
    """{path: bytes or None (removed)} for the files changed: one to three of them, damaged or removed, and
    maybe a file where none belongs."""
    changes = {}
    for name in draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=3, unique=True)):
        data = (SMALL / name).read_bytes()
        changes[name] = None if draw(st.integers(0, 15)) == 0 else draw(damage(data))
    if draw(st.integers(0, 7)) == 0:
        changes[draw(st.sampled_from(["police/2024-1.csv", "police/2099-01.csv", "police/notes.txt",
                                      "somewhere/2024-12.csv", "police/2024-10.xlsx"]))] = b"unit_id,marks,max_marks\n"
    return changes


def write(folder, changes):
    shutil.copytree(SMALL, folder)
    for name, data in changes.items():
        path = folder / name
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return folder


def assert_told_or_modelled(folder):
    """Either every problem is told with its file (and line where a line applies) in both languages, or the
    model and every page's charts are made."""
    try:
        model = build_model(folder, with_corrections=False)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file and (problem.line is None or problem.line >= 1), problem
            for language in LANGUAGES:
                line = describe(problem, language.gettext)
                assert printable(problem.file) in line and "\x1b" not in line and "\x00" not in line
        return False
    for page in model.pages():
        for chart in page.charts.values():
            spec_of(chart)
    return True


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not FUZZ, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(damaged_folder())
def test_damaged_data_is_told_about_or_modelled_never_a_traceback(changes):
    with tempfile.TemporaryDirectory() as root:
        assert_told_or_modelled(write(Path(root) / "data", changes))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A site built from the fixture, and a copy of it to compare with after every build that is refused."""
    root = tmp_path_factory.mktemp("fuzz-site")
    output = build(SMALL, root / "output")
    return output, tree_digest(output)


@settings(max_examples=max(EXAMPLES // 10, 20), deadline=None, derandomize=not FUZZ, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(damaged_folder())
def test_a_damaged_folder_builds_or_leaves_the_published_site_as_it_was(published, changes):
    output, before = published
    with tempfile.TemporaryDirectory() as root:
        data = write(Path(root) / "data", changes)
        try:
            build(data, output)
        except SystemExit as stopped:
            assert stopped.code, "a refused build says so"
            assert tree_digest(output) == before
        else:
            assert (output / "index.html").is_file()
            build(SMALL, output)  # back to the published site for the next example
            assert tree_digest(output) == before
