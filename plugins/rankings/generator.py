"""The Pelican stage: the site model (model.py) written as pages, charts, downloads and feeds in every language.

When Pelican starts (start_build), the whole build is pointed at a folder of its own beside the output
folder, which takes the output folder's place only when everything is written (finish_build, publish.py): the
site already published stays as it was whatever stops the build. The data folder is loaded and validated when
the generator is created, before anything is written. Every file is written through output.SiteOutput (one
place for paths, the change manifest, the links to unchanged files and the signal); every path comes from urls.py.

One build per Pelican process: `pelican -r` (autoreload) runs several in one process and is not supported;
`make devserver` rebuilds in a new process each time.
"""

import errno
import json
import logging
import shutil
import signal
import threading
import time
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

import rcssmin
from babel.dates import get_month_names
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from . import captions, search, share, urls
from .charts import ChartStore, captioned, chart_key, localise
from .downloads import counts_in_any, counts_in_file, month_csv, series_csv, unit_csv
from .feeds import series_feed
from .i18n import LevelWords
from .incremental import Manifest, fingerprint
from .model import build_model
from .output import SiteOutput
from .pages import Page
from .problems import DataError, More, describe, describe_more, told
from .publish import OutputFolderError, SiteBuild
from .sitemap import ROBOTS, SITEMAP, Sitemap
from .settings import PUBLISHED_OUTPUT, cache_dir, published_output, setting, translations_dir
from .tables import TableRows
from .vocabulary import LEVEL, LEVEL_IDS, LanguageSettingError
from .writer import languages_for

logger = logging.getLogger(__name__)

# Settings that templates read: a change rewrites the pages (incremental.fingerprint).
TEMPLATE_SETTINGS = ("SITEURL", "RELATIVE_URLS", "RANKINGS_SAMPLE", "RANKINGS_CHART_PNG", "RANKINGS_LANGUAGES",
                     "RANKINGS_LINK_INDEX", "RANKINGS_FEEDS", "RANKINGS_SOURCE", "RANKINGS_LICENCE",
                     "RANKINGS_SHARE_IMAGES")


class BuildStopped(SystemExit):
    """Stops Pelican without a traceback: the problems have been logged one by one already."""


def check_settings(pelican):
    """When the build starts: the languages asked for exist and have their catalogs, or a clear message."""
    try:
        first = next(iter(languages_for(pelican.settings)))
    except (LanguageSettingError, FileNotFoundError) as error:
        raise BuildStopped(f"Nothing was built: {error}") from None
    if pelican.settings.get("DEFAULT_LANG") != first:
        # Pelican puts the Markdown pages of DEFAULT_LANG at the root, where the first language's pages are.
        raise BuildStopped(f"Nothing was built: DEFAULT_LANG is {pelican.settings.get('DEFAULT_LANG')!r} but the "
                           f"first of RANKINGS_LANGUAGES, served at the root, is {first!r}; make them the same.")


def start_build(pelican):
    """When Pelican starts: the settings checked, then the whole site written into a folder of its own beside
    the output folder, which takes the output folder's place only when the build has finished (publish.py)."""
    check_settings(pelican)
    build = SiteBuild(pelican.output_path, pelican.settings.get("OUTPUT_RETENTION") or ())
    new_site = str(build.begin())
    pelican.settings[PUBLISHED_OUTPUT] = str(build.output)
    pelican.settings["OUTPUT_PATH"] = pelican.output_path = new_site
    pelican.rankings_build = build
    pelican.run = told_plainly(pelican.run, build.output)
    # Every page any generator writes is announced (content_written): the sitemap lists them all.
    pelican.rankings_sitemap = Sitemap(new_site, languages_for(pelican.settings).values(), pelican.settings["SITEURL"])
    signals.content_written.connect(pelican.rankings_sitemap.written)
    if threading.current_thread() is threading.main_thread():
        # Pelican takes Ctrl-C for a normal end (exit status 0): a build that was stopped must say so.
        build.previous_sigint = signal.signal(signal.SIGINT, interrupted)


