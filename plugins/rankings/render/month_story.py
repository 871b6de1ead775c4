"""The month in a few sentences (site/month_story.py's facts) in one language, as a reporter writes them.

Each sentence is one message of the catalog, whole, so that a translator orders its words as her language does:
Hindi says "सबसे बड़ी छलांग कानपुर नगर की रही", the verb agreeing with the rise, not with the unit, whose gender a
name does not tell. Figures are the page's own: a rank of so many (joint where it is shared),
a change in places and in percentage points, a percent, all formatted by Babel for the language.
"""

from babel.lists import format_list
from markupsafe import Markup

from ..data.vocabulary import N_, Nn_
from .language import points_alone


def story_html(story, language, series, link):
    """The paragraph's sentences, as markup; link(unit_id): a unit's name linked to its page."""
    sentences = [rank_1_sentence(story, language, series)]
    if story["level"]:
        sentences += level_sentences(story, language, series, link)
    correction = story["correction"]
    if correction:
        sentences.append(Markup(language.ngettext(
            "The figures of %(month)s were corrected on %(date)s: those of %(num)s unit changed.",
            "The figures of %(month)s were corrected on %(date)s: those of %(num)s units changed.",
            correction["units"])) % {"month": language.month(story["month"]),
                                     "date": language.date(correction["corrected_on"]),
                                     "num": language.number(correction["units"])})
    return Markup(" ").join(sentence for sentence in sentences if sentence)


def level_sentences(story, language, series, link):
    """What the level of the story did, the first sentence saying which level it is ("Among districts, …"): who
    rose and fell most, in places and in points, and who is last, said with the biggest fall (or the biggest loss
    of points) where the same unit is last for the first time."""
    rise, fall, gain, drop, last = story["rise"], story["fall"], story["gain"], story["drop"], story["last"]
    gain = gain if not said_with(gain, rise) else None
    drop = drop if not said_with(drop, fall) else None
    last_alone = last if last and last["count"] == 1 and last["months"] == 1 else None
    fall_last = last_alone if alone_in(fall, last_alone) else None
    drop_last = last_alone if not fall_last and alone_in(drop, last_alone) else None
    sentences = [
        rise and moved_sentence(rise, language, link, up=True),
        gain and points_sentence(gain, language, link, up=True),
        fall and moved_sentence(fall, language, link, up=False, last=fall_last),
        drop and points_sentence(drop, language, link, up=False, last=drop_last),
        last and not (fall_last or drop_last) and last_sentence(last, language, link),
    ]
    sentences = [sentence for sentence in sentences if sentence]
    if sentences:
        sentences[0] = language.level(story["level"], series).among(sentences[0])
    return sentences


def alone_in(record, last):
    """Whether a record (a rise, a fall, a gain, a loss) is one unit's, the unit that is last."""
    return bool(record and last and record["count"] == 1 and record["rows"][0]["unit_id"] == last["rows"][0]["unit_id"])


def listed(items, language):
    """Items as the language lists them: "A, B and C", "A, B और C" (Babel's list patterns, and the language's own
    last join where its newspapers differ: vocabulary.LanguageInfo.list_end)."""
    items = [str(item) for item in items]
    if len(items) < 3 or not language.info.list_end:
        return Markup(format_list(items, locale=language.locale))
    first = items[0]
    for item in items[1:-1]:
        first = language.locale.list_patterns["standard"]["middle"].format(first, item)
    return Markup(language.info.list_end.format(first, items[-1]))


def names(record, language, link):
    """The units of a record, linked: "Agra, Kanpur Nagar and 2 others" where more share it than are named."""
    named = [link(row["unit_id"]) for row in record["rows"]]
    others = record["count"] - len(named)
    if others:
        named.append(Markup(language.ngettext("%(num)s other", "%(num)s others", others)) % {
            "num": language.number(others)})
    return listed(named, language)


