"""Languages of the site: gettext catalogs and Babel formatting of numbers, percentages and months.

Hindi is the default language, served at the root; English lives under /en/. Source strings are English,
so English needs no catalog. Figures use Latin digits with Indian grouping (1,40,000) in both languages,
as Hindi newspapers print them.
"""

import datetime
import gettext as gettext_module
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import pass_context
from markupsafe import Markup

from ..data.decimals import round_half_up
from ..data.months import first_day
from ..data.vocabulary import LEVEL, check_languages, source_language

DOMAIN = "messages"


# Babel formatting is the cost of a page full of figures, and the same few values recur on every page
# (90, 125, 100%…): what is formatted is kept (Language.number, Language.percent), and shared by languages
# whose numbers are written alike (Hindi and English both: Latin digits, Indian grouping).
_formatted = {}


def formatted_figures(locale, kind):
    """The dict of figures of one kind ("number", "percent", "points") formatted for a locale, shared with every
    locale that has the same number symbols."""
    parsed = Locale.parse(locale)
    symbols = parsed.number_symbols[parsed.default_numbering_system]
    return _formatted.setdefault((kind, tuple(sorted(symbols.items()))), {None: ""})


def format_number(locale, value):
    """A count or marks with Indian grouping (1,40,000) and up to two decimals, in a Babel locale."""
    if value != int(value):
        value = round_half_up(value)
        return format_decimal(value, format="#,##,##0.##", locale=locale)
    return format_decimal(int(value), format="#,##,##0", locale=locale)


def _format_percent(locale, value):
    return format_decimal(value, format="#,##0.##", locale=locale) + "%"


@lru_cache(maxsize=1 << 16)
def _format_month(locale, month, fmt):
    return format_date(first_day(month), fmt, locale=locale)


def _newstyle(func):
    """Wrap a catalog's gettext the way Jinja's newstyle gettext does: autoescape, then % variables. A page has
    dozens of messages and the site thousands of pages: each message is looked up and made markup once."""
    looked_up, finished = {}, {}

    @pass_context
    def gettext(__context, __string, **variables):
        if not __context.eval_ctx.autoescape:
            return func(__string) % variables
        if not variables:
            rv = finished.get(__string)
            if rv is None:
                rv = finished[__string] = Markup(func(__string)) % variables
            return rv
        rv = looked_up.get(__string)
        if rv is None:
            rv = looked_up[__string] = Markup(func(__string))
        return rv % variables

    return gettext


def _newstyle_plural(func):
    @pass_context
    def ngettext(__context, __singular, __plural, __num, **variables):
        variables.setdefault("num", __num)
        rv = func(__singular, __plural, __num)
        if __context.eval_ctx.autoescape:
            rv = Markup(rv)
        return rv % variables

    return ngettext


