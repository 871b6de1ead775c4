"""Hindi typed in a legacy font (Kruti Dev 010, DevLys 010, Walkman Chanakya 905), to Unicode and back.

Such fonts draw Devanagari glyphs in the places of Latin letters: a cell holds `dkuiqj uxj` and the font draws
कानपुर नगर. Each glyph is a key of GLYPHS (a letter, a half letter, a conjunct, a vowel sign); the text is read
glyph by glyph, the longest key first, and then put in Unicode's order:
- the i sign (ि, typed `f`) is typed before its consonant cluster, Unicode writes it after;
- the reph (र् over a letter, typed `Z`) is typed after its cluster and its signs, Unicode writes it before;
- a half letter with the vertical stroke (`D` + `k`) is the full letter (क); the stroke and the e signs make the o
  signs (`ks` ो, `kS` ौ), अ with them makes आ, ओ, औ;
- a syllable's signs may be typed in any order (`ksa` or `kas` for ों): they are put in Unicode's.
encode() types Unicode as a typist would (the tests type every name of the data so, in each font, and read it back).

DevLys 010 places its glyphs where Kruti Dev 010 does; Walkman Chanakya 905 differs in a few (WALKMAN_GLYPHS), and
makes क and फ of two keys around the syllable's signs (`osQ` के: व's glyph, the e sign, a hook).
No library was trusted with this: the one measured decoded 38 of the sample's 281 Hindi names wrongly in Kruti Dev
and 129 in Walkman Chanakya (`अर्मापुर` came back as `अर््मापुर`).
"""

import re
import unicodedata
from functools import lru_cache

KRUTI_DEV, DEVLYS, WALKMAN = "Kruti Dev 010", "DevLys 010", "Walkman Chanakya 905"
FONTS = (KRUTI_DEV, DEVLYS, WALKMAN)

VIRAMA, NUKTA, AA, I_SIGN = "\u094d", "\u093c", "\u093e", "\u093f"
REPH = "\u0930\u094d"
# Stand-ins while glyphs are put in order: the i sign typed before its cluster, the reph typed after it.
_PRE_I, _POST_REPH = "\ue001", "\ue002"

CONSONANT = "[\u0915-\u0939\u0958-\u095f]"
CLUSTER = f"{CONSONANT}{NUKTA}?(?:{VIRAMA}{CONSONANT}{NUKTA}?)*"
# Signs of a syllable, by the order Unicode gives them: nukta, virama or vowel sign, then nasal and visarga.
SIGN_ORDER = {NUKTA: 0, VIRAMA: 1, **{chr(c): 2 for c in range(0x093E, 0x094D)}, "\u0962": 2, "\u0963": 2,
              "\u0901": 3, "\u0902": 3, "\u0903": 3}

