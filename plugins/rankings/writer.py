"""A Pelican Writer that renders every page in its own language.

Both languages are written in one Pelican run: before a template is rendered, the page's language's
gettext, ngettext and formatting helpers are put in its context, where Jinja's i18n extension looks first.
Our own pages name their language (lang=…); Pelican's content pages carry it as page.lang.
"""

from functools import lru_cache

from pelican.writers import Writer

from . import urls
from .i18n import catalog_file, load_languages
from .settings import setting, translations_dir


@lru_cache(maxsize=None)
def _languages(directory, codes, catalogs):
    return {language.code: language for language in load_languages(directory, codes)}


def languages_for(settings):
    """{code: i18n.Language} of RANKINGS_LANGUAGES, checked (vocabulary.check_languages), in the site's order;
    read again when a compiled catalog has changed (a process may build more than once)."""
    codes = setting(settings, "RANKINGS_LANGUAGES")
    codes = codes if isinstance(codes, str) else tuple(codes)
    directory = translations_dir(settings)
    files = [catalog_file(directory, code) for code in (codes if isinstance(codes, tuple) else ())]
    catalogs = tuple((str(mo), mo.stat().st_mtime_ns, mo.stat().st_size) for mo in files if mo.is_file())
    return _languages(str(directory), codes, catalogs)


class LanguageWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        languages = languages_for(self.settings)
        content = kwargs.get("page") or kwargs.get("article")
        code = kwargs.get("lang") or getattr(content, "lang", None)
        kwargs.update(languages.get(code, next(iter(languages.values()))).template_context())
        if content is not None and "alternates" not in kwargs:
            kwargs["alternates"] = content_alternates(content, languages)
            kwargs["self_path"] = urls.content_page(content.slug)
            if setting(self.settings, "RANKINGS_SHARE_IMAGES"):  # drawn by RankingsGenerator.write_content_cards
                kwargs["share_image"] = urls.share_image(urls.content_page(content.slug))
        return super().write_file(name, template, context, *args, **kwargs)


def content_alternates(content, languages):
    """[(language, path)] for a Markdown page and its translations, in the site's language order."""
    in_languages = {item.lang for item in (content, *getattr(content, "translations", []))}
    return [(language, urls.content_page(content.slug)) for code, language in languages.items() if code in in_languages]
