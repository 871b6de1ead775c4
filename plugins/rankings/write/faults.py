"""Faults on purpose, for the tests of a build that is stopped part-way (tests/test_safety.py).

    RANKINGS_FAULT=<point>:<n>:<action>[,<point>:<n>:<action>…]     e.g. writing:300:kill

The build calls reached(point) at a few named points: "writing" for every file it writes, "before-swap" and
"after-swap" around the moment the new site takes the output folder's place, "exchange" where it swaps the two
folders, "between-renames" in the fallback without RENAME_EXCHANGE. The n-th time a point is reached, the
action happens: kill (SIGKILL, as `kill -9` does), interrupt (SIGINT, as Ctrl-C does), error (an exception),
disk-full (ENOSPC), unsupported (ENOSYS, as a file system without RENAME_EXCHANGE answers), pause (SIGSTOP: the
build stands still where it is, its lock held, until a test sends SIGCONT). Without the variable nothing happens.
"""

import errno
import os
import signal

_counts = {}


def reached(point):
    faults = os.environ.get("RANKINGS_FAULT")
    if not faults:
        return
    for fault in faults.split(","):
        where, n, action = fault.split(":")
        if where != point:
            continue
        _counts[fault] = _counts.get(fault, 0) + 1
        if _counts[fault] == int(n):
            _act(point, action)


def _act(point, action):
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "interrupt":
        os.kill(os.getpid(), signal.SIGINT)
    elif action == "pause":
        os.kill(os.getpid(), signal.SIGSTOP)
    elif action == "disk-full":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    elif action == "unsupported":
        raise OSError(errno.ENOSYS, os.strerror(errno.ENOSYS))
    else:
        raise RuntimeError(f"a fault on purpose at {point} (RANKINGS_FAULT)")
