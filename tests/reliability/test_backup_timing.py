"""Issue 19: the daily backup and the integrity check never stand between the officer and the first
window or a command's answer. A command prints (and flushes) its answer first, then checks and takes a
due backup in the same process; the window paints its list first, then checks and backs up in the
background; a due backup is written once; the copy before an upgrade stays in front of the upgrade."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services import backups, startup
from tests.factories import make_dialogue

ARCHIVES = Path(__file__).resolve().parents[1] / "db" / "archives"


def _with_a_record(path: Path) -> Path:
    database = open_database(path)
    try:
        DialogueRepository(database).save(make_dialogue("Worth a daily backup"))
    finally:
        database.close()
    return path


class _RecordingStdout(io.StringIO):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def write(self, text: str) -> int:
        if text.strip():
            self.events.append(f"write {text.strip()}")
        return super().write(text)

    def flush(self) -> None:
        self.events.append("flush")
        super().flush()


def _record_work_after_opening(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    real_check, real_backup = startup.quick_check_finds_damage, startup.back_up_if_due

    def check(path: Path) -> bool:
        events.append("quick_check")
        return real_check(path)

    def backup(path: Path, **kwargs: object) -> Path | None:
        events.append("backup")
        return real_backup(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(startup, "quick_check_finds_damage", check)
    monkeypatch.setattr(startup, "back_up_if_due", backup)


def test_a_command_prints_and_flushes_its_answer_before_the_daily_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _with_a_record(tmp_path / "db.sqlite3")
    events: list[str] = []
    _record_work_after_opening(monkeypatch, events)
    monkeypatch.setattr("sys.stdout", _RecordingStdout(events))
    status = cli.main(["--db", str(db), "export", "-o", str(tmp_path / "out.json")])
    assert status == 0
    answer = next(i for i, e in enumerate(events) if e.startswith("write") and "exported" in e)
    assert "flush" in events[answer:] and "backup" in events
    assert answer < events.index("flush", answer) < events.index("backup")
    assert "quick_check" not in events[answer:]  # a command checks before it works (a damaged file: refused)
    assert [info.reason for info in backups.list_backups(db)] == ["daily"]  # taken before the process ends


def test_backup_writes_one_copy_when_the_daily_one_is_due(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _with_a_record(tmp_path / "db.sqlite3")
    assert backups.list_backups(db) == []  # so the daily backup is due
    assert cli.main(["--db", str(db), "backup"]) == 0
    assert [info.reason for info in backups.list_backups(db)] == ["manual"]  # not a daily copy beside it
    assert "Backup written to" in capsys.readouterr().out


def test_a_failed_command_still_takes_the_due_daily_backup_after_its_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _with_a_record(tmp_path / "db.sqlite3")
    status = cli.main(["--db", str(db), "document", "sign-in-sheet", "--dialogue", "no-such-dialogue",
                       "-o", str(tmp_path / "sheet.docx")])
    assert status == 1 and "dialogue-register:" in capsys.readouterr().err
    assert [info.reason for info in backups.list_backups(db)] == ["daily"]


def test_damage_found_after_the_windows_opening_takes_no_daily_backup(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged file must not push the good copies out of the rotation with a copy of itself."""
    db = _with_a_record(tmp_path / "db.sqlite3")
    opened = startup.open_for_work(db, defer=True, check_later=True)
    opened.database.close()
    monkeypatch.setattr(startup, "quick_check_finds_damage", lambda path: True)
    assert opened.later is not None
    done = opened.later.run()
    assert done.damage and "restore it from a backup" in done.damage
    assert done.daily_backup is None and backups.list_backups(db) == []


def test_quick_check_finds_real_damage_through_sqlite(tmp_path: Path) -> None:
    db = _with_a_record(tmp_path / "db.sqlite3")
    assert not startup.quick_check_finds_damage(db)
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # every page but the first (header and schema) scribbled on
        data[page * page_size + 8: page * page_size + 64] = b"\xff" * 56
    db.write_bytes(bytes(data))
    assert startup.quick_check_finds_damage(db)


def test_opening_for_the_window_leaves_the_check_and_the_backup_for_later(tmp_path: Path) -> None:
    db = _with_a_record(tmp_path / "db.sqlite3")
    opened = startup.open_for_work(db, defer=True, check_later=True)
    try:
        assert backups.list_backups(db) == [] and opened.later is not None
        done = opened.later.run()
        assert done.damage is None and done.daily_backup is not None and done.daily_backup.exists()
        assert opened.later.run().daily_backup is None  # once a day, not once a call
    finally:
        opened.database.close()


def test_the_copy_before_an_upgrade_stays_in_front_of_the_upgrade(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.db import migrate

    db = tmp_path / "old.sqlite3"
    shutil.copyfile(ARCHIVES / "schema-0005.sqlite3", db)
    events: list[str] = []
    real_copy, real_run = migrate.backup_copy, migrate._run_alembic
    monkeypatch.setattr(migrate, "backup_copy", lambda *a, **k: (events.append("copy"), real_copy(*a, **k))[1])
    monkeypatch.setattr(migrate, "_run_alembic", lambda *a, **k: (events.append("upgrade"), real_run(*a, **k))[1])
    opened = startup.open_for_work(db, defer=True)
    opened.database.close()
    assert events == ["copy", "upgrade"]
    assert [info.reason for info in backups.list_backups(db)] == ["before-upgrade-from-0005"]  # no daily yet


def test_the_window_paints_its_list_before_the_check_and_the_daily_backup(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QEvent, QObject

    from desktop_app.ui.database_files import open_for_window
    from desktop_app.ui.main_window import MainWindow

    db = _with_a_record(tmp_path / "db.sqlite3")
    events: list[str] = []
    _record_work_after_opening(monkeypatch, events)
    opened = open_for_window(None, db)
    assert opened is not None
    assert events == [] and backups.list_backups(db) == []  # opening alone neither checks nor copies

    class PaintRecorder(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in events:
                events.append("paint")
            return False

    window = MainWindow(opened.database, claim=opened.claim, later=opened.later)
    qtbot.addWidget(window)
    recorder = PaintRecorder()
    window.dialogues.table.viewport().installEventFilter(recorder)
    window.show()
    qtbot.waitUntil(lambda: bool(backups.list_backups(db)) and window._after_work is None, timeout=10_000)
    assert events == ["paint", "quick_check", "backup"]
    assert [info.reason for info in backups.list_backups(db)] == ["daily"]
