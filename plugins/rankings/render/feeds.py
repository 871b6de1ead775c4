"""Atom feeds of the months published, one per series and language: /feeds/<series>.atom.xml and
/en/feeds/<series>.atom.xml. Readers and newsrooms subscribe to hear of a new month (or a corrected one).

Feed links must be absolute, so feeds are written only when the build knows the site's address (publishconf).
"""

import datetime

from feedgenerator import Atom1Feed

from .. import urls
from ..data.months import first_day
from .site_file import SiteFile

FEED_MONTHS = 24  # the newest months a feed lists


def feed_files(site, languages, base_url):
    """The feed of every series in every language, made on every build (they are small)."""
    for series in site.series:
        for language in languages:
            yield SiteFile(urls.in_language(urls.feed(series["id"]), language),
                           lambda series=series, language=language: series_feed(series, language, base_url,
                                                                                site.corrected_on))


def series_feed(series, language, base_url, corrected):
    """The Atom XML of a series' newest months in a language; base_url: the site's absolute address
    (urls.site_base)."""
    _ = language.gettext
    home = urls.absolute(base_url, urls.in_language(series["path"], language))
    feed = Atom1Feed(title=language.name(series), link=home, description=language.name(series),
                     language=language.code,
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
