"""The built site in a real browser: Debian's Chromium driven by Playwright, axe-core for accessibility.

`make test` installs what these need (Chromium and Noto fonts from Debian, axe-core from npm).
Screenshots land in tests/artifacts/ (not in git) for a person to look at.
"""

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest

from sitebuild import FIXTURES, ROOT, build

CHROMIUM = shutil.which("chromium") and "/usr/lib/chromium/chromium"  # the wrapper script prints noise
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {
    "home": "",
    "month": "police/2024-12/",
    "zone": "zone/kanpur-zone/",
    "district": "district/kanpur-commissionerate/",
    "station": "station/kanpur-commissionerate-chaubepur/",
}

if not (CHROMIUM and Path(CHROMIUM).exists() and AXE.exists()):
    pytest.fail("browser tests need Chromium and axe-core: run `make test`, which installs them",
                pytrace=False)

from playwright.sync_api import sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "small", tmp_path_factory.mktemp("browser") / "output")


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, url, width=360):
    """A page at a phone's width, with every console error and failed or outside request recorded."""
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("requestfailed", lambda request: page.problems.append(f"failed: {request.url}"))
    page.on("request", lambda request: request.url.startswith(("http://127.0.0.1", "data:"))
            or page.problems.append(f"outside request: {request.url}"))
    response = page.goto(url)
    assert response.status == 200, url
    return page


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("name", PAGES)
def test_pages_load_cleanly_and_pass_axe(server, browser, name, prefix):
    page = open_page(browser, server + prefix + PAGES[name])
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})""")
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], "\n".join(map(str, violations))
    assert page.problems == []
    # Readable at 360 px: nothing wider than the screen but the tables that scroll in their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.context.close()


# Every type of page, for the phone test: units of each level, indexes, a series, content pages (a redirect
# page moves on at once, to a district page).
EVERY_TYPE = [*PAGES.values(), "range/kanpur-range/", "district/kanpur-nagar/", "tehsil/kanpur-nagar-bilhaur/",
              "district-admin/2024-12/", "police/", "station/", "district/", "tehsil/", "about/", "data-format/",
              "staff-guide/"]
SIDEWAYS = """() => {
    const region = 'div.scroll[role=region]:is([aria-label], [aria-labelledby])[tabindex="0"]';
    const found = [];
    for (const element of document.querySelectorAll('body *')) {
        const style = getComputedStyle(element);
        const scrolls = element.scrollWidth > element.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX);
        if (scrolls && !element.matches(region)) found.push('scrolls: ' + element.tagName + '.' + element.className);
        if (scrolls && element.matches(region) && !style.backgroundImage.includes('gradient'))
            found.push('no cue: ' + (element.getAttribute('aria-label') || element.getAttribute('aria-labelledby')));
        const right = element.getBoundingClientRect().right;
        if (right > innerWidth + 1 && !element.closest(region) && style.display !== 'none')
            found.push('wider than the screen: ' + element.tagName + '.' + element.className);
    }
    // Every heading aligned as the cells under it: numbers right, names and months left.
    for (const table of document.querySelectorAll('table')) {
        const heads = [...table.querySelectorAll('thead th')];
        const row = [...table.querySelectorAll('tbody tr')].find(tr => !tr.querySelector('[colspan]'));
        if (!row) continue;
        heads.forEach((head, i) => {
            const cell = row.children[i];
            if (cell && getComputedStyle(head).textAlign !== getComputedStyle(cell).textAlign)
                found.push('misaligned: ' + head.textContent + ' over ' + cell.textContent);
        });
    }
    return found;
}"""


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("path", EVERY_TYPE)
def test_no_page_scrolls_sideways_on_a_phone(server, browser, path, prefix):
    """At 360 px only a wide table moves sideways, inside its own labelled box with shadows at its edges; every
    column's heading is aligned as its cells (numbers right)."""
    page = open_page(browser, server + prefix + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate(SIDEWAYS) == []
    page.context.close()


# Where the figures a reader came for stand in each table on a phone: right of the table's visible box, they need a
# sideways scroll. Rank (not the rank in a parent), name or month, percent and change.
FIGURES_IN_VIEW = """() => [...document.querySelectorAll('main table')].flatMap(table => {
    const box = (table.closest('.scroll') || table).getBoundingClientRect();
    const wanted = [...table.querySelectorAll('thead th')].filter(th =>
        /^(Rank|रैंक|Name|नाम|Month|माह|Percent|प्रतिशत)$|^(Change|बदलाव)/.test(th.textContent.trim()));
    return wanted.filter(th => th.getBoundingClientRect().right > box.right + 1)
        .map(th => th.textContent.trim() + ' in ' + (table.querySelector('caption') || {}).textContent);
})"""


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("path", [PAGES["month"], "district-admin/2024-12/", PAGES["district"], PAGES["station"],
                                  "district/kanpur-nagar/"])
def test_on_a_phone_rank_name_percent_and_change_are_in_view(server, browser, path, prefix):
    """Tables showed rank, name and parent at 360 px; percent and change needed a sideways scroll."""
    page = open_page(browser, server + prefix + path)
    assert page.evaluate(FIGURES_IN_VIEW) == []
    page.context.close()


MAP_AS_SEEN = """() => {
    const map = document.querySelector('.map svg[role=group]');
    const labels = [...map.querySelectorAll('text')].map(text => parseFloat(getComputedStyle(text).fontSize)
        * map.getScreenCTM().a);
    const tiles = [...map.querySelectorAll('a path')].map(path => path.getBoundingClientRect());
    return {label: Math.min(...labels), width: Math.min(...tiles.map(t => t.width)),
            height: Math.min(...tiles.map(t => t.height))};
}"""


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("path", ["district-admin/2024-12/", "", "zone/kanpur-zone/"])
def test_the_map_is_read_and_tapped_on_a_phone(server, browser, path, prefix):
    """At 360 px every label at least 9 px high and every tile a 24 × 24 px target (WCAG 2.5.8), the map in its own
    scrolling box where it is wider than the screen: it was shrunk to the screen, its labels 4.4 px high."""
    page = open_page(browser, server + prefix + path)
    seen = page.evaluate(MAP_AS_SEEN)
    assert seen["label"] >= 9 and seen["width"] >= 24 and seen["height"] >= 24, seen
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.context.close()


def test_a_month_page_prints_its_figures_without_the_ways_around_the_site(server, browser):
    page = open_page(browser, server + "en/" + PAGES["month"], width=800)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['a[download]', '.downloads', '.crumbs', 'header.site nav', 'form.search', 'footer .links', '.pager']
        .flatMap(selector => [...document.querySelectorAll(selector)])
        .filter(element => element.offsetParent !== null).map(element => element.outerHTML.slice(0, 60))""")
    assert hidden == []
    footer = page.evaluate("document.querySelector('footer').innerText")
    assert "·" not in footer and "Source:" in footer
    assert page.locator("table.ranking tbody tr").first.is_visible()
    assert page.locator("ul.names li").first.is_visible()
    page.context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_link_to_a_unit_at_rank_1_shows_it_with_its_district_and_rank(server, browser, prefix):
    """A journalist's link to one station named among its district's units at rank 1: on a small phone the name
    is marked, and the district and the rank it shares with the others are on screen with it, not above it."""
    context = browser.new_context(viewport={"width": 360, "height": 500})
    page = context.new_page()
    page.goto(server + prefix + PAGES["month"] + "#kanpur-commissionerate-kotwali")
    page.wait_for_timeout(200)
    target = page.locator("#kanpur-commissionerate-kotwali")
    section = page.locator("#in-kanpur-commissionerate")
    for part in (target, section.locator("h3"), section.locator("dl.shared")):
        box = part.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 500, (part, box)
    assert page.evaluate("getComputedStyle(document.querySelector('#kanpur-commissionerate-kotwali')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"
    shared = section.locator("dl.shared").inner_text()
    assert ("(5 joint)" if prefix else "(कुल 5 संयुक्त)") in shared
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_language_link_lands_on_the_same_page(server, browser, name):
    page = open_page(browser, server + PAGES[name])
    page.click("a[hreflang=en]")
    page.wait_for_load_state()  # on a busy machine the new document may not be there yet (it once was null)
    assert page.url == server + "en/" + PAGES[name]
    assert page.evaluate("document.documentElement.lang") == "en"
    page.click("a[hreflang=hi]")
    assert page.url == server + PAGES[name]
    page.context.close()


def test_hindi_is_drawn_with_a_devanagari_font(server, browser):
    page = open_page(browser, server + PAGES["station"])
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("h1", "figure.chart .role-axis-title text"):
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        assert any("Devanagari" in font["familyName"] for font in fonts), (selector, fonts)
    page.context.close()


def test_pages_read_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(server + PAGES["month"])
    # Every unit of the month is there: a table row, or a name among its district's units at rank 1.
    assert page.locator("table.ranking tbody tr").count() + page.locator("ul.names li").count() == 15
    assert page.locator("figure.chart svg").count() == 4
    context.close()


def test_screenshots_for_a_person_to_look_at(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    station = open_page(browser, server + PAGES["station"], width=360)
    station.screenshot(path=str(ARTIFACTS / "station-hi-360.png"), full_page=True)
    district = open_page(browser, server + "en/" + PAGES["district"], width=1280)
    district.screenshot(path=str(ARTIFACTS / "district-en-1280.png"), full_page=True)
    assert (ARTIFACTS / "station-hi-360.png").stat().st_size > 10_000
    station.context.close()
    district.context.close()


# ---- search (issue 10): either script on either language's pages, by keyboard, loaded only when asked for

def search_for(page, query):
    """Type into the header's search box; the units listed: [(name, what and where, rank line, href)]."""
    page.fill("#q", query)
    page.wait_for_function("q => document.querySelector('form.search .status').textContent !== '' && "
                           "document.querySelector('#q').value === q", arg=query)
    # Results are listed one by one as they arrive: wait for the whole first page (at most ten).
    page.wait_for_function("() => { const s = document.querySelector('form.search .status').textContent;"
                           " const n = document.querySelectorAll('ol.results li').length;"
                           " const m = /[\\d,]+/.exec(s); return m ? n === Math.min(10, +m[0].replace(/,/g, '')) : true; }")
    return page.eval_on_selector_all("ol.results li", """items => items.map(item => [
        item.querySelector('a').textContent, item.querySelector('.about').textContent,
        (item.querySelector('.rank-line') || {}).textContent || '', item.querySelector('a').getAttribute('href')])""")


@pytest.mark.parametrize("prefix, name, href", [
    ("", "चौबेपुर", "/station/kanpur-commissionerate-chaubepur/"),
    ("en/", "Chaubepur", "/en/station/kanpur-commissionerate-chaubepur/")])
def test_search_finds_a_unit_by_either_script_prefix_or_common_spelling(server, browser, prefix, name, href):
    page = open_page(browser, server + prefix + PAGES["month"])
    # Nothing of search loads before the reader focuses the box.
    loaded = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert not [name for name in loaded if "/search/" in name]
    page.focus("#q")
    for query in ("chaubepur", "चौबेपुर", "chaube", "चौबे", "choubepur", "chaubeypur", "CHAUBEPUR"):
        found = search_for(page, query)
        assert found and found[0][0] == name and found[0][3] == href, (query, found)
    where = "Police station · Kanpur Commissionerate" if prefix else "थाना · कानपुर कमिश्नरेट"
    assert found[0][1] == where
    assert found[0][2] == ("December 2024: Rank 7 of 7 police stations" if prefix else
                           "दिसंबर 2024: 7 थानों में रैंक 7")
    page.click("ol.results a")
    page.wait_for_url("**" + href)
    assert page.problems == []
    page.context.close()


def test_search_by_district_and_by_a_common_name(server, browser):
    page = open_page(browser, server + "en/")
    page.focus("#q")
    found = search_for(page, "kanpur nagar")
    assert found[0][:2] == ["Kanpur Nagar", "District"]
    names = {(name, about) for name, about, _, _ in found}
    # Its tehsils, and the police stations of its commissionerate (its counterpart).
    assert {("Bilhaur", "Tehsil · Kanpur Nagar"), ("Sadar", "Tehsil · Kanpur Nagar"),
            ("Chaubepur", "Police station · Kanpur Commissionerate")} <= names
    kotwalis = search_for(page, "kotwali")
    assert sorted((name, about) for name, about, _, _ in kotwalis) == [
        ("Kotwali", "Police station · Kanpur Commissionerate"), ("Kotwali", "Police station · Mathura")]
    assert search_for(page, "xyzzy") == [] and page.inner_text("form.search .status") == "No unit found by that name."
    assert page.problems == []
    page.context.close()


@pytest.mark.parametrize("prefix, said", [
    ("", "फ़ाइल"), ("en/", "opened from a file")])
def test_search_opened_from_a_file_says_why_it_cannot_and_offers_the_lists(site, browser, prefix, said):
    """From file:// the browser refuses the search's script: typing once did nothing at all."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto((site / prefix / "index.html").as_uri())
    page.fill("#q", "chaubepur")
    status = page.locator("form.search .status")
    assert said in status.inner_text()
    assert page.get_attribute("form.search .status a", "href").endswith("find/")
    page.fill("#q", "chaubepu")  # typing on says it once, not again and again
    assert status.inner_text().count(said) == 1
    context.close()


def test_search_fetches_one_small_file_for_a_name_and_offers_the_lists_when_the_connection_drops(server, browser):
    page = open_page(browser, server + "en/")
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.focus("#q")
    search_for(page, "chaubepur")
    # The script, then the file of the first letter typed (c), asked for with the index's version; no more.
    asked = [url.split(server)[-1] for url in fetched]
    assert asked[0] == "search/site-search.js" and re.fullmatch(r"search/en/0063\.json\?v=[0-9a-f]{12}", asked[1])
    assert len(asked) == 2, asked
    # A letter's file that does not come: no results, and the lists offered instead of a silent box.
    page.route("**/search/en/006b.json*", lambda route: route.abort())
    page.fill("#q", "kotwali")
    page.wait_for_function("() => document.querySelector('form.search .status a') !== null")
    assert page.eval_on_selector_all("ol.results li", "items => items.length") == 0
    assert page.get_attribute("form.search .status a", "href").endswith("/en/find/")
    # When it comes again, typing on finds.
    page.unroute("**/search/en/006b.json*")
    page.fill("#q", "")
    assert [name for name, *_ in search_for(page, "kotwali")] == ["Kotwali", "Kotwali"]
    page.context.close()


def test_a_newer_query_replaces_an_older_ones_results(server, browser):
    page = open_page(browser, server + "en/")
    page.focus("#q")
    search_for(page, "kotwali")  # the index loaded
    page.fill("#q", "kanpur")  # many results still arriving when the next query is typed
    found = search_for(page, "chaubepur")
    assert [name for name, *_ in found] == ["Chaubepur"], found
    assert page.problems == []
    page.context.close()


def test_search_works_by_keyboard_alone_and_its_results_pass_axe(server, browser):
    page = open_page(browser, server + "station/")
    for _ in range(40):  # from the top of the page, as a keyboard user goes
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("kotwali")
    search_for(page, "kotwali")
    page.keyboard.press("Tab")  # the Find button, then the first result
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "कोतवाली"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document.querySelector('form.search'), {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})""")
    assert [v["id"] for v in result["violations"]] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.keyboard.press("Enter")
    page.wait_for_url("**/station/*/")
    assert page.problems == []
    page.context.close()


def test_without_javascript_the_search_box_leads_to_the_lists(server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "en/police/")
    page.fill("#q", "chaubepur")
    page.click("form.search button")
    page.wait_for_url("**/en/find/?q=chaubepur")
    links = page.eval_on_selector_all("main a", "links => links.map(a => a.getAttribute('href'))")
    assert any(link.endswith("station/") for link in links) and any(link.endswith("district/") for link in links)
    context.close()
