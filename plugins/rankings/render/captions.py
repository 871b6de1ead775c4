"""What a downloaded chart and a shared picture say about themselves, in a language, from their page's model.

A chart file (SVG, PNG) and a share image travel without the page around them: each names what it shows (the
unit and its district, or the series and month), its figures or months, the source and the page's address.
Pure functions of a page model and a language; charts/files.captioned and share.card lay the words out.
"""

from markupsafe import Markup

from ..site.chart_data import BANDS, band_words


def latest_words(unit, latest, series, language):
    """A unit's latest figures in words, plain text: (rank, change, percent): "Rank 1 of 1,575 police stations,
    joint with 1,248 others", "▲5 (+5.56 percentage points)" or "no change" ("" without a month before), "100%".
    The one wording of a unit's latest rank for its share card, its shared link and its search result."""
    _ = language.gettext
    rank = Markup(language.level(unit["level"], series).rank_of(
        language.number(latest["rank"]), latest["ranked_in_level"], latest["tied"])).striptags()
    change = ""
    if latest["rank_change"] is not None:
        text, points = language.change_and_points(latest["rank_change"], latest["percent_change"])
        change = _("no change") if latest["rank_change"] == 0 else text
        if points:
            change += f" ({language.points_words(points)})"
    return rank, change, language.percent(latest["percent"])


def without_scheme(address):
    """An address as a picture shows it, without its scheme: "igrs.example.org/station/x/"."""
    return address.split("://", 1)[-1]


def kind_and_parent(unit, units, language):
    """"Police station · Kanpur Commissionerate": what a unit is, and where."""
    parent = units[unit["parent"]] if unit["parent"] else None
    return " · ".join([str(language.kind(unit)), *([language.name(parent)] if parent else [])])


def share_card(page, language, units, site_name, address):
    """(site name, title, what it is, lines of figures, address) of a page's share card, or None for a page
    without one: a unit's latest rank (joint where it is), change and percent, month and series; a month's units
    at rank 1, level by level; the home page's latest months; an index's or series' title and what it lists.
    address: the page's absolute URL (shown without its scheme)."""
    _, model = language.gettext, page.model
    shown_address, tagline = without_scheme(address), _("Monthly IGRS (Jansunwai Samadhan) rankings")
    if page.template == "unit.html" and not model["blocks"]:  # not ranked yet: what and where it is
        unit = model["unit"]
        return site_name, language.name(unit), kind_and_parent(unit, units, language), [], shown_address
    if page.template == "unit.html":
        unit, block = model["unit"], model["blocks"][0]
        latest, series = block["latest"], block["series"]
        about = kind_and_parent(unit, units, language)
        rank, change, percent = latest_words(unit, latest, series, language)
        figures = " · ".join(part for part in (percent, change) if part)
        lines = [rank, figures, f"{language.month(latest['month'])} · {language.name(series)}"]
        return site_name, language.name(unit), about, lines, shown_address
    if page.template == "month.html":
        series = model["series"]
        lines = [Markup(language.level(b["level"], series).at_rank_1(b["at_rank_1"], b["ranked"])).striptags()
                 for b in model["levels"]]
        return site_name, language.name(series), language.month(model["month"]), lines, shown_address
    if page.template == "home.html":
        lines = [f"{language.name(b['series'])} · {language.month(b['month'])}" for b in model["blocks"]]
        return site_name, _("How well are complaints settled?"), tagline, lines, shown_address
    if page.template == "series.html":
        series = model["series"]
        months = series["months"]
        span = f"{language.month(months[0])} – {language.month(months[-1])}" if months else ""
        return site_name, language.name(series), _("Every month's full ranking"), [span] if span else [], \
            shown_address
    if page.template == "level_index.html":
        words = language.level(model["level"])
        return (site_name, words.index_heading, Markup(words.count(model["count"])).striptags(), [tagline],
                shown_address)
    if page.template == "find.html":
        return site_name, _("Find a unit"), _("By its name, in Hindi or in English"), [tagline], shown_address
    return None  # a page that sends the reader on, or says it is not there: not shared


def content_card(title, language, site_name, address):
    """The share card of a Markdown page (about, data format, guide for staff): its title, what the site is."""
    tagline = language.gettext("Monthly IGRS (Jansunwai Samadhan) rankings")
    return site_name, title, tagline, [], without_scheme(address)


def chart_caption(page, stem, language, units, source, address):
    """(title, [what it shows], [source, address], key) of the chart file `stem` of a page: a unit's history
    (series, what is drawn, the months shown) or the spread of the units under it; a month's spread of a level.
    key: [(mark, words)] of a history chart's marks, drawn under it (charts.key_svg)."""
    _, model = language.gettext, page.model
    chart = page.charts[stem]
    if chart["kind"] == "tiles":
        return map_caption(model["maps"][stem], language, source, address)
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
    footer = [_("Source: %(source)s") % {"source": source}, address]
    key = ()
    if chart["kind"] == "history":  # a downloaded chart explains its own marks, those it draws
        ranked, unpublished = {row["month"] for row in chart["history"]}, set(chart["unpublished"])
        key = [("line", _("percent")), ("median", _("median of the level"))]
        if unpublished:
            key.append(("unpublished", _("not published")))
        if any(month not in ranked and month not in unpublished for month in chart["months"]):
            key.append(("gap", _("gap: not ranked that month")))
    return title, about, footer, key


def map_caption(block, language, source, address):
    """(title, [what it shows], [source, credit, address], key) of a month's map file (a month page's, the home
    page's; a locator map has no file)."""
    _ = language.gettext
    series, month = block["series"], block["month"]
    title = f"{language.name(series)}: {language.month(month)}"
    about = [_("%(level)s on the map by percent, %(month)s") % {
        "level": language.level(block["level"], series).many, "month": language.month(month)}]
    key = [(f"band{i}", band_words(label)) for i, (label, _low) in enumerate(BANDS)]
    if block["not_ranked"]:
        key.append(("not_ranked", _("not ranked")))
    return title, about, [_("Source: %(source)s") % {"source": source}, tiles_credit(language), address], key


def tiles_credit(language):
    """Where the map's tiles are placed from: credited where the map is shown (GODL-India asks for it)."""
    return language.gettext("Tiles placed from India Post's data (GODL-India)")


def picture_words(page, stem, language, units, site_name, source, address):
    """(site name, title, what it is, lines of figures, what the chart shows, key, [source, address]) of a unit's
    picture (chart_card.picture): its share card's words and its history chart's, each said once."""
    site_name, title, about, lines, _ = share_card(page, language, units, site_name, address)
    _, chart_about, footer, key = chart_caption(page, stem, language, units, source, address)
    return site_name, title, about, lines, chart_about[-1], key, [footer[0], without_scheme(address)]
