"""A name is text, wherever the site writes it: no name in units.csv or series.csv, and no setting, can add an
element or an attribute to a page (stored XSS), break the page's head, or end a <script> early.

A site is built from the small fixture with names full of ", ', <, >, & and </script> in every CSV name field
and every setting that is shown, with the share images and feeds of a publish build. Every page (head included)
is parsed, and every element and attribute in it must be one the templates wrote. Then Chromium opens a page of
each type with a dialog handler: an alert() from a name would be caught.
"""

import csv
import functools
import http.server
import io
import shutil
import threading
from html.parser import HTMLParser

import pytest

from sitebuild import FIXTURES, build

# Each payload tries another way out: of an attribute (both quotes), of a <script> (JSON-LD), of a comment, into
# an element, and through what striptags and unescape would turn back into markup.
PAYLOADS = [
    '"><img src=x onerror=alert(1) data-injected=1>',
    "'><img src=x onerror=alert(2) data-injected=2>",
    "</script><script data-injected=3>alert(3)</script>",
    "&#34;><b data-injected=4>&lt;i data-injected=5&gt;",
    "--><b data-injected=6>",
    "<svg onload=alert(7) data-injected=7>",
]
HOSTILE = " ".join(PAYLOADS)
# What the templates write themselves: the only scripts, and no attribute that runs code.
SCRIPT_TYPES = {"module", "application/ld+json", "application/json"}  # JSON: the compare page's data


def hostile(name):
    """A name with every payload in it (a Hindi name keeps its Devanagari, as validation asks)."""
    return f"{name} {HOSTILE}"