def rank_1_sentence(story, language, series):
    """"In November 2024, 6 of 8 zones, both ranges and 48 of 52 police stations were at rank 1."."""
    parts = []
    for count in story["counts"]:
        words, ranked, at_rank_1 = language.level(count["level"], series), count["ranked"], count["at_rank_1"]
        if at_rank_1 == ranked:
            parts.append(words.all_of(ranked))
        else:
            parts.append(words.part_of(language.number(at_rank_1) if at_rank_1 else language.gettext("none"), ranked))
    at_rank_1 = sum(count["at_rank_1"] for count in story["counts"])
    sentence = language.ngettext("In %(month)s, %(counts)s was at rank 1.",
                                 "In %(month)s, %(counts)s were at rank 1.", at_rank_1)
    return Markup(sentence) % {"month": language.month(story["month"]), "counts": listed(parts, language)}


def rank_words(row, language, joint=True):
    """"rank 49 of 75" ("75 में से 49वें स्थान पर"), and ", joint with 2 others" where others share it (joint: unless
    the sentence names them already): a rank in the middle of a sentence."""
    rank = Markup(language.gettext("rank %(rank)s of %(total)s")) % {
        "rank": language.nth(row["rank"]), "total": language.number(row["ranked_in_level"])}
    return rank + language.joint(row["tied"]) if joint else rank


def points_said(row, language):
    """" (+8.5 percentage points)" beside a change of rank, where the table says the points too."""
    _, points = language.change_and_points(row["rank_change"], row["percent_change"])
    return f" ({language.points_words(points)})" if points else ""


def moved_sentence(record, language, link, up, last=None):
    """Who rose (or fell) most, in places: with the rank reached and the points where one unit did, the ranks
    reached where two or three share the record ("both … each, to ranks 2 and 5"); said with the last place
    where the one that fell most is last (last: the story's last)."""
    places = abs(record["value"])
    values = {"names": names(record, language, link), "num": language.number(places)}
    if record["count"] == 1:
        row = record["rows"][0]
        values.update(rank=rank_words(row, language), in_points=points_said(row, language),
                      percent=language.percent(row["percent"]))
        if last:
            message = Nn_("%(names)s fell most, down %(num)s place%(in_points)s, and is last: %(rank)s, with "
                          "%(percent)s.",
                          "%(names)s fell most, down %(num)s places%(in_points)s, and is last: %(rank)s, with "
                          "%(percent)s.")
        else:
            message = (Nn_("%(names)s rose most: up %(num)s place%(in_points)s, to %(rank)s.",
                           "%(names)s rose most: up %(num)s places%(in_points)s, to %(rank)s.") if up else
                       Nn_("%(names)s fell most: down %(num)s place%(in_points)s, to %(rank)s.",
                           "%(names)s fell most: down %(num)s places%(in_points)s, to %(rank)s."))
    elif record["count"] == len(record["rows"]) and len({row["rank"] for row in record["rows"]}) == 1:
        values["rank"] = rank_words(record["rows"][0], language)  # every one named, at one rank: said once
        if record["count"] == 2:
            message = (Nn_("%(names)s both rose most: up %(num)s place each, both to %(rank)s.",
                           "%(names)s both rose most: up %(num)s places each, both to %(rank)s.") if up else
                       Nn_("%(names)s both fell most: down %(num)s place each, both to %(rank)s.",
                           "%(names)s both fell most: down %(num)s places each, both to %(rank)s."))
        else:
            message = (Nn_("%(names)s all rose most: up %(num)s place each, all to %(rank)s.",
                           "%(names)s all rose most: up %(num)s places each, all to %(rank)s.") if up else
                       Nn_("%(names)s all fell most: down %(num)s place each, all to %(rank)s.",
                           "%(names)s all fell most: down %(num)s places each, all to %(rank)s."))
    elif record["count"] == len(record["rows"]):  # every unit that shares the record is named: their ranks
        rows = record["rows"]
        values.update(ranks=listed([language.nth(row["rank"]) for row in rows], language),
                      total=language.number(rows[0]["ranked_in_level"]))
        if len(rows) == 2:
            message = (Nn_("%(names)s both rose most: up %(num)s place each, to ranks %(ranks)s of %(total)s.",
                           "%(names)s both rose most: up %(num)s places each, to ranks %(ranks)s of %(total)s.")
                       if up else
                       Nn_("%(names)s both fell most: down %(num)s place each, to ranks %(ranks)s of %(total)s.",
                           "%(names)s both fell most: down %(num)s places each, to ranks %(ranks)s of %(total)s."))
        else:
            message = (Nn_("%(names)s all rose most: up %(num)s place each, to ranks %(ranks)s of %(total)s.",
                           "%(names)s all rose most: up %(num)s places each, to ranks %(ranks)s of %(total)s.")
                       if up else
                       Nn_("%(names)s all fell most: down %(num)s place each, to ranks %(ranks)s of %(total)s.",
                           "%(names)s all fell most: down %(num)s places each, to ranks %(ranks)s of %(total)s."))
    else:
        message = (Nn_("%(names)s rose most: up %(num)s place each.", "%(names)s rose most: up %(num)s places each.")
                   if up else
                   Nn_("%(names)s fell most: down %(num)s place each.",
                       "%(names)s fell most: down %(num)s places each."))
    return Markup(language.ngettext(*message, places)) % values


