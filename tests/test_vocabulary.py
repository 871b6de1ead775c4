"""Levels and languages are data in one place (vocabulary.py): their words in both languages, the settings
checked when a build starts, and no template or module deciding by a level's name."""

from decimal import Decimal
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from rankings.data import schema
from rankings.render.language import load_languages
from rankings.data.vocabulary import LANGUAGES, LEVEL, LEVELS, LanguageSettingError, check_languages
from sitebuild import FIXTURES, build

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "theme" / "translations"


@pytest.fixture(scope="module")
def hi_en():
    return {language.code: language for language in load_languages(TRANSLATIONS, ("hi", "en"))}


def test_levels_run_from_the_top_down_and_name_their_parents():
    seen = set()
    for level in LEVELS:
        assert level.parent is None or level.parent in seen, f"{level.id}: its parent level comes first"
        assert not (level.parent_required and level.parent is None)
        # A month page groups a level by parent only where every unit of it has one.
        assert not level.grouped or level.parent_required
        seen.add(level.id)
    # The data contract's constants are read from the vocabulary, not written again.
    assert not hasattr(schema, "LEVELS")  # one name, one meaning: vocabulary.LEVELS are the levels
    assert schema.PARENT_LEVEL == {"range": "zone", "district": "range", "tehsil": "district", "station": "district"}
    assert schema.PARENT_REQUIRED == {"range", "tehsil", "station"}


def test_level_words_in_both_languages(hi_en):
    hi, en = hi_en["hi"], hi_en["en"]
    assert (en.level("station").one, en.level("station").many) == ("Police station", "Police stations")
    assert (hi.level("station").one, hi.level("station").many) == ("थाना", "थाने")
    assert en.level("station").at_rank_1(48, 52) == "48 of 52 police stations at rank 1"
    assert hi.level("station").at_rank_1(48, 52) == "52 थानों में से 48 रैंक 1 पर"
    assert en.level("district").count(1) == "1 district" and en.level("district").count(82) == "82 districts"
    assert hi.level("zone").count(8) == "8 ज़ोन"
    assert en.level("station").count(1560) == "1,560 police stations"
    assert hi.level("district").rank_of("49", 75) == "75 जनपदों में रैंक 49"
    # A series' words for a level follow what it ranks: districts beside police commissionerates in a series that
    # ranks ranges (police), plain districts where ranges are not ranked (district administrations).
    police, administrations = {"with_top": {"district"}}, {"with_top": set()}
    assert en.level("district", police).many == en.level("district").index_heading == "Districts and commissionerates"
    assert en.level("district", administrations).many == en.level("district").many == "Districts"
    assert hi.level("district", police).rank_of("5", 75) == "75 जनपदों और कमिश्नरेटों में रैंक 5"
    assert en.level("district", administrations).rank_of("49", 75) == "Rank 49 of 75 districts"
    # A shared rank says so, in a sentence and in a table.
    assert en.level("station").rank_of("1", 1575, tied=1249) == "Rank 1 of 1,575 police stations, joint with 1,248 others"
    assert hi.level("station").rank_of("1", 1575, tied=2) == "1,575 थानों में रैंक 1, संयुक्त रूप से 1 अन्य के साथ"
    assert (en.rank(1, 1249), hi.rank(1, 1249), en.rank(7, 1)) == (
        '1<small class="j"> (1,249 joint)</small>', '1<small class="j"> (कुल 1,249 संयुक्त)</small>', "7")
    assert (en.points(Decimal("-5.00")), en.points(Decimal("1.25")), en.points(Decimal("0"))) == ("−5", "+1.25", "±0")
    for language in (hi, en):
        for level in LEVELS:
            words = language.level(level.id)
            assert words.one and words.many and words.index_heading and words.without_parent
            # Every level a unit can have as parent heads its children's rank in it.
            assert words.rank_in or not any(child.parent == level.id for child in LEVELS)
    # A rank in a parent is headed by what the parent is, lower case in English as inside a sentence.
    district, commissionerate = {"level": "district", "top": False}, {"level": "district", "top": True}
    assert (en.rank_in(district), en.rank_in(commissionerate)) == ("Rank in district", "Rank in police commissionerate")
    assert (hi.rank_in(district), hi.rank_in(commissionerate)) == ("जनपद में रैंक", "पुलिस कमिश्नरेट में रैंक")
    assert en.rank_in({"level": "zone", "top": True}) == "Rank in zone"


