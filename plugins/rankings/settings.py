"""The plugin's settings and their defaults; any of them can be set in pelicanconf.py or with `pelican -e`."""

from pathlib import Path

DEFAULTS = {
    # The data folder (DATA.md), relative to the folder Pelican runs in.
    "RANKINGS_DATA": "data",
    # Say on every page that the figures are sample data, not official.
    "RANKINGS_SAMPLE": False,
    # Languages: the first is served at the root of the site, the others under /<code>/.
    "RANKINGS_LANGUAGES": ("hi", "en"),
    # Compiled gettext catalogs: <dir>/<lang>/LC_MESSAGES/messages.mo
    "RANKINGS_TRANSLATIONS": None,  # default: <THEME>/translations
    # Charts: a PNG beside every SVG (for download), and how many processes render them (default: all cores).
    "RANKINGS_CHART_PNG": False,
    "RANKINGS_CHART_PROCESSES": None,
    # A 1200 × 630 picture of each unit and month page, in each language, for links shared on WhatsApp, X or
    # Facebook (og:image; needs an absolute SITEURL): publish builds.
    "RANKINGS_SHARE_IMAGES": False,
    # Links name a folder's index.html ("station/x/index.html"), so that the built folder also works when
    # opened from disk (file://), where a folder does not open its index.html by itself.
    "RANKINGS_LINK_INDEX": False,
    # Atom feeds of the months of each series (their links are absolute: on when SITEURL is the real address).
    "RANKINGS_FEEDS": False,
    # Where the figures come from, and the licence they are published under: named in every page's citation and
    # in the month pages' dataset description (JSON-LD). A name is one text, or one per language code.
    "RANKINGS_SOURCE": {
        "url": "https://jansunwai.up.nic.in/",
        "name": {"hi": "आईजीआरएस (जनसुनवाई समाधान) पोर्टल, उत्तर प्रदेश सरकार",
                 "en": "IGRS (Jansunwai Samadhan) portal, Government of Uttar Pradesh"},
    },
    "RANKINGS_LICENCE": {
        "url": "https://data.gov.in/government-open-data-license-india",
        "name": {"hi": "सरकारी मुक्त डेटा लाइसेंस – भारत (GODL)", "en": "Government Open Data License – India (GODL)"},
    },
}


def setting(settings, name):
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value


def translations_dir(settings):
    configured = setting(settings, "RANKINGS_TRANSLATIONS")
    return Path(configured) if configured else Path(settings["THEME"]) / "translations"


# Not a setting: where the build found the output folder, while it writes the new site beside it (publish.py).
PUBLISHED_OUTPUT = "RANKINGS_PUBLISHED_OUTPUT"


def published_output(settings):
    """The output folder as published: where a finished build's site is, and where this build's will be."""
    return settings.get(PUBLISHED_OUTPUT) or settings["OUTPUT_PATH"]


def cache_dir(settings):
    """Pelican's CACHE_PATH, where charts and the pages' digests are kept between builds."""
    return Path(settings.get("CACHE_PATH") or "cache")
