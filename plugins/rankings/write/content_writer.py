"""Pelican's Writer, for the Markdown pages (about, data format, guide for staff), each in its own language.

Both languages are written in one Pelican run: before a template is rendered, the page's language's
gettext, ngettext and formatting helpers are put in its context, where Jinja's i18n extension looks first.
Our own pages name their language (lang=…); Pelican's content pages carry it as page.lang.
"""

from pelican.writers import Writer

from .. import urls
from ..render import share
from ..settings import setting
from .languages import languages_for


class LanguageWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        languages = languages_for(self.settings)
        content = kwargs.get("page") or kwargs.get("article")
        code = kwargs.get("lang") or getattr(content, "lang", None)
        kwargs.update(languages.get(code, next(iter(languages.values()))).template_context())
        if content is not None and "alternates" not in kwargs:
            kwargs["alternates"] = content_alternates(content, languages)
            kwargs["self_path"] = urls.content_page(content.slug)
            if setting(self.settings, "RANKINGS_SHARE_IMAGES"):  # drawn by render/page_files.py (content_cards)
                kwargs["share_image"] = urls.share_image(urls.content_page(content.slug))
                kwargs["share_image_size"] = share.SIZE
        return super().write_file(name, template, context, *args, **kwargs)


def content_alternates(content, languages):
    """[(language, path)] for a Markdown page and its translations, in the site's language order."""
    in_languages = {item.lang for item in (content, *getattr(content, "translations", []))}
    return [(language, urls.content_page(content.slug)) for code, language in languages.items() if code in in_languages]
