"""The one safe writer (issue 21, findings 1, 3 and 8): whole and checked or not at all, never over
the database or a special file, owner-only, and doing what a limited file system allows."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.services import backups, drafts, safe_files
from desktop_app.services.exchange.exporter import export_bundle
from desktop_app.services.report import build_report, write_report
from tests.factories import make_dialogue

pytestmark = pytest.mark.usefixtures("qapp")
FORMATS = ("pdf", "docx", "xlsx", "html")
OLD = b"the previous good file"


class FullDisk(io.RawIOBase):
    """A file whose disk fills after `room` bytes: write (or the flush behind it) raises ENOSPC."""

    def __init__(self, descriptor: int, room: int) -> None:
        self._file = io.FileIO(descriptor, "wb")
        self.room = room

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
        if self._file.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._file.write(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()
        super().close()


def full_disk_after(monkeypatch: pytest.MonkeyPatch, room: int) -> None:
    monkeypatch.setattr(safe_files, "_open_stream",
                        lambda descriptor: io.BufferedWriter(FullDisk(descriptor, room), buffer_size=4096))


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def one_dialogue(database: Database) -> Database:
    from desktop_app.db.repositories.dialogues import DialogueRepository

    DialogueRepository(database).save(make_dialogue(title="Dialogue on precursors"))
    return database


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("room", [0, 100, 5000])
def test_a_report_on_a_full_disk_keeps_the_old_report(one_dialogue: Database, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, kind: str, room: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"report.{kind}"
    target.write_bytes(OLD)
    report = build_report(one_dialogue)
    full_disk_after(monkeypatch, room)
    with pytest.raises(UserError, match="disk is full") as raised:
        write_report(report, target)
    assert raised.value.message.count(".") >= 1 and "\n" not in raised.value.message
    assert target.read_bytes() == OLD
    assert left_in(out) == [target.name]


def test_the_pdf_painters_failure_is_not_called_written(one_dialogue: Database, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.services.report import pdf

    class FailingPainter(pdf.QPainter):
        def end(self) -> bool:
            super().end()
            return False

    monkeypatch.setattr(pdf, "QPainter", FailingPainter)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.pdf"
    target.write_bytes(OLD)
    with pytest.raises(UserError, match="PDF writer reported a failure"):
        write_report(build_report(one_dialogue), target)
    assert target.read_bytes() == OLD
    assert left_in(out) == ["report.pdf"]


@pytest.mark.parametrize("kind", FORMATS)
def test_a_cut_short_file_fails_its_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """A renderer that stops half-way without an error (a kill of a helper, a library bug) is caught."""
    from desktop_app.services.report import writing

    whole = tmp_path / f"whole.{kind}"
    report = build_report_empty(tmp_path)
    write_report(report, whole)
    data = whole.read_bytes()
    monkeypatch.setattr(writing, "_renderer",
                        lambda k: lambda r, stream, tick: stream.write(data[: len(data) * 2 // 3]))
    target = tmp_path / f"report.{kind}"
    target.write_bytes(OLD)
    with pytest.raises(UserError, match="could not be written completely"):
        write_report(report, target)
    assert target.read_bytes() == OLD
    assert left_in(tmp_path) == sorted([whole.name, target.name, "db"])


def build_report_empty(tmp_path: Path):  # type: ignore[no-untyped-def]
    from desktop_app.db.opening import open_database

    database = open_database(tmp_path / "db" / "d.sqlite3")
    try:
        return build_report(database)
    finally:
        database.close()


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("umask_022")
def test_reports_exports_backups_and_drafts_are_owner_only(one_dialogue: Database, tmp_path: Path) -> None:
    report = build_report(one_dialogue)
    written = [write_report(report, tmp_path / f"r.{kind}") for kind in FORMATS]
    old = tmp_path / "existing.html"
    old.write_text("x")
    old.chmod(0o644)
    written.append(write_report(report, old))
    export_bundle(one_dialogue, tmp_path / "bundle.json")
    written.append(tmp_path / "bundle.json")
    written.append(backups.back_up(one_dialogue.path, output=tmp_path / "copy.sqlite3"))
    written.append(drafts.save_draft(one_dialogue.path, make_dialogue()))
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_file_system_without_permissions_or_folder_sync_still_gets_the_file(
        one_dialogue: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT/exFAT refuse chmod (EPERM), SMB refuses a folder fsync (EINVAL), some shares a file fsync."""
    real_fsync = os.fsync
    calls = {"chmod": 0, "fsync": 0}

    def no_chmod(*args: object) -> None:
        calls["chmod"] += 1
        raise PermissionError(errno.EPERM, "Operation not permitted")

    def no_fsync(descriptor: int) -> None:
        calls["fsync"] += 1
        if stat.S_ISDIR(os.fstat(descriptor).st_mode) or calls["fsync"] % 2:
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fchmod", no_chmod)
    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(os, "fsync", no_fsync)
    report = build_report(one_dialogue)
    for kind in FORMATS:
        assert write_report(report, tmp_path / f"r.{kind}").stat().st_size > 0
    export_bundle(one_dialogue, tmp_path / "b.json")
    backups.back_up(one_dialogue.path, output=tmp_path / "c.sqlite3")
    assert calls["chmod"] >= 6 and calls["fsync"] >= 12
    assert not [name for name in left_in(tmp_path) if name.endswith(safe_files.PARTIAL_SUFFIX)]


