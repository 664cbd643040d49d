"""Backups of the database file: take them, list them, check them, rotate them, restore one.

Why this shape:
- Copies go through SQLite's online backup API, so a copy taken while a window is saving is still
  a consistent database (a plain file copy of a WAL database can miss the last saves).
- A copy is switched to the rollback journal (`journal_mode=DELETE`), so it is one self-contained
  file that can be opened read-only, mailed or put on a USB stick without its -wal/-shm companions.
- Automatic copies live in `backups/` beside the database, owner-only, named
  `<stem>-<reason>-<UTC stamp>.sqlite3`, so a listing needs no database of its own.
- Rotation (a RetentionPolicy, by default DEFAULT_RETENTION): keep the newest `keep_last` copies, plus
  the newest copy of each of the last `keep_months` calendar months; older ones are deleted. The
  window passes the officer's choice from Settings; the CLI keeps the default. Copies written elsewhere with
  `backup -o FILE` and copies of damaged files are never rotated away.
- A restore verifies the chosen copy first, backs up the current file, builds the replacement as a
  temp file beside the database and swaps it in with `os.replace`, so a crash at any instant leaves
  either the old database or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.db.migrate import SCHEMA_HEAD
from desktop_app.domain.errors import DatabaseCorrupt, DatabaseLocked, UserError
from desktop_app.domain.texts import Text

KEEP_LAST = 10
KEEP_MONTHS = 12
DAILY_INTERVAL = timedelta(hours=24)
DAMAGED_REASON = "damaged"
_NAME = re.compile(r"^(?P<stem>.+?)-(?P<reason>daily|manual|before-restore|before-upgrade-from-[A-Za-z0-9_]+|damaged)"
                   r"-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class RetentionPolicy:
    """How many automatic backups rotation keeps: the newest `keep_last`, plus one a month for `keep_months`.

    A value, not settings: the services stay free of Qt, and the window hands in what the officer chose.
    """

    keep_last: int = KEEP_LAST
    keep_months: int = KEEP_MONTHS

    def __post_init__(self) -> None:
        if self.keep_last < 1 or self.keep_months < 0:
            raise ValueError("keep at least one backup, and a non-negative number of months")

    def describe(self) -> str:
        monthly = (f", plus the newest backup of each of the last {self.keep_months} months"
                   if self.keep_months else "")
        return f"the newest {self.keep_last} backups{monthly}"


DEFAULT_RETENTION = RetentionPolicy()
ROTATION_POLICY = DEFAULT_RETENTION.describe()


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the officer sees it in the restore list."""

    path: Path
    created: datetime  # UTC
    reason: str
    dialogues: int | None = None
    people: int | None = None
    schema: str | None = None
    problem: str | None = None  # why it cannot be restored, if it cannot

    @property
    def usable(self) -> bool:
        return self.problem is None

    def describe(self) -> str:
        when = self.created.astimezone().strftime("%Y-%m-%d %H:%M")
        if self.problem:
            return Text("%1 (%2): cannot be restored, %3", when, self.reason, self.problem)
        return Text("%1 (%2): %3 dialogues, %4 people", when, self.reason, self.dialogues, self.people)


def backups_folder(database_path: Path) -> Path:
    return Path(database_path).absolute().parent / "backups"


# --- taking backups -------------------------------------------------------------------------------

def write_copy(source: Path, target: Path, timeout: float = 5.0) -> Path:
    """A consistent, self-contained, owner-only copy of `source` at `target`, written atomically."""
    target = Path(target).absolute()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    temporary.unlink(missing_ok=True)
    _make_private(temporary)
    try:
        reader = sqlite3.connect(f"{Path(source).absolute().as_uri()}?mode=ro", uri=True, timeout=timeout)
        try:
            writer = sqlite3.connect(temporary)
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")
            finally:
                writer.close()
        finally:
            reader.close()
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync_folder(target.parent)
    except sqlite3.Error as error:
        temporary.unlink(missing_ok=True)
        raise _copy_error(error, Path(source)) from error
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError(Text("The backup %1 cannot be written (%2).", target, error.strerror)) from error
    target.chmod(0o600)
    return target


def back_up(database_path: Path, reason: str = "manual", output: Path | None = None,
            retention: RetentionPolicy = DEFAULT_RETENTION) -> Path:
    """Back up now: into `output` if given, otherwise into `backups/` (then rotate)."""
    database_path = Path(database_path).absolute()
    _require_sound_header(database_path)
    if output is not None:
        output = Path(output).expanduser().absolute()
        if output == database_path:
            raise UserError(Text("The backup cannot be written over the database itself; choose another file name."))
        return write_copy(database_path, output)
    stamp = datetime.now(UTC).strftime(_STAMP)
    target = write_copy(database_path, backups_folder(database_path) / f"{database_path.stem}-{reason}-{stamp}.sqlite3")
    rotate(database_path, retention=retention)
    return target


