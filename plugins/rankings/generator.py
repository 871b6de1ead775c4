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

from .charts import ChartStore, localise, spec_key
from .downloads import counts_in_file, month_csv
from .feeds import feed_path, series_feed
from .history import corrections
from .incremental import Manifest, fingerprint
from .load import load
from .pages import SiteModel
from .problems import DataError, describe, runs
from .ranking import rank_all
from .schema import LEVELS
from .settings import cache_dir, setting, translations_dir
from .tables import escaped_names, history_rows, ranking_rows
from .writer import languages_for

logger = logging.getLogger(__name__)


class BuildStopped(SystemExit):
    """Stops Pelican without a traceback: the problems have been logged one by one already."""


@pass_context
def url(context, path, language=None):
    """A link to a language-neutral path, in the page's language unless another is named. With
    RANKINGS_LINK_INDEX a folder's link names its index.html, so the site also works from file://."""
    language = language or context["L"]
    return f"{context['SITEURL']}/{language.prefix}{path}{context['INDEX'] if path.endswith('/') or not path else ''}"


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
        for run in runs(error.problems):
            logger.error("%s", describe(run.problem, last_line=run.last_line))
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
    return {"rank": language.gettext("Rank"), "percent": language.gettext("Percent"),
            **{level: language.level_plural(level) for level in LEVELS}}


class RankingsGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        folder = Path(setting(self.settings, "RANKINGS_DATA"))
        self.dataset, self.rankings = load_and_rank(folder)
        self.site = SiteModel(self.dataset, self.rankings, corrected=corrections(folder))
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
        self.context["INDEX"] = "index.html" if setting(self.settings, "RANKINGS_LINK_INDEX") else ""
        self.context["RANKINGS_FEEDS"] = setting(self.settings, "RANKINGS_FEEDS")

    def generate_output(self, writer):
        started = time.perf_counter()
        pages = list(self.site.pages())
        processes = setting(self.settings, "RANKINGS_CHART_PROCESSES")
        with ChartStore(cache_dir(self.settings) / "charts", processes) as store:
            # Every chart is asked for first: the pool renders while the pages are written.
            chart_keys = [{stem: spec_key(spec) for stem, spec in page.charts.items()} for page in pages]
            for page, keys in zip(pages, chart_keys):
                for stem, key in keys.items():
                    store.request(key, page.charts[stem])
            manifest = self.manifest()
            written = self.write_pages(writer, zip(pages, chart_keys), store, manifest)
            store.wait_for_pngs()  # before the manifest says these pages are complete
            manifest.save()
        downloads = self.write_downloads()
        if setting(self.settings, "RANKINGS_FEEDS"):
            self.write_feeds()
        logger.info(
            "Wrote %d ranking pages (%d more unchanged) and %d CSV downloads in %.2f s",
            written, manifest.skipped, downloads, time.perf_counter() - started,
        )

    def manifest(self):
        settings = {name: self.settings.get(name) for name in (
            "SITEURL", "RELATIVE_URLS", "RANKINGS_SAMPLE", "RANKINGS_CHART_PNG", "RANKINGS_LANGUAGES",
            "RANKINGS_LINK_INDEX", "RANKINGS_FEEDS")}
        shared = {**self.site.globals(), "sample": self.context.get("RANKINGS_SAMPLE")}
        build = fingerprint(self.theme, translations_dir(self.settings), settings, shared)
        return Manifest(cache_dir(self.settings), self.output_path, build)

    def write_pages(self, writer, pages, charts, manifest):
        """pages: (page, {chart stem: spec key}); charts: a ChartStore."""
        templates = {}
        written = 0
        for page, chart_keys in pages:
            alternates = [(language, language.prefix + page.path) for language in self.languages]
            svgs = None
            model_digest = manifest.model_digest(page.model, chart_keys)
            for language in self.languages:
                save_as = language.prefix + page.path + "index.html"
                if manifest.unchanged(save_as, manifest.digest(save_as, language.code, model_digest)):
                    continue
                if svgs is None:
                    svgs = {stem: charts.svg(key) for stem, key in chart_keys.items()}
                template = templates.get(page.template) or self.get_template(page.template.removesuffix(".html"))
                templates[page.template] = template
                writer.write_file(
                    save_as,
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    lang=language.code,
                    names=self.names[language.code],
                    self_path=language.prefix + page.path,
                    alternates=alternates,
                    charts=self.write_charts(page, language, svgs, charts),
                    chart_png=setting(self.settings, "RANKINGS_CHART_PNG"),
                    **page.model,
                )
                written += 1
        return written

    def write_charts(self, page, language, svgs, charts):
        """The page's charts in a language, from {stem: language-neutral SVG}: written beside the page (SVG,
        and PNG when asked, drawn by the ChartStore's pool), and returned for inlining."""
        if not svgs:
            return {}
        words = self.chart_words[language.code]
        months = self.chart_months[language.code]
        folder = Path(self.output_path) / (language.prefix + page.path)
        folder.mkdir(parents=True, exist_ok=True)
        inline = {}
        for stem, neutral in svgs.items():
            svg = localise(neutral, words, months)
            (folder / f"{stem}.svg").write_text(svg, encoding="utf-8")
            if setting(self.settings, "RANKINGS_CHART_PNG"):
                charts.write_png(svg, folder / f"{stem}.png")
            inline[stem] = Markup(svg.replace("<svg ", f'<svg role="img" aria-labelledby="{stem}-title" ', 1))
        return inline

    def write_feeds(self):
        base_url = self.settings["SITEURL"].rstrip("/")
        for series in self.site.series:
            for language in self.languages:
                path = Path(self.output_path) / feed_path(language, series["id"])
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(series_feed(series, language, base_url, self.site.corrected), encoding="utf-8")

    def write_downloads(self):
        count = 0
        for series_id, month, rows in self.site.month_rankings():
            path = Path(self.output_path) / "data" / series_id / f"{month}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = month_csv(rows, self.site.units, counts_in_file(self.site.columns_given, series_id, month))
            data = text.encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
            count += 1
        return count
