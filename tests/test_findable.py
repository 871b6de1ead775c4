"""Find, share, cite and reuse every figure (issue 10), on the small fixture site, as a reader would.

The right answers come from the fixture's own files (tests/fixtures/small): a unit's CSV has one row for each
monthly file that ranks it, a series' CSV one row for each row of its monthly files.
"""

import csv
import re
import shutil
from collections import Counter

import pytest

from rankings.render import downloads
from rankings.data.vocabulary import LEVEL
from sitebuild import FIXTURES, ROOT, build, parse, read, read_csv, resolve

SMALL = FIXTURES / "small"
CHAUBEPUR = "kanpur-commissionerate-chaubepur"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(SMALL, tmp_path_factory.mktemp("small") / "output")


def month_files(series_id):
    """{month: [unit ids]} of a series' monthly files in the fixture."""
    return {path.stem: [row["unit_id"] for row in csv.DictReader(path.open(encoding="utf-8-sig"))]
            for path in sorted((SMALL / series_id).glob("*.csv"))}


def links_of(site, path):
    return {resolve(path, href) for href, _ in parse(read(site, path)).links}


# ---- downloads of a unit's history and of a series


def test_a_units_csv_holds_every_month_it_was_ranked_in_every_series(site):
    rows = read_csv(site, f"data/units/{CHAUBEPUR}.csv")
    expected = [("police", month) for month, units in month_files("police").items() if CHAUBEPUR in units]
    assert [(row["series"], row["month"]) for row in rows] == expected
    assert list(rows[0])[:3] == ["series", "month", "unit_id"]
    december = rows[-1]
    assert (december["marks"], december["max_marks"], december["percent"], december["rank"]) == (
        "75.56", "90", "83.96", "7")
    # A district ranked in both series: its rows of both, series by series, months in order.
    kanpur_nagar = read_csv(site, "data/units/kanpur-nagar.csv")
    expected = [(series, month) for series in ("police", "district-admin")
                for month, units in month_files(series).items() if "kanpur-nagar" in units]
    assert [(row["series"], row["month"]) for row in kanpur_nagar] == expected


def test_every_ranked_unit_has_its_csv_and_its_page_links_to_it(site):
    ranked = {unit for series in ("police", "district-admin") for units in month_files(series).values()
              for unit in units}
    files = {path.stem for path in (site / "data" / "units").glob("*.csv")}
    assert files == ranked
    for page in (f"station/{CHAUBEPUR}/", f"en/station/{CHAUBEPUR}/"):
        assert f"data/units/{CHAUBEPUR}.csv" in links_of(site, page)
    assert "Download the whole history of Chaubepur (CSV)" in parse(read(site, f"en/station/{CHAUBEPUR}/")).visible_text


def test_a_series_csv_holds_every_row_of_every_month_with_the_month_first(site):
    for series_id in ("police", "district-admin"):
        rows = read_csv(site, f"data/{series_id}.csv")
        months = month_files(series_id)
        assert Counter(row["month"] for row in rows) == {month: len(units) for month, units in months.items()}
        assert list(rows[0])[:2] == ["month", "unit_id"]
        assert [row["month"] for row in rows] == sorted(row["month"] for row in rows)
        # Each month's rows are that month's CSV, as it is published.
        for month in months:
            published = read_csv(site, f"data/{series_id}/{month}.csv")
            in_series = [{k: v for k, v in row.items() if k != "month"} for row in rows if row["month"] == month]
            assert in_series == [{k: row.get(k, "") for k in in_series[0]} for row in published]
        for page in (f"{series_id}/", f"en/{series_id}/"):
            assert f"data/{series_id}.csv" in links_of(site, page)


