"""Every rank read right (issue 9), on the small fixture site, as a reader reads the pages.

Figures worked out by hand from tests/fixtures/small:
- police 2024-12 stations: Beconganj, Kotwali (Kanpur), Gwaltoli, Civil Lines, Mathura Kotwali at 90/90 → rank 1,
  five share it; Akbarpur 97.78 % → 6; Chaubepur 83.96 % → 7, alone. In November Chaubepur was at 100 % with four
  others (rank 1): ▼6 and 83.96 − 100 = −16.04 points. Kotwali (Kanpur) was 85/90 = 94.44 % in November, rank 6
  behind five at 100 %: ▲5, +5.56 points. In Kanpur Commissionerate Chaubepur is 4th of 4, the other three share 1.
- police months: 2024-08, 09, 11, 12; October was not published. Beconganj is in August, not in September (it
  was published): "not ranked" in September, "not published" in October.
- district-admin 2024-12 tehsils (out of 100): Mathura's Sadar 90 % → 1; Bilhaur 40/50 and Kanpur Nagar's Sadar
  80/100, both 80 % → rank 2, two share it; in Kanpur Nagar both are 1st, shared. Ranges are not ranked in that
  series: its districts have no rank in parent there; tehsils have their rank in their district.
- Kanpur Commissionerate ⇄ Kanpur Nagar are counterparts (units.csv gives it on the commissionerate's line).
"""

import re
import shutil

import pytest

from rankings.render.language import load_languages
from sitebuild import FIXTURES, ROOT, build, parse, read, read_csv, resolve

SMALL = FIXTURES / "small"
# A rank and a rank in parent, both shared: "(N joint)" under each number (on a line of its own, by CSS).
# A row's rank, its name, percent and change, then its rank in the parent: both ranks joint.
JOINT = (r'<td>1<small class="j"> \({} joint\)</small><th scope="row"><a [^>]+>{}</a><td>[^<]+<td[^>]*>[^<]*'
         r'<td>1<small class="j"> \({} joint\)</small>')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(SMALL, tmp_path_factory.mktemp("small") / "output")


def text_of(site, path):
    return parse(read(site, path)).visible_text


def links_of(site, path):
    return {resolve(path, href) for href, _ in parse(read(site, path)).links}


def title_of(site, path):
    return re.search(r"<title>(.*?)</title>", read(site, path), re.S).group(1)


# ---- ties and changes


def test_a_shared_rank_says_it_is_joint_and_how_many_share_it_everywhere(site):
    kotwali = text_of(site, "en/station/kanpur-commissionerate-kotwali/")
    assert "Rank 1 of 7 police stations, joint with 4 others · ▲5 (+5.56 percentage points)" in kotwali
    assert '<td>1<small>/7</small><small class="j"> (5 joint)</small><td' in read(
        site, "en/station/kanpur-commissionerate-kotwali/")
    hindi = text_of(site, "station/kanpur-commissionerate-kotwali/")
    assert "7 थानों में रैंक 1 , संयुक्त रूप से 4 अन्य के साथ · ▲5 (+5.56 प्रतिशत अंक)" in hindi
    # A rank of its own says nothing more.
    chaubepur = text_of(site, "en/station/kanpur-commissionerate-chaubepur/")
    assert "Rank 7 of 7 police stations · ▼6 (−16.04 percentage points)" in chaubepur
    assert "joint with" not in chaubepur.split("Percent month by month")[0].split("Rank 7")[1].split("Marks")[0]
    # The month table, the district table, the parent page's table.
    month = read(site, "en/police/2024-12/")
    # On the month page Kotwali is named among its commissionerate's stations at rank 1, under what they share.
    assert re.search(r'<dd>1<small class="j"> \(5 joint\)</small></dd></div><div><dt>Rank in police commissionerate'
                     r'</dt><dd>1<small class="j"> \(3 joint\)</small></dd>.*?</dl>\n<ul class="names">(?:(?!</ul>).)*'
                     r'<a id="kanpur-commissionerate-kotwali" [^>]+>Kotwali</a>', month)
    assert re.search(r'<td>7<th id="kanpur-commissionerate-chaubepur" scope="row"><a [^>]+>Chaubepur</a>'
                     r'<td>[^<]+<td[^>]*>[^<]+<td>4<td>', month)
    assert "1 (कुल 5 संयुक्त)" in text_of(site, "police/2024-12/")
    commissionerate = read(site, "en/district/kanpur-commissionerate/")
    assert re.search(JOINT.format(5, "Beconganj", 3), commissionerate)
    # The home page lists the leaders with the tie said.
    assert re.search(r'<span class="rank">1<small class="j"> \(5 joint\)</small></span> '
                     r'<a [^>]+>Beconganj \(Kanpur Commissionerate\)</a>',
                     read(site, "en/"))


