"""Build the small fixture site (tests/fixtures/small) and read it as a reader would.

Expected figures were worked out by hand from the fixture CSVs:
- police 2024-12 stations: Beconganj, Kotwali, Gwaltoli, Civil Lines, Mathura Kotwali at 90/90 → rank 1;
  Akbarpur 88/90 = 97.78 % → 6; Chaubepur 75.56/90 = 83.96 % → 7 (it was rank 1 in November: ▼6).
- district-admin 2024-12 districts: Mathura 100 % → 1; Kanpur Nagar 115/130 = 88.46 % → 2 (4 in November: ▲2).
- Kanpur Zone: rank 2 in 2024-09, rank 1 in 2024-11 and 2024-12 → rank 1 in 2 of the 3 months of 2024 it was ranked in.
"""

import re
import shutil

import pytest

from sitebuild import FIXTURES, ROOT, broken_links, build, parse, read, read_csv, resolve, tree_digest

SMALL = FIXTURES / "small"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(SMALL, tmp_path_factory.mktemp("small") / "output")


def text_of(site, path):
    return parse(read(site, path)).visible_text


def test_every_promised_url_exists_in_both_languages(site):
    promised = [
        "", "zone/kanpur-zone/", "range/kanpur-range/", "district/kanpur-commissionerate/",
        "district/kanpur-nagar/", "tehsil/kanpur-nagar-bilhaur/", "station/kanpur-commissionerate-chaubepur/",
        "police/2024-09/", "police/2024-11/", "police/2024-12/", "district-admin/2024-12/",
        "district/etawa/",  # the redirect from a former id
    ]
    for path in promised:
        assert (site / path / "index.html").is_file(), path
        assert (site / "en" / path / "index.html").is_file(), "en/" + path
    for path in ["data/police/2024-12.csv", "data/police/2024-09.csv", "data/district-admin/2024-11.csv"]:
        assert (site / path).is_file(), path


def test_station_page_shows_rank_marks_percent_and_change(site):
    hi = text_of(site, "station/kanpur-commissionerate-chaubepur/")
    en = text_of(site, "en/station/kanpur-commissionerate-chaubepur/")
    for text in (hi, en):
        assert "75.56/90" in text or "75.56 of 90" in text
        assert "83.96%" in text
        assert "▼6" in text
    assert "चौबेपुर" in hi and "Chaubepur" in en
    assert "Rank 7 of 7 police stations" in en
    # Breadcrumbs: the commissionerate it belongs to.
    assert "Kanpur Commissionerate" in en


def test_district_administration_page_and_seed_numbers(site):
    en = text_of(site, "en/district/kanpur-nagar/")
    assert "Rank 2 of 4 districts" in en
    assert "▲2" in en
    assert "88.46%" in en and "115 of 130" in en
    # Complaints and feedback as published.
    for figure in ["676", "492", "4,003", "2,420"]:
        assert figure in en


def test_parent_pages_count_children_at_rank_1_and_name_the_lowest(site):
    en = text_of(site, "en/district/kanpur-commissionerate/")
    assert "3 of 4 police stations at rank 1" in en
    assert re.search(r"Lowest in December 2024: 7 Chaubepur 83.96%", en)
    zone = text_of(site, "en/zone/kanpur-zone/")
    assert "1 of 2 police stations at rank 1" in zone
    assert "2 of 2 districts at rank 1" in zone
    assert "2024: rank 1 in 2 of the 3 months it was ranked in" in zone
    assert "At rank 1 for 2 months in a row, since November 2024" in zone


