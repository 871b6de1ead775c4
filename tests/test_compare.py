"""Comparing units side by side: what the compare page's script is given (worked out by hand on the small fixture),
the ways into it from a unit's page, and the page itself in Chromium in both languages, its figures checked against
the units' own pages; a shared address shows the same comparison; without JavaScript the page says what to do."""

import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from babel.messages.pofile import read_po

from sitebuild import FIXTURES, ROOT, build, read
from test_browser import AXE, browser, open_page, server  # noqa: F401

from rankings.site.compare import Neighbours, level_files
from rankings.site.model import build_model

CASES = {
    "two stations": [("police", "kanpur-commissionerate-chaubepur"), ("police", "kanpur-dehat-akbarpur")],
    "police and its administration": [("police", "kanpur-commissionerate"), ("district-admin", "kanpur-nagar")],
    "four districts": [("police", "kanpur-commissionerate"), ("police", "kanpur-dehat"), ("police", "etawah"),
                       ("police", "mathura")],
}
LEVEL_OF = {"kanpur-commissionerate-chaubepur": "station", "kanpur-dehat-akbarpur": "station"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "small", tmp_path_factory.mktemp("compare") / "output")


@pytest.fixture(scope="module")
def model():
    return build_model(FIXTURES / "small", with_corrections=False)


def address(entries, prefix=""):
    return prefix + "compare/?" + "&".join(f"{series}={unit}" for series, unit in entries)


# ---- what the script is given, by hand

def test_a_levels_file_says_how_many_were_ranked_and_which_ranks_were_shared(model):
    files = level_files(model)
    # December 2024, police stations: five at 100 % share rank 1, Akbarpur 97.78 % is 6th, Chaubepur 83.96 % 7th.
    assert files[("police", "station")]["months"]["2024-12"] == [7, {"1": 5}]
    # August 2024: only two stations ranked, Chaubepur 90/90 and Beconganj 85/90: no rank shared.
    assert files[("police", "station")]["months"]["2024-08"] == [2, {}]
    # Districts: Kanpur Dehat and Etawah at 100 % share rank 1; Mathura's official 3 and Kanpur's 4 are their own.
    assert files[("police", "district")]["months"]["2024-12"] == [4, {"1": 2}]
    assert "2024-10" not in files[("police", "station")]["months"]  # not published
    # A station's CSV names its district by id; the file gives the name in both languages.
    assert files[("police", "station")]["parents"]["kanpur-dehat"] == {"name_en": "Kanpur Dehat",
                                                                       "name_hi": "कानपुर देहात"}


def test_a_unit_is_compared_with_those_just_above_and_below_and_with_its_parents_others(model):
    neighbours = Neighbours(model)
    police = next(series for series in model.series if series["id"] == "police")
    chaubepur = neighbours.of(model.units["kanpur-commissionerate-chaubepur"], police)
    assert (chaubepur["above"], chaubepur["below"]) == ("kanpur-dehat-akbarpur", None)  # 7th of 7
    assert sorted(unit["id"] for unit in chaubepur["others"]) == [
        "kanpur-commissionerate-beconganj", "kanpur-commissionerate-gwaltoli", "kanpur-commissionerate-kotwali"]
    assert chaubepur["in_parent"] and chaubepur["pairs"] == []  # stations are ranked by the police only
    akbarpur = neighbours.of(model.units["kanpur-dehat-akbarpur"], police)
    assert akbarpur["below"] == "kanpur-commissionerate-chaubepur"
    assert model.unit_rows(akbarpur["above"])[-1]["rank"] == 1  # one of the five sharing rank 1
    # A commissionerate has no parent: it is compared among every police district, and with its revenue district.
    kanpur = neighbours.of(model.units["kanpur-commissionerate"], police)
    assert not kanpur["in_parent"]
    assert sorted(unit["id"] for unit in kanpur["others"]) == ["etawah", "kanpur-dehat", "mathura"]
    assert [(series["id"], unit_id) for series, unit_id in kanpur["pairs"]] == [("district-admin", "kanpur-nagar")]
    # A district ranked in both series is paired with itself in the other.
    dehat = neighbours.of(model.units["kanpur-dehat"], police)
    assert [(series["id"], unit_id) for series, unit_id in dehat["pairs"]] == [("district-admin", "kanpur-dehat")]


