"""Figures that news pages embed: a page's figure alone, in an iframe of the page itself at #embed-<name> (the
page's script leaves out what surrounds the figure; the stylesheet shows what it is, its source and a link back:
site.css "Embedded"), so that embedding adds no file to the site.

The snippet a journalist pastes is an iframe, responsive in width, with a height that holds the figure at a phone's
width (WordPress keeps an iframe, and clamps or ignores anything else from an unknown site), and a few lines of
script that set the iframe to the height the page reports by postMessage (as Datawrapper's and Flourish's embeds
do) where the CMS keeps scripts. oEmbed discovery (a static JSON of type rich beside the page) lets WordPress embed a
page from its address alone, where the host's file limits allow it (RANKINGS_OEMBED: hosts.py decides).
"""

import json
from html import escape

# The height the iframe has before the page says its own, or where no script runs: the tallest the figure is at
# any width from 320 px to the widest (measured in Chromium on the sample: 688 and 898 px).
HEIGHTS = {"history": 720, "map": 920}
WIDTH = 640  # oEmbed's width: the figure's widest useful width
RESIZE = ("<script>addEventListener('message',function(e){var d=e.data||{};if(!d.igrsEmbed)return;"
          "document.querySelectorAll('iframe[data-igrs-embed]').forEach(function(f){"
          "if(f.contentWindow===e.source)f.style.height=d.height+'px'})})</script>")


def snippet(src, title, kind):
    """The HTML to paste: the iframe of the page at its figure, and the script that fits its height."""
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" height="{HEIGHTS[kind]}" '
            f'style="border:0;width:100%;max-width:{WIDTH}px" loading="lazy" data-igrs-embed></iframe>{RESIZE}')


def oembed(src, title, kind, provider, provider_url):
    """The oEmbed 1.0 response of type rich for a page's figure."""
    return json.dumps({"version": "1.0", "type": "rich", "title": title, "provider_name": provider,
                       "provider_url": provider_url, "html": snippet(src, title, kind), "width": WIDTH,
                       "height": HEIGHTS[kind], "cache_age": 86400}, ensure_ascii=False)


def figures(template, model, language):
    """{name: (title, kind)} of a page's embeddable figures, in a language: a unit's history in each series it is
    ranked in; a month's map of its districts. (The month page has no room in its 45 KB for the code to paste: its
    script, month.js, makes it when it is asked for.)"""
    if template == "unit.html":
        unit = model["unit"]
        return {block["series"]["id"]: (f"{language.name(unit)}: {language.name(block['series'])}, "
                                        f"{language.month(block['latest']['month'])}", "history")
                for block in model["blocks"]}
    if template == "month.html":  # the page's heading, and the map's own title (as month.js says them)
        series, month = model["series"], model["month"]
        heading = f"{language.name(series)}: {language.month(month)}"
        return {block["map"]["chart"]: (heading + " — " + language.gettext("%(level)s on the map by percent, %(month)s") % {
            "level": language.level(block["level"], series).many, "month": language.month(month)}, "map")
            for block in model["levels"] if block["map"]}
    return {}


def snippet_patterns():
    """{kind: the snippet with {src} and {title} in place of its page's address and its title}, for month.js to
    fill when a reader asks for the code (the same snippet, made in the browser)."""
    return {kind: snippet("{src}", "{title}", kind) for kind in HEIGHTS}
