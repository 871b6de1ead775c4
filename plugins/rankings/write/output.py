"""The one way the plugin writes a file of the site: HTML, CSV, SVG, PNG, feeds.

A build writes the new site into a folder of its own (swap.py), beside the published one. Every file goes
through SiteOutput.write:
- only under that folder, and only once per build (two files on one path is a bug, not an overwrite);
- when the change manifest says the same inputs made the published file, that file is hard-linked into the new
  site without being made again; otherwise it is made, and linked all the same when its bytes equal the
  published file's (so an unchanged file keeps its inode and time, and rsync and the tests see it unchanged);
  only a file that is new or different is written;
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

from . import faults
from .files import link_or_copy

logger = logging.getLogger(__name__)


class OutputPathError(ValueError):
    """A path the build was asked to write that would leave the output folder or overwrite another file."""


class SiteOutput:
    def __init__(self, output_path, manifest, context, published=None):
        """output_path: the folder the new site is written in; published: the output folder as it is now (the
        previous build's site), where unchanged files are taken from; by default the same folder."""
        self.root = Path(os.path.abspath(output_path))
        self.published = Path(os.path.abspath(published)) if published else self.root
        self._inside = str(self.root) + os.sep
        self._published_inside = str(self.published) + os.sep
        self.manifest = manifest
        self.context = context  # what content_written sends with a file that is not a page
        self.claimed = set()
        self.folders = set()  # made in this build: one mkdir per folder, not per file
        self.deferred = []
        self.written = Counter()  # kind ("html", "csv", …) → files written
        self.kept = Counter()  # kind → files left as they were

    def target(self, save_as):
        """The file for a site path and the published file it replaces, as text (a rebuild at state size keeps
        15,000 files: Path objects for them cost more than linking them); refuses a path outside the output folder,
        and a path written twice."""
        normal = os.path.normpath(os.path.join(self._inside, save_as))
        if not normal.startswith(self._inside):
            raise OutputPathError(f"{save_as!r} is not a path inside the output folder {self.root}")
        if save_as in self.claimed:
            raise OutputPathError(f"{save_as!r} was already written by this build: two files on one path")
        self.claimed.add(save_as)
        return normal, self._published_inside + normal[len(self._inside):]

    def write(self, save_as, produce, digest=None, context=None):
        """Write the file at save_as (a site path) with what produce() returns (str or bytes), unless it is
        unchanged: digest is the file's inputs (manifest.digest), or None to produce it every time and compare
        bytes. context: what content_written sends with it (a page's template context). Returns True when the
        file was written."""
        path, published = self.target(save_as)
        if digest is not None and self.manifest.unchanged(save_as, digest, published):
            return self._done(path, self._keep(published, path), context)
        return self._done(path, self._put(path, published, produce()), context)

    def add(self, files):
        """Write the SiteFiles the render stage gives (render/site_file.py), each unless it is unchanged."""
        for file in files:
            digest = None if file.inputs is None else self.manifest.digest(file.path, *file.inputs)
            if file.drawn:
                self.later(file.path, file.make, digest)
            else:
                self.write(file.path, file.make, digest, file.context)

    def later(self, save_as, start, digest):
        """Like write, for bytes made elsewhere while the build goes on: start() is called now, only when the
        file must be made, and returns a function that gives the bytes (waiting for them); finish() writes them."""
        path, published = self.target(save_as)
        if self.manifest.unchanged(save_as, digest, published):
            self._done(path, self._keep(published, path), None)
        else:
            self.deferred.append((path, published, start()))

    def finish(self):
        """Write what `later` asked for."""
        deferred, self.deferred = self.deferred, []
        for path, published, made in deferred:
            self._done(path, self._put(path, published, made()), None)

    def _folder(self, path):
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)

    def _keep(self, published, path):
        """The published file, as it is, in the new site. False: nothing was written."""
        if published != path:
            self._folder(path)
            link_or_copy(published, path)
        return False

    def _put(self, path, published, data):
        data = data.encode("utf-8") if isinstance(data, str) else data
        if same_bytes(published, data):
            return self._keep(published, path)
        faults.reached("writing")
        self._folder(path)
        if published == path:  # writing in the published folder itself: never half a file there
            partial = Path(path).with_name(f".{os.path.basename(path)}.{os.getpid()}.partial")
            partial.write_bytes(data)
            os.replace(partial, path)
        else:
            Path(path).write_bytes(data)
        return True

    def _done(self, path, written, context):
        (self.written if written else self.kept)[os.path.splitext(path)[1].lstrip(".") or "file"] += 1
        signals.content_written.send(path, context=self.context if context is None else context)
        return written

    def summary(self):
        """"html 3518 (3200 unchanged), csv 65 (65 unchanged)": for the build log."""
        kinds = sorted(set(self.written) | set(self.kept))
        return ", ".join(f"{kind} {self.written[kind] + self.kept[kind]} ({self.kept[kind]} unchanged)"
                         for kind in kinds)


def same_bytes(path, data):
    try:
        if os.path.getsize(path) != len(data):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False
