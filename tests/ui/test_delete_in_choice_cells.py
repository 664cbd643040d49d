"""Delete in a choice cell (docs/entry.md: Delete empties the cell). Sex can be empty (not
recorded): Delete clears it. Side, role, participation status and an action's status cannot:
Delete leaves them as they are. Round 15: Delete on a sex was ignored (the cell drew the sex
again), and on an action's status it blanked the cell while the record kept the status."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, Sex
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, cell, key, open_form, press, save_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
SEX, ACTION_STATUS, SIDE = 4, 3, 1


@pytest.mark.parametrize(("language", "done"), [("en", "Done"), ("ru", "Выполнено")])
def test_delete_clears_a_sex_and_leaves_a_status(qtbot, database, request, boxes_told, language, done):
    if language == "ru":
        request.getfixturevalue("russian")
    (person,) = add_people(database, "Асель Нурланова", sex=Sex.FEMALE)
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(r.Party.country("KZ"), person),),
        actions=(r.Action("Share the report", status=ActionStatus.DONE),)))
    editor = open_form(qtbot, database, dialogue)

    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    side = cell(editor.delegations.table, 0, SIDE)
    activate(qtbot, editor.delegations.table)
    editor.delegations.table.setFocus()
    editor.delegations.table.setCurrentCell(0, SIDE)
    key(qtbot, Qt.Key.Key_Delete)
    assert cell(editor.delegations.table, 0, SIDE) == side
    grid = editor.delegations.participants
    grid.setFocus()
    grid.setCurrentCell(0, SEX)
    key(qtbot, Qt.Key.Key_Delete)
    assert cell(grid, 0, SEX) == ""

    press(qtbot, editor, Qt.Key.Key_4, CTRL)
    actions = editor.actions_tab.table
    activate(qtbot, actions)
    actions.setFocus()
    actions.setCurrentCell(0, ACTION_STATUS)
    key(qtbot, Qt.Key.Key_Delete)
    assert cell(actions, 0, ACTION_STATUS) == done

    save_form(qtbot, editor)
    assert PeopleRepository(database).get(person.id).sex is None
    stored = DialogueRepository(database).get(dialogue.id)
    assert stored.actions[0].status is ActionStatus.DONE
    assert stored.delegations == dialogue.delegations
    assert boxes_told == []
