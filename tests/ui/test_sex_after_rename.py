"""A sex chosen in a form after the person was corrected on the People page (round 15).

The form read each participant's person once. Renamed on the People page while the form was open,
then given a sex in the participant's row, the person was saved from the copy read before the
rename: the save was refused ("changed elsewhere since you opened the record") and the only way
offered was to reload the form, dropping every change typed in it. The sex is now put on the
person as stored when it is chosen. Driven by keys: Return on the list; Ctrl+2, Home, Return,
typing, Return on the People page; F2 / M / Return in the Sex cell, Ctrl+S in the form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.ui.forms import delegations_section
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import (
    activate,
    key,
    open_first_record,
    open_only_dialogue,
    press,
    rename_in_dialog,
    type_text,
)
from tests.ui.test_choice_cells import choose_in_cell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_sex_chosen_after_a_rename_is_saved_with_the_new_name(qtbot, window, database, boxes_told) -> None:
    (person,) = add_people(database, "Timur Nazarov")
    editor = open_only_dialogue(qtbot, window, make_dialogue("Open meeting", delegations=(
        delegation_of(r.Party.country("KZ"), person),)))
    type_text(qtbot, editor.details.city, "Almaty")  # a change of the form's own, kept through it all
    activate(qtbot, editor)
    key(qtbot, Qt.Key.Key_2, CTRL)  # the Delegations tab: the participant's row is drawn

    rename_in_dialog(qtbot, open_first_record(qtbot, window, Qt.Key.Key_2), "Timur Nazarov-Saidov")

    activate(qtbot, editor)
    choose_in_cell(qtbot, editor.delegations.participants, 0, delegations_section.SEX, "M")
    press(qtbot, editor, Qt.Key.Key_S, CTRL)

    assert boxes_told == []
    qtbot.waitUntil(lambda: not editor.is_modified())
    stored = PeopleRepository(database).get(person.id)
    assert (stored.name, stored.sex) == ("Timur Nazarov-Saidov", Sex.MALE)
