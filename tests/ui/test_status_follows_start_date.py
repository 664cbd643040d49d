"""A participant added before the start date is typed takes the status of a meeting held today
(attended). Typing a start date in the future left them attended, which nobody can be before a
meeting begins (docs/delegations.md), and the officer cannot set them back to invited (attended only
becomes no-show): round 15 saved "attended" for a meeting a year ahead without a word. A row not yet
saved now becomes invited when the start date typed is in the future, and the status bar says so;
rows already stored are left as recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, ParticipationStatus
from desktop_app.ui.translations import format_date
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, cell, key, keys, open_form, press, save_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
STATUS = 5


def _add_person(qtbot, editor, name: str) -> None:
    press(qtbot, editor, Qt.Key.Key_P, CTRL | SHIFT)  # the new row's name cell opens
    keys(qtbot, name)
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Return)


def _type_start(qtbot, editor, text: str) -> None:
    press(qtbot, editor, Qt.Key.Key_1, CTRL)
    field = editor.details.start_date
    activate(qtbot, field)
    field.setFocus()
    field.selectAll()
    keys(qtbot, text)
    key(qtbot, Qt.Key.Key_Tab)


@pytest.mark.parametrize(("language", "country", "invited", "said"), [
    ("en", "Kazakhstan", "Invited", "are invited"), ("ru", "Казахстан", "Приглашение", "приглашённые")])
def test_rows_added_before_a_future_start_date_is_typed_are_invited(qtbot, database, request, boxes_told,
                                                                   language, country, invited, said):
    if language == "ru":
        request.getfixturevalue("russian")
    ahead = date.today() + timedelta(days=200)
    editor = open_form(qtbot, database, None)
    activate(qtbot, editor)
    keys(qtbot, "Drug Dialogue")  # the title, where a new form starts
    press(qtbot, editor, Qt.Key.Key_D, CTRL | SHIFT)
    keys(qtbot, country)
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Return)
    _add_person(qtbot, editor, "Иван Петров")
    assert editor.record().delegations[0].participants[0].status is ParticipationStatus.ATTENDED  # today's meeting

    _type_start(qtbot, editor, f"{ahead.day}.{ahead.month}.{ahead.year}")
    assert format_date(ahead) in editor.statusBar().currentMessage()
    assert said in editor.statusBar().currentMessage()
    assert cell(editor.delegations.participants, 0, STATUS) == invited
    save_form(qtbot, editor)

    stored = DialogueRepository(database).get(editor.record().id)
    assert stored.start_date == ahead
    assert [p.status for p in stored.delegations[0].participants] == [ParticipationStatus.INVITED]
    assert boxes_told == []

    press(qtbot, editor, Qt.Key.Key_Z, CTRL)  # nothing to undo after a save: still invited
    assert editor.record().delegations[0].participants[0].status is ParticipationStatus.INVITED


def test_undo_of_the_date_gives_the_status_back(qtbot, database, boxes_told):
    ahead = date.today() + timedelta(days=200)
    editor = open_form(qtbot, database, None)
    activate(qtbot, editor)
    keys(qtbot, "Drug Dialogue")
    press(qtbot, editor, Qt.Key.Key_D, CTRL | SHIFT)
    keys(qtbot, "Kazakhstan")
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Return)
    _add_person(qtbot, editor, "Иван Петров")
    _type_start(qtbot, editor, ahead.isoformat())
    assert editor.record().delegations[0].participants[0].status is ParticipationStatus.INVITED
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert editor.details.start_date.text() == ""
    assert editor.record().delegations[0].participants[0].status is ParticipationStatus.ATTENDED


def test_stored_participants_keep_their_status_when_the_date_moves(qtbot, database, boxes_told):
    """The officer corrects the date of a recorded meeting: who attended stays recorded as it is."""
    people = add_people(database, "Асель Нурланова")
    dialogue = DialogueRepository(database).save(make_dialogue(
        status=DialogueStatus.DRAFT, delegations=(delegation_of(r.Party.country("KZ"), *people),)))
    editor = open_form(qtbot, database, dialogue)
    ahead = date.today() + timedelta(days=200)
    _type_start(qtbot, editor, ahead.isoformat())
    save_form(qtbot, editor)
    stored = DialogueRepository(database).get(dialogue.id)
    assert stored.delegations == replace(dialogue).delegations
    assert stored.start_date == ahead