def test_windows_without_fchmod_or_folder_descriptors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fchmod")
    real_open = os.open

    def no_folder_open(path, flags, *args):  # type: ignore[no-untyped-def]
        if Path(path).is_dir():
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_folder_open)
    target = safe_files.write_file(tmp_path / "a.txt", lambda s: s.write(b"hello"))
    assert target.read_bytes() == b"hello"


def test_a_real_write_error_is_never_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(descriptor: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    (tmp_path / "a.txt").write_bytes(OLD)
    with pytest.raises(UserError, match="Input/output error"):
        safe_files.write_file(tmp_path / "a.txt", lambda s: s.write(b"new"))
    assert (tmp_path / "a.txt").read_bytes() == OLD
    assert left_in(tmp_path) == ["a.txt"]


# --- finding 3: never over the database, a device, a FIFO, a folder; symlinks written through --------------

def _digest(path: Path) -> bytes:
    import hashlib

    return hashlib.sha256(path.read_bytes()).digest()


@pytest.mark.parametrize("command", [["export", "-o"], ["report", "-o"], ["backup", "-o"]])
@pytest.mark.parametrize("spelling", ["same", "symlink", "hardlink", "wal"])
def test_the_cli_never_writes_over_the_database(one_dialogue: Database, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str], command: list[str],
                                                spelling: str) -> None:
    db = one_dialogue.path
    one_dialogue.close()
    target = {"same": db, "symlink": tmp_path / "link.html", "hardlink": tmp_path / "hard.html",
              "wal": Path(f"{db}-wal")}[spelling]
    if spelling == "symlink":
        target.symlink_to(db)
    if spelling == "hardlink":
        os.link(db, target)
    before = _digest(db)
    code = cli.main(["--db", str(db), *command, str(target), *(["--format", "html"] if "report" in command else [])])
    err = capsys.readouterr().err
    if command[0] == "backup" and spelling == "wal":
        return  # the -wal name is refused or not; either way the database itself is untouched
    assert code == 1, err
    assert "database itself" in err and "Traceback" not in err
    assert _digest(db) == before


def test_a_symlink_is_written_through_not_replaced(database: Database, tmp_path: Path) -> None:
    real = tmp_path / "shared" / "bundle.json"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    export_bundle(database, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"{")


def test_special_files_and_folders_are_refused(database: Database, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for target, words in ((fifo, "not an ordinary file"), (Path("/dev/null"), "not an ordinary file"),
                          (tmp_path, "is a folder"), (tmp_path / "missing" / "b.json", "does not exist")):
        with pytest.raises(UserError, match=words):
            export_bundle(database, target)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)


# --- partial files of crashes ------------------------------------------------------------------------------

