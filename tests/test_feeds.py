"""Atom feeds: a series' months, and a district's: each month the district's rank and change and its units that
moved most, linked. Every feed is checked against what RFC 4287 requires of an Atom document."""

import re
from urllib.parse import urlsplit

import pytest
from lxml import etree

from sitebuild import FIXTURES, build, read

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/igrs/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "small", tmp_path_factory.mktemp("feeds") / "output", conf="publishconf.py",
                 SITEURL="https://example.org/igrs")


def rfc4287_problems(xml):
    """What RFC 4287 requires and this document lacks: the Atom namespace; a feed with one id, title and updated, an
    author (the feed's or every entry's), a link to itself; entries with one id, title and updated, a link or
    content; ids that are absolute IRIs, dates in RFC 3339, no two entries with one id."""
    problems = []
    feed = etree.fromstring(xml)
    if feed.tag != ATOM + "feed":
        return ["the root is not atom:feed"]

    def once(element, name, where):
        found = element.findall(ATOM + name)
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name}")
        return found[0].text if found else None

    def date(text, where):
        if not text or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", text):
            problems.append(f"{where}: {text!r} is not an RFC 3339 date")

    def iri(text, where):
        if not text or not urlsplit(text).scheme:
            problems.append(f"{where}: {text!r} is not an absolute IRI")

    iri(once(feed, "id", "feed"), "feed id")
    once(feed, "title", "feed")
    date(once(feed, "updated", "feed"), "feed updated")
    if not feed.findall(f"{ATOM}link[@rel='self']"):
        problems.append("feed: no link rel=self")
    entries = feed.findall(ATOM + "entry")
    if not feed.findall(ATOM + "author") and not all(entry.findall(ATOM + "author") for entry in entries):
        problems.append("no author for the feed or its entries")
    ids = []
    for number, entry in enumerate(entries, 1):
        where = f"entry {number}"
        ids.append(once(entry, "id", where))
        iri(ids[-1], where + " id")
        once(entry, "title", where)
        date(once(entry, "updated", where), where + " updated")
        if not entry.findall(ATOM + "link") and not entry.findall(ATOM + "content"):
            problems.append(f"{where}: neither a link nor content")
    if len(ids) != len(set(ids)):
        problems.append("two entries with one id")
    return problems


def test_the_checker_finds_what_atom_requires():
    good = ('<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x/</id><title>t</title>'
            '<updated>2024-12-01T00:00:00+00:00</updated><link rel="self" href="https://x/f"/>'
            '<author><name>a</name></author><entry><id>https://x/1</id><title>e</title>'
            '<updated>2024-12-01T00:00:00Z</updated><link href="https://x/1"/></entry></feed>')
    assert rfc4287_problems(good.encode()) == []
    assert rfc4287_problems(good.replace("<author><name>a</name></author>", "").encode()) == [
        "no author for the feed or its entries"]
    assert rfc4287_problems(good.replace("2024-12-01T00:00:00Z", "December 2024").encode()) == [
        "entry 1 updated: 'December 2024' is not an RFC 3339 date"]


def test_every_feed_is_atom(site):
    feeds = sorted(site.rglob("*.atom.xml"))
    district_feeds = [f for f in feeds if f.parent.name in ("police", "district-admin")]
    assert len(district_feeds) == 2 * 8  # 4 districts in each series' feeds, in both languages
    for feed in feeds:
        assert rfc4287_problems(feed.read_bytes()) == [], feed


def entries(site, path):
    feed = etree.fromstring((site / path).read_bytes())
    return [{"title": entry.findtext(ATOM + "title"), "link": entry.find(ATOM + "link").get("href"),
             "summary": entry.findtext(ATOM + "summary")} for entry in feed.findall(ATOM + "entry")]


def test_a_districts_feed_says_its_rank_and_its_stations_that_moved_most(site):
    months = entries(site, "en/feeds/police/kanpur-commissionerate.atom.xml")
    assert [m["link"] for m in months] == [f"{BASE}en/district/kanpur-commissionerate/#police-2024-12",
                                           f"{BASE}en/district/kanpur-commissionerate/#police-2024-11"]
    latest = months[0]
    page = read(site, "en/district/kanpur-commissionerate/")
    # The rank and change the district's page shows for December 2024.
    assert latest["title"] == "Kanpur Commissionerate, December 2024: Rank 4 of 4 districts and commissionerates, ▼1"
    assert "Rank 4 of 4 districts and commissionerates" in page and "▼1" in page
    # Its stations that rose and fell most, linked to their pages, with the changes their pages show.
    assert re.search(r'Rose most: <a href="https://example.org/igrs/en/station/kanpur-commissionerate-kotwali/">'
                     r"Kotwali</a> ▲5 \(\+5\.56\)", latest["summary"])
    assert re.search(r'Fell most: <a href="https://example.org/igrs/en/station/kanpur-commissionerate-chaubepur/">'
                     r"Chaubepur</a> ▼6 \(−16\.04\)", latest["summary"])
    station = read(site, "en/station/kanpur-commissionerate-chaubepur/")
    assert "▼6" in station and "−16.04" in station
    # A month with no month before says so, and no change.
    assert months[1]["title"].endswith("Rank 3 of 4 districts and commissionerates")
    hindi = entries(site, "feeds/police/kanpur-commissionerate.atom.xml")[0]
    assert hindi["title"].startswith("कानपुर कमिश्नरेट, दिसंबर 2024: ") and "सबसे बड़ी छलांग" in hindi["summary"]


def test_a_district_page_lists_its_feeds_in_its_head_and_its_text(site):
    for prefix in ("", "en/"):
        page = read(site, f"{prefix}district/kanpur-nagar/")
        head = page.split("</head>")[0]
        assert f'href="{BASE}{prefix}feeds/district-admin/kanpur-nagar.atom.xml"' in head
        assert f'href="../../feeds/district-admin/kanpur-nagar.atom.xml"' in page.split("</head>")[1] or \
            f'href="../../../{prefix}feeds/district-admin/kanpur-nagar.atom.xml"' in page
    # A station has no feed of its own: its district's says what moved.
    assert "kanpur-commissionerate-chaubepur.atom.xml" not in read(site, "station/kanpur-commissionerate-chaubepur/")
