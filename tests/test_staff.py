"""The path staff walk to publish a month: template, fill it in a spreadsheet, validate, build, see it."""

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date

import pytest
from babel.dates import format_date

from rankings.cli import main as cli
from sitebuild import FIXTURES, ROOT, build, parse, read


@pytest.fixture
def data(tmp_path):
    """The small fixture as a committed git repository, as staff have it."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", folder)
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=folder, check=True)
    return folder


def fill(template_text, marks):
    """What staff do in the spreadsheet: marks and max_marks for every row of the template."""
    rows = list(csv.DictReader(io.StringIO(template_text.lstrip("\ufeff"))))
    for row in rows:
        row["marks"], row["max_marks"] = marks.get(row["unit_id"], ("90", "90") if row["level"] == "station"
                                                   else ("125", "125"))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_template_fill_validate_build_and_find_the_month(data, tmp_path, capsys):
    assert cli(["template", "--data", str(data), "--series", "police", "--month", "2025-01", "--lang", "en"]) == 0
    template = (data / "police" / "2025-01.csv").read_text(encoding="utf-8-sig")
    header = template.splitlines()[0].split(",")
    # The names in the order units.csv has them (the vocabulary's), then what staff fill in.
    assert header[:6] == ["unit_id", "name_en", "name_hi", "level", "marks", "max_marks"]
    ids = [line.split(",")[0] for line in template.splitlines()[1:]]
    assert ids[:2] == ["agra-zone", "kanpur-zone"] and ids[-1] == "kanpur-dehat-akbarpur"  # by hierarchy
    # It refuses to overwrite.
    assert cli(["template", "--data", str(data), "--series", "police", "--month", "2025-01", "--lang", "en"]) == 2

    filled = fill(template, {"kanpur-commissionerate-chaubepur": ("45", "90")})
    (data / "police" / "2025-01.csv").write_text(filled, encoding="utf-8")
    capsys.readouterr()
    assert cli(["validate", "--data", str(data), "--lang", "en"]) == 0
    preview = capsys.readouterr().out
    assert "New month: IGRS ranking of police units, January 2025" in preview
    assert "Police stations: 7 ranked, 6 at rank 1; max marks 90; lowest 50%" in preview
    # Akbarpur: rank 6 in December (97.78 %), rank 1 now with five others (100 %).
    assert "rises: Akbarpur rank 1 (6 joint) ▲5 (+2.22)" in preview
    assert "Districts and commissionerates: 4 ranked" in preview

    site = build(data, tmp_path / "output")
    home = parse(read(site, "en/")).visible_text
    assert "IGRS ranking of police units : January 2025" in home
    station = parse(read(site, "en/station/kanpur-commissionerate-chaubepur/")).visible_text
    assert "January 2025 7 /7" in station


def test_validate_reports_in_hindi_grouped_by_file_with_a_count(data, capsys):
    (data / "police" / "2024-12.csv").write_text("unit_id,marks,max_marks\nkanpur-zone,abc,125\n", encoding="utf-8")
    (data / "district-admin" / "2024-12.csv").write_text("unit_id,marks,max_marks\nnobody,1,2\n", encoding="utf-8")
    assert cli(["validate", "--data", str(data), "--lang", "hi"]) == 1
    out = capsys.readouterr().out
    assert "\ndistrict-admin/2024-12.csv\n  district-admin/2024-12.csv:2 · कॉलम unit_id · “nobody”:" in out
    assert "police/2024-12.csv:2 · कॉलम marks · “abc”: अपेक्षित: 0 या उससे बड़ी संख्या" in out
    assert out.rstrip().splitlines()[-1].startswith("2 फ़ाइलों में 2 समस्याएँ")


def test_validate_counts_one_problem_in_the_singular(data, capsys):
    (data / "police" / "2024-12.csv").write_text("unit_id,marks,max_marks\nkanpur-zone,125,12 5\n", encoding="utf-8")
    assert cli(["validate", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "police/2024-12.csv:2 · column max_marks · “12 5”: expected a number > 0" in out
    assert out.rstrip().splitlines()[-1].startswith("1 problem in 1 file. Nothing was built")
    assert cli(["validate", "--data", str(data), "--lang", "hi"]) == 1
    assert capsys.readouterr().out.rstrip().splitlines()[-1].startswith("1 फ़ाइल में 1 समस्या।")


@pytest.mark.parametrize("damage", ["bom_crlf_trailing", "utf16", "cp1252"])
def test_spreadsheet_saves(data, tmp_path, capsys, damage):
    text = "unit_id,name_hi,marks,max_marks\r\nkanpur-zone, कानपुर ज़ोन ,125 , 125\r\nagra-zone,आगरा ज़ोन,120,125\r\n"
    file = data / "police" / "2025-01.csv"
    if damage == "bom_crlf_trailing":
        file.write_bytes(("\ufeff" + text.replace("\r\n", ",,\r\n") + ",,,,,\r\n,,,,,\r\n").encode("utf-8"))
        assert cli(["validate", "--data", str(data), "--lang", "en"]) == 0
        site = build(data, tmp_path / "output")
        assert "January 2025 1 /2" in parse(read(site, "en/zone/kanpur-zone/")).visible_text
        return
    file.write_bytes(text.encode("utf-16") if damage == "utf16" else text.replace("कानपुर ज़ोन", "Kanpur").replace(
        "आगरा ज़ोन", "Agra é").encode("cp1252"))
    assert cli(["validate", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert out.count("police/2025-01.csv") == 2  # the heading and one problem: one clear message
    assert "save it again as “CSV UTF-8”" in out


def test_devserver_rebuilds_when_a_csv_changes(data, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "devserver.py"), "--data", str(data), "--output",
         str(tmp_path / "output"), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = iter(server.stdout.readline, "")
        assert any("serving" in line for line in lines)
        url = f"http://127.0.0.1:{port}/en/station/kanpur-commissionerate-chaubepur/"
        assert "75.56/90" in urllib.request.urlopen(url).read().decode()
        time.sleep(0.5)
        december = data / "police" / "2024-12.csv"
        december.write_text(december.read_text(encoding="utf-8").replace("75.56,90", "80.5,90"), encoding="utf-8")
        assert any("site rebuilt" in line for line in lines)
        assert "80.5/90" in urllib.request.urlopen(url).read().decode()
    finally:
        server.terminate()
        server.wait(10)


def test_a_corrected_month_says_so_and_when(data, tmp_path):
    december = data / "police" / "2024-12.csv"
    december.write_text(december.read_text(encoding="utf-8").replace("75.56,90", "80.5,90"), encoding="utf-8")
    env = ["-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", *env, "commit", "-qam", "Correct Chaubepur's marks"], cwd=data, check=True,
                   env={"GIT_COMMITTER_DATE": "2025-01-09T10:00:00", "PATH": "/usr/bin:/bin"})
    site = build(data, tmp_path / "output")
    first = subprocess.run(["git", "log", "--format=%cs", "--reverse"], cwd=data, capture_output=True, text=True,
                           check=True).stdout.split()[0]
    first_en = format_date(date.fromisoformat(first), "long", locale="en_IN")  # the day the fixture was committed
    # Chaubepur 75.56 → 80.5 of 90: 83.96 % → 89.44 %, still 7th of 7; no other station's figures moved.
    month = parse(read(site, "en/police/2024-12/")).visible_text
    assert (f"Corrected on 9 January 2025: first published on {first_en}, the figures of 1 unit changed after that."
            in month)
    assert "Chaubepur (Kanpur Commissionerate) 75.56/90 → 80.5/90 83.96% → 89.44% 7 → 7" in month
    assert "9 जनवरी 2025 को संशोधित" in parse(read(site, "police/2024-12/")).visible_text
    assert "Corrected" not in read(site, "en/police/2024-11/")
    # The unit's own page says it where its figures are, in both languages.
    chaubepur = parse(read(site, "en/station/kanpur-commissionerate-chaubepur/")).visible_text
    assert (f"The figures of December 2024 were corrected on 9 January 2025 (first published on {first_en}): "
            "marks 75.56/90 → 80.5/90, percent 83.96% → 89.44%, rank 7 → 7." in chaubepur)
    assert "दिसंबर 2024 के आँकड़े 9 जनवरी 2025 को संशोधित हुए" in parse(
        read(site, "station/kanpur-commissionerate-chaubepur/")).visible_text
    # December is the latest police month: the home page says so too; a unit whose figures did not change does not.
    assert "The figures of December 2024 were corrected on 9 January 2025: those of 1 unit changed." in parse(
        read(site, "en/")).visible_text
    assert "corrected" not in read(site, "en/station/kanpur-commissionerate-gwaltoli/")
    assert "the data last changed on 9 January 2025" in parse(read(site, "en/police/2024-12/")).visible_text
    assert f"the data last changed on {first_en}" in parse(read(site, "en/police/2024-11/")).visible_text


def test_a_correction_that_moves_ranks_tells_each_unit_that_moved(data, tmp_path):
    """Chaubepur corrected from 75.56 to 90 of 90 in December: it joins the five at rank 1, and Akbarpur (97.78 %)
    falls from 6th to 7th. A correction that adds a level changes nothing published and is not one."""
    december = data / "police" / "2024-12.csv"
    december.write_text(december.read_text(encoding="utf-8").replace("75.56,90", "90,90"), encoding="utf-8")
    admin = data / "district-admin" / "2024-11.csv"
    admin.write_text(admin.read_text(encoding="utf-8") + "kanpur-nagar-bilhaur,40,50\n", encoding="utf-8")
    env = ["-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", *env, "commit", "-qam", "Correct Chaubepur; add a tehsil"], cwd=data, check=True,
                   env={"GIT_COMMITTER_DATE": "2025-01-09T10:00:00", "PATH": "/usr/bin:/bin"})
    site = build(data, tmp_path / "output")
    month = parse(read(site, "en/police/2024-12/")).visible_text
    assert "the figures of 2 units changed after that" in month
    assert "Chaubepur (Kanpur Commissionerate) 75.56/90 → 90/90 83.96% → 100% 7 → 1" in month
    assert "Akbarpur (Kanpur Dehat) 88/90 → 88/90 97.78% → 97.78% 6 → 7" in month
    assert "rank 6 → 7." in parse(read(site, "en/station/kanpur-dehat-akbarpur/")).visible_text
    assert "Corrected" not in read(site, "en/district-admin/2024-11/")


def test_preview_tells_apart_stations_of_the_same_name():
    import pandas as pd

    from rankings.cli import distinct_names, language_for

    units = pd.DataFrame({
        "level": ["district", "district", "station", "station", "station"],
        "parent": [None, None, "etawah", "baghpat", "etawah"],
        "name_hi": ["इटावा", "बागपत", "जलालपुर", "जलालपुर", "इटवा"],
        "name_en": ["Etawah", "Baghpat", "Jalalpur", "Jalalpur", "Itwa"],
    }, index=pd.Index(["etawah", "baghpat", "etawah-jalalpur", "baghpat-jalalpur", "etawah-itwa"], name="unit_id"))
    assert list(distinct_names(units, language_for("en"))) == [
        "Etawah", "Baghpat", "Jalalpur (Etawah)", "Jalalpur (Baghpat)", "Itwa"]
    assert distinct_names(units, language_for("hi"))["baghpat-jalalpur"] == "जलालपुर (बागपत)"


def test_messages_follow_the_system_language_unless_told():
    from rankings.cli import language_for

    assert language_for("", {"LANG": "hi_IN.UTF-8"}).code == "hi"
    assert language_for("", {"LANG": "en_IN.UTF-8", "LC_ALL": "hi_IN.UTF-8"}).code == "hi"
    assert language_for("", {"LANG": "hi_IN.UTF-8", "LC_MESSAGES": "C.UTF-8"}).code == "en"
    assert language_for("en", {"LANG": "hi_IN.UTF-8"}).code == "en"
    assert language_for("", {}).code == "en"


def test_a_template_not_filled_in_is_told_in_two_lines_and_the_next_month_is_the_default(data, capsys):
    assert cli(["template", "--data", str(data), "--series", "police", "--lang", "en"]) == 0
    assert "Wrote " in capsys.readouterr().out and (data / "police" / "2025-01.csv").exists()
    # The next call would write February, but January is still empty: it says so and writes nothing.
    assert cli(["template", "--data", str(data), "--series", "police", "--lang", "en"]) == 1
    assert not (data / "police" / "2025-02.csv").exists()
    capsys.readouterr()
    assert cli(["validate", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    rows = len((data / "police" / "2025-01.csv").read_text(encoding="utf-8-sig").splitlines())
    assert f"police/2025-01.csv:2–{rows} · column marks · “”: expected a value" in out
    assert f"police/2025-01.csv:2–{rows} · column max_marks · “”: expected a value" in out
    assert out.count("police/2025-01.csv:") == 2
    assert out.rstrip().splitlines()[-1].startswith(f"{2 * (rows - 1)} problems in 1 file.")
    assert cli(["template", "--data", str(data), "--lang", "en"]) == 1


def test_template_asks_which_series(data, capsys):
    assert cli(["template", "--data", str(data), "--lang", "en"]) == 2
    assert "Which series? make template SERIES=… with one of: police, district-admin." in capsys.readouterr().out


def test_devserver_compiles_a_changed_translation(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from devserver import compile_catalogs

    messages = tmp_path / "hi" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "messages.po").write_text('msgid "Rank"\nmsgstr "रैंक"\n', encoding="utf-8")
    compile_catalogs(tmp_path)
    import gettext
    with open(messages / "messages.mo", "rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Rank") == "रैंक"
    po = messages / "messages.po"
    po.write_text('msgid "Rank"\nmsgstr "क्रम"\n', encoding="utf-8")
    later = (messages / "messages.mo").stat().st_mtime + 1
    os.utime(po, (later, later))
    compile_catalogs(tmp_path)
    with open(messages / "messages.mo", "rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Rank") == "क्रम"


def test_a_shallow_clone_tells_no_corrections_rather_than_wrong_ones(data, tmp_path, caplog):
    """A shallow clone's single commit holds every file: read as history, every month would look published
    today. The build says it cannot tell, and tells nothing."""
    from rankings.site.model import build_model

    december = data / "police" / "2024-12.csv"
    december.write_text(december.read_text(encoding="utf-8").replace("75.56,90", "80.5,90"), encoding="utf-8")
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "Correct"], cwd=data,
                   check=True)
    assert build_model(data).corrections.by_month  # the full history tells the correction
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{data}", str(shallow)], check=True)
    told = build_model(shallow).corrections
    assert (told.by_month, told.last_changed, told.file_changed) == ({}, None, {})
    assert "shallow git clone" in caplog.text


@pytest.mark.parametrize("locale, said", [
    ("C.UTF-8", "Nothing was published: the data folder"),
    ("hi_IN.UTF-8", "कुछ भी प्रकाशित नहीं किया गया: डेटा फ़ोल्डर"),
])
def test_a_publish_build_deepens_a_shallow_clone_or_publishes_nothing(data, tmp_path, monkeypatch, locale, said):
    """GitLab clones shallow by default: a publish build then hid every correction, with a warning in a log no one
    reads. Now it fetches the history, and where it cannot (no remote to fetch from), nothing is published, and
    the message says how to clone, in the staff's language."""
    december = data / "police" / "2024-12.csv"
    december.write_text(december.read_text(encoding="utf-8").replace("75.56,90", "80.5,90"), encoding="utf-8")
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "Correct"], cwd=data,
                   check=True)
    monkeypatch.setenv("LC_ALL", locale)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{data}", str(shallow)], check=True)
    site = build(shallow, tmp_path / "deepened", RANKINGS_WHOLE_HISTORY=True)
    assert "Corrected on" in read(site, "en/police/2024-12/")  # the history fetched, the correction told
    assert subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=shallow, capture_output=True,
                          text=True).stdout.strip() == "false"
    cut_off = tmp_path / "cut-off"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{data}", str(cut_off)], check=True)
    subprocess.run(["git", "remote", "remove", "origin"], cwd=cut_off, check=True)
    published = build(FIXTURES / "small", tmp_path / "published")
    with pytest.raises(SystemExit) as stopped:
        build(cut_off, published, RANKINGS_WHOLE_HISTORY=True)
    assert said in str(stopped.value.code) and "GIT_DEPTH: 0" in str(stopped.value.code)
    assert "Corrected" not in read(published, "en/police/2024-12/")  # the site as it was


def test_make_html_keeps_the_settings_given_in_pelicanopts(tmp_path):
    """`make html PELICANOPTS="-e X=…"` dropped X: Pelican takes only the last -e, and the Makefile's own came
    after it. Now the data folder goes in the environment, and both are kept."""
    output = tmp_path / "output"
    done = subprocess.run(["make", "html", f"DATA={FIXTURES / 'small'}", f"OUTPUTDIR={output}",
                           "PELICANOPTS=-e RANKINGS_SAMPLE=false"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    page = (output / "en" / "station" / "kanpur-commissionerate-chaubepur" / "index.html").read_text()
    assert "Chaubepur" in page  # the data folder given with DATA=
    assert 'class="sample"' not in page  # the setting given with PELICANOPTS
