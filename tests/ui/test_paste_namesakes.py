"""Rows pasted into a delegation's participant grid (Ctrl+V), and names typed into it: a known
person is that person's id, no new person; Cyrillic kept as typed; an institution named alike in
two countries is the one of the delegation's country (round 14: the first in name order was taken)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex, Side
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import add_institution, add_people, make_dialogue
from tests.ui.form_driving import activate, key, press, type_into_cell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def _form_with(qtbot, database, monkeypatch, *countries: str) -> DialogueEditor:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    stored = DialogueRepository(database).save(make_dialogue(delegations=tuple(
        r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country(c)) for c in countries)))
    editor = DialogueEditor(database, stored)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    key(qtbot, Qt.Key.Key_2, CTRL) if editor.isActiveWindow() else None
    editor.tabs.setCurrentIndex(1)
    return editor


def _paste(qtbot, editor: DialogueEditor, delegation: int, text: str) -> None:
    editor.delegations.select(delegation)
    QApplication.clipboard().setText(text)
    grid = editor.delegations.participants
    activate(qtbot, grid)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)


def _save(qtbot, editor):
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())


def _people(path) -> list[tuple]:
    with sqlite3.connect(path) as c:
        return sorted(c.execute("SELECT id, name, sex, email, revision FROM people").fetchall())


def test_pasted_known_people_keep_their_ids_and_new_cyrillic_names_are_kept(
        qtbot, database, db_path, monkeypatch) -> None:
    known, female = add_people(database, "Нурланов Ерлан", "Жумабаева Айгерим")
    PeopleRepository(database).save(r.Person(id=female.id, name=female.name, sex=Sex.FEMALE, revision=female.revision))
    before = _people(db_path)
    editor = _form_with(qtbot, database, monkeypatch, "KZ")
    _paste(qtbot, editor, 0, "ФИО\tОрганизация\tДолжность\tПол\n"
                             "нурланов ерлан\tМВД\tЭксперт\tм\n"
                             "Жумабаева Айгерим\t\t\tм\n"
                             "Ёлдошева Ўғилой\t\tДиректор\tж\n")
    _save(qtbot, editor)
    stored = DialogueRepository(database).get(editor.record().id)
    ids = [p.person_id for p in stored.delegations[0].participants]
    assert ids[:2] == [known.id, female.id]
    after = _people(db_path)
    by_id = {p[0]: p for p in after}
    assert by_id[female.id] == next(p for p in before if p[0] == female.id)  # her recorded sex not changed by "м"
    assert by_id[known.id][1:3] == ("Нурланов Ерлан", "male")  # an unknown sex filled in (documented), name as stored
    new = [p for p in after if p[0] not in (known.id, female.id)]
    assert [(p[1], p[2]) for p in new] == [("Ёлдошева Ўғилой", "female")]


@pytest.mark.parametrize("country", ["KZ", "UZ"])
def test_a_pasted_institution_is_the_one_of_the_delegations_country(qtbot, database, monkeypatch, country) -> None:
    """Every Central Asian country has a 'Ministry of Internal Affairs': the one pasted for the
    Uzbek delegation must be Uzbekistan's, not the first of that name."""
    ministries = {c: add_institution(database, "Ministry of Internal Affairs", c) for c in ("KZ", "UZ")}
    editor = _form_with(qtbot, database, monkeypatch, country)
    _paste(qtbot, editor, 0, "Name\tInstitution\tPosition\nAsel Nurlanova\tMinistry of Internal Affairs\tExpert\n")
    _save(qtbot, editor)
    (participant,) = DialogueRepository(database).get(editor.record().id).delegations[0].participants
    got = InstitutionRepository(database).get(participant.institution_id)
    assert participant.institution_id == ministries[country].id, f"{country} delegation got {got.country}'s ministry"


@pytest.mark.parametrize("country", ["KZ", "UZ"])
def test_a_typed_institution_is_the_one_of_the_delegations_country(qtbot, database, monkeypatch, country) -> None:
    ministries = {c: add_institution(database, "Ministry of Internal Affairs", c) for c in ("KZ", "UZ")}
    editor = _form_with(qtbot, database, monkeypatch, country)
    _paste(qtbot, editor, 0, "Name\tPosition\nAsel Nurlanova\t\n")
    type_into_cell(qtbot, editor.delegations.participants, 0, 1, "Ministry of Internal Affairs")
    _save(qtbot, editor)
    (participant,) = DialogueRepository(database).get(editor.record().id).delegations[0].participants
    got = InstitutionRepository(database).get(participant.institution_id)
    assert participant.institution_id == ministries[country].id, f"{country} delegation got {got.country}'s ministry"
