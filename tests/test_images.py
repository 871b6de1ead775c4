"""The pictures people share and download say everything they draw, whole: share cards and chart files with the
longest names of the data, in both languages, checked from the fonts' own tables (every character drawn is in
the font that draws it), from the drawn pixels (no text leaves its box) and from measured widths (no two labels
overlap). Each once failed: ▲ and ▼ drawn as empty boxes, Hindi titles run off the card, "थाना 10" cut to
"थाना 1", addresses and titles cut off chart files, "0 1 1 2 2" on a count axis, Hindi month labels touching."""

import csv
import re
import unicodedata
from decimal import Decimal
from io import BytesIO

import pytest

from rankings.data import typeset
from rankings.render import chart_card, share
from rankings.render.charts import files as chart_files, fonts, kinds, pool, style
from sitebuild import ROOT

LONGEST = {}
with open(ROOT / "data" / "units.csv", encoding="utf-8") as file:
    for row in csv.DictReader(file):
        for column in ("name_hi", "name_en"):
            if len(row[column]) > len(LONGEST.get(column, "")):
                LONGEST[column] = row[column]

CARDS = {
    "hi rose": ("आईजीआरएस रैंकिंग, उत्तर प्रदेश — नमूना डेटा।", f"थाना 10 ({LONGEST['name_hi']})",
                f"थाना · {LONGEST['name_hi']}", ["1,575 थानों में रैंक 49", "88.46% · ▲25 (+7.69 प्रतिशत अंक)",
                                                  "दिसंबर 2025 · पुलिस इकाइयों की आईजीआरएस रैंकिंग"],
                "igrs-rankings.example.org/station/gautam-buddh-nagar-commissionerate-kotwali-dehat/"),
    "en fell": ("IGRS rankings, Uttar Pradesh — Sample data.", f"Police Station 10 ({LONGEST['name_en']})",
                f"Police station · {LONGEST['name_en']}",
                ["Rank 1,249 of 1,575 police stations, joint with 12 others",
                 "95.56% · ▼1,248 (−4.44 percentage points)", "December 2025 · IGRS ranking of police units"],
                "igrs-rankings.example.org/en/station/gautam-buddh-nagar-commissionerate-kotwali-dehat/"),
    "hi joint": ("आईजीआरएस रैंकिंग, उत्तर प्रदेश", "चौबेपुर", "थाना · कानपुर कमिश्नरेट",
                 ["1,575 थानों में रैंक 1, 1,248 अन्य के साथ संयुक्त", "100% · कोई बदलाव नहीं",
                  "दिसंबर 2025 · पुलिस इकाइयों की आईजीआरएस रैंकिंग"], "igrs-rankings.example.org/station/x/"),
    "hi month": ("आईजीआरएस रैंकिंग, उत्तर प्रदेश — नमूना डेटा।", "पुलिस इकाइयों की आईजीआरएस रैंकिंग", "दिसंबर 2025",
                 ["8 में से 1 ज़ोन रैंक 1 पर", "18 में से 2 परिक्षेत्र रैंक 1 पर", "75 में से 12 जनपद रैंक 1 पर",
                  "1,575 में से 1,249 थाने रैंक 1 पर"], "igrs-rankings.example.org/police/2025-12/"),
}


def texts(svg):
    """(x, y, size, bold, text) of every <text> of an SVG."""
    found = []
    for attributes, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg):
        def attribute(name, default=None):
            match = re.search(rf' {name}="([^"]*)"', attributes)
            return match.group(1) if match else default
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        found.append((float(attribute("x", 0)), float(attribute("y", 0)), float(attribute("font-size", 11)),
                      attribute("font-weight") == "bold", text))
    return found


