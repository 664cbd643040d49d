"""A party typed in the Delegations tab's party field and not yet added is taken in by Save as
Return would take it, and closing asks about it. Round 16: "Kyrgyzstan" typed there and Ctrl+S said
"Saved" without it, and Ctrl+W closed the form without a question — the delegation was gone."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.services import drafts
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


def _crash(editor) -> None:
    """The process ends without closing the window (crash, power cut): no questions, no save."""
    editor._closed = True
    editor.hide()


def test_a_party_typed_is_kept_by_the_draft_and_comes_back_after_a_crash(qtbot, database):
    """Round 17: the crash draft kept cells being typed in but not the party field, so a crash lost a
    party that Save would have added."""
    stored = DialogueRepository(database).save(make_dialogue())
    first = open_form(qtbot, database, stored)
    _type_party(qtbot, first, "Kyrgyzstan")
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is not None, timeout=5000)
    assert drafts.load_draft(database.path, stored.id).party_typed == "Kyrgyzstan"
    _crash(first)

    again = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    assert again.delegations.party_picker.text() == "Kyrgyzstan" and again.is_modified()
    assert "Unsaved changes kept at" in again.statusBar().currentMessage()
    assert DialogueRepository(database).get(stored.id).delegations == ()  # nothing saved unasked
    press(qtbot, again, Qt.Key.Key_S, CTRL)
    assert [d.party for d in DialogueRepository(database).get(stored.id).delegations] == [r.Party.country("KG")]
    assert drafts.load_draft(database.path, stored.id) is None


def test_a_party_field_emptied_again_leaves_no_draft(qtbot, database):
    """The other branch: the field typed and emptied by hand is back as stored; no draft is offered."""
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_form(qtbot, database, stored)
    _type_party(qtbot, editor, "Kyrgyzstan")
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is not None, timeout=5000)
    for _ in "Kyrgyzstan":
        key(qtbot, Qt.Key.Key_Backspace)
    assert editor.delegations.party_picker.text() == ""
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, stored.id) is None, timeout=5000)
    _crash(editor)
    again = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    assert not again.is_modified() and again.delegations.party_picker.text() == ""


def test_a_draft_without_the_party_field_reads_as_none_typed(tmp_path):
    """Drafts written before round 17 have no `party_typed`; a malformed one is no text either."""
    dialogue = make_dialogue()
    path = drafts.save_draft(tmp_path / "register.sqlite", dialogue, party_typed="Kyrgyzstan")
    assert drafts.load_draft(tmp_path / "register.sqlite", dialogue.id).party_typed == "Kyrgyzstan"
    for value in (None, 12, ["x"]):
        data = json.loads(path.read_text(encoding="utf-8"))
        if value is None:
            del data["party_typed"]
        else:
            data["party_typed"] = value
        path.write_text(json.dumps(data), encoding="utf-8")
        draft = drafts.load_draft(tmp_path / "register.sqlite", dialogue.id)
        assert draft is not None and draft.party_typed == ""
