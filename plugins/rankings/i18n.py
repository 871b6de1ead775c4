"""Languages of the site: gettext catalogs and Babel formatting of numbers, percentages and months.

Hindi is the default language, served at the root; English lives under /en/. Source strings are English,
so English needs no catalog. Figures use Latin digits with Indian grouping (1,40,000) in both languages,
as Hindi newspapers print them.
"""

import datetime
import gettext as gettext_module
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import pass_context
from markupsafe import Markup

DOMAIN = "messages"
TWO_PLACES = Decimal("0.01")


def exact(value):
    """A float read from a decimal CSV cell, back as that decimal (75.56 stays 75.56)."""
    return Decimal(repr(float(value)))


@lru_cache(maxsize=1 << 16)
def round_percent(marks, max_marks):
    """Percent with two decimals, rounded half up from the exact decimal quotient (88.4615… → 88.46)."""
    return (exact(marks) / exact(max_marks) * 100).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


# Babel formatting is the cost of a page full of figures, and the same few values recur on every page
# (90, 125, 100%…): format each value once per locale.
@lru_cache(maxsize=1 << 16)
def _format_number(locale, value):
    if value != int(value):
        value = exact(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
        return format_decimal(value, format="#,##,##0.##", locale=locale)
    return format_decimal(int(value), format="#,##,##0", locale=locale)


@lru_cache(maxsize=1 << 16)
def _format_percent(locale, value):
    return format_decimal(value, format="#,##0.##", locale=locale) + "%"


@lru_cache(maxsize=1 << 16)
def _format_month(locale, month, fmt):
    year, number = month.split("-")
    return format_date(datetime.date(int(year), int(number), 1), fmt, locale=locale)


def _newstyle(func):
    """Wrap a catalog's gettext the way Jinja's newstyle gettext does: autoescape, then % variables."""

    @pass_context
    def gettext(__context, __string, **variables):
        rv = func(__string)
        if __context.eval_ctx.autoescape:
            rv = Markup(rv)
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


@dataclass
class Language:
    code: str  # "hi", "en": the <html lang> and hreflang value
    locale: str  # Babel locale: "hi_IN", "en_IN"
    prefix: str  # URL prefix of this language's pages: "" or "en/"
    translations: gettext_module.NullTranslations = field(repr=False)

    def gettext(self, message):
        return self.translations.gettext(message)

    def ngettext(self, singular, plural, n):
        return self.translations.ngettext(singular, plural, n)

    def template_context(self):
        """What a template needs to speak this language: Jinja's i18n names, and L for formatting."""
        gettext = _newstyle(self.gettext)
        return {
            "gettext": gettext,
            "_": gettext,
            "ngettext": _newstyle_plural(self.ngettext),
            "L": self,
            "lang": self.code,
        }

    def level_plural(self, level):
        """"Police stations", "थाने": a level's units, in this language."""
        _ = self.gettext
        return {"zone": _("Zones"), "range": _("Ranges"), "district": _("Districts"), "tehsil": _("Tehsils"),
                "station": _("Police stations")}[level]

    # Names: every unit and series has name_hi and name_en.
    def name(self, thing):
        return thing["name_hi"] if self.code == "hi" else thing["name_en"]

    # Numbers.
    def number(self, value):
        """A count or marks: Indian grouping, up to two decimals, nothing for a missing value (None)."""
        if value is None:
            return ""
        return _format_number(self.locale, value)

    def percent(self, marks, max_marks):
        return self.percent_value(round_percent(marks, max_marks))

    def percent_value(self, value):
        """A percentage already rounded: 88.46 → "88.46%", 100 → "100%"."""
        if value is None:
            return ""
        return _format_percent(self.locale, Decimal(value))

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


def load_languages(translations_dir, codes=("hi", "en")):
    """The site's languages, the first being the default one at the root of the site."""
    locales = {"hi": "hi_IN", "en": "en_IN"}
    languages = []
    for index, code in enumerate(codes):
        translations = gettext_module.translation(
            DOMAIN, localedir=str(Path(translations_dir)), languages=[code], fallback=True
        )
        if code != "en" and isinstance(translations, gettext_module.NullTranslations) and not isinstance(
            translations, gettext_module.GNUTranslations
        ):
            raise FileNotFoundError(
                f"No compiled catalog for {code!r} in {translations_dir}: run `make translations` (pybabel compile)"
            )
        languages.append(Language(code, locales[code], "" if index == 0 else f"{code}/", translations))
    return languages