# Glyph → Unicode, as Kruti Dev 010 and DevLys 010 place them. Where several glyphs give the same text, the first
# is the one encode() types.
GLYPHS = (
    # vowels (आ ओ औ ऑ are अ with signs: see COMPOSED)
    ("v", "अ"), ("bZ", "ई"), ("b±", "ईं"), ("Ã", "ई"), ("b", "इ"), ("m", "उ"), ("Å", "ऊ"), (",s", "ऐ"), (",", "ए"),
    ("_", "ऋ"),
    # consonants: the full letter, then its half; a half letter with the stroke k is the full one
    ("d", "क"), ("D", "क्"), ("[k", "ख"), ("[", "ख्"), ("x", "ग"), ("X", "ग्"), ("?k", "घ"), ("?", "घ्"),
    ("³", "ङ"), ("p", "च"), ("P", "च्"), ("N", "छ"), ("t", "ज"), ("T", "ज्"), (">", "झ"), ("÷", "झ्"),
    ("¥", "ञ"), ("V", "ट"), ("B", "ठ"), ("M", "ड"), ("<", "ढ"), (".k", "ण"), (".", "ण्"), ("r", "त"),
    ("R", "त्"), ("Fk", "थ"), ("F", "थ्"), ("n", "द"), ("/k", "ध"), ("/", "ध्"), ("u", "न"), ("U", "न्"),
    ("i", "प"), ("I", "प्"), ("Q", "फ"), ("¶", "फ्"), ("c", "ब"), ("C", "ब्"), ("Hk", "भ"), ("H", "भ्"),
    ("e", "म"), ("E", "म्"), (";", "य"), ("¸", "य्"), ("j", "र"), ("y", "ल"), ("Y", "ल्"), ("G", "ळ"),
    ("o", "व"), ("O", "व्"), ("'k", "श"), ("'", "श्"), ('"k', "ष"), ('"', "ष्"), ("l", "स"), ("L", "स्"),
    ("g", "ह"), ("º", "ह्"),
    # conjuncts drawn as one glyph
    ("{k", "क्ष"), ("{", "क्ष्"), ("K", "ज्ञ"), ("=", "त्र"), ("«", "त्र्"), ("J", "श्र"), ("ô", "क्क"),
    ("ä", "क्त"), ("Ùk", "त्त"), ("Ù", "त्त्"), ("é", "न्न"), ("™", "न्न्"), ("í", "द्द"), (")", "द्ध"),
    ("|", "द्य"), ("}", "द्व"), ("æ", "द्र"), ("Ø", "क्र"), ("ç", "प्र"), ("Á", "प्र"), ("Ý", "फ्र"),
    ("ê", "ट्ट"), ("ë", "ट्ठ"), ("ì", "ड्ड"), ("ï", "ड्ढ"), ("à", "ह्न"), ("á", "ह्य"), ("ã", "ह्म"),
    ("â", "हृ"), ("—", "कृ"), ("–", "दृ"), ("#", "रु"), (":", "रू"),
    # signs
    ("k", "ा"), ("f", _PRE_I), ("h", "ी"), ("È", "ीं"), ("q", "ु"), ("w", "ू"), ("`", "ृ"), ("s", "े"),
    ("S", "ै"), ("‚", "ॉ"), ("W", "ॅ"), ("a", "ं"), ("¡", "ँ"), ("%", "ः"), ("~", VIRAMA), ("+", NUKTA),
    ("z", "्र"), ("ª", "्र"), ("î", "्य"), ("Z", _POST_REPH), ("±", _POST_REPH + "ं"),
    # punctuation where the fonts put it
    ("A", "।"), ("&", "-"), ("-", "."), ("]", ","), ("¼", "("), ("½", ")"), ("@", "/"), ("^", "‘"), ("*", "’"),
)
# Walkman Chanakya 905: where it places a glyph otherwise (its two-key क and फ are in WALKMAN_HOOKS).
WALKMAN_GLYPHS = (("/k", "धा"), ("/", "ध"), ("è", "ध्"), ("=kk", "त्रा"), ("=k", "त्र"), ("¼", "द्ध"), ("½", "ऋ"), ("ß", "ह्र"),
           ("”k", "ज़"), ("”", "ज़्"), ("(", "("), (")", ")"), ("mQ", "ऊ"))
# Its hook Q turns the glyph before it (व, प) into क, फ, with the syllable's signs typed between the two.
WALKMAN_MEDIALS = "[sSqwkah`‚¡]{0,2}"
_HOOKED_PHA = "\ue003"
WALKMAN_HOOKS = ((re.compile(f"o({WALKMAN_MEDIALS})Q"), "d"), (re.compile(f"i({WALKMAN_MEDIALS})Q"), _HOOKED_PHA))

# Signs the glyphs leave apart that Unicode writes as one.
COMPOSED = (("्ा", ""), ("ाे", "ो"), ("ाै", "ौ"), ("ाॅ", "ॉ"), ("अो", "ओ"), ("अौ", "औ"), ("अॉ", "ऑ"),
            ("अा", "आ"), ("इ" + _POST_REPH, "ई"))


def font_named(name):
    """The legacy font a cell's font name is ("Kruti Dev 010", "KrutiDev010", "Walkman-Chanakya905"), or None."""
    plain = re.sub(r"[^a-z]", "", (name or "").lower())
    if "kruti" in plain:
        return KRUTI_DEV
    if "devlys" in plain:
        return DEVLYS
    if "chanakya" in plain or "walkman" in plain:
        return WALKMAN
    return None


def glyphs(font):
    """{glyph: text} for a font (its name as FONTS has it)."""
    table = dict(GLYPHS)
    if font == WALKMAN:
        table.update(WALKMAN_GLYPHS)
        table["Q"] = "Q"  # a hook without its letter is left for the reader to see
        table[_HOOKED_PHA] = "फ"
    return table


def _pattern(table):
    return re.compile("|".join(re.escape(key) for key in sorted(table, key=len, reverse=True)) + "|.", re.S)


_TABLES = {font: glyphs(font) for font in FONTS}
_PATTERNS = {font: _pattern(table) for font, table in _TABLES.items()}