def back_up_if_due(database_path: Path, now: datetime | None = None,
                   retention: RetentionPolicy = DEFAULT_RETENTION) -> Path | None:
    """The automatic backup on opening: at most one a day, and only of a database holding something.

    Cheap when nothing is due: one directory listing, no database work.
    """
    database_path = Path(database_path).absolute()
    now = now or datetime.now(UTC)
    newest = max((info.created for info in _named_backups(database_path)), default=None)
    if newest is not None and now - newest < DAILY_INTERVAL:
        return None
    if not _holds_records(database_path):
        return None
    return back_up(database_path, "daily", retention=retention)


def rotate(database_path: Path, now: datetime | None = None,
           retention: RetentionPolicy = DEFAULT_RETENTION) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; returns what was deleted."""
    now = now or datetime.now(UTC)
    candidates = [info for info in _named_backups(database_path) if info.reason != DAMAGED_REASON]
    candidates.sort(key=lambda info: info.created, reverse=True)
    keep = {info.path for info in candidates[:retention.keep_last]}
    oldest_month = _month_index(now) - (retention.keep_months - 1)
    seen_months: set[int] = set()
    for info in candidates:
        month = _month_index(info.created)
        if month >= oldest_month and month not in seen_months:
            seen_months.add(month)
            keep.add(info.path)
    deleted = []
    for info in candidates:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            deleted.append(info.path)
    return deleted


# --- looking at backups ---------------------------------------------------------------------------

def list_backups(database_path: Path) -> list[BackupInfo]:
    """Every backup in `backups/` beside the database, newest first, with its record counts."""
    return [_inspected(info) for info in sorted(_named_backups(database_path), key=lambda i: i.created,
                                                reverse=True)]


def verify_backup(path: Path) -> BackupInfo:
    """The backup's contents if it can be restored; otherwise one sentence saying why not."""
    path = Path(path).expanduser().absolute()
    info = _inspected(BackupInfo(path, _created_of(path), _reason_of(path)))
    if info.problem:
        raise UserError(Text("%1 cannot be restored: %2; the database was left as it was.", path.name, info.problem))
    return info


def latest_good_backup(database_path: Path) -> BackupInfo | None:
    """The newest backup that passes verification: what the damaged-database dialog offers."""
    return next((info for info in list_backups(database_path) if info.usable), None)


# --- restoring -----------------------------------------------------------------------------------

def restore(database_path: Path, backup_path: Path, timeout: float = 2.0,
            retention: RetentionPolicy = DEFAULT_RETENTION) -> BackupInfo:
    """Replace the database with a verified backup; the replaced file is kept in `backups/`.

    The caller closes its own `Database` first. Any other window or program that has the file open
    makes this refuse (DatabaseLocked) rather than pull the file from under it.
    """
    database_path = Path(database_path).expanduser().absolute()
    backup_path = Path(backup_path).expanduser().absolute()
    info = verify_backup(backup_path)
    if backup_path == database_path:
        raise UserError(Text("That file is the database itself; choose a backup to restore."))
    temporary = database_path.with_name(f".{database_path.name}.restoring")
    write_copy(backup_path, temporary)
    try:
        _keep_current(database_path, retention)
        with _exclusive(database_path, timeout):
            os.replace(temporary, database_path)
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{database_path}{suffix}").unlink(missing_ok=True)
        _fsync_folder(database_path.parent)
    finally:
        temporary.unlink(missing_ok=True)
    rotate(database_path, retention=retention)
    return info


def _keep_current(database_path: Path, retention: RetentionPolicy) -> None:
    """A copy of what is about to be replaced: a proper backup if sound, the raw bytes if damaged."""
    if not database_path.exists() or database_path.stat().st_size == 0:
        return
    try:
        back_up(database_path, "before-restore", retention=retention)
    except DatabaseLocked:
        raise
    except UserError:  # damaged: keep its bytes exactly as they are, for whoever wants to rescue them
        stamp = datetime.now(UTC).strftime(_STAMP)
        target = backups_folder(database_path) / f"{database_path.stem}-{DAMAGED_REASON}-{stamp}.sqlite3"
        target.parent.mkdir(mode=0o700, exist_ok=True)
        _make_private(target)
        shutil.copyfile(database_path, target)
        _fsync(target)


