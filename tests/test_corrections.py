"""What git's history of the data folder tells (ranking/corrections.py), in the histories staff really make: a copy of a
file committed by mistake, a first version that never validated, a file deleted and added again, a fix made
while merging, folders with Hindi names, a hook's GIT_DIR, a repository git will not read. Each case once told
a wrong date, lost every correction without a word, or stopped every build."""

import logging
import os
import shutil
import subprocess

import pytest

from rankings.ranking import corrections
from rankings.cli import validate
from rankings.render.language import load_languages
from rankings.site.model import build_model
from sitebuild import FIXTURES, ROOT, build, read

DECEMBER = "police/2024-12.csv"


class Repository:
    """A git repository holding the small fixture in a data folder, committed on dates the test chooses."""

    def __init__(self, root, data="data", held_back=None):
        self.root = root
        self.data = root / data
        shutil.copytree(FIXTURES / "small", self.data)
        self.held_back = held_back and (self.data / held_back).read_text(encoding="utf-8")
        if held_back:
            (self.data / held_back).unlink()
        self.git("init", "-q", "-b", "main")
        self.commit("2024-12-31", "The fixture")

    def git(self, *arguments, date="2025-01-01", check=True):
        env = {"PATH": os.environ["PATH"], "HOME": str(self.root), "GIT_COMMITTER_DATE": f"{date}T10:00:00",
               "GIT_AUTHOR_DATE": f"{date}T10:00:00"}
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *arguments], cwd=self.root,
                              env=env, check=check, capture_output=True, text=True)

    def commit(self, date, message):
        self.git("add", "-A", date=date)
        self.git("commit", "-qm", message, "--allow-empty", date=date)

    def change(self, path, old, new):
        file = self.data / path
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, path, text):
        (self.data / path).write_text(text, encoding="utf-8")

    def corrections(self, cache=None):
        return (build_model(self.data, cache=cache) if cache else build_model(self.data)).corrections.by_month


@pytest.fixture
def repo(tmp_path):
    return Repository(tmp_path)


def test_files_in_the_history_that_are_not_months_are_ignored_and_named_once(repo, tmp_path, capsys):
    for name in ("2024-12 (1).csv", "old.csv", "--output=x.csv", "2024-13.csv"):
        repo.write(f"police/{name}", (repo.data / DECEMBER).read_text(encoding="utf-8"))
    repo.commit("2025-01-02", "Copies by mistake")
    for name in ("2024-12 (1).csv", "old.csv", "--output=x.csv", "2024-13.csv"):
        (repo.data / "police" / name).unlink()
    repo.commit("2025-01-03", "Removed")
    english = load_languages(ROOT / "theme" / "translations", ["en"])[0]
    assert validate(repo.data, english) == 0
    said = capsys.readouterr().out
    assert said.count("files that are not months") == 1
    assert "police/2024-12 (1).csv" in said and "police/2024-13.csv" in said and "police/--output=x.csv" in said
    site = build(repo.data, tmp_path / "output")  # once stopped with ValueError '12 (1)'
    assert "Corrected" not in read(site, "en/police/2024-12/")


def test_a_first_version_that_never_validated_was_not_published(tmp_path):
    """Committed on 1 Jan with an id typo (it could not build), fixed on 2 Jan: published on 2 Jan, never
    corrected."""
    repo = Repository(tmp_path, held_back=DECEMBER)
    repo.write(DECEMBER, repo.held_back.replace("kanpur-commissionerate-chaubepur,", "kanpur-commisionerate-chaubepur,"))
    repo.commit("2025-01-01", "December, with a typo")
    repo.change(DECEMBER, "kanpur-commisionerate-chaubepur,", "kanpur-commissionerate-chaubepur,")
    repo.commit("2025-01-02", "Typo fixed")
    assert repo.corrections() == {}
    # A real correction after it is dated from the first version that validated.
    repo.change(DECEMBER, "75.56,90", "80.5,90")
    repo.commit("2025-01-09", "Correct Chaubepur")
    correction = repo.corrections()[("police", "2024-12")]
    assert (correction.first_published, correction.corrected_on) == ("2025-01-02", "2025-01-09")
    assert list(correction.changes) == ["kanpur-commissionerate-chaubepur"]


def test_a_file_deleted_and_added_again_with_new_marks_was_corrected_when_added(repo):
    text = (repo.data / DECEMBER).read_text(encoding="utf-8")
    (repo.data / DECEMBER).unlink()
    repo.commit("2025-01-05", "December removed")
    repo.write(DECEMBER, text.replace("75.56,90", "80.5,90"))
    repo.commit("2025-01-10", "December again, corrected")
    correction = repo.corrections()[("police", "2024-12")]
    assert (correction.first_published, correction.corrected_on) == ("2024-12-31", "2025-01-10")


