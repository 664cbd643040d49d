"""The one writer of every file the program writes: whole and checked, or not at all.

Reports (each format), exports and bundles, backups, drafts and documents all go through
`write_file` (the content is streamed into a file object) or `write_by_path` (a library such as
SQLite's backup API writes the file itself). Either way:

1. the target is resolved: a symlink is written *through* (the file it points at is replaced, the
   link stays); the open database, a device, a FIFO, a socket, a folder or a read-only file is refused;
2. a temporary file is created beside the real target, owner-only (0600 whatever the umask), with a
   recognisable name (`.<name>.<pid>-<random>.dr-partial`) so a crash's leftovers can be cleaned;
3. it is written, flushed, `fsync`ed, and **checked**: its size is the size written, and a check of
   the format (ZIP CRCs and XML parts for DOCX/XLSX, xref and page count for PDF, ...) passes;
4. it is renamed over the target, and the folder is synced.

On any failure the temporary file is removed, the previous file stays untouched and the officer
gets one sentence (a UserError). What a file system cannot do is skipped, never refused: FAT and
exFAT sticks refuse `chmod`, SMB shares and Windows refuse a folder `fsync`; some network file
systems refuse `fsync` of a file with EINVAL. Real write errors (ENOSPC, EIO, ...) always fail.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NoReturn

from desktop_app.domain.errors import DatabaseFull, UserError
from desktop_app.domain.texts import Text
from desktop_app.services.protected_files import databases as _databases
from desktop_app.services.protected_files import opened as _opened
from desktop_app.services.protected_files import protect  # noqa: F401  (named here too, as before)

PARTIAL_SUFFIX = ".dr-partial"
_PARTIAL = re.compile(r"^\..+\.(?P<pid>\d+)-[0-9a-f]{8}" + re.escape(PARTIAL_SUFFIX) + r"$")
# Leftovers of older versions of the program, recognisable only inside its own folders.
_OLD_PARTIAL = re.compile(r"^\..+\.(partial|restoring)$")
STALE_AFTER_SECONDS = 3600.0
# Errors that mean "this file system cannot do that", not "the data was not written".
_CANNOT = {errno.EPERM, errno.EACCES, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EROFS}
_CANNOT_FSYNC = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


class Incomplete(Exception):
    """Raised by a check: the file written is not whole. The message says what is wrong."""


Check = Callable[[Path], None]


def _is_database(real: str) -> bool:
    if real in _databases:
        return True
    try:
        target = os.stat(real)
    except OSError:
        return False
    for path in _databases:  # a hard link or another spelling of the same file
        with contextlib.suppress(OSError):
            known = os.stat(path)
            if (known.st_dev, known.st_ino) == (target.st_dev, target.st_ino):
                return True
    return False


# What a file is written for, which decides what it may replace (`resolve_target`):
OFFICERS = "officer"  # a report, an export, a document: never into backups/ or drafts/, never over a database
BACKUP = "backup"  # `backup -o`: over a database only when that is an earlier backup of a register (not in backups/)
OWN = "own"  # the program's own backups and drafts, in its own folders, under names it chose
SQLITE_HEADER = b"SQLite format 3\x00"
_REGISTER_TABLES = {"alembic_version", "dialogues", "people"}


def _own_folder(real: Path) -> str | None:
    """"backups" or "drafts" when `real` lies in that folder beside a database this process opened."""
    for database in _opened:
        for folder in ("backups", "drafts"):
            inside = Path(os.path.realpath(Path(database).parent / folder))
            if real.is_relative_to(inside):
                return folder
    return None


def _header(real: Path, size: int) -> bytes:
    """The first `size` bytes of `real` (fewer for a short file, none for an unreadable one: the write
    itself says why, if it fails). Never for a file this process holds open through SQLite
    (db.live_files: closing the read's descriptor would drop that connection's locks): callers ask first."""
    try:
        with open(real, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _is_sqlite(real: Path) -> bool:
    """Whether the existing regular file `real` is an SQLite database, by the first bytes of its header;
    one this process holds open is a database, so it counts as one unread."""
    from desktop_app.db import live_files

    return live_files.is_held(real) or _header(real, len(SQLITE_HEADER)) == SQLITE_HEADER


def _is_earlier_backup(real: Path) -> bool:
    """An earlier backup of a Dialogue Register database, which `backup -o` may replace: the program's
    tables, in the rollback journal every backup is written with (the engine switches a database it
    works on to WAL, so a register in use, or used since, is not one), no journal or log beside it."""
    import sqlite3

    from desktop_app.db import live_files

    if live_files.is_held(real):  # open here: in use, and never to be read raw
        return False
    if any(Path(f"{real}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal")):
        return False
    header = _header(real, 100)
    if len(header) < 100 or header[18:20] != b"\x01\x01":
        return False
    try:
        connection = sqlite3.connect(f"{real.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return tables >= _REGISTER_TABLES


def resolve_target(target: Path, purpose: str = OFFICERS) -> Path:
    """The real file to replace: symlinks followed, anything but a regular or new file refused; for an
    officer's file (`purpose`), the program's own backups/drafts folders and any database refused too."""
    target = Path(target).expanduser().absolute()
    real = Path(os.path.realpath(target))
    if _is_database(str(real)):
        raise UserError(Text("%1 is the database itself; choose another file name.", target))
    folder = _own_folder(real) if purpose != OWN else None  # `backup -o` too: a copy there would be
    if folder is not None:  # listed and rotated by a date its name does not have, or replace a safety copy
        if folder == "backups":
            raise UserError(Text("%1 is in the folder where the program keeps its backups; choose a place "
                                 "outside it.", target))
        raise UserError(Text("%1 is in the folder where the program keeps its drafts; choose a place "
                             "outside it.", target))
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UserError(Text("%1 cannot be written (%2).", target, error.strerror)) from error
    if mode is not None:
        if stat.S_ISDIR(mode):
            raise UserError(Text("%1 is a folder; give a file name.", target))
        if not stat.S_ISREG(mode):
            raise UserError(Text("%1 is not an ordinary file (a device, a pipe or a socket); "
                                 "choose another file name.", target))
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
            # the rename would replace it all the same (but on Windows): a file made read-only so that
            # nobody overwrites it is kept, as a word processor keeps it (round 16)
            raise UserError(Text("%1 is read-only; choose another file name, or make the file writable first.",
                                 target))
        if purpose == OFFICERS and _is_sqlite(real):
            raise UserError(Text("%1 is a database file; choose another file name.", target))
        if purpose == BACKUP and _is_sqlite(real) and not _is_earlier_backup(real):
            raise UserError(Text("%1 is a database, not a backup written by Dialogue Register; choose another "
                                 "file name.", target))
    if not real.parent.is_dir():
        raise UserError(Text("The folder %1 does not exist.", real.parent))
    return real


def make_folder(folder: Path, parents: bool = True) -> None:
    """The program's own folder (backups/, drafts/), owner-only; one sentence when it cannot be made
    (a file standing where it goes, no permission) instead of an OSError out of a save or a timer."""
    try:
        Path(folder).mkdir(mode=0o700, parents=parents, exist_ok=True)
    except OSError as error:
        raise UserError(Text("The folder %1 cannot be created (%2).", folder, error.strerror or str(error))) from error


def write_file(target: Path, fill: Callable[[BinaryIO], object], check: Check | None = None,
               purpose: str = OFFICERS) -> Path:
    """Stream the content into a checked temporary file, then rename it over `target`.

    `fill` writes into the binary file object it is given. Returns the path written (the real
    file, a symlink's target). `purpose`: what the file is, which decides what it may replace.
    """
    real = resolve_target(target, purpose)
    temporary = _create_temporary(real, Path(target))
    try:
        descriptor = os.open(temporary, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        with _open_stream(descriptor) as stream:
            fill(stream)
            stream.flush()
            written = stream.tell()
            _sync(stream.fileno())
            _make_private(stream.fileno(), temporary)
        _finish(temporary, real, Path(target), check, written)
    except BaseException as error:
        _discard(temporary)
        _raise_sentence(error, Path(target))
    return real


def write_by_path(target: Path, produce: Callable[[Path], object], check: Check | None = None,
                  purpose: str = OFFICERS) -> Path:
    """Like `write_file`, for a library that writes a file by its name (SQLite's backup API)."""
    real = resolve_target(target, purpose)
    temporary = _create_temporary(real, Path(target))
    try:
        produce(temporary)
        descriptor = os.open(temporary, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            _sync(descriptor)
            _make_private(descriptor, temporary)
        finally:
            os.close(descriptor)
        _finish(temporary, real, Path(target), check, None)
    except BaseException as error:
        _discard(temporary)
        _raise_sentence(error, Path(target))
    return real


def clean_partials(folder: Path, include_old: bool = False) -> list[Path]:
    """Remove what crashed writes left in `folder`: ours whose process is gone or which are stale.

    `include_old` also removes the `.name.partial` / `.name.restoring` files of earlier versions
    (only inside the program's own folders, where nothing else writes such names).
    """
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = _PARTIAL.match(name)
        old = include_old and _OLD_PARTIAL.match(name) is not None
        if not match and not old:
            continue
        path = Path(folder) / name
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        stale = now - info.st_mtime > STALE_AFTER_SECONDS
        if match and not stale and _process_alive(int(match["pid"])):
            continue
        if old and not stale:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


# --- the steps --------------------------------------------------------------------------------------------

def _open_stream(descriptor: int) -> BinaryIO:
    """The file object the content is written through (tests replace it with one whose disk fills)."""
    return os.fdopen(descriptor, "wb")


def _create_temporary(real: Path, shown: Path) -> Path:
    import secrets  # here: the first window writes no file before its paint (issue 19)

    clean_partials(real.parent)
    for _ in range(20):
        name = f".{real.name[:150]}.{os.getpid()}-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
        temporary = real.with_name(name)
        try:
            os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600))
            return temporary
        except FileExistsError:
            continue
        except OSError as error:
            _raise_sentence(error, shown)
    raise UserError(Text("%1 cannot be written (no temporary file name is free).", shown))


def _finish(temporary: Path, real: Path, shown: Path, check: Check | None, written: int | None) -> None:
    size = os.stat(temporary).st_size
    if written is not None and size != written:
        raise Incomplete(f"{size} of {written} bytes reached the disk")
    if size == 0:
        raise Incomplete("it is empty")
    if check is not None:
        check(temporary)
    if _is_database(os.path.realpath(real)):  # checked again: the database may have been opened since
        raise UserError(Text("%1 is the database itself; choose another file name.", shown))
    os.replace(temporary, real)
    _sync_folder(real.parent)


def _sync(descriptor: int) -> None:
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in _CANNOT_FSYNC:
            raise


def _make_private(descriptor: int, path: Path) -> None:
    """Owner-only whatever the umask; a file system without permissions (FAT, exFAT) keeps its own."""
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, 0o600)
        else:
            os.chmod(path, 0o600)
    except OSError as error:
        if error.errno not in _CANNOT:
            raise


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows (Windows and SMB shares do not)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would interrupt the process on Windows: go by age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _raise_sentence(error: BaseException, shown: Path) -> NoReturn:
    replacement = _sentence(error, shown)
    if replacement is error:
        raise error
    raise replacement from error


