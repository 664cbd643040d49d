"""A row added at the end of a table and never typed into is not part of the record (round 17).

Tab on the last cell of a filled last row adds a row, as in a spreadsheet; one Tab too many (or
Add left empty) then made Ctrl+S refuse with "Agenda item 3 needs a title" or "participant 3: the
person is missing", for a row the officer never typed in, and Ctrl+W asked about unsaved changes
nobody made. Rows before it and a blank row in the middle are still the record's, and still
refused. (A stored participant's name cannot be emptied in the grid.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.services import drafts
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key, keys, open_form, participants_form, press
from tests.ui.test_dialogue_editor import Answers

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def _tab_past_the_end(qtbot, table) -> None:
    """From the last row's first cell, Tab cell by cell until the table adds a row."""
    rows = table.rowCount()
    activate(qtbot, table)
    table.setFocus()
    table.setCurrentCell(rows - 1, 0)
    for _ in range(table.columnCount() + 1):
        if table.rowCount() > rows:
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert table.rowCount() == rows + 1
    if table.state() == table.State.EditingState:  # the new row's first cell opens, empty
        key(qtbot, Qt.Key.Key_Escape)


def _stored(database) -> r.Dialogue:
    return DialogueRepository(database).save(make_dialogue(
        agenda=(r.AgendaItem(title="Opening"), r.AgendaItem(title="Harm reduction")),
        actions=(r.Action(description="Send the minutes"),)))


@pytest.mark.parametrize("tab", ["agenda", "actions"])
def test_a_row_tabbed_into_and_left_empty_is_not_saved_nor_refused(qtbot, database, monkeypatch, tab):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    stored = _stored(database)
    editor = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    section = editor.agenda if tab == "agenda" else editor.actions_tab
    press(qtbot, editor, Qt.Key.Key_3 if tab == "agenda" else Qt.Key.Key_4, CTRL)
    activate(qtbot, section.table)
    _tab_past_the_end(qtbot, section.table)
    assert not editor.is_modified()  # nothing typed: nothing to ask about on Ctrl+W
    editor.details.summary.setFocus()
    keys(qtbot, "Agreed.")
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert answers.warnings == []
    saved = DialogueRepository(database).get(stored.id)
    assert saved.summary == "Agreed."
    assert [a.title for a in saved.agenda] == ["Opening", "Harm reduction"]
    assert [a.description for a in saved.actions] == ["Send the minutes"]


def test_a_participant_row_tabbed_into_and_left_empty_is_not_saved_nor_refused(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    stored, editor, grid = participants_form(qtbot, database, "Aigerim Zhumabayeva", "Rustam Karimov")
    _tab_past_the_end(qtbot, grid)
    assert len(editor.delegations.participants_shown(0)) == 3  # the grid's row is there
    assert not editor.is_modified()
    press(qtbot, editor, Qt.Key.Key_W, CTRL)  # closes without a question: nothing was typed
    assert answers.questions == [] and not editor.isVisible()
    assert DialogueRepository(database).get(stored.id) == stored


def test_a_participant_typed_before_the_blank_row_is_saved(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    stored, editor, grid = participants_form(qtbot, database, "Aigerim Zhumabayeva")
    key(qtbot, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)  # a new row, its name cell open
    keys(qtbot, "Rustam Karimov")
    key(qtbot, Qt.Key.Key_Return)
    _tab_past_the_end(qtbot, grid)
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert answers.warnings == []
    names = [editor.people.name(p.person_id)
             for p in DialogueRepository(database).get(stored.id).delegations[0].participants]
    assert names == ["Aigerim Zhumabayeva", "Rustam Karimov"]


def test_a_blank_row_before_a_typed_one_is_still_refused(qtbot, database, monkeypatch):
    """Only the rows at the end are left out: one in the middle keeps the numbering of the messages."""
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    stored = _stored(database)
    editor = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    press(qtbot, editor, Qt.Key.Key_3, CTRL)
    qtbot.mouseClick(editor.agenda.buttons.add, Qt.MouseButton.LeftButton)  # item 3, left empty
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.mouseClick(editor.agenda.buttons.add, Qt.MouseButton.LeftButton)  # item 4, typed
    keys(qtbot, "Closing")
    key(qtbot, Qt.Key.Key_Return)
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert len(answers.warnings) == 1 and "Agenda item 3 needs a title" in answers.warnings[0]
    assert DialogueRepository(database).get(stored.id) == stored


def test_typing_in_a_row_tabbed_into_comes_back_after_a_crash(qtbot, database):
    """The draft's record holds no blank row, so the open cell's row is added again when it comes back."""
    stored = _stored(database)
    first = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    press(qtbot, first, Qt.Key.Key_3, CTRL)
    activate(qtbot, first.agenda.table)
    _tab_past_the_end(qtbot, first.agenda.table)
    key(qtbot, Qt.Key.Key_F2)
    keys(qtbot, "Closing rem")  # the cell still open
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is not None, timeout=5000)
    assert drafts.load_draft(database.path, stored.id).open_cell.row == 2
    first._closed = True  # the process ends without closing the window
    first.hide()

    again = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    table = again.agenda.table
    assert table.rowCount() == 3 and table.state() == table.State.EditingState
    assert table.indexWidget(table.currentIndex()).text() == "Closing rem"
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    key(qtbot, Qt.Key.Key_Return)
    press(qtbot, again, Qt.Key.Key_S, CTRL)
    assert [a.title for a in DialogueRepository(database).get(stored.id).agenda] == \
        ["Opening", "Harm reduction", "Closing rem"]