@contextlib.contextmanager
def _exclusive(database_path: Path, timeout: float):  # type: ignore[no-untyped-def]
    """Hold SQLite's exclusive lock while the file is swapped, so no open connection is writing.

    In WAL mode even an idle open connection blocks this, which is what we want: a window that still
    has the old file open would otherwise keep writing into a file that is no longer the database.
    A damaged file cannot be locked through SQLite; nobody can be using it, so it is simply replaced.
    """
    if not database_path.exists() or not _has_sqlite_header(database_path):
        yield
        return
    connection = sqlite3.connect(database_path, timeout=timeout, isolation_level=None)
    try:
        try:
            connection.execute("PRAGMA locking_mode=EXCLUSIVE")
            connection.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error).lower() or "busy" in str(error).lower():
                raise DatabaseLocked(Text("The database %1 is open in another window or program; "
                                          "close it and restore again.", database_path.name)) from error
            # damaged beyond locking: nobody can be using it either
        yield
    finally:
        connection.close()


# --- helpers -------------------------------------------------------------------------------------

def _named_backups(database_path: Path) -> list[BackupInfo]:
    database_path = Path(database_path).absolute()
    folder = backups_folder(database_path)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        match = _NAME.match(name)
        if match and match["stem"] == database_path.stem:
            created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append(BackupInfo(folder / name, created, match["reason"]))
    return found


def _created_of(path: Path) -> datetime:
    match = _NAME.match(path.name)
    if match:
        return datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return datetime.now(UTC)


def _reason_of(path: Path) -> str:
    match = _NAME.match(path.name)
    return match["reason"] if match else "file"


def _inspected(info: BackupInfo) -> BackupInfo:
    """Fill in the counts, or the problem that makes the copy unusable. Read-only throughout."""
    from dataclasses import replace

    problem = _header_problem(info.path)
    if problem:
        return replace(info, problem=problem)
    try:
        connection = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return replace(info, problem=Text("it cannot be opened"))
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
        if integrity != ["ok"]:
            return replace(info, problem=Text("it is damaged (the integrity check failed)"))
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return replace(info, problem=Text("it is not a Dialogue Register database"))
        schema = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        if schema != SCHEMA_HEAD:
            from desktop_app.db.migrate import known_revisions

            if schema not in known_revisions():
                return replace(info, schema=schema, problem=Text("it was written by a newer version of the program"))
        dialogues = connection.execute("SELECT count(*) FROM dialogues").fetchone()[0]
        people = connection.execute("SELECT count(*) FROM people").fetchone()[0]
        return replace(info, schema=schema, dialogues=dialogues, people=people)
    except sqlite3.Error:
        return replace(info, problem=Text("it is damaged or not a Dialogue Register database"))
    finally:
        connection.close()


def _header_problem(path: Path) -> str | None:
    try:
        if path.is_dir():
            return Text("it is a folder")
        size = path.stat().st_size
    except OSError:
        return Text("the file does not exist or cannot be read")
    if size == 0:
        return Text("the file is empty")
    if not _has_sqlite_header(path):
        return Text("it is not an SQLite database (damaged or another kind of file)")
    return None


def _has_sqlite_header(path: Path) -> bool:
    """Asked of SQLite, never read with open(): this may be the live database of this very process,
    and closing a descriptor of it would drop the locks SQLite holds on it (issue 13, finding 1)."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return False
    try:
        connection.execute("PRAGMA schema_version").fetchone()
        return True
    except sqlite3.OperationalError as error:  # busy or locked: in use, hence a database
        return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def _require_sound_header(database_path: Path) -> None:
    problem = _header_problem(database_path)
    if problem:
        raise DatabaseCorrupt(Text("The database %1 cannot be backed up: %2.", database_path.name, problem))


def _holds_records(database_path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"{database_path.as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return False
    try:
        return bool(connection.execute("SELECT EXISTS(SELECT 1 FROM dialogues) OR EXISTS(SELECT 1 FROM people)")
                    .fetchone()[0])
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def _copy_error(error: sqlite3.Error, source: Path) -> UserError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(Text("The database %1 is busy in another program; back up again in a moment.",
                                   source.name))
    if "disk is full" in text or "full" in text:
        return UserError(Text("The disk is full; free some space and back up again."))
    return DatabaseCorrupt(Text("%1 cannot be copied: it is damaged or not a database.", source.name))


def _month_index(moment: datetime) -> int:
    return moment.year * 12 + moment.month - 1


def _make_private(path: Path) -> None:
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    path.chmod(0o600)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync(folder)