def test_a_file_deleted_and_added_again_as_it_was_is_not_corrected(repo):
    text = (repo.data / DECEMBER).read_text(encoding="utf-8")
    (repo.data / DECEMBER).unlink()
    repo.commit("2025-01-05", "December removed")
    repo.write(DECEMBER, text)
    repo.commit("2025-01-10", "December back")
    assert repo.corrections() == {}


def test_a_fix_made_while_merging_is_dated_by_the_merge(repo):
    repo.git("checkout", "-q", "-b", "side")
    repo.change(DECEMBER, "75.56,90", "70,90")
    repo.commit("2025-01-03", "Side: Chaubepur 70")
    repo.git("checkout", "-q", "main")
    repo.change(DECEMBER, "75.56,90", "72,90")
    repo.commit("2025-01-04", "Main: Chaubepur 72")
    assert repo.git("merge", "-q", "side", check=False, date="2025-01-07").returncode != 0  # a conflict
    text = (repo.data / DECEMBER).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
             and "kanpur-commissionerate-chaubepur," not in line]
    repo.write(DECEMBER, "".join(lines) + "kanpur-commissionerate-chaubepur,80.5,90,,,,,\n")
    repo.commit("2025-01-07", "Merge: Chaubepur is 80.5")
    correction = repo.corrections()[("police", "2024-12")]
    assert correction.corrected_on == "2025-01-07"
    assert correction.changes["kanpur-commissionerate-chaubepur"]["new"]["marks"] == 80.5


@pytest.mark.parametrize("folder", ["आँकड़े", 'data "2025"'])
def test_a_data_folder_of_any_name_keeps_its_corrections(tmp_path, folder):
    repo = Repository(tmp_path, folder)
    repo.change(DECEMBER, "75.56,90", "80.5,90")
    repo.commit("2025-01-09", "Correct")
    model = build_model(repo.data)
    assert model.corrections.by_month[("police", "2024-12")].corrected_on == "2025-01-09"
    assert model.corrections.file_changed[("police", "2024-12")] == "2025-01-09"
    assert model.corrections.last_changed == "2025-01-09"


def test_a_hooks_git_dir_does_not_hide_the_history(repo, monkeypatch):
    repo.change(DECEMBER, "75.56,90", "80.5,90")
    repo.commit("2025-01-09", "Correct")
    monkeypatch.setenv("GIT_DIR", ".git")  # as git sets it for a hook, relative to the repository's top
    monkeypatch.setenv("GIT_INDEX_FILE", ".git/index")
    assert repo.corrections()[("police", "2024-12")].corrected_on == "2025-01-09"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the repository to another owner")
def test_a_repository_git_will_not_read_is_said_in_the_log(repo, caplog):
    repo.change(DECEMBER, "75.56,90", "80.5,90")
    repo.commit("2025-01-09", "Correct")
    subprocess.run(["chown", "-R", "65534:65534", str(repo.root)], check=True)
    with caplog.at_level(logging.WARNING):
        model = build_model(repo.data)
    assert model.corrections.by_month == {}
    assert "git could not read the history" in caplog.text and "dubious ownership" in caplog.text


def test_no_git_says_so_without_a_warning(tmp_path, caplog):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", data)
    with caplog.at_level(logging.INFO):
        told = build_model(data).corrections
    assert (told.by_month, told.last_changed) == ({}, None)
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_each_version_is_checked_once_then_kept_in_the_cache(repo, tmp_path, monkeypatch):
    """30 versions of one month: each is read once; the next build reads none (it once ranked all 30 each time)."""
    for marks in range(60, 90):
        repo.change(DECEMBER, "kanpur-commissionerate-chaubepur," + (f"{marks - 1},90" if marks > 60 else "75.56,90"),
                    f"kanpur-commissionerate-chaubepur,{marks},90")
        repo.commit(f"2025-01-{marks - 59:02d}", f"Chaubepur {marks}")
    calls = []
    checked = corrections.Versions._validated
    monkeypatch.setattr(corrections.Versions, "_validated", lambda self, *a: calls.append(a[:2]) or checked(self, *a))
    cache = tmp_path / "cache"
    correction = repo.corrections(cache)[("police", "2024-12")]
    assert (correction.first_published, correction.corrected_on) == ("2024-12-31", "2025-01-30")
    assert 0 < len(calls) <= 3  # the first version, the last, the one before it
    calls.clear()
    assert repo.corrections(cache)[("police", "2024-12")] == correction
    assert calls == []