def write_site_files(pelican):
    """What describes the whole site, once every page is written: /sitemap.xml and /robots.txt."""
    sitemap = pelican.rankings_sitemap
    signals.content_written.disconnect(sitemap.written)
    output = SiteOutput(pelican.output_path, None, {}, published=published_output(pelican.settings))
    output.write(SITEMAP, sitemap.xml)
    output.write(ROBOTS, sitemap.robots)


def told_plainly(run, output):
    """Pelican's run, with a file that could not be written or read (a full disk, a folder without permission)
    told in plain words instead of a traceback: what failed, and that the published site is as it was."""
    def guarded():
        try:
            return run()
        except OSError as error:
            where = f" ({error.filename})" if error.filename else ""
            hint = (" Free some space (a build needs about as much again as the site) and build again."
                    if error.errno in (errno.ENOSPC, errno.EDQUOT) else "")
            raise BuildStopped(f"A file could not be written or read: {error.strerror or error}{where}. Nothing was "
                               f"published; {output} is as it was.{hint}") from None
    return guarded


def interrupted(signum, frame):
    raise BuildStopped("Interrupted: nothing was published; the output folder is as it was.")


def finish_build(pelican):
    """When every generator has written everything: the new site takes the output folder's place."""
    build = getattr(pelican, "rankings_build", None)
    if build is not None:
        write_site_files(pelican)
        if getattr(build, "previous_sigint", None) is not None:
            signal.signal(signal.SIGINT, build.previous_sigint)
        try:
            build.finish()
        except OutputFolderError as error:
            raise BuildStopped(f"The site was built but not published: {error}") from None
        logger.info("The site in %s is complete: the new build took the place of the previous one.", build.output)


# ---- links, for the templates: every path comes from urls.py

@pass_context
def url(context, path, language=None):
    """A link to a page (or a file of one language), in the page's language unless another is named. With
    RANKINGS_LINK_INDEX a folder's link names its index.html, so the site also works from file://."""
    return urls.href(context["SITEURL"], urls.in_language(path, language or context["L"]), context["INDEX"])


@pass_context
def file_url(context, path):
    """A link to a file every language shares (a CSV download, the stylesheet)."""
    return urls.href(context["SITEURL"], path)


@pass_context
def unit_link(context, unit_id, placed=False):
    """A link to a unit's page in the page's language; placed: named outside its parent's context, so a station or
    tehsil carries its district. A function, not a macro: pages call it thousands of times."""
    language, unit = context["L"], context["units"][unit_id]
    name = language.placed_name(unit, context["units"]) if placed else language.name(unit)
    return Markup('<a href="{}">{}</a>').format(url(context, unit["path"]), name)


@pass_context
def once(context, name, caller):
    """{% call once("sections") %}…{% endcall %}: a part of the page that is the same on every page of a language
    at one depth (relative links) is made once per build and language and depth, not on each of 8,000 pages."""
    made = context.environment.globals["_made_once"]  # emptied for each build's environment (install_i18n)
    language = context.get("L")
    key = (name, context.get("lang"), getattr(language, "code", None), context.get("SITEURL"), context.get("INDEX"))
    if key not in made:
        made[key] = caller()
    return made[key]


@pass_context
def absolute(context, path, language=None):
    """The absolute URL of a page in a language (canonical, hreflang, feeds), from SITEURL."""
    return f"{context['CANONICAL_BASE']}/{urls.in_language(path, language or context['L'])}"


@pass_context
def latest_words(context, unit, block):
    """A unit's latest figures in words in the page's language (captions.latest_words): (rank, change, percent)."""
    return captions.latest_words(unit, block["latest"], block["series"], context["L"])


@pass_context
def absolute_file(context, path):
    """The absolute URL of a file every language shares (a CSV in a dataset's description), from SITEURL."""
    return f"{context['CANONICAL_BASE']}/{path}"