@pytest.fixture(scope="module")
def drawing_fonts(tmp_path_factory):
    """The fonts the build draws PNGs with (charts/fonts.py), made once for this module."""
    return fonts.drawing_fonts(tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize("name", CARDS)
def test_a_share_card_draws_every_character_and_keeps_its_text_inside(name, drawing_fonts):
    from PIL import Image

    words = CARDS[name]
    svg = share.card(*words)
    drawn = texts(svg)
    assert all(not typeset.missing(text) for *_, text in drawn), [typeset.missing(t) for *_, t in drawn]
    # Every word is there: nothing cut ("थाना 10" is never "थाना 1").
    assert " ".join(text for *_, text in drawn).count(words[1].split(" (")[0]) >= 1
    for x, y, size, bold, text in drawn:
        assert x + typeset.width(text, size, bold) <= share.WIDTH - share.MARGIN + 1, text
    baselines = sorted({y for _, y, *_ in drawn})
    sizes = {y: size for _, y, size, *_ in drawn}
    assert all(b - a >= 0.95 * sizes[b] for a, b in zip(baselines, baselines[1:])), "two lines overlap"
    # In the drawing itself: the right margin is blank between the bands (resvg's own shaping, not ours).
    image = Image.open(BytesIO(pool.png_of(svg, drawing_fonts))).convert("L")
    margin = image.crop((share.WIDTH - share.MARGIN + 6, share.BAND + 2, share.WIDTH, share.HEIGHT - 14))
    assert margin.getextrema()[0] > 240, "text runs into the right margin"
    # A rise and a fall are told apart: drawn as triangles, not as characters no font has.
    if "▲" in "".join(words[3]) or "▼" in "".join(words[3]):
        assert "<title>▲</title>" in svg or "<title>▼</title>" in svg


def test_the_drawing_fonts_draw_what_the_pinned_fonts_draw(drawing_fonts):
    """The PNGs' static instances (charts/fonts.py) give the pixels of the pinned variable fonts, Devanagari
    shaped the same; a character they leave out is reported missing, not drawn as an empty box."""
    import numpy as np
    import resvg_py
    from PIL import Image

    svg = share.card(*CARDS["hi rose"])
    variable = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_dirs=typeset.font_dirs(),
                                           font_family="Noto Sans", sans_serif_family="Noto Sans"))
    pixels = [np.asarray(Image.open(BytesIO(png)).convert("L"), dtype=int)
              for png in (variable, pool.png_of(svg, drawing_fonts))]
    assert (abs(pixels[0] - pixels[1]) > 64).sum() < 20
    assert typeset.missing("Ωmega") == {"Ω"} and not typeset.missing("Ā थाना ₹ “…”")


def test_a_card_too_long_for_any_size_is_cut_at_a_word_with_an_ellipsis():
    svg = share.card("x", "थाना 10 " + "बहुत लंबा नाम " * 30, "", [], "a")
    title = [text for _, _, size, bold, text in texts(svg) if bold and size >= 48]
    assert title[-1].endswith(" …") and "थाना 10" in title[0]


@pytest.mark.parametrize("word", ["Kanpur" * 34, "कानपुरनगर" * 22])
def test_a_word_longer_than_a_picture_is_broken_or_cut_between_letters(tmp_path, word):
    """A 200-letter word ran off the share picture and the chart file: now a card cuts it between letters with
    an ellipsis, and a chart file's caption breaks it onto lines of their own, never inside a Devanagari letter."""
    svg = share.card("x", word, word, [word], word)
    for x, _, size, bold, text in texts(svg):
        assert x + typeset.width(text, size, bold) <= share.WIDTH - share.MARGIN + 1, text
    title = [text for _, _, size, bold, text in texts(svg) if bold and size >= 48]
    assert title[-1].endswith("…") and word.startswith("".join(title)[:-1])
    lines = typeset.filled(f"{word} of the police", 300, 11)
    assert "".join(lines[:-1]) + lines[-1].removesuffix(" of the police") == word
    assert all(typeset.width(line, 11) <= 300 for line in lines)
    assert all(not unicodedata.category(line[0]).startswith("M") for line in lines)  # no sign without its letter


