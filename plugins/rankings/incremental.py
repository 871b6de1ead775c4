"""Skip writing a page that would come out the same as the one already in the output folder.

Pelican writes every file on every run; at state size that is most of a rebuild. A page's digest covers
everything that shapes it: the build's fingerprint (templates, stylesheet, catalogs, plugin code, settings,
the unit and series names every page uses), its language, its model and its charts. The digests of the last
build into an output folder are kept in the cache; a page whose digest is unchanged and whose file is still
there is not rendered again. A cleaned output folder (DELETE_OUTPUT_DIRECTORY) simply gets everything.
"""

import hashlib
import json
import pickle
from pathlib import Path

PLUGIN = Path(__file__).resolve().parent


def fingerprint(theme, translations, settings, shared):
    """One digest of what every page depends on besides its own model."""
    digest = hashlib.sha256()
    files = [*sorted(Path(theme).rglob("*")), *sorted(Path(translations).rglob("*.mo")), *sorted(PLUGIN.glob("*.py"))]
    for file in files:
        if file.is_file():
            digest.update(str(file.relative_to(file.anchor)).encode())
            digest.update(file.read_bytes())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    digest.update(json.dumps(shared, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class Manifest:
    """The digests of the pages written into one output folder, kept between builds."""

    def __init__(self, cache_dir, output_path, build_fingerprint):
        output = str(Path(output_path).resolve())
        name = hashlib.sha256(output.encode()).hexdigest()[:16]
        self.file = Path(cache_dir) / f"pages-{name}.json"
        self.output = Path(output)
        self.fingerprint = build_fingerprint
        try:
            self.previous = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.previous = {}
        self.current = {}
        self.skipped = 0

    @staticmethod
    def model_digest(model, chart_keys):
        """A page model's digest, the same for both languages. Pickle is the fast way to serialise rows;
        models are built in the same order every time, so equal models pickle equally."""
        return hashlib.blake2b(pickle.dumps((model, chart_keys), protocol=5), digest_size=20).hexdigest()

    def digest(self, save_as, language, model_digest):
        return hashlib.blake2b(f"{self.fingerprint}|{save_as}|{language}|{model_digest}".encode(),
                               digest_size=20).hexdigest()

    def unchanged(self, save_as, digest):
        """Record the page's digest; True when the file in the output folder is already this page."""
        self.current[save_as] = digest
        same = self.previous.get(save_as) == digest and (self.output / save_as).is_file()
        self.skipped += same
        return same

    def save(self):
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.file.write_text(json.dumps(self.current, sort_keys=True), encoding="utf-8")
