"""Search: any unit found by its Hindi or its English name, whichever script is typed, on either language's pages,
however it is spelled.

Pagefind, the static-site search, indexes one record per unit and language (its own command, run over a
temporary folder of small record pages when the site is built: bundle()). Pagefind keeps an index per language
and searches the one of the page's <html lang>, so each record carries what a reader might type in either script:
- the unit's names in Hindi and English, its Hindi name romanised as people write it (aksharamukha's
  "RomanColloquial" with Hindi schwa deletion: चौबेपुर → chaubepur, कोतवाली → kotvali), weighted highest (a
  station's or tehsil's less than a district's: NAME_WEIGHT), each word once;
- the same for its parent and the parent's counterpart, weighted low: "kanpur nagar" finds the district first,
  then its tehsils and the stations of Kanpur Commissionerate;
- every word also folded (fold()): spelling variants meet in one form (choubepur, chaubeypur → chobepur;
  ग़ाज़ीपुर → गाजीपुर), and a name of several words also as one (kanpurnagar);
- its whole names, folded, each as one marked word (whole_name_word), and its level as a sort: a unit whose
  whole name is typed is listed first, the higher level first.
site-search.js folds what is typed with the same rules (FOLDS, DEVANAGARI_FOLDS, written into it when the site
is built), and corrects a word of five letters or more that is no name's word to the nearest words of
vocabulary() (words.json, beside the index).
Each record's meta is what a result shows, in the record's language: its name, and (unsearched) its kind, district or
parent and latest rank.
"""

import hashlib
import json
import re
import subprocess
import tempfile
from html import escape
from pathlib import Path

from .. import urls
from ..data.spelling import DEVANAGARI_FOLDS, FOLDS, fold
from ..data.vocabulary import LANGUAGES, LEVEL, LEVEL_IDS

# The marks around a whole name's word (whole_name_word), by script: letters that no folded name has.
WHOLE_NAME_MARKS = {"Latn": "q", "Deva": "\u0950"}
# How much a unit's own names weigh in its record (Pagefind's weights, at most 10): a level whose names recur
# from one district to the next (stations, tehsils: vocabulary.Level.named_with_parent) weighs less, so that a
# name a district shares with a station or tehsil inside it finds the district first (Etawah before Etawah
# tehsil), however much of it is typed.
NAME_WEIGHT = {False: 10, True: 7}
# The bundle's files a search needs; Pagefind also writes its own ready-made interfaces, which this site does
# not use (its search box is its own: theme/search/site-search.js).
# The words of every unit's names (vocabulary()), beside Pagefind's files: loaded with them, when a reader first
# searches, for site-search.js to correct a typo.
WORDS = "words.json"
# The scripts whose names are romanised, as aksharamukha names them (vocabulary.LanguageInfo.script).
ROMANISED_FROM = {"Deva": "Devanagari"}
NOT_NEEDED = re.compile(r"^pagefind-(?:ui|modular-ui|component-ui|highlight)\.")


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


def words_of(unit, roman):
    """What a reader may type for a unit, each word once: its name in every language, each not in Latin letters
    also romanised, the folded forms of all, and a name of several words also as one ("Kanpur Nagar" typed
    "kanpurnagar", "रायबरेली" as "राय बरेली" would be found the other way round by site-search.js)."""
    native = [name for name in own_names(unit) if not is_latin(name)]
    latin = [name for name in own_names(unit) if is_latin(name)] + [roman.get(name, "") for name in native]
    names = [name for name in (*native, *latin) if name]
    folded = [fold(name) for name in names]
    joined = ["".join(name.split()) for name in folded if len(name.split()) > 1]
    words = {}
    for word in " ".join([*names, *folded, *joined]).split():
        words.setdefault(word.lower(), word)  # each word once: repeating a name's words would rank it higher
    return " ".join(words.values())


def is_latin(name):
    """A name in Latin letters (no Devanagari in it), not to be romanised."""
    return not re.search("[\u0900-\u097f]", name)


def own_names(unit):
    """A unit's names: in every language, and the other names people use (Allahabad, इलाहाबाद, Noida)."""
    return [*(unit[info.name_column] for info in LANGUAGES.values()), *unit.get("other_names", ())]


def whole_names(unit, roman):
    """A unit's whole names as a query is folded (site-search.js): in every language and its other names,
    romanised, and each also as one word, each once."""
    names = own_names(unit)
    names += [roman.get(name, "") for name in own_names(unit) if not is_latin(name)]
    folded = [" ".join(fold(name).split()) for name in names if name]
    return list(dict.fromkeys([*folded, *("".join(name.split()) for name in folded)]))


def whole_name_word(name):
    """The one word that stands for a whole name in the index: the name without spaces between two marks no
    folded word has (q, folded to k; ॐ), so that only a query of the whole name finds it, not one of its start
    ("qagraq" is not the start of "qagrarangeq"). site-search.js makes the same word of what is typed."""
    mark = WHOLE_NAME_MARKS["Latn" if re.match(r"[a-z0-9]", name) else "Deva"]
    return mark + "".join(name.split()) + mark


def romanised_names(units, cache=None):
    """romanised() of every unit's names (its other names too) in a script that is romanised."""
    return romanised([name for unit in units.values() for name in own_names(unit) if not is_latin(name)], cache)