def chart_file(language_months, words, caption):
    history = [{"month": f"2024-{m:02d}", "rank": 3, "ranked_in_level": 75, "percent": Decimal("93.5"),
                "level_median": Decimal("95")} for m in range(1, 13)]
    svg = chart_files.localise(pool.render_all({"k": {"kind": "history", "history": history,
                                                   "months": [r["month"] for r in history], "unpublished": (),
                                                   "with_rank": True}}, caption["cache"])["k"],
                          words, language_months)
    return chart_files.captioned(svg, *caption["words"])


@pytest.mark.parametrize("language", ["hi", "en"])
def test_a_downloaded_history_chart_is_whole_and_has_a_key(tmp_path, language):
    hi = language == "hi"
    months = (["जन॰", "फ़र॰", "मार्च", "अप्रैल", "मई", "जून", "जुल॰", "अग॰", "सित॰", "अक्टू॰", "नव॰", "दिस॰"] if hi else
              ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"])
    words = {"rank": "रैंक" if hi else "Rank", "percent": "प्रतिशत" if hi else "Percent"}
    name = LONGEST["name_hi" if hi else "name_en"]
    caption = (f"Kotwali Dehat ({name})", ["IGRS ranking of police units", f"Percent and rank, month by month, "
                                                                          "December 2020 – December 2025"],
               ["Source: IGRS (Jansunwai Samadhan) portal, Government of Uttar Pradesh",
                "https://igrs-rankings.example.org/en/station/gautam-buddh-nagar-commissionerate-kotwali-dehat/"],
               [("line", "percent"), ("median", "median of the level"), ("unpublished", "not published"),
                ("gap", "gap: not ranked that month")])
    svg = chart_file(months, words, {"cache": tmp_path, "words": caption})
    width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))
    outer = re.sub(r'<g class="chart".*?<!--/chart-->', "", svg, flags=re.S)  # the caption's texts, not the chart's
    for x, y, size, bold, text in texts(outer):
        assert not typeset.missing(text), text
        assert x + typeset.width(text, size, bold) <= width, text
    joined = " ".join(text for *_, text in texts(outer))
    assert "kotwali-dehat/" in joined and name.split(" ")[-1] in joined  # nothing cut off
    for words_of_key in ("median of the level", "not published", "gap: not ranked that month"):
        assert words_of_key in joined


KEYS = {"hi": [("line", "प्रतिशत"), ("median", "स्तर का मध्य प्रतिशत"), ("unpublished", "प्रकाशित नहीं हुई"),
               ("gap", "खाली जगह: उस माह रैंक नहीं मिली")],
        "en": [("line", "percent"), ("median", "median of the level"), ("unpublished", "not published"),
               ("gap", "gap: not ranked that month")]}