def _names_another_file(error: OSError, shown: Path) -> bool:
    """True when the error is about a file outside the target's folder — a library's own data file,
    such as python-docx's template that a built folder lacked (issue 20: "cannot be written to
    report.docx (No such file or directory)" blamed the officer's file and logged nothing). The
    temporary file and the target are always in the target's folder (or its symlink's)."""
    named = [n for n in (error.filename, error.filename2) if isinstance(n, (str, bytes, os.PathLike))]
    if not named:
        return False
    folders = {os.path.normpath(Path(shown).absolute().parent)}
    with contextlib.suppress(OSError, RuntimeError):
        folders.add(os.path.normpath(Path(shown).resolve().parent))
    return any(os.path.normpath(Path(os.fsdecode(n)).absolute().parent) not in folders for n in named)


def _sentence(error: BaseException, shown: Path) -> BaseException:
    """One sentence for the officer; anything that is not a file problem passes through unchanged."""
    kept = Text("any earlier file of that name was left as it was")
    if isinstance(error, UserError):
        return error
    if isinstance(error, Incomplete):
        return UserError(Text("%1 could not be written completely (%2); %3.", shown, str(error), kept))
    if isinstance(error, OSError) and _names_another_file(error, shown):
        return error  # the program's fault (e.g. a template missing from its folder): logged, not blamed on you
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DatabaseFull(Text("The disk is full, so %1 was not written; %2.", shown, kept))
        reason = error.strerror or str(error)
        return UserError(Text("%1 cannot be written (%2); %3.", shown, reason, kept))
    return error


