"""The host the site is deployed to (RANKINGS_HOST): its documented limits are checked before a new site is
published, a site that does not fit is told in the staff's language and never published, and the host decides
what pictures a publish build draws."""

import pytest

from rankings import hosts
from rankings.render.language import load_languages
from rankings.settings import setting
from sitebuild import FIXTURES, ROOT, build, read, read_csv, tree_digest

TRANSLATIONS = ROOT / "theme" / "translations"


def test_a_site_is_measured_file_by_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b"x" * 300)
    (tmp_path / "big.csv").write_bytes(b"x" * 2_500_000)
    (tmp_path / "robots.txt").write_bytes(b"")
    size = hosts.measure(tmp_path)
    assert (size.files, size.total_bytes, size.largest_bytes, size.largest) == (3, 2_500_300, 2_500_000, "big.csv")


def test_each_limit_passed_is_said_with_its_figure():
    english, hindi = load_languages(TRANSLATIONS, ("en", "hi"))
    host = hosts.Host("Tiny Pages", files=2, total_bytes=2_000_000, file_bytes=1_000_000)
    size = hosts.SiteSize(files=3, total_bytes=2_500_300, largest_bytes=2_500_000, largest="big.csv")
    assert [message for message, _ in hosts.beyond_limits(size, host, english)] == [
        "The site has 3 files; Tiny Pages takes at most 2.",
        "The site is 2.51 MB; Tiny Pages takes at most 2 MB.",
        "big.csv is 2.5 MB; Tiny Pages takes files of at most 1 MB.",
    ]
    assert hosts.beyond_limits(size, host, hindi)[0][0] == \
        "साइट में 3 फ़ाइलें हैं; Tiny Pages पर अधिकतम 2 फ़ाइलें ही रखी जा सकती हैं।"
    assert hosts.beyond_limits(hosts.SiteSize(2, 2_000_000, 1_000_000, "a"), host, english) == []  # at the limit
    # A figure just over a limit is never rounded down into it, nor a limit up.
    assert [message for message, _ in hosts.beyond_limits(hosts.SiteSize(2, 2_000_001, 1, "a"), host, english)] == [
        "The site is 2.01 MB; Tiny Pages takes at most 2 MB."]


def test_the_advice_fits_the_limit_that_failed():
    """Cloudflare refused every build at ten years for its all-months CSV, and advised turning off the pictures,
    which were off there already."""
    english = load_languages(TRANSLATIONS, ("en",))[0]
    host = hosts.HOSTS["cloudflare-pages"]
    too_large = hosts.SiteSize(files=16_000, total_bytes=400_000_000, largest_bytes=28_800_000,
                               largest="data/police.csv")
    told = hosts.beyond_limits(too_large, host, english)
    everything_on = hosts.refusal(told, host, english, lambda name: True)
    assert everything_on.endswith("set in publishconf.py: RANKINGS_WHOLE_SERIES_CSV = False; or deploy elsewhere "
                                  "(RANKINGS_HOST, README: Deploying).") and "PNG" not in everything_on
    too_many = hosts.SiteSize(files=23_000, total_bytes=400_000_000, largest_bytes=1, largest="index.html")
    told = hosts.beyond_limits(too_many, host, english)
    assert "RANKINGS_SHARE_IMAGES = False; RANKINGS_CHART_PNG = False" in hosts.refusal(told, host, english,
                                                                                         lambda name: True)
    # The pictures already off (as Cloudflare has them): no setting helps, and the message says so.
    assert hosts.refusal(told, host, english, lambda name: False).endswith(
        "No setting makes it fit Cloudflare Pages: deploy elsewhere (RANKINGS_HOST, README: Deploying).")
    # A large file that is no series' whole file: no setting either.
    big_page = hosts.SiteSize(files=1, total_bytes=30_000_000, largest_bytes=30_000_000, largest="police/index.html")
    assert "No setting" in hosts.refusal(hosts.beyond_limits(big_page, host, english), host, english, lambda n: True)
    assert hosts.megabytes(hosts.HOSTS["cloudflare-pages"].file_bytes, up=False) == 26.21  # 25 MiB


