"""The restore and damaged-database dialogs, driven like an officer would with pytest-qt."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services import backups
from desktop_app.ui.database_files import open_or_rescue
from desktop_app.ui.dialogs.damaged_database_dialog import DamagedDatabaseDialog, Outcome
from desktop_app.ui.dialogs.restore_dialog import RestoreDialog
from tests.factories import make_dialogue

SHOTS = Path(__file__).parent / "screenshots"
# The offscreen platform cannot size top-level windows and says so; that is not a fault of ours.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Message boxes answer from here and record what they were asked, so nothing blocks."""
    seen: dict[str, list] = {"question": [], "information": [], "warning": [],
                             "reply": [QMessageBox.StandardButton.Yes]}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (seen["question"].append(a[2]), seen["reply"][0])[1])
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen["information"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warning"].append(a[2]))
    return seen


def _titles(path: Path) -> set[str]:
    database = open_database(path)
    try:
        return {row.title for row in DialogueRepository(database).page().rows}
    finally:
        database.close()


@pytest.fixture
def two_backups(db_path: Path) -> tuple[Path, Path]:
    database = open_database(db_path)
    repository = DialogueRepository(database)
    repository.save(make_dialogue("First meeting"))
    older = backups.back_up(db_path)
    time.sleep(0.01)
    repository.save(make_dialogue("Second meeting"))
    newer = backups.back_up(db_path)
    repository.save(make_dialogue("Third meeting"))
    database.close()
    return older, newer


def _click_row(qtbot, dialog: RestoreDialog, row: int) -> None:
    rect = dialog.table.visualRect(dialog.table.model().index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_list_shows_dates_kinds_and_counts_newest_first(qtbot, db_path, two_backups) -> None:
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [[dialog.table.item(r, c).text() for c in range(5)] for r in range(dialog.table.rowCount())]
    assert [row[2] for row in rows] == ["2", "1"]
    assert all(row[1] == "Backed up by hand" and row[4] == "Can be restored" for row in rows)
    assert rows[0][0][:4].isdigit() and len(rows[0][0]) == 16
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "restore-dialog.png"))


def test_choosing_a_backup_and_confirming_restores_it(qtbot, db_path, two_backups, answers) -> None:
    calls: list[str] = []
    dialog = RestoreDialog(db_path, release=lambda: calls.append("release"), reopen=lambda: calls.append("reopen"))
    qtbot.addWidget(dialog)
    dialog.show()
    _click_row(qtbot, dialog, 1)  # the older one
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert calls == ["release", "reopen"]
    assert _titles(db_path) == {"First meeting"}
    assert answers["information"] == ["Restored: 1 dialogue and 0 people."]
    assert dialog.result() == RestoreDialog.DialogCode.Accepted


@pytest.mark.parametrize("language, said", [("en", "Restored: 2 dialogues and 0 people."),
                                              ("ru", "Восстановлено: 2 диалога и 0 человек.")])
def test_the_restored_counts_agree_with_their_nouns(qtbot, qapp, db_path, two_backups, answers, language: str,
                                                    said: str) -> None:
    """Round 18: the window said "Restored: 1 dialogues"; each count now takes its noun's form, in
    Russian by the catalogue's three forms."""
    from PySide6.QtCore import QLocale

    from desktop_app.ui import translations

    before = QLocale()
    if language == "ru":
        translations.install_chosen("ru", qapp, QLocale("en_GB"))
    try:
        dialog = RestoreDialog(db_path, release=lambda: None, reopen=lambda: None)
        qtbot.addWidget(dialog)
        dialog.show()
        _click_row(qtbot, dialog, 0)  # the newer one: two dialogues
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    finally:
        if language == "ru":
            translations.remove_installed(qapp, before)
    assert answers["information"] == [said]


def test_saying_no_changes_nothing(qtbot, db_path, two_backups, answers) -> None:
    answers["reply"][0] = QMessageBox.StandardButton.No
    before = db_path.read_bytes()
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(answers["question"]) == 1 and db_path.read_bytes() == before
    assert _titles(db_path) == {"First meeting", "Second meeting", "Third meeting"}