def rewrite(path, columns):
    """The CSV at path with a payload added to each of columns (those it has), in every row."""
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        for column in columns:
            if row.get(column):
                row[column] = hostile(row[column])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(FIXTURES / "small", data)
    rewrite(data / "units.csv", ["name_en", "name_hi"])
    rewrite(data / "series.csv", ["name_en", "name_hi"])
    for month in data.glob("*/*.csv"):  # a month's file may echo the names: they must match units.csv
        rewrite(month, ["name_en", "name_hi"])
    # A unit not ranked yet has a page of its own, with no figures to describe it.
    with open(data / "units.csv", "a", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows([
            ["mathura-new", "station", "mathura", hostile("New"), hostile("नया"), "", ""],
            # A word longer than any screen or picture (it made pages scroll sideways: scrollWidth 2,376).
            ["mathura-long", "station", "mathura", "Long" * 50, "लंबा" * 50, "", ""]])
    return build(data, root / "output", conf="publishconf.py",
                 SITEURL="https://example.org/igrs",
                 RANKINGS_SOURCE={"url": 'https://example.org/?a="b"&c=<d>', "name": hostile("Source")},
                 RANKINGS_LICENCE={"url": "https://example.org/'l'", "name": {"hi": hostile("लाइसेंस"),
                                                                             "en": hostile("Licence")}})


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of its <title>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.title, self._in_title = [], "", False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parsed(file):
    parser = Elements()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def intruders(page):
    """What no template writes: an injected element or attribute, a script of another type, an event handler."""
    found = []
    for tag, attrs in page.tags:
        if any(name.startswith("on") or name == "data-injected" for name in attrs):
            found.append((tag, attrs))
        elif tag == "script" and attrs.get("type") not in SCRIPT_TYPES:
            found.append((tag, attrs))
        elif tag == "img" or (tag == "svg" and attrs.get("data-injected")):
            found.append((tag, attrs))
        elif tag in ("b", "i") and attrs:
            found.append((tag, attrs))
    return found


def test_no_name_or_setting_adds_an_element_or_attribute_to_any_page(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for file in pages:
        page = parsed(file)
        assert intruders(page) == [], file.relative_to(site)
        # The head is whole: one of each of its tags, each where it belongs (a <title> in the body names a tile
        # of the district map's SVG).
        heads = [tag for tag, _ in page.tags if tag in ("html", "head", "body", "title")]
        assert heads[:heads.index("body") + 1] == ["html", "head", "title", "body"], file.relative_to(site)


def test_a_name_is_shown_as_written_in_title_and_shared_description(site):
    for path in ("station/kanpur-commissionerate-chaubepur/index.html", "station/mathura-new/index.html",
                 "en/station/mathura-new/index.html", "police/2024-12/index.html", "en/police/2024-12/index.html"):
        page = parsed(site / path)
        meta = {attrs.get("property") or attrs.get("name"): attrs.get("content")
                for tag, attrs in page.tags if tag == "meta"}
        assert PAYLOADS[0] in page.title and PAYLOADS[2] in page.title, path
        assert PAYLOADS[0] in meta["og:title"], path
        assert PAYLOADS[0] in meta["og:description"] and PAYLOADS[1] in meta["og:description"], path


def test_json_ld_stays_one_script_of_json(site):
    import json
    import re

    text = (site / "police/2024-12/index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(scripts) == 1
    dataset = json.loads(scripts[0])
    assert HOSTILE in dataset["name"]


def test_the_compare_pages_data_stays_one_script_of_json(site):
    import json
    import re

    for path in ("compare/index.html", "en/compare/index.html"):
        text = (site / path).read_text(encoding="utf-8")
        scripts = re.findall(r'<script type="application/json" id="compare-data">(.*?)</script>', text, re.S)
        assert len(scripts) == 1, path
        assert any(HOSTILE in series["name"] for series in json.loads(scripts[0])["series"].values()), path


def test_feeds_and_sitemap_stay_xml(site):
    from xml.etree import ElementTree

    for file in [site / "sitemap.xml", *site.rglob("*.atom.xml")]:
        ElementTree.parse(file)


PAGE_TYPES = {
    "home": "", "month": "police/2024-12/", "series": "police/", "zone": "zone/kanpur-zone/",
    "district": "district/kanpur-commissionerate/", "station": "station/kanpur-commissionerate-chaubepur/",
    "not ranked": "station/mathura-new/", "index": "station/", "redirect": "district/etawa/", "find": "find/",
    "about": "about/", "not found": "404.html",
}


def test_no_name_runs_script_in_chromium(site):
    from test_browser import ARGS, CHROMIUM
    from playwright.sync_api import sync_playwright

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    dialogs = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page()
            page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
            for prefix in ("", "en/"):
                for kind, path in PAGE_TYPES.items():
                    if prefix and path == "404.html":
                        continue
                    page.goto(f"http://127.0.0.1:{httpd.server_port}/{prefix}{path}", wait_until="load")
                    page.wait_for_timeout(50)
                    assert page.evaluate("document.querySelectorAll('[data-injected]').length") == 0, (kind, prefix)
                    if kind == "station":  # the search box lists names too: typing one must not run it
                        page.fill("#q", "Chaubepur")
                        page.wait_for_selector("ol.results li", timeout=10_000)
                        assert page.evaluate("document.querySelectorAll('[data-injected]').length") == 0
            phone = browser.new_page(viewport={"width": 360, "height": 800})
            for prefix in ("", "en/"):
                for path in ("station/mathura-long/", "station/", "district/mathura/"):
                    phone.goto(f"http://127.0.0.1:{httpd.server_port}/{prefix}{path}", wait_until="load")
                    assert phone.evaluate("document.documentElement.scrollWidth") <= 360, prefix + path
            browser.close()
    finally:
        httpd.shutdown()
    assert dialogs == []


def test_every_page_people_share_has_its_own_picture(site):
    """The home page, the Markdown pages, the find page and the indexes once shared as text only."""
    for path, name in [(path, "share.png") for path in (
            "", "en/", "about/", "en/data-format/", "staff-guide/", "find/", "en/find/", "station/", "en/district/",
            "police/", "police/2024-12/", "station/mathura-new/")] + [
            ("station/kanpur-commissionerate-chaubepur/", "police-history.png")]:  # a unit's chart is its picture
        page = parsed(site / path / "index.html")
        meta = {attrs.get("property"): attrs.get("content") for tag, attrs in page.tags if tag == "meta"}
        assert meta.get("og:image") == f"https://example.org/igrs/{path}{name}", path
        picture = site / path / name
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path
    assert "og:image" not in (site / "district/etawa/index.html").read_text(encoding="utf-8")  # a redirect
