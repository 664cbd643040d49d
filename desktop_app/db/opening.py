"""Opening a database file: create it (owner-only) if missing, refuse what is not ours, migrate."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from pathlib import Path

from desktop_app.db import live_files, migrate
from desktop_app.db.engine import BUSY_TIMEOUT_SECONDS
from desktop_app.db.errors import translated_errors, user_error_for
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import DatabaseCorrupt, DatabaseFull, DatabaseReadOnly, NewerSchema, UserError
from desktop_app.domain.texts import Text

SQLITE_HEADER = b"SQLite format 3\x00"
# Files up to this size get a full read-only quick_check on opening (a few milliseconds a megabyte).
QUICK_CHECK_LIMIT = 64 * 1024 * 1024


def open_database(path: Path | str, busy_timeout: float | None = None, quick_check: bool = True) -> Database:
    """`quick_check=False`: the header and schema checks run here, SQLite's quick_check is left to the
    caller to run later (`quick_check_finds_damage`), off the officer's way (issue 19) — unless a
    migration is due, which must never run on a damaged file.

    A file the read-only probe found at the schema head is handed back without an engine: the
    engine, and SQLAlchemy with it, is made on first use (`Database.engine`), so the first window can
    show its list before importing SQLAlchemy (issue 19)."""
    path = Path(path).expanduser().absolute()
    created, at_head = _prepare_file(path, quick_check)
    timeout = BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout
    if at_head and not created:
        return Database(path, busy_timeout=timeout)
    from desktop_app.db.engine import make_engine
    from desktop_app.db.migrate import upgrade

    engine = make_engine(path, timeout)
    try:
        with translated_errors(path):
            try:
                upgrade(engine, path)
            except OSError as error:
                if error.errno not in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                    raise
                raise UserError(Text("The disk holding %1 is full; free some space and try again.",
                                     path.name)) from error
    except BaseException:
        engine.dispose()
        if created:  # a half-made new file would later be called "not a Dialogue Register database"
            _remove_unfinished(path)
        raise
    return Database(path, engine, busy_timeout=timeout)


def _remove_unfinished(path: Path) -> None:
    for name in (str(path), f"{path}-wal", f"{path}-shm", f"{path}-journal"):
        with contextlib.suppress(OSError):
            Path(name).unlink()


def refuse_what_is_no_file(path: Path) -> None:
    """A folder, a named pipe or a device cannot be a database: one sentence, before anything opens it
    (a FIFO's header read would wait for ever for a writer; /dev/null was called a full disk)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (then created) or unreadable: the steps after say which
    if stat.S_ISDIR(mode):
        raise UserError(Text("%1 is a folder; give the path of a database file instead.", path))
    if not stat.S_ISREG(mode):
        raise UserError(Text("%1 is not an ordinary file (a device or a pipe), so it is not a database.", path))


def _prepare_file(path: Path, quick_check: bool = True) -> tuple[bool, bool]:
    """Refuse what cannot be a database; returns (created just now, found at the schema head)."""
    refuse_what_is_no_file(path)
    if path.is_symlink() and not path.exists():  # never a new database where a missing one is expected
        raise UserError(Text("%1 is a link to %2, which is not there (moved, or on a drive that is not "
                             "connected); connect it, or open another database.", path, os.path.realpath(path)))
    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(Text("The folder %1 cannot be created (%2).", folder, error.strerror)) from error
    if path.exists():
        at_head = _refuse_foreign(path, quick_check)
        if path.exists():
            return False, at_head
    if not os.access(folder, os.W_OK):
        raise UserError(Text("The folder %1 is read-only; choose another place for the database.", folder))
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return False, _refuse_foreign(path, quick_check)
    except OSError as error:
        raise UserError(Text("The database %1 cannot be created (%2).", path, error.strerror)) from error
    return True, False


def _refuse_foreign(path: Path, quick_check: bool = True) -> bool:
    """Refuse a damaged or foreign file before any engine touches it, so it stays byte-for-byte as it was.

    The engine switches every file it opens to WAL, which rewrites the header: a file that is not a
    sound Dialogue Register database must be turned away here, by reading only.
    The raw read happens only before this process's first connection to the file (db.live_files):
    closing the read's descriptor would drop the locks that connection holds. A file already open
    here passed these checks when it was opened; SQLite's own read-only probe still runs.
    """
    damaged = DatabaseCorrupt(Text("%1 is damaged or is not a Dialogue Register database; "
                                   "restore it from a backup.", path.name))
    if live_files.is_held(path):
        return _probe_read_only(path, path.stat().st_size, damaged, quick_check)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise UserError(Text("The database %1 cannot be read (%2).", path, error.strerror)) from error
    if size == 0:
        if any((path.parent / "backups").glob(f"{path.stem}-*.sqlite3")):
            raise DatabaseCorrupt(Text("%1 is empty although it has backups (it was probably cut off when the disk "
                                       "was full or the computer lost power); restore it from a backup.", path.name))
        return False  # a brand-new file: the schema is created in it
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise damaged
    if _truncated(header, size) and not _wal_holds_pages(path):
        raise DatabaseCorrupt(Text("%1 is shorter than it should be (it was cut off); "
                                   "restore it from a backup.", path.name))
    return _probe_read_only(path, size, damaged, quick_check)


def _wal_holds_pages(path: Path) -> bool:
    """A crash during a checkpoint leaves the file's header counting pages that are still only in the
    write-ahead log beside it; SQLite finishes the checkpoint from the log on the next open. Such a
    file is sound and must not be called cut off (the read-only probe and quick check still run)."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _truncated(header: bytes, size: int) -> bool:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return True
    if size % page_size:
        return True
    pages = int.from_bytes(header[28:32], "big")
    header_count_valid = header[24:28] == header[92:96]
    return header_count_valid and pages * page_size > size


def _stored_revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def _refuse_newer(path: Path, connection: sqlite3.Connection) -> bool:
    """Refuses a file of a newer program; True when this program will migrate it."""
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None or row[0] == migrate.SCHEMA_HEAD:
        return False
    from desktop_app.db.migrate import known_revisions

    if row[0] not in known_revisions():
        raise NewerSchema(Text("The database %1 was written by a newer version of Dialogue "
                               "Register; install the newer version to open it.", path.name))
    return True


def _unfinished_creation(connection: sqlite3.Connection, tables: set[str]) -> bool:
    """Only tables of ours, all empty, and no schema version stored: a creation that never finished."""
    if "alembic_version" in tables and _stored_revision(connection) is not None:
        return False  # a version stored: finished (and the models need not be imported to see it)
    from desktop_app.db.models import SEARCH_INDEXES, Base

    index = {name + part for name in SEARCH_INDEXES for part in ("", "_data", "_idx", "_content", "_docsize",
                                                                  "_config")}
    ours = set(Base.metadata.tables) | {"alembic_version"} | index
    if not tables <= ours:
        return False
    return all(connection.execute(f'SELECT NOT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]
               for table in tables)


def _quick_check_fails(connection: sqlite3.Connection, size: int) -> bool:
    """SQLite's quick_check of a file up to QUICK_CHECK_LIMIT (larger ones: `check` does the full one)."""
    if size > QUICK_CHECK_LIMIT:
        return False
    return [row[0] for row in connection.execute("PRAGMA quick_check(1)")] != ["ok"]


def quick_check_finds_damage(path: Path) -> bool:
    """The quick_check left for after the window's first paint or a command's answer (issue 19), asked
    of SQLite read-only: this process holds a connection to the file (never open() it, docs/opening.md)."""
    path = Path(path).absolute()
    try:
        size = path.stat().st_size
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    except (OSError, sqlite3.Error):
        return False  # gone or unreadable now: the next open says so
    try:
        return _quick_check_fails(connection, size)
    except sqlite3.OperationalError as error:  # busy or locked: someone writes; the next open checks again
        return (getattr(error, "sqlite_errorcode", 0) & 0xFF) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    except sqlite3.DatabaseError:
        return True
    finally:
        connection.close()


def _probe_read_only(path: Path, size: int, damaged: DatabaseCorrupt, quick_check: bool = True) -> bool:
    """True when the file is sound as far as checked and its schema is at the head (no upgrade due)."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        raise _damage_unless_said(error, path, damaged) from error
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and _unfinished_creation(connection, tables):
            connection.close()
            _remove_unfinished(path)  # our own creation, cut short (a kill, a full disk): made again
            return False
        if tables and "alembic_version" not in tables:
            raise UserError(Text("This SQLite file was not made by Dialogue Register; open or create "
                                 "a Dialogue Register database instead."))
        migrating = "alembic_version" in tables and _refuse_newer(path, connection)
        if (quick_check or migrating) and _quick_check_fails(connection, size):
            raise damaged
        return "alembic_version" in tables and not migrating and _stored_revision(connection) == migrate.SCHEMA_HEAD
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            return False  # someone is writing: it is in use, hence a database; the engine waits for it
        raise _damage_unless_said(error, path, damaged) from error
    except sqlite3.DatabaseError as error:
        raise damaged from error
    finally:
        connection.close()


def _damage_unless_said(error: sqlite3.Error, path: Path, damaged: DatabaseCorrupt) -> UserError:
    """What a failed probe means: damage, unless SQLite's code says it could not read for another reason.

    A WAL database needs its `-shm` beside it even to be read: in a folder the officer may not write
    (a read-only share or stick) SQLite answers SQLITE_READONLY_DIRECTORY; a full or removed disk, an
    I/O error. Calling such a sound file damaged sent the officer to restore good records over it."""
    said = user_error_for(error, path)
    return said if isinstance(said, (DatabaseReadOnly, DatabaseFull)) else damaged