def test_partial_files_of_dead_processes_are_cleaned_and_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    dead_pid = int(dead.stdout)
    crashed = tmp_path / f".report.pdf.{dead_pid}-0123abcd{safe_files.PARTIAL_SUFFIX}"
    mine = tmp_path / f".report.pdf.{os.getpid()}-0123abcd{safe_files.PARTIAL_SUFFIX}"
    stale = tmp_path / f".old.json.{os.getppid()}-0123abcd{safe_files.PARTIAL_SUFFIX}"
    older_version = tmp_path / ".x-daily-20250101-000000-000000.sqlite3.partial"
    someone_elses = tmp_path / ".notes.partial"
    for path in (crashed, mine, stale, older_version, someone_elses):
        path.write_bytes(b"x" * 10)
    hour_ago = time.time() - 2 * safe_files.STALE_AFTER_SECONDS
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(older_version, (hour_ago, hour_ago))
    safe_files.write_file(tmp_path / "report.pdf", lambda s: s.write(b"%PDF-"))
    assert not crashed.exists() and not stale.exists() and mine.exists()
    assert older_version.exists()  # only inside the program's own folders
    safe_files.clean_partials(tmp_path, include_old=True)
    assert not older_version.exists() and mine.exists()


def test_opening_cleans_what_crashed_writes_left_beside_the_database(db_path: Path) -> None:
    from desktop_app.services.startup import open_for_work

    open_for_work(db_path).database.close()
    folder = backups.backups_folder(db_path)
    folder.mkdir(exist_ok=True)
    leftovers = [folder / f".x.sqlite3.999999999-0123abcd{safe_files.PARTIAL_SUFFIX}",
                 db_path.parent / f".r.pdf.999999999-0123abcd{safe_files.PARTIAL_SUFFIX}",
                 drafts.drafts_folder(db_path) / f".d.json.999999999-0123abcd{safe_files.PARTIAL_SUFFIX}"]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half" * 1000)
    open_for_work(db_path).database.close()
    assert not any(path.exists() for path in leftovers)