# --- checks of the formats -------------------------------------------------------------------------------

def check_zip(path: Path) -> None:
    """DOCX and XLSX: every member's CRC matches and every XML part parses (one streaming pass)."""
    import zipfile
    from xml.parsers import expat

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if not names:
                raise Incomplete("the archive is empty")
            for name in names:
                parser = expat.ParserCreate() if name.endswith((".xml", ".rels")) else None
                with archive.open(name) as member:  # reading to the end checks the CRC
                    while chunk := member.read(1 << 20):
                        if parser is not None:
                            parser.Parse(chunk, False)
                if parser is not None:
                    parser.Parse(b"", True)
    except Incomplete:
        raise
    except (zipfile.BadZipFile, expat.ExpatError, EOFError, ValueError) as error:
        raise Incomplete(f"the archive does not read back: {error}") from error


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
CHECK_BYTES = 1 << 20  # a PDF is checked a piece of this many bytes at a time
_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", re.DOTALL)


def check_pdf(pages: int | None = None) -> Check:
    """A PDF starts with its header, ends with a cross-reference table it points at, and has the pages."""
    def check(path: Path) -> None:
        size = os.stat(path).st_size
        with open(path, "rb") as handle:
            if not handle.read(5) == b"%PDF-":
                raise Incomplete("it does not start as a PDF")
            handle.seek(max(0, size - 1024))
            tail = handle.read()
            match = _STARTXREF.search(tail)
            if not match or int(match[1]) >= size:
                raise Incomplete("its end (the cross-reference table) is missing")
            handle.seek(int(match[1]))
            head = handle.read(32)
            if not (head.startswith(b"xref") or re.match(rb"\d+\s+\d+\s+obj", head)):
                raise Incomplete("its cross-reference table is not where it says")
            if pages is not None:
                handle.seek(0)
                if pages not in _page_counts(handle):
                    raise Incomplete(f"it does not hold the {pages} pages drawn")
    return check


