"""The static hosts the site is deployed to (RANKINGS_HOST), their documented limits, and the check a build makes
before its new site takes the output folder's place: a site the host would refuse is never published.

Limits, as each host documents them (looked up 2026-12; where only the host's own tracker says it, so it is said):
- GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB."
  https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits
- GitLab Pages on GitLab.com: a site of at most 1 GB and 200,000 files, as GitLab's issues state them
  (https://gitlab.com/gitlab-org/gitlab/-/issues/405048, /500273); its settings page:
  https://docs.gitlab.com/ee/user/gitlab_com/#gitlab-pages
- Cloudflare Pages, free plan: at most 20,000 files, each at most 25 MiB ("The Free plan remains at 20,000 files
  per site", changelog 2026-01-23). https://developers.cloudflare.com/pages/platform/limits/
- Netlify: no limit on a static site's files or size found in its documentation; nothing is checked.
A limit is checked against the bytes of the files as written (hosts count the site uncompressed).
"""

import math
import os
from dataclasses import dataclass, field

from . import urls
from .data.vocabulary import N_

GB, MIB = 1_000_000_000, 2**20


@dataclass(frozen=True)
class Host:
    name: str
    files: int | None = None  # the most files a site may have
    total_bytes: int | None = None  # the most bytes all files may have together
    file_bytes: int | None = None  # the most bytes one file may have
    # The settings not given in pelicanconf.py or publishconf.py take these values when publishing to this host:
    # what a host leaves out to fit ten years of months is said in the README (Deploying).
    defaults: dict = field(default_factory=dict)


# What a published site has where the host takes it: a PNG of each chart, a share picture of each page.
PUBLISHED = {"RANKINGS_CHART_PNG": True, "RANKINGS_SHARE_IMAGES": True, "RANKINGS_OEMBED": True}
HOSTS = {
    "github-pages": Host("GitHub Pages", total_bytes=GB, defaults=PUBLISHED),
    "gitlab-pages": Host("GitLab Pages", files=200_000, total_bytes=GB, defaults=PUBLISHED),
    # 20,000 files: ten years of months are 23,356 files with the pictures and 16,858 without the charts' PNGs
    # and the share pictures (measured by make bench). The SVG of each chart stays to download; a shared link
    # shows the page's title and description without a picture.
    # 25 MiB a file: every month of the police series in one file is 18.6 MiB at ten years of months, about 37 at
    # twenty (28.8 at ten with real names and counts); each year's file stays, and the one file's address leads
    # to the series' page (its _redirects).
    "cloudflare-pages": Host("Cloudflare Pages", files=20_000, file_bytes=25 * MIB,
                             defaults={"RANKINGS_CHART_PNG": False, "RANKINGS_SHARE_IMAGES": False,
                                       "RANKINGS_WHOLE_SERIES_CSV": False, "RANKINGS_OEMBED": False}),
    "netlify": Host("Netlify", defaults=PUBLISHED),
    # Not deployed by us (a local build, a server of one's own): nothing checked, no pictures unless asked.
    "none": Host("none"),
}
# What makes the site fit each limit, said when it passes that one (a setting already off is no advice).
PICTURES = ("RANKINGS_SHARE_IMAGES", "RANKINGS_CHART_PNG")  # fewer files and bytes
EMBEDS = ("RANKINGS_OEMBED",)  # a JSON beside each unit page and month page: fewer files
WHOLE_SERIES = ("RANKINGS_WHOLE_SERIES_CSV",)  # every month of a series in one file: each year's file stays

TOO_MANY_FILES = N_("The site has %(figure)s files; %(host)s takes at most %(limit)s.")
TOO_MANY_BYTES = N_("The site is %(figure)s MB; %(host)s takes at most %(limit)s MB.")
FILE_TOO_LARGE = N_("%(file)s is %(figure)s MB; %(host)s takes files of at most %(limit)s MB.")
NOT_PUBLISHED = N_("Nothing was published: the site as it was stays. To make it fit, set in publishconf.py: "
                   "%(settings)s; or deploy elsewhere (RANKINGS_HOST, README: Deploying).")
NOT_PUBLISHED_ANYWHERE_HERE = N_("Nothing was published: the site as it was stays. No setting makes it fit "
                                 "%(host)s: deploy elsewhere (RANKINGS_HOST, README: Deploying).")
UNKNOWN_HOST = N_("Nothing was built: RANKINGS_HOST is “%(name)s”; it must be one of: %(hosts)s.")


class UnknownHost(ValueError):
    """RANKINGS_HOST names a host this site has no limits for."""

    def told(self, language):
        """The message in a language (the staff's, as make validate speaks it)."""
        return language.gettext(UNKNOWN_HOST) % {"name": self.args[0], "hosts": ", ".join(HOSTS)}


def host_named(name):
    if name not in HOSTS:
        raise UnknownHost(name)
    return HOSTS[name]


@dataclass(frozen=True)
class SiteSize:
    files: int
    total_bytes: int
    largest_bytes: int
    largest: str  # its path in the site


def measure(folder):
    """The files, bytes and largest file of a built site."""
    files = total = largest_bytes = 0
    largest = ""
    for root, _, names in os.walk(folder):
        for name in names:
            size = os.lstat(os.path.join(root, name)).st_size
            files, total = files + 1, total + size
            if size > largest_bytes:
                largest_bytes, largest = size, os.path.relpath(os.path.join(root, name), folder)
    return SiteSize(files, total, largest_bytes, largest)


def beyond_limits(size, host, language):
    """Each limit of the host the site passes, said in the language, with the settings that make the site fit it
    [(message, settings)]; empty when it fits."""
    _, number = language.gettext, language.number
    told = []
    if host.files is not None and size.files > host.files:
        told.append((_(TOO_MANY_FILES) % {"figure": number(size.files), "host": host.name,
                                          "limit": number(host.files)}, PICTURES + EMBEDS))
    if host.total_bytes is not None and size.total_bytes > host.total_bytes:
        told.append((_(TOO_MANY_BYTES) % {"figure": number(megabytes(size.total_bytes)), "host": host.name,
                                          "limit": number(megabytes(host.total_bytes, up=False))}, PICTURES))
    if host.file_bytes is not None and size.largest_bytes > host.file_bytes:
        told.append((_(FILE_TOO_LARGE) % {"file": size.largest, "figure": number(megabytes(size.largest_bytes)),
                                          "host": host.name, "limit": number(megabytes(host.file_bytes, up=False))},
                     WHOLE_SERIES if urls.is_series_csv(size.largest) else ()))
    return told


def megabytes(count, up=True):
    """Bytes in MB (10^6), as hosts count them, to two places: a site's figure rounded up and a limit down, so
    that a site over a limit never reads as within it."""
    hundredths = count / 10_000
    return (math.ceil(hundredths) if up else math.floor(hundredths)) / 100


def refusal(told, host, language, is_on):
    """The whole message of a site that does not fit: each limit passed, then what to do about those: the
    settings that would make it fit and are on now (is_on(name)), or, where none is, another host."""
    advice = [f"{name} = False" for name in dict.fromkeys(name for _, names in told for name in names) if is_on(name)]
    then = (language.gettext(NOT_PUBLISHED) % {"settings": "; ".join(advice)} if advice else
            language.gettext(NOT_PUBLISHED_ANYWHERE_HERE) % {"host": host.name})
    return " ".join([*(message for message, _ in told), then])
