"""A search that forgives spelling (issue 19): a place typed as it is said, or with one typo in a word of five
letters or more, in either script, finds its unit first (or in the first three where the list says so); a short
word is not corrected; a district's own name finds the district before the units inside it.

tests/fixtures/spelling-variants.csv lists real spellings of Uttar Pradesh's places that differ from the site's:
the ways newspapers, the railways and people write them (Rae Bareli, Bulandshahar, Oraiya), and typos of the
kinds the issue names. The site is built from the sample data (the 75 districts and real station names).
"""

import csv
import json
import re
import shutil
import subprocess

import pytest

import test_browser
from sitebuild import FIXTURES, ROOT, build

# The browser tests' fixtures (a Chromium, the site served), for this module's site.
browser, server, open_page = test_browser.browser, test_browser.server, test_browser.open_page

SCRIPT = ROOT / "theme" / "search" / "site-search.js"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample data with its latest month of each series only: every unit is in the search all the same."""
    data = tmp_path_factory.mktemp("spelling") / "data"
    shutil.copytree(ROOT / "data", data)
    for series in ("police", "district-admin"):
        for month in sorted((data / series).glob("*.csv"))[:-1]:
            month.unlink()
    return build(data, data.parent / "output")


def typed(page, query):
    """The hrefs of the units listed for a query, once its own answer is in (the box emptied first, so that the
    answer read is not the one before)."""
    page.fill("#q", "")
    page.wait_for_function("() => document.querySelector('form.search .status').textContent === ''")
    page.fill("#q", query)
    page.wait_for_function("() => { const s = document.querySelector('form.search .status').textContent;"
                           " const n = document.querySelectorAll('ol.results li').length;"
                           " const m = /[\\d,]+/.exec(s);"
                           " return s !== '' && (m ? n === Math.min(10, +m[0].replace(/,/g, '')) : true); }")
    return page.eval_on_selector_all("ol.results li a", "links => links.map(a => a.getAttribute('href'))")


def units():
    with open(ROOT / "data" / "units.csv", encoding="utf-8") as file:
        return {row["id"]: row for row in csv.DictReader(file)}


def test_real_spellings_of_places_find_their_unit_first(site, server, browser):
    with open(FIXTURES / "spelling-variants.csv", encoding="utf-8") as file:
        variants = list(csv.DictReader(file))
    assert len(variants) >= 100
    known = units()
    page = open_page(browser, server + "en/")
    page.focus("#q")
    missed = []
    for variant in variants:
        unit = known[variant["expected"]]
        found = typed(page, variant["typed"])
        place = next((i for i, href in enumerate(found) if href.endswith(f"/en/{unit['level']}/{unit['id']}/")), None)
        if place is None or place >= int(variant["within"]):
            missed.append((variant["typed"], variant["expected"], place, found[:3]))
    assert missed == []
    assert page.problems == []
    page.context.close()


def test_a_districts_own_name_finds_the_district_first_in_either_script(site, server, browser):
    districts = [unit for unit in units().values() if unit["level"] == "district"]
    for prefix, column in (("en/", "name_en"), ("", "name_hi")):
        page = open_page(browser, server + prefix)
        page.focus("#q")
        for district in districts:
            found = typed(page, district[column])
            assert found and found[0].endswith(f"/district/{district['id']}/"), (district[column], found[:3])
        page.context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_common_word_or_a_short_name_finds_the_units_named_so_not_every_unit(site, server, browser, prefix):
    """On Hindi pages "मऊ" listed 2,034 units and "थाना" 1,575 (Pagefind's Hindi index split the words, and a
    station's kind, थाना, was searched too): now the units whose names have them."""
    page = open_page(browser, server + prefix)
    page.focus("#q")
    mau = typed(page, "मऊ")
    count = int(re.search(r"[\d,]+", page.inner_text("form.search .status"))[0].replace(",", ""))
    assert mau[0].endswith("/district/mau/") and count < 50  # Mau, its units, and names beginning मऊ
    thana = typed(page, "थाना")
    assert thana and all("mahila-thana" in href for href in thana), thana
    assert typed(page, "police") == []  # the rank lines' words are shown, not searched
    page.context.close()


def test_a_unit_page_says_its_other_names(site):
    from sitebuild import read

    assert "Also known as: Allahabad, इलाहाबाद" in read(site, "en/district/prayagraj/")
    assert "अन्य नाम: Allahabad, इलाहाबाद" in read(site, "district/prayagraj/")


def test_a_short_word_or_a_word_of_no_name_is_not_corrected_into_noise(site, server, browser):
    page = open_page(browser, server + "en/")
    page.focus("#q")
    assert typed(page, "xyzzy") == []  # five letters, near no name
    assert typed(page, "xyzq") == []  # four letters: not corrected, though "xyz" is near nothing either
    assert typed(page, "agar") == []  # four letters one swap from Agra: a short word is taken as typed
    # The start of names: found as typed, never corrected to a neighbour.
    assert all("kanpur" in href for href in typed(page, "kanp"))
    page.context.close()


def run_script(code):
    """Run JavaScript that imports the search script's pure functions (node)."""
    code = f"import * as s from {json.dumps(SCRIPT.as_uri())};\n{code}"
    done = subprocess.run(["node", "--input-type=module", "-e", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_one_edit_and_the_skeleton_worked_out_by_hand():
    pairs = [("bahraich", "baraich"), ("bahraich", "bahriach"), ("kanpur", "kanpur"), ("moradabad", "moradbad"),
             ("chaubepur", "chaubepure"), ("kanpur", "knapur"), ("varanasi", "vanarasi"), ("agra", "agar"),
             ("agra", "ogre"), ("बहराइच", "बहरायच")]
    answers = run_script(f"console.log(JSON.stringify({json.dumps(pairs)}.map(([a, b]) => s.oneEditApart(a, b))))")
    # missing h, swapped i/a, equal, missing a, added e, swapped a/n; two apart (n/r are not neighbours);
    # a swapped with r; two letters changed; य for इ
    assert answers == [True, True, True, True, True, True, False, True, False, True]
    shapes = run_script("console.log(JSON.stringify(['kaushambi', 'kosambi', 'beconganj', 'bekanganj', 'chaubepur',"
                        " 'kaubepur', 'बुलंदशहर'].map(s.skeleton)))")
    assert shapes[0] == shapes[1] == "ksmb"  # vowels and h gone
    assert shapes[2] == shapes[3] == "bkngnj"  # c as k
    assert shapes[4] != shapes[5]  # but ch stays ch
    assert shapes[6] == "बलदशहर"  # vowel signs and anusvara gone (ह is a letter of its own)


def test_the_order_of_results_worked_out_by_hand(site):
    """ranked() on a hand-made letter's file: a whole name first (the higher level first); then whole words before
    starts of words; a unit's own names before those around it; the narrowest unit around it first."""
    file = {"around": [[0, "kanpur zone kanpurzone"], [2, "kanpur nagar kanpurnagar"], [2, "mau"], [1, "azamgarh range"]],
            "units": [["Kanpur Nagar", "", "", "district/kanpur-nagar/", 2, "kanpur kanpurnagar nagar", "kanpurnagar", [0]],
                      ["Chaubepur", "", "", "station/chaubepur/", 4, "chobepur", "chobepur", [1]],
                      ["Jhansi Range", "", "", "range/jhansi-range/", 1, "jhansi jhansirange range", "jhansirange", [0]],
                      ["Kanpur", "", "", "tehsil/kanpur/", 3, "kanpur", "kanpur", [1]],
                      ["Kanpur", "", "", "station/kanpur/", 4, "kanpur", "kanpur", [1]],
                      ["Mau", "", "", "district/mau/", 2, "mau", "mau", [3]],
                      ["Kopaganj", "", "", "station/kopaganj/", 4, "kopaganj", "kopaganj", [2]],
                      ["Mauranipur", "", "", "tehsil/mauranipur/", 3, "mauranipur", "mauranipur", []]]}
    queries = ["kanpur", "kanp", "kanpur nagar", "mau", "mau kopa", "kanpurnagar"]
    script = (site / "search" / "site-search.js").as_uri()
    code = (f"import * as s from {json.dumps(script)};\nconst {{ units }} = s.unitsOf({json.dumps(file)});\n"
            f"console.log(JSON.stringify({json.dumps(queries)}.map((q) => s.ranked([q], units).map((u) => u.path))))")
    done = subprocess.run(["node", "--input-type=module", "-e", code], capture_output=True, text=True, check=True)
    found = dict(zip(queries, json.loads(done.stdout)))
    # "kanpur": the tehsil, then the station named so (whole names, the higher level first); Kanpur Nagar (its own
    # word); Chaubepur (in Kanpur Nagar) before Jhansi Range (in Kanpur Zone, a wider area).
    assert found["kanpur"] == ["tehsil/kanpur/", "station/kanpur/", "district/kanpur-nagar/", "station/chaubepur/",
                               "range/jhansi-range/"]
    # The start of a word: no whole name; own names first (by level), then the narrowest around.
    assert found["kanp"] == ["district/kanpur-nagar/", "tehsil/kanpur/", "station/kanpur/", "station/chaubepur/",
                             "range/jhansi-range/"]
    # Two words: the whole name, then the units with both words around them, own words counted first; Jhansi
    # Range has no "nagar" around it.
    assert found["kanpur nagar"] == found["kanpurnagar"][:1] + ["tehsil/kanpur/", "station/kanpur/",
                                                                "station/chaubepur/"]
    # As one word: a word of the names around them whole (Kanpur Nagar's joined name), the higher level first.
    assert found["kanpurnagar"] == ["district/kanpur-nagar/", "tehsil/kanpur/", "station/chaubepur/", "station/kanpur/"]
    # Mau's station (a whole word around it) before Mauranipur (the start of its own name).
    assert found["mau"] == ["district/mau/", "station/kopaganj/", "tehsil/mauranipur/"]
    assert found["mau kopa"] == ["station/kopaganj/"]
