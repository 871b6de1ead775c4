"""Search: any unit found by its Hindi or its English name, whichever script is typed, on either language's pages,
however it is spelled, within two seconds on a cheap phone on a slow connection (issue 31).

The index is the site's own: the units' names, split by the first letter of each word, one small file per letter
and language (shards()). A reader's first keystroke fetches the file of the letter typed (a few kilobytes; the
largest, क/k, some 20 KB gzipped), and that file holds every unit a query beginning with that letter can find:
each unit with a word of its own names, or of its parent's, that begins with it, and what its result shows.
(Pagefind's general index took five round trips one after another, a wasm module and a fragment per result: 5 s
from the last keystroke to the first result on such a phone; measured in issue 31.)

Each unit carries what a reader might type in either script (words()):
- its names in Hindi and English and its other names, its Hindi name romanised as people write it (aksharamukha's
  "RomanColloquial" with Hindi schwa deletion: चौबेपुर → chaubepur, कोतवाली → kotvali), each word folded
  (data/spelling.fold: choubepur, chaubeypur → chobepur; ग़ाज़ीपुर → गाजीपुर), and a name of several words also as
  one (kanpurnagar);
- the same words of its parent and the parent's counterpart ("around"): "kanpur nagar" finds the district first,
  then its tehsils and the stations of Kanpur Commissionerate;
- its whole names, each as one word without spaces (whole_names): a unit whose whole name is typed is listed
  first, the higher level first (a district before its tehsil of the same name).
site-search.js folds and splits what is typed with the same rules (FOLDS, DEVANAGARI_FOLDS, WORD_SEPARATORS,
written into it when the site is built), ranks what the letter's file holds, and corrects a word of five letters
or more that is no word of those units to the nearest of their words.
What a result shows is in the file's language: the unit's name, its kind and district or parent, its latest rank.
"""

import json
import re
from pathlib import Path

from .. import urls
from ..data.spelling import fold
from ..data.vocabulary import LANGUAGES, LEVEL_IDS

# What separates the words of a name or a query (site-search.js splits what is typed by the same): "lakhimpur-kheri"
# is two words, as "lakhimpur kheri".
WORD_SEPARATORS = r"[\s\-–.,()/]+"
# The scripts whose names are romanised, as aksharamukha names them (vocabulary.LanguageInfo.script).
ROMANISED_FROM = {"Deva": "Devanagari"}


