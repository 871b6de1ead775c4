"""The month in a few sentences (site/month_story.py's facts) in one language, as a reporter writes them.

Each sentence is one message of the catalog, whole, so that a translator orders its words as her language does:
Hindi says "सबसे बड़ी छलांग कानपुर नगर की रही", the verb agreeing with the rise, not with the unit, whose gender a
name does not tell. Figures are the page's own: a rank of so many (joint where it is shared),
a change in places and in percentage points, a percent, all formatted by Babel for the language.
"""

from babel.lists import format_list
from markupsafe import Markup

from ..data.vocabulary import N_, Nn_
from .language import change_in_points


def story_html(story, language, series, link):
    """The paragraph's sentences, as markup; link(unit_id): a unit's name linked to its page."""
    sentences = [rank_1_sentence(story, language, series)]
    if story["level"]:
        rise, fall, gain, drop = story["rise"], story["fall"], story["gain"], story["drop"]
        sentences += [
            rise and moved_sentence(rise, language, link, up=True),
            gain and not said_with(gain, rise) and points_sentence(gain, language, link, up=True),
            fall and moved_sentence(fall, language, link, up=False),
            drop and not said_with(drop, fall) and points_sentence(drop, language, link, up=False),
            story["last"] and last_sentence(story["last"], language, link),
        ]
    correction = story["correction"]
    if correction:
        sentences.append(Markup(language.ngettext(
            "The figures of %(month)s were corrected on %(date)s: those of %(num)s unit changed.",
            "The figures of %(month)s were corrected on %(date)s: those of %(num)s units changed.",
            correction["units"])) % {"month": language.month(story["month"]),
                                     "date": language.date(correction["corrected_on"]),
                                     "num": language.number(correction["units"])})
    return Markup(" ").join(sentence for sentence in sentences if sentence)


def listed(items, language):
    """Items as the language lists them: "A, B and C", "A, B और C" (Babel's list patterns)."""
    return Markup(format_list([str(item) for item in items], locale=language.locale))


def names(record, language, link):
    """The units of a record, linked: "Agra, Kanpur Nagar and 2 others" where more share it than are named."""
    named = [link(row["unit_id"]) for row in record["rows"]]
    others = record["count"] - len(named)
    if others:
        named.append(Markup(language.ngettext("%(num)s other", "%(num)s others", others)) % {
            "num": language.number(others)})
    return listed(named, language)


def rank_1_sentence(story, language, series):
    """"In November 2024, 6 of 8 zones, all 18 ranges and 48 of 52 police stations were at rank 1."."""
    _ = language.gettext
    parts = []
    for count in story["counts"]:
        words, ranked, at_rank_1 = language.level(count["level"], series), count["ranked"], count["at_rank_1"]
        if at_rank_1 == ranked > 1:
            parts.append(Markup(_("all %(count)s")) % {"count": words.count(ranked)})
        else:
            parts.append(words.part_of(language.number(at_rank_1) if at_rank_1 else _("none"), ranked))
    at_rank_1 = sum(count["at_rank_1"] for count in story["counts"])
    sentence = language.ngettext("In %(month)s, %(counts)s was at rank 1.",
                                 "In %(month)s, %(counts)s were at rank 1.", at_rank_1)
    return Markup(sentence) % {"month": language.month(story["month"]), "counts": listed(parts, language)}


def rank_words(row, language):
    """"rank 49 of 75", and ", joint with 2 others" where others share it: a rank in the middle of a sentence."""
    rank = Markup(language.gettext("rank %(rank)s of %(total)s")) % {
        "rank": language.number(row["rank"]), "total": language.number(row["ranked_in_level"])}
    return rank + language.joint(row["tied"])


def points_said(row, language):
    """" (+8.5 percentage points)" beside a change of rank, where the table says the points too."""
    _, points = language.change_and_points(row["rank_change"], row["percent_change"])
    return f" ({language.points_words(points)})" if points else ""


def moved_sentence(record, language, link, up):
    """Who rose (or fell) most, in places: with the rank reached and the points, when one unit did."""
    places = abs(record["value"])
    values = {"names": names(record, language, link), "num": language.number(places)}
    if record["count"] == 1:
        row = record["rows"][0]
        values.update(rank=rank_words(row, language), in_points=points_said(row, language))
        message = (Nn_("%(names)s rose most: up %(num)s place%(in_points)s, to %(rank)s.",
                       "%(names)s rose most: up %(num)s places%(in_points)s, to %(rank)s.") if up else
                   Nn_("%(names)s fell most: down %(num)s place%(in_points)s, to %(rank)s.",
                       "%(names)s fell most: down %(num)s places%(in_points)s, to %(rank)s."))
    else:
        message = (Nn_("%(names)s rose most: up %(num)s place each.", "%(names)s rose most: up %(num)s places each.")
                   if up else
                   Nn_("%(names)s fell most: down %(num)s place each.",
                       "%(names)s fell most: down %(num)s places each."))
    return Markup(language.ngettext(*message, places)) % values


def said_with(points_record, places_record):
    """Whether the most points were gained (or lost) by the one unit the sentence of places already names, with
    its points."""
    return (places_record is not None and points_record["count"] == 1 and places_record["count"] == 1
            and points_record["rows"][0]["unit_id"] == places_record["rows"][0]["unit_id"])


def points_sentence(record, language, link, up):
    """Who gained (or lost) most in percent, in percentage points: with the percent reached, when one unit did."""
    values = {"names": names(record, language, link),
              "change": change_in_points(language, record["value"])}
    if record["count"] == 1:
        values["percent"] = language.percent(record["rows"][0]["percent"])
        message = (N_("In percent, %(names)s gained most: %(change)s, to %(percent)s.") if up else
                   N_("In percent, %(names)s lost most: %(change)s, to %(percent)s."))
    else:
        message = (N_("In percent, %(names)s gained most: %(change)s each.") if up else
                   N_("In percent, %(names)s lost most: %(change)s each."))
    return Markup(language.gettext(message)) % values


def last_sentence(last, language, link):
    """Who is last: its rank (joint where it is shared) and percent, and for how many months running."""
    row = last["rows"][0]
    values = {"names": names(last, language, link), "rank": rank_words(row, language),
              "percent": language.percent(row["percent"]), "num": language.number(last["months"])}
    if last["count"] > 1:  # a shared last rank: the rank says with how many
        return Markup(language.gettext("Last were %(names)s: %(rank)s.")) % values
    if last["months"] > 1:
        return Markup(language.ngettext("%(names)s was last for %(num)s month running: %(rank)s, with %(percent)s.",
                                        "%(names)s was last for %(num)s months running: %(rank)s, with %(percent)s.",
                                        last["months"])) % values
    return Markup(language.gettext("Last was %(names)s: %(rank)s, with %(percent)s.")) % values

