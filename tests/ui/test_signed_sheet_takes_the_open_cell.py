"""Attendance from the signed sheet (Ctrl+Shift+S) lists the participants as typed, the cell still
open included, like every other window key of the form. Round 15: a name being typed over another
was not taken in first, so the sheet listed the person it replaced, and the tick given for that
name went to the person typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.conftest import when_modal
from tests.ui.form_driving import activate, key, keys, open_form, press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_signed_sheet_lists_the_name_being_typed(qtbot, database, request, boxes_told, language):
    if language == "ru":
        request.getfixturevalue("russian")
    head, member, other = add_people(database, "Асель Нурланова", "Yerlan Zhumabayev", "Бакыт Асанов")
    dialogue = DialogueRepository(database).save(make_dialogue(
        status=DialogueStatus.DRAFT, delegations=(delegation_of(r.Party.country("KZ"), head, member),)))
    editor = open_form(qtbot, database, dialogue)
    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    grid = editor.delegations.participants
    activate(qtbot, grid)
    grid.setFocus()
    grid.setCurrentCell(1, 0)
    keys(qtbot, "Бакыт Асанов")  # Yerlan's row: it was Бакыт who came
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)
    assert grid.state() == QTableWidget.State.EditingState
    listed: list[list[str]] = []

    def read_and_close(dialog) -> None:
        listed.append([dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())])
        dialog.reject()

    when_modal(read_and_close)
    key(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(listed))
    assert listed == [["Асель Нурланова", "Бакыт Асанов"]]
    assert [p.person_id for p in editor.record().delegations[0].participants] == [head.id, other.id]