def test_a_correction_is_still_told_after_a_name_is_corrected_or_an_id_renamed(repo, tmp_path, monkeypatch):
    """The old versions are checked against today's units.csv: a name corrected since (which the month files echo)
    or an id renamed (formerly) once made every old version "never published", and the correction vanished."""
    admin = "district-admin/2024-12.csv"
    repo.change(admin, "kanpur-dehat,Kanpur Dehat,110,", "kanpur-dehat,Kanpur Dehat,100,")
    repo.change(DECEMBER, "75.56,90", "80.5,90")
    repo.commit("2025-01-09", "Corrected")
    cache = tmp_path / "cache"
    told = repo.corrections(cache)
    assert set(told) == {("police", "2024-12"), ("district-admin", "2024-12")}
    # A name corrected in units.csv and in the files that echo it; an id renamed, its old one kept as formerly.
    for path in ["units.csv", *[str(file.relative_to(repo.data)) for file in repo.data.glob("*/*.csv")]]:
        text = (repo.data / path).read_text(encoding="utf-8")
        text = text.replace("Kanpur Dehat,", "Kanpur Dehat (Akbarpur),").replace(
            "kanpur-commissionerate-chaubepur,", "kanpur-commissionerate-chaubepur-thana,")
        (repo.data / path).write_text(text, encoding="utf-8")
    repo.change("units.csv", "kanpur-commissionerate-chaubepur-thana,station,kanpur-commissionerate,Chaubepur,चौबेपुर,,",
                "kanpur-commissionerate-chaubepur-thana,station,kanpur-commissionerate,Chaubepur,चौबेपुर,"
                "kanpur-commissionerate-chaubepur,")
    repo.commit("2025-01-12", "Kanpur Dehat's name, Chaubepur's id")
    calls = []
    checked = corrections.Versions._validated
    monkeypatch.setattr(corrections.Versions, "_validated", lambda self, *a: calls.append(a[:2]) or checked(self, *a))
    told = repo.corrections(cache)
    police, admin_told = told[("police", "2024-12")], told[("district-admin", "2024-12")]
    assert (police.first_published, police.corrected_on) == ("2024-12-31", "2025-01-09")
    assert police.changes["kanpur-commissionerate-chaubepur-thana"]["old"]["marks"] == 75.56
    assert (admin_told.first_published, admin_told.corrected_on) == ("2024-12-31", "2025-01-09")
    assert admin_told.changes["kanpur-dehat"]["new"]["marks"] == 100
    # The versions were checked again only because an id was renamed; a name alone keeps the cache.
    assert calls
    calls.clear()
    for path in ["units.csv", *[str(file.relative_to(repo.data)) for file in repo.data.glob("*/*.csv")]]:
        text = (repo.data / path).read_text(encoding="utf-8")
        (repo.data / path).write_text(text.replace(",कानपुर देहात,", ",कानपुर देहात (अकबरपुर),"), encoding="utf-8")
    repo.commit("2025-01-13", "Kanpur Dehat's Hindi name")
    assert repo.corrections(cache) == told and calls == []


def test_a_version_that_would_not_have_validated_is_said_in_the_log(tmp_path, caplog):
    repo = Repository(tmp_path, held_back=DECEMBER)
    repo.write(DECEMBER, repo.held_back.replace("kanpur-commissionerate-chaubepur,", "kanpur-commisionerate-chaubepur,"))
    repo.commit("2025-01-01", "December, with a typo")
    repo.change(DECEMBER, "kanpur-commisionerate-chaubepur,", "kanpur-commissionerate-chaubepur,")
    repo.commit("2025-01-02", "Typo fixed")
    with caplog.at_level(logging.INFO):
        assert repo.corrections() == {}
    assert "An earlier version of police/2024-12.csv" in caplog.text and "kanpur-commisionerate-chaubepur" in caplog.text


def test_the_log_is_read_with_merges_deletions_and_odd_names():
    blob = "a" * 40
    log = ("\x00commit " + "1" * 40 + " 2025-01-10\x00\n:000000 100644 " + "0" * 40 + f" {blob} A\x00police/2024-12.csv"
           "\x00:100644 000000 " + f"{blob} " + "0" * 40 + " D\x00police/2024-12 (1).csv"
           "\x00:100644 100644 " + f"{blob} {blob} M\x00units.csv"
           "\x00\x00commit " + "2" * 40 + " 2025-01-05\x00\n:100644 000000 " + f"{blob} " + "0" * 40
           + " D\x00police/2024-12.csv\x00")
    found = corrections.parse_log(log)
    assert found.versions == {("police", "2024-12"): [corrections.Version("2" * 40, "2025-01-05", None),
                                                       corrections.Version("1" * 40, "2025-01-10", blob)]}
    assert found.not_months == ("police/2024-12 (1).csv",)
    assert found.last_changed == "2025-01-10"
