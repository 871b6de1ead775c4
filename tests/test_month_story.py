"""The month in a few sentences: at the top of each month page and of the home page, in both languages, saying what
the tables below show. The answers were worked out by hand from tests/fixtures/small:

police, December 2024 (districts and the commissionerate; November in brackets): Kanpur Dehat 100 % rank 1 (1),
Etawah 100 % rank 1 (2, 99.2 %), Mathura 96.8 % rank 3 (4, 96 %), Kanpur Commissionerate 96 % rank 4 (3, 97.6 %).
Etawah and Mathura rose one place each and gained 0.8 points each; the commissionerate fell one place and 1.6
points, and is last; November's last was Mathura. Zones: both on full marks; ranges: one of two; stations: 5 of 7.

district administrations, December 2024: Mathura 100 % (1), Kanpur Nagar 88.46 % (4 → 2, 76.92 % in November:
+11.54), Kanpur Dehat 84.62 % (2 → 3, 92.31 %: −7.69), Etawah 80.77 % (3 → 4, 84.62 %: −3.85). Tehsils: Mathura's
Sadar 90 % at rank 1, the two others at 80 %.
"""

import html
import re
import shutil
from decimal import Decimal

import pytest

from rankings.render.language import load_languages
from rankings.render.month_story import story_html
from rankings.site.model import build_model
from rankings.site.month_story import NAMED, last_place, most_moved
from sitebuild import FIXTURES, ROOT, build, read

SMALL = FIXTURES / "small"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(SMALL, tmp_path_factory.mktemp("story") / "output")


@pytest.fixture(scope="module")
def languages():
    return {language.code: language for language in load_languages(ROOT / "theme" / "translations")}


def story_of(html):
    """The story paragraph's text, and the pages its names link to."""
    found = re.search(r'<p class="[^"]*\bstory\b[^"]*">(.*?)</p>', html, re.S)
    assert found, "no story paragraph"
    links = re.findall(r'<a href="([^"]+)"', found.group(1))
    return text_of(found.group(1)), links


def text_of(markup):
    """The text of a piece of markup as a reader sees it."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", str(markup)))).strip()


POLICE_EN = ("In December 2024, both zones, 1 of 2 ranges, 2 of 4 districts and commissionerates and 5 of 7 police "
             "stations were at rank 1. Among districts and commissionerates, Etawah and Mathura both rose most: up 1 "
             "place each, to ranks 1 and 3 of 4. Etawah and Mathura gained the most percentage points: +0.8 each. "
             "Kanpur Commissionerate fell most, down 1 place (−1.6 percentage points), and is last: rank 4 of 4, with "
             "96%.")
POLICE_HI = ("दिसंबर 2024 की रैंकिंग में दोनों ज़ोन, 2 परिक्षेत्रों में से 1, 4 जनपदों और कमिश्नरेटों में से 2 और 7 थानों में "
             "से 5 रैंक 1 पर रहे। जनपदों और कमिश्नरेटों में सबसे बड़ी छलांग इटावा और मथुरा ने लगाई: दोनों 1-1 स्थान ऊपर आए, "
             "अब 4 में से क्रमशः पहले और तीसरे स्थान पर। प्रतिशत अंकों में सबसे बड़ा सुधार इटावा और मथुरा का रहा: प्रत्येक "
             "+0.8 अंक। सबसे बड़ी गिरावट कानपुर कमिश्नरेट की रही: 1 स्थान नीचे (−1.6 प्रतिशत अंक), और अब अंतिम: 4 में से "
             "चौथे स्थान पर, 96% अंकों के साथ।")
ADMIN_EN = ("In December 2024, 1 of 4 districts and 1 of 3 tehsils were at rank 1. Among districts, Kanpur Nagar rose "
            "most: up 2 places (+11.54 percentage points), to rank 2 of 4. Kanpur Dehat and Etawah both fell most: down 1 "
            "place each, to ranks 3 and 4 of 4. Kanpur Dehat lost the most percentage points: −7.69, to 84.62%. Etawah "
            "was last: rank 4 of 4, with 80.77%.")


def test_the_month_page_opens_with_the_month_in_a_few_sentences(site):
    text, links = story_of(read(site, "en/police/2024-12/"))
    assert text == POLICE_EN
    assert links == ["../../../en/district/etawah/", "../../../en/district/mathura/", "../../../en/district/etawah/",
                     "../../../en/district/mathura/", "../../../en/district/kanpur-commissionerate/"]
    assert story_of(read(site, "police/2024-12/"))[0] == POLICE_HI
    # The fixture's December file was changed after it was first committed (git): a correction, said last.
    text = story_of(read(site, "en/district-admin/2024-12/"))[0]
    assert text.startswith(ADMIN_EN + " ")
    assert re.fullmatch(r"The figures of December 2024 were corrected on \d+ \w+ 20\d\d: those of 3 units changed\. "
                        r"What changed", text.removeprefix(ADMIN_EN + " "))


def test_the_home_page_tells_each_series_latest_month(site):
    stories = re.findall(r'<p class="story">(.*?)</p>', read(site, "en/"), re.S)
    assert text_of(stories[0]) == POLICE_EN and text_of(stories[1]).startswith(ADMIN_EN + " ")
    assert "were corrected on" in text_of(stories[1]) and "What changed" in text_of(stories[1])
    assert story_of(read(site, ""))[0] == POLICE_HI


def test_a_first_month_says_only_what_it_can(site):
    """The series' first month has no month before: no rises or falls, and the last is last for one month."""
    text, _ = story_of(read(site, "en/police/2024-08/"))
    # Only two stations that month: Chaubepur 90/90, Beconganj 85/90 (94.44 %); a station is named with its district.
    assert text == ("In August 2024, 1 of 2 police stations was at rank 1. Among police stations, Beconganj (Kanpur "
                    "Commissionerate) was last: rank 2 of 2, with 94.44%.")


