"""`make bench`'s search part: the seconds from a reader's last keystroke to the first result, on a cheap phone on a
slow connection, for a district and a station typed in each language; and what a search costs in requests and bytes.

Chromium at 360 px, its CPU slowed four times, its connection 400 ms round trip and 400 kbit/s each way, nothing
cached (a fresh browser context for each search);
the site served compressed, as a static host serves it (lighthouse.CompressingHandler). The reader opens the page,
taps the search box and types the name at about five letters a second; the time is from the input event of the
last letter to the first result on screen. Requests and bytes (as sent, compressed) are counted from the tap.

    python scripts/bench_search.py [SITE]      (default: the sample site in output/, built by make html)
"""

import statistics
import sys
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from lighthouse import CompressingHandler  # noqa: E402

# (page, what is typed, what it is): a district and a station, in each language's page and script; then each typed
# in the other script (a Hindi reader with a Latin keyboard, an English page searched in Hindi).
QUERIES = [("en/", "kanpur", "district, English"), ("", "कानपुर", "district, Hindi"),
           ("en/", "chaubepur", "station, English"), ("", "चौबेपुर", "station, Hindi"),
           ("", "chaubepur", "station, Latin on /"), ("en/", "कानपुर", "district, Devanagari on /en/")]
TARGET_S = 2.0
RUNS = 3  # each query this many times, each in a fresh browser context (no cache): the median is told
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
CPU_SLOWDOWN = 4
KEYSTROKE_MS = 200
CHROMIUM = "/usr/lib/chromium/chromium"

# Set on the page before it loads: when the last letter was typed, and when results were first listed after it (the
# search lists what an earlier letter finds too; only the answer to the whole name counts: the script drops an
# older query's answer that arrives late, so what is listed after the last letter is its answer).
WATCH = """
window.__typed = 0; window.__shown = 0;
addEventListener('input', (e) => { if (e.target.matches('header input[type=search]')) __typed = performance.now(); }, true);
new MutationObserver(() => {
  if (__shown <= __typed && document.querySelector('header ol.results li')) __shown = performance.now();
}).observe(document, {childList: true, subtree: true});
"""


def first_result(browser, url, text, pasted=False):
    """(seconds from the last keystroke to the first result, requests, bytes) of one search in a fresh context;
    pasted: the name put in the box at once as the box is tapped (one input: nothing is fetched before it, the
    search's script and its index are fetched one after the other), as a reader pastes it or picks a suggestion of
    the phone's keyboard."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")  # a fresh context: nothing cached, as for a first visit (what one search fetches
    # twice, it fetches once, as a phone's browser does)
    cdp.send("Network.emulateNetworkConditions", SLOW)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load")
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.click("header input[type=search]")
    if pasted:
        page.keyboard.insert_text(text)
    else:
        page.keyboard.type(text, delay=KEYSTROKE_MS)
    page.wait_for_function("window.__shown > 0 && window.__shown > window.__typed", timeout=60_000)
    seconds = page.evaluate("(window.__shown - window.__typed) / 1000")
    while True:  # what the search still fetches for the results after the first, until nothing more comes
        count = len(finished)
        page.wait_for_timeout(2000)
        if len(finished) == count:
            break
    size = sum(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"] for request in finished)
    context.close()
    return seconds, len(finished), size


def main(site=None):
    from playwright.sync_api import sync_playwright

    site = Path(site or ROOT / "output")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    measured = {}
    print(f"search on a slow phone ({CPU_SLOWDOWN}× slower CPU, {SLOW['latency']} ms round trip, "
          f"{SLOW['downloadThroughput'] * 8 / 1000:.0f} kbit/s), median of {RUNS}, from the last keystroke:")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for (page, text, what), pasted in [(query, False) for query in QUERIES] + [(QUERIES[3], True)]:
                runs = [first_result(browser, base + page, text, pasted) for _ in range(RUNS)]
                seconds = statistics.median(run[0] for run in runs)
                requests, size = runs[-1][1], runs[-1][2]
                key = f"search, {what}{', pasted' if pasted else ''}"
                name = f"{key} (s)"
                measured[name] = seconds
                verdict = "met" if seconds <= TARGET_S else "MISSED"
                print(f"  {name:44s} {seconds:5.2f}   target ≤ {TARGET_S:>3}   {verdict}   “{text}” on /{page}: "
                      f"{requests} requests, {size / 1024:.0f} KB from the tap on the box")
                measured[f"{key}, requests"] = requests
                measured[f"{key}, bytes"] = size
            browser.close()
    finally:
        server.shutdown()
    return measured


if __name__ == "__main__":
    found = main(*sys.argv[1:])
    missed = [name for name, value in found.items() if name.endswith("(s)") and value > TARGET_S]
    print("all targets met" if not missed else f"targets missed: {', '.join(missed)}")
    sys.exit(1 if missed else 0)