def install_i18n(generator):
    """Every generator's Jinja environment: newstyle gettext (defaults to the first language), the link
    helpers, the URL map and the levels."""
    if "jinja2.ext.i18n" not in generator.env.extensions:
        generator.env.add_extension("jinja2.ext.i18n")
    default = next(iter(languages_for(generator.settings).values()))
    context = default.template_context()
    generator.env.install_gettext_callables(context["gettext"], context["ngettext"], newstyle=True)
    generator.env.globals.update(url=url, file_url=file_url, absolute=absolute, absolute_file=absolute_file,
                                 unit_link=unit_link, once=once, latest_words=latest_words,
                                 urls=urls, LEVEL=LEVEL, _made_once={})
    # JSON in a page (JSON-LD) as UTF-8, not \u escapes: a Hindi name is 3 bytes, not 6 (tojson still escapes
    # <, >, & and ' for the <script>).
    generator.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}


def load_model(folder, cache):
    """The site model of a data folder, or every problem logged and the build stopped."""
    started = time.perf_counter()
    try:
        site = build_model(folder, cache=cache)
    except DataError as error:
        for item in told(error.problems):
            if isinstance(item, More):
                logger.error("  %s", describe_more(item))
            else:
                logger.error("%s", describe(item.problem, last_line=item.last_line))
        raise BuildStopped(
            f"{len(error.problems)} problem(s) in the data folder {folder}; nothing was written."
        ) from None
    logger.info("Loaded, ranked and modelled %d rows of %d units in %.2f s",
                len(site.rows), len(site.units), time.perf_counter() - started)
    return site


def chart_words(language):
    """The words of the charts' tokens (charts.py), in a language."""
    return {"rank": language.gettext("Rank"), "percent": language.gettext("Percent"),
            **{level: language.level(level).many for level in LEVEL_IDS},
            **{f"{level}_top": LevelWords(LEVEL[level], language, with_top=True).many for level in LEVEL_IDS}}


class RankingsGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.charts = ChartStore(cache_dir(self.settings) / "charts", setting(self.settings, "RANKINGS_CHART_PROCESSES"))
        self.charts.warm_up()  # while the data loads
        try:
            self.site = load_model(Path(setting(self.settings, "RANKINGS_DATA")), cache_dir(self.settings))
        except BaseException:
            self.charts.close()
            raise
        self.languages = list(languages_for(self.settings).values())
        self.tables = {language.code: TableRows(self.site.units, language) for language in self.languages}
        self.chart_words = {language.code: chart_words(language) for language in self.languages}
        self.chart_months = {
            language.code: [name for _, name in sorted(get_month_names("abbreviated", locale=language.locale).items())]
            for language in self.languages
        }

    def generate_context(self):
        self.context.update(self.site.globals())
        self.context["RANKINGS_SAMPLE"] = setting(self.settings, "RANKINGS_SAMPLE")
        self.context["CANONICAL_BASE"] = self.settings["SITEURL"].rstrip("/")
        self.context["INDEX"] = urls.INDEX if setting(self.settings, "RANKINGS_LINK_INDEX") else ""
        self.context["RANKINGS_FEEDS"] = setting(self.settings, "RANKINGS_FEEDS")
        self.context["RANKINGS_SOURCE"] = setting(self.settings, "RANKINGS_SOURCE")
        self.context["RANKINGS_LICENCE"] = setting(self.settings, "RANKINGS_LICENCE")
        self.context["SHARE_IMAGE_SIZE"] = share.SIZE
        # The day of the build, for citations: where the site is (TIMEZONE), not where the machine is.
        self.context["BUILD_DATE"] = datetime.now(ZoneInfo(self.settings.get("TIMEZONE") or "UTC")).date().isoformat()
        # Every chart is asked for as its page is modelled, before Pelican writes its own pages: the pool renders
        # while the pages are modelled and written.
        started = time.perf_counter()
        self.pages = []
        for page in self.site.pages():
            keys = {}
            for stem, chart in page.charts.items():
                keys[stem] = chart_key(chart)
                self.charts.request(keys[stem], chart)
            self.pages.append((page, keys))
        logger.info("Modelled %d pages and asked for their charts in %.2f s", len(self.pages),
                    time.perf_counter() - started)

    def generate_output(self, writer):
        started = time.perf_counter()
        manifest = self.manifest()
        output = SiteOutput(self.output_path, manifest, self.context, published=published_output(self.settings))
        with self.charts as store:
            for page, keys in self.pages:
                self.write_page(output, page, keys, store)
            if setting(self.settings, "RANKINGS_SHARE_IMAGES"):
                self.write_content_cards(output, store)
            self.write_downloads(output)
            self.write_not_found(output)
            self.write_search(output)
            self.write_stylesheet(output)
            if setting(self.settings, "RANKINGS_FEEDS"):
                self.write_feeds(output)
            output.finish()  # the PNGs drawn in the pool, before the manifest says they are there
        manifest.save(self.output_path)
        logger.info("Wrote the rankings in %.2f s: %s", time.perf_counter() - started, output.summary())

    def manifest(self):
        settings = {name: self.settings.get(name) for name in TEMPLATE_SETTINGS}
        shared = {**self.site.globals(), "sample": self.context.get("RANKINGS_SAMPLE"),
                  "build_date": self.context.get("BUILD_DATE")}  # cited on every page
        build = fingerprint(self.theme, translations_dir(self.settings), settings, shared)
        return Manifest(cache_dir(self.settings), published_output(self.settings), build)

    def write_page(self, output, page, chart_keys, store):
        """A page in every language, with its charts beside it (SVG, and PNG when asked)."""
        neutral = {}  # stem → language-neutral SVG, fetched once for both languages

        def neutral_svg(stem):
            if stem not in neutral:
                neutral[stem] = store.svg(chart_keys[stem])
            return neutral[stem]

        model_digest = Manifest.model_digest(page.model, chart_keys)
        alternates = [(language, page.path) for language in self.languages]
        png = setting(self.settings, "RANKINGS_CHART_PNG")
        shares = setting(self.settings, "RANKINGS_SHARE_IMAGES")
        for language in self.languages:
            page_path = urls.in_language(page.path, language)
            localised = {}

            def svg(stem):
                if stem not in localised:
                    localised[stem] = localise(neutral_svg(stem), self.chart_words[language.code],
                                               self.chart_months[language.code])
                return localised[stem]

            def chart_file(stem):
                """The downloaded chart: the page's chart with its title, months, source and address."""
                return captioned(svg(stem), *self.chart_caption(page, stem, language))

            for stem, key in chart_keys.items():
                save_as = urls.chart(page_path, stem, "svg")
                output.write(save_as, lambda stem=stem: chart_file(stem),
                             output.manifest.digest(save_as, key, model_digest))
                if png:
                    save_as = urls.chart(page_path, stem, "png")
                    output.later(save_as, lambda stem=stem: store.png(chart_file(stem)),
                                 output.manifest.digest(save_as, key, model_digest))

            save_as = urls.page_file(page_path)
            context = self.page_context(save_as, language, page, alternates)
            words = self.share_card(page, language) if shares else None
            if words:
                context["share_image"] = urls.share_image(page.path)
                image = urls.share_image(page_path)
                output.later(image, lambda words=words: store.png(share.card(*words), zoom=1),
                             output.manifest.digest(image, language.code, model_digest))

            def render(context=context, template=self.get_template(page.template.removesuffix(".html"))):
                context["charts"] = {stem: Markup(svg(stem).replace(
                    "<svg ", f'<svg role="img" aria-labelledby="{stem}-title" ', 1)) for stem in chart_keys}
                return template.render(context)
            output.write(save_as, render, output.manifest.digest(save_as, language.code, model_digest), context)

    def write_content_cards(self, output, store):
        """The share pictures of the Markdown pages (about, data format, guide for staff), in their languages;
        LanguageWriter names them in the pages' heads."""
        languages = {language.code: language for language in self.languages}
        pages = [*self.context.get("pages", ()), *self.context.get("hidden_pages", ())]
        for content in [item for page in pages for item in (page, *getattr(page, "translations", ()))]:
            language = languages.get(content.lang)
            if language is None:
                continue
            path = urls.in_language(urls.content_page(content.slug), language)
            words = captions.content_card(Markup(content.title).striptags(), language, self.site_name(language),
                                          f"{self.context['CANONICAL_BASE']}/{path}")
            image = urls.share_image(path)
            output.later(image, lambda words=words: store.png(share.card(*words), zoom=1),
                         output.manifest.digest(image, Manifest.model_digest(words)))

    def site_name(self, language):
        """The name a share card carries on its band; a picture shared alone says "sample data" too."""
        site_name = language.gettext("IGRS rankings, Uttar Pradesh")
        if self.context.get("RANKINGS_SAMPLE"):
            site_name += " — " + language.gettext("Sample data.")
        return site_name

    def share_card(self, page, language):
        """The words of a page's share card (captions.share_card), or None for a page without one."""
        return captions.share_card(page, language, self.site.units, self.site_name(language),
                                   self.address(page, language))

    def chart_caption(self, page, stem, language):
        """(title, [what it shows], [source, address], key) of a chart file (captions.chart_caption)."""
        source = language.of(setting(self.settings, "RANKINGS_SOURCE")["name"])
        return captions.chart_caption(page, stem, language, self.site.units, source, self.address(page, language))

    def address(self, page, language):
        return f"{self.context['CANONICAL_BASE']}/{urls.in_language(page.path, language)}"

    def page_context(self, save_as, language, page, alternates):
        """What Pelican's writer gives a template (relative SITEURL with RELATIVE_URLS), and the page's own."""
        context = self.context.copy()
        if self.settings["RELATIVE_URLS"]:
            context["SITEURL"] = context["localsiteurl"] = path_to_url(get_relative_path(save_as))
        context.update(
            output_file=save_as,
            tables=self.tables[language.code],
            self_path=page.path,
            alternates=alternates,
            chart_png=setting(self.settings, "RANKINGS_CHART_PNG"),
            **page.model,
            **language.template_context(),
        )
        return context

    def write_search(self, output):
        """The search index of every unit in every language (search.py) and the script that searches it. The
        index is made again only when a record changed (a name, a latest rank): it is kept in the cache."""
        # What the records are made of: the build (code, catalogs, settings, the units' names and places: the
        # manifest's fingerprint), each unit's latest rank, the romaniser. When none changed, the index in the
        # cache is the one to publish, and the 4,000 records need not be made again (≈1 s of a rebuild).
        romaniser = version("aksharamukha")
        inputs = Manifest.model_digest(output.manifest.fingerprint, self.context["INDEX"], romaniser,
                                       sorted(self.site.latest_rows.items()))
        known = cache_dir(self.settings) / "search" / "inputs.json"
        try:
            key = json.loads(known.read_text(encoding="utf-8")).get(inputs)
        except (OSError, ValueError):
            key = None
        folder = cache_dir(self.settings) / "search" / (key or "none")
        if key is None or not folder.is_dir():
            roman = cache_dir(self.settings) / f"romanised-aksharamukha-{romaniser}.json"
            found = search.records(self.site, self.languages, self.latest_rank, self.context["INDEX"], roman)
            key = search.digest(found)
            folder = cache_dir(self.settings) / "search" / key
        if not folder.is_dir():
            started = time.perf_counter()
            files = search.bundle(found, keep_index_url=bool(self.context["INDEX"]))
            partial = folder.with_suffix(".partial")
            shutil.rmtree(partial, ignore_errors=True)
            for path, content in files.items():
                (partial / path).parent.mkdir(parents=True, exist_ok=True)
                (partial / path).write_bytes(content)
            for old in folder.parent.iterdir():  # earlier indexes: not needed again
                if old != partial and old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            partial.rename(folder)
            logger.info("Indexed %d units for search in %.2f s", len(found), time.perf_counter() - started)
        known.parent.mkdir(parents=True, exist_ok=True)
        known.write_text(json.dumps({inputs: key}), encoding="utf-8")
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                save_as = urls.SEARCH_BUNDLE + file.relative_to(folder).as_posix()
                output.write(save_as, file.read_bytes, output.manifest.digest(save_as, key))
        script = (Path(self.theme) / "search" / "site-search.js").read_text(encoding="utf-8")
        output.write(urls.SEARCH_SCRIPT, lambda: script.replace('"__FOLDS__"', json.dumps(search.FOLDS)))

    def write_stylesheet(self, output):
        """The site's one stylesheet, minified by rcssmin: its source explains itself in comments, which a phone
        should not download with every page (0.75 KB of a page's 40 KB budget)."""
        source = Path(self.theme) / "css" / "site.css"
        output.write(urls.STYLESHEET, lambda: rcssmin.cssmin(source.read_text(encoding="utf-8")))

    def latest_rank(self, unit, language):
        """"October 2025: Rank 1 of 1,575 police stations, joint with 1,248 others", for a search result."""
        row = self.site.latest_rows.get(unit["id"])
        if row is None:
            return ""
        series = next(s for s in self.site.series if s["id"] == row["series"])
        return f"{language.month(row['month'])}: {captions.latest_words(unit, row, series, language)[0]}"

    def write_not_found(self, output):
        """/404.html, the page a host shows for a wrong link, at any depth: one page in every language (the
        reader may not read the first), with absolute links, the site's search and its main indexes."""
        page = Page(urls.NOT_FOUND, "404.html", {"noindex": True})
        bodies = {}
        for language in self.languages:
            context = self.page_context(urls.NOT_FOUND, language, page, [])
            context["SITEURL"] = context["localsiteurl"] = self.context["CANONICAL_BASE"]
            bodies[language.code] = (language, Markup(self.get_template("not_found").render(context)))
        first = self.languages[0]
        context = {**self.page_context(urls.NOT_FOUND, first, page, []), "languages_shown": list(bodies.values())}
        context["SITEURL"] = context["localsiteurl"] = self.context["CANONICAL_BASE"]
        output.write(urls.NOT_FOUND, lambda: self.get_template("404").render(context),
                     output.manifest.digest(urls.NOT_FOUND, *(body for _, body in bodies.values())), context)

    def write_feeds(self, output):
        base_url = self.settings["SITEURL"].rstrip("/")
        for series in self.site.series:
            for language in self.languages:
                output.write(urls.in_language(urls.feed(series["id"]), language),
                             lambda series=series, language=language: series_feed(series, language, base_url,
                                                                                  self.site.corrected))

    def write_downloads(self, output):
        """Every month of every series, each series whole, each unit's history. A file is made again only when
        its rows changed (their digest), or the build did (fingerprint: the units' names are in it)."""
        by_series = {}
        for series_id, month, rows, digest in self.site.month_rankings():
            counts = counts_in_file(self.site.columns_given, series_id, month)
            save_as = urls.month_csv(series_id, month)
            output.write(save_as, lambda rows=rows, counts=counts: month_csv(rows, self.site.units, counts),
                         output.manifest.digest(save_as, digest, *counts))
            by_series.setdefault(series_id, []).append((month, rows, digest))
        for series_id, months in by_series.items():
            months.sort(key=lambda month: month[0])
            counts = counts_in_any(self.site.columns_given, [(series_id, month) for month, _, _ in months])
            save_as = urls.series_csv(series_id)
            output.write(save_as, lambda months=months, counts=counts: series_csv(
                [(month, rows) for month, rows, _ in months], self.site.units, counts),
                output.manifest.digest(save_as, *counts, *(digest for _, _, digest in months)))
        for unit_id, rows, digest in self.site.unit_rankings():
            counts = counts_in_any(self.site.columns_given, {(row["series"], row["month"]) for row in rows})
            save_as = urls.unit_csv(unit_id)
            output.write(save_as, lambda rows=rows, counts=counts: unit_csv(rows, self.site.units, counts),
                         output.manifest.digest(save_as, digest, *counts))
