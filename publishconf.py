"""Settings for publishing: the real address for canonical URLs; everything else as in pelicanconf."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The address the site is served from, for canonical and hreflang URLs: set SITEURL when publishing.
SITEURL = os.environ.get("SITEURL", "https://igrs-rankings.example.org").rstrip("/")
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
# Where the site is deployed: its limits are checked before a new site is published, and it decides whether a
# PNG beside every chart's SVG and a picture of each page for shared links (og:image) are drawn (plugins/rankings/
# hosts.py; README: Deploying). Set RANKINGS_HOST in the environment, or here.
RANKINGS_HOST = os.environ.get("RANKINGS_HOST", "github-pages")
# Links name index.html: the published folder works at a domain's root, under a sub-path, and from file://.
RANKINGS_LINK_INDEX = True
# A published site tells when each month was corrected, from the data's git history: a shallow clone (GitLab's
# default) is deepened, and where it cannot be, nothing is published (a warning in a log was missed).
RANKINGS_WHOLE_HISTORY = True
# Atom feeds of each series' months: /feeds/<series>.atom.xml and /en/feeds/<series>.atom.xml.
RANKINGS_FEEDS = True
