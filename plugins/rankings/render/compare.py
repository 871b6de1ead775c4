"""The compare page's files (site/compare.py): each level's file its script reads, the script and its stylesheet,
and the month pages' script that leads to it; and what the script is given in the page, in a language."""

import json
from pathlib import Path

import rcssmin

from .. import urls
from ..data.vocabulary import LEVEL_IDS
from ..site.compare import MOST, level_files, level_json
from . import embed
from .charts.style import COMPARE_LINES, GAP, GRID, INK, MUTED
from .site_file import SiteFile


def compare_files(site, theme):
    """Each series' levels' files (a new month changes only its series' files), the script and its rules, and the
    month pages' script that leads to it."""
    for (series_id, level), content in level_files(site).items():
        text = level_json(content)
        yield SiteFile(urls.compare_level(series_id, level), lambda text=text: text, (text,))
    folder = Path(theme) / "compare"
    script, rules = ((folder / name).read_text(encoding="utf-8") for name in ("compare.js", "compare.css"))
    yield SiteFile(urls.COMPARE_SCRIPT, lambda: script, (script,))
    yield SiteFile(urls.COMPARE_STYLESHEET, lambda: rcssmin.cssmin(rules), (rules,))
    # A month page's tools (choosing units to compare, the map's code to embed), with the embed code's pattern.
    tools = (Path(theme) / "month" / "month.js").read_text(encoding="utf-8").replace(
        '"__SNIPPETS__"', json.dumps(embed.snippet_patterns(), ensure_ascii=False))
    yield SiteFile(urls.MONTH_SCRIPT, lambda: tools, (tools,))


def page_data(model, language, link, file_link, words):
    """What the compare page's script is given (#compare-data), in the page's language: words (gettext'd by the
    template), the months' names, the series and their levels' files, the levels' words, the links to make."""
    return {
        "words": words,
        "name": language.info.name_column,
        "most": MOST,
        "months": {month: language.month(month) for month in model["months"]},
        "series": {series["id"]: {"name": language.name(series), "top": list(series["with_top"]),
                                  "levels": {level: file_link(path) for level, path in levels},
                                  "unranked": model["unranked"].get(series["id"], {})}
                   for series, levels in model["series_levels"]},
        "levels": {level: language.level(level).many for level in LEVEL_IDS},
        "kinds": {level: [language.level(level).one, language.level(level).top_one] for level in LEVEL_IDS},
        "counterparts": [list(pair) for pair in model["counterparts"]],
        "lines": [list(line) for line in COMPARE_LINES],
        "style": [INK, GRID, GAP, MUTED],
        "csv": file_link(urls.unit_csv("{id}")),
        "unit": link(urls.unit("{level}", "{id}")),
        "month": link(urls.month("{series}", "{month}")),
        "compare": link(urls.COMPARE),
        "search": file_link(urls.SEARCH_SCRIPT),
    }
