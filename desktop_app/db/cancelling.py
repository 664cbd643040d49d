"""Cancel a database statement from the window: the worker's thread marks itself, SQLite interrupts.

Every connection gets a progress handler (db.engine) that SQLite calls every few thousand steps of a
statement, in the thread running it. The handler asks whether *this thread's* work was cancelled; if
so SQLite stops the statement with SQLITE_INTERRUPT, the unit of work rolls back, and nothing of the
cancelled work is written. Threads that never marked themselves (the window's own, the CLI) are never
interrupted, so a pooled connection moving between threads carries no stale flag.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STEPS = 20_000  # virtual-machine steps between two looks at the flag: negligible cost, prompt stop
_local = threading.local()


def cancel_requested() -> bool:
    """For SQLite's progress handler: non-zero stops the statement running in this thread."""
    event: threading.Event | None = getattr(_local, "event", None)
    return event is not None and event.is_set()


@contextmanager
def cancellable(event: threading.Event) -> Iterator[None]:
    """Statements run by this thread inside the block stop once `event` is set."""
    previous = getattr(_local, "event", None)
    _local.event = event
    try:
        yield
    finally:
        _local.event = previous


def was_interrupted(error: BaseException) -> bool:
    """True for SQLite's 'interrupted' (the cancelled statement), however it was wrapped."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        exc = sys.modules.get("sqlalchemy.exc")  # no SQLAlchemy loaded: no error of its kind (issue 19)
        original = getattr(current, "orig", current) if exc and isinstance(current, exc.DBAPIError) else current
        if isinstance(original, sqlite3.Error) and (getattr(original, "sqlite_errorcode", 0) & 0xFF) == \
                sqlite3.SQLITE_INTERRUPT:
            return True
        current = current.__cause__ or current.__context__
    return False