class LevelWords:
    """A level's words (vocabulary.Level) in one language; with_top: its words in a series that ranks the
    parent level beside units of this level at the top ("districts and commissionerates"). Sentences are markup,
    as a template's _() makes them: the catalog is trusted, the values put in are escaped (a rank given as markup
    stays markup)."""

    def __init__(self, level, language, with_top=False):
        _ = language.gettext
        self.id = level.id
        self._words = level.with_top if with_top and level.with_top else level
        self.one, self.many = _(level.one), _(self._words.many)
        self.top_one = _(level.top_one) if level.top_one else self.one
        self.rank_in = _(level.rank_in) if level.rank_in else None
        self.top_rank_in = _(level.top_rank_in) if level.top_rank_in else self.rank_in
        self.index_heading, self.without_parent = _(level.index_heading), _(level.without_parent)
        self.home_link = _(level.home_link) if level.home_link else None
        self._level, self._language = level, language

    def count(self, n):
        """"82 districts"."""
        language = self._language
        return Markup(language.ngettext(*self._words.count, n)) % {"num": language.number(n)}

    def at_rank_1(self, at_1, total):
        """"48 of 52 police stations at rank 1"."""
        number = self._language.number
        return Markup(self._language.gettext(self._words.at_rank_1)) % {"at_1": number(at_1), "total": number(total)}

    def part_of(self, part, total):
        """"48 of 52 police stations"; part: a formatted number, or words ("none")."""
        sentence = Markup(self._language.gettext(self._words.part_of))
        return sentence % {"part": part, "total": self._language.number(total)}

    def all_of(self, total):
        """The whole level, all at rank 1, in a sentence: "the only zone", "both zones", "all 8 zones"."""
        _ = self._language.gettext
        if total == 1 and self._words.only:
            return Markup(_(self._words.only))
        if total == 2 and self._words.both:
            return Markup(_(self._words.both))
        return Markup(_("all %(count)s")) % {"count": self.count(total)}

    def among(self, sentence):
        """A sentence of a month's paragraph that speaks of this level: "Among districts, …"."""
        return Markup(self._language.gettext(self._words.among)) % {"sentence": sentence}

    def rank_of(self, rank, total, tied=1):
        """"Rank 49 of 75 districts", and ", joint with 1,248 others" where others share the rank; rank: a
        formatted number, or markup around one (a unit's big rank)."""
        sentence = Markup(self._language.gettext(self._words.rank_of))
        return sentence % {"rank": rank, "total": self._language.number(total)} + self._language.joint(tied)


