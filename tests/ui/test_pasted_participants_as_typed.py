"""Rows pasted into the participant grid are new rows like the ones added by Ctrl+Shift+P
(`protocol.new_participant`): invited when the meeting has not begun, funded when the delegation is
programme-supported. Round 16: a list pasted for a meeting next month was saved as everyone
attended — which nobody can be before a meeting begins, and which cannot be set back to invited by
hand — and unfunded in a supported delegation, without a word."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, ParticipationStatus, Role, Side
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key, keys, open_form, press, save_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
LIST = "ФИО\tОрганизация\tДолжность\tПол\nАсель Нурланова\tМВД\tэксперт\tЖ\nБакыт Асанов\t\t\tМ\n"


@pytest.mark.parametrize(("days_ahead", "status"), [(40, ParticipationStatus.INVITED),
                                                    (-40, ParticipationStatus.ATTENDED)])
def test_pasted_rows_take_the_status_and_funding_a_typed_row_takes(qtbot, database, days_ahead, status):
    supported = r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ"), programme_supported=True)
    stored = DialogueRepository(database).save(make_dialogue(
        status=DialogueStatus.DRAFT, start_date=date.today() + timedelta(days=days_ahead), delegations=(supported,)))
    editor = open_form(qtbot, database, stored)
    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    editor.delegations.select(0)
    grid = editor.delegations.participants
    activate(qtbot, grid)
    grid.setFocus()
    QApplication.clipboard().setText(LIST)
    key(qtbot, Qt.Key.Key_V, CTRL)
    press(qtbot, editor, Qt.Key.Key_P, CTRL | SHIFT)  # one typed after, to compare
    key(qtbot, Qt.Key.Key_Escape)
    shown = editor.delegations.participants_shown(0)
    assert [(p.status, p.programme_funded) for p in shown] == [(status, True)] * 3
    assert [p.role for p in shown[:2]] == [Role.HEAD, Role.MEMBER]
    assert len(editor.record().delegations[0].participants) == 2  # the typed row, left empty, is no one yet
    grid.setCurrentCell(2, 0)
    press(qtbot, editor, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # the empty typed row out again
    qtbot.waitUntil(lambda: grid.rowCount() == 2)
    save_form(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id).delegations[0].participants
    assert [(p.status, p.programme_funded, p.position) for p in saved] == [(status, True, "эксперт"),
                                                                          (status, True, None)]


def test_a_list_with_a_numbering_column_and_an_e_mail_column_pastes_its_people_and_says_what_was_left_out(
        qtbot, database, russian):
    stored = DialogueRepository(database).save(make_dialogue(delegations=(
        r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ")),)))
    editor = open_form(qtbot, database, stored)
    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    editor.delegations.select(0)
    grid = editor.delegations.participants
    activate(qtbot, grid)
    grid.setFocus()
    QApplication.clipboard().setText("№ п/п\tФИО\tДолжность\tОрганизация\tE-mail\n"
                                     "1\tАсель Нурланова\tэксперт\tМВД\ta@mvd.kz\n"
                                     "2\tБакыт Асанов\t\t\t\n3\t\tначальник отдела\t\t\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    names = [editor.people.name(p.person_id) for p in editor.record().delegations[0].participants]
    assert names == ["Асель Нурланова", "Бакыт Асанов"]  # not "№ п/п", "1", "2"
    assert [grid.item(0, c).text() for c in range(3)] == ["Асель Нурланова", "МВД", "эксперт"]
    said = editor.statusBar().currentMessage()
    assert "Не вставлены столбцы (“E-mail”)" in said and "Пропущены строки без имени: 1." in said


@pytest.mark.parametrize("typed", ["", "Дана Ахметова"])
def test_a_list_pasted_into_a_row_just_added_fills_it_and_keeps_a_name_typed_there(qtbot, database, typed):
    """Ctrl+Shift+P, then Ctrl+V of a list in the new row's open name cell. Round 16: the empty row
    stayed above the pasted people and stopped the save ("participant 1: the person is missing"), and
    a name typed in it before the paste was dropped. Now the list fills the empty row, as in the agenda,
    and a name typed there is taken in first, as every way out of a cell takes it."""
    stored = DialogueRepository(database).save(make_dialogue(delegations=(
        r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ")),)))
    editor = open_form(qtbot, database, stored)
    press(qtbot, editor, Qt.Key.Key_2, CTRL)
    editor.delegations.select(0)
    press(qtbot, editor, Qt.Key.Key_P, CTRL | SHIFT)  # a new row, its name cell open
    if typed:
        keys(qtbot, typed)
        if QApplication.activePopupWidget() is not None:
            key(qtbot, Qt.Key.Key_Escape)
    QApplication.clipboard().setText("Асель Нурланова\tМВД\nБакыт Асанов\t\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    participants = editor.record().delegations[0].participants
    expected = [typed] * bool(typed) + ["Асель Нурланова", "Бакыт Асанов"]
    assert [editor.people.name(p.person_id) for p in participants] == expected
    assert [p.role for p in participants] == [Role.HEAD] + [Role.MEMBER] * (len(expected) - 1)
    save_form(qtbot, editor)
    assert len(DialogueRepository(database).get(stored.id).delegations[0].participants) == len(expected)