def test_the_catalogs_plural_rule_is_the_one_the_script_applies():
    """compare.js picks a message's form by n != 1, the rule of every catalog; a language with another rule would
    need the script to learn it."""
    for catalog in (ROOT / "theme" / "translations").glob("*/LC_MESSAGES/*.po"):
        with catalog.open("rb") as file:
            assert read_po(file).plural_expr == "(n != 1)", catalog


# ---- the ways into a comparison

def test_a_unit_page_leads_to_its_comparisons(site):
    page = read(site, "en/district/kanpur-commissionerate/")
    links = dict((re.sub(r"<[^>]+>", "", text), href) for href, text in
                 re.findall(r'<a href="([^"]*compare/[^"]*)">(.*?)</a>', page.replace("&amp;", "&")))
    assert parse_qsl(urlsplit(links["Kanpur Nagar in the IGRS ranking of district administrations"]).query) == [
        ("police", "kanpur-commissionerate"), ("district-admin", "kanpur-nagar")]
    assert parse_qsl(urlsplit(links["Any other unit: find it by its name"]).query) == [
        ("police", "kanpur-commissionerate")]
    # The others it is ranked among, in a form that leads to the compare page without a script of its own.
    form = re.search(r'<form class="pick" action="([^"]+)">(.*?)</form>', page, re.S)
    assert form[1].endswith("compare/")
    assert re.findall(r'<option value="([^"]+)"', form[2]) == ["etawah", "kanpur-dehat", "mathura"]  # by name
    assert '<input type="hidden" name="police" value="kanpur-commissionerate">' in form[2]


# ---- the page, in Chromium

def unit_months(browser, server, prefix, series, unit_id):
    """Each month's rank, percent and change as the unit's own page shows them in a series, or why it has none."""
    level = LEVEL_OF.get(unit_id, "district")
    page = open_page(browser, f"{server}{prefix}{level}/{unit_id}/")
    months = page.evaluate("""(series) => [...document.querySelectorAll(`tr[id^="${series}-"]`)].map(tr =>
        [tr.id.slice(series.length + 1), [...tr.querySelectorAll('td')].map(td => td.innerText.replace(/\\s+/g, ' ').trim())
            .slice(0, tr.classList.contains('gap') ? 1 : 3)])""", series)
    page.context.close()
    return dict(months)


def compared(page):
    """The comparison as shown: names, and each month's cells per unit (rank, percent, change), or a gap's words."""
    page.wait_for_selector("ul.compared li")
    months = page.evaluate("""() => [...document.querySelectorAll('table.compare tbody tr')].map(tr =>
        [tr.id, [...tr.querySelectorAll('td')].map(td => td.classList.contains('gap') ? [td.innerText]
            : [...td.querySelectorAll(':scope > span')].map(s => s.innerText.replace(/\\s+/g, ' ').trim()))])""")
    return {"names": page.locator("ul.compared li > a:first-of-type").all_inner_texts(),
            "months": dict(months), "lines": page.locator(".plot path").count(),
            "ahead": page.locator("ul.ahead li").all_inner_texts()}


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("case", CASES)
def test_the_comparison_shows_each_units_figures_as_its_own_page_does(site, server, browser, case, prefix):
    entries = CASES[case]
    page = open_page(browser, server + address(entries, prefix))
    shown = compared(page)
    assert not page.problems
    assert len(shown["names"]) == len(entries) == shown["lines"]
    assert not page.locator("#no-script").is_visible()
    for column, (series, unit_id) in enumerate(entries):
        own = unit_months(browser, server, prefix, series, unit_id)
        for month, cells in shown["months"].items():
            assert cells[column] == own.get(month, [cells[column][0]]), (unit_id, month)
        assert set(own) <= set(shown["months"])  # every month it was ranked or not published in
    # The other language's link leads to the same comparison.
    other = page.locator("nav.languages a").get_attribute("href")
    assert parse_qsl(urlsplit(other).query) == entries and ("en/" in other) == (prefix == "")
    # The address is the view: opened afresh, by someone else, it shows the same.
    again = open_page(browser, page.url)
    assert compared(again) == shown
    page.context.close()
    again.context.close()