class Language:
    """One language of the site: its words (gettext), its formatting of figures and months (Babel), and where
    its pages live. Formatted figures are kept: a state-size build formats the same few values millions of times."""

    def __init__(self, info, prefix, translations):
        self.info = info  # vocabulary.LanguageInfo
        self.code = info.code  # "hi", "en": the <html lang> and hreflang value
        self.locale = Locale.parse(info.locale)  # parsed once: Babel parses a locale name on every call
        self.display_name = info.display_name
        self.prefix = prefix  # URL prefix of this language's pages: "" for the first language, "en/" for English
        self.translations = translations
        self._levels = {}
        self._numbers = formatted_figures(self.locale, "number")
        self._percents = formatted_figures(self.locale, "percent")
        self._points = formatted_figures(self.locale, "points")
        self._ranks, self._sort_keys = {}, {}
        self._context = None

    def __repr__(self):
        return f"Language({self.code!r}, prefix={self.prefix!r})"

    def gettext(self, message):
        return self.translations.gettext(message)

    def ngettext(self, singular, plural, n):
        return self.translations.ngettext(singular, plural, n)

    def template_context(self):
        """What a template needs to speak this language: Jinja's i18n names, and L for formatting."""
        if self._context is None:
            gettext = _newstyle(self.gettext)
            self._context = {
                "gettext": gettext,
                "_": gettext,
                "ngettext": _newstyle_plural(self.ngettext),
                "L": self,
                "lang": self.code,
            }
        return self._context

    def level(self, level_id, series=None):
        """A level's words in this language: L.level("station").many is "थाने" in Hindi. Given a series, the
        level's words in that series: districts beside commissionerates are "districts and commissionerates"
        in the police series, "districts" in the district-administration series (site/directories.py)."""
        key = (level_id, bool(series and level_id in series["with_top"]))
        words = self._levels.get(key)
        if words is None:
            words = self._levels[key] = LevelWords(LEVEL[level_id], self, with_top=key[1])
        return words

    def kind(self, unit):
        """What a unit is: "Police station", "District", or "Police commissionerate" for a district at the top
        of a series that ranks ranges (site/directories.py)."""
        words = self.level(unit["level"])
        return words.top_one if unit["top"] else words.one

    def rank_in(self, parent):
        """The heading of a rank among a parent's units: "Rank in district", "Rank in police commissionerate"."""
        words = self.level(parent["level"])
        return words.top_rank_in if parent["top"] else words.rank_in

    # Names: every unit and series has a name column per language (vocabulary.LanguageInfo.name_column).
    def name(self, thing):
        return thing[self.info.name_column]

    def of(self, text):
        """A text a setting gives once, or per language code ({"hi": …, "en": …}): this language's, else the
        source language's."""
        if isinstance(text, str):
            return text
        return text.get(self.code) or text.get(source_language().code) or next(iter(text.values()), "")

    def placed_name(self, unit, units):
        """A unit's name with its parent's where names recur across districts: "Sadar (Kanpur Nagar)"."""
        if not unit["place"]:
            return self.name(unit)
        return self.gettext("%(name)s (%(place)s)") % {"name": self.name(unit), "place": self.name(units[unit["place"]])}

    def sort_key(self, name):
        """The order of names in this language: Hindi order for Hindi (the Unicode collation algorithm; Devanagari
        by its letters, not by code points), English order for English (case and accents aside)."""
        try:
            return self._sort_keys[name]
        except KeyError:
            key = self._sort_keys[name] = collator().sort_key(name)
            return key

    def sorted(self, things):
        """Units or series in this language's order of their names."""
        return sorted(things, key=lambda thing: self.sort_key(self.name(thing)))

    def sorted_groups(self, groups):
        """Groups of units under a parent ({"parent": unit or None, …}) in this language's order of the parents'
        names, as a reader looks for her district; the group without a parent last. (Not by zone and range: a
        tehsil's district is no police unit's, and few citizens know their range.)"""
        def key(group):
            parent = group["parent"]
            return (1, ()) if parent is None else (0, self.sort_key(self.name(parent)))
        return sorted(groups, key=key)

    # Ties and changes: a shared rank says so, a change of rank carries the change of percent beside it.
    def rank(self, rank, tied=1):
        """A rank in a table or list: "1", or "1 (1,249 joint)" where 1,249 units share it (markup)."""
        return Markup(self.number(rank)) + self.joint_short(tied)

    def joint_short(self, tied):
        """" (1,249 joint)" after a rank 1,249 units share, as markup: in a table cell it goes on a line of its
        own (CSS), so that a phone still shows the names. Nothing for a rank of its own."""
        if tied is None or tied <= 1:
            return Markup("")
        text = self._ranks.get(tied)
        if text is None:
            text = self._ranks[tied] = Markup('<small class="j">{}</small>').format(self.joint_text(tied))
        return text

    def joint_text(self, tied):
        """" (1,249 joint)" as plain text (the staff preview), nothing for a rank of its own."""
        if tied is None or tied <= 1:
            return ""
        return self.gettext(" (%(tied)s joint)") % {"tied": self.number(tied)}

    def joint(self, tied):
        """", joint with 1,248 others" after a rank that tied units share; nothing for a rank of its own."""
        if tied is None or tied <= 1:
            return Markup("")
        return Markup(self.ngettext(", joint with %(num)s other", ", joint with %(num)s others", tied - 1)) % {
            "num": self.number(tied - 1)}

    def points(self, change):
        """A change of percent in percentage points, signed: "+1.25", "−5", "±0" (Decimal, published digits)."""
        if change is None:
            return ""
        text = self._points.get(change)
        if text is None:
            magnitude = format_number(self.locale, abs(change))
            text = self._points[change] = ("+" if change > 0 else "−" if change < 0 else "±") + magnitude
        return text

    def nth(self, n, feminine=False):
        """A rank or a count of months as said in a sentence: "49" in English, "49वें" in Hindi (ordinal)."""
        return ordinal(self.info.ordinals, n, self.number(n), feminine)
    # Numbers.
    def number(self, value):
        """A count or marks: Indian grouping, up to two decimals, nothing for a missing value (None)."""
        try:
            return self._numbers[value]
        except KeyError:
            text = self._numbers[value] = format_number(self.locale, value)
            return text

    def percent(self, value):
        """A published percent (ranking/ranks.py rounds it once, to two places): 88.46 → "88.46%", 100 → "100%"."""
        try:
            return self._percents[value]
        except KeyError:
            text = self._percents[value] = _format_percent(self.locale, Decimal(value))
            return text

    def change(self, change):
        """A rank change as a reader sees it: ▲25 (up 25 places), ▼3, or = when unchanged."""
        if change is None:
            return ""
        change = int(change)
        if change > 0:
            return "▲" + self.number(change)
        if change < 0:
            return "▼" + self.number(-change)
        return "="

    def change_and_points(self, change, points):
        """A change of rank and the change of percent said beside it, in points, where either moved: ("▼1,290",
        "−5"), ("=", "") when neither did, ("–", "") without a month before. The one rule of when the points are
        said; tables write "▼1,290 (−5)", sentences "(−5 percentage points)" (points_words)."""
        said = points is not None and (points or change)
        return self.change(change) or "–", self.points(points) if said else ""

    def points_words(self, points):
        """"+5.56 percentage points": a change of percent in words (points as change_and_points gives them)."""
        return self.gettext("%(points)s percentage points") % {"points": points}

    @staticmethod
    def change_class(change):
        """The CSS class of a rank change: colour is never the only sign, the arrow says it too."""
        if change is None:
            return "na"
        return "up" if change > 0 else "down" if change < 0 else "same"

    # Months: "YYYY-MM" strings throughout the data.
    def month(self, month, fmt="MMMM y"):
        return _format_month(self.locale, month, fmt)

    def date(self, iso_date):
        """"2025-01-05" → "5 January 2025" / "5 जनवरी 2025"."""
        return format_date(datetime.date.fromisoformat(iso_date), "long", locale=self.locale)

    def month_short(self, month):
        return self.month(month, "MMM y")

    def year(self, year):
        return str(year)