def test_a_run_at_rank_1_across_a_month_never_published_is_said_in_rankings(tmp_path):
    """The police series published nothing for October 2024. Kanpur Zone at rank 1 in September too: its run is
    three rankings over four months, which "for 3 months in a row" would misstate."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", data)
    september = data / "police" / "2024-09.csv"
    september.write_text(september.read_text().replace("agra-zone,125,125", "agra-zone,110,125"))
    site = build(data, tmp_path / "output")
    assert "At rank 1 in all 3 rankings published since September 2024 (1 of its 4 months had no ranking)" in \
        text_of(site, "en/zone/kanpur-zone/")
    assert "सितंबर 2024 से प्रकाशित सभी 3 रैंकिंग में रैंक 1 पर (इन 4 महीनों में से 1 में रैंकिंग प्रकाशित नहीं हुई)" in \
        text_of(site, "zone/kanpur-zone/")
    # The month after the gap says why it shows no change.
    assert ("The ranking of October 2024 was not published, so no change from the month before is shown below. "
            "The ranking before this one is of September 2024.") in text_of(site, "en/police/2024-11/")
    assert "not published, so no change" not in text_of(site, "en/police/2024-12/")


def test_a_district_ranked_in_two_series_shows_both(site):
    en = text_of(site, "en/district/kanpur-dehat/")
    assert "IGRS ranking of police units" in en
    assert "IGRS ranking of district administrations" in en


def test_month_page_lists_every_level_and_groups_stations_by_district(site):
    html = read(site, "en/police/2024-12/")
    en = parse(html).visible_text
    for heading in ["Zones", "Ranges", "Districts and commissionerates", "Police stations"]:
        assert heading in en
    assert "5 of 7 police stations at rank 1" in en
    # The laggards are named under the chart of each level, worst first, with their district.
    assert "Lowest in December 2024: 7 Chaubepur (Kanpur Commissionerate) 83.96% 6 Akbarpur (Kanpur Dehat) 97.78%" in en
    # One section per district, reachable from an index of anchors.
    for district in ["kanpur-commissionerate", "kanpur-dehat", "etawah", "mathura"]:
        assert f'id="in-{district}"' in html and f'href="#in-{district}"' in html
    assert "../../data/police/2024-12.csv" in html


def map_tiles(html, stem="district-map"):
    """(link, name, label) of each tile of a page's district map: its label inside its link names it, and a
    title gives the whole name where the label is shorter."""
    svg = re.search(rf'<svg role="group" aria-labelledby="{stem}-title".*?</svg>', html, re.S).group(0)
    tiles = re.findall(r'<a href="([^"]+)">(?:<title>([^<]+)</title>)?<path [^>]*/><text[^>]*>([^<]+)</text></a>', svg)
    return [(href, title or label) for href, title, label in tiles], [label for *_, label in tiles]


def test_a_month_page_maps_its_districts_each_tile_a_link_named_with_its_figures(site):
    """Police, December 2024 (tiles.csv: Mathura, Etawah, Kanpur Dehat, Kanpur Nagar): Kanpur Dehat and Etawah
    125/125 = 100 %; Mathura 121/125 = 96.8 %; Kanpur Commissionerate 120/125 = 96 %, on Kanpur Nagar's tile."""
    html = read(site, "en/police/2024-12/")
    links, labels = map_tiles(html)
    assert len(links) == 4 and [title for _, title in links] == [
        "Mathura", "Etawah", "Kanpur Dehat", "Kanpur Commissionerate, on the tile of Kanpur Nagar"]
    # Coloured by band: 100 % the lightest, 95–99.99 % the next.
    assert re.findall(r'<path d="[^"]+" fill="(#[0-9a-f]{6})"', html.split('role="group" aria-labelledby="district-map-title"')[1])[:4] == [
        "#fdd49e", "#fef0d9", "#fef0d9", "#fdd49e"]
    assert [resolve("en/police/2024-12/", href) for href, _ in links] == [
        "en/district/mathura/", "en/district/etawah/", "en/district/kanpur-dehat/",
        "en/district/kanpur-commissionerate/"]
    assert labels == ["Mathura", "Etawah", "Kanpur D.", "Kanpur N."]
    # Its key is the table of the bands: two districts at 100 %, two at 95–99.99 %; the source of the tiles.
    text = parse(html).visible_text
    assert "100% 2 95–99.99% 2 90–94.99% 0" in text and "India Post" in text
    assert "district-bands.svg" not in html  # the map takes the bands chart's place
    # In Hindi: the labels and the names are Hindi.
    links, labels = map_tiles(read(site, "police/2024-12/"))
    assert labels == ["मथुरा", "इटावा", "कानपुर दे.", "कानपुर न."]
    assert links[3][1] == "कानपुर कमिश्नरेट, कानपुर नगर के खाने पर"
    # District administrations: the revenue district on its own tile; Kanpur Nagar 115/130 = 88.46 %.
    links, _ = map_tiles(read(site, "en/district-admin/2024-12/"))
    assert resolve("en/district-admin/2024-12/", links[3][0]) == "en/district/kanpur-nagar/"
    assert links[3][1] == "Kanpur Nagar"


