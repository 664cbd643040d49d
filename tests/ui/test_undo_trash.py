"""Ctrl+Z in the window takes back the last Delete to trash (round 16). Before, a Del pressed on the
wrong row (Del sits beside the arrow keys) could only be found again on the Trash page; Edit had no
Undo. Driven by keys: Del in the list, then Ctrl+Z. Only what that Del moved comes back; a dialogue
restored or deleted for good since is left alone and said; Ctrl+Z in the search box undoes typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.factories import make_dialogue
from tests.ui.conftest import add_dialogues
from tests.ui.form_driving import activate, key_clicks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def _titles(window) -> list[str]:
    model = window.dialogues.model
    return sorted(model.row_at(i).title for i in range(model.rowCount()))


def _delete_rows(qtbot, window, *titles: str) -> None:
    table = window.dialogues.table
    activate(qtbot, table)
    table.setFocus()
    table.clearSelection()
    model = window.dialogues.model
    for i in range(model.rowCount()):
        if model.row_at(i).title in titles:
            table.selectionModel().select(model.index(i, 0), table.selectionModel().SelectionFlag.Select
                                          | table.selectionModel().SelectionFlag.Rows)
    qtbot.keyClick(table, Qt.Key.Key_Delete)


def test_ctrl_z_puts_back_what_the_last_del_moved(qtbot, window, database) -> None:
    add_dialogues(database, make_dialogue("First"), make_dialogue("Second"), make_dialogue("Third"))
    window.reload()
    assert not window.undo_trash_action.isEnabled()
    _delete_rows(qtbot, window, "First")
    _delete_rows(qtbot, window, "Second", "Third")
    assert _titles(window) == []
    assert window.undo_trash_action.isEnabled()
    qtbot.keyClick(window.dialogues.table, Qt.Key.Key_Z, CTRL)
    assert _titles(window) == ["Second", "Third"]  # the last Del only
    assert window.statusBar().currentMessage() == "Put 2 dialogues back in the list."
    assert not window.undo_trash_action.isEnabled()
    qtbot.keyClick(window.dialogues.table, Qt.Key.Key_Z, CTRL)  # nothing more to take back
    assert _titles(window) == ["Second", "Third"]
    assert all(DialogueRepository(database).get(window.dialogues.model.row_at(i).id).deleted_at is None
               for i in range(2))


def test_what_was_restored_or_deleted_for_good_since_is_left_alone(qtbot, window, database, answers) -> None:
    first, second = make_dialogue("First"), make_dialogue("Second")
    add_dialogues(database, first, second)
    window.reload()
    _delete_rows(qtbot, window, "First", "Second")
    DialogueRepository(database).purge(second.id)  # another window emptied it from the trash
    qtbot.keyClick(window.dialogues.table, Qt.Key.Key_Z, CTRL)
    assert _titles(window) == ["First"]
    assert window.statusBar().currentMessage() == "Put 1 dialogue back in the list."
    assert answers.texts("warn") == ["“Second” was deleted for good since: it cannot be put back."]


def test_ctrl_z_in_the_search_box_undoes_the_typing(qtbot, window, database) -> None:
    add_dialogues(database, make_dialogue("First"))
    window.reload()
    _delete_rows(qtbot, window, "First")
    search = window.dialogues.filters.search
    search.setFocus()
    key_clicks(qtbot, search, "abc")
    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)
    assert search.text() == "" and _titles(window) == []
    assert window.undo_trash_action.isEnabled()


def test_ctrl_z_after_the_trash_page_put_them_back_says_so(qtbot, window, database) -> None:
    """Round 17: with the dialogues restored from the Trash page since, Ctrl+Z said nothing at all."""
    first = make_dialogue("First")
    add_dialogues(database, first)
    window.reload()
    _delete_rows(qtbot, window, "First")
    DialogueRepository(database).restore(first.id)  # the Trash page (or another window) put it back
    qtbot.keyClick(window.dialogues.table, Qt.Key.Key_Z, CTRL)
    assert _titles(window) == ["First"]
    assert window.statusBar().currentMessage() == \
        "Already back in the list: put back from the Trash page or another window since."

