"""Both languages: the Hindi catalog is complete, and figures are formatted by Babel for each language."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from jinja2 import Environment

from rankings.data.decimals import round_percent
from rankings.render.language import load_languages

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "theme" / "translations"


@pytest.fixture(scope="module")
def languages():
    return {language.code: language for language in load_languages(TRANSLATIONS)}


def source_messages():
    """Every message the templates and the plugin mark for translation, as `make extract` finds them."""
    method_map = [("plugins/**.py", "python"), ("theme/templates/**.html", "jinja2")]
    options = {"theme/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True",
                                           "lstrip_blocks": "True"}}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options, keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None,
                                                 "Nn_": (1, 2)},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_message_has_a_hindi_translation():
    with open(TRANSLATIONS / "hi" / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po, locale="hi")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string) and "fuzzy" not in m.flags
    }
    messages = source_messages()
    assert len(messages) > 100 and "%(year)s: rank 1 in %(at_1)s of the %(ranked)s month it was ranked in" in messages
    missing = messages - translated
    assert not missing, f"run `make extract` and translate: {sorted(missing)}"


def test_indian_digit_grouping_in_both_languages(languages):
    for language in languages.values():
        assert language.number(140000) == "1,40,000"
        assert language.number(1234567) == "12,34,567"
        assert language.number(75.56) == "75.56"
        assert language.number(90.0) == "90"
        assert language.number(None) == ""


def test_percent_is_rounded_half_up_from_the_exact_decimal(languages):
    assert str(round_percent(115, 130)) == "88.46"
    assert str(round_percent(75.56, 90)) == "83.96"
    assert str(round_percent(1, 32)) == "3.13"  # 3.125 → half up, not half even
    assert languages["hi"].percent(round_percent(115, 130)) == "88.46%"
    assert languages["en"].percent(round_percent(120, 125)) == "96%"


def test_month_names(languages):
    assert languages["hi"].month("2024-12") == "दिसंबर 2024"
    assert languages["en"].month("2024-12") == "December 2024"


def test_rank_change_signs(languages):
    en = languages["en"]
    assert (en.change(25), en.change(-3), en.change(0), en.change(None)) == ("▲25", "▼3", "=", "")
    assert (en.change_class(25), en.change_class(-3), en.change_class(0)) == ("up", "down", "same")


def test_templates_get_each_language_with_variables(languages):
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_null_translations(newstyle=True)
    template = env.from_string('{{ ngettext("%(year)s: rank 1 in %(at_1)s of the %(ranked)s month it was ranked in", '
                               '"%(year)s: rank 1 in %(at_1)s of the %(ranked)s months it was ranked in", 8, at_1=7, '
                               'ranked=8, year=2024) }}|{% trans %}Home{% endtrans %}')
    assert template.render(**languages["en"].template_context()) == \
        "2024: rank 1 in 7 of the 8 months it was ranked in|Home"
    assert template.render(**languages["hi"].template_context()) == \
        "2024: 8 माह की रैंकिंग में शामिल, इनमें से 7 में रैंक 1|मुखपृष्ठ"