def test_the_home_page_maps_each_series_latest_month(site):
    html = read(site, "en/")
    for stem in ("police-district-map", "district-admin-district-map"):
        assert f'<svg role="group" aria-labelledby="{stem}-title"' in html and f'id="{stem}-title"' in html
        assert (site / "en" / f"{stem}.svg").is_file()
    links, _ = map_tiles(html, "police-district-map")
    assert links[3][1] == "Kanpur Commissionerate, on the tile of Kanpur Nagar"
    assert resolve("en/", links[0][0]) == "en/district/mathura/" and links[0][1] == "Mathura"


def marked_tiles(html):
    """The names of the tiles a locator map marks (drawn in the accent colour)."""
    svg = re.search(r'<svg role="group" aria-labelledby="district-map-title".*?</svg>', html, re.S).group(0)
    return [title or label for title, label in re.findall(
        r'<a href="[^"]+">(?:<title>([^<]+)</title>)?<path [^>]*fill="#0b5394"/><text[^>]*>([^<]+)</text></a>', svg)]


def test_zone_range_and_district_pages_show_where_their_districts_are(site):
    assert marked_tiles(read(site, "en/zone/kanpur-zone/")) == ["Etawah", "Kanpur Dehat"]
    assert marked_tiles(read(site, "en/range/agra-range/")) == ["Mathura"]
    assert marked_tiles(read(site, "en/district/kanpur-nagar/")) == ["Kanpur Nagar"]
    # A commissionerate is marked on its district's tile, and the tile leads to the commissionerate's page.
    html = read(site, "en/district/kanpur-commissionerate/")
    assert marked_tiles(html) == ["Kanpur Commissionerate, on the tile of Kanpur Nagar"]
    assert "Where Kanpur Commissionerate is" in parse(html).visible_text
    # A station has no map of its own.
    assert "district-map" not in read(site, "en/station/kanpur-commissionerate-chaubepur/")


def test_the_map_downloads_say_what_they_show_and_link_to_the_districts(site):
    svg = (site / "en/police/2024-12/district-map.svg").read_text(encoding="utf-8")
    assert "Districts and commissionerates on the map by percent, December 2024" in svg
    assert "India Post" in svg and "95–99.99%" in svg
    assert re.search(r'href="https?://[^"]+/en/district/kanpur-commissionerate/"', svg) and "⟦" not in svg


def test_the_stylesheet_is_published_minified_and_every_page_links_it(site):
    source = (ROOT / "theme/css/site.css").read_text(encoding="utf-8")
    published = (site / "theme/css/site.css").read_text(encoding="utf-8")
    assert "/*" not in published and len(published) < 0.8 * len(source)
    for rule in ("ul.names li{display:inline-block", "tr.top{background:var(--top)}", "@media print{"):
        assert rule in published, rule
    assert 'href="../../theme/css/site.css"' in read(site, "police/2024-12/")


def test_month_download_has_the_promised_columns_and_numbers(site):
    rows = read_csv(site, "data/police/2024-12.csv")
    assert list(rows[0].keys()) == [
        "unit_id", "level", "parent", "name_en", "name_hi", "marks", "max_marks", "percent", "rank",
        "rank_in_parent", "previous_rank", "rank_change",
        "complaints_received", "complaints_disposed", "feedback_total", "feedback_unsatisfied",
    ]
    chaubepur = next(r for r in rows if r["unit_id"] == "kanpur-commissionerate-chaubepur")
    assert chaubepur == {
        "unit_id": "kanpur-commissionerate-chaubepur", "level": "station", "parent": "kanpur-commissionerate",
        "name_en": "Chaubepur", "name_hi": "चौबेपुर", "marks": "75.56", "max_marks": "90", "percent": "83.96",
        "rank": "7", "rank_in_parent": "4", "previous_rank": "1", "rank_change": "-6",
        "complaints_received": "", "complaints_disposed": "", "feedback_total": "", "feedback_unsatisfied": "",
    }
    nagar = next(r for r in read_csv(site, "data/district-admin/2024-12.csv") if r["unit_id"] == "kanpur-nagar")
    assert (nagar["percent"], nagar["rank"], nagar["previous_rank"], nagar["rank_change"]) == ("88.46", "2", "4", "2")
    assert nagar["complaints_defaulted"] == "3"


