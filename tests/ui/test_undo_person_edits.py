"""Ctrl+Z takes back a participant's sex chosen in the grid. The sex belongs to the person record, so
before round 15 undo left it chosen (the form's undo only ever added people's edits back, never
dropped one made since): the cell still showed it, the form stayed unsaved, and the next save of
anything else wrote it to the person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from tests.ui.form_driving import cell, key, keys, participants_form, press, save_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
NAME, POSITION, SEX = 0, 2, 4


@pytest.mark.parametrize(("language", "female"), [("en", "F"), ("ru", "Ж")])
def test_undo_takes_back_a_sex_chosen_for_a_known_person(qtbot, database, request, boxes_told, language, female):
    if language == "ru":
        request.getfixturevalue("russian")
    dialogue, editor, grid = participants_form(qtbot, database, "Асель Нурланова", "Yerlan Zhumabayev")
    people = [p.person_id for p in dialogue.delegations[0].participants]
    grid.setFocus()
    grid.setCurrentCell(0, SEX)
    key(qtbot, Qt.Key.Key_F2)
    keys(qtbot, female)
    key(qtbot, Qt.Key.Key_Return)
    assert cell(grid, 0, SEX) != ""

    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert cell(grid, 0, SEX) == ""
    assert not editor.is_modified()

    grid.setFocus()
    grid.setCurrentCell(1, POSITION)
    keys(qtbot, "Analyst")
    key(qtbot, Qt.Key.Key_Return)
    save_form(qtbot, editor)
    assert PeopleRepository(database).get(people[0]).sex is None
    stored = DialogueRepository(database).get(dialogue.id)
    assert [p.position for p in stored.delegations[0].participants] == ["Expert", "Analyst"]
    assert boxes_told == []


def test_redo_gives_the_sex_back(qtbot, database, boxes_told):
    dialogue, editor, grid = participants_form(qtbot, database, "Асель Нурланова")
    people = [p.person_id for p in dialogue.delegations[0].participants]
    grid.setFocus()
    grid.setCurrentCell(0, SEX)
    key(qtbot, Qt.Key.Key_F2)
    keys(qtbot, "F")
    key(qtbot, Qt.Key.Key_Return)
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    press(qtbot, editor, Qt.Key.Key_Y, CTRL)
    assert cell(grid, 0, SEX) == "Female"
    save_form(qtbot, editor)
    assert PeopleRepository(database).get(people[0]).sex is not None
