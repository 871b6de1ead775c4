"""The plugin's settings, as data: each with its default and one line of help, in one table. Any of them can be set
in pelicanconf.py or with `pelican -e NAME=value`; the README lists them all (a test checks it does).

What the templates see of them, and what a change of them rewrites, is derived from the table: a setting the
templates READ is in every page's context under its own name; a setting that SHAPES the pages otherwise (their
languages, their links) is part of the build's fingerprint like those (write/manifest.py), so that a change of
it makes every page again.
"""

from dataclasses import dataclass
from pathlib import Path

from .hosts import HOSTS

READ, SHAPES = "read", "shapes"


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    pages: str | None = None  # READ: the templates read it; SHAPES: it changes the pages all the same; None: neither


SETTINGS = (
    Setting("RANKINGS_DATA", "data", "The data folder (DATA.md), relative to the folder Pelican runs in."),
    Setting("RANKINGS_SAMPLE", False, "Say on every page that the figures are sample data, not official.", READ),
    Setting("RANKINGS_LANGUAGES", ("hi", "en"),
            "The languages' codes (vocabulary.py): the first served at the root of the site, the others under /<code>/.",
            SHAPES),
    Setting("RANKINGS_TRANSLATIONS", None, "The folder of compiled catalogs, <lang>/LC_MESSAGES/messages.mo "
            "(default: <THEME>/translations)."),
    Setting("RANKINGS_HOST", "github-pages", "Where the site is deployed (hosts.py: github-pages, gitlab-pages, "
            "cloudflare-pages, netlify, none): its limits are checked before a new site is published, and it decides "
            "the pictures' defaults."),
    Setting("RANKINGS_WHOLE_HISTORY", False, "The build needs the data's whole git history (the corrections it tells): "
            "a shallow clone is deepened (git fetch --unshallow), and where it cannot be, nothing is published "
            "(on in publishconf.py)."),
    Setting("RANKINGS_CHART_PNG", False, "A PNG beside every chart's SVG, for download (by default as the host "
            "publishes: hosts.py).", READ),
    Setting("RANKINGS_WHOLE_SERIES_CSV", True, "A file of every month of each series, besides one of each year (off "
            "where the host takes no file that large: its address then leads to the series' page; by default as the "
            "host publishes: hosts.py).", READ),
    Setting("RANKINGS_CHART_PROCESSES", None, "How many processes draw the charts and PNGs (default: all cores)."),
    Setting("RANKINGS_SHARE_IMAGES", False, "A picture of each page in each language for shared links (og:image; "
            "a unit's is its chart's PNG; needs an absolute SITEURL; by default as the host publishes: hosts.py).",
            SHAPES),
    Setting("RANKINGS_OEMBED", False, "oEmbed discovery: a JSON of each unit's and month's figure beside its page, named "
            "in the page's head, so that a CMS embeds the figure from the page's address (needs an absolute SITEURL; "
            "by default as the host publishes: hosts.py).", READ),
    Setting("RANKINGS_LINK_INDEX", False, "Links name each folder's index file, so that the built folder also works "
            "when opened from disk (file://).", SHAPES),
    Setting("RANKINGS_FEEDS", False, "Atom feeds of the months of each series (their links are absolute: on when "
            "SITEURL is the real address).", READ),
    Setting("RANKINGS_SOURCE", {
        "url": "https://jansunwai.up.nic.in/",
        "name": {"hi": "आईजीआरएस (जनसुनवाई समाधान) पोर्टल, उत्तर प्रदेश सरकार",
                 "en": "IGRS (Jansunwai Samadhan) portal, Government of Uttar Pradesh"},
    }, "Where the figures come from (url, and a name: one text, or one per language code): every page's citation.",
        READ),
    Setting("RANKINGS_LICENCE", {
        "url": "https://data.gov.in/government-open-data-license-india",
        "name": {"hi": "सरकारी मुक्त डेटा लाइसेंस – भारत (GODL)", "en": "Government Open Data License – India (GODL)"},
    }, "The licence the figures are published under (url and name, as RANKINGS_SOURCE): citations, JSON-LD.", READ),
)
DEFAULTS = {item.name: item.default for item in SETTINGS}
# Pelican's own settings that shape every page: absolute or relative links.
PELICAN_SETTINGS_IN_PAGES = ("SITEURL", "RELATIVE_URLS")


def setting(settings, name):
    """A setting's value: as given, else as the host publishes it (hosts.py), else its default."""
    value = settings.get(name)
    if value is not None:
        return value
    host = HOSTS.get(settings.get("RANKINGS_HOST") or DEFAULTS["RANKINGS_HOST"])
    return host.defaults.get(name, DEFAULTS[name]) if host else DEFAULTS[name]


def read_by_templates(settings):
    """{name: value} of the settings the templates read, for every page's context."""
    return {item.name: setting(settings, item.name) for item in SETTINGS if item.pages == READ}


def shaping_pages(settings):
    """{name: value} of every setting a page depends on (a host's defaults included): a change of any rewrites the
    pages."""
    own = {item.name: setting(settings, item.name) for item in SETTINGS if item.pages in (READ, SHAPES)}
    return {**{name: settings.get(name) for name in PELICAN_SETTINGS_IN_PAGES}, **own}


def translations_dir(settings):
    configured = setting(settings, "RANKINGS_TRANSLATIONS")
    return Path(configured) if configured else Path(settings["THEME"]) / "translations"


# Not a setting: where the build found the output folder, while it writes the new site beside it (write/swap.py).
PUBLISHED_OUTPUT = "RANKINGS_PUBLISHED_OUTPUT"


def published_output(settings):
    """The output folder as published: where a finished build's site is, and where this build's will be."""
    return settings.get(PUBLISHED_OUTPUT) or settings["OUTPUT_PATH"]


def cache_dir(settings):
    """Pelican's CACHE_PATH, where charts and the pages' digests are kept between builds."""
    return Path(settings.get("CACHE_PATH") or "cache")
