"""Embedding a figure in a news page: the code under "Embed this figure", pasted into a plain page, shows the figure
whole (its title, its month, its source, a link back) without a scroll bar at a phone's width and a computer's, in
both languages, with its script and without it (WordPress keeps the iframe only); oEmbed discovery where the host
takes the files."""

import html
import json
import re

import pytest

from sitebuild import FIXTURES, build, read
# The browser tests' Chromium (and their check that it is there), and their server of this module's site.
from test_browser import browser, server  # noqa: F401

BASE = "https://example.org/igrs/"
FIGURES = [("station/kanpur-commissionerate-chaubepur/", "police"), ("en/district/kanpur-commissionerate/", "police"),
           ("district/kanpur-nagar/", "district-admin"), ]
# A month's map: its page makes the code when asked (month.js), as it has no room for it.
MONTH_FIGURES = [("police/2024-12/", "district-map"), ("en/district-admin/2024-12/", "district-map")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "small", tmp_path_factory.mktemp("embed") / "output", RANKINGS_OEMBED=True,
                 SITEURL="https://example.org/igrs")


def snippet_of(page_html, name):
    """The code the page gives to embed its figure `name`, as a journalist copies it."""
    after = page_html[page_html.index(f'id="embed-{name}"'):]
    return html.unescape(re.search(r'<details class="embed">.*?<textarea readonly rows="3"[^>]*>(.*?)</textarea>', after,
                                   re.S)[1])


def asked_for(browser, server, path, name):
    """The code a month page's script gives for its figure `name` when a journalist asks for it ("Embed the map")."""
    page = browser.new_page()
    page.goto(server + path)
    page.click(f'[data-tool="embed"][data-figure="{name}"]')
    code = page.locator("details.embed textarea").input_value()
    page.close()
    return code


def pasted(site, server, path, name, with_script, code=None):
    """A news page with the snippet pasted in it, its iframe pointing at the local copy of the site."""
    code = (code or snippet_of(read(site, path), name)).replace(BASE, server)
    if not with_script:
        code = re.sub(r"<script>.*?</script>", "", code, flags=re.S)
    article = site / "article.html"
    article.write_text("<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>"
                       f"<title>News</title><p>Before the figure.</p>{code}<p>After it.</p>", encoding="utf-8")
    return server + "article.html"


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("with_script", [True, False])
@pytest.mark.parametrize("path, name", FIGURES + MONTH_FIGURES)
def test_the_embed_code_shows_the_figure_whole_without_a_scroll_bar(site, server, browser, path, name, width,
                                                                   with_script):
    code = asked_for(browser, server, path, name) if (path, name) in MONTH_FIGURES else None
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(pasted(site, server, path, name, with_script, code))
    page.wait_for_timeout(800)
    frame = page.frames[1]
    inside = frame.evaluate("""() => {
        const target = document.querySelector('.embeddable:target'), root = document.documentElement;
        const shown = el => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
        return {target: !!target, title: shown(target && target.querySelector('.embed-title')) && target.querySelector('.embed-title').textContent,
                figure: shown(target && target.querySelector('figure svg')),
                credit: target && target.querySelector('.embed-credit a').href,
                header: shown(document.querySelector('header.site')), footer: shown(document.querySelector('footer.site')),
                scrollHeight: root.scrollHeight, clientHeight: root.clientHeight,
                scrollWidth: root.scrollWidth, clientWidth: root.clientWidth}
    }""")
    assert inside["target"] and inside["title"] and inside["figure"], inside
    assert not inside["header"] and not inside["footer"]
    assert inside["credit"].replace(server, BASE).split("#")[0] == BASE + path
    assert inside["scrollHeight"] <= inside["clientHeight"] and inside["scrollWidth"] <= inside["clientWidth"], inside
    frame_box = page.evaluate("document.querySelector('iframe').getBoundingClientRect().toJSON()")
    assert frame_box["width"] <= width and frame_box["right"] <= width
    if with_script:  # the page said its height: no empty band under the figure
        assert abs(frame_box["height"] - inside["scrollHeight"]) <= 2
    hindi = not path.startswith("en/")
    assert bool(re.search("[\u0900-\u097f]", inside["title"])) == hindi
    page.close()


def test_oembed_discovery_gives_a_rich_embed_of_the_figure(site, server, browser):
    for path, name in FIGURES + MONTH_FIGURES:
        head = read(site, path).split("</head>")[0]
        link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)" title="([^"]+)">', head)
        assert link and link[1] == f"{BASE}{path}{name}.oembed.json", path
        response = json.loads((site / path / f"{name}.oembed.json").read_text(encoding="utf-8"))
        # oEmbed 1.0: version and type required; a rich embed has html, width and height.
        assert response["version"] == "1.0" and response["type"] == "rich"
        assert isinstance(response["width"], int) and isinstance(response["height"], int)
        assert f'src="{BASE}{path}#embed-{name}"' in response["html"]
        assert response["title"] == html.unescape(link[2]) and response["provider_url"].startswith(BASE)
        given = asked_for(browser, server, path, name) if (path, name) in MONTH_FIGURES else snippet_of(
            read(site, path), name)
        assert response["html"] == given  # the same code the page gives


def test_where_the_host_takes_fewer_files_there_is_no_oembed(tmp_path):
    site = build(FIXTURES / "small", tmp_path / "output", conf="publishconf.py", SITEURL="https://example.org/igrs",
                 RANKINGS_HOST="cloudflare-pages")
    assert not list(site.rglob("*.oembed.json"))
    assert "json+oembed" not in read(site, "station/kanpur-commissionerate-chaubepur/")
    assert 'id="embed-police"' in read(site, "station/kanpur-commissionerate-chaubepur/")  # the code still works
