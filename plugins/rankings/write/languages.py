"""The languages this build is made in (RANKINGS_LANGUAGES, checked by vocabulary.check_languages), with their
catalogs read: one list for the generator, Pelican's writer and the build's start."""

import os
from functools import lru_cache

from ..data.vocabulary import language_of_environment
from ..render.language import catalog_file, load_languages
from ..settings import setting, translations_dir


@lru_cache(maxsize=None)
def _languages(directory, codes, catalogs):
    return {language.code: language for language in load_languages(directory, codes)}


def languages_for(settings):
    """{code: language.Language} of RANKINGS_LANGUAGES, checked (vocabulary.check_languages), in the site's order;
    read again when a compiled catalog has changed (a process may build more than once)."""
    codes = setting(settings, "RANKINGS_LANGUAGES")
    codes = codes if isinstance(codes, str) else tuple(codes)
    directory = translations_dir(settings)
    files = [catalog_file(directory, code) for code in (codes if isinstance(codes, tuple) else ())]
    catalogs = tuple((str(mo), mo.stat().st_mtime_ns, mo.stat().st_size) for mo in files if mo.is_file())
    return _languages(str(directory), codes, catalogs)


def staff_language(settings, environ=os.environ):
    """The language the build speaks to the staff who run it, as `make validate` does: the system's language for
    messages (Hindi for hi_IN), else the source language."""
    return load_languages(translations_dir(settings), [language_of_environment(environ)])[0]