def test_how_often_each_ranked_above_the_other_is_counted_in_the_months_both_were_ranked(site, server, browser):
    page = open_page(browser, server + address(CASES["two stations"], "en/"))
    # Both ranked in November (both rank 1: level) and December (Akbarpur 6th, Chaubepur 7th).
    assert compared(page)["ahead"] == ["Chaubepur ranked above Akbarpur in 0 of the 2 months both were ranked.",
                                       "Akbarpur ranked above Chaubepur in 1 of the 2 months both were ranked.",
                                       "They had the same rank in 1 month."]
    assert page.locator("#compared-title").inner_text() == "Chaubepur and Akbarpur compared"
    # Leaving one out leads to the comparison without it.
    page.get_by_role("link", name="Remove Akbarpur from the comparison").click()
    page.wait_for_url(re.compile(r"compare/\?police=kanpur-commissionerate-chaubepur$"))
    assert compared(page)["names"] == ["Chaubepur"]
    page.context.close()


@pytest.mark.parametrize("query, told", [
    ("police=kanpur-commissionerate-chaubepur&police=etawah", "Etawah is left out: only units of one level"),
    ("police=etawah&district-admin=mathura", "Mathura is left out: two rankings are compared only for one area"),
    ("police=etawah&police=nowhere", "“nowhere” is no unit of this site"),
])
def test_what_cannot_be_compared_is_left_out_and_said(site, server, browser, query, told):
    page = open_page(browser, f"{server}en/compare/?{query}")
    page.wait_for_selector("ul.compared li")
    assert told in page.locator("#compare-status").inner_text()
    assert page.locator("ul.compared li > a:first-of-type").all_inner_texts() == ["Etawah"] or "nowhere" not in query
    page.context.close()


def test_the_page_without_units_says_how_to_choose_them(site, server, browser):
    page = open_page(browser, server + "en/compare/")
    page.wait_for_function("document.getElementById('compare-status').textContent")
    assert "No units are named in this address yet" in page.locator("#compare-status").inner_text()
    assert page.locator(".result").is_hidden() and page.locator("#add-q").is_visible()
    page.context.close()


def test_a_unit_found_by_the_search_box_is_added_to_the_comparison(site, server, browser):
    page = open_page(browser, server + "en/" + address(CASES["two stations"][:1]))
    page.wait_for_selector("ul.compared li")
    page.fill("#add-q", "civil lines")
    found = page.locator("form.add ol.results a").first
    found.wait_for()
    assert parse_qsl(urlsplit(found.get_attribute("href")).query) == [
        ("police", "kanpur-commissionerate-chaubepur"), ("police", "etawah-civil-lines")]
    page.fill("#add-q", "etawah")  # a district: not of this level, listed without a link
    page.wait_for_selector("form.add ol.results strong")
    assert "Etawah" in page.locator("form.add ol.results strong").all_inner_texts()
    page.context.close()


