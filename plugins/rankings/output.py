"""The one way the plugin writes a file of the site: HTML, CSV, SVG, PNG, feeds.

Every file goes through SiteOutput.write:
- only under the output folder, and only once per build (two pages on one path is a bug, not an overwrite);
- skipped without being produced when the change manifest says the same inputs made the file already there;
- otherwise produced, and written only when its bytes differ from the file there, through a temporary file
  and a rename, so that nobody (a server, a reader) ever sees half a file;
- announced with Pelican's content_written signal whether written or not, so that a plugin that lists the
  site's files (a sitemap) sees the whole site on a rebuild too.
A file whose bytes are made elsewhere while the build goes on (a PNG drawn in the chart pool) is asked for with
`later` and written by finish().
"""

import logging
import os
from collections import Counter
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)


class OutputPathError(ValueError):
    """A path the build was asked to write that would leave the output folder or overwrite another file."""


class SiteOutput:
    def __init__(self, output_path, manifest, context):
        self.root = Path(os.path.abspath(output_path))
        self._inside = str(self.root) + os.sep
        self.manifest = manifest
        self.context = context  # what content_written sends with a file that is not a page
        self.claimed = set()
        self.deferred = []
        self.written = Counter()  # kind ("html", "csv", …) → files written
        self.kept = Counter()  # kind → files left as they were

    def target(self, save_as):
        """The file for a site path; refuses a path outside the output folder, and a path written twice."""
        normal = os.path.normpath(os.path.join(self._inside, save_as))
        if not normal.startswith(self._inside):
            raise OutputPathError(f"{save_as!r} is not a path inside the output folder {self.root}")
        path = Path(normal)
        if save_as in self.claimed:
            raise OutputPathError(f"{save_as!r} was already written by this build: two files on one path")
        self.claimed.add(save_as)
        return path

    def write(self, save_as, produce, digest=None, context=None):
        """Write the file at save_as (a site path) with what produce() returns (str or bytes), unless it is
        unchanged: digest is the file's inputs (manifest.digest), or None to produce it every time and compare
        bytes. context: what content_written sends with it (a page's template context). Returns True when the
        file was written."""
        path = self.target(save_as)
        if digest is not None and self.manifest.unchanged(save_as, digest, path):
            return self._done(path, False, context)
        return self._done(path, self._put(path, produce()), context)

    def later(self, save_as, start, digest):
        """Like write, for bytes made elsewhere while the build goes on: start() is called now, only when the
        file must be made, and returns a function that gives the bytes (waiting for them); finish() writes them."""
        path = self.target(save_as)
        if self.manifest.unchanged(save_as, digest, path):
            self._done(path, False, None)
        else:
            self.deferred.append((path, start()))

    def finish(self):
        """Write what `later` asked for."""
        deferred, self.deferred = self.deferred, []
        for path, made in deferred:
            self._done(path, self._put(path, made()), None)

    def _put(self, path, data):
        data = data.encode("utf-8") if isinstance(data, str) else data
        if same_bytes(path, data):
            return False
        replace(path, data)
        return True

    def _done(self, path, written, context):
        (self.written if written else self.kept)[path.suffix.lstrip(".") or "file"] += 1
        signals.content_written.send(str(path), context=self.context if context is None else context)
        return written

    def summary(self):
        """"html 3518 (3200 unchanged), csv 65 (65 unchanged)": for the build log."""
        kinds = sorted(set(self.written) | set(self.kept))
        return ", ".join(f"{kind} {self.written[kind] + self.kept[kind]} ({self.kept[kind]} unchanged)"
                         for kind in kinds)


def same_bytes(path, data):
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def replace(path, data):
    """Write through a temporary file beside the target and rename it over: the file is old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
