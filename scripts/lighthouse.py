"""`make lighthouse`: Lighthouse's mobile run (throttled CPU and network) on one page of each type of a built site.

The site is served as a static host serves it, compressed (gzip), from a local server; Lighthouse runs in the
Chromium the browser tests use. Scores and the metrics behind performance are printed, with the targets: the
police month page (its 1,600 rows) and a comparison (drawn once its script has read the units' files) at least 90
for performance, every other page type at least 98, and 100 for accessibility, best practices and SEO everywhere.
About 20 s a page.

    python scripts/lighthouse.py [SITE] [--page PATH ...] [--json FOLDER]
"""

import argparse
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index", "dom-size")
COMPRESSED = (".html", ".css", ".svg", ".js", ".json", ".xml", ".csv")
# The least score of each category, for the month page of the largest series and for every other page.
MONTH_PAGE_PERFORMANCE, OTHER_PERFORMANCE, OTHER_CATEGORIES = 90, 98, 100
COMPARE_PERFORMANCE = 90  # issue 30's target: the page draws after it has read the units' files


class CompressingHandler(SimpleHTTPRequestHandler):
    """A static host: files as they are, text compressed when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED
                or not path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def default_pages(site):
    """One page of each type: home, the latest month of the largest series, a station, a district, a zone,
    the stations index, a series index, a content page, two comparisons."""
    months = sorted((site / "police").glob("????-??")) if (site / "police").is_dir() else []
    station = next(iter(sorted((site / "station").glob("*/"))), None)
    pages = ["", f"police/{months[-1].name}/" if months else None, "district/kanpur-commissionerate/",
             f"station/{station.name}/" if station else None, "zone/kanpur-zone/", "station/", "police/",
             "data-format/", "en/",
             # a comparison: four districts (the most its script loads: two series each), a police unit and its
             # district's administration
             "compare/?police=kanpur-commissionerate&police=firozabad&police=mainpuri&police=mathura",
             "en/compare/?police=kanpur-commissionerate&district-admin=kanpur-nagar"]
    return [page for page in pages if page is not None and (site / page.partition("?")[0] / "index.html").exists()]


def run(url, output):
    chromium = shutil.which("chromium") or "/usr/lib/chromium/chromium"
    command = [str(LIGHTHOUSE), url, "--quiet", "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
               "--output=json", f"--output-path={output}"]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300)
    return json.loads(Path(output).read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "output"))
    parser.add_argument("--page", action="append", help="a path under the site, e.g. police/2025-10/")
    parser.add_argument("--json", help="keep Lighthouse's reports in this folder")
    args = parser.parse_args()
    site = Path(args.site)
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse is not installed: npm ci --prefix {LIGHTHOUSE.parents[2]}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    reports = Path(args.json or tempfile.mkdtemp())
    reports.mkdir(parents=True, exist_ok=True)
    missed = []
    try:
        for page in args.page or default_pages(site):
            report = run(f"http://127.0.0.1:{server.server_port}/{page}",
                         reports / f"{re.sub(r'[/?&=]+', '-', page.strip('/')) or 'home'}.json")
            scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
            path = page.removeprefix("en/")  # the English month page is a month page too
            is_month = path.count("/") == 2 and path.split("/")[-2][:4].isdigit()
            least = {name: OTHER_CATEGORIES for name in CATEGORIES}
            least["performance"] = (MONTH_PAGE_PERFORMANCE if is_month else COMPARE_PERFORMANCE
                                    if path.startswith("compare/") else OTHER_PERFORMANCE)
            verdict = [name for name in CATEGORIES if scores[name] < least[name]]
            missed += [f"{page or '/'} {name}" for name in verdict]
            metrics = ", ".join(f"{name.replace('-', ' ')} {report['audits'][name].get('displayValue', '')}"
                                for name in METRICS)
            print(f"/{page:40s} " + " ".join(f"{name} {scores[name]:3d}" for name in CATEGORIES)
                  + ("   MISSED " + ", ".join(verdict) if verdict else "   met"))
            print(f"  {metrics}")
    finally:
        server.shutdown()
    print("all targets met" if not missed else "targets missed: " + "; ".join(missed))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
