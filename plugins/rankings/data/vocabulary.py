"""Levels and languages as data, in one place: what each level is, where it sits, and its words; what each
language is, and where its pages live.

Adding a level is one entry in LEVELS (and its Hindi in the catalog); adding a language is one entry in
LANGUAGES (and its catalog, its Markdown pages, and its name column in the data): every module reads the name
columns, the scripts to check and romanise, and the locales from here (tests/test_code_shape.py builds a third).
Words are English source strings marked for extraction (N_, Nn_) and translated when a page is rendered
(render/language.py: Language.level).
"""

from dataclasses import dataclass


def N_(message):
    """Mark a message for extraction without translating it now."""
    return message


def Nn_(singular, plural):
    """Mark a singular/plural pair for extraction (`pybabel extract -k Nn_:1,2`) without translating it now."""
    return singular, plural


@dataclass(frozen=True)
class Level:
    id: str  # as units.csv writes it, and the first part of its units' URLs
    parent: str | None  # the level of a unit's parent; None: a unit of this level has no parent
    parent_required: bool  # False where a unit may also stand at the top (police commissionerates)
    grouped: bool  # month pages list its units parent by parent (1,500 stations), not in one table
    one: str  # "Police station"
    many: str  # "Police stations": the level as a group, in headings, navigation, charts and tables
    count: tuple  # ("%(num)s police station", "%(num)s police stations")
    at_rank_1: str  # "%(at_1)s of %(total)s police stations at rank 1"
    part_of: str  # "%(part)s of %(total)s police stations": a part of the level, in a sentence
    rank_of: str  # "Rank %(rank)s of %(total)s police stations"
    index_heading: str  # the heading of the page listing every unit of the level
    without_parent: str  # the heading, on that page, of its units that have no parent
    only: str = ""  # "the only zone": a level of one unit, in a sentence
    both: str = ""  # "both zones": a level of two, both at rank 1 ("all 2 zones" reads wrong)
    among: str = ""  # "Among zones, %(sentence)s": which level a month's paragraph speaks of
    # Names that recur from one district to the next (Kotwali Nagar, Sadar): shown with their parent's name
    # wherever they are named outside their parent's own context.
    named_with_parent: bool = False
    # Where a series ranks this level's parent level and also units of this level that have no parent (police
    # commissionerates beside districts under ranges): what such a unit is, and the level's words in that series.
    top_one: str | None = None  # "Police commissionerate"
    with_top: "Words | None" = None
    # A child's rank among its parent's units, headed by what the parent is: "Rank in district" (a level that is a
    # parent), "Rank in police commissionerate" (a unit of it at the top).
    rank_in: str | None = None
    top_rank_in: str | None = None
    # The link to the level's index from the home page, where it has one (HOME_INDEXES).
    home_link: str | None = None


@dataclass(frozen=True)
class Words:
    """A level's words in a series where some of its units stand at the top (Level.with_top)."""
    many: str
    count: tuple
    at_rank_1: str
    part_of: str
    rank_of: str
    only: str = ""
    both: str = ""  # "" where "both …" would read as "both A and B": the count is said instead
    among: str = ""


