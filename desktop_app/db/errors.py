"""Turns SQLite's error codes into one sentence the user can act on.

Anything not recognised here is re-raised untouched: it is a bug, and the caller logs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop_app.domain.errors import DatabaseCorrupt, DatabaseLocked, UserError
from desktop_app.domain.texts import Text


def user_error_for(error: BaseException, path: Path) -> UserError | None:
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    name = path.name
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            Text("The database %1 is in use by another program or window; try again in a moment.", name))
    if "not a database" in text or "malformed" in text or "disk image" in text or "corrupt" in text:
        return DatabaseCorrupt(
            Text("The database %1 is damaged or is not a Dialogue Register database; "
                 "restore it from a backup.", name))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return UserError(Text("The database %1 cannot be written here; check the folder's permissions.", name))
    if "disk is full" in text or "database or disk is full" in text:
        return UserError(Text("The disk holding %1 is full; free some space and try again.", name))
    if "disk i/o error" in text:  # a full tmpfs or a stick pulled out: SQLite cannot map its -shm file
        return UserError(Text("The disk holding %1 could not be written (it may be full or removed); free some "
                              "space or check the disk, and try again.", name))
    if isinstance(original, sqlite3.IntegrityError):
        return UserError(Text("The change was refused by the database's own rules (%1).", original))
    return None


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except (DBAPIError, sqlite3.Error) as error:
        user_error = user_error_for(error, path)
        if user_error is None:
            raise
        raise user_error from error
