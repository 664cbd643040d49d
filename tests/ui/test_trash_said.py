"""Delete to trash says how many dialogues it moved, not how many were selected (round 15).

With a second window on the same file (tests/reliability/test_two_windows.py), a dialogue this
window still lists may have been deleted for good there. Del on it and another said "That dialogue
is no longer in the database." and then "Moved 2 dialogues to the trash", though one was moved (or
none: the loop stopped at the first refusal). Driven by keys: Ctrl+A and Del in the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.factories import make_dialogue
from tests.ui.conftest import add_dialogues
from tests.ui.form_driving import activate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_del_counts_only_the_dialogues_it_moved(qtbot, window, database, db_path, answers) -> None:
    gone, other_gone, kept = make_dialogue("Gone elsewhere"), make_dialogue("Also gone"), make_dialogue("Still here")
    add_dialogues(database, gone, other_gone, kept)
    window.reload()
    second_window = open_database(db_path)
    try:
        elsewhere = DialogueRepository(second_window)
        for dialogue in (gone, other_gone):
            elsewhere.delete(dialogue.id)
            elsewhere.purge(dialogue.id)
    finally:
        second_window.close()
    table = window.dialogues.table
    assert window.dialogues.model.rowCount() == 3  # this window has not read the file again
    activate(qtbot, table)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Delete)

    assert DialogueRepository(database).get(kept.id).deleted_at is not None  # the one still there is moved
    assert answers.texts("warn") == ["That dialogue is no longer in the database."]
    assert window.statusBar().currentMessage() == "Moved 1 dialogue to the trash (Ctrl+Z puts it back)."


def test_restore_puts_back_each_it_can_and_says_how_many(qtbot, window, database, db_path, answers) -> None:
    """Ctrl+R on the Trash page stopped at the first dialogue gone elsewhere: the ones after it
    stayed in the trash without a word. Each is now put back on its own, and the count said."""
    gone, kept = make_dialogue("A gone elsewhere"), make_dialogue("B still in the trash")
    add_dialogues(database, gone, kept)
    for dialogue in (gone, kept):
        DialogueRepository(database).delete(dialogue.id)
    qtbot.keyClick(window.dialogues.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.trash.model.rowCount() == 2)
    second_window = open_database(db_path)
    try:
        DialogueRepository(second_window).purge(gone.id)
    finally:
        second_window.close()
    table = window.trash.table
    activate(qtbot, table)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    assert DialogueRepository(database).get(kept.id).deleted_at is None
    assert answers.texts("warn") == ["That dialogue is no longer in the database."]
    assert window.statusBar().currentMessage() == "Put 1 dialogue back in the list."
