"""Delete for good asks the dialogue's open form first (round 15).

A dialogue moved to the trash while its form held typed, unsaved words could be deleted for good
from the Trash page without a word about the form; its Save then said the dialogue "was deleted for
good elsewhere; save it as a new dialogue" — which the form cannot do — and offered to reload what
no longer exists: the words typed could only be thrown away. Now the open form is asked to close
first, as before a restore or another database (Save / Don't save / Cancel): Cancel (Esc) keeps the
dialogue in the trash and the form with its words. Driven by keys: Return, typing, Del, Ctrl+4,
Shift+Del, and the form's own question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.factories import make_dialogue
from tests.ui.conftest import when_modal
from tests.ui.form_driving import activate, open_only_dialogue, press, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, ALT, SHIFT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ShiftModifier)


def typed_then_trashed(qtbot, window, database):
    """The dialogue opened with Return, a city typed (not saved), then moved to the trash with Del."""
    dialogue = make_dialogue("Open meeting", city="Brussels")
    editor = open_only_dialogue(qtbot, window, dialogue)
    table = window.dialogues.table
    type_text(qtbot, editor.details.city, "Almaty")
    activate(qtbot, table)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    press(qtbot, window, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: window.trash.model.rowCount() == 1)
    window.trash.table.setFocus()
    window.trash.table.selectRow(0)
    return dialogue, editor


def answer_the_form(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier, seen: list[str]) -> None:
    def answer(box: QWidget) -> None:
        QApplication.processEvents()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        qtbot.keyClick(box, key, modifiers)
        qtbot.wait(300)  # a button's Alt+letter clicks it after a short flash
        if box.isVisible():
            box.button(QMessageBox.StandardButton.Cancel).click()  # never leave the test waiting

    when_modal(answer)


def test_cancel_in_the_open_form_keeps_the_dialogue_and_the_words_typed(qtbot, window, database, answers) -> None:
    dialogue, editor = typed_then_trashed(qtbot, window, database)
    seen: list[str] = []
    answer_the_form(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, seen)
    qtbot.keyClick(window.trash.table, Qt.Key.Key_Delete, SHIFT)
    qtbot.waitUntil(lambda: bool(seen))

    assert "Open meeting" in seen[0]  # the form's own question about its unsaved changes
    assert editor.isVisible() and editor.details.city.text() == "Almaty"
    assert DialogueRepository(database).get(dialogue.id).deleted_at is not None  # still in the trash
    editor.is_modified = lambda: False  # the test's end closes it without asking


def test_dont_save_closes_the_form_and_deletes_for_good(qtbot, window, database, answers) -> None:
    dialogue, editor = typed_then_trashed(qtbot, window, database)
    seen: list[str] = []
    answer_the_form(qtbot, Qt.Key.Key_D, ALT, seen)
    qtbot.keyClick(window.trash.table, Qt.Key.Key_Delete, SHIFT)
    qtbot.waitUntil(lambda: window.trash.model.rowCount() == 0)

    assert seen and not editor.isVisible()
    assert window.editors.open_editors() == []
    with pytest.raises(Exception, match="no longer in the database"):
        DialogueRepository(database).get(dialogue.id)


def test_the_form_of_a_new_dialogue_saved_then_deleted_for_good_is_asked_too(
        qtbot, window, database, answers) -> None:
    """A form opened with Ctrl+N and saved is the form of that dialogue from then on."""
    from tests.ui.form_driving import save_form

    press(qtbot, window, Qt.Key.Key_N, CTRL)
    (editor, _), = window.editors.open_editors()
    qtbot.waitExposed(editor)
    type_text(qtbot, editor.details.title, "Typed as new")
    editor.details.start_date.setFocus()
    qtbot.keyClicks(editor.details.start_date, "2024-05-02")
    save_form(qtbot, editor)
    type_text(qtbot, editor.details.city, "Almaty")  # typed after the save, not saved
    table = window.dialogues.table
    activate(qtbot, table)
    qtbot.waitUntil(lambda: window.dialogues.model.rowCount() == 1)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    press(qtbot, window, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: window.trash.model.rowCount() == 1)
    window.trash.table.setFocus()
    window.trash.table.selectRow(0)
    seen: list[str] = []
    answer_the_form(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, seen)
    qtbot.keyClick(window.trash.table, Qt.Key.Key_Delete, SHIFT)
    qtbot.waitUntil(lambda: bool(seen))

    assert editor.isVisible() and editor.details.city.text() == "Almaty"
    assert window.trash.model.rowCount() == 1
    editor.is_modified = lambda: False