def said_with(points_record, places_record):
    """Whether the most points were gained (or lost) by the one unit the sentence of places already names, with
    its points."""
    return (places_record is not None and points_record is not None and points_record["count"] == 1
            and places_record["count"] == 1
            and points_record["rows"][0]["unit_id"] == places_record["rows"][0]["unit_id"])


def points_sentence(record, language, link, up, last=None):
    """Who gained (or lost) most in percent, in percentage points: with the percent reached, when one unit did;
    said with the last place where the one that lost most is last (last: the story's last)."""
    values = {"names": names(record, language, link), "change": points_alone(language, record["value"])}
    if record["count"] == 1:
        row = record["rows"][0]
        values.update(percent=language.percent(row["percent"]), rank=rank_words(row, language))
        if last:
            message = N_("%(names)s lost the most percentage points, %(change)s, and is last: %(rank)s, with "
                         "%(percent)s.")
        else:
            message = (N_("%(names)s gained the most percentage points: %(change)s, to %(percent)s.") if up else
                       N_("%(names)s lost the most percentage points: %(change)s, to %(percent)s."))
    else:
        message = (N_("%(names)s gained the most percentage points: %(change)s each.") if up else
                   N_("%(names)s lost the most percentage points: %(change)s each."))
    return Markup(language.gettext(message)) % values


def last_sentence(last, language, link):
    """Who is last: its rank (joint where it is shared) and percent, and for how many rankings running: months
    where they were one after another, else the rankings and the months they span (some were not published)."""
    row = last["rows"][0]
    values = {"names": names(last, language, link), "rank": rank_words(row, language, joint=last["count"] == 1),
              "percent": language.percent(row["percent"])}
    if last["count"] > 1:  # a shared last rank: the names say who shares it
        return Markup(language.gettext("%(names)s were last: %(rank)s.")) % values
    months = last["months"]
    if months > 1 and last["calendar_months"] > months:
        values.update(num=language.number(months), months=language.number(last["calendar_months"]))
        return Markup(language.gettext(
            "%(names)s was last in each of the last %(num)s rankings, published over %(months)s months: %(rank)s, "
            "with %(percent)s.")) % values
    if months > 1:
        values["num"] = language.nth(months)  # Hindi: "लगातार दूसरे महीने"
        return Markup(language.ngettext("%(names)s was last for %(num)s month running: %(rank)s, with %(percent)s.",
                                        "%(names)s was last for %(num)s months running: %(rank)s, with %(percent)s.",
                                        months)) % values
    return Markup(language.gettext("%(names)s was last: %(rank)s, with %(percent)s.")) % values
