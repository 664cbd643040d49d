"""A party typed in the Delegations tab's party field and not yet added is taken in by Save as
Return would take it, and closing asks about it. Round 16: "Kyrgyzstan" typed there and Ctrl+S said
"Saved" without it, and Ctrl+W closed the form without a question — the delegation was gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from tests.factories import make_dialogue
from tests.ui.form_driving import key, keys, open_form, press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _type_party(qtbot, editor, text: str) -> None:
    press(qtbot, editor, Qt.Key.Key_D, CTRL | SHIFT)  # the party field
    keys(qtbot, text)
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)


def test_ctrl_s_takes_in_the_party_typed_as_return_would(qtbot, database):
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_form(qtbot, database, stored)
    _type_party(qtbot, editor, "Kyrgyzstan")
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert [d.party for d in DialogueRepository(database).get(stored.id).delegations] == [r.Party.country("KG")]
    assert editor.delegations.party_picker.text() == ""
    assert not editor.is_modified()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])
def test_closing_with_a_party_typed_asks(qtbot, database, monkeypatch, answer):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_form(qtbot, database, stored)
    _type_party(qtbot, editor, "Kyrgyzstan")
    press(qtbot, editor, Qt.Key.Key_W, CTRL)
    assert len(asked) == 1
    saved = [d.party for d in DialogueRepository(database).get(stored.id).delegations]
    if answer == QMessageBox.StandardButton.Cancel:  # nothing moved: the field holds what was typed
        assert editor.isVisible() and editor.delegations.party_picker.text() == "Kyrgyzstan"
        assert editor.delegations.delegations() == () and saved == []
    else:
        assert not editor.isVisible() and saved == [r.Party.country("KG")]
