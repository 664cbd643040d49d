"""Backups of the database file: take them, list them, check them, rotate them, restore one.

Why this shape:
- Copies go through SQLite's online backup API, so a copy taken while a window is saving is still
  a consistent database (a plain file copy of a WAL database can miss the last saves).
- A copy is switched to the rollback journal (`journal_mode=DELETE`), so it is one self-contained
  file that can be opened read-only, mailed or put on a USB stick without its -wal/-shm companions.
- Automatic copies live in `backups/` beside the database, owner-only, named
  `<stem>-<reason>-<UTC stamp>.sqlite3`, so a listing needs no database of its own.
- Rotation (a RetentionPolicy, by default DEFAULT_RETENTION) of the daily and manual copies: keep the
  newest `keep_last` copies, plus the newest copy of each of the newest `keep_months` calendar months
  that have a copy; older ones are deleted. It goes by the copies that exist, not by today's date: the
  policy applies to the largest era of copies (copies more than ERA_GAP apart belong to different eras),
  so a clock set years off for a day or two neither ages the real history nor takes its monthly slots.
  A copy dated in the future (more than a day ahead of the clock) is never deleted, never stops
  today's backup and is never offered as the latest good one. The window passes the officer's
  choice from Settings; the CLI keeps the default.
- Safety copies are kept apart from that rotation: before-restore and before-upgrade copies stay at least
  SAFETY_DAYS days (and until the program has been used on SAFETY_DAYS later days, so a clock jump
  cannot age them), the newest SAFETY_KEEP of each kind always. Copies written elsewhere with
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
from desktop_app.db.opening import refuse_what_is_no_file
from desktop_app.domain.errors import DatabaseCorrupt, DatabaseFull, DatabaseLocked, UserError
from desktop_app.domain.texts import Text
from desktop_app.services.retention import (  # noqa: F401  (named here too: the policy rotation applies)
    DEFAULT_RETENTION,
    KEEP_LAST,
    KEEP_MONTHS,
    ROTATION_POLICY,
    RetentionPolicy,
)
from desktop_app.services.safe_files import BACKUP, OWN, check_sqlite, make_folder, resolve_target, write_by_path

DAILY_INTERVAL = timedelta(hours=24)
FUTURE_TOLERANCE = timedelta(days=1)  # time zones and small clock errors are not "the future"
SAFETY_DAYS = 30
ERA_GAP = timedelta(days=366)  # copies further apart than this were taken under different clocks (or years apart)
SAFETY_KEEP = 3
DAMAGED_REASON = "damaged"
ROTATED_REASONS = ("daily", "manual")
_NAME = re.compile(r"^(?P<stem>.+?)-(?P<reason>daily|manual|before-restore|before-upgrade-from-[A-Za-z0-9_]+|damaged)"
                   r"-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"




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

    @property
    def kept_apart(self) -> bool:
        """A safety copy (before a restore or an upgrade, a damaged file): not in the daily rotation."""
        return self.reason not in ROTATED_REASONS

    def in_future(self, now: datetime | None = None) -> bool:
        """Dated later than the clock allows: taken while the computer's clock was wrong."""
        return self.created > (now or datetime.now(UTC)) + FUTURE_TOLERANCE

    def describe(self) -> str:
        when = self.created.astimezone().strftime("%Y-%m-%d %H:%M")
        if self.problem:
            return Text("%1 (%2): cannot be restored, %3", when, self.reason, self.problem)
        return Text("%1 (%2): %3 dialogues, %4 people", when, self.reason, self.dialogues, self.people)


def backups_folder(database_path: Path) -> Path:
    return Path(database_path).absolute().parent / "backups"


# --- taking backups -------------------------------------------------------------------------------

def write_copy(source: Path, target: Path, timeout: float = 5.0, purpose: str = OWN) -> Path:
    """A consistent, self-contained, owner-only copy of `source` at `target`, written and checked
    through the one safe writer (a crash or a full disk leaves no file under a backup's name).
    `purpose`: the program's own copy (in backups/, the restore's temporary), or `BACKUP` for the
    officer's `backup -o` file."""
    target = Path(target).absolute()
    make_folder(target.parent)

    def produce(temporary: Path) -> None:
        reader = _connect_read_only(Path(source).absolute(), timeout)
        try:
            writer = sqlite3.connect(temporary)
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")
            finally:
                writer.close()
        finally:
            reader.close()

    try:
        return write_by_path(target, produce, check_sqlite, purpose)
    except sqlite3.Error as error:
        raise _copy_error(error, Path(source)) from error


def back_up(database_path: Path, reason: str = "manual", output: Path | None = None,
            retention: RetentionPolicy = DEFAULT_RETENTION, now: datetime | None = None) -> Path:
    """Back up now: into `output` if given, otherwise into `backups/` (then rotate)."""
    database_path = Path(database_path).absolute()
    _require_sound_header(database_path)
    if output is not None:
        output = Path(output).expanduser().absolute()
        if output == database_path:
            raise UserError(Text("The backup cannot be written over the database itself; choose another file name."))
        # the officer's own place: refused like any file the program writes (a missing folder is a
        # typo, not a folder to make), before write_copy makes the folders backups/ needs
        resolve_target(output, BACKUP)
        return write_copy(database_path, output, purpose=BACKUP)
    now = now or datetime.now(UTC)
    stamp = now.strftime(_STAMP)
    target = write_copy(database_path, backups_folder(database_path) / f"{database_path.stem}-{reason}-{stamp}.sqlite3")
    rotate(database_path, now, retention=retention)
    return target


