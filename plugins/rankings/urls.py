"""Every path the site writes or links to, in one place: the URLs DATA.md promises.

Paths are relative to the site's root, without a leading slash. A page's path names its folder ("station/x/"),
and the page is that folder's index.html. Pages and the files beside them (charts, feeds) exist once per
language, the first language at the root and each other under /<code>/ (in_language); data downloads and the
theme's files are shared by every language.
"""

from urllib.parse import urlencode, urlsplit

from .data.schema import INCOMING_FOLDER
from .data.vocabulary import LANGUAGES, LEVEL_IDS

INDEX = "index.html"


# ---- pages, in each language

def home():
    return ""


def unit(level, unit_id):
    """A unit's page: "station/kanpur-commissionerate-chaubepur/"; a former id gives the page that redirects."""
    return f"{level}/{unit_id}/"


def level_index(level):
    return f"{level}/"


def series_index(series_id):
    return f"{series_id}/"


def month(series_id, month_):
    return f"{series_id}/{month_}/"


# Comparing units (site/compare.py): one page per language; its address names the units compared, each as
# series=unit in order: compare/?police=kanpur-commissionerate&district-admin=kanpur-nagar.
COMPARE = "compare/"


def compare_query(entries):
    """The query of a comparison's address, from its (series id, unit id) pairs in order: "police=a&police=b"."""
    return urlencode(list(entries))


COMPARE_SCRIPT = COMPARE + "compare.js"  # theme/compare/compare.js, shared by the languages
COMPARE_STYLESHEET = COMPARE + "compare.css"  # its own rules: no other page loads them


def compare_level(series_id, level):
    """What the compare page's script reads of a level besides the units' CSVs: how many units it ranked each
    month, how many share each shared rank, its parents' names (site/compare.py)."""
    return f"{COMPARE}{series_id}-{level}.json"


def content_page(slug):
    """A Markdown page of content/pages: "about/"."""
    return f"{slug}/"


CONTENT_SLUGS = ("about", "data-format", "staff-guide")
FIND = "find/"  # the search page: where the search box leads without JavaScript (the indexes), and with it
ABOUT, DATA_FORMAT, STAFF_GUIDE = (content_page(slug) for slug in CONTENT_SLUGS)
# Pelican writes the Markdown pages: these settings (pelicanconf.py) put them where content_page says.
CONTENT_PAGE_SETTINGS = {
    "PAGE_URL": "{slug}/",
    "PAGE_SAVE_AS": "{slug}/" + INDEX,
    "PAGE_LANG_URL": "{lang}/{slug}/",
    "PAGE_LANG_SAVE_AS": "{lang}/{slug}/" + INDEX,
}


# ---- files that belong to a page or a language

def chart_file(stem, extension):
    """A chart's file, beside its page: "police-history.svg". Linked from the page as it is."""
    return f"{stem}.{extension}"


def chart(page, stem, extension):
    return page + chart_file(stem, extension)


def share_image(page):
    """The picture a shared link of a page shows (og:image, publish builds), beside the page."""
    return page + "share.png"


def feed(series_id):
    """The Atom feed of a series' months (publish builds)."""
    return f"feeds/{series_id}.atom.xml"


def oembed(page_path, name):
    """The oEmbed JSON of a page's embeddable figure, beside the page: "station/x/police.oembed.json"."""
    return f"{page_path}{name}.oembed.json"


def unit_feed(series_id, unit_id):
    """The Atom feed of a district's months in a series: its rank, and its units that moved most."""
    return f"feeds/{series_id}/{unit_id}.atom.xml"


# ---- files shared by every language

def month_csv(series_id, month_):
    return f"data/{series_id}/{month_}.csv"


def series_csv(series_id):
    """Every month of a series in one file."""
    return f"data/{series_id}.csv"


# The published CSVs described for machines (render/datapackage.py): a Frictionless Data Package beside them, and
# the Table Schemas its resources share.
DATA_PACKAGE = "data/datapackage.json"
TABLE_SCHEMAS = "data/schemas"


def table_schema(name):
    return f"{TABLE_SCHEMAS}/{name}.json"


def from_package(path):
    """A published file's path as the data package names it: relative to the package's folder."""
    return path.removeprefix(DATA_PACKAGE.rpartition("/")[0] + "/")


