"""Unsaved form edits survive a crash: kept as a draft while typing, back in the form next time."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.services import drafts
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import make_dialogue
from tests.ui.form_driving import type_into_cell, type_text
from tests.ui.test_dialogue_editor import CTRL_SHIFT, Answers, open_editor, press


def crash(editor: DialogueEditor) -> None:
    """The window goes away without closeEvent's questions, as when the process dies."""
    editor.is_modified = lambda: False  # type: ignore[method-assign]
    editor.hide()


def test_typing_keeps_a_draft_that_comes_back_after_a_crash_and_is_gone_after_save(qtbot, database, monkeypatch):
    stored = DialogueRepository(database).save(make_dialogue("Bilateral expert meeting"))
    editor = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    type_text(qtbot, editor.details.title, "Bilateral expert meeting on synthetic drugs")
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is not None, timeout=5000)
    crash(editor)

    again = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    assert again.details.title.text() == "Bilateral expert meeting on synthetic drugs"
    assert again.is_modified() and again.windowTitle().startswith("Bilateral expert meeting on synthetic drugs*")
    assert "Unsaved changes kept at" in again.statusBar().currentMessage()
    assert DialogueRepository(database).get(stored.id).title == "Bilateral expert meeting"  # not saved unasked

    press(qtbot, again, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert DialogueRepository(database).get(stored.id).title == "Bilateral expert meeting on synthetic drugs"
    assert drafts.load_draft(database.path, stored.id) is None


def test_discarding_on_close_drops_the_draft(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Discard)
    stored = DialogueRepository(database).save(make_dialogue("Regional conference"))
    editor = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    type_text(qtbot, editor.details.title, "Regional conference, changed")
    editor.keep_draft()
    assert drafts.load_draft(database.path, stored.id) is not None
    editor.close()
    assert answers.questions and not editor.isVisible()
    assert drafts.load_draft(database.path, stored.id) is None
    reopened = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    assert reopened.details.title.text() == "Regional conference" and not reopened.is_modified()


def test_a_new_dialogue_with_a_new_participant_is_kept_whole(qtbot, database):
    editor = open_editor(qtbot, database)
    type_text(qtbot, editor.details.title, "Expert meeting on precursors")
    editor.tabs.setCurrentIndex(1)
    type_text(qtbot, editor.delegations.party_picker, "Kazakhstan")
    qtbot.keyClick(editor.delegations.party_picker, Qt.Key.Key_Return)
    editor.delegations.select(0)
    press(qtbot, editor, Qt.Key.Key_P, CTRL_SHIFT)
    type_into_cell(qtbot, editor.delegations.participants, 0, 0, "Айгерим Жумабаева")
    editor.keep_draft()
    dialogue_id = editor.record().id
    crash(editor)

    (draft,) = drafts.left_drafts(database.path)
    assert draft.base_revision == 0 and [p.name for p in draft.people] == ["Айгерим Жумабаева"]
    again = open_editor(qtbot, database, draft.dialogue)
    assert again.details.title.text() == "Expert meeting on precursors"
    assert again.save()
    saved = DialogueRepository(database).get(dialogue_id)
    (person_id,) = [p.person_id for d in saved.delegations for p in d.participants]
    assert PeopleRepository(database).get(person_id).name == "Айгерим Жумабаева"
    assert drafts.left_drafts(database.path) == []


def _open_cell_and_type(qtbot, table, row: int, column: int, text: str) -> None:
    """F2 on the cell and type, leaving the editor open (no Return): the officer is mid-cell."""
    from PySide6.QtWidgets import QLineEdit, QTableWidget

    from tests.ui.form_driving import _cell_editor, activate, key_clicks

    activate(qtbot, table)
    table.setFocus()
    table.setCurrentCell(row, column)
    if table.state() != QTableWidget.State.EditingState:
        qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = _cell_editor(table, row, column)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    key_clicks(qtbot, editor, text)
    assert table.state() == QTableWidget.State.EditingState


def test_the_text_of_a_cell_being_typed_in_is_kept_and_comes_back_in_its_open_cell(qtbot, database):
    """Typing in a cell (the editor still open) kept no draft, and a draft kept before it lacked the cell:
    a crash lost a whole agenda item typed into it. Now typing in a cell keeps a draft too, and taking it
    back opens that cell again on its tab with the text as typed; the record is not changed unasked."""
    from desktop_app.domain import records as r

    stored = DialogueRepository(database).save(replace(
        make_dialogue("Bilateral expert meeting"), agenda=(r.AgendaItem(id="a1", title="Opening"),)))
    editor = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    editor.tabs.setCurrentWidget(editor.agenda)
    _open_cell_and_type(qtbot, editor.agenda.table, 0, 0, "Synthetic drugs: early warning")
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is not None, timeout=5000)
    crash(editor)

    again = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    table = again.agenda.table
    assert again.tabs.currentWidget() is again.agenda
    editor_widget = table.indexWidget(table.currentIndex())
    assert (table.currentRow(), table.currentColumn()) == (0, 0)
    assert editor_widget is not None and editor_widget.text() == "Synthetic drugs: early warning"
    qtbot.keyClick(editor_widget, Qt.Key.Key_Return)
    assert [item.title for item in again.record().agenda] == ["Synthetic drugs: early warning"]
    assert again.is_modified()
    assert [item.title for item in DialogueRepository(database).get(stored.id).agenda] == ["Opening"]


