"""Which database files this process holds open through SQLite, so nothing else here reads them raw.

Closing ANY descriptor of a file drops every POSIX lock the process holds on it, SQLite's included
(SQLite's own documentation, "How To Corrupt An SQLite Database File", 2.2). A process that reads the
live file with `open()` is left without locks: the next program to close the database believes it is
the last, checkpoints and deletes the `-wal`, and this process goes on writing into the deleted log,
its saves invisible to everyone and lost when it ends. So a raw read of a database file (the header
check that refuses foreign or cut-off files untouched) is only allowed while this registry says no
connection of this process has the file open; otherwise the checks go through SQLite.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

_lock = threading.Lock()
_open: Counter[str] = Counter()


def _key(path: Path | str) -> str:
    return os.path.realpath(Path(path).expanduser().absolute())


def hold(path: Path | str) -> str:
    """Note that a connection to `path` is open in this process; returns the key to `let_go` with."""
    key = _key(path)
    with _lock:
        _open[key] += 1
    return key


def let_go(key: str) -> None:
    with _lock:
        if _open[key] > 1:
            _open[key] -= 1
        else:
            _open.pop(key, None)


def is_held(path: Path | str) -> bool:
    """True while any connection of this process is open on `path`: then never open() the file itself."""
    key = _key(path)
    with _lock:
        return _open[key] > 0 if key in _open else False
