"""The change manifest: skip making a file that would come out the same as the one already in the output folder.

Pelican writes every file on every run; at state size that is most of a rebuild. A file's digest covers
everything that shapes it: the build's fingerprint (templates, stylesheet, catalogs, plugin code, libraries,
settings, the unit and series names every page uses), its path, and its own inputs (a page's language, model and
charts; a chart's spec key). The digests of the last build into an output folder are kept in the cache; a file whose
digest is unchanged and which is still there is not made again (output.SiteOutput asks).

A manifest is trusted only for the folder it was written for: it names that folder (device and inode, which
a rename keeps) and is saved, in one rename, after every file of the new site is written and before the new
folder takes the output folder's place (swap.py). A build stopped before that place is taken leaves a
manifest that names a folder which is not the output folder, and the next build trusts nothing.
"""

import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path

from .files import identity

PLUGIN = Path(__file__).resolve().parent.parent


# The libraries whose version can change a page's bytes: its templates' rendering and escaping, its numbers and
# dates (CLDR data), the Markdown pages, the downloads' rows.
PAGE_LIBRARIES = ("Babel", "Jinja2", "MarkupSafe", "Markdown", "Pygments", "pelican", "pandas")


def fingerprint(theme, translations, settings, shared):
    """One digest of what every page depends on besides its own model. Files count by their place in their
    folder and their bytes, so that the same theme in another folder is the same build."""
    digest = hashlib.sha256()
    digest.update(" ".join(f"{name}=={version(name)}" for name in PAGE_LIBRARIES).encode())
    folders = (("theme", Path(theme), "*"), ("translations", Path(translations), "*.mo"), ("plugin", PLUGIN, "*.py"))
    for label, folder, pattern in folders:
        for file in sorted(folder.rglob(pattern)):
            if file.is_file():
                digest.update(f"{label}/{file.relative_to(folder).as_posix()}".encode())
                digest.update(file.read_bytes())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    digest.update(json.dumps(shared, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class Manifest:
    """The digests of the pages written into one output folder, kept between builds."""

    def __init__(self, cache_dir, output_path, build_fingerprint):
        """output_path: the output folder as published (the site the previous build finished)."""
        output = str(Path(output_path).resolve())
        name = hashlib.sha256(output.encode()).hexdigest()[:16]
        self.file = Path(cache_dir) / f"pages-{name}.json"
        self.output = Path(output)
        self.fingerprint = build_fingerprint
        try:
            saved = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        folder = identity(self.output)
        self.previous = saved.get("files", {}) if folder is not None and saved.get("folder") == folder else {}
        self.current = {}

    def digest(self, save_as, *inputs):
        """The digest of the file at save_as made from inputs (strings), in this build."""
        return hashlib.blake2b("|".join((self.fingerprint, save_as, *inputs)).encode(), digest_size=20).hexdigest()

    def unchanged(self, save_as, digest, path):
        """Record the file's digest; True when the published file at path is already what this digest makes."""
        self.current[save_as] = digest
        return self.previous.get(save_as) == digest and os.path.isfile(path)

    def save(self, folder):
        """The digests of the files written into folder (the new site, not yet in the output folder's place),
        through a temporary file and a rename: a build stopped while saving leaves the previous manifest."""
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(".partial")
        partial.write_text(json.dumps({"folder": identity(folder), "files": self.current}, sort_keys=True),
                           encoding="utf-8")
        os.replace(partial, self.file)