# From the top of the hierarchy down: the order of sections, tables and "levels below".
LEVELS = (
    Level(
        "zone", parent=None, parent_required=False, grouped=False,
        one=N_("Zone"), many=N_("Zones"), count=Nn_("%(num)s zone", "%(num)s zones"),
        at_rank_1=N_("%(at_1)s of %(total)s zones at rank 1"),
        part_of=N_("%(part)s of %(total)s zones"), rank_of=N_("Rank %(rank)s of %(total)s zones"),
        index_heading=N_("Zones"), without_parent=N_("Without a parent unit"), rank_in=N_("Rank in zone"),
        only=N_("the only zone"), both=N_("both zones"), among=N_("Among zones, %(sentence)s"),
    ),
    Level(
        "range", parent="zone", parent_required=True, grouped=False,
        one=N_("Range"), many=N_("Ranges"), count=Nn_("%(num)s range", "%(num)s ranges"),
        at_rank_1=N_("%(at_1)s of %(total)s ranges at rank 1"),
        part_of=N_("%(part)s of %(total)s ranges"), rank_of=N_("Rank %(rank)s of %(total)s ranges"),
        index_heading=N_("Ranges"), without_parent=N_("Without a parent unit"), rank_in=N_("Rank in range"),
        only=N_("the only range"), both=N_("both ranges"), among=N_("Among ranges, %(sentence)s"),
    ),
    Level(
        # A police commissionerate is a district with no parent; so is a district ranked only as an administration.
        "district", parent="range", parent_required=False, grouped=False,
        one=N_("District"), many=N_("Districts"),
        count=Nn_("%(num)s district", "%(num)s districts"),
        at_rank_1=N_("%(at_1)s of %(total)s districts at rank 1"),
        part_of=N_("%(part)s of %(total)s districts"),
        rank_of=N_("Rank %(rank)s of %(total)s districts"),
        index_heading=N_("Districts and commissionerates"),
        without_parent=N_("Police commissionerates and revenue districts"),
        top_one=N_("Police commissionerate"),
        rank_in=N_("Rank in district"), top_rank_in=N_("Rank in police commissionerate"),
        home_link=N_("All districts"),
        only=N_("the only district"), both=N_("both districts"), among=N_("Among districts, %(sentence)s"),
        with_top=Words(
            many=N_("Districts and commissionerates"),
            count=Nn_("%(num)s district or commissionerate", "%(num)s districts and commissionerates"),
            at_rank_1=N_("%(at_1)s of %(total)s districts and commissionerates at rank 1"),
            part_of=N_("%(part)s of %(total)s districts and commissionerates"),
            rank_of=N_("Rank %(rank)s of %(total)s districts and commissionerates"),
            only=N_("the only district or commissionerate"),
            among=N_("Among districts and commissionerates, %(sentence)s"),
        ),
    ),
    Level(
        "tehsil", parent="district", parent_required=True, grouped=True,
        one=N_("Tehsil"), many=N_("Tehsils"), count=Nn_("%(num)s tehsil", "%(num)s tehsils"),
        at_rank_1=N_("%(at_1)s of %(total)s tehsils at rank 1"),
        part_of=N_("%(part)s of %(total)s tehsils"), rank_of=N_("Rank %(rank)s of %(total)s tehsils"),
        index_heading=N_("Tehsils"), without_parent=N_("Without a parent unit"), named_with_parent=True,
        only=N_("the only tehsil"), both=N_("both tehsils"), among=N_("Among tehsils, %(sentence)s"),
    ),
    Level(
        "station", parent="district", parent_required=True, grouped=True,
        one=N_("Police station"), many=N_("Police stations"),
        count=Nn_("%(num)s police station", "%(num)s police stations"),
        at_rank_1=N_("%(at_1)s of %(total)s police stations at rank 1"),
        part_of=N_("%(part)s of %(total)s police stations"),
        rank_of=N_("Rank %(rank)s of %(total)s police stations"),
        index_heading=N_("Police stations"), without_parent=N_("Without a parent unit"), named_with_parent=True,
        home_link=N_("All police stations, district by district"),
        only=N_("the only police station"), both=N_("both police stations"),
        among=N_("Among police stations, %(sentence)s"),
    ),
)
LEVEL = {level.id: level for level in LEVELS}
LEVEL_IDS = tuple(level.id for level in LEVELS)
# The levels whose units have units grouped under them (districts: their stations, their tehsils). Each has a feed
# of its own per series (render/feeds.py): a reporter follows a district.
GROUPING_LEVELS = tuple(dict.fromkeys(level.parent for level in LEVELS if level.grouped))
# The level indexes the home page links to, in this order: what a reader most often looks for first.
HOME_INDEXES = ("station", "district")