def test_a_participant_name_being_typed_comes_back_in_its_delegation(qtbot, database):
    editor = open_editor(qtbot, database)
    type_text(qtbot, editor.details.title, "Expert meeting on precursors")
    editor.tabs.setCurrentIndex(1)
    for party in ("Kazakhstan", "Kyrgyzstan"):
        type_text(qtbot, editor.delegations.party_picker, party)
        qtbot.keyClick(editor.delegations.party_picker, Qt.Key.Key_Return)
    editor.delegations.select(1)
    press(qtbot, editor, Qt.Key.Key_P, CTRL_SHIFT)
    _open_cell_and_type(qtbot, editor.delegations.participants, 0, 0, "Айгерим Жумаб")
    editor.keep_draft()
    crash(editor)

    (draft,) = drafts.left_drafts(database.path)
    again = open_editor(qtbot, database, draft.dialogue)
    table = again.delegations.participants
    assert again.tabs.currentWidget() is again.delegations and again.delegations.current_index() == 1
    assert table.indexWidget(table.currentIndex()).text() == "Айгерим Жумаб"


def test_a_cells_typing_dropped_with_esc_is_not_offered_after_a_crash(qtbot, database):
    from desktop_app.domain import records as r

    stored = DialogueRepository(database).save(replace(
        make_dialogue("Bilateral expert meeting"), agenda=(r.AgendaItem(id="a1", title="Opening"),)))
    editor = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    editor.tabs.setCurrentWidget(editor.agenda)
    _open_cell_and_type(qtbot, editor.agenda.table, 0, 0, "Half a thought")
    editor.keep_draft()
    assert drafts.load_draft(database.path, stored.id).open_cell is not None
    qtbot.keyClick(editor.agenda.table.indexWidget(editor.agenda.table.currentIndex()), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is None, timeout=5000)
    crash(editor)

    again = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    assert not again.is_modified() and again.tabs.currentWidget() is again.details



def test_an_edit_undone_is_not_brought_back_by_its_draft_after_a_crash(qtbot, database):
    """Undo did not touch the draft: type, wait, Ctrl+Z, crash, and the next start offered the undone
    text back as the unsaved work. The draft follows undo and redo as it follows typing."""
    stored = DialogueRepository(database).save(make_dialogue("Regional conference"))
    editor = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    type_text(qtbot, editor.details.title, "Regional conference on cocaine")
    type_text(qtbot, editor.details.city, "Almaty")
    editor.keep_draft()
    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id).dialogue.city != "Almaty", timeout=5000)
    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is None, timeout=5000)
    crash(editor)

    again = open_editor(qtbot, database, DialogueRepository(database).get(stored.id))
    assert again.details.title.text() == "Regional conference" and not again.is_modified()