def unit_picture(name, cache):
    """A unit's picture (chart_card.picture) for a card of CARDS, with the tallest chart (its rank), in the card's
    language: (svg, drawing, footer)."""
    site_name, title, about, lines, address = CARDS[name]
    hi = name.startswith("hi")
    months = ["जन॰", "फ़र॰", "मार्च", "अप्रैल", "मई", "जून", "जुल॰", "अग॰", "सित॰", "अक्टू॰", "नव॰", "दिस॰"] if hi else [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
    history = [{"month": f"2024-{m:02d}", "rank": 3, "ranked_in_level": 75, "percent": Decimal("93.5"),
                "level_median": Decimal("95")} for m in range(1, 13)]
    drawing = chart_files.localise(pool.render_all({"k": {"kind": "history", "history": history,
                                                           "months": [r["month"] for r in history],
                                                           "unpublished": (), "with_rank": True}}, cache)["k"],
                                   {"rank": "रैंक" if hi else "Rank", "percent": "प्रतिशत" if hi else "Percent"}, months)
    chart_about = "प्रतिशत और रैंक, महीने दर महीने, जन॰ 2024 – दिस॰ 2024" if hi else (
        "Percent and rank, month by month, Jan 2024 – Dec 2024")
    footer = ["Source: IGRS (Jansunwai Samadhan) portal, Government of Uttar Pradesh", address]
    svg = chart_card.picture(site_name, title, about, lines, chart_about, KEYS[name[:2]], footer, drawing)
    return svg, drawing, footer


@pytest.mark.parametrize("name", ["hi rose", "en fell", "hi joint"])
def test_a_units_picture_is_its_chart_with_its_cards_words_all_inside(tmp_path, name, drawing_fonts):
    """One picture per unit and language, the chart's PNG and the shared link's picture (issue 18): the card's
    words in the left column, the chart (the tallest kind, with its rank) and its key on the right, the source
    and address under both; nothing cut, nothing overlapping, nothing outside the picture."""
    from PIL import Image

    svg, drawing, footer = unit_picture(name, tmp_path)
    title, lines, address = CARDS[name][1], CARDS[name][3], CARDS[name][4]
    hi = name.startswith("hi")
    x, y, scale = (float(v or 1) for v in re.search(
        r'<g class="chart" transform="translate\(([\d.]+),([\d.]+)\)(?: scale\(([\d.]+)\))?"', svg).groups())
    width, height = (scale * v for v in chart_files.size_of(drawing))
    assert x + width <= chart_card.WIDTH and height >= 0.75 * 229  # the rank chart, barely smaller if at all
    outer = texts(re.sub(r'<g class="chart".*?<!--/chart-->', "", svg, flags=re.S))
    assert all(not typeset.missing(text) for *_, text in outer)
    joined = " ".join(text for *_, text in outer)
    for words in [title.split(" (")[0], *" ".join(lines).replace("▲", " ").replace("▼", " ").split(), address,
                  "not ranked that month" if not hi else "रैंक नहीं मिली"]:
        assert words in joined, words
    footer_top = min(ty - size for tx, ty, size, _, text in outer if footer[0].startswith(text))
    column = [t for t in outer if t[0] < chart_card.CHART_X and chart_card.BAND < t[1] < footer_top]
    for tx, ty, size, bold, text in outer:
        right = chart_card.MARGIN + chart_card.COLUMN if (tx, ty, size, bold, text) in column else chart_card.WIDTH
        assert tx + share.em_width(text, bold) * size <= right + 1, text
    for texts_of_part in (column, [t for t in outer if t not in column]):
        baselines = sorted({ty for _, ty, *_ in texts_of_part})
        sizes = {ty: size for _, ty, size, *_ in texts_of_part}
        assert all(b - a >= 0.95 * sizes[b] for a, b in zip(baselines, baselines[1:])), "two lines overlap"
    assert max(ty for _, ty, *_ in column) <= footer_top and y + height <= footer_top
    # In the drawing: the gutter between the words and the chart is blank.
    image = Image.open(BytesIO(pool.png_of(svg, drawing_fonts))).convert("L")
    assert image.size == chart_card.SIZE
    gutter = image.crop((chart_card.MARGIN + chart_card.COLUMN + 2, chart_card.BAND + 2, chart_card.CHART_X - 2,
                         round(footer_top) - 2))
    assert gutter.getextrema()[0] > 240, "words run into the chart"


@pytest.mark.parametrize("name", ["hi rose", "en fell"])
def test_texts_drawn_as_their_glyphs_outlines_give_resvgs_own_pixels(tmp_path, name, drawing_fonts):
    """A PNG's texts go to resvg as glyph outlines shaped by HarfBuzz (charts/glyphs.py: a picture in four fifths
    of the time): the pixels are those resvg draws from the texts themselves, Devanagari's matras and conjuncts,
    bold, text anchored at its middle or end, the turned axis title and the triangles' lines."""
    import numpy as np
    import resvg_py
    from PIL import Image

    from rankings.render.charts import glyphs

    svg = unit_picture(name, tmp_path)[0]
    assert "<text" not in glyphs.outlined(svg, drawing_fonts)  # every text of a picture is drawn so
    own = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_dirs=[drawing_fonts],
                                      font_family="Noto Sans", sans_serif_family="Noto Sans"))
    pixels = [np.asarray(Image.open(BytesIO(png)).convert("L"), dtype=int)
              for png in (own, pool.png_of(svg, drawing_fonts))]
    # Measured: two pixels of an edge differ by 57 of 255, the others by 9 at most (a glyph misplaced: hundreds).
    assert (abs(pixels[0] - pixels[1]) > 24).sum() <= 6


