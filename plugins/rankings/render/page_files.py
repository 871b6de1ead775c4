"""A page as the files it is made of, in every language: its HTML, each chart's SVG beside it (and PNG when asked),
and the picture its shared link shows. Also the Markdown pages' pictures and the 404 page.

Each file is a SiteFile (site_file.py) whose bytes are made only when the build writes it (write/output.py),
which is when the change manifest says it changed: a rebuild makes few of them.
"""

import re

from markupsafe import Markup
from pelican.utils import get_relative_path, path_to_url

from .. import urls
from ..settings import setting
from ..site.pages import Page
from . import captions, chart_card, embed, share, tile_map
from .charts.files import captioned, chart_words, localise, month_names
from .html_rows import HtmlRows
from .site_file import SiteFile, digest_of
from .tile_map import tile_words


XML_ONLY = ' xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"'


class PageFiles:
    """The files of pages in the build's languages, rendered with the build's templates and charts."""

    def __init__(self, site, context, settings, languages, charts, template):
        """context: what every page's template is given (Pelican's context and the site's globals); charts: the
        chart pool (charts/pool.py); template(name): a Jinja template of the theme."""
        self.site, self.context, self.settings = site, context, settings
        self.languages, self.charts, self.template = languages, charts, template
        self.rows = {language.code: HtmlRows(site.units, language) for language in languages}
        self.chart_words = {language.code: {**chart_words(language), **tile_words(site.tiles, language)}
                            for language in languages}
        self.month_names = {language.code: month_names(language) for language in languages}
        self.png = setting(settings, "RANKINGS_CHART_PNG")
        self.oembed = setting(settings, "RANKINGS_OEMBED")
        self.shares = setting(settings, "RANKINGS_SHARE_IMAGES")

    def of(self, page, chart_keys):
        """A page in every language, with its charts beside it (SVG, and PNG when asked) and its share image."""
        neutral = {}  # stem → language-neutral SVG, fetched once for every language
        model = digest_of(page.model, chart_keys, stand_ins=self.site.stand_ins())
        pictured = self.pictured_chart(page)
        for language in self.languages:
            svgs = LocalCharts(self, chart_keys, neutral, language)
            page_path = urls.in_language(page.path, language)
            for stem, key in chart_keys.items():
                if page.model.get("maps", {}).get(stem, {}).get("locator"):
                    continue  # a locator map is a way to a district's page: no files (30 MB of ten years' site)
                chart_file = lambda stem=stem: captioned(self.linked(page, stem, svgs[stem], language),  # noqa: E731
                                                         *self.chart_caption(page, stem, language))
                yield SiteFile(urls.chart(page_path, stem, "svg"), chart_file, (key, model))
                if stem == pictured:
                    yield SiteFile(urls.chart(page_path, stem, "png"), lambda stem=stem: self.charts.png(
                        chart_card.picture(*self.picture_words(page, stem, language), svgs[stem])), (key, model),
                        drawn=True)
                elif self.png:
                    yield SiteFile(urls.chart(page_path, stem, "png"), lambda made=chart_file: self.charts.png(made()),
                                   (key, model), drawn=True)
            yield from self.html(page, language, svgs, model, pictured)
            if self.oembed:
                yield from self.oembed_files(page, page_path, language, model)

    def oembed_files(self, page, page_path, language, model):
        """The oEmbed JSON of each figure of the page others may embed (render/embed.py), beside the page."""
        provider = language.gettext("IGRS rankings, Uttar Pradesh")
        home = urls.absolute(self.context["CANONICAL_BASE"], urls.in_language(urls.home(), language))
        for name, (title, kind) in embed.figures(page.template, page.model, language).items():
            src = urls.absolute(self.context["CANONICAL_BASE"], page_path) + "#" + urls.embed_anchor(name)
            yield SiteFile(urls.oembed(page_path, name), lambda src=src, title=title, kind=kind: embed.oembed(
                src, title, kind, provider, home), (model, language.code, "oembed"))

    def pictured_chart(self, page):
        """The stem of the chart whose PNG is the unit's picture (chart_card.py): its first series' history, when
        chart PNGs or share images are drawn. None for other pages, which keep a chart PNG and a share card."""
        if page.template == "unit.html" and page.model["blocks"] and (self.png or self.shares):
            return page.model["blocks"][0]["chart"]
        return None

    def html(self, page, language, svgs, model, pictured):
        """The page's HTML in a language, and its share image; the charts inline, each named by its caption."""
        save_as = urls.page_file(urls.in_language(page.path, language))
        context = self.page_context(save_as, language, page, [(other, page.path) for other in self.languages])
        words = self.share_card(page, language) if self.shares and not pictured else None
        if self.shares and pictured:
            context.update(share_image=urls.chart(page.path, pictured, "png"), share_image_size=chart_card.SIZE)
        elif words:
            context.update(share_image=urls.share_image(page.path), share_image_size=share.SIZE)
            yield self.card_file(urls.share_image(urls.in_language(page.path, language)), words, (language.code, model))

        def render(template=self.template(page.template.removesuffix(".html"))):
            context["charts"] = {stem: Markup(self.inline(page, stem, svgs[stem], language, context))
                                 for stem in page.charts}
            return template.render(context)
        yield SiteFile(save_as, render, (language.code, model), context)

    def inline(self, page, stem, svg, language, context):
        """A chart as the page shows it, named by its caption: a picture (role img), but the map, whose tiles are
        links (a group of them), from where the page is."""
        # In HTML an <svg> is SVG by its name: the namespaces and version a file needs are 0.1 KB of a month page.
        svg = svg.replace(XML_ONLY, "", 1)
        if stem not in page.model.get("maps", {}):
            return svg.replace("<svg ", f'<svg role="img" aria-labelledby="{stem}-title" ', 1)
        svg = self.linked(page, stem, svg, language, lambda path: urls.href(
            context["SITEURL"], urls.in_language(path, language), context["INDEX"]))
        # The page's stylesheet gives the map's labels their font: 75 of them need not name it (a month page's
        # budget is tight).
        svg = svg.replace(' font-family="sans-serif"', "")
        # Without its white ground, the box's shadows show that the map goes on to the side (.scroll).
        svg = tile_map.readable(re.sub(r'<rect width="[\d.]+" height="[\d.]+" fill="white"/>', "", svg, count=1))
        # Its own scrolling box, focusable to scroll from the keyboard, named by the map's caption.
        return (f'<div class="scroll map" tabindex="0" role="region" aria-labelledby="{stem}-title">'
                + svg.replace("<svg ", f'<svg role="group" aria-labelledby="{stem}-title" ', 1) + "</div>")

    def linked(self, page, stem, svg, language, href=None):
        """A map's tiles as links (tile_map.py), by default to the absolute addresses a downloaded file needs;
        any other chart as it is."""
        if stem not in page.model.get("maps", {}):
            return svg
        href = href or (lambda path: urls.absolute(self.context["CANONICAL_BASE"], urls.in_language(path, language)))
        return tile_map.linked(svg, page.model["maps"][stem], language, self.site.units, href)

    def card_file(self, path, words, inputs):
        """A share card's PNG, drawn at its size in the pool."""
        return SiteFile(path, lambda: self.charts.png(share.card(*words), share.ZOOM), inputs, drawn=True)

    def content_cards(self, contents):
        """The share pictures of the Markdown pages (about, data format, guide for staff) in their languages;
        write/content_writer.py names them in the pages' heads."""
        languages = {language.code: language for language in self.languages}
        for content in contents:
            language = languages.get(content.lang)
            if language is None:
                continue
            path = urls.in_language(urls.content_page(content.slug), language)
            words = captions.content_card(Markup(content.title).striptags(), language, self.site_name(language),
                                          urls.absolute(self.context["CANONICAL_BASE"], path))
            yield self.card_file(urls.share_image(path), words, (digest_of(words),))

    def not_found(self):
        """/404.html, the page a host shows for a wrong link, at any depth: one page in every language (the
        reader may not read the first), with absolute links, the site's search and its main indexes."""
        page = Page(urls.NOT_FOUND, "404.html", {"noindex": True})
        bodies = {}
        for language in self.languages:
            context = self.page_context(urls.NOT_FOUND, language, page, [])
            context["SITEURL"] = context["localsiteurl"] = self.context["CANONICAL_BASE"]
            bodies[language.code] = (language, Markup(self.template("not_found").render(context)))
        first = self.languages[0]
        context = {**self.page_context(urls.NOT_FOUND, first, page, []), "languages_shown": list(bodies.values())}
        context["SITEURL"] = context["localsiteurl"] = self.context["CANONICAL_BASE"]
        yield SiteFile(urls.NOT_FOUND, lambda: self.template("404").render(context),
                       tuple(body for _, body in bodies.values()), context)

    def page_context(self, save_as, language, page, alternates):
        """What Pelican's writer gives a template (relative SITEURL with RELATIVE_URLS), and the page's own."""
        context = self.context.copy()
        if self.settings["RELATIVE_URLS"]:
            context["SITEURL"] = context["localsiteurl"] = path_to_url(get_relative_path(save_as))
        context.update(
            output_file=save_as,
            html_rows=self.rows[language.code],
            self_path=page.path,
            alternates=alternates,
            **page.model,
            **language.template_context(),
            embeds=embed.figures(page.template, page.model, language),
        )
        return context

    # ---- the words of the files that travel without their page

    def site_name(self, language):
        """The name a share card carries on its band; a picture shared alone says "sample data" too."""
        site_name = language.gettext("IGRS rankings, Uttar Pradesh")
        if setting(self.settings, "RANKINGS_SAMPLE"):
            site_name += " — " + language.gettext("Sample data.")
        return site_name

    def share_card(self, page, language):
        """The words of a page's share card (captions.share_card), or None for a page without one."""
        return captions.share_card(page, language, self.site.units, self.site_name(language),
                                   self.address(page, language))

    def picture_words(self, page, stem, language):
        """The words of a unit's picture (captions.picture_words), without its chart."""
        return captions.picture_words(page, stem, language, self.site.units, self.site_name(language),
                                      self.source(language), self.address(page, language))

    def chart_caption(self, page, stem, language):
        """(title, [what it shows], [source, address], key) of a chart file (captions.chart_caption); a chart file of
        sample data says so above its source, as every page and picture does."""
        title, about, footer, key = captions.chart_caption(page, stem, language, self.site.units,
                                                           self.source(language), self.address(page, language))
        if setting(self.settings, "RANKINGS_SAMPLE"):
            _ = language.gettext
            sample = _("The figures on this site are made up for demonstration; they are not the official IGRS "
                       "rankings.")
            footer = [f"{_('Sample data.')} {sample}", *footer]
        return title, about, footer, key

    def source(self, language):
        """The source's name, as a chart file and a picture credit it."""
        return language.of(setting(self.settings, "RANKINGS_SOURCE")["name"])

    def address(self, page, language):
        return urls.absolute(self.context["CANONICAL_BASE"], urls.in_language(page.path, language))


class LocalCharts:
    """A page's charts in one language, each made once when first asked for: the neutral SVG from the pool
    (shared by the languages through `neutral`), with the language's words in place of its tokens."""

    def __init__(self, files, chart_keys, neutral, language):
        self.files, self.keys, self.neutral, self.language = files, chart_keys, neutral, language
        self.made = {}

    def __getitem__(self, stem):
        if stem not in self.made:
            if stem not in self.neutral:
                self.neutral[stem] = self.files.charts.svg(self.keys[stem])
            code = self.language.code
            self.made[stem] = localise(self.neutral[stem], self.files.chart_words[code], self.files.month_names[code])
        return self.made[stem]