def decode(text, font):
    """Text typed in a legacy font, in Unicode: decode("dkuiqj uxj", KRUTI_DEV) == "कानपुर नगर". Characters that
    are no glyph of the font (digits, spaces, the "0" that abbreviates a word) stay as they are."""
    if font == WALKMAN:
        for hook, letter in WALKMAN_HOOKS:
            text = hook.sub(lambda match: letter + match[1], text)
    table = _TABLES[font]
    text = "".join(table.get(piece, piece) for piece in _PATTERNS[font].findall(text))
    text = _in_sign_order(text)
    text = _composed(text)
    # ि typed before a cluster goes after it (after its half letters: f + स् + थ is स्थि)
    text = re.sub(f"{_PRE_I}({CLUSTER})", rf"\1{I_SIGN}", text)
    text = text.replace(_PRE_I, I_SIGN)
    # the reph typed after its cluster and the cluster's signs goes before the cluster
    text = re.sub(f"({CLUSTER})([\u093e-\u094c\u0901-\u0903]*){_POST_REPH}", rf"{REPH}\1\2", text)
    text = text.replace(_POST_REPH, REPH)
    return unicodedata.normalize("NFC", _composed(_in_sign_order(text)))


def _in_sign_order(text):
    """Each run of signs in Unicode's order (a stable sort: the order typed is kept within a kind)."""
    return re.sub("[\u0900-\u0903\u093c-\u094d\u0962\u0963]{2,}",
                  lambda run: "".join(sorted(run[0], key=lambda sign: SIGN_ORDER.get(sign, 2))), text)


def _composed(text):
    for apart, together in COMPOSED:
        text = text.replace(apart, together)
    return text


# ---- typing Unicode in a font (the tests type the data's names so; a sheet is never written in one)

SYLLABLE = re.compile(f"({REPH}(?={CONSONANT}))?({CLUSTER})([\u093e-\u094c\u0962\u0963]?)([\u0901-\u0903]?)")


def encode(text, font, reph_after_signs=True, nasal_first=False):
    """Unicode as a typist types it in the font: the i sign before its cluster, the reph after it (after the
    syllable's vowel sign unless reph_after_signs is False), the nasal after the vowel sign (before it with
    nasal_first)."""
    typed = _typing_table(font)
    out, position = [], 0
    text = unicodedata.normalize("NFD", text)
    for syllable in SYLLABLE.finditer(text):
        out.append(_typed(text[position:syllable.start()], typed))
        reph, cluster, sign, nasal = syllable.groups()
        keys = _typed(cluster, typed)
        vowel = "" if sign in ("", I_SIGN) else _typed(sign, typed)
        nasal = _typed(nasal, typed) if nasal else ""
        signs = [nasal, vowel] if nasal_first else [vowel, nasal]
        if reph:
            signs.insert(1 if reph_after_signs and not nasal_first else 0, "Z")
        hook = re.search(r"([dQ])(\+?)$", keys) if font == WALKMAN else None
        if hook and re.fullmatch(WALKMAN_MEDIALS, "".join(signs)):
            # its क and फ: व's or प's glyph, the signs, the hook (then a nukta)
            keys, signs = keys[:hook.start()] + {"d": "o", "Q": "i"}[hook[1]], [*signs, "Q" + hook[2]]
        out.append(("f" if sign == I_SIGN else "") + keys + "".join(signs))
        position = syllable.end()
    out.append(_typed(text[position:], typed))
    return "".join(out)


# Glyphs a typist does not reach for: other forms of a text another glyph gives, or two texts at once.
NOT_TYPED = {"Ã", "Á", "±", "b±", "È", "ª", "î", "=kk"}


@lru_cache(maxsize=None)  # one per font: the tests and the benchmark type thousands of names
def _typing_table(font):
    """{text: glyph}: the glyph encode() types for a text, the first listed where several give it."""
    typed = {}
    for glyph, text in (WALKMAN_GLYPHS if font == WALKMAN else ()) + GLYPHS:
        if text in (_PRE_I, _POST_REPH) or glyph in NOT_TYPED:
            continue
        typed.setdefault(unicodedata.normalize("NFD", text), glyph)
    for vowel, glyph in (("ऑ", "v‚"), ("आ", "vk"), ("ओ", "vks"), ("औ", "vkS"), ("ो", "ks"), ("ौ", "kS")):
        typed[vowel] = glyph
    return typed


def _typed(text, typed):
    """Text typed glyph by glyph, the longest text a glyph draws first."""
    out, position = [], 0
    longest = max(len(key) for key in typed)
    while position < len(text):
        for size in range(min(longest, len(text) - position), 0, -1):
            piece = text[position:position + size]
            if piece in typed:
                out.append(typed[piece])
                position += size
                break
        else:
            out.append(text[position])
            position += 1
    return "".join(out)
