"""A button beside a table pressed with its Alt+letter while a cell is being typed in (Move up, Move
down, Remove) first takes the cell in, as Save and the window's keys do. An Alt+letter does not
move the focus, so before round 15 the cell stayed open while the rows moved under it: the typed
text was then put into whatever row had come to its place — another participant's position — or
was lost with an agenda item moved away."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, key, keys, open_form, press, save_form

# QTest knows no Cyrillic key for its text; the Russian Alt+letters still reach the buttons by their key code
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support", "keyToAscii Unhandled key code")
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
POSITION, NOTES = 2, 2


def _meeting(database) -> r.Dialogue:
    people = add_people(database, "Асель Нурланова", "Yerlan Zhumabayev")
    return DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(r.Party.country("KZ"), *people),),
        agenda=(r.AgendaItem("Opening"), r.AgendaItem("Drug situation")),
        actions=(r.Action("Share the report", owner="CADAP", due_date=date(2024, 3, 31)),
                 r.Action("Send the list", owner="EUDA"))))


def _typing_in(qtbot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Type into a cell (typing opens it) and leave it open."""
    activate(qtbot, table)
    table.setFocus()
    table.setCurrentCell(row, column)
    keys(qtbot, text)
    assert table.state() == QTableWidget.State.EditingState


def _button(qtbot, letter: int) -> None:
    """The button's Alt+letter; the button clicks itself a moment later (animateClick)."""
    key(qtbot, Qt.Key(letter), ALT)
    qtbot.wait(250)


def _positions(database, dialogue_id: str) -> dict[str, str | None]:
    stored = DialogueRepository(database).get(dialogue_id)
    people = PeopleRepository(database)
    return {people.get(p.person_id).name: p.position for p in stored.delegations[0].participants}


@pytest.mark.parametrize(("language", "down"), [("en", Qt.Key.Key_N), ("ru", ord("Н"))])
def test_moving_a_participant_keeps_the_position_being_typed_with_its_person(qtbot, database, request,
                                                                              boxes_told, language, down):
    if language == "ru":
        request.getfixturevalue("russian")
    dialogue = _meeting(database)
    editor = open_form(qtbot, database, dialogue)
    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    _typing_in(qtbot, editor.delegations.participants, 0, POSITION, "Director")  # Асель's row
    _button(qtbot, down)  # Move down
    save_form(qtbot, editor)
    assert _positions(database, dialogue.id) == {"Yerlan Zhumabayev": "Expert", "Асель Нурланова": "Director"}
    stored = DialogueRepository(database).get(dialogue.id)
    assert [p.id for p in stored.delegations[0].participants] == [
        p.id for p in reversed(dialogue.delegations[0].participants)]
    assert boxes_told == []


def test_removing_a_participant_does_not_give_the_typed_position_to_the_next(qtbot, database, boxes_told):
    dialogue = _meeting(database)
    editor = open_form(qtbot, database, dialogue)
    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    _typing_in(qtbot, editor.delegations.participants, 0, POSITION, "Director")
    _button(qtbot, Qt.Key.Key_R)  # Remove Асель
    assert [p.position for p in editor.record().delegations[0].participants] == ["Expert"]
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)  # the removal undone: her typed position is back with her
    assert [p.position for p in editor.record().delegations[0].participants] == ["Director", "Expert"]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_moving_an_agenda_item_keeps_the_notes_being_typed(qtbot, database, request, boxes_told, language):
    if language == "ru":
        request.getfixturevalue("russian")
    dialogue = _meeting(database)
    editor = open_form(qtbot, database, dialogue)
    press(qtbot, editor, Qt.Key.Key_3, CTRL)
    _typing_in(qtbot, editor.agenda.table, 0, NOTES, "Welcome by the chair")
    _button(qtbot, Qt.Key.Key_W if language == "en" else ord("З"))  # Move down
    save_form(qtbot, editor)
    stored = DialogueRepository(database).get(dialogue.id)
    assert [(a.title, a.notes) for a in stored.agenda] == [("Drug situation", None),
                                                           ("Opening", "Welcome by the chair")]
    assert [a.id for a in stored.agenda] == [a.id for a in reversed(dialogue.agenda)]


def test_moving_an_action_keeps_the_owner_being_typed(qtbot, database, boxes_told):
    dialogue = _meeting(database)
    editor = open_form(qtbot, database, dialogue)
    press(qtbot, editor, Qt.Key.Key_4, CTRL)
    _typing_in(qtbot, editor.actions_tab.table, 1, 1, "EMCDDA")  # the second action's owner
    _button(qtbot, Qt.Key.Key_U)  # Move up
    save_form(qtbot, editor)
    stored = DialogueRepository(database).get(dialogue.id)
    assert [(a.description, a.owner) for a in stored.actions] == [("Send the list", "EMCDDA"),
                                                                  ("Share the report", "CADAP")]