def test_a_change_of_rank_carries_the_change_of_percent(site):
    month = read(site, "en/police/2024-12/")
    # Chaubepur: from a five-way tie at 100 % in November to 83.96 %.
    assert re.search(r'>Chaubepur</a><td>83.96%<td class="down">▼6 \(−16.04\)<td>4<td>75.56/90\n', month)
    # Among the names at rank 1: the change beside a name that moved, nothing beside one that kept its rank and
    # percent (the words above the lists say so).
    assert re.search(r'>Kotwali</a> <small class="up">▲5 \(\+5.56\)</small>(<li>|</ul>)', month)
    assert re.search(r'>Gwaltoli</a>(<li>|</ul>)', month)
    assert "beside each whose rank or percent changed" in month
    # In a table, unchanged rank and percent: "=" alone.
    gwaltoli = read(site, "en/station/kanpur-commissionerate-gwaltoli/")
    assert re.search(r'>December 2024</a><td>1<small>/7</small><small class="j"> \(5 joint\)</small>'
                     r'<td>100%<td class="same">=<td>', gwaltoli)
    history = read(site, "en/station/kanpur-commissionerate-chaubepur/")
    assert '<td class="down">▼6 (−16.04)<td>' in history


# ---- two hierarchies


def test_the_administrations_series_has_no_rank_in_parent_and_no_under_column(site):
    month = read(site, "en/district-admin/2024-12/")
    districts = month.split('id="district"')[1].split("</section>")[0]
    assert "<h2>Districts</h2>" in districts and "commissionerates" not in districts
    assert ">Under<" not in districts and "Agra Range" not in districts
    assert "Districts and commissionerates" in read(site, "en/police/2024-12/").split('id="district"')[1]
    rows = {row["unit_id"]: row for row in read_csv(site, "data/district-admin/2024-12.csv")}
    assert rows["mathura"]["rank_in_parent"] == "" and rows["kanpur-nagar"]["rank_in_parent"] == ""
    assert (rows["kanpur-nagar-bilhaur"]["rank"], rows["kanpur-nagar-bilhaur"]["rank_in_parent"]) == ("2", "1")
    police = {row["unit_id"]: row for row in read_csv(site, "data/police/2024-12.csv")}
    assert police["mathura"]["rank_in_parent"] == "1"  # ranges are ranked in the police series
    # Mathura's page: its police block has a rank in Agra Range, its administration block none.
    sections = read(site, "en/district/mathura/").split('<section class="series"')[1:]
    blocks = {section.split('id="s-')[1].split('"')[0]: " ".join(re.sub("<[^>]+>", " ", section).split())
              for section in sections}
    police_block, admin_block = blocks["police"], blocks["district-admin"]
    assert "Rank within Agra Range" in police_block and "Rank within" not in admin_block
    assert "Rank 1 of 4 districts" in admin_block and "Rank 3 of 4 districts and commissionerates" in police_block


def test_counterparts_link_both_ways_and_the_stations_are_one_tap_from_either(site):
    for prefix in ("", "en/"):
        nagar, commissionerate = f"{prefix}district/kanpur-nagar/", f"{prefix}district/kanpur-commissionerate/"
        assert commissionerate in links_of(site, nagar) and nagar in links_of(site, commissionerate)
        assert any(resolve(nagar, href) == commissionerate and href.endswith("#units")
                   for href, _ in parse(read(site, nagar)).links)
        assert 'id="units"' in read(site, commissionerate)
    assert "Police of this area: Kanpur Commissionerate · 4 police stations" in text_of(site, "en/district/kanpur-nagar/")
    assert "इस क्षेत्र की पुलिस: कानपुर कमिश्नरेट · 4 थाने" in text_of(site, "district/kanpur-nagar/")
    assert "District administration of this area: Kanpur Nagar" in text_of(site, "en/district/kanpur-commissionerate/")
    assert "Police commissionerate" in title_of(site, "en/district/kanpur-commissionerate/")
    # The station index names the district beside the commissionerate that polices it.
    assert "Kanpur Commissionerate (Kanpur Nagar)" in text_of(site, "en/station/")


def test_the_districts_index_counts_areas_as_the_rank_lines_do(site):
    index = text_of(site, "en/district/")
    # Five district-level units: four areas, one of them policed by a commissionerate listed beside it.
    assert "4 districts. In 1 of them the police is a commissionerate" in index
    assert "4 जनपद। इनमें से 1 जनपद में पुलिस कमिश्नरेट" in text_of(site, "district/")
    assert "Kanpur Nagar · Kanpur Commissionerate" in index