def test_the_host_decides_the_pictures_unless_a_setting_says():
    assert setting({"RANKINGS_HOST": "github-pages"}, "RANKINGS_CHART_PNG") is True
    assert setting({"RANKINGS_HOST": "github-pages"}, "RANKINGS_SHARE_IMAGES") is True
    assert setting({"RANKINGS_HOST": "cloudflare-pages"}, "RANKINGS_CHART_PNG") is False  # 20,000 files
    assert setting({"RANKINGS_HOST": "cloudflare-pages"}, "RANKINGS_SHARE_IMAGES") is False
    assert setting({"RANKINGS_HOST": "none"}, "RANKINGS_CHART_PNG") is False  # a local build
    assert setting({"RANKINGS_HOST": "cloudflare-pages", "RANKINGS_CHART_PNG": True}, "RANKINGS_CHART_PNG") is True
    assert setting({}, "RANKINGS_HOST") == "github-pages"


@pytest.fixture
def published(tmp_path):
    output = build(FIXTURES / "small", tmp_path / "output")
    return output, tree_digest(output)


@pytest.mark.parametrize("limit, locale, said", [
    # make html draws no pictures: no setting makes it smaller, and the message does not pretend one would.
    ({"files": 100}, "C.UTF-8", ["files; Tiny Pages takes at most 100.", "Nothing was published",
                                 "No setting makes it fit Tiny Pages"]),
    # In the staff's language, as make validate speaks it.
    ({"total_bytes": 1_000_000}, "hi_IN.UTF-8", ["Tiny Pages पर अधिकतम 1 MB तक की साइट ही रखी जा सकती है।", "कुछ भी प्रकाशित नहीं किया गया"]),
])
def test_a_site_too_large_for_its_host_is_not_published(published, monkeypatch, limit, locale, said):
    output, before = published
    monkeypatch.setitem(hosts.HOSTS, "tiny-pages", hosts.Host("Tiny Pages", **limit))
    monkeypatch.setenv("LC_ALL", locale)
    with pytest.raises(SystemExit) as stopped:
        build(FIXTURES / "small", output, RANKINGS_HOST="tiny-pages", RANKINGS_SAMPLE=False)
    assert all(words in str(stopped.value.code) for words in said), stopped.value.code
    assert tree_digest(output) == before  # the published site, as it was


def test_a_site_that_fits_is_published(published):
    output, _ = published
    build(FIXTURES / "small", output, RANKINGS_HOST="cloudflare-pages", RANKINGS_SAMPLE=False)
    assert (output / "index.html").is_file()


@pytest.mark.parametrize("locale, said", [
    ("C.UTF-8", "Nothing was built: RANKINGS_HOST is “geocities”; it must be one of: github-pages, gitlab-pages"),
    ("hi_IN.UTF-8", "कुछ भी नहीं बनाया गया: RANKINGS_HOST “geocities” है; यह इनमें से कोई एक होना चाहिए: github-pages"),
])
def test_an_unknown_host_stops_the_build_before_it_writes(tmp_path, monkeypatch, locale, said):
    monkeypatch.setenv("LC_ALL", locale)  # in the staff's language: it was English under LANG=hi
    with pytest.raises(SystemExit) as stopped:
        build(FIXTURES / "small", tmp_path / "output", RANKINGS_HOST="geocities")
    assert said in str(stopped.value.code)
    assert not (tmp_path / "output").exists()


def test_on_cloudflare_each_year_is_a_file_and_the_whole_series_address_leads_to_them(tmp_path):
    """Every month of a series in one file passes Cloudflare's 25 MiB at ten years of real data (28.8 MB): there,
    each year's file, and the one file's address leads to the series' page, which lists them."""
    site = build(FIXTURES / "small", tmp_path / "output", conf="publishconf.py", RANKINGS_HOST="cloudflare-pages",
                 SITEURL="https://igrs.example.org/rankings")
    assert not (site / "data" / "police.csv").exists()
    assert (site / "_redirects").read_text().splitlines() == [
        "/rankings/data/police.csv https://igrs.example.org/rankings/police/#years 302",
        "/rankings/data/district-admin.csv https://igrs.example.org/rankings/district-admin/#years 302"]
    year = read_csv(site, "data/police/2024.csv")
    assert {row["month"] for row in year} == {"2024-08", "2024-09", "2024-11", "2024-12"}
    assert len(year) == sum(len(read_csv(site, f"data/police/{month}.csv")) for month in
                            ("2024-08", "2024-09", "2024-11", "2024-12"))
    page = read(site, "en/police/")
    assert 'id="years"' in page and "data/police/2024.csv" in page and "data/police.csv" not in page
    # Elsewhere both: the one file and each year's.
    site = build(FIXTURES / "small", tmp_path / "github" / "output")
    assert (site / "data" / "police.csv").is_file() and (site / "data" / "police" / "2024.csv").is_file()
    assert not (site / "_redirects").exists() and "data/police.csv" in read(site, "en/police/")
