"""A build's start and end, as Pelican signals them: the settings checked, the new site written beside the
output folder and put in its place only when every file is there (swap.py), a stop (bad data, Ctrl-C, a full
disk) told in plain words with the published site left as it was; and the files that describe the whole site
(/sitemap.xml, /robots.txt), written last.

One build per Pelican process: `pelican -r` (autoreload) runs several in one process and is not supported;
`make devserver` rebuilds in a new process each time.
"""

import errno
import gc
import logging
import signal
import threading
import time

from pelican import signals

from .. import hosts, urls
from ..data.problems import DataError, More, describe, describe_more, told
from ..data.vocabulary import LanguageSettingError, N_
from ..ranking.corrections import HistoryMissing
from ..render.sitemap import ROBOTS, SITEMAP, Sitemap
from ..settings import PUBLISHED_OUTPUT, published_output, setting
from ..site.model import build_model
from .languages import languages_for, staff_language
from .output import SiteOutput
from .swap import OutputFolderError, SiteBuild

logger = logging.getLogger(__name__)


class BuildStopped(SystemExit):
    """Stops Pelican without a traceback: the problems have been logged one by one already."""


def check_settings(pelican):
    """When the build starts: the languages asked for exist and have their catalogs, or a clear message."""
    try:
        first = next(iter(languages_for(pelican.settings)))
    except (LanguageSettingError, FileNotFoundError) as error:
        raise BuildStopped(f"Nothing was built: {error}") from None
    try:
        hosts.host_named(setting(pelican.settings, "RANKINGS_HOST"))
    except hosts.UnknownHost as error:
        raise BuildStopped(error.told(staff_language(pelican.settings))) from None
    if pelican.settings.get("DEFAULT_LANG") != first:
        # Pelican puts the Markdown pages of DEFAULT_LANG at the root, where the first language's pages are.
        raise BuildStopped(f"Nothing was built: DEFAULT_LANG is {pelican.settings.get('DEFAULT_LANG')!r} but the "
                           f"first of RANKINGS_LANGUAGES, served at the root, is {first!r}; make them the same.")


# Python's cycle collector runs every 700 new objects by default and, now and then, looks at every object there is:
# a build makes millions (a row per unit and month, a model per page) that live until it ends and hold no cycles,
# so the collector cost a rebuild at state size about a second. Less often is as good here.
BUILD_GC_THRESHOLD = (100_000, 20, 10)


def start_build(pelican):
    """When Pelican starts: the settings checked, then the whole site written into a folder of its own beside
    the output folder, which takes the output folder's place only when the build has finished (swap.py)."""
    check_settings(pelican)
    build = SiteBuild(pelican.output_path, pelican.settings.get("OUTPUT_RETENTION") or ())
    new_site = str(build.begin())
    pelican.settings[PUBLISHED_OUTPUT] = str(build.output)
    pelican.settings["OUTPUT_PATH"] = pelican.output_path = new_site
    pelican.rankings_build = build
    pelican.run = told_plainly(collecting_less(pelican.run), build.output)
    # Every page any generator writes is announced (content_written): the sitemap lists them all.
    pelican.rankings_sitemap = Sitemap(new_site, languages_for(pelican.settings).values(),
                                       urls.site_base(pelican.settings["SITEURL"]))
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


def collecting_less(run):
    """Pelican's run with the cycle collector run less often (BUILD_GC_THRESHOLD), as it was again afterwards."""
    def run_collecting_less():
        previous = gc.get_threshold()
        gc.set_threshold(*BUILD_GC_THRESHOLD)
        try:
            return run()
        finally:
            gc.set_threshold(*previous)
    return run_collecting_less


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
        fits_the_host(pelican.settings, build.partial)
        try:
            build.finish()
        except OutputFolderError as error:
            raise BuildStopped(f"The site was built but not published: {error}") from None
        logger.info("The site in %s is complete: the new build took the place of the previous one.", build.output)


def fits_the_host(settings, site):
    """The new site checked against the host's documented limits (hosts.py) before it is published; if it does not
    fit, the build stops, in the staff's language, and the published site stays as it was."""
    host = hosts.host_named(setting(settings, "RANKINGS_HOST"))
    size = hosts.measure(site)
    logger.info("The new site: %d files, %.1f MB, the largest %s (%.1f MB); %s", size.files, size.total_bytes / 1e6,
                size.largest, size.largest_bytes / 1e6, host.name)
    language = staff_language(settings)
    told = hosts.beyond_limits(size, host, language)
    if told:
        raise BuildStopped(hosts.refusal(told, host, language, lambda name: setting(settings, name)))


SHALLOW = N_("Nothing was published: the data folder %(folder)s is in a shallow git clone, whose one commit would "
             "date every month today and hide every correction, and git could not fetch the rest (%(error)s). Clone "
             "it with its whole history: git clone without --depth; on GitLab, GIT_DEPTH: 0; on GitHub Actions, "
             "fetch-depth: 0 (README: Deploying).")


def load_model(folder, cache, settings, whole_history=False):
    """The site model of a data folder, or every problem logged and the build stopped. whole_history (a publish
    build): a shallow clone of the data is deepened, or the build stops, saying so in the staff's language."""
    started = time.perf_counter()
    try:
        site = build_model(folder, cache=cache, whole_history=whole_history)
    except HistoryMissing as missing:
        raise BuildStopped(staff_language(settings).gettext(SHALLOW) % {
            "folder": missing.args[0], "error": missing.args[1]}) from None
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
