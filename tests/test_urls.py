"""One URL map (urls.py): the paths DATA.md promises, every link of a built site resolving, every file the
build writes linked from a page, and no other module or template making a path by hand."""

import json
import ast
import re
from pathlib import Path

import pytest

from rankings import urls
from sitebuild import FIXTURES, broken_links, build, parse, resolve

ROOT = Path(__file__).resolve().parent.parent


class English:
    prefix = "en/"


def test_the_promised_paths():
    assert urls.home() == ""
    assert urls.unit("station", "kanpur-commissionerate-chaubepur") == "station/kanpur-commissionerate-chaubepur/"
    assert urls.level_index("district") == "district/"
    assert urls.series_index("police") == "police/"
    assert urls.month("police", "2024-12") == "police/2024-12/"
    assert urls.month_csv("police", "2024-12") == "data/police/2024-12.csv"
    assert urls.chart("station/x/", "police-history", "svg") == "station/x/police-history.svg"
    assert urls.feed("police") == "feeds/police.atom.xml"
    assert urls.content_page("about") == urls.ABOUT == "about/"
    assert urls.in_language("police/2024-12/", English) == "en/police/2024-12/"
    assert urls.page_file("") == "index.html" and urls.page_file("en/station/x/") == "en/station/x/index.html"
    assert urls.href("../..", "station/x/", "index.html") == "../../station/x/index.html"
    assert urls.href("../..", "data/police/2024-12.csv", "index.html") == "../../data/police/2024-12.csv"
    # Pelican's Markdown pages are put where content_page says.
    assert urls.CONTENT_PAGE_SETTINGS["PAGE_URL"].format(slug="about") == urls.ABOUT


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "small", tmp_path_factory.mktemp("urls") / "output", conf="publishconf.py",
                 SITEURL="https://example.org/igrs")


def compare_files(html):
    """The files the compare page's script reads that its data name: each series' levels' files."""
    data = re.search(r'<script type="application/json" id="compare-data">(.*?)</script>', html, re.S)
    if not data:
        return []
    return [path for series in json.loads(data[1])["series"].values() for path in series["levels"].values()]


def linked_files(site):
    """Every file of the site some page links to (pages, downloads, charts, feeds, the stylesheet)."""
    linked = set()
    for page in site.rglob("*.html"):
        page_path = page.relative_to(site).parent.as_posix() + "/"
        html = page.read_text(encoding="utf-8")
        hrefs = [href for href, _ in parse(html).links] + re.findall(r'<link[^>]+href="([^"]+)"', html) + \
            re.findall(r'<meta property="og:image" content="([^"]+)"', html) + \
            re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r' data-js="([^"]+)"', html) + \
            compare_files(html)  # the share image, scripts (and a month page's, loaded when asked for)
        for href in hrefs:
            if href.startswith("https://example.org/igrs/"):
                href = "/" + href.removeprefix("https://example.org/igrs/")
                target = href.lstrip("/")
            elif href.startswith(("http:", "https:", "#", "mailto:")):
                continue
            else:
                target = resolve("" if page_path == "./" else page_path, href.split("#")[0])
            linked.add(urls.page_file(target) if target.endswith("/") or not target else target)
    return linked


def test_every_link_resolves_and_every_file_written_is_linked(site):
    assert broken_links(site, folders_open_index=False) == []
    linked = linked_files(site)
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    # A former id's page is reached from old links, not from the site; the home page from every page's brand.
    redirects = {"district/etawa/index.html", "en/district/etawa/index.html"}
    # Files found by their conventional address: crawlers ask for robots.txt, which names the sitemap.
    well_known = {"robots.txt", "sitemap.xml"}
    # The search index is loaded by the search box's script, not linked: search/.
    searched = {path for path in written if path.startswith(urls.SEARCH_BUNDLE)}
    # The Table Schemas are named by the data package (linked from the data format page), for programs.
    package = json.loads((site / urls.DATA_PACKAGE).read_text(encoding="utf-8"))
    described = {f"{urls.TABLE_SCHEMAS}/{resource['schema'].rpartition('/')[2]}" for resource in package["resources"]}
    assert urls.DATA_PACKAGE in linked and described <= written
    orphans = sorted(written - linked - redirects - well_known - searched - described)
    assert orphans == [], orphans
    assert {"data/police/2024-12.csv", "feeds/police.atom.xml", "en/feeds/police.atom.xml",
            "station/kanpur-commissionerate-chaubepur/police-history.png"} <= linked


PATH_MARKS = re.compile(r"(?:^|[{/])(?:data|feeds|theme)/|(?<!\w)index\.html|\.atom\.xml|\.(?:svg|png)\b")


def path_literals(source):
    """The string constants and f-string parts of a module that look like part of a site path."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and PATH_MARKS.search(node.value):
            if not node.value.strip().startswith(("\"\"\"", "The ", "A ")) and "\n" not in node.value:
                found.append(node.value)
    return found


def test_paths_are_made_in_urls_py_only():
    plugin = ROOT / "plugins" / "rankings"
    modules = [p for p in sorted(plugin.rglob("*.py")) if p.name != "urls.py"]
    made = {p.relative_to(plugin).as_posix(): path_literals(p.read_text(encoding="utf-8")) for p in modules}
    # The SVG's own markup and the charts' cache files are not site paths.
    allowed = {"render/charts/files.py", "render/charts/pool.py", "render/charts/vega.py", "write/manifest.py"}
    assert {name: found for name, found in made.items() if found and name not in allowed} == {}
    for template in sorted((ROOT / "theme" / "templates").glob("*.html")):
        text = template.read_text(encoding="utf-8")
        hand_made = re.findall(r"~\s*'/'|~\s*\"/\"|SITEURL\s*}}/|CANONICAL_BASE\s*}}/|L\.prefix|\.svg\"|\.png\"|feeds/",
                               text)
        assert hand_made == [], f"{template.name}: {hand_made}"
