"""Rendering a page model in a language: its words and figures (language.py, captions.py), HTML rows and the
templates' helpers, charts, share pictures, CSV downloads, search records, feeds and the sitemap, each as the
SiteFiles (site_file.py) the build writes."""