@pytest.mark.parametrize("query, linked, unlinked", [
    # Police: Kanpur Commissionerate and Kanpur Dehat rank among its districts; Kanpur Nagar's police is the
    # commissionerate, so Kanpur Nagar would only be left out.
    ("police=etawah", {"Kanpur Commissionerate": [("police", "etawah"), ("police", "kanpur-commissionerate")],
                       "Kanpur Dehat": [("police", "etawah"), ("police", "kanpur-dehat")]}, {"Kanpur Nagar"}),
    ("district-admin=kanpur-dehat", {"Kanpur Nagar": [("district-admin", "kanpur-dehat"),
                                                      ("district-admin", "kanpur-nagar")]},
     {"Kanpur Commissionerate", "Kanpur Dehat"}),
    # A commissionerate alone: its district's administration is compared with it, across the two rankings.
    ("police=kanpur-commissionerate", {"Kanpur Nagar": [("police", "kanpur-commissionerate"),
                                                        ("district-admin", "kanpur-nagar")],
                                       "Kanpur Dehat": [("police", "kanpur-commissionerate"),
                                                        ("police", "kanpur-dehat")]}, {"Kanpur Commissionerate"}),
    # A district's police beside its administration is complete: nothing more is linked.
    ("police=kanpur-commissionerate&district-admin=kanpur-nagar", {}, {"Kanpur Dehat", "Kanpur Zone"}),
])
def test_the_search_box_links_only_units_the_comparison_can_take(site, server, browser, query, linked, unlinked):
    page = open_page(browser, f"{server}en/compare/?{query}")
    page.wait_for_selector("ul.compared li")
    page.fill("#add-q", "kanpur")
    page.wait_for_selector("form.add ol.results li")
    links = {a.inner_text(): parse_qsl(urlsplit(a.get_attribute("href")).query)
             for a in page.locator("form.add ol.results a").all()}
    assert {name: links.get(name) for name in linked} == linked
    assert unlinked <= set(page.locator("form.add ol.results strong").all_inner_texts())
    page.context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_units_chosen_in_a_month_pages_lists_and_tables_lead_to_their_comparison(site, server, browser, prefix):
    page = open_page(browser, f"{server}{prefix}police/2024-12/")
    page.click('[data-tool="pick"]')
    names = {"": ("चौबेपुर", "बेकनगंज", "इटावा"), "en/": ("Chaubepur", "Beconganj", "Etawah")}[prefix]
    page.locator("tbody th", has_text=names[0]).locator("input[type=checkbox]").check()  # in a table
    page.locator("ul.names li", has_text=names[1]).locator("input[type=checkbox]").check()  # at rank 1 in a list
    district = page.locator("tbody th", has_text=names[2]).locator("input[type=checkbox]")
    district.click()  # a district: not of the stations' level
    assert not district.is_checked()
    assert names[2] in page.locator(".pick-bar [role=status]").inner_text()
    page.add_script_tag(path=str(AXE))  # the boxes and the bar as accessible as the page
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})""")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    go = page.locator(".pick-bar a")
    assert parse_qsl(urlsplit(go.get_attribute("href")).query) == [
        ("police", "kanpur-commissionerate-chaubepur"), ("police", "kanpur-commissionerate-beconganj")]
    go.click()
    assert compared(page)["names"] == list(names[:2])
    assert not page.problems
    page.context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_javascript_the_page_says_what_to_do_and_leads_to_the_units(site, server, browser, prefix):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(server + address(CASES["two stations"], prefix))
    assert page.locator("#compared").is_hidden()
    assert page.locator("#no-script").is_visible()
    lists = page.locator("#no-script a")
    assert lists.count() == 5  # every level's list of its units: zones, ranges, districts, tehsils, stations
    lists.last.click()
    assert page.locator('a[href*="station/kanpur-commissionerate-chaubepur/"]').count()
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_compare_page_passes_axe(site, server, browser, prefix):
    page = open_page(browser, server + address(CASES["four districts"], prefix))
    page.wait_for_selector("ul.compared li")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})""")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    page.context.close()


def test_the_levels_files_are_json_the_script_reads(site):
    months = json.loads(read(site, "compare/police-station.json"))["months"]
    assert months["2024-11"] == [7, {"1": 5}]


def test_what_the_hindi_page_gives_its_script_to_say_is_hindi(site):
    """The script's words, month names and level words come from the page, in its language (gettext, Babel)."""
    data = json.loads(re.search(r'<script type="application/json" id="compare-data">(.*?)</script>',
                                read(site, "compare/"), re.S)[1])
    said = [*data["months"].values(), *data["levels"].values(), *(k for pair in data["kinds"].values() for k in pair),
            *(series["name"] for series in data["series"].values())]
    for text in data["words"].values():
        said += text if isinstance(text, list) else [text]
    latin = {word for text in said for word in re.findall(r"[A-Za-z]{2,}", re.sub(r"%\(\w+\)s", "", text))}
    assert latin <= {"CSV", "IGRS"}, latin
    assert data["months"]["2024-12"] == "दिसंबर 2024"
