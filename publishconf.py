"""Settings for publishing: the real address for canonical URLs; everything else as in pelicanconf."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The address the site is served from, for canonical and hreflang URLs: set SITEURL when publishing.
SITEURL = os.environ.get("SITEURL", "https://igrs-rankings.example.org").rstrip("/")
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
# A PNG beside every chart's SVG for download (drawn by resvg; cached, so only new charts cost time).
RANKINGS_CHART_PNG = True
# Links name index.html: the published folder works at a domain's root, under a sub-path, and from file://.
RANKINGS_LINK_INDEX = True
# Atom feeds of each series' months: /feeds/<series>.atom.xml and /en/feeds/<series>.atom.xml.
RANKINGS_FEEDS = True
# A picture of each unit and month page for shared links (og:image), drawn by resvg and cached like the PNGs.
RANKINGS_SHARE_IMAGES = True
