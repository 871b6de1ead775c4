"""Settings for building the site locally. publishconf.py imports these and changes what differs."""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))

from rankings import urls  # noqa: E402  (the URL map: every path of the site)

SITENAME = "IGRS rankings, Uttar Pradesh"
# Absolute base of canonical and hreflang URLs. Navigation stays relative (RELATIVE_URLS), so the built
# folder also works under a sub-path; `make serve` serves it here.
SITEURL = "http://localhost:8000"
RELATIVE_URLS = True

PATH = "content"
THEME = "theme"
THEME_STATIC_PATHS = []  # the plugin writes the stylesheet, minified (generator.write_stylesheet)
OUTPUT_PATH = "output"
CACHE_PATH = "cache"
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "hi"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["rankings"]

# The rankings plugin (plugins/rankings/settings.py lists every setting and its default).
# The data folder: `make html DATA=…` passes it in the environment, so that PELICANOPTS="-e …" (which replaces
# every earlier -e) cannot drop it.
RANKINGS_DATA = os.environ.get("RANKINGS_DATA") or "data"
RANKINGS_SAMPLE = True  # data/ holds sample figures: every page says so
RANKINGS_HOST = "none"  # a local build is not deployed: nothing checked, no PNGs or share pictures drawn

# Markdown pages in both languages; the Hindi one at /<slug>/, its translation at /en/<slug>/ (urls.py).
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
globals().update(urls.CONTENT_PAGE_SETTINGS)
DISPLAY_PAGES_ON_MENU = False
READERS = {"rst": None}  # Markdown only (docutils has no Hindi and would warn)
# Pelican's Markdown settings, but a code block without a language is not guessed at: the guess tried every
# lexer Pygments has (half a second of every build) to print the file names and CSV lines as plain text anyway.
MARKDOWN = {
    "extension_configs": {"markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
                          "markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5",
}
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {"extra/favicon.ico": {"path": urls.FAVICON}}

# No blog: the home page and every ranking page come from the plugin.
DIRECT_TEMPLATES = []
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}