def test_each_figure_said_is_the_tables_figure(site):
    """Every unit the story names, with a rank, change or percent, has that figure in its row of the month's
    table (the same rows, from the same model)."""
    model = build_model(SMALL, with_corrections=False)
    checked = 0
    for series in model.series:
        for month in series["months"]:
            text, links = story_of(read(site, f"en/{series['id']}/{month}/"))
            rows = {row["unit_id"]: row for row in model.month_rows(series["id"], month)}
            for unit_id in {link.rstrip("/").rsplit("/", 1)[1] for link in links if link != "#corrections"}:
                assert unit_id in rows, (series["id"], month, unit_id)
            def row_of(name):
                return next(row for row in rows.values() if placed(model, row["unit_id"]) == name)
            for name, way, places, rank, total in re.findall(
                    r"([A-Z][\w ()]+?) (rose|fell) most[:,] (?:up|down) (\d+) places?(?: \([^)]*\))?,"
                    r" (?:to|and is last:) rank (\d+) of (\d+)", text):
                row = row_of(name)
                assert (abs(row["rank_change"]), row["rank"], row["ranked_in_level"]) == (int(places), int(rank),
                                                                                         int(total))
                assert (row["rank_change"] > 0) == (way == "rose")
                checked += 1
            for name, rank, total, percent in re.findall(
                    r"([A-Z][\w ()]+?) (?:was last|fell most, [^:]*, and is last): rank (\d+) of (\d+), with ([\d.]+)%",
                    text):
                row = row_of(name)
                assert (row["rank"], row["ranked_in_level"], row["percent"]) == (int(rank), int(total), Decimal(percent))
                assert row["rank"] == max(r["rank"] for r in rows.values() if r["level"] == row["level"])
                checked += 1
    assert checked >= 8


def placed(model, unit_id):
    """A unit's English name as the story says it: a station with its district's."""
    unit = model.units[unit_id]
    return f"{unit['name_en']} ({model.units[unit['place']]['name_en']})" if unit["place"] else unit["name_en"]