def test_sentences_keep_markup_given_and_escape_text_given(hi_en):
    en = hi_en["en"]
    big = Markup('<strong class="rank">7</strong>')
    assert en.level("station").rank_of(big, 7) == 'Rank <strong class="rank">7</strong> of 7 police stations'
    assert en.level("station").rank_of("<7>", 7) == "Rank &lt;7&gt; of 7 police stations"


@pytest.mark.parametrize("codes, says", [
    (("hi", "fr"), "'fr'"),
    (("de",), "'de'"),
    ("hi", "must list language codes"),
    ((), "must list language codes"),
    (("hi", "en", "hi"), "more than once"),
])
def test_a_wrong_language_setting_is_told_clearly(codes, says):
    with pytest.raises(LanguageSettingError) as error:
        check_languages(codes)
    message = str(error.value)
    assert says in message and "RANKINGS_LANGUAGES" in message
    if "'fr'" in says or "'de'" in says:
        assert "hi (हिन्दी)" in message and "en (English)" in message  # what the site does have


def test_languages_name_their_column_and_display_name():
    assert [info.name_column for info in check_languages(("hi", "en"))] == ["name_hi", "name_en"]
    assert {code: info.display_name for code, info in LANGUAGES.items()} == {"hi": "हिन्दी", "en": "English"}
    for info in LANGUAGES.values():
        assert info.name_column in schema.UNIT_COLUMNS_REQUIRED and info.name_column in schema.SERIES_COLUMNS_REQUIRED


def test_a_build_with_an_unknown_language_stops_before_writing(tmp_path, caplog):
    output = tmp_path / "output"
    with pytest.raises(SystemExit) as stopped:
        build(FIXTURES / "small", output, RANKINGS_LANGUAGES=("hi", "fr"))
    assert "RANKINGS_LANGUAGES names 'fr'" in str(stopped.value.code)
    assert not output.exists()


def test_no_template_or_module_decides_by_a_level_name():
    """Adding a level is one entry in vocabulary.py: nothing else compares a level with a literal name."""
    by_name = re.compile(r"""level\s*[!=]=\s*["'](?:zone|range|district|tehsil|station)["']""")
    places = [*sorted((ROOT / "theme" / "templates").glob("*.html")), *sorted((ROOT / "plugins" / "rankings").rglob("*.py"))]
    found = [f"{path.name}: {match.group()}" for path in places for match in by_name.finditer(path.read_text())]
    assert not found, found
    assert LEVEL["station"].grouped and LEVEL["tehsil"].grouped and not LEVEL["district"].grouped


def test_the_root_language_is_the_same_for_pelican_and_the_plugin(tmp_path):
    with pytest.raises(SystemExit) as stopped:
        build(FIXTURES / "small", tmp_path / "output", RANKINGS_LANGUAGES=("en", "hi"))
    assert "DEFAULT_LANG is 'hi' but the first of RANKINGS_LANGUAGES" in str(stopped.value.code)


def test_the_order_of_languages_is_a_setting(tmp_path):
    """English at the root and Hindi under /hi/: the same site, every link resolving, each page naming the other."""
    from sitebuild import broken_links, parse, read

    site = build(FIXTURES / "small", tmp_path / "output", RANKINGS_LANGUAGES=("en", "hi"), DEFAULT_LANG="en")
    assert broken_links(site) == []
    for path in ["", "station/kanpur-commissionerate-chaubepur/", "police/2024-12/", "about/"]:
        en, hi = parse(read(site, path)), parse(read(site, "hi/" + path))
        assert (en.lang, hi.lang) == ("en", "hi")
        assert en.alternates == hi.alternates == {
            "en": f"http://localhost:8000/{path}", "hi": f"http://localhost:8000/hi/{path}"}
    assert "Chaubepur" in parse(read(site, "station/kanpur-commissionerate-chaubepur/")).visible_text
    assert "चौबेपुर" in parse(read(site, "hi/station/kanpur-commissionerate-chaubepur/")).visible_text
