"""`make devserver`: serve the site on localhost and rebuild it whenever a source of it changes.

Sources are the CSVs, the theme's templates and translations, the content pages and the plugin.

`pelican -r` watches only settings, theme and content, not the data folder or the plugin: watchfiles watches
them all. Each rebuild is a fresh `pelican` process, so a changed plugin is reloaded too. A rebuild that fails
(a CSV with a problem) prints every problem and leaves the served site as it was.

    python scripts/devserver.py [--data data] [--output output] [--port 8000]
"""

import argparse
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from watchfiles import watch

ROOT = Path(__file__).resolve().parent.parent


def compile_catalogs(translations):
    """Compile each messages.po that is newer than its .mo, as `make translations` does, so that a Hindi string
    edited while the server runs shows on the next rebuild."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in Path(translations).glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with open(po, "rb") as source:
                catalog = read_po(source)
            with open(mo, "wb") as target:
                write_mo(target, catalog, use_fuzzy=True)


def rebuild(data, output):
    compile_catalogs(ROOT / "theme" / "translations")
    command = [sys.executable, "-m", "pelican", "-s", str(ROOT / "pelicanconf.py"), "-o", str(output),
               "-e", f'RANKINGS_DATA="{data}"']
    done = subprocess.run(command, cwd=ROOT)
    print("site rebuilt" if done.returncode == 0 else "the site was NOT rebuilt: see the problems above",
          flush=True)


def serve(output, port):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {output} at http://localhost:{port}/ (Ctrl-C to stop)", flush=True)
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data")
    parser.add_argument("--output", default="output")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    data, output = (ROOT / args.data).resolve(), (ROOT / args.output).resolve()
    rebuild(data, output)
    output.mkdir(parents=True, exist_ok=True)
    serve(output, args.port)
    watched = [data, ROOT / "theme", ROOT / "content", ROOT / "plugins", ROOT / "pelicanconf.py"]
    try:
        # Compiled catalogs are written by the rebuild itself: watching them would rebuild twice.
        ignored = ("__pycache__", ".mo")
        for changes in watch(*watched, watch_filter=lambda change, path: not any(i in path for i in ignored)):
            print("changed: " + ", ".join(sorted(Path(path).name for _, path in changes)), flush=True)
            rebuild(data, output)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