def vocabulary(units, cache=None):
    """Every folded word of every unit's names (the joined forms too), for site-search.js to correct a word typed
    with a typo to the nearest of them: sorted, so that the same names give the same file."""
    roman = romanised_names(units, cache)
    return sorted({word for unit in units.values() for word in fold(words_of(unit, roman)).split()})


def records(site, languages, latest_rank, index="", cache=None):
    """One record per unit and language: (language code, url, html). latest_rank(unit, language) is the text
    of the unit's latest rank in that language ("" for a unit not ranked yet); cache: romanised()'s."""
    units = site.units
    roman = romanised_names(units, cache)
    out = []
    for unit in units.values():
        names = words_of(unit, roman)
        # Its whole names as words of their own (a whole name typed finds the unit first: site-search.js), and its
        # level as Pagefind's sort, on an empty element. (Not as Pagefind's filter, whose files differ from build
        # to build: a rebuild must give the same bytes.)
        keys = (f'<p data-pagefind-weight="1">{escape(" ".join(map(whole_name_word, whole_names(unit, roman))))}</p>'
                f'<span data-pagefind-sort="level:{LEVEL_IDS.index(unit["level"])}"></span>')
        weight = NAME_WEIGHT[LEVEL[unit["level"]].named_with_parent]
        around = [units[unit["parent"]]] if unit["parent"] else []
        around += [units[u["counterpart"]] for u in around if u["counterpart"]]
        around_words = " ".join(words_of(u, roman) for u in around)
        for language in languages:
            place = language.name(units[unit["place"]]) if unit["place"] else \
                language.name(around[0]) if around else ""
            shown = [str(language.kind(unit)), place, latest_rank(unit, language)]
            # Pagefind searches its meta too: every Hindi station's kind, "थाना", found all 1,575 of them for
            # "थाना", and the English rank lines "police" for everyone. What a result shows but is not searched for
            # goes as one meta, unsearched (site-search.js reads it), on an empty element.
            tags = (f'<span data-pagefind-meta="title[data-title]" data-title="{escape(language.name(unit))}"></span>'
                    f'<span data-pagefind-meta="shown[data-shown]" data-shown="{unsearched(shown)}"></span>')
            html = (f'<html lang="{language.code}"><body><h1 data-pagefind-weight="{weight}">{escape(names)}</h1>'
                    f'<p data-pagefind-weight="1">{escape(around_words)}</p>{tags}{keys}</body></html>')
            url = "/" + urls.in_language(unit["path"], language) + index  # from the site's root (site-search.js)
            out.append((language.code, url, html))
    return out


# A byte of what a result shows, as a character of Unicode's private use area: no letter or digit of any script, so
# Pagefind makes no word of it (in base64, its words were found by "agar", "bara").
UNSEARCHED_FROM = 0xE000


def unsearched(values):
    """Values a result shows, in a form no query meets: their JSON's bytes as private-use characters
    (site-search.js: shown())."""
    return "".join(chr(UNSEARCHED_FROM + byte) for byte in json.dumps(values, ensure_ascii=False).encode())


def digest(found, words):
    """The key of the index of these records and words, made by this Pagefind (a new one may write other
    files)."""
    from importlib.metadata import version

    text = json.dumps([version("pagefind_bin"), TOKENISED_AS, FOLDS, DEVANAGARI_FOLDS, WHOLE_NAME_MARKS, found, words],
                      ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


# Pagefind's way with words, for every language's index: its Hindi index split Devanagari so that "मऊ" found
# 2,034 units and "थाना" 1,575, where its English one finds Mau's 32 and the 19 Mahila Thanas.
TOKENISED_AS = "en"


def bundle(found, words, prefixes, keep_index_url=False):
    """The Pagefind bundles of the records, one per language at its prefix (prefixes: {language code: "" or
    "en/"}), each indexed as TOKENISED_AS: {path inside the bundle: bytes}, only the files a search needs, and
    the names' words. The records are written as small pages into a temporary folder for Pagefind's own command
    (its Python service answers one request per tenth of a second: seven minutes for the sample site's 4,000
    records)."""
    from pagefind_bin import get_executable

    files = {}
    for code, prefix in prefixes.items():
        with tempfile.TemporaryDirectory(prefix="igrs-search-") as temporary:
            pages, bundle_folder = Path(temporary) / "pages", Path(temporary) / "bundle"
            for _, url, html in (record for record in found if record[0] == code):
                page = pages / url.strip("/") / urls.INDEX if not url.endswith(".html") else pages / url.strip("/")
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(html, encoding="utf-8")
            command = [str(get_executable()), "--site", str(pages), "--output-path", str(bundle_folder), "--silent",
                       "--force-language", TOKENISED_AS, *(["--keep-index-url"] if keep_index_url else [])]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError(f"Pagefind could not index the site: {done.stdout}{done.stderr}")
            files.update({prefix + file.relative_to(bundle_folder).as_posix(): file.read_bytes()
                          for file in sorted(bundle_folder.rglob("*"))
                          if file.is_file() and not NOT_NEEDED.match(file.relative_to(bundle_folder).as_posix())})
    files[WORDS] = json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode()
    return files