@pytest.mark.parametrize("name", ["hi rose"])
def test_a_picture_is_written_in_half_the_bytes_with_the_same_pixels(tmp_path, name, drawing_fonts):
    """A picture of outlines is filled by vl-convert's resvg and written by oxipng (pool.png_of: a palette, a
    third of the time resvg_py takes to encode, half its bytes): the pixels are exactly resvg_py's."""
    import numpy as np
    import resvg_py
    from PIL import Image

    from rankings.render.charts import glyphs

    svg = unit_picture(name, tmp_path)[0]
    outlines = glyphs.outlined(svg, drawing_fonts)
    theirs = bytes(resvg_py.svg_to_bytes(svg_string=outlines, skip_system_fonts=True))
    ours = pool.png_of(svg, drawing_fonts)
    pixels = [np.asarray(Image.open(BytesIO(png)).convert("RGBA"), dtype=int) for png in (theirs, ours)]
    assert pixels[0].shape == pixels[1].shape and (pixels[0] == pixels[1]).all()
    assert Image.open(BytesIO(ours)).mode == "P" and len(ours) < 0.7 * len(theirs)


def test_a_text_the_outlines_cannot_draw_is_left_for_resvg(drawing_fonts):
    from rankings.render.charts import glyphs

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="99" height="60">'
           '<text x="1" y="10" letter-spacing="2">spaced</text><text x="1" y="20">a<tspan>b</tspan></text>'
           '<text x="1" y="30">Ωmega</text><text x="1" y="40" font-weight="bold" text-anchor="end">थाना &amp; 1</text>'
           '<text x="1" y="50" font-weight="lighter">light</text></svg>')
    out = glyphs.outlined(svg, drawing_fonts)
    assert [text for text in ("spaced", "<tspan>b", "Ωmega", "थाना", "light") if text in out] == [
        "spaced", "<tspan>b", "Ωmega", "light"]


def test_month_labels_never_touch_in_either_language():
    """Each label as the axis sets it: centred on its month, but flush with the axis at either end (Vega's
    labelFlush), its whole width inward: "जुल॰ 25अक्टू॰ 25" once ran together, and the English ones touched."""
    from babel.dates import get_month_names

    widest = kinds.widest_month_label()
    assert widest > typeset.width("Sept 23", 11)  # the Hindi ones are the wider
    names = {locale: get_month_names("abbreviated", locale=locale) for locale in ("hi_IN", "en_IN")}
    for start in (0, 1, 6, 9):
        for length in range(2, 121):
            months = [f"{2020 + (m // 12)}-{m % 12 + 1:02d}" for m in range(start, start + length)]
            ticks = kinds.month_ticks(months)
            for locale, short in names.items():
                extents = []
                for tick in ticks:
                    at = ((tick["year"] - 2020) * 12 + tick["month"] - 1 - start) * style.WIDTH / (length - 1)
                    width = typeset.width(f"{short[tick['month']]} {tick['year'] % 100:02d}", style.AXIS_LABEL_SIZE)
                    left = 0 if at <= 0 else style.WIDTH - width if at >= style.WIDTH else at - width / 2
                    extents.append((left, left + width))
                gaps = [b[0] - a[1] for a, b in zip(extents, extents[1:])]
                assert all(gap >= 6 for gap in gaps), (locale, months[0], length, gaps)


@pytest.mark.parametrize("most", [0, 1, 2, 3, 5, 6, 7, 13, 52, 351, 1575])
def test_count_ticks_are_distinct_whole_numbers_covering_the_most(most):
    ticks = kinds.count_ticks(most)
    assert ticks[0] == 0 and ticks[-1] >= most and len(ticks) <= 6
    assert all(isinstance(t, int) for t in ticks) and ticks == sorted(set(ticks))
