"""`make devserver`: serve the site on localhost and rebuild it whenever a CSV, template or page changes.

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


def rebuild(data, output):
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
        for changes in watch(*watched, watch_filter=lambda change, path: "__pycache__" not in path):
            print("changed: " + ", ".join(sorted(Path(path).name for _, path in changes)), flush=True)
            rebuild(data, output)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
