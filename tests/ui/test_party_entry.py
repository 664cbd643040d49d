"""Enter on a party completion adds the party once and empties the field (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain import records as r
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.ui.form_driving import activate, key_clicks


def test_enter_on_a_party_completion_adds_it_once_and_clears_the_field(qtbot, database, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    editor = DialogueEditor(database, None)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(1)
    section = editor.delegations
    activate(qtbot, section.party_picker)
    section.party_picker.setFocus()
    key_clicks(qtbot, section.party_picker, "Kazak")
    popup = section.party_picker.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert [d.party for d in section.delegations()] == [r.Party.country("KZ")]
    qtbot.wait(50)  # the events after the key are handled, as they are before the officer's next key
    assert section.party_picker.text() == ""
    qtbot.keyClick(section.party_picker, Qt.Key.Key_Return)  # a second Enter on the empty field adds nothing
    key_clicks(qtbot, section.party_picker, "Kazakhstan")  # typed whole again: already there, not added twice
    qtbot.keyClick(section.party_picker.completer().popup() if section.party_picker.completer().popup().isVisible()
                   else section.party_picker, Qt.Key.Key_Escape)
    qtbot.keyClick(section.party_picker, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert [d.party for d in section.delegations()] == [r.Party.country("KZ")]
    assert section.party_picker.text() == ""