def test_no_cell_of_a_download_can_run_as_a_formula(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    units = (data / "units.csv").read_text(encoding="utf-8")
    hostile = {"Chaubepur": "=HYPERLINK(\"http://x\";\"y\")", "Akbarpur": "+1+2", "Gwaltoli": "-3+4",
               "Beconganj": "@SUM(A1:A2)", "Kotwali": "=1+1", "Civil Lines": "+SUM(1)",
               "Agra Zone": "-3", "Kanpur Range": "@A1"}
    # (Their full-width forms, ＝ ＋ － ＠, no longer validate: no font of the pictures draws them. The writer
    # quotes them all the same: test_text_cells_are_neutralised_as_owasp_says.)
    for name, value in hostile.items():
        quoted = '"' + value.replace('"', '""') + '"'
        units = units.replace(f",{name},", f",{quoted},", 1)
    (data / "units.csv").write_text(units, encoding="utf-8")
    site = build(data, tmp_path / "output")
    for path in ("data/police/2024-12.csv", "data/police.csv", f"data/units/{CHAUBEPUR}.csv"):
        names = {row["name_en"] for row in read_csv(site, path)}
        for value in hostile.values():
            if value == hostile["Chaubepur"] or path != f"data/units/{CHAUBEPUR}.csv":
                assert "'" + value in names, (path, value)
        assert not any(name.startswith(downloads.FORMULA_STARTS) for name in names), path
    # Numbers stay numbers: a fall is written -6, not '-6.
    assert read_csv(site, f"data/units/{CHAUBEPUR}.csv")[-1]["rank_change"] == "-6"


def test_text_cells_are_neutralised_as_owasp_says():
    assert [downloads.text_cell(v) for v in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx", "Kotwali", "", None)] == [
        "'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "Kotwali", "", ""]
    # Full-width and small forms, which spreadsheets in Asian locales take for the ASCII ones.
    assert [downloads.text_cell(v) for v in ("＝1", "＋1", "－1", "＠A1", "﹦1", "﹢1", "﹣1", "﹫A1", "１＝1")] == [
        "'＝1", "'＋1", "'－1", "'＠A1", "'﹦1", "'﹢1", "'﹣1", "'﹫A1", "１＝1"]


# ---- a link to exactly one line


def test_every_unit_of_a_month_has_its_unit_id_as_anchor(site):
    """A unit's line is a table row, or, at rank 1 in a grouped level (stations, tehsils), its name in the list
    of its district's units at rank 1: either way the anchor is on the unit's own line and nowhere else."""
    for path in ("police/2024-12/", "en/police/2024-12/", "district-admin/2024-12/"):
        page = read(site, path)
        series_id = path.split("/")[-3] if path.startswith("en/") else path.split("/")[0]
        published = {row["unit_id"]: row for row in read_csv(site, f"data/{series_id}/2024-12.csv")}
        assert set(published) == set(month_files(series_id)["2024-12"])
        for unit, row in published.items():
            assert len(re.findall(rf'\sid="{unit}"', page)) == 1, (path, unit)
            in_row = re.search(rf'<th id="{unit}" scope="row"><a href="[^"]*/{row["level"]}/{unit}/">', page)
            named = re.search(rf'<li><a id="{unit}" href="[^"]*/{row["level"]}/{unit}/">', page)
            if LEVEL[row["level"]].grouped and row["rank"] == "1":
                assert named and not in_row, (path, unit)
            else:
                assert in_row and not named, (path, unit)


def test_every_history_row_has_its_series_and_month_as_anchor(site):
    page = read(site, f"en/station/{CHAUBEPUR}/")
    for month in ("2024-08", "2024-09", "2024-10", "2024-11", "2024-12"):  # October: not published, still a row
        assert f'<tr id="police-{month}"' in page


def test_no_page_has_an_id_twice(site):
    for file in site.rglob("index.html"):
        ids = re.findall(r'\sid="([^"]+)"', file.read_text(encoding="utf-8"))
        repeated = [i for i, n in Counter(ids).items() if n > 1]
        assert not repeated, (file, repeated)


# ---- found by search engines


def sitemap_entries(site):
    """{loc: {hreflang: href}} of the sitemap."""
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        assert loc not in entries, f"{loc} listed twice"
        entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
    return entries


def test_the_sitemap_lists_every_page_once_with_its_other_language(site):
    base = "http://localhost:8000/"
    entries = sitemap_entries(site)
    pages = set()
    for file in site.rglob("index.html"):
        html = file.read_text(encoding="utf-8")
        folder = file.parent.relative_to(site).as_posix()
        url = base + ("" if folder == "." else folder + "/")
        if '<meta name="robots" content="noindex">' in html:
            assert url not in entries  # a former address that sends the reader on
            continue
        pages.add(url)
        # The page's own canonical and alternates are the sitemap's; a comparison's address is its query's, and
        # shared, it keeps it: no canonical address, nor og:url, without it.
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))
        if folder.endswith("compare"):
            assert not canonical and 'property="og:url"' not in html and entries[url] == alternates, url
            continue
        assert canonical[1] == url and entries[url] == alternates, url
    assert set(entries) == pages
    assert entries[base + f"station/{CHAUBEPUR}/"] == {"hi": base + f"station/{CHAUBEPUR}/",
                                                        "en": base + f"en/station/{CHAUBEPUR}/"}
    assert base + "en/data-format/" in entries  # the Markdown pages too
    assert (site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"


def test_a_rebuild_that_changes_nothing_lists_the_same_whole_site(tmp_path):
    site = build(SMALL, tmp_path / "output")
    before = (site / "sitemap.xml").read_text()
    page = site / "station" / CHAUBEPUR / "index.html"
    inode = page.stat().st_ino
    build(SMALL, site)
    assert page.stat().st_ino == inode  # kept as it was, not written again: announced all the same
    assert (site / "sitemap.xml").read_text() == before


def test_every_page_announces_the_feeds_in_its_head(tmp_path):
    site = build(SMALL, tmp_path / "output", RANKINGS_FEEDS=True)
    for path in ("", "en/", f"station/{CHAUBEPUR}/", "en/police/2024-12/", "en/about/", "district/"):
        head = read(site, path).split("</head>")[0]
        feeds = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">', head)
        prefix = "en/" if path.startswith("en/") else ""
        assert [href for _, href in feeds] == [f"http://localhost:8000/{prefix}feeds/police.atom.xml",
                                               f"http://localhost:8000/{prefix}feeds/district-admin.atom.xml"], path
        for _, href in feeds:
            assert (site / href.removeprefix("http://localhost:8000/")).is_file()


def test_404_is_one_page_in_both_languages_with_absolute_links_to_the_indexes(site):
    html = read(site, "404.html")
    assert '<meta name="robots" content="noindex">' in html
    text = parse(html).visible_text
    assert "पन्ना नहीं मिला" in text and "Page not found" in text
    assert '<section lang="hi">' in html and '<section lang="en">' in html
    hrefs = [href for href, _ in parse(html).links]
    # Served for a wrong link at any depth: every link is absolute.
    assert all(href.startswith(("http://localhost:8000/", "#")) for href in hrefs), hrefs
    for index in ("station/", "district/", "en/station/", "en/district/", "police/", "en/"):
        assert f"http://localhost:8000/{index}" in hrefs
    assert "http://localhost:8000/404.html" not in sitemap_entries(site)


# ---- cite and share


def test_month_pages_describe_their_dataset_in_json_ld(site):
    import json

    html = read(site, "en/police/2024-12/")
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    dataset = json.loads(found[0])
    assert dataset["@type"] == "Dataset" and dataset["temporalCoverage"] == "2024-12"
    assert dataset["name"] == "IGRS ranking of police units: December 2024"
    assert dataset["url"] == "http://localhost:8000/en/police/2024-12/"
    assert dataset["license"] == "https://data.gov.in/government-open-data-license-india"
    assert dataset["creator"]["url"] == "https://jansunwai.up.nic.in/"
    download = dataset["distribution"][0]
    assert download["@type"] == "DataDownload" and download["encodingFormat"] == "text/csv"
    assert download["contentUrl"] == "http://localhost:8000/data/police/2024-12.csv"
    assert (site / "data/police/2024-12.csv").is_file()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', read(site, "police/2024-12/"), re.S)
    hindi = json.loads(script.group(1))
    assert hindi["name"] == "पुलिस इकाइयों की आईजीआरएस रैंकिंग: दिसंबर 2024" and hindi["inLanguage"] == "hi"
    # Hindi as UTF-8 (3 bytes a letter), not \u escapes (6); what could end the <script> stays escaped.
    assert "पुलिस इकाइयों" in script.group(1) and "\\u09" not in script.group(1)
    assert not re.search(r"[<>&']", script.group(1))


def test_unit_and_month_pages_say_how_to_cite_them(site):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    today = datetime.now(ZoneInfo("Asia/Kolkata")).date()  # the build's day where the site is (TIMEZONE)
    text = parse(read(site, f"en/station/{CHAUBEPUR}/")).visible_text
    assert ("Cite this page IGRS rankings, Uttar Pradesh: “Chaubepur (Kanpur Commissionerate), Police station — "
            "IGRS ranking of police units”, figures up to December 2024. "
            f"http://localhost:8000/en/station/{CHAUBEPUR}/ (built on {today.day} {today:%B %Y}).") in text
    assert ("Licence: Government Open Data License – India (GODL) . "  # the text of a link, then "."
            "Source: IGRS (Jansunwai Samadhan) portal, Government of Uttar Pradesh .") in text
    hindi = parse(read(site, "police/2024-12/")).visible_text
    assert "इस पन्ने का हवाला दें आईजीआरएस रैंकिंग, उत्तर प्रदेश: “पुलिस इकाइयों की आईजीआरएस रैंकिंग: दिसंबर 2024”" in hindi
    assert "स्रोत: आईजीआरएस (जनसुनवाई समाधान) पोर्टल, उत्तर प्रदेश सरकार" in hindi


def test_the_licence_and_the_source_come_from_the_settings(tmp_path):
    site = build(SMALL, tmp_path / "output", RANKINGS_LICENCE={"url": "https://example.org/l", "name": "CC BY 4.0"},
                 RANKINGS_SOURCE={"url": "https://example.org/s", "name": {"en": "The source", "hi": "स्रोत"}})
    html = read(site, f"en/station/{CHAUBEPUR}/")
    assert '<a href="https://example.org/l" rel="license">CC BY 4.0</a>' in html
    assert '<a href="https://example.org/s">The source</a>' in html
    assert '<a href="https://example.org/s">स्रोत</a>' in read(site, f"station/{CHAUBEPUR}/")


def meta(html):
    return dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">', html))


def test_shared_links_show_a_title_with_the_district_and_the_latest_figures(site):
    tags = meta(read(site, f"en/station/{CHAUBEPUR}/"))
    assert tags["og:title"] == "Chaubepur (Kanpur Commissionerate) · Police station"
    # December 2024: 83.96 %, rank 7 of 7 alone, down 6 places from a shared rank 1 at 100 % (fixture notes).
    assert tags["og:description"] == ("December 2024: Rank 7 of 7 police stations; ▼6 (−16.04 percentage points); "
                                      "83.96% (IGRS ranking of police units)")
    assert tags["og:url"] == f"http://localhost:8000/en/station/{CHAUBEPUR}/"
    assert (tags["og:locale"], tags["og:locale:alternate"]) == ("en_IN", "hi_IN")
    assert tags["og:site_name"] == "IGRS rankings, Uttar Pradesh"
    kotwali = meta(read(site, "station/kanpur-commissionerate-kotwali/"))
    assert kotwali["og:description"].startswith("दिसंबर 2024: 7 थानों में रैंक 1, संयुक्त रूप से 4 अन्य के साथ; ▲5")
    month = meta(read(site, "en/police/2024-12/"))
    assert "5 of 7 police stations at rank 1" in month["og:description"]
    for path in ("", "en/about/", "district/", "404.html"):
        tags = meta(read(site, path))
        assert tags["og:title"] and tags["og:description"] and tags["twitter:card"], path


# ---- the search index (the browser tests search it as a reader does)


def test_spelling_variants_fold_to_one_form():
    from rankings.render.search import fold

    assert {fold(v) for v in ("Chaubepur", "choubepur", "chaubeypur", "CHAUBEPURR", "chobepur")} == {"chobepur"}
    assert fold("Kotwali") == fold("kotvali") == "kotvali"
    assert fold("Auraiya") == fold("Oraiya") == "oraiya"
    # Devanagari with or without nukta, chandrabindu or anusvara, a half nasal or anusvara.
    assert fold("ग़ाज़ीपुर") == fold("गाजीपुर") == "गाजीपुर"
    assert fold("झाँसी") == fold("झांसी") and fold("बुलन्दशहर") == fold("बुलंदशहर") and fold("कौशाम्बी") == fold("कौशांबी")


def test_a_units_words_and_whole_names_are_folded_split_and_each_given_once():
    from rankings.render.search import whole_names, words

    unit = {"name_en": "Kanpur Nagar", "name_hi": "कानपुर नगर"}
    roman = {"कानपुर नगर": "kanpur nagar"}
    # Each word once, folded; a name of several words also as one word, as a reader may type it.
    assert words(unit, roman) == ["kanpur", "kanpurnagar", "nagar", "कानपुर", "कानपुरनगर", "नगर"]
    assert whole_names(unit, roman) == ["kanpurnagar", "कानपुरनगर"]
    # A hyphen or a full stop parts words as a space does (site-search.js splits what is typed alike).
    hyphened = {"name_en": "Lakhimpur-Kheri", "name_hi": "लखीमपुर-खीरी", "other_names": ["Kheri"]}
    roman = {"लखीमपुर-खीरी": "lakhimpur-khiri"}
    assert words(hyphened, roman) == ["kheri", "khiri", "lakhimpur", "lakhimpurkheri", "lakhimpurkhiri", "खीरी",
                                      "लखीमपुर", "लखीमपुरखीरी"]
    assert whole_names(hyphened, roman) == ["kheri", "lakhimpurkheri", "lakhimpurkhiri", "लखीमपुरखीरी"]


def index_files(site):
    """The published search index: {language folder: {file name: its units and the units around them}}."""
    import json

    folder = site / "search"
    return {prefix: {file.name: json.loads(file.read_text(encoding="utf-8"))
                     for file in (folder / prefix).glob("*.json")} for prefix in ("", "en/")}


def test_every_unit_is_in_the_index_file_of_each_first_letter_a_query_for_it_may_begin_with(site):
    import json

    from rankings.data.spelling import FOLDS
    from rankings.render.language import load_languages
    from rankings.render.search import file_of, shards
    from rankings.site.model import build_model

    model = build_model(SMALL, with_corrections=False)
    files = shards(model, load_languages(ROOT / "theme" / "translations"), lambda unit, language: "")
    published = index_files(site)
    # What the build publishes is what shards() makes (with the latest ranks, which the lambda leaves out).
    assert {prefix + name for prefix, named in published.items() for name in named} == set(files)
    for prefix, named in published.items():
        everyone = set()
        for name, file in named.items():
            for unit in file["units"]:
                words = unit[5].split() + [w for i in unit[7] for w in file["around"][i][1].split()]
                # In this letter's file because a word of its own or around it begins with the letter...
                assert any(file_of(word[0]) == name for word in words), (name, unit)
                # ...and in the file of each such letter.
                for word in words:
                    assert unit[3] in {u[3] for u in named[file_of(word[0])]["units"]}
                everyone.add(unit[3])
        assert len(everyone) == len(model.units)
    # Chaubepur: its names in both scripts, romanised and folded; its whole names; its parent and the parent's
    # counterpart around it; what its result shows, in the file's language.
    chaubepur = {prefix: next(u for u in named[file_of("c")]["units"] if u[3].endswith(f"/{CHAUBEPUR}/"))
                 for prefix, named in published.items()}
    name, about, rank, path, level, words, whole, around = chaubepur["en/"]
    assert (name, about, path, level) == ("Chaubepur", "Police station · Kanpur Commissionerate",
                                          f"en/station/{CHAUBEPUR}/", 4)
    assert rank == "December 2024: Rank 7 of 7 police stations"
    assert words.split() == ["chobepur", "चौबेपुर"] and whole.split() == ["chobepur", "चौबेपुर"]
    around_words = [published["en/"][file_of("c")]["around"][i][1].split() for i in around]
    assert [{"kanpur", "कानपुर"} <= set(w) for w in around_words] == [True, True]
    assert "nagar" in around_words[1]  # Kanpur Nagar, the commissionerate's district
    assert chaubepur[""][:4] == ["चौबेपुर", "थाना · कानपुर कमिश्नरेट", "दिसंबर 2024: 7 थानों में रैंक 7",
                                 f"station/{CHAUBEPUR}/"]
    script = (site / "search" / "site-search.js").read_text()
    assert f"const FOLDS = {json.dumps(FOLDS)};" in script
    assert 'new Set(["0' in script  # the letters that have a file


def png_size(path):
    import struct

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A publish build (share images, PNGs, feeds) of the fixture, at a real address."""
    return build(SMALL, tmp_path_factory.mktemp("published") / "output", conf="publishconf.py",
                 SITEURL="https://example.org/igrs")


def test_publish_builds_give_every_unit_and_month_page_a_share_image(published):
    # A unit's picture is its history chart's PNG, with its share card's words beside the chart (issue 18): one
    # picture where there were two, in the page's language. A month page has its card.
    units = [(path, "police-history.png", (768, 402))
             for path in (f"station/{CHAUBEPUR}/", f"en/station/{CHAUBEPUR}/", "en/zone/kanpur-zone/")]
    months = [(path, "share.png", (768, 403)) for path in ("police/2024-12/", "en/district-admin/2024-12/")]
    for path, name, size in units + months:
        tags = meta(read(published, path))
        assert tags["og:image"] == f"https://example.org/igrs/{path}{name}"
        assert tags["twitter:card"] == "summary_large_image"
        assert (tags["og:image:width"], tags["og:image:height"]) == tuple(str(side) for side in size)
        image = published / path / name
        assert png_size(image) == size and image.stat().st_size < 150 * 1024
    for path, _, _ in units:
        assert not (published / path / "share.png").exists()
    # An index, the home page and the Markdown pages are shared too: each has its picture (they once had none).
    for path in ("en/station/", "", "en/about/"):
        tags = meta(read(published, path))
        assert tags["og:image"] == f"https://example.org/igrs/{path}share.png", path
        assert tags["twitter:card"] == "summary_large_image"
        assert png_size(published / path / "share.png") == (768, 403)
    # A page that only sends the reader on is not shared: no picture.
    assert "og:image" not in meta(read(published, "en/district/etawa/"))


def test_share_images_are_drawn_once_and_then_come_from_the_cache(published, tmp_path):
    cache = published.parent / "cache" / "charts" / "png"
    drawn = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}
    # One drawing for each picture of the site (share pictures and charts, each page and language).
    assert len(drawn) == len({p.read_bytes() for p in published.rglob("*.png")})
    again = build(SMALL, tmp_path / "output", conf="publishconf.py", SITEURL="https://example.org/igrs",
                  CACHE_PATH=str(published.parent / "cache"))
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")} == drawn
    assert (again / f"station/{CHAUBEPUR}/police-history.png").read_bytes() == (
        published / f"station/{CHAUBEPUR}/police-history.png").read_bytes()


def test_a_downloaded_chart_says_what_it_shows(published):
    svg = (published / f"en/station/{CHAUBEPUR}/police-history.svg").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", svg).group(1)
    assert title == ("Chaubepur (Kanpur Commissionerate) — IGRS ranking of police units — "
                     "Percent and rank, month by month, Aug 2024 – Dec 2024")  # 7 stations: the rank is drawn
    assert "Source: IGRS (Jansunwai Samadhan) portal, Government of Uttar Pradesh" in svg
    assert f"https://example.org/igrs/en/station/{CHAUBEPUR}/" in svg
    hindi = (published / "police/2024-12/station-bands.svg").read_text(encoding="utf-8")
    assert "<title>पुलिस इकाइयों की आईजीआरएस रैंकिंग: दिसंबर 2024 — थाने, प्रतिशत के अनुसार, दिसंबर 2024</title>" in hindi
    # The page shows the chart under its own caption, without the file's title lines.
    page = read(published, f"en/station/{CHAUBEPUR}/")
    assert "Source: IGRS (Jansunwai Samadhan) portal" not in page.split('<figure class="chart">')[1].split("</figure>")[0]
    # A month's chart's PNG is drawn at the size the SVG says, the size the page shows it at (no larger: issue 18).
    width, height = (round(float(v)) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"',
                                                        hindi).groups())
    assert png_size(published / "police/2024-12/station-bands.png") == (width, height)


def search_result_of(site, url):
    """What a search result shows for a page (its path from the site's root), read from the published index."""
    for named in index_files(site).values():
        for file in named.values():
            for name, about, rank, path, *_ in file["units"]:
                if path == url:
                    return {"title": name, "about": about, "rank": rank}
    return None


def test_a_new_latest_rank_reaches_the_search_index_on_a_rebuild(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    site = build(data, tmp_path / "output")
    url = f"en/station/{CHAUBEPUR}/"
    assert search_result_of(site, url)["rank"] == "December 2024: Rank 7 of 7 police stations"
    month = data / "police" / "2024-12.csv"
    month.write_text(month.read_text().replace(f"{CHAUBEPUR},75.56,90", f"{CHAUBEPUR},90,90"))
    build(data, site)
    assert search_result_of(site, url)["rank"] == "December 2024: Rank 1 of 7 police stations, joint with 5 others"
