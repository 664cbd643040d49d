"""A name typed into a participant's row that is a known person's name written with other spaces or
with е for ё (or ё for е) is that person, as a name differing only in case already was — not a new
person of the same name made silently at the save (round 15: «Петр Иванов» typed beside a recorded
«Пётр Иванов», or «Асель  Нурланова» with two spaces, each made a second person)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import key, keys, open_form, press, save_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(("recorded", "typed"), [
    ("Пётр Иванов", "Петр Иванов"),
    ("Петр Иванов", "Пётр Иванов"),
    ("Асель Нурланова", "Асель  Нурланова"),
    ("Асель Нурланова", "асель  нурланова"),
    ("Алёна Ким", "АЛЕНА КИМ"),
])
def test_a_known_name_typed_with_other_spaces_or_yo_is_that_person(qtbot, database, russian, boxes_told,
                                                                    recorded, typed):
    head, known = add_people(database, "Ерлан Жумабаев", recorded)
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(r.Party.country("KZ"), head),)))
    editor = open_form(qtbot, database, dialogue)
    press(qtbot, editor, Qt.Key.Key_P, CTRL | SHIFT)  # the new row's name cell opens
    keys(qtbot, typed)
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)  # nothing picked from the list: the name as typed
    key(qtbot, Qt.Key.Key_Return)
    save_form(qtbot, editor)

    stored = DialogueRepository(database).get(dialogue.id)
    participants = stored.delegations[0].participants
    assert [p.person_id for p in participants] == [head.id, known.id]
    assert len(PeopleRepository(database).spellings()) == 2  # no second person of that name
    assert PeopleRepository(database).get(known.id).name == recorded  # the record's spelling is kept
    assert replace(stored, delegations=(), revision=0, updated_at=None) == replace(
        dialogue, delegations=(), revision=0, updated_at=None)  # nothing else changed
    assert boxes_told == []
