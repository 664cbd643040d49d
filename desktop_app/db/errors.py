"""Turns SQLite's error codes into one sentence the user can act on.

Classified by the error code SQLite returns (`sqlite_errorcode`), not by its English wording, which
SQLite does not promise to keep; the wording is the fallback only when a driver gives no code.

Anything not recognised here is re-raised untouched: it is a bug, and the caller logs it.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.domain.errors import DatabaseCorrupt, DatabaseFull, DatabaseLocked, DatabaseReadOnly, UserError
from desktop_app.domain.texts import Text
from desktop_app.logs import logger

log = logger("db")


# SQLite's primary result codes (the low byte of an extended code), as the sqlite3 module names them.
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}
_FULL = {sqlite3.SQLITE_FULL}
_IO = {sqlite3.SQLITE_IOERR}


def error_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of `error`, or None when the driver did not say (then the text decides)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def user_error_for(error: BaseException, path: Path) -> UserError | None:
    """One sentence of the one user-facing type, chosen by SQLite's error code (busy, locked, full,
    corrupt, read-only); None for anything else, which is a bug for the caller to log."""
    original = getattr(error, "orig", error) if _is_dbapi_error(error) else error
    if not isinstance(original, sqlite3.Error):
        return None
    name = path.name
    kind = _kind(original)
    if kind is not None:
        log.info("%s: SQLite error %s (%s) on %s", kind, getattr(original, "sqlite_errorname", "?"), original, name)
    if kind == "busy":
        return DatabaseLocked(
            Text("The database %1 is in use by another program or window; try again in a moment.", name))
    if kind == "corrupt":
        return DatabaseCorrupt(
            Text("The database %1 is damaged or is not a Dialogue Register database; "
                 "restore it from a backup.", name))
    if kind == "read-only":
        if _file_read_only(path):  # the folder is not to blame: saying so sent the officer to the wrong place
            return DatabaseReadOnly(Text("The database file %1 is read-only; allow writing to it in its "
                                         "permissions to change it.", name))
        return DatabaseReadOnly(Text("The database %1 cannot be written here; check the folder's permissions.", name))
    if kind == "full":
        return DatabaseFull(Text("The disk holding %1 is full; free some space and try again.", name))
    if kind == "io":  # a full tmpfs or a stick pulled out: SQLite cannot map its -shm file
        return DatabaseFull(Text("The disk holding %1 could not be written (it may be full or removed); free some "
                                 "space or check the disk, and try again.", name))
    if isinstance(original, sqlite3.IntegrityError):
        return UserError(Text("The change was refused by the database's own rules (%1).", original))
    return None


def _file_read_only(path: Path) -> bool:
    """The database file itself may not be written (asked of the file system, never open()ed)."""
    try:
        return Path(path).is_file() and not os.access(path, os.W_OK)
    except OSError:
        return False


def _kind(error: sqlite3.Error) -> str | None:
    code = error_code(error)
    if code is not None:
        for kind, codes in (("busy", _BUSY), ("corrupt", _CORRUPT), ("read-only", _READ_ONLY), ("full", _FULL),
                            ("io", _IO)):
            if code in codes:
                return kind
        return None
    text = str(error).lower()  # no code given (a driver that does not carry it): SQLite's own wording
    if "locked" in text or "busy" in text:
        return "busy"
    if "not a database" in text or "malformed" in text or "disk image" in text or "corrupt" in text:
        return "corrupt"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "read-only"
    if "disk is full" in text:
        return "full"
    if "disk i/o error" in text:
        return "io"
    return None


def _is_dbapi_error(error: BaseException) -> bool:
    """SQLAlchemy's wrapper of a driver error. Asked of SQLAlchemy only when it is loaded: the first
    window reads its page through sqlite3 before SQLAlchemy is imported (issue 19), and no such error
    can exist before."""
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.DBAPIError)


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        if not isinstance(error, sqlite3.Error) and not _is_dbapi_error(error):
            raise
        user_error = user_error_for(error, path)
        if user_error is None:
            raise
        raise user_error from error