def test_a_backup_on_a_full_disk_leaves_nothing_under_a_backup_name(one_dialogue: Database,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    original = safe_files.check_sqlite

    def full(path: Path) -> None:
        with open(path, "r+b") as handle:  # what a full disk leaves: a copy cut short
            handle.truncate(path.stat().st_size // 2)
        original(path)

    monkeypatch.setattr(backups, "check_sqlite", full)
    before = backups.list_backups(one_dialogue.path)
    with pytest.raises(UserError, match="could not be written completely"):
        backups.back_up(one_dialogue.path)
    assert backups.list_backups(one_dialogue.path) == before
    assert not [p for p in backups.backups_folder(one_dialogue.path).iterdir()
                if p.name.endswith(safe_files.PARTIAL_SUFFIX)]


FULL_DISK_SCRIPT = """
import sys
from pathlib import Path
from desktop_app.db.opening import open_database
from desktop_app.domain.errors import UserError
from desktop_app.services.report import build_report, write_report
from desktop_app.services.exchange.exporter import export_bundle

mount, db = Path(sys.argv[1]), Path(sys.argv[2])
database = open_database(db)
report = build_report(database)
writers = {kind: (lambda target, kind=kind: write_report(report, target)) for kind in ("pdf", "docx", "xlsx", "html")}
writers["json"] = lambda target: export_bundle(database, target)
for kind, write in writers.items():
    target = mount / f"r.{kind}"
    target.write_bytes(b"OLD")
    filler = mount / "filler"
    with open(filler, "wb", buffering=0) as handle:  # fill the disk to the last byte
        for chunk in (4096, 1):
            try:
                while True:
                    handle.write(bytes(chunk))
            except OSError:
                pass
    try:
        write(target)
        print(kind, "written")
    except UserError as error:
        print(kind, "refused:", error.message)
    print(kind, "old kept" if target.read_bytes() == b"OLD" else "old replaced",
          sorted(p.name for p in mount.iterdir()))
    filler.unlink()
    target.unlink()
"""


@pytest.mark.slow
def test_a_real_full_disk(tmp_path: Path, one_dialogue: Database) -> None:
    """A 256 KB tmpfs filled to the last byte: each report format and an export leave the old file."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                                           capture_output=True, check=False).returncode:
        pytest.skip("no tmpfs can be mounted here")
    try:
        one_dialogue.close()
        result = subprocess.run([sys.executable, "-c", FULL_DISK_SCRIPT, str(mount), str(one_dialogue.path)],
                                capture_output=True, text=True, timeout=300, check=False)
    finally:
        subprocess.run(["umount", str(mount)], check=False)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert len(lines) == 10, result.stdout
    for kind in ("pdf", "docx", "xlsx", "html", "json"):
        assert f"{kind} refused: The disk is full" in result.stdout
        assert f"{kind} old kept ['filler', 'r.{kind}']" in result.stdout


@pytest.mark.parametrize("piece", [1, 7, 64, 1 << 20])
def test_the_pdf_check_finds_the_page_count_read_a_piece_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   piece: int) -> None:
    """The page tree's /Count is found wherever the pieces the file is read in cut it (issue 19, round 6:
    a report's PDF is not read whole to be checked), and a count that is not there is not found."""
    kids = "".join(f"{n} 0 R\n" for n in range(3, 203))
    body = (b"%PDF-1.4\n1 0 obj\n<<\n/Type /Catalog\n/Pages 2 0 R\n>>\nendobj\n"
            + f"2 0 obj\n<<\n/Type /Pages\n/Kids [\n{kids}]\n/Count 200\n>>\nendobj\n".encode())
    path = tmp_path / "tree.pdf"
    path.write_bytes(body + f"xref\n0 1\ntrailer\n<< >>\nstartxref\n{len(body)}\n%%EOF\n".encode())
    monkeypatch.setattr(safe_files, "CHECK_BYTES", piece)
    safe_files.check_pdf(200)(path)
    with pytest.raises(safe_files.Incomplete, match="199 pages"):
        safe_files.check_pdf(199)(path)


# --- a read-only file ---------------------------------------------------------------------------------------

def test_a_read_only_file_is_not_replaced(one_dialogue: Database, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Last quarter's report, made read-only so that nobody overwrites it: a report, an export or a
    backup of that name is refused with one sentence and the file stays as it was, read-only (round 16:
    on Linux and macOS the rename replaced it without a word, and the new file was writable; Windows
    said "Access is denied")."""
    kept = tmp_path / "q3.pdf"
    kept.write_bytes(OLD)
    kept.chmod(0o444)
    report = build_report(one_dialogue)
    for write in (lambda: write_report(report, kept), lambda: export_bundle(one_dialogue, kept),
                  lambda: backups.write_copy(one_dialogue.path, kept)):
        with pytest.raises(UserError, match="is read-only"):
            write()
        assert kept.read_bytes() == OLD and stat.S_IMODE(kept.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".q3")) == []

    code = cli.main(["--db", str(one_dialogue.path), "report", "-o", str(kept)])
    assert code == 1
    err = capsys.readouterr().err
    assert "is read-only" in err and "Traceback" not in err
    assert kept.read_bytes() == OLD


def test_a_database_this_process_holds_open_is_never_read_raw_to_be_refused(one_dialogue: Database, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 17: a file the officer names is refused when it is a database, known by its header; a
    database this process has a connection to is refused unread (db.live_files), whether a report or
    `backup -o` is written over it: closing a raw read would drop that connection's locks."""
    from desktop_app.db import live_files

    earlier = tmp_path / "stick" / "register.sqlite3"
    earlier.parent.mkdir()
    backups.back_up(one_dialogue.path, output=earlier)
    before = earlier.read_bytes()
    read: list[str] = []
    real_open = open

    def spying_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(os.path.realpath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(safe_files, "open", spying_open, raising=False)
    key = live_files.hold(earlier)
    try:
        with pytest.raises(UserError, match="is a database, not a backup written by Dialogue Register"):
            backups.back_up(one_dialogue.path, output=earlier)
        with pytest.raises(UserError, match="is a database file; choose another file name"):
            safe_files.write_file(earlier, lambda stream: stream.write(b"<html></html>"))
    finally:
        live_files.let_go(key)
    assert os.path.realpath(earlier) not in read
    assert earlier.read_bytes() == before
    backups.back_up(one_dialogue.path, output=earlier)  # let go: an earlier backup, replaced
    assert os.path.realpath(earlier) in read