def series_year_csv(series_id, year):
    """Every month of a series in one year: a file of a size any host takes, for twenty years and more."""
    return f"data/{series_id}/{year}.csv"


def is_series_csv(path):
    """Whether a site path is a series' file of every month (series_csv)."""
    folder, _, name = path.partition("/")
    return folder == "data" and "/" not in name and name.endswith(".csv")


REDIRECTS = "_redirects"  # Cloudflare Pages' and Netlify's file of redirects, at the site's root


UNIT_CSV_FOLDER = "units"  # data/units/: a series may not be called so (reserved)


def unit_csv(unit_id):
    """One unit's whole history: every series and month."""
    return f"data/{UNIT_CSV_FOLDER}/{unit_id}.csv"


SEARCH_BUNDLE = "search/"  # the search index (search.py) and the script that searches it
SEARCH_SCRIPT = SEARCH_BUNDLE + "site-search.js"


def search_index(language):
    """The folder of a language's search index (search.shards: a file per first letter): search/, search/en/."""
    return SEARCH_BUNDLE + language.prefix
NOT_FOUND = "404.html"  # what hosts (GitHub Pages, Netlify, nginx's error_page) show for a wrong link

MONTH_SCRIPT = "theme/month.js"  # a month page's tools, loaded when asked for (theme/month/month.js)
STYLESHEET = "theme/css/site.css"  # where it always was; written by the plugin (render/stylesheet.py)
FAVICON = "favicon.ico"


def reserved():
    """The first parts of paths the site uses itself: a series id (the folder of its months' pages) may not
    be one of them, or its pages would land on the site's own (a series "station" and a unit "2024-12"); nor
    the folder of the units' CSV files, beside the series' folders under data/; nor the data folder's folder of
    sheets waiting to be imported."""
    return {*LANGUAGES, *LEVEL_IDS, "data", "feeds", "theme", UNIT_CSV_FOLDER, *CONTENT_SLUGS, FIND.strip("/"),
            SEARCH_BUNDLE.strip("/"), COMPARE.strip("/"), INCOMING_FOLDER, TABLE_SCHEMAS.split("/")[-1]}


# ---- anchors in pages

def month_row_anchor(unit_id):
    """A unit's row in a month's ranking: /police/2025-10/#<unit-id>."""
    return unit_id


def embed_anchor(name):
    """A page's figure others may embed, alone in an iframe of the page (render/embed.py): /station/x/#embed-police."""
    return f"embed-{name}"


def history_row_anchor(series_id, month_):
    """A month's row in a unit's history: /station/x/#police-2025-10."""
    return f"{series_id}-{month_}"


# The month pages' own anchors besides the units' rows: a unit id may not be one of them (data/units.py).
MONTH_PAGE_ANCHORS = ("main", "corrections", "corrections-title", *LEVEL_IDS)
GROUP_ANCHOR_PREFIX = "in-"  # a month's or an index's section of the units under one parent: #in-<parent id>


def group_anchor(parent_id):
    return GROUP_ANCHOR_PREFIX + parent_id


# ---- a path in a language, as a file, as a link

def in_language(path, language):
    """The path of a page (or a file of one language) in a language: "" → "" or "en/"."""
    return language.prefix + path


def page_file(path):
    """The file that holds a page: "station/x/" → "station/x/index.html"; "" → "index.html"."""
    return path + INDEX if path.endswith("/") or not path else path


def site_base(siteurl):
    """The site's address without a trailing slash (SITEURL may end with one): what absolute URLs begin with."""
    return siteurl.rstrip("/")


def root_path(base):
    """The path of the site's root on its host, from its absolute base: "/rankings" for a site at
    https://example.org/rankings, "" for one at a domain's root (a host's redirects name paths from there)."""
    return urlsplit(base).path.rstrip("/")


def absolute(base, path):
    """The absolute URL of a site path (canonical, hreflang, feeds, sitemap, share cards); base: site_base()."""
    return f"{base}/{path}"


def href(base, path, index=""):
    """A link to a site path from a page whose way to the root is base (Pelican's relative SITEURL, or an
    absolute address); index: INDEX when a folder's link must name its file (file://)."""
    return f"{base}/{path}{index if path.endswith('/') or not path else ''}"
