"""Issue 13, finding 3: File ▸ Open / New / Recent and the reopening after a restore go through the one
open path: daily backup, cloud-folder warning, owner-only permissions, and the rescue dialog for a
damaged file (they bypassed it through `open_database`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services import backups
from tests.factories import make_dialogue


def _database_with_a_record(path: Path) -> Path:
    database = open_database(path)
    try:
        DialogueRepository(database).save(make_dialogue("Held in the other file"))
    finally:
        database.close()
    return path


def test_file_open_takes_the_daily_backup_and_makes_the_file_owner_only(window, qtbot, tmp_path,
                                                                        monkeypatch) -> None:
    other = _database_with_a_record(tmp_path / "other" / "other.sqlite3")
    other.chmod(0o644)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    qtbot.waitUntil(lambda: window._painted)
    window.open_database_action.trigger()
    assert window.database.path == other.absolute()
    # in the background once the file is open (issue 19): the officer does not wait for it
    qtbot.waitUntil(lambda: window._after_work is None and bool(backups.list_backups(other)), timeout=10_000)
    assert [info.reason for info in backups.list_backups(other)] == ["daily"]
    assert other.stat().st_mode & 0o777 == 0o600


def test_recent_database_in_a_cloud_folder_is_warned_about(window, tmp_path, answers) -> None:
    other = _database_with_a_record(tmp_path / "Dropbox" / "register.sqlite3")
    assert window.switch_database(other)  # what a Recent databases entry calls
    assert any("cloud-synced folder" in text for text in answers.texts("warn"))


def test_a_damaged_file_chosen_in_file_open_gets_the_rescue_dialog(window, tmp_path, monkeypatch) -> None:
    from desktop_app.ui.dialogs import damaged_database_dialog as module

    damaged = tmp_path / "damaged" / "broken.sqlite3"
    damaged.parent.mkdir()
    damaged.write_bytes(b"\0" * 4096)
    offered: list[str] = []
    monkeypatch.setattr(module.DamagedDatabaseDialog, "exec", lambda dialog: offered.append(dialog.message.text()))
    before = window.database.path
    assert not window.switch_database(damaged)
    assert offered and "damaged" in offered[0]
    assert window.database.path == before
    assert damaged.read_bytes() == b"\0" * 4096


def test_reopening_after_a_restore_goes_through_the_open_path(window, database, tmp_path, monkeypatch) -> None:
    """After a restore the window reopens its file: the permissions are made owner-only again there too."""
    path = database.path
    database.close()
    path.chmod(0o644)
    window._reopen(path)
    assert window.database.path == path
    assert path.stat().st_mode & 0o777 == 0o600