@dataclass(frozen=True)
class LanguageInfo:
    code: str  # the <html lang> and hreflang value, and the URL prefix of a language not served at the root
    locale: str  # Babel's locale for numbers and months
    name_column: str  # the column of units.csv and series.csv that names things in this language
    display_name: str  # the language's name in itself, for the link to it
    script: str = "Latn"  # ISO 15924 code of the script its names are written in (Deva: checked, romanised)
    source: bool = False  # the language the templates are written in: it needs no catalog
    # How the language says "the 49th" in a sentence ("75 में से 49वें स्थान पर", "लगातार दूसरे महीने"): the
    # irregular words from 1 up, None where a number is regular, and the suffix of the rest; one set for words that
    # are masculine, one for feminine ones ("लगातार तीसरी रैंकिंग"). None: the number as it is (English).
    ordinals: "Ordinals | None" = None
    # The last join of a list of three or more where the language's newspapers differ from CLDR's (Babel): Hindi
    # papers write "क, ख और ग", CLDR "क, ख, और ग". None: CLDR's.
    list_end: str | None = None


@dataclass(frozen=True)
class Ordinals:
    masculine: tuple  # oblique forms, as after में से … स्थान पर: पहले, दूसरे, …
    masculine_suffix: str
    feminine: tuple
    feminine_suffix: str


# In this order the name columns stand in units.csv, series.csv, the month files and the downloads (DATA.md).
# Which languages a site is built in, and which is at its root, is RANKINGS_LANGUAGES (Hindi first).
LANGUAGES = {
    "en": LanguageInfo("en", "en_IN", "name_en", "English", source=True),
    "hi": LanguageInfo("hi", "hi_IN", "name_hi", "हिन्दी", script="Deva", ordinals=Ordinals(
        masculine=("पहले", "दूसरे", "तीसरे", "चौथे", None, "छठे"), masculine_suffix="वें",
        feminine=("पहली", "दूसरी", "तीसरी", "चौथी", None, "छठी"), feminine_suffix="वीं"),
        list_end="{0} और {1}"),
}


def name_columns():
    """The columns that name a unit or a series, one per language: ("name_en", "name_hi")."""
    return tuple(info.name_column for info in LANGUAGES.values())


def language_of_environment(environ, asked=""):
    """The code of the language a person at this terminal reads: the one asked for (hi, en, or a locale such as
    hi_IN.UTF-8), else the system's language for messages, looked up in the order POSIX gives (LC_ALL, then
    LC_MESSAGES, then LANG); the source language when none of ours is named."""
    asked = asked or next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return next((code for code in LANGUAGES if asked.lower().startswith(code)), source_language().code)


def source_language():
    """The language the templates and messages are written in (English)."""
    return next(info for info in LANGUAGES.values() if info.source)


class LanguageSettingError(ValueError):
    """RANKINGS_LANGUAGES names a language the site cannot build."""


def check_languages(codes):
    """The languages of RANKINGS_LANGUAGES, first the one served at the root; a clear message for a wrong list."""
    known = ", ".join(f"{info.code} ({info.display_name})" for info in LANGUAGES.values())
    if isinstance(codes, str) or not codes:
        raise LanguageSettingError(
            f"RANKINGS_LANGUAGES must list language codes, the first served at the root, for example "
            f"('hi', 'en'); it is {codes!r}. This site has: {known}.")
    codes = tuple(codes)
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise LanguageSettingError(
            f"RANKINGS_LANGUAGES names {', '.join(map(repr, unknown))}, which this site has no words for. "
            f"It has: {known}. A new language needs an entry in the plugin's data/vocabulary.py, a name column "
            f"in units.csv and series.csv, a label column in tiles.csv, a catalog in theme/translations and its "
            f"pages in content/pages.")
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise LanguageSettingError(f"RANKINGS_LANGUAGES names {', '.join(map(repr, repeated))} more than once.")
    return [LANGUAGES[code] for code in codes]
