"""A participant's name completes from the database as it is typed (not from a list of everyone
loaded when the cell opens), in any spelling and alphabet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop_app.domain import records as r
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import add_people
from tests.ui.form_driving import _cell_editor, activate, key_clicks


def test_the_name_cell_offers_the_people_matching_what_is_typed(qtbot, database, monkeypatch) -> None:
    # closing the form at the end discards the unsaved delegation instead of asking
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    add_people(database, "Бакыт Асанов", "Bakhyt Nurlanov", "Aigerim Zhumabayeva")
    editor = DialogueEditor(database, None)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(1)
    delegations = editor.delegations
    delegations.add_party(r.Party.country("KZ"), delegations.side.itemData(1))
    delegations.set_delegations(delegations.delegations())
    delegations.add_participant()
    activate(qtbot, delegations.participants)
    cell_editor = _cell_editor(delegations.participants, 0, 0)
    assert isinstance(cell_editor, QLineEdit)
    key_clicks(qtbot, cell_editor, "бак")
    offered = cell_editor.completer().model().stringList()
    assert offered == ["Бакыт Асанов"]
    cell_editor.clear()
    key_clicks(qtbot, cell_editor, "BAKH")
    assert cell_editor.completer().model().stringList() == ["Bakhyt Nurlanov"]
    qtbot.keyClick(cell_editor, Qt.Key.Key_Escape)