def test_a_unit_last_month_after_month_is_said_so_and_a_shared_last_rank_as_joint(tmp_path, languages):
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    november = data / "district-admin" / "2024-11.csv"
    november.write_text(november.read_text().replace("etawah,110,130", "etawah,90,130"))  # last in November too
    english, hindi = languages["en"], languages["hi"]
    text = paragraph(build_model(data, with_corrections=False), "district-admin", "2024-12", english)
    assert "Etawah was last for 2 months running: rank 4 of 4, with 80.77%." in text
    assert "इटावा लगातार दूसरे महीने अंतिम स्थान पर रहा: 4 में से चौथे स्थान पर, 80.77% अंकों के साथ।" in paragraph(
        build_model(data, with_corrections=False), "district-admin", "2024-12", hindi)

    december = data / "district-admin" / "2024-12.csv"
    december.write_text(december.read_text().replace("kanpur-dehat,Kanpur Dehat,110,", "kanpur-dehat,Kanpur Dehat,105,"))
    text = paragraph(build_model(data, with_corrections=False), "district-admin", "2024-12", english)
    # As the table orders them; the rank not said to be joint: the names say who shares it.
    assert "Etawah and Kanpur Dehat were last: rank 3 of 4." in text


def paragraph(model, series_id, month, language):
    page = next(page for page in model.pages() if page.path == f"{series_id}/{month}/")
    series = page.model["series"]
    return text_of(story_html(page.model["story"], language, series,
                            lambda unit_id: language.name(model.units[unit_id])))


def rows(*changes):
    """Rows in rank order with a rank change each (None: no month before)."""
    return [{"unit_id": f"u{i}", "rank": i + 1, "tied": 1, "rank_change": change, "percent_change": None,
             "percent": 90, "ranked_in_level": len(changes)} for i, change in enumerate(changes)]


def test_the_most_moved_are_all_who_share_the_record_the_first_few_named():
    assert most_moved(rows(3, -2, 3, 0), "rank_change", 1) == {"value": 3, "rows": rows(3, -2, 3, 0)[0:3:2],
                                                                "count": 2}
    assert most_moved(rows(3, -2, 3, 0), "rank_change", -1)["rows"][0]["unit_id"] == "u1"
    assert most_moved(rows(None, None), "rank_change", 1) is None
    assert most_moved(rows(0, 0), "rank_change", -1) is None
    shared = most_moved(rows(*[1] * (NAMED + 2)), "rank_change", 1)
    assert shared["count"] == NAMED + 2 and len(shared["rows"]) == NAMED


def test_more_sharing_a_record_than_are_named_are_counted(languages):
    story = {"month": "2024-12", "counts": [{"level": "district", "at_rank_1": 0, "ranked": 5}], "level": "district",
             "gain": None, "drop": None,
             "fall": None, "last": None, "correction": None,
             "rise": most_moved(rows(*[1] * (NAMED + 2)), "rank_change", 1)}
    link = lambda unit_id: unit_id.upper()  # noqa: E731
    text = text_of(story_html(story, languages["en"], {"with_top": ()}, link))
    assert text.endswith("U0, U1, U2 and 2 others rose most: up 1 place each.")
    assert text_of(story_html(story, languages["hi"], {"with_top": ()}, link)).endswith(
        "सबसे बड़ी छलांग U0, U1, U2 और 2 अन्य ने लगाई: प्रत्येक 1 स्थान ऊपर।")  # no comma before और, as papers write


def test_nobody_is_last_when_every_unit_shares_rank_1():
    assert last_place([{"rank": 1}, {"rank": 1}]) is None
    assert last_place([{"rank": 1}, {"rank": 2}, {"rank": 2}])["count"] == 2


def test_a_last_place_across_a_month_never_published_is_said_in_rankings(tmp_path, languages):
    """Police, districts: Kanpur Commissionerate last in September (added here), November (Mathura raised to 124)
    and December; October was not published: three rankings over four months, not "3 months running"."""
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    september = data / "police" / "2024-09.csv"
    september.write_text(september.read_text() + "kanpur-dehat,125,125\nmathura,120,125\nkanpur-commissionerate,100,125\n")
    november = data / "police" / "2024-11.csv"
    november.write_text(november.read_text().replace("mathura,मथुरा,district,120,125", "mathura,मथुरा,district,124,125"))
    model = build_model(data, with_corrections=False)
    assert paragraph(model, "police", "2024-12", languages["en"]).endswith(
        "Kanpur Commissionerate was last in each of the last 3 rankings, published over 4 months: rank 4 of 4, with "
        "96%.")
    assert paragraph(model, "police", "2024-12", languages["hi"]).endswith(
        "कानपुर कमिश्नरेट पिछली 3 रैंकिंग में लगातार अंतिम स्थान पर रहा (ये 3 रैंकिंग 4 महीनों में प्रकाशित हुईं): 4 में "
        "से चौथे स्थान पर, 96% अंकों के साथ।")


