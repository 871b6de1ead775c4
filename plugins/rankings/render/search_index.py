"""The search's files: the index of every unit in every language (search.py), kept in the cache and made again only
when a unit's words or result would change, and the script that searches it.
"""

import json
import logging
import shutil
import time
from importlib.metadata import version
from pathlib import Path

from .. import urls
from ..data.spelling import DEVANAGARI_FOLDS, FOLDS
from . import captions, search
from .site_file import SiteFile, digest_of

logger = logging.getLogger(__name__)


def search_files(site, languages, cache_dir, fingerprint, index, theme):
    """The index's files and the search script. What the index is made of: the build (code, catalogs, settings,
    the units' names and places: the manifest's fingerprint), each unit's latest rank, the romaniser. When none
    changed, the index in the cache is the one to publish, and its 4,000 results need not be made again."""
    romaniser = version("aksharamukha")
    inputs = digest_of(fingerprint, index, romaniser, sorted(site.latest_rows.items()), stand_ins=site.stand_ins())
    key, folder = cached_index(cache_dir, inputs)
    if key is None:
        started = time.perf_counter()
        files = search.shards(site, languages, lambda unit, language: latest_rank(site, unit, language), index,
                              cache_dir / f"romanised-aksharamukha-{romaniser}.json")
        key = digest_of(sorted(files.items()))
        folder = cache_dir / "search" / key
        if not folder.is_dir():
            keep_index(folder, files)
        logger.info("Indexed %d units for search in %.2f s", len(site.units), time.perf_counter() - started)
    known = cache_dir / "search" / "inputs.json"
    known.parent.mkdir(parents=True, exist_ok=True)
    known.write_text(json.dumps({inputs: key}), encoding="utf-8")
    files = sorted(file for file in folder.rglob("*") if file.is_file())
    for file in files:
        yield SiteFile(urls.SEARCH_BUNDLE + file.relative_to(folder).as_posix(), file.read_bytes, (key,))
    script = (Path(theme) / "search" / "site-search.js").read_text(encoding="utf-8")
    filled = {"__FOLDS__": FOLDS, "__DEVANAGARI_FOLDS__": DEVANAGARI_FOLDS,
              "__WORD_SEPARATORS__": search.WORD_SEPARATORS,
              "__FILES__": sorted({file.stem for file in files}),  # the letters that have a file, in any language
              "__VERSION__": key[:12]}
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


def keep_index(folder, files):
    """The index's files into the cache folder (the earlier ones removed: not needed again)."""
    partial = folder.with_suffix(".partial")
    shutil.rmtree(partial, ignore_errors=True)
    for path, content in files.items():
        (partial / path).parent.mkdir(parents=True, exist_ok=True)
        (partial / path).write_bytes(content)
    for old in folder.parent.iterdir():
        if old != partial and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    partial.rename(folder)


def latest_rank(site, unit, language):
    """"October 2025: Rank 1 of 1,575 police stations, joint with 1,248 others", for a search result."""
    row = site.latest_rows.get(unit["id"])
    if row is None:
        return ""
    series = next(s for s in site.series if s["id"] == row["series"])
    return f"{language.month(row['month'])}: {captions.latest_words(unit, row, series, language)[0]}"
