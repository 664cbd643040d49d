"""A person merged on the People page while a form had their sex chosen (round 15).

The form keeps the sex chosen in a participant's row as an edit of that person. When the officer
then merged that person into another on the People page and saved the form, the save wrote the
edit under the merged-away id: the merged record came back as a second person (0 meetings, the
sex chosen) beside the kept one (without it), the merge half undone, and "Saved" said. Now the
sex chosen goes to the kept person, whom the row names after the merge. Driven by keys: Return
on the list, Ctrl+2 and F2/M/Return in the Sex cell, Ctrl+2 / Home / Shift+Down / Alt+M on the
People page, Ctrl+S."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.ui.forms import delegations_section
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, key, open_only_dialogue, press
from tests.ui.test_choice_cells import choose_in_cell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, ALT, SHIFT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ShiftModifier)


def test_the_sex_chosen_goes_to_the_kept_person_and_the_merged_one_stays_merged(
        qtbot, window, database, answers, boxes_told) -> None:
    twin, kept = add_people(database, "Timur Nazarov", "Тимур Назаров")
    meeting = make_dialogue("Open meeting", delegations=(delegation_of(r.Party.country("KZ"), twin),))
    editor = open_only_dialogue(qtbot, window, meeting)
    activate(qtbot, editor)
    key(qtbot, Qt.Key.Key_2, CTRL)
    choose_in_cell(qtbot, editor.delegations.participants, 0, delegations_section.SEX, "M")

    press(qtbot, window, Qt.Key.Key_2, CTRL)
    page = window.people
    qtbot.waitUntil(lambda: len(page.model.records) == 2)
    answers.choice = [p.name for p in page.model.records].index("Тимур Назаров")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, SHIFT)
    press(qtbot, page.table, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: len(page.model.records) == 1)  # a mnemonic clicks a moment later

    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    assert boxes_told == []
    (person,) = PeopleRepository(database).search()
    assert (person.id, person.name, person.other_names, person.sex, person.meetings) == (
        kept.id, "Тимур Назаров", ("Timur Nazarov",), Sex.MALE, 1)
    saved = DialogueRepository(database).get(meeting.id)
    assert [p.person_id for g in saved.delegations for p in g.participants] == [kept.id]