def test_tehsils_have_their_pages_ranks_and_district_counts(site):
    bilhaur = text_of(site, "en/tehsil/kanpur-nagar-bilhaur/")
    assert "Rank 2 of 3 tehsils, joint with 1 other" in bilhaur
    assert "Rank within Kanpur Nagar 1, joint with 1 other" in bilhaur
    assert "0 of 2 tehsils at rank 1" in text_of(site, "en/district/kanpur-nagar/")
    assert "1 of 1 tehsils at rank 1" in text_of(site, "en/district/mathura/")
    assert "Tehsils" in text_of(site, "en/district-admin/2024-12/")
    index = text_of(site, "en/tehsil/")
    assert index.count("Sadar") == 2


# ---- names that need their place


def test_stations_and_tehsils_are_named_with_their_district_outside_it(site):
    assert title_of(site, "en/tehsil/kanpur-nagar-sadar/").startswith("Sadar (Kanpur Nagar) · Tehsil")
    assert title_of(site, "en/tehsil/mathura-sadar/").startswith("Sadar (Mathura) · Tehsil")
    assert title_of(site, "tehsil/mathura-sadar/").startswith("सदर (मथुरा) · तहसील")
    assert title_of(site, "en/station/mathura-kotwali/").startswith("Kotwali (Mathura) · Police station")
    assert '<span class="place">Mathura</span>' in read(site, "en/station/mathura-kotwali/")
    # The lowest stations of a zone come from several districts.
    zone = text_of(site, "en/zone/kanpur-zone/")
    assert "Chaubepur (Kanpur Commissionerate)" not in zone  # a commissionerate is in no zone
    stations = parse(read(site, "en/police/2024-12/").split('id="station"')[1]).visible_text
    assert "Lowest in December 2024: 7 Chaubepur (Kanpur Commissionerate) 83.96%" in stations


def test_hindi_pages_sort_names_in_hindi_order_and_english_pages_in_english_order(site):
    def listed(path):
        units = read(site, path).split('id="units"')[1]
        return re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', units)
    assert listed("en/district/kanpur-commissionerate/") == ["Beconganj", "Chaubepur", "Gwaltoli", "Kotwali"]
    assert listed("district/kanpur-commissionerate/") == ["कोतवाली", "ग्वालटोली", "चौबेपुर", "बेकनगंज"]


def test_the_collation_is_hindi_order_not_code_points():
    hi, en = load_languages(ROOT / "theme" / "translations", ("hi", "en"))
    # क़ (qa, U+0958) sorts with क, before ख, though its code point is after ख's; a vowel sign after the bare letter.
    names = [{"name_hi": name} for name in ["ख", "क़ानून", "कि", "का", "क"]]
    assert [u["name_hi"] for u in hi.sorted(names)] == ["क", "का", "क़ानून", "कि", "ख"]
    assert [u["name_en"] for u in en.sorted([{"name_en": n} for n in ["kotwali", "Beconganj", "Éta", "agra"]])] == \
        ["agra", "Beconganj", "Éta", "kotwali"]


# ---- gaps


def test_a_month_not_published_is_not_a_month_not_ranked(site):
    beconganj = read(site, "en/station/kanpur-commissionerate-beconganj/")
    assert re.search(r'<tr id="police-2024-10" class="gap"><th scope="row">October 2024<td colspan="\d">not published\n',
                     beconganj)
    assert re.search(r'<tr id="police-2024-09" class="gap"><th scope="row"><a href="[^"]*police/2024-09/[^"]*">September 2024</a>'
                     r'<td colspan="\d">not ranked this month\n', beconganj)
    hindi = text_of(site, "station/kanpur-commissionerate-beconganj/")
    assert "अक्टूबर 2024 रैंकिंग प्रकाशित नहीं हुई" in hindi and "सितंबर 2024 इस माह रैंकिंग में नहीं" in hindi
    # The chart shades the month not published.
    svg = (site / "en/station/kanpur-commissionerate-beconganj/police-history.svg").read_text()
    drawing = svg[svg.index('<g class="chart"'):svg.index("<!--/chart-->")]  # the chart, not its key below
    assert drawing.count('fill="#ececec"') == 1
    assert svg.count('fill="#ececec"') == 2 and "not published" in svg  # the key explains the shade
    assert "gap: not ranked that month" in svg  # and the break in the line (September)
    # A chart's key names only the marks it draws: a unit ranked every month it has no gap to explain.
    chaubepur = (site / "en/station/kanpur-commissionerate-chaubepur/police-history.svg").read_text()
    assert "median of the level" in chaubepur and "not published" in chaubepur
    assert "gap: not ranked that month" not in chaubepur