def back_up_if_due(database_path: Path, now: datetime | None = None,
                   retention: RetentionPolicy = DEFAULT_RETENTION) -> Path | None:
    """The automatic backup on opening: at most one a day, and only of a database holding something.

    Cheap when nothing is due: one directory listing, no database work.
    """
    database_path = Path(database_path).absolute()
    now = now or datetime.now(UTC)
    newest = max((info.created for info in _named_backups(database_path) if not info.in_future(now)), default=None)
    if newest is not None and now - newest < DAILY_INTERVAL:
        return None
    if not _holds_records(database_path):
        return None
    return back_up(database_path, "daily", retention=retention, now=now)


def rotate(database_path: Path, now: datetime | None = None,
           retention: RetentionPolicy = DEFAULT_RETENTION) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns what was deleted.

    Decided by the copies that exist (see the module's docstring): the clock only tells which
    copies are dated in the future, and those are kept out of the count, never counted against it.
    """
    now = now or datetime.now(UTC)
    named = _named_backups(database_path)
    keep = _rotation_keeps([info for info in named if info.reason in ROTATED_REASONS], now, retention)
    keep |= _safety_keeps([info for info in named if info.reason not in ROTATED_REASONS], named, now)
    deleted = []
    for info in named:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            deleted.append(info.path)
    return deleted


def _rotation_keeps(candidates: list[BackupInfo], now: datetime, retention: RetentionPolicy) -> set[Path]:
    """Copies dated in the future are all kept and counted for nothing. The others are split into
    eras at gaps of more than ERA_GAP; the era with the most copies is the officer's real history and
    gets the policy (newest `keep_last`, newest of each of its newest `keep_months` months); copies
    of the other eras (a clock set years off for a few days) keep their newest `keep_last` among them."""
    keep = {info.path for info in candidates if info.in_future(now)}
    present = sorted((i for i in candidates if not i.in_future(now)), key=lambda i: i.created)
    eras: list[list[BackupInfo]] = []
    for info in present:
        if eras and info.created - eras[-1][-1].created <= ERA_GAP:
            eras[-1].append(info)
        else:
            eras.append([info])
    if not eras:
        return keep
    main = max(reversed(eras), key=len)  # the largest; of equals, the newest
    others = sorted((i for era in eras if era is not main for i in era), key=lambda i: i.created, reverse=True)
    keep |= {info.path for info in others[:retention.keep_last]}
    newest_first = main[::-1]
    keep |= {info.path for info in newest_first[:retention.keep_last]}
    months: set[int] = set()
    for info in newest_first:  # the newest copy of each of the newest months that have one
        month = _month_index(info.created)
        if month not in months:
            if len(months) >= retention.keep_months:
                break
            months.add(month)
            keep.add(info.path)
    return keep


def _safety_keeps(safety: list[BackupInfo], named: list[BackupInfo], now: datetime) -> set[Path]:
    """Before-restore and before-upgrade copies: SAFETY_DAYS by the clock *and* by days of use since."""
    keep = {info.path for info in safety if info.reason == DAMAGED_REASON}
    used_days = sorted({info.created.date() for info in named if not info.in_future(now)})
    by_kind: dict[str, list[BackupInfo]] = {}
    for info in safety:
        by_kind.setdefault("before-upgrade" if info.reason.startswith("before-upgrade") else info.reason,
                           []).append(info)
    for copies in by_kind.values():
        copies.sort(key=lambda i: i.created, reverse=True)
        keep |= {info.path for info in copies[:SAFETY_KEEP]}
        for info in copies[SAFETY_KEEP:]:
            days_since = sum(1 for day in used_days if day > info.created.date())
            if now - info.created <= timedelta(days=SAFETY_DAYS) or days_since < SAFETY_DAYS or info.in_future(now):
                keep.add(info.path)
    return keep


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


def latest_good_backup(database_path: Path, now: datetime | None = None) -> BackupInfo | None:
    """The newest backup that passes verification and is not dated in the future (a wrong clock's copy
    is listed for the officer to choose, never offered as the latest): what the damaged-database dialog offers.
    Verified newest first, so only as many copies are opened as it takes."""
    now = now or datetime.now(UTC)
    ordered = sorted((i for i in _named_backups(database_path) if not i.in_future(now)), key=lambda i: i.created,
                     reverse=True)
    return next((checked for info in ordered if (checked := _inspected(info)).usable), None)


# --- restoring -----------------------------------------------------------------------------------

def restore(database_path: Path, backup_path: Path, timeout: float = 2.0,
            retention: RetentionPolicy = DEFAULT_RETENTION) -> BackupInfo:
    """Replace the database with a verified backup; the replaced file is kept in `backups/`.

    The caller closes its own `Database` first. Any other window or program that has the file open
    makes this refuse (DatabaseLocked) rather than pull the file from under it.
    """
    database_path = Path(database_path).expanduser().absolute()
    backup_path = Path(backup_path).expanduser().absolute()
    refuse_what_is_no_file(database_path)  # a pipe would be waited on for ever by the lock below
    info = verify_backup(backup_path)
    # A database reached through a symlink is swapped where the link points (as SQLite keeps its
    # -wal/-shm there): replacing the link itself left the real file with the old records.
    real = Path(os.path.realpath(database_path))
    if backup_path == database_path or Path(os.path.realpath(backup_path)) == real:
        raise UserError(Text("That file is the database itself; choose a backup to restore."))
    with _exclusive(real, timeout):
        pass  # refuse while another window has it open, before anything is copied, kept or rotated
    temporary = real.with_name(f".{real.name}.restoring")
    try:
        try:
            try:
                write_copy(backup_path, temporary)
            except DatabaseFull:
                raise
            except UserError as error:  # the hidden temporary file is not the officer's: the folder is
                if not isinstance(error.__cause__, OSError):
                    raise
                raise UserError(Text("The folder %1 cannot be written (%2), so nothing was restored and the "
                                     "database was left as it was.", real.parent,
                                     error.__cause__.strerror or str(error.__cause__))) from error
            _keep_current(database_path, retention)
        except DatabaseFull as error:  # said of the restore, not of a backup or of the hidden temporary file
            said = Text("The disk holding %1 is full, so nothing was restored and the database was left as it "
                        "was; free some space and restore again.", database_path.name)
            raise DatabaseFull(said) from error
        with _exclusive(real, timeout):
            os.replace(temporary, real)
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{real}{suffix}").unlink(missing_ok=True)
        _fsync_folder(real.parent)
    finally:
        temporary.unlink(missing_ok=True)
    rotate(database_path, retention=retention)
    return info


def holds_something(database_path: Path) -> bool:
    """Whether a restore would replace anything (and so keep a copy of it): a file that is there and
    not empty. The command line asks it first, so it never tells of a copy that was not kept."""
    return database_path.exists() and database_path.stat().st_size > 0


def _keep_current(database_path: Path, retention: RetentionPolicy) -> None:
    """A copy of what is about to be replaced: a proper backup if sound, the raw bytes if damaged."""
    if not holds_something(database_path):
        return
    try:
        back_up(database_path, "before-restore", retention=retention)
    except DatabaseCorrupt:  # damaged: keep its bytes exactly as they are, for whoever wants to rescue them
        stamp = datetime.now(UTC).strftime(_STAMP)
        target = backups_folder(database_path) / f"{database_path.stem}-{DAMAGED_REASON}-{stamp}.sqlite3"
        make_folder(target.parent, parents=False)
        write_by_path(target, lambda temporary: shutil.copyfile(database_path, temporary), purpose=OWN)


@contextlib.contextmanager
def _exclusive(database_path: Path, timeout: float):
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
        connection = _connect_read_only(info.path)
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
    if not os.access(path, os.R_OK):  # kept out by its permissions: not "damaged" (asked, never open()ed)
        return Text("the file does not exist or cannot be read")
    if not _has_sqlite_header(path):
        return Text("it is not an SQLite database (damaged or another kind of file)")
    return None


def _has_sqlite_header(path: Path) -> bool:
    """Asked of SQLite, never read with open(): this may be the live database of this very process,
    and closing a descriptor of it would drop the locks SQLite holds on it (issue 13, finding 1)."""
    try:
        connection = _connect_read_only(path)
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


def _connect_read_only(path: Path, timeout: float = 2) -> sqlite3.Connection:
    """A read-only connection to a copy, also on a stick or share the officer may only read.

    A file left in WAL mode (the database copied as it is, beside a window that had it open) needs
    its -shm made beside it even to be read; a read-only folder refuses that
    (SQLITE_READONLY_DIRECTORY) and the sound copy was called damaged. There, with no write-ahead
    log beside it whose saves could be missed, the file is read as it lies (`immutable`). Asked of
    SQLite, never open()ed: `path` may be this process's live database (see _has_sqlite_header)."""
    uri = f"{path.as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=timeout)
    try:
        connection.execute("PRAGMA schema_version").fetchone()
        return connection
    except sqlite3.Error as error:
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) != sqlite3.SQLITE_READONLY or _log_beside(path):
            return connection  # the caller meets the same answer and says what it means
    connection.close()
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=timeout)


def _log_beside(path: Path) -> bool:
    """A write-ahead log with saves in it beside the file (reading without it would miss them)."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


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
        return DatabaseFull(Text("The disk is full; free some space and back up again."))
    return DatabaseCorrupt(Text("%1 cannot be copied: it is damaged or not a database.", source.name))


def _month_index(moment: datetime) -> int:
    return moment.year * 12 + moment.month - 1


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync(folder)
