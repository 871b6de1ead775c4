"""What a downloaded chart and a shared picture say about themselves, in a language, from their page's model.

A chart file (SVG, PNG) and a share image travel without the page around them: each names what it shows (the
unit and its district, or the series and month), its figures or months, the source and the page's address.
Pure functions of a page model and a language; charts.captioned and share.card lay the words out.
"""

from markupsafe import Markup


def latest_words(unit, latest, series, language):
    """A unit's latest figures in words, plain text: (rank, change, percent): "Rank 1 of 1,575 police stations,
    joint with 1,248 others", "▲5 (+5.56 percentage points)" or "no change" ("" without a month before), "100%".
    The one wording of a unit's latest rank for its share card, its shared link and its search result."""
    _ = language.gettext
    rank = Markup(language.level(unit["level"], series).rank_of(
        language.number(latest["rank"]), latest["ranked_in_level"], latest["tied"])).striptags()
    change = ""
    if latest["rank_change"] is not None:
        change = _("no change") if latest["rank_change"] == 0 else language.change(latest["rank_change"])
        if latest["percent_change"] is not None and (latest["percent_change"] or latest["rank_change"]):
            change += " (" + _("%(points)s percentage points") % {
                "points": language.points(latest["percent_change"])} + ")"
    return rank, change, language.percent(latest["percent"])


def share_card(page, language, units, site_name, address):
    """(site name, title, what it is, lines of figures, address) of a page's share card, or None for a page
    without one: a unit's latest rank (joint where it is), change and percent, month and series; a month's units
    at rank 1, level by level. address: the page's absolute URL (shown without its scheme)."""
    _, model = language.gettext, page.model
    shown_address = address.split("://", 1)[-1]
    if page.template == "unit.html" and model["blocks"]:
        unit, block = model["unit"], model["blocks"][0]
        latest, series = block["latest"], block["series"]
        parent = units[unit["parent"]] if unit["parent"] else None
        about = " · ".join([str(language.kind(unit)), *([language.name(parent)] if parent else [])])
        rank, change, percent = latest_words(unit, latest, series, language)
        figures = " · ".join(part for part in (percent, change) if part)
        lines = [rank, figures, f"{language.month(latest['month'])} · {language.name(series)}"]
        return site_name, language.name(unit), about, lines, shown_address
    if page.template == "month.html":
        series = model["series"]
        lines = [Markup(language.level(b["level"], series).at_rank_1(b["at_rank_1"], b["ranked"])).striptags()
                 for b in model["levels"]]
        return site_name, language.name(series), language.month(model["month"]), lines, shown_address
    return None


def chart_caption(page, stem, language, units, source, address):
    """(title, [what it shows], [source, address]) of the chart file `stem` of a page: a unit's history (series,
    what is drawn, the months shown) or the spread of the units under it; a month's spread of a level."""
    _, model = language.gettext, page.model
    chart = page.charts[stem]
    if "unit" in model:
        unit = model["unit"]
        title = language.placed_name(unit, units)
        block = next(b for b in model["blocks"] if stem in (b["chart"], (b["spread"] or {}).get("chart")))
        if stem == block["chart"]:
            what = _("Percent and rank, month by month") if chart["with_rank"] else _("Percent month by month")
            shown = f"{language.month_short(chart['months'][0])} – {language.month_short(chart['months'][-1])}"
            about = [language.name(block["series"]), f"{what}, {shown}"]
        else:
            about = [language.name(block["series"]), _("%(level)s under %(name)s by percent, %(month)s") % {
                "level": language.level(block["spread"]["level"]).many, "name": language.name(unit),
                "month": language.month(block["latest"]["month"])}]
    else:
        series, month = model["series"], model["month"]
        block = next(b for b in model["levels"] if b["chart"] == stem)
        title = f"{language.name(series)}: {language.month(month)}"
        about = [_("%(level)s by percent, %(month)s") % {
            "level": language.level(block["level"], series).many, "month": language.month(month)}]
    return title, about, [_("Source: %(source)s") % {"source": source}, address]