def _page_counts(handle: BinaryIO) -> set[int]:
    """The /Count of every page tree node in the file, read `CHECK_BYTES` at a time: a report's PDF is
    not read into memory whole to be checked (37 MB at 100,000 dialogues, issue 19, round 6). What
    follows the last "/Type" of a piece is carried into the next, so that a node (its /Kids list the
    pages between /Type and /Count) found across two pieces is found whole."""
    counts: set[int] = set()
    carried = b""
    while piece := handle.read(CHECK_BYTES):
        text = carried + piece
        counts.update(int(found) for found in _PAGES_COUNT.findall(text))
        last = text.rfind(b"/Type")
        carried = text[last:] if last >= 0 else text[-8:]  # "/Type" itself may be cut: keep its start
    return counts


def check_text_end(ending: bytes) -> Check:
    """A text file (HTML, JSON) ends as it must: a cut-short file does not."""
    def check(path: Path) -> None:
        size = os.stat(path).st_size
        with open(path, "rb") as handle:
            handle.seek(max(0, size - 64))
            if not handle.read().rstrip().endswith(ending):
                raise Incomplete("its end is missing")
    return check


def check_sqlite(path: Path) -> None:
    """A database copy opens, reads its schema, and is as long as its header says (cheap at any size:
    SQLite's backup API itself reports a failed copy; this catches a file cut short after it)."""
    import sqlite3

    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise Incomplete(f"the copy does not open: {error}") from error
    if pages * page_size != os.stat(path).st_size:
        raise Incomplete("the copy is not as long as its header says")