def test_a_damaged_backup_is_listed_but_cannot_be_chosen(qtbot, db_path, two_backups, answers) -> None:
    older, _newer = two_backups
    older.write_bytes(b"\0" * 2048)
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.item(1, 4).text().startswith("Cannot be restored")
    _click_row(qtbot, dialog, 1)
    assert not dialog.restore_button.isEnabled()


def test_back_up_now_adds_a_row(qtbot, db_path, two_backups, answers) -> None:
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 3 and dialog.table.item(0, 2).text() == "3"
    assert answers["information"][0].startswith("Backup written to ")


def test_restoring_from_a_bad_file_shows_one_sentence_and_keeps_the_database(qtbot, db_path, two_backups,
                                                                              answers, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    before = db_path.read_bytes()
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert len(answers["warning"]) == 1 and "cannot be restored" in answers["warning"][0]
    assert db_path.read_bytes() == before


def test_the_damaged_dialog_offers_and_restores_the_latest_good_backup(qtbot, db_path, two_backups, answers) -> None:
    db_path.write_bytes(b"\0" * 8192)
    dialog = DamagedDatabaseDialog(db_path, "dialogues.sqlite3 is damaged; restore it from a backup.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isEnabled()
    assert "2 dialogues" in dialog.offer.text() and "has not been changed" in dialog.findChildren(
        type(dialog.offer))[2].text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "damaged-dialog.png"))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is Outcome.RESTORED
    assert _titles(db_path) == {"First meeting", "Second meeting"}


def test_without_a_good_backup_it_offers_another_file(qtbot, db_path, tmp_path, monkeypatch) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"random bytes, not a database")
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    dialog = DamagedDatabaseDialog(db_path, "dialogues.sqlite3 is damaged.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isEnabled() and "No good backup" in dialog.offer.text()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is Outcome.OPEN_OTHER and dialog.other_path == other
    assert db_path.read_bytes() == b"random bytes, not a database"


def test_open_or_rescue_restores_then_opens(qtbot, db_path, two_backups, monkeypatch) -> None:
    from desktop_app.ui.dialogs import damaged_database_dialog as module

    db_path.write_bytes(b"\0" * 4096)
    shown: list[str] = []

    def choose_restore(dialog: DamagedDatabaseDialog) -> int:
        shown.append(dialog.message.text())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(module.DamagedDatabaseDialog, "exec", choose_restore)
    opened = open_or_rescue(db_path)  # the window's opening (ui/database_files.py) shows the dialog
    assert opened is not None and len(shown) == 1 and "damaged" in shown[0]
    try:
        assert DialogueRepository(opened.database).count() == 2
    finally:
        opened.database.close()


def test_open_or_rescue_quits_without_touching_the_file(qtbot, db_path, monkeypatch) -> None:
    from desktop_app.ui.dialogs import damaged_database_dialog as module

    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"\0" * 4096)
    monkeypatch.setattr(module.DamagedDatabaseDialog, "exec", lambda dialog: 0)
    assert open_or_rescue(db_path) is None
    assert db_path.read_bytes() == b"\0" * 4096


def test_the_file_choosers_of_restore_and_rescue_show_sqlite_files_too(qtbot, db_path, two_backups,
                                                                       monkeypatch) -> None:
    """File ▸ Open shows .sqlite3, .sqlite and .db; "Restore from a file" and the damaged database's
    "Open another database" showed only .sqlite3 and .db, so a copy named dialogues-2024.sqlite could
    not be seen to be chosen."""
    filters: list[str] = []

    def chooser(*args, **_kwargs):
        filters.append(args[3])
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    restore = RestoreDialog(db_path)
    qtbot.addWidget(restore)
    restore.show()
    qtbot.mouseClick(restore.other_button, Qt.MouseButton.LeftButton)
    damaged = DamagedDatabaseDialog(db_path, "dialogues.sqlite3 is damaged.")
    qtbot.addWidget(damaged)
    damaged.show()
    qtbot.mouseClick(damaged.open_button, Qt.MouseButton.LeftButton)
    assert len(filters) == 2 and all("*.sqlite3 *.sqlite *.db" in text for text in filters), filters
