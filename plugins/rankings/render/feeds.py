"""Atom feeds of the months published, one per series and language: /feeds/<series>.atom.xml and
/en/feeds/<series>.atom.xml. Readers and newsrooms subscribe to hear of a new month (or a corrected one).
And one per district (and commissionerate) per series and language, /feeds/<series>/<id>.atom.xml: each month,
the district's rank and change, and those of its stations or tehsils that moved most, linked. A reporter in
Kanpur subscribes once.

Feed links must be absolute, so feeds are written only when the build knows the site's address (publishconf).
"""

import datetime
from html import escape

from feedgenerator import Atom1Feed
from markupsafe import Markup

from .. import urls
from ..data.months import first_day
from ..data.vocabulary import GROUPING_LEVELS, N_
from .month_story import listed
from .site_file import SiteFile

FEED_MONTHS = 24  # the newest months a feed lists
# Who a feed is by (RFC 4287: a feed names its author): the site, as its pages name it.
AUTHOR = N_("IGRS rankings, Uttar Pradesh")
MOVERS = 3  # the units below a district that rose most, and those that fell most, each month


def feed_files(site, languages, base_url):
    """The feed of every series, and of every district in every series it is ranked in, in every language, made
    on every build (they are small)."""
    for series in site.series:
        for language in languages:
            yield SiteFile(urls.in_language(urls.feed(series["id"]), language),
                           lambda series=series, language=language: series_feed(series, language, base_url,
                                                                                site.corrected_on))
    for series_id, unit_id in followed(site):
        series = next(s for s in site.series if s["id"] == series_id)
        for language in languages:
            yield SiteFile(urls.in_language(urls.unit_feed(series_id, unit_id), language),
                           lambda series=series, unit_id=unit_id, language=language: district_feed(
                               site, series, site.units[unit_id], language, base_url))


def followed(site):
    """(series id, unit id) of every district ranked in a series, sorted: only districts' rows are looked at (not
    every unit's history sorted, as the downloads need it)."""
    pairs = set()
    for unit_id, unit in site.units.items():
        if unit["level"] in GROUPING_LEVELS:
            pairs |= {(row["series"], unit_id) for row in site.unit_rows(unit_id)}
    return sorted(pairs)


def series_feed(series, language, base_url, corrected):
    """The Atom XML of a series' newest months in a language; base_url: the site's absolute address
    (urls.site_base)."""
    _ = language.gettext
    home = urls.absolute(base_url, urls.in_language(series["path"], language))
    feed = Atom1Feed(title=language.name(series), link=home, description=language.name(series),
                     language=language.code, author_name=_(AUTHOR),
                     feed_url=urls.absolute(base_url, urls.in_language(urls.feed(series["id"]), language)))
    for month in reversed(series["months"][-FEED_MONTHS:]):
        link = urls.absolute(base_url, urls.in_language(urls.month(series["id"], month), language))
        published = datetime.datetime.combine(first_day(month), datetime.time(), tzinfo=datetime.timezone.utc)
        changed = corrected.get((series["id"], month))
        updated = (datetime.datetime.fromisoformat(changed).replace(tzinfo=datetime.timezone.utc)
                   if changed else published)
        feed.add_item(title=f"{language.name(series)}: {language.month(month)}", link=link, unique_id=link,
                      description=_("The full IGRS ranking of %(month)s: every unit's marks, percent, rank and "
                                    "change from the month before.") % {"month": language.month(month)},
                      pubdate=published, updateddate=updated)
    return feed.writeString("utf-8")


def district_feed(site, series, unit, language, base_url):
    """The Atom XML of a district's newest months in a series: its rank and change, and its units that moved most."""
    _ = language.gettext
    page = urls.absolute(base_url, urls.in_language(unit["path"], language))
    title = _("%(unit)s: %(series)s") % {"unit": language.name(unit), "series": language.name(series)}
    feed = Atom1Feed(title=title, link=page, description=title, language=language.code, author_name=_(AUTHOR),
                     feed_url=urls.absolute(base_url, urls.in_language(urls.unit_feed(series["id"], unit["id"]),
                                                                         language)))
    rows = [row for row in site.unit_rows(unit["id"]) if row["series"] == series["id"]]
    for row in sorted(rows, key=lambda row: row["month"], reverse=True)[:FEED_MONTHS]:
        link = page + "#" + urls.history_row_anchor(series["id"], row["month"])
        published = datetime.datetime.combine(first_day(row["month"]), datetime.time(), tzinfo=datetime.timezone.utc)
        changed = site.corrected_on.get((series["id"], row["month"]))
        updated = (datetime.datetime.fromisoformat(changed).replace(tzinfo=datetime.timezone.utc)
                   if changed else published)
        feed.add_item(title=month_title(series, unit, row, language), link=link, unique_id=link, pubdate=published,
                      updateddate=updated, description=month_summary(site, series, unit, row, language, base_url))
    return feed.writeString("utf-8")


def month_title(series, unit, row, language):
    """"Kanpur Nagar, October 2025: rank 49 of 75 districts, ▲25"."""
    level = language.level(unit["level"], series)
    rank = Markup(level.rank_of(language.number(row["rank"]), row["ranked_in_level"], row["tied"])).striptags()
    said = {"unit": language.name(unit), "month": language.month(row["month"]), "rank": rank}
    if row["rank_change"] is None:
        return language.gettext("%(unit)s, %(month)s: %(rank)s") % said
    change, _points = language.change_and_points(row["rank_change"], row["percent_change"])
    return language.gettext("%(unit)s, %(month)s: %(rank)s, %(change)s") % {**said, "change": change}


def month_summary(site, series, unit, row, language, base_url):
    """The month's entry: the district's percent and change, then its units below that rose and fell most."""
    _ = language.gettext
    change, points = language.change_and_points(row["rank_change"], row["percent_change"])
    percent = language.percent(row["percent"])
    if row["rank_change"] is None:
        said = [_("%(percent)s; no rank the month before to compare with.") % {"percent": percent}]
    else:
        change += f" ({language.points_words(points)})" if points else ""
        said = [_("%(percent)s; rank %(change)s.") % {"percent": percent, "change": change}]
    children = [child for child in site.child_rows(series["id"], row["month"], unit["id"])
                if child["rank_change"] is not None]
    children.sort(key=lambda child: (-child["rank_change"], child["unit_id"]))
    rose = [child for child in children if child["rank_change"] > 0][:MOVERS]
    fell = [child for child in reversed(children) if child["rank_change"] < 0][:MOVERS]
    for label, movers in ((_("Rose most: %(units)s."), rose), (_("Fell most: %(units)s."), fell)):
        if movers:
            said.append(label % {"units": listed([mover(site, child, language, base_url) for child in movers],
                                                 language)})
    return "".join(f"<p>{sentence}</p>" for sentence in said)


def mover(site, row, language, base_url):
    """"<a href=…>Chaubepur</a> ▲1,290 (+5)": a unit below the district, linked to its page."""
    unit = site.units[row["unit_id"]]
    change, points = language.change_and_points(row["rank_change"], row["percent_change"])
    href = urls.absolute(base_url, urls.in_language(unit["path"], language))
    return f'<a href="{escape(href)}">{escape(language.name(unit))}</a> {change}' + (f" ({points})" if points else "")
