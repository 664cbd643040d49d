"""Choice cells (side, role, sex, status, an action's status) keep the chosen value beside the
label they show, and the form reads the value, never the translated text (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.enums import ActionStatus, ParticipationStatus, Role
from desktop_app.ui.forms import actions_section, delegations_section
from desktop_app.ui.widgets.table_editing import ChoiceDelegate, EditTable, chosen
from tests.factories import make_dialogue
from tests.ui.form_driving import key, keys
from tests.ui.test_dialogue_editor import open_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def choose_in_cell(qtbot, grid: EditTable, row: int, column: int, typed: str) -> None:
    """Open the cell's editor with F2, pick by typing the label's first letter, Return: as the officer."""
    grid.setFocus()
    grid.setCurrentCell(row, column)
    key(qtbot, Qt.Key.Key_F2)
    assert grid.state() == grid.State.EditingState
    keys(qtbot, typed)
    key(qtbot, Qt.Key.Key_Return)
    assert grid.state() != grid.State.EditingState


def test_in_russian_the_role_and_status_chosen_in_the_cells_are_saved(qtbot, database, russian):
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(editor.delegations.add_central_asia, Qt.MouseButton.LeftButton)
    editor.delegations.select(0)
    grid = editor.delegations.participants
    grid.setFocus()
    key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    keys(qtbot, "Асель Нурланова")
    key(qtbot, Qt.Key.Key_Return)
    choose_in_cell(qtbot, grid, 0, delegations_section.ROLE, "С")  # «Советник»
    choose_in_cell(qtbot, grid, 0, delegations_section.STATUS, "Н")  # «Неявка» (the meeting is past)
    assert grid.item(0, delegations_section.ROLE).text() == "Советник"
    assert grid.item(0, delegations_section.STATUS).text() == "Неявка"

    editor.tabs.setCurrentWidget(editor.actions_tab)
    qtbot.mouseClick(editor.actions_tab.buttons.add, Qt.MouseButton.LeftButton)
    keys(qtbot, "Подготовить доклад")
    key(qtbot, Qt.Key.Key_Return)
    choose_in_cell(qtbot, editor.actions_tab.table, 0, actions_section.STATUS, "В")  # «Выполнено»
    assert editor.actions_tab.table.item(0, actions_section.STATUS).text() == "Выполнено"

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = DialogueRepository(database).get(stored.id)
    (participant,) = [p for d in saved.delegations for p in d.participants]
    assert (participant.role, participant.status) == (Role.ADVISER, ParticipationStatus.ABSENT)
    assert [a.status for a in saved.actions] == [ActionStatus.DONE]


def test_two_values_with_one_label_are_told_apart_by_the_value_the_cell_keeps(qtbot):
    """A translation may give two values one word; the text cannot tell them apart, the value can."""
    labels = {"second": "Same", "first": "Same"}
    grid = EditTable(["Choice"])
    qtbot.addWidget(grid)
    grid.setItemDelegateForColumn(0, ChoiceDelegate(labels, grid))
    grid.setRowCount(1)
    grid.put_choice(0, 0, labels, "first")
    grid.show()
    qtbot.waitExposed(grid)
    grid.activateWindow()
    qtbot.waitUntil(grid.isActiveWindow)
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_Up)  # from "first" to "second", both shown as "Same"
    key(qtbot, Qt.Key.Key_Return)
    assert grid.item(0, 0).text() == "Same"
    assert chosen(grid.item(0, 0), labels) == "second"
