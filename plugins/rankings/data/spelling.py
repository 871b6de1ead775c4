"""Spellings of one name that people (and the state's sheets) write differently, folded into one form: the site's
search compares names so (render/search.py, and site-search.js with the same rules), and so does the import of a
sheet (sheets/names.py)."""

import re
import unicodedata

# Spelling variants of romanised Hindi names, folded alike in the index and in what is typed (site-search.js):
# (pattern, replacement) in order, on lower-case text; then a letter written twice counts once.
FOLDS = [("aa", "a"), ("ee", "i"), ("oo", "u"), ("ou", "au"), ("au", "o"), ("ey", "e"), ("w", "v"), ("ph", "f"),
         ("z", "j"), ("q", "k"), ("ck", "k")]


# Devanagari typed with or without nukta, with chandrabindu or anusvara, with a half nasal or anusvara, a long or a
# short u, and ध्द typed for द्ध (as Kruti Dev's keys make it) meets in one form (as FOLDS do in Latin):
# ग़ाज़ीपुर → गाजीपुर, गाँव → गांव, बुलन्दशहर → बुलंदशहर, लखनऊ → लखनउ, सिध्दार्थनगर → सिद्धार्थनगर.
# site-search.js folds what is typed with the same rules (DEVANAGARI_FOLDS).
DEVANAGARI_FOLDS = [("\u093c", ""), ("\u0901", "\u0902"),
                    *((nasal + "\u094d", "\u0902") for nasal in ("\u0919", "\u091e", "\u0923", "\u0928", "\u092e")),
                    ("\u090a", "\u0909"), ("\u0942", "\u0941"), ("\u0927\u094d\u0926", "\u0926\u094d\u0927")]


def fold(text):
    """"Choubepur Kotwali" → "chaubepur kotvali": the form in which variants of a spelling meet; in Devanagari,
    the letters without nukta (after Unicode's decomposition: ज़ is ज and a nukta)."""
    text = unicodedata.normalize("NFD", text.lower())
    for pattern, replacement in FOLDS + DEVANAGARI_FOLDS:
        text = text.replace(pattern, replacement)
    return unicodedata.normalize("NFC", re.sub(r"([a-z])\1+", r"\1", text))