def romanised(names, cache=None):
    """Hindi names as people write them in Latin letters: {name: "chaubepur"}. All at once (a call for each name
    costs ~1.5 ms, one call for thousands ~0.1 ms a name); cache: a JSON file of the names romanised before, so
    that a rebuild romanises only new names (and does not even import aksharamukha)."""
    known = {}
    if cache is not None:
        try:
            known = json.loads(Path(cache).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
    missing = sorted(set(names) - set(known))
    if missing:
        from aksharamukha import transliterate  # here: a third of a second to import, needed by this step only

        text = transliterate.process(ROMANISED_FROM["Deva"], "RomanColloquial", "\n".join(missing),
                                     pre_options=["RemoveSchwaHindi"])
        known.update(zip(missing, text.lower().split("\n")))
        if cache is not None:
            Path(cache).parent.mkdir(parents=True, exist_ok=True)
            partial = Path(f"{cache}.partial")
            partial.write_text(json.dumps(known, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            partial.replace(cache)
    return {name: known[name] for name in names}


def is_latin(name):
    """A name in Latin letters (no Devanagari in it), not to be romanised."""
    return not re.search("[\u0900-\u097f]", name)


def own_names(unit):
    """A unit's names: in every language, and the other names people use (Allahabad, इलाहाबाद, Noida)."""
    return [*(unit[info.name_column] for info in LANGUAGES.values()), *unit.get("other_names", ())]


def romanised_names(units, cache=None):
    """romanised() of every unit's names (its other names too) in a script that is romanised."""
    return romanised([name for unit in units.values() for name in own_names(unit) if not is_latin(name)], cache)


def names_of(unit, roman):
    """A unit's names as a reader may type them: own_names(), and those not in Latin letters also romanised."""
    names = own_names(unit)
    return [name for name in (*names, *(roman.get(name, "") for name in names if not is_latin(name))) if name]


def split_words(text):
    """The words of a name or a query (WORD_SEPARATORS)."""
    return [word for word in re.split(WORD_SEPARATORS, text) if word]


def words(unit, roman):
    """What a reader may type for a unit, folded, each word once, sorted: the words of its names, and a name of
    several words also as one ("Kanpur Nagar" typed "kanpurnagar"; "रायबरेली" typed "राय बरेली" is joined by
    site-search.js)."""
    split = [split_words(fold(name)) for name in names_of(unit, roman)]
    return sorted({*(word for name in split for word in name), *("".join(name) for name in split if len(name) > 1)})


def whole_names(unit, roman):
    """A unit's whole names, folded, each as one word ("kanpurnagar", "कानपुरनगर"): a query that is one of them
    (its words joined) lists the unit first."""
    return sorted({"".join(split_words(fold(name))) for name in names_of(unit, roman)})


def around_of(unit, units):
    """The units whose words also find a unit, after those found by their own: its parent, and the parent's
    counterpart (a station of Kanpur Commissionerate by "kanpur nagar")."""
    around = [units[unit["parent"]]] if unit["parent"] else []
    return around + [units[parent["counterpart"]] for parent in around if parent["counterpart"]]


def file_of(letter):
    """The name of the index's file of a first letter, the same in every script and on every host: its code
    point (k: 006b.json, क: 0915.json; site-search.js names it alike)."""
    return f"{ord(letter):04x}.json"


def shards(site, languages, latest_rank, index="", cache=None):
    """The index's files, {path under urls.SEARCH_BUNDLE: bytes}: for each language (at its prefix) and each first
    letter of a word (file_of), the units with a word of their own or around them beginning with it, each as
    [name, kind · place, latest rank, path from the site's root, level, words, whole names, [around]], the units
    around them once per file ("around": [level, words], which a unit names by their place in it).
    latest_rank(unit, language): the text of the unit's latest rank ("" for a unit not ranked yet); cache:
    romanised()'s."""
    units = site.units
    roman = romanised_names(units, cache)
    own = {unit_id: words(unit, roman) for unit_id, unit in units.items()}
    whole = {unit_id: " ".join(whole_names(unit, roman)) for unit_id, unit in units.items()}
    around = {unit_id: [u["id"] for u in around_of(unit, units)] for unit_id, unit in units.items()}
    letters = {}
    for unit_id in units:
        for letter in sorted({word[0] for u in (unit_id, *around[unit_id]) for word in own[u]}):
            letters.setdefault(letter, []).append(unit_id)
    files = {}
    for language in languages:
        shown = {unit_id: result(unit, around[unit_id], units, language, latest_rank, index)
                 for unit_id, unit in units.items()}
        for letter, unit_ids in sorted(letters.items()):
            table = {u: i for i, u in enumerate(dict.fromkeys(u for unit_id in unit_ids for u in around[unit_id]))}
            found = [[*shown[unit_id], LEVEL_IDS.index(units[unit_id]["level"]), " ".join(own[unit_id]),
                      whole[unit_id], [table[u] for u in around[unit_id]]] for unit_id in unit_ids]
            near = [[LEVEL_IDS.index(units[u]["level"]), " ".join(own[u])] for u in table]
            text = json.dumps({"units": found, "around": near}, ensure_ascii=False, separators=(",", ":"))
            files[language.prefix + file_of(letter)] = text.encode()
    return files


def result(unit, around, units, language, latest_rank, index):
    """What a unit's search result shows in a language: [name, "kind · district or parent", latest rank, path];
    around: the ids of around_of()."""
    place = unit["place"] or (around[0] if around else None)
    place = language.name(units[place]) if place else ""
    about = " · ".join(text for text in (str(language.kind(unit)), place) if text)
    return [language.name(unit), about, latest_rank(unit, language), urls.in_language(unit["path"], language) + index]
