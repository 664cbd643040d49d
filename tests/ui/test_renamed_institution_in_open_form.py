"""An institution renamed on the Institutions page while a dialogue form is open (round 15).

The form read the institutions once, when it opened. Renamed meanwhile ("MoH" to "Ministry of
Health"), the new name typed in a participant's row was a name the form did not know: the save
made a second "Ministry of Health" of Kazakhstan beside the renamed one, without a word. The form
now reads the institutions again when they changed since it read them. Driven by keys: Return on
the list; Ctrl+3, Home, Return, typing, Return on the Institutions page; Ctrl+2, Ctrl+Shift+P,
typing, Tab, typing, Return, Ctrl+S in the form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository
from desktop_app.domain import records as r
from tests.factories import add_institution, add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, key, keys, open_first_record, open_only_dialogue, press, rename_in_dialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_the_new_name_typed_in_the_form_is_the_renamed_institution(qtbot, window, database, boxes_told) -> None:
    ministry = add_institution(database, "MoH", "KZ")
    meeting = make_dialogue("Open meeting", delegations=(
        delegation_of(r.Party.country("KZ"), *add_people(database, "Timur Nazarov"), institution=ministry),))
    editor = open_only_dialogue(qtbot, window, meeting)

    rename_in_dialog(qtbot, open_first_record(qtbot, window, Qt.Key.Key_3), "Ministry of Health")

    activate(qtbot, editor)
    key(qtbot, Qt.Key.Key_2, CTRL)
    editor.delegations.participants.setFocus()
    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    keys(qtbot, "Dana Akhmetova")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Ministry of Health")
    key(qtbot, Qt.Key.Key_Return)
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())

    assert boxes_told == []
    assert [(i.id, i.name) for i in InstitutionRepository(database).all()] == [(ministry.id, "Ministry of Health")]
    saved = DialogueRepository(database).get(meeting.id)
    assert [p.institution_id for g in saved.delegations for p in g.participants] == [ministry.id, ministry.id]
