"""A Pelican Writer that renders every page in its own language.

Both languages are written in one Pelican run: before a template is rendered, the page's language's
gettext, ngettext and formatting helpers are put in its context, where Jinja's i18n extension looks first.
Our own pages name their language (lang=…); Pelican's content pages carry it as page.lang.
"""

from functools import lru_cache

from pelican.writers import Writer

from .i18n import load_languages
from .settings import setting, translations_dir


@lru_cache(maxsize=None)
def _languages(directory, codes):
    return {language.code: language for language in load_languages(directory, codes)}


def languages_for(settings):
    return _languages(str(translations_dir(settings)), tuple(setting(settings, "RANKINGS_LANGUAGES")))


class LanguageWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        languages = languages_for(self.settings)
        content = kwargs.get("page") or kwargs.get("article")
        code = kwargs.get("lang") or getattr(content, "lang", None) or next(iter(languages))
        kwargs.update(languages[code].template_context())
        if content is not None and "alternates" not in kwargs:
            kwargs["alternates"] = content_alternates(content, languages)
            kwargs["self_path"] = content.url
        return super().write_file(name, template, context, *args, **kwargs)


def content_alternates(content, languages):
    """[(language, url)] for a Markdown page and its translations, in the site's language order."""
    by_code = {content.lang: content.url}
    for translation in getattr(content, "translations", []):
        by_code[translation.lang] = translation.url
    return [(languages[code], by_code[code]) for code in languages if code in by_code]
