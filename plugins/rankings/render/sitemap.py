"""/sitemap.xml and /robots.txt: every page of every language, for search engines.

The sitemap is made from what the build announced with Pelican's content_written signal (write/output.py
announces every file, also those kept unchanged, and Pelican's writer its Markdown pages), so that it lists the
whole site, whoever wrote a page. A page that asks not to be indexed (a redirect from a former address, the 404
page: `noindex` in its context) is left out. Each page is listed with its absolute, canonical URL (a folder, as
the pages' canonical links name it) and the same page in every language as its hreflang alternates.
"""

import os
from xml.sax.saxutils import escape, quoteattr

from .. import urls

SITEMAP, ROBOTS = "sitemap.xml", "robots.txt"


class Sitemap:
    def __init__(self, root, languages, base_url):
        """root: the folder the new site is written in; languages: the site's (language.Language), the first at the
        root; base_url: the site's absolute address (urls.site_base)."""
        self.root = os.path.abspath(root) + os.sep
        self.languages = list(languages)
        self.base_url = base_url
        self.pages = {}  # language-neutral path → {language code: path}

    def written(self, path, context=None):
        """content_written: remember an HTML page of the site (not one that asks not to be indexed)."""
        path = os.path.abspath(path)
        if not path.endswith(".html") or not path.startswith(self.root) or (context or {}).get("noindex"):
            return
        relative = path[len(self.root):].replace(os.sep, "/")
        page = relative.removesuffix(urls.INDEX) if relative.endswith("/" + urls.INDEX) or relative == urls.INDEX \
            else relative
        # The first language is at the root; any other under its prefix ("en/").
        language = next((lang for lang in self.languages[1:] if page.startswith(lang.prefix)), self.languages[0])
        self.pages.setdefault(page[len(language.prefix):], {})[language.code] = page

    def xml(self):
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
        order = [language.code for language in self.languages]
        for neutral in sorted(self.pages):
            versions = self.pages[neutral]
            alternates = [f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(self.url(versions[code]))}/>'
                          for code in order if code in versions]
            for code in order:
                if code in versions:
                    lines.append(f"<url><loc>{escape(self.url(versions[code]))}</loc>{''.join(alternates)}</url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"

    def url(self, page):
        return urls.absolute(self.base_url, page)

    def robots(self):
        return f"User-agent: *\nAllow: /\n\nSitemap: {self.url(SITEMAP)}\n"
