"""Files and folders as the build handles them: a folder told by its identity, copies made of hard links, a
folder removed without following a link out of it."""

import logging
import os
import shutil
import sys

logger = logging.getLogger(__name__)


def identity(folder):
    """What tells one folder from another, whatever it is called: device and inode (a rename keeps them)."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return [info.st_dev, info.st_ino]


def remove_path(path):
    """A folder and what is in it; a link is removed itself, never what it leads to."""
    if path.is_symlink() or not path.is_dir():
        path.unlink()
    else:
        shutil.rmtree(path)


def remove(folder):
    """The previous site, once replaced: a file that cannot be removed is told, and the next build tries again."""
    def told(function, path, error):
        logger.warning("Could not remove %s (%s); the next build removes what is left.", path, error)

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=told)
    else:
        shutil.rmtree(folder, onerror=lambda function, path, info: told(function, path, info[1]))


def link_tree(source, target):
    """A copy of a file or folder made of hard links (a copy where links cannot be made)."""
    if source.is_dir():
        shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy)
    else:
        link_or_copy(source, target)


def link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