def test_empty_complaint_figures_read_not_reported(site):
    # Kanpur Commissionerate's police figures: December gives four counts, November's file none of them; the
    # table has the four columns, and November's four cells read "not reported", never blank.
    page = read(site, "en/district/kanpur-commissionerate/")
    table = page.split("complaints and feedback by month</caption>")[1].split("</table>")[0]
    november = table.split("November 2024")[1].split("\n")[0]
    assert november == '<td class="na">not reported' * 4
    assert not re.search(r"<td>(?=<|\n)", table)  # no empty cell
    assert "नहीं बताया गया" in read(site, "district/kanpur-commissionerate/")


# ---- a district's units at rank 1, named under what they share


def test_units_at_rank_1_are_named_under_what_they_share(tmp_path):
    """Hand-made from the small fixture: in December Gwaltoli has 100/100 (still 100 %, still rank 1 with the four
    at 90/90) and November has no Gwaltoli. November then has four at 100 % (rank 1), Kotwali (Kanpur) 94.44 % (5)
    and Civil Lines 88.89 % (6). In Kanpur Commissionerate in December: Beconganj and Kotwali at 90/90, Beconganj
    unchanged (nothing beside it), Kotwali ▲4 (+5.56); Gwaltoli at 100/100, new (not ranked the month before); so
    two lines of what they share, one per marks; Chaubepur alone in the table below rank 1."""
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    december = data / "police" / "2024-12.csv"
    december.write_text(december.read_text(encoding="utf-8").replace(
        "kanpur-commissionerate-gwaltoli,90,90,", "kanpur-commissionerate-gwaltoli,100,100,"), encoding="utf-8")
    november = data / "police" / "2024-11.csv"
    november.write_text("".join(line for line in november.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.startswith("kanpur-commissionerate-gwaltoli,")), encoding="utf-8")
    site = build(data, tmp_path / "output")

    def group(path):
        html = read(site, path)
        return html.split('<section class="group" id="in-kanpur-commissionerate">')[1].split("</section>")[0]

    section = group("en/police/2024-12/")
    boxes = re.findall(r'<div class="at-1">(.*?)</ul></div>', section, re.S)
    assert [parse(box).visible_text for box in boxes] == [
        "Rank 1 (5 joint) Rank in police commissionerate 1 (3 joint) Marks 90/90 Percent 100% "
        "Beconganj Kotwali ▲4 (+5.56)",
        "Rank 1 (5 joint) Rank in police commissionerate 1 (3 joint) Marks 100/100 Percent 100% "
        "Gwaltoli (not ranked the month before)"]  # the stylesheet writes the colon after each term
    assert "3 of 4 police stations at rank 1" in parse(section).visible_text
    table = section.split('<table class="ranking">')[1]
    assert "Kanpur Commissionerate: below rank 1" in table
    assert re.findall(r'<th id="([a-z-]+)" scope="row">', table) == ["kanpur-commissionerate-chaubepur"]
    # Names in the page language's order: कोतवाली before बेकनगंज in Hindi.
    hindi = group("police/2024-12/")
    assert re.findall(r'<li><a id="[a-z-]+" href="[^"]+">([^<]+)</a>', hindi) == ["कोतवाली", "बेकनगंज", "ग्वालटोली"]
    assert "(पिछले माह रैंकिंग में नहीं)" in hindi and "कानपुर कमिश्नरेट: रैंक 1 से नीचे" in hindi


def test_no_change_is_said_where_there_is_no_month_before(site):
    """November 2024 follows an October that was not published, and August 2024 is the series' first month: no unit
    has a change, so none is "not ranked the month before", and the words above the lists speak of no change."""
    for path in ("en/police/2024-11/", "en/police/2024-08/"):
        html = read(site, path)
        assert '<ul class="names">' in html, path
        assert "not ranked the month before" not in html.split('id="station"')[1], path
        assert "then their names. A table ranks the rest." in html and "beside each whose" not in html, path
    assert "beside each whose rank or percent changed" in read(site, "en/police/2024-12/")


def test_a_units_card_says_an_unchanged_rank_in_words(site):
    """"Rank 1 of 7 police stations, joint with 4 others =": the table's sign read as a stray mark on the card."""
    card = re.search(r'<p class="rankline">(.*?)</p>', read(site, "en/station/kanpur-commissionerate-gwaltoli/"), re.S)
    text = re.sub(r"<[^>]+>", "", card.group(1))
    assert text.endswith("joint with 4 others · no change") and "=" not in text, text
