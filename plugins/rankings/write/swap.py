"""Old or new, never a mix, never nothing: how a build takes the place of the site in the output folder.

A build never writes into the output folder itself. It takes a lock beside it (<output>.lock; a second build
into the same folder waits for the first), writes the whole new site into a folder of its own beside it
(<output>.partial), and only when every file is there puts that folder in the output folder's place in one
step: renameat2(RENAME_EXCHANGE), which swaps the two names atomically, so the output folder is at every
instant either the complete previous site or the complete new one. The previous site, now under
<output>.partial, is then removed. Files that have not changed are hard links to the previous site's files
(output.py), so the new folder costs little time and disk.

Whatever stops a build before the swap (bad data, an exception, Ctrl-C, kill -9, a full disk) leaves the
output folder as it was; the next build removes what the stopped one left beside it. Where the file system
cannot exchange two names (RENAME_EXCHANGE is Linux's), the old folder is renamed to <output>.previous and the
new one into place: for that moment there is no output folder, and a build stopped exactly then is put right
by the next one, which renames <output>.previous back before anything else.

An output folder that is a symbolic link (a web root pointed at the real folder) stays a link: the build works
beside the folder it leads to, which is the one that takes the new site.
"""

import atexit
import ctypes
import errno
import fcntl
import logging
import os
import shutil
from pathlib import Path

from . import faults
from .files import link_tree, remove, remove_path

logger = logging.getLogger(__name__)

RENAME_EXCHANGE = 2
AT_FDCWD = -100


class OutputFolderError(RuntimeError):
    """The new site could not be put in the output folder's place (it is left beside it)."""


def partial_path(output):
    return Path(f"{output}.partial")


def previous_path(output):
    return Path(f"{output}.previous")


def lock_path(output):
    return Path(f"{output}.lock")


# This process's locks: a build that failed in this process (a test, a long-running caller) is over, and its
# lock is given back before the next build into the same folder takes it.
_held = {}


class SiteBuild:
    """One build into one output folder: begin() → the folder to write the site in; finish() → it is the site."""

    def __init__(self, output, retention=()):
        self.named = Path(os.path.abspath(output))  # as given: perhaps a link
        # The folder itself: swapping the link's name would leave the link's target with the old site.
        self.output = Path(os.path.realpath(self.named))
        self.partial = partial_path(self.output)
        self.retention = tuple(retention)  # names Pelican's OUTPUT_RETENTION keeps in the output folder
        self.finished = False

    def begin(self):
        self._lock()
        self._recover()
        self.partial.mkdir(parents=True)
        atexit.register(self._abandon)
        return self.partial

    def finish(self):
        """Put the new site in the output folder's place, then remove the previous one."""
        for name in self.retention:
            kept = self.output / name
            if kept.exists() and not (self.partial / name).exists():
                link_tree(kept, self.partial / name)
        faults.reached("before-swap")
        if self.output.exists():
            try:
                exchange(self.partial, self.output)
            except OSError as error:
                # EINVAL, ENOTSUP: the file system cannot exchange; ENOSYS, EPERM: the kernel or a sandbox refuses
                if error.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EPERM):
                    raise OutputFolderError(self._cannot(error)) from error
                self._replace_in_two_steps()
            else:
                faults.reached("after-swap")
                remove(self.partial)  # the previous site
        else:
            self.partial.rename(self.output)
        self.finished = True
        self._unlock()

    def _replace_in_two_steps(self):
        previous = previous_path(self.output)
        try:
            self.output.rename(previous)
        except OSError as error:
            raise OutputFolderError(self._cannot(error)) from error
        try:
            faults.reached("between-renames")
            self.partial.rename(self.output)
        except OSError as error:
            previous.rename(self.output)  # the previous site back at once
            raise OutputFolderError(self._cannot(error)) from error
        remove(previous)

    def _cannot(self, error):
        return (f"the new site could not take the place of {self.output} ({error.strerror or error}); "
                f"the output folder is as it was, and the new site is in {self.partial}")

    def _lock(self):
        lock = lock_path(self.output)
        lock.parent.mkdir(parents=True, exist_ok=True)
        stale = _held.pop(str(lock), None)
        if stale is not None:
            os.close(stale)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "another process"
            logger.warning("Another build into %s is running (process %s); this one waits for it to finish.",
                           self.output, holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _held[str(lock)] = fd

    def _unlock(self):
        fd = _held.pop(str(lock_path(self.output)), None)
        if fd is not None:
            os.close(fd)  # closing gives the lock back

    def _recover(self):
        """What a stopped build left: the previous site in <output>.previous when the output folder is
        missing (stopped between two renames) goes back; a half-written <output>.partial goes."""
        previous = previous_path(self.output)
        if previous.exists():
            if not self.output.exists():
                logger.warning("%s was missing: a build was stopped while replacing it; the previous site is put "
                               "back.", self.output)
                previous.rename(self.output)
            else:
                remove_path(previous)
        if self.partial.is_symlink() or self.partial.exists():
            logger.info("Removing %s, left by a build that was stopped.", self.partial)
            remove_path(self.partial)
        beside_link = partial_path(self.named)
        if beside_link != self.partial and beside_link.is_symlink():
            # What a build before links were followed left beside the link: a link to the old site.
            logger.info("Removing %s, a link left by an earlier build.", beside_link)
            beside_link.unlink()

    def _abandon(self):
        """At exit, for a build that did not finish: its half-written folder goes, the output folder stays."""
        if not self.finished:
            shutil.rmtree(self.partial, ignore_errors=True)
            self._unlock()


def exchange(a, b):
    """Swap the names of two folders in one step (Linux renameat2 with RENAME_EXCHANGE)."""
    faults.reached("exchange")
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number))
