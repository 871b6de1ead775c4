"""A file of the site as the render stage gives it to the write stage to write (write/output.py): where it goes,
how its bytes are made, and what shapes them (the change manifest skips it when none of that changed)."""

import hashlib
import io
import pickle
from dataclasses import dataclass
from typing import Callable


@dataclass
class SiteFile:
    path: str  # its path in the site (urls.py)
    make: Callable  # → its text or bytes; for a drawn file, starts the drawing and gives a function to wait for them
    inputs: tuple | None = None  # strings that shape it besides the build's fingerprint; None: made every time
    context: dict | None = None  # a page's template context, sent with content_written (the sitemap reads it)
    drawn: bool = False  # made in the chart pool while the build goes on (a PNG)


def digest_of(*parts, stand_ins=None):
    """The digest of plain data (a page model and its chart keys; a file's rows), the same for every language.
    Pickle is the fast way to serialise rows; models are built in the same order every time, so equal models
    pickle equally. stand_ins: id(dict) → what stands for that dict, whose contents are covered elsewhere
    (SiteModel.stand_ins)."""
    if not stand_ins:
        return hashlib.blake2b(pickle.dumps(parts, protocol=5), digest_size=20).hexdigest()
    serialised = io.BytesIO()
    _Digesting(serialised, stand_ins).dump(parts)
    return hashlib.blake2b(serialised.getbuffer(), digest_size=20).hexdigest()


class _Digesting(pickle.Pickler):
    """Pickles as usual, but writes a dict that has a stand-in as that stand-in (a persistent id), not its contents."""

    def __init__(self, file, stand_ins):
        super().__init__(file, protocol=5)
        self.stand_ins = stand_ins

    def persistent_id(self, obj):
        return self.stand_ins.get(id(obj)) if type(obj) is dict else None