def points_alone(language, change):
    """A gain or a loss of percent where the sentence says "percentage points" itself ("gained the most percentage
    points: +5.56"), in a language."""
    return language.points(change)


def ordinal(ordinals, n, written, feminine=False):
    """How a language says "the n-th" in a sentence (written: n formatted), where it says it in words
    (vocabulary.Ordinals): in Hindi "75 में से 49वें स्थान पर", "लगातार दूसरे महीने", and feminine "लगातार तीसरी
    रैंकिंग"; the number as written where the language says the number (English: "rank 49 of 75")."""
    if ordinals is None:
        return written
    words, suffix = ((ordinals.feminine, ordinals.feminine_suffix) if feminine else
                     (ordinals.masculine, ordinals.masculine_suffix))
    return (words[n - 1] if n <= len(words) else None) or written + suffix


@lru_cache(maxsize=1)
def collator():
    """The Unicode collation algorithm with its default table (DUCET): Hindi and English order alike."""
    import pyuca  # here: loading its table takes a fifth of a second, and only pages that sort need it

    return pyuca.Collator()


def load_languages(translations_dir, codes=("hi", "en")):
    """The site's languages (vocabulary.check_languages), the first being the default one at the root of the site."""
    languages = []
    for index, info in enumerate(check_languages(codes)):
        languages.append(Language(info, "" if index == 0 else f"{info.code}/", catalog(translations_dir, info)))
    return languages


def catalog_file(translations_dir, code):
    return Path(translations_dir) / code / "LC_MESSAGES" / f"{DOMAIN}.mo"


def catalog(translations_dir, info):
    """A language's compiled catalog, read from its file now (gettext.translation would keep the first one it
    read for the whole process); the source language's words are the messages themselves."""
    file = catalog_file(translations_dir, info.code)
    if file.is_file():
        with open(file, "rb") as mo:
            return gettext_module.GNUTranslations(mo)
    if info.source:
        return gettext_module.NullTranslations()
    raise FileNotFoundError(
        f"No compiled catalog for {info.code!r} in {translations_dir}: run `make translations` (pybabel compile)")
