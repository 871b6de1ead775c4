"""The built site in a real browser: Debian's Chromium driven by Playwright, axe-core for accessibility.

`make test` installs what these need (Chromium and Noto fonts from Debian, axe-core from npm).
Screenshots land in tests/artifacts/ (not in git) for a person to look at.
"""

import functools
import http.server
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
def server(tmp_path_factory):
    site = build(FIXTURES / "small", tmp_path_factory.mktemp("browser") / "output")
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
    const region = 'div.scroll[role=region][aria-label][tabindex="0"]';
    const found = [];
    for (const element of document.querySelectorAll('body *')) {
        const style = getComputedStyle(element);
        const scrolls = element.scrollWidth > element.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX);
        if (scrolls && !element.matches(region)) found.push('scrolls: ' + element.tagName + '.' + element.className);
        if (scrolls && element.matches(region) && !style.backgroundImage.includes('gradient'))
            found.push('no cue: ' + element.getAttribute('aria-label'));
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


def test_a_month_page_prints_its_figures_without_the_ways_around_the_site(server, browser):
    page = open_page(browser, server + "en/" + PAGES["month"], width=800)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['a[download]', '.downloads', '.crumbs', 'header.site nav', 'footer .links', '.pager']
        .flatMap(selector => [...document.querySelectorAll(selector)])
        .filter(element => element.offsetParent !== null).map(element => element.outerHTML.slice(0, 60))""")
    assert hidden == []
    footer = page.evaluate("document.querySelector('footer').innerText")
    assert "·" not in footer and "Source:" in footer
    assert page.locator("table.ranking tbody tr").first.is_visible()
    page.context.close()


@pytest.mark.parametrize("name", PAGES)
def test_language_link_lands_on_the_same_page(server, browser, name):
    page = open_page(browser, server + PAGES[name])
    page.click("a[hreflang=en]")
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
    assert page.locator("table.ranking tbody tr").count() == 15
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
