"""Settings ▸ Programme…: the programme's details typed, a logo chosen, stored in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.db.repositories.programme import ProgrammeRepository
from desktop_app.ui.dialogs.programme_dialog import ProgrammeDialog
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.form_driving import key_clicks

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _logo(path: Path) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    assert image.save(str(path), "PNG")
    return path


def test_the_programme_is_typed_stored_in_the_database_and_shown_again(qtbot, database, tmp_path: Path,
                                                                       monkeypatch) -> None:
    settings = SettingsDialog(database=database)
    qtbot.addWidget(settings)
    opened: list[ProgrammeDialog] = []

    def officer_types(dialog: ProgrammeDialog) -> int:
        opened.append(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.name, "CADAP 7")
        key_clicks(qtbot, dialog.sender_text, "The Delegation of the European Union to Kazakhstan")
        qtbot.keyClick(dialog.sender_text, Qt.Key.Key_Return)
        key_clicks(qtbot, dialog.sender_text, "Представительство Европейского Союза в Казахстане")
        key_clicks(qtbot, dialog.letterhead, "Astana / Астана")
        qtbot.keyClicks(dialog.reference, "CADAP/{year}/{number}")
        qtbot.keyClicks(dialog.contact, "anna.schmidt@example.org")
        monkeypatch.setattr(dialog, "choose_logo_file", lambda: tmp_path / "notes.txt")
        (tmp_path / "notes.txt").write_text("not an image")
        qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
        assert dialog.problem.isVisible() and "PNG or JPEG" in dialog.problem.text()
        monkeypatch.setattr(dialog, "choose_logo_file", lambda: _logo(tmp_path / "logo.png"))
        qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
        assert not dialog.problem.isVisible() and dialog.logo_preview.pixmap() is not None
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(ProgrammeDialog, "exec", officer_types)
    qtbot.mouseClick(settings.programme_button, Qt.MouseButton.LeftButton)
    stored = ProgrammeRepository(database).get()
    assert stored.name == "CADAP 7" and stored.reference_pattern == "CADAP/{year}/{number}"
    assert stored.sender.splitlines() == ["The Delegation of the European Union to Kazakhstan",
                                          "Представительство Европейского Союза в Казахстане"]
    assert stored.letterhead == "Astana / Астана" and stored.contact == "anna.schmidt@example.org"
    assert stored.logo is not None and stored.logo.startswith(b"\x89PNG") and stored.logo_type == "image/png"
    again = ProgrammeDialog(database)
    qtbot.addWidget(again)
    assert again.name.text() == "CADAP 7" and again.logo == stored.logo


def test_cancel_keeps_the_stored_programme(qtbot, database) -> None:
    dialog = ProgrammeDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Something else")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert ProgrammeRepository(database).get().is_empty
