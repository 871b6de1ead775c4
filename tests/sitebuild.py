"""Build a real site from a data folder with the project's own settings, in-process, and read it back."""

import csv
import hashlib
import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def build(data, output, conf="pelicanconf.py", **overrides):
    settings = read_settings(
        str(ROOT / conf),
        override={
            "PATH": str(ROOT / "content"),
            "THEME": str(ROOT / "theme"),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(Path(output).parent / "cache"),
            "RANKINGS_DATA": str(data),
            **overrides,
        },
    )
    Pelican(settings).run()
    return Path(output)


def read(output, path):
    """The text of a built page; path as in a URL: "station/x/" or "data/police/2024-12.csv"."""
    file = Path(output) / path
    if path.endswith("/") or path == "":
        file = file / "index.html"
    return file.read_text(encoding="utf-8")


def read_csv(output, path):
    text = (Path(output) / path).read_bytes().decode("utf-8")
    assert text.startswith("\ufeff"), "downloads carry a BOM so that Excel reads Devanagari"
    return list(csv.DictReader(io.StringIO(text[1:])))


def tree_digest(folder):
    """Every file's path and content hash: equal digests mean byte-for-byte equal trees."""
    digest = {}
    for file in sorted(Path(folder).rglob("*")):
        if file.is_file():
            digest[str(file.relative_to(folder))] = hashlib.sha256(file.read_bytes()).hexdigest()
    return digest


class PageParser(HTMLParser):
    """The parts of a page the tests look at: html lang, links, alternates, canonical, visible text."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.links = []  # (href, hreflang)
        self.alternates = {}
        self.canonical = None
        self.text = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "a" and "href" in attrs:
            self.links.append((attrs["href"], attrs.get("hreflang")))
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    @property
    def visible_text(self):
        return re.sub(r"\s+", " ", " ".join(self.text)).strip()


def parse(html):
    parser = PageParser()
    parser.feed(html)
    return parser


def resolve(page_path, href):
    """Where a relative link on a page leads, as a site path."""
    target = urlparse(urljoin("http://site/" + page_path, href)).path.lstrip("/")
    return target.removesuffix("index.html")


def broken_links(site, folders_open_index=True):
    """(page, href) for every internal link or asset of the built site that leads nowhere. With
    folders_open_index=False, as from file://, a link to a folder leads nowhere: it must name a file."""
    site = Path(site)
    broken = []
    for page in sorted(site.rglob("*.html")):
        page_path = page.relative_to(site).parent.as_posix() + "/"
        page_path = "" if page_path == "./" else page_path
        html = page.read_text(encoding="utf-8")
        hrefs = [href for href, _ in parse(html).links] + re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"]+)"', html) + \
            re.findall(r' data-js="([^"]+)"', html)
        for href in hrefs:
            if href.startswith(("http:", "https:", "mailto:", "#")):
                continue
            target = site / urlparse(urljoin("http://site/" + page_path, href.split("#")[0])).path.lstrip("/")
            if target.is_dir() and folders_open_index:
                target = target / "index.html"
            if not target.is_file():
                broken.append((str(page.relative_to(site)), href))
    return broken


if __name__ == "__main__":
    # python tests/sitebuild.py output: check every internal link of a built site.
    problems = broken_links(sys.argv[1])
    for page, href in problems:
        print(f"{page}: {href}")
    print(f"{len(problems)} broken links")
    sys.exit(1 if problems else 0)
