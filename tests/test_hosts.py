"""The host the site is deployed to (RANKINGS_HOST): its documented limits are checked before a new site is
published, a site that does not fit is told in the staff's language and never published, and the host decides
what pictures a publish build draws."""

import pytest

from rankings import hosts
from rankings.render.language import load_languages
from rankings.settings import setting
from sitebuild import FIXTURES, ROOT, build, tree_digest

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
    assert hosts.beyond_limits(size, host, english) == [
        "The site has 3 files; Tiny Pages takes at most 2.",
        "The site is 2.51 MB; Tiny Pages takes at most 2 MB.",
        "big.csv is 2.5 MB; Tiny Pages takes files of at most 1 MB.",
    ]
    assert hosts.beyond_limits(size, host, hindi)[0] == "साइट में 3 फ़ाइलें हैं; Tiny Pages पर अधिकतम 2 फ़ाइलें ही रखी जा सकती हैं।"
    assert hosts.beyond_limits(hosts.SiteSize(2, 2_000_000, 1_000_000, "a"), host, english) == []  # at the limit
    # A figure just over a limit is never rounded down into it, nor a limit up.
    assert hosts.beyond_limits(hosts.SiteSize(2, 2_000_001, 1, "a"), host, english) == [
        "The site is 2.01 MB; Tiny Pages takes at most 2 MB."]
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
    ({"files": 100}, "C.UTF-8", ["files; Tiny Pages takes at most 100.", "Nothing was published",
                                 "RANKINGS_SHARE_IMAGES = False"]),
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


def test_an_unknown_host_stops_the_build_before_it_writes(tmp_path):
    with pytest.raises(SystemExit) as stopped:
        build(FIXTURES / "small", tmp_path / "output", RANKINGS_HOST="geocities")
    assert "RANKINGS_HOST is 'geocities'; it must be one of: github-pages, gitlab-pages" in str(stopped.value.code)
    assert not (tmp_path / "output").exists()
