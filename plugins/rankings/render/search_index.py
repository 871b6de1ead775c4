"""The search's files: the Pagefind index of every unit in every language (search.py makes its records and runs
Pagefind), kept in the cache and made again only when a record would change, and the script that searches it.
"""

import json
import logging
import shutil
import time
from importlib.metadata import version
from pathlib import Path

from .. import urls
from . import captions, search
from .site_file import SiteFile, digest_of

logger = logging.getLogger(__name__)


def search_files(site, languages, cache_dir, fingerprint, index, theme):
    """The index's files and the search script. What the records are made of: the build (code, catalogs,
    settings, the units' names and places: the manifest's fingerprint), each unit's latest rank, the romaniser.
    When none changed, the index in the cache is the one to publish, and the 4,000 records need not be made again
    (≈1 s of a rebuild)."""
    romaniser = version("aksharamukha")
    inputs = digest_of(fingerprint, index, romaniser, sorted(site.latest_rows.items()), stand_ins=site.stand_ins())
    key, folder = cached_index(cache_dir, inputs)
    if key is None:
        roman = cache_dir / f"romanised-aksharamukha-{romaniser}.json"
        found = search.records(site, languages, lambda unit, language: latest_rank(site, unit, language), index,
                               roman)
        words = search.vocabulary(site.units, roman)
        key = search.digest(found, words)
        folder = cache_dir / "search" / key
        if not folder.is_dir():
            keep_index(folder, found, words, {language.code: language.prefix for language in languages}, index)
    known = cache_dir / "search" / "inputs.json"
    known.parent.mkdir(parents=True, exist_ok=True)
    known.write_text(json.dumps({inputs: key}), encoding="utf-8")
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            yield SiteFile(urls.SEARCH_BUNDLE + file.relative_to(folder).as_posix(), file.read_bytes, (key,))
    script = (Path(theme) / "search" / "site-search.js").read_text(encoding="utf-8")
    filled = {"__FOLDS__": search.FOLDS, "__DEVANAGARI_FOLDS__": search.DEVANAGARI_FOLDS,
              "__WHOLE_NAME_MARKS__": search.WHOLE_NAME_MARKS, "__UNSEARCHED_FROM__": search.UNSEARCHED_FROM}
    yield SiteFile(urls.SEARCH_SCRIPT, lambda: fill(script, filled))


def fill(script, values):
    """The search script with the build's values in place of its "__NAME__" strings."""
    for name, value in values.items():
        script = script.replace(f'"{name}"', json.dumps(value, ensure_ascii=False))
    return script


def cached_index(cache_dir, inputs):
    """(key, folder) of the index the cache has for these inputs, or (None, None)."""
    try:
        key = json.loads((cache_dir / "search" / "inputs.json").read_text(encoding="utf-8")).get(inputs)
    except (OSError, ValueError):
        return None, None
    folder = cache_dir / "search" / (key or "none")
    return (key, folder) if key and folder.is_dir() else (None, None)


def keep_index(folder, found, words, prefixes, index):
    """Pagefind's bundles of the records (one per language, at its prefix) and the names' words, into the cache
    folder (the earlier ones removed: not needed again)."""
    started = time.perf_counter()
    files = search.bundle(found, words, prefixes, keep_index_url=bool(index))
    partial = folder.with_suffix(".partial")
    shutil.rmtree(partial, ignore_errors=True)
    for path, content in files.items():
        (partial / path).parent.mkdir(parents=True, exist_ok=True)
        (partial / path).write_bytes(content)
    for old in folder.parent.iterdir():
        if old != partial and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    partial.rename(folder)
    logger.info("Indexed %d units for search in %.2f s", len(found), time.perf_counter() - started)


def latest_rank(site, unit, language):
    """"October 2025: Rank 1 of 1,575 police stations, joint with 1,248 others", for a search result."""
    row = site.latest_rows.get(unit["id"])
    if row is None:
        return ""
    series = next(s for s in site.series if s["id"] == row["series"])
    return f"{language.month(row['month'])}: {captions.latest_words(unit, row, series, language)[0]}"
