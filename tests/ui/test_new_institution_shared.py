"""A new institution typed in two participants' rows is one institution; correcting its name in one
row must not rename it in the other. Round 15: «Минздрав» typed for two people, then corrected to
«Министерство здравоохранения» in the second row, was saved under the corrected name for the first
person too, while the first row still showed «Минздрав»."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository
from tests.ui.form_driving import cell, key, keys, participants_form, save_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
INSTITUTION = 1


def _type_cell(qtbot, grid, row: int, text: str) -> None:
    grid.setFocus()
    grid.setCurrentCell(row, INSTITUTION)
    keys(qtbot, text)  # typing opens the cell
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)  # nothing picked: the name as typed
    key(qtbot, Qt.Key.Key_Return)


def _institutions(database, dialogue_id: str) -> list[str]:
    stored = DialogueRepository(database).get(dialogue_id)
    return [InstitutionRepository(database).get(p.institution_id).name
            for p in stored.delegations[0].participants]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_correcting_a_new_institution_in_one_row_leaves_the_other_row_alone(qtbot, database, request,
                                                                            boxes_told, language):
    if language == "ru":
        request.getfixturevalue("russian")
    dialogue, editor, grid = participants_form(qtbot, database, "Асель Нурланова", "Yerlan Zhumabayev")
    _type_cell(qtbot, grid, 0, "Минздрав")
    _type_cell(qtbot, grid, 1, "Минздрав")
    _type_cell(qtbot, grid, 1, "Министерство здравоохранения")
    assert [cell(grid, row, INSTITUTION) for row in (0, 1)] == ["Минздрав", "Министерство здравоохранения"]
    save_form(qtbot, editor)
    assert _institutions(database, dialogue.id) == ["Минздрав", "Министерство здравоохранения"]
    assert boxes_told == []


def test_a_new_institution_of_one_row_is_still_corrected_in_place(qtbot, database, boxes_told):
    """A typo corrected in the only row naming it leaves no institution of the typo behind."""
    dialogue, editor, grid = participants_form(qtbot, database, "Асель Нурланова")
    _type_cell(qtbot, grid, 0, "Minsitry of Health")
    _type_cell(qtbot, grid, 0, "Ministry of Health")
    save_form(qtbot, editor)
    assert _institutions(database, dialogue.id) == ["Ministry of Health"]
    assert [i.name for i in InstitutionRepository(database).all()] == ["Ministry of Health"]
    assert "Minsitry of Health" not in editor.institutions.labels()
