"""Charts: each kind built once with Altair (kinds.py), drawn as SVG by vl-convert in a pool of workers (vega.py,
pool.py), put into a language and made a file to download (files.py), in one style (style.py)."""
