"""A name as a sheet writes it, matched to a unit: never guessed.

Names are compared folded (data/spelling.fold: nukta, chandrabindu, half nasals; Latin spelling variants), without
spaces ("चौरीचौरा", "चौरी चौरा"), without a leading "थाना"/"PS", with "को0" read as कोतवाली and a word ending in the
abbreviation mark "0" standing for any word it begins; failing that, one letter added, dropped or changed in a
name of five letters or more. A name that matches no unit, or several, is not matched: nearest() says what is
near it.
"""

import re
import unicodedata

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..spelling import fold

# Words that are no part of a unit's name: a station written "थाना कोतवाली", "P.S. Kotwali".
LEADING_WORDS = ("थाना", "थाने", "पुलिस स्टेशन", "ps", "p.s.", "p. s.", "p.s", "police station", "tehsil", "तहसील")
# Abbreviations offices write for a whole word, folded.
ABBREVIATIONS = {"को0": "कोतवाली", "को०": "कोतवाली", "kot.": "kotvali"}
ABBREVIATION_MARKS = "0०."
# At most this many edits, and only in a name of this many letters or more.
EDITS, EDITS_FROM = 1, 5
NEAREST = 3


def key(name):
    """A name in the form its spellings share: folded, the leading word and the abbreviations resolved, words
    single-spaced."""
    text = " ".join(unicodedata.normalize("NFC", name).replace("\u200c", "").replace("\u200d", "").lower().split())
    for word in LEADING_WORDS:
        if text.startswith(word + " ") and len(text) > len(word) + 1:
            text = text[len(word) + 1:]
            break
    words = [ABBREVIATIONS.get(word, word) for word in re.split(r"\s+|(?<=[0०.])(?=\S)", text) if word]
    return " ".join(fold(word) if word[-1] not in ABBREVIATION_MARKS else fold(word[:-1]) + "0" for word in words)


def pattern(row_key):
    """A key with abbreviated words, as a pattern that a unit's key (without spaces) must match whole."""
    parts = [re.escape(word[:-1]) + r"\w*" if word.endswith("0") else re.escape(word) for word in row_key.split()]
    return re.compile("".join(parts))


class Names:
    """The names of the units a row may be: {unit id: keys}, from their names in both languages, their other
    names (units.csv) and the spellings staff taught (sheet_names.csv)."""

    def __init__(self, names):
        self.keys = {unit_id: {key(name).replace(" ", "") for name in spelled if name}
                     for unit_id, spelled in names.items()}
        self.by_key = {}
        for unit_id, keys in self.keys.items():
            for k in keys:
                self.by_key.setdefault(k, set()).add(unit_id)

    def matches(self, name, among):
        """The units among `among` (ids) that `name` names: exactly, else through its abbreviations, else with
        one edit."""
        row_key = key(name)
        flat = row_key.replace(" ", "")
        if not flat:
            return []
        found = {u for u in self.by_key.get(flat, ()) if u in among}
        if found:
            return sorted(found)
        if "0" in row_key:
            whole = pattern(row_key)
            found = {u for u in among if any(whole.fullmatch(k) for k in self.keys.get(u, ()))}
            if found:
                return sorted(found)
        if len(flat) >= EDITS_FROM:
            found = {u for u in among for k in self.keys.get(u, ())
                     if len(k) >= EDITS_FROM and Levenshtein.distance(flat, k, score_cutoff=EDITS) <= EDITS}
        return sorted(found)

    def nearest(self, name, among, first=()):
        """The NEAREST units to a name among `among`, nearest first; at the same distance those in `first`."""
        flat = key(name).replace(" ", "")
        scored = {}
        for unit_id in among:
            keys = self.keys.get(unit_id, ())
            if keys:
                best = process.extractOne(flat, keys, scorer=Levenshtein.distance)
                scored[unit_id] = best[1]
        return sorted(scored, key=lambda u: (scored[u], u not in first, u))[:NEAREST]