def story_with(**facts):
    """A district-level story of December 2024 with only the facts given."""
    return {"month": "2024-12", "counts": [{"level": "district", "at_rank_1": 1, "ranked": 75}], "level": "district",
            "rise": None, "fall": None, "gain": None, "drop": None, "last": None, "correction": None, **facts}


def test_the_one_that_lost_most_points_and_is_last_is_one_sentence(languages):
    row = {"unit_id": "mahoba", "rank": 75, "tied": 1, "rank_change": 0, "percent_change": Decimal("-9.5"),
           "percent": Decimal("80.5"), "ranked_in_level": 75}
    record = {"value": Decimal("-9.5"), "rows": [row], "count": 1}
    story = story_with(drop=record, last={"rows": [row], "count": 1, "months": 1, "calendar_months": 1})
    link = lambda unit_id: unit_id.capitalize()  # noqa: E731
    assert text_of(story_html(story, languages["en"], {"with_top": ()}, link)).endswith(
        "Among districts, Mahoba lost the most percentage points, −9.5, and is last: rank 75 of 75, with 80.5%.")
    assert text_of(story_html(story, languages["hi"], {"with_top": ()}, link)).endswith(
        "जनपदों में प्रतिशत अंकों में सबसे बड़ी गिरावट Mahoba की रही: −9.5 अंक, और अब अंतिम: 75 में से 75वें स्थान पर, "
        "80.5% अंकों के साथ।")


@pytest.mark.parametrize("ranked, english, hindi", [
    (1, "In December 2024, the only zone was at rank 1.", "दिसंबर 2024 की रैंकिंग में रैंक 1 पर: एकमात्र ज़ोन।"),
    (2, "In December 2024, both zones were at rank 1.", "दिसंबर 2024 की रैंकिंग में दोनों ज़ोन रैंक 1 पर रहे।"),
    (8, "In December 2024, all 8 zones were at rank 1.", "दिसंबर 2024 की रैंकिंग में सभी 8 ज़ोन रैंक 1 पर रहे।"),
])
def test_a_whole_level_at_rank_1_reads_right(languages, ranked, english, hindi):
    story = {**story_with(counts=[{"level": "zone", "at_rank_1": ranked, "ranked": ranked}]), "level": None}
    assert text_of(story_html(story, languages["en"], {"with_top": ()}, str)) == english
    assert text_of(story_html(story, languages["hi"], {"with_top": ()}, str)) == hindi


def test_units_that_moved_most_to_one_shared_rank_say_it_once(languages):
    """"to ranks 1 and 1 of 75" ("क्रमशः पहले और पहले") where two rose to the same rank: the rank said once."""
    both = [{"unit_id": f"u{i}", "rank": 1, "tied": 2, "rank_change": 3, "percent_change": None, "percent": 100,
             "ranked_in_level": 75} for i in range(2)]
    story = story_with(rise={"value": 3, "rows": both, "count": 2})
    link = lambda unit_id: unit_id.upper()  # noqa: E731
    assert text_of(story_html(story, languages["en"], {"with_top": ()}, link)).endswith(
        "Among districts, U0 and U1 both rose most: up 3 places each, both to rank 1 of 75, joint with 1 other.")
    assert text_of(story_html(story, languages["hi"], {"with_top": ()}, link)).endswith(
        "जनपदों में सबसे बड़ी छलांग U0 और U1 ने लगाई: दोनों 3-3 स्थान ऊपर आए, अब दोनों 75 में से पहले स्थान पर, "
        "संयुक्त रूप से 1 अन्य के साथ।")
