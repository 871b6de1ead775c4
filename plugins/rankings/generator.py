"""The Pelican stage: load, rank and model the data, then write every page in every language.

The data folder is loaded and validated when the generator is created. Pelican creates every generator
before it cleans the output folder (DELETE_OUTPUT_DIRECTORY), so a data folder with problems stops the
build before anything is touched: the site already published stays as it was.
"""

import logging
import time
from pathlib import Path

from babel.dates import get_month_names
from jinja2 import pass_context
from markupsafe import Markup
from pelican.generators import Generator

from .charts import localise, png_of, render_all, spec_key
from .downloads import counts_in_file, month_csv
from .load import load
from .pages import SiteModel
from .problems import DataError, describe
from .ranking import rank_all
from .settings import setting
from .tables import escaped_names, history_rows, ranking_rows
from .writer import languages_for

logger = logging.getLogger(__name__)


class BuildStopped(SystemExit):
    """Stops Pelican without a traceback: the problems have been logged one by one already."""


@pass_context
def url(context, path, language=None):
    """A link to a language-neutral path, in the page's language unless another is named."""
    language = language or context["L"]
    return f"{context['SITEURL']}/{language.prefix}{path}"


def install_i18n(generator):
    """Every generator's Jinja environment: newstyle gettext (defaults to the first language), url() and the
    row writers of the big tables."""
    if "jinja2.ext.i18n" not in generator.env.extensions:
        generator.env.add_extension("jinja2.ext.i18n")
    default = next(iter(languages_for(generator.settings).values()))
    context = default.template_context()
    generator.env.install_gettext_callables(context["gettext"], context["ngettext"], newstyle=True)
    generator.env.globals.update(url=url, ranking_rows=ranking_rows, history_rows=history_rows)


def load_and_rank(folder):
    started = time.perf_counter()
    try:
        dataset = load(folder)
    except DataError as error:
        for problem in error.problems:
            logger.error("%s", describe(problem))
        raise BuildStopped(
            f"{len(error.problems)} problem(s) in the data folder {folder}; nothing was written."
        ) from None
    rankings = rank_all(dataset.units, dataset.marks)
    logger.info(
        "Loaded and ranked %d rows of %d units in %.2f s",
        len(rankings.results), len(dataset.units), time.perf_counter() - started,
    )
    return dataset, rankings


def chart_words(language):
    """The words of the charts' tokens (charts.py), in a language."""
    _ = language.gettext
    return {"rank": _("Rank"), "percent": _("Percent"), "zone": _("Zones"), "range": _("Ranges"),
            "district": _("Districts"), "tehsil": _("Tehsils"), "station": _("Police stations")}


class RankingsGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        folder = Path(setting(self.settings, "RANKINGS_DATA"))
        self.dataset, self.rankings = load_and_rank(folder)
        self.site = SiteModel(self.dataset, self.rankings)
        self.languages = list(languages_for(self.settings).values())
        self.names = {language.code: escaped_names(self.site.units, language) for language in self.languages}
        self.chart_words = {language.code: chart_words(language) for language in self.languages}
        self.chart_months = {
            language.code: [name for _, name in sorted(get_month_names("abbreviated", locale=language.locale).items())]
            for language in self.languages
        }

    def generate_context(self):
        self.context.update(self.site.globals())
        self.context["RANKINGS_SAMPLE"] = setting(self.settings, "RANKINGS_SAMPLE")
        self.context["CANONICAL_BASE"] = self.settings["SITEURL"].rstrip("/")

    def generate_output(self, writer):
        started = time.perf_counter()
        pages = list(self.site.pages())
        svgs = self.render_charts(pages)
        charted = time.perf_counter()
        templates = {}
        written = 0
        for page in pages:
            template = templates.get(page.template) or self.get_template(page.template.removesuffix(".html"))
            templates[page.template] = template
            alternates = [(language, language.prefix + page.path) for language in self.languages]
            for language in self.languages:
                charts = self.write_charts(page, language, svgs)
                writer.write_file(
                    language.prefix + page.path + "index.html",
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    lang=language.code,
                    names=self.names[language.code],
                    self_path=language.prefix + page.path,
                    alternates=alternates,
                    charts=charts,
                    chart_png=setting(self.settings, "RANKINGS_CHART_PNG"),
                    **page.model,
                )
                written += 1
        downloads = self.write_downloads()
        logger.info(
            "Wrote %d ranking pages and %d CSV downloads in %.2f s (charts %.2f s)",
            written, downloads, time.perf_counter() - started, charted - started,
        )

    def render_charts(self, pages):
        """Every chart of every page, language-neutral, from the cache or rendered in a process pool."""
        specs = {spec_key(spec): spec for page in pages for spec in page.charts.values()}
        cache_dir = Path(self.settings.get("CACHE_PATH") or "cache") / "charts"
        return render_all(specs, cache_dir, setting(self.settings, "RANKINGS_CHART_PROCESSES"))

    def write_charts(self, page, language, svgs):
        """The page's charts in a language: written beside the page (SVG, and PNG when asked), and inline."""
        if not page.charts:
            return {}
        words = self.chart_words[language.code]
        months = self.chart_months[language.code]
        folder = Path(self.output_path) / (language.prefix + page.path)
        folder.mkdir(parents=True, exist_ok=True)
        inline = {}
        for stem, spec in page.charts.items():
            svg = localise(svgs[spec_key(spec)], words, months)
            (folder / f"{stem}.svg").write_text(svg, encoding="utf-8")
            if setting(self.settings, "RANKINGS_CHART_PNG"):
                (folder / f"{stem}.png").write_bytes(png_of(svg))
            inline[stem] = Markup(svg.replace("<svg ", f'<svg role="img" aria-labelledby="{stem}-title" ', 1))
        return inline

    def write_downloads(self):
        count = 0
        for series_id, month, rows in self.site.month_rankings():
            path = Path(self.output_path) / "data" / series_id / f"{month}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = month_csv(rows, self.site.units, counts_in_file(self.site.columns_given, series_id, month))
            path.write_text(text, encoding="utf-8", newline="")
            count += 1
        return count