def test_every_page_links_to_itself_in_the_other_language(site):
    for path in ["", "station/kanpur-commissionerate-chaubepur/", "police/2024-12/", "about/", "station/"]:
        hi, en = parse(read(site, path)), parse(read(site, "en/" + path))
        assert hi.lang == "hi" and en.lang == "en"
        assert hi.alternates == en.alternates == {
            "hi": f"http://localhost:8000/{path}", "en": f"http://localhost:8000/en/{path}"}
        assert hi.canonical == f"http://localhost:8000/{path}"
        assert en.canonical == f"http://localhost:8000/en/{path}"
        to_en = [href for href, lang in hi.links if lang == "en"]
        to_hi = [href for href, lang in en.links if lang == "hi"]
        assert len(to_en) == 1 and len(to_hi) == 1
        assert resolve(path, to_en[0]) == "en/" + path
        assert resolve("en/" + path, to_hi[0]) == path


def test_every_internal_link_resolves(site):
    assert broken_links(site) == []


def test_former_id_redirects_to_the_current_page(site):
    html = read(site, "district/etawa/")
    assert 'http-equiv="refresh"' in html
    assert 'url=../../district/etawah/' in html
    assert parse(html).canonical == "http://localhost:8000/district/etawah/"


def test_hindi_pages_are_hindi(site):
    # acronyms, formats, the language link, the licence's short name (GODL)
    allowed = {"IGRS", "CSV", "SVG", "PNG", "English", "UTF", "Excel", "GODL"}
    for path in ["", "zone/kanpur-zone/", "district/kanpur-commissionerate/", "station/kanpur-commissionerate-chaubepur/",
                 "police/2024-12/", "district-admin/2024-12/", "police/", "station/", "district/etawa/", "about/",
                 "compare/"]:
        page = re.sub(r"<textarea[^>]*>.*?</textarea>", "", read(site, path), flags=re.S)  # code to embed
        text = re.sub(r"https?://\S+", "", parse(page).visible_text)  # the citation's address
        latin = set(re.findall(r"[A-Za-z]{2,}", text)) - allowed
        assert not latin, f"{path}: English words on a Hindi page: {sorted(latin)}"


def test_numbers_and_months_are_formatted_per_language(site):
    hi = text_of(site, "district/kanpur-nagar/")
    en = text_of(site, "en/district/kanpur-nagar/")
    assert "दिसंबर 2024" in hi and "December 2024" in en
    assert "4,003" in hi and "4,003" in en


def test_sample_notice_on_every_page(site):
    for page in list(site.rglob("*.html"))[:50]:
        html = page.read_text(encoding="utf-8")
        assert 'class="sample"' in html, page


def test_bad_data_stops_the_build_and_leaves_the_published_site_untouched(site, tmp_path):
    published = tmp_path / "output"
    shutil.copytree(site, published)
    before = tree_digest(published)
    broken = tmp_path / "data"
    shutil.copytree(SMALL, broken)
    (broken / "police" / "2024-12.csv").write_text(
        "unit_id,marks,max_marks\nkanpur-zone,abc,125\nnobody,1,2\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        build(broken, published, DELETE_OUTPUT_DIRECTORY=True)
    assert stopped.value.code != 0
    assert tree_digest(published) == before


def test_published_folder_works_from_disk_and_under_a_sub_path(tmp_path):
    site = build(SMALL, tmp_path / "output", conf="publishconf.py", SITEURL="https://example.org/igrs")
    # Every link names a file (file:// opens no index.html by itself) and is relative (any sub-path works).
    assert broken_links(site, folders_open_index=False) == []
    html = read(site, "en/station/kanpur-commissionerate-chaubepur/")
    assert 'href="../../../en/district/kanpur-commissionerate/index.html"' in html
    page = parse(html)
    assert page.canonical == "https://example.org/igrs/en/station/kanpur-commissionerate-chaubepur/"
    assert page.alternates["hi"] == "https://example.org/igrs/station/kanpur-commissionerate-chaubepur/"
    assert (site / "en/station/kanpur-commissionerate-chaubepur/police-history.png").is_file()
    # Feeds of the months, with absolute links, in each language.
    feed = (site / "feeds" / "police.atom.xml").read_text(encoding="utf-8")
    assert "<link href=\"https://example.org/igrs/police/2024-12/\"" in feed and "दिसंबर 2024" in feed
    assert "December 2024" in (site / "en" / "feeds" / "police.atom.xml").read_text(encoding="utf-8")
