"""The Pelican stage, wiring only: the site model (site/) made when the generator is created, before anything is
written; its pages rendered (render/) and written through SiteOutput (output.py), in every language.

Every chart is asked for as its page is modelled, before Pelican writes its own pages: the pool renders while the
pages are modelled and written. The build's start and end (the new site beside the output folder, swapped in
when complete) are lifecycle.py's.
"""

import logging
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from .. import urls
from ..render.charts.kinds import chart_key
from ..render.charts.pool import ChartStore
from ..render.compare import compare_files
from ..render.downloads import download_files, redirects_file
from ..render.feeds import feed_files
from ..render.page_files import PageFiles
from ..render.search_index import search_files
from ..render.stylesheet import stylesheet_file
from ..render.template_helpers import install
from ..settings import (cache_dir, published_output, read_by_templates, setting, shaping_pages,
                        translations_dir)
from .languages import languages_for
from .lifecycle import load_model
from .manifest import Manifest, fingerprint
from .output import SiteOutput

logger = logging.getLogger(__name__)


def install_i18n(generator):
    """Every generator's Jinja environment (Pelican's too) speaks the site's first language until a page says."""
    install(generator.env, next(iter(languages_for(generator.settings).values())))


class RankingsGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.charts = ChartStore(cache_dir(self.settings) / "charts", setting(self.settings, "RANKINGS_CHART_PROCESSES"))
        self.charts.warm_up()  # while the data loads
        try:
            self.site = load_model(Path(setting(self.settings, "RANKINGS_DATA")), cache_dir(self.settings),
                                   self.settings, setting(self.settings, "RANKINGS_WHOLE_HISTORY"))
        except BaseException:
            self.charts.close()
            raise
        self.languages = list(languages_for(self.settings).values())

    def generate_context(self):
        self.context.update(self.site.globals(), **read_by_templates(self.settings))
        self.context["CANONICAL_BASE"] = urls.site_base(self.settings["SITEURL"])
        self.context["INDEX"] = urls.INDEX if setting(self.settings, "RANKINGS_LINK_INDEX") else ""
        # The day of the build, for citations: where the site is (TIMEZONE), not where the machine is.
        self.context["BUILD_DATE"] = datetime.now(ZoneInfo(self.settings.get("TIMEZONE") or "UTC")).date().isoformat()
        started = time.perf_counter()
        self.pages = []
        for page in self.site.pages():
            keys = {stem: chart_key(chart) for stem, chart in page.charts.items()}
            for stem, key in keys.items():
                self.charts.request(key, page.charts[stem])
            self.pages.append((page, keys))
        logger.info("Modelled %d pages and asked for their charts in %.2f s", len(self.pages),
                    time.perf_counter() - started)

    def generate_output(self, writer):
        started = time.perf_counter()
        manifest = self.manifest()
        output = SiteOutput(self.output_path, manifest, self.context, published=published_output(self.settings))
        with self.charts as store:
            pages = PageFiles(self.site, self.context, self.settings, self.languages, store,
                              self.get_template)
            for page, keys in self.pages:
                output.add(pages.of(page, keys))
            if setting(self.settings, "RANKINGS_SHARE_IMAGES"):
                output.add(pages.content_cards(self.contents()))
            whole = setting(self.settings, "RANKINGS_WHOLE_SERIES_CSV")
            cited = (setting(self.settings, "RANKINGS_SOURCE"), setting(self.settings, "RANKINGS_LICENCE"))
            output.add(download_files(self.site, whole, self.languages, cited))
            if not whole:
                output.add([redirects_file(self.site, self.context["CANONICAL_BASE"])])
            output.add(pages.not_found())
            output.add(search_files(self.site, self.languages, cache_dir(self.settings), manifest.fingerprint,
                                    self.context["INDEX"], self.theme))
            output.add([stylesheet_file(self.theme)])
            output.add(compare_files(self.site, self.theme))
            if setting(self.settings, "RANKINGS_FEEDS"):
                output.add(feed_files(self.site, self.languages, self.context["CANONICAL_BASE"]))
            output.finish()  # the PNGs drawn in the pool, before the manifest says they are there
        manifest.save(self.output_path)
        logger.info("Wrote the rankings in %.2f s: %s", time.perf_counter() - started, output.summary())

    def manifest(self):
        shared = {**self.site.globals(), "sample": self.context.get("RANKINGS_SAMPLE"),
                  "build_date": self.context.get("BUILD_DATE")}  # cited on every page
        build = fingerprint(self.theme, translations_dir(self.settings), shaping_pages(self.settings), shared)
        return Manifest(cache_dir(self.settings), published_output(self.settings), build)

    def contents(self):
        """Pelican's Markdown pages and their translations."""
        pages = [*self.context.get("pages", ()), *self.context.get("hidden_pages", ())]
        return [item for page in pages for item in (page, *getattr(page, "translations", ()))]
