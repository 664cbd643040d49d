"""A plain name two known people share, typed into a participant's row (round 15): the row's own
person stays when it is one of them; otherwise the first is taken and the form says so, pointing to
the completion list that tells them apart (before, the first was taken without a word)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Side
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import add_people, make_dialogue
from tests.ui.form_driving import cell, type_into_cell
from tests.ui.test_paste_namesakes import _form_with, _paste, _save

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _namesakes(database):
    first, second = sorted(add_people(database, "Aigerim Zhumabayeva", "Aigerim Zhumabayeva"), key=lambda p: p.id)
    people = PeopleRepository(database)
    return (people.save(replace(first, email="a@mvd.kz")), people.save(replace(second, email="a@mvd.kg")))


def _person_of_row(database, editor, row: int = 0) -> str:
    stored = DialogueRepository(database).get(editor.record().id)
    return stored.delegations[0].participants[row].person_id


def test_a_shared_name_typed_takes_the_first_and_says_so(qtbot, database, monkeypatch) -> None:
    first, _second = _namesakes(database)
    editor = _form_with(qtbot, database, monkeypatch, "KZ")
    _paste(qtbot, editor, 0, "Name\nTimur Hasanov\n")
    notice = editor.delegations.status_notice
    type_into_cell(qtbot, editor.delegations.participants, 0, 0, "Aigerim Zhumabayeva")
    assert notice.isVisibleTo(editor) and "More than one person is called “Aigerim Zhumabayeva”" in notice.text()
    _save(qtbot, editor)
    assert _person_of_row(database, editor) == first.id
    type_into_cell(qtbot, editor.delegations.participants, 0, 0, "Timur Hasanov")  # a name only one has
    assert not notice.isVisibleTo(editor)


def test_the_rows_own_namesake_stays_when_its_name_is_typed_again(qtbot, database, monkeypatch) -> None:
    _first, second = _namesakes(database)
    stored = DialogueRepository(database).save(make_dialogue(delegations=(r.Delegation(
        id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KG"),
        participants=(r.Participant(id=r.new_id(), person_id=second.id),)),)))
    editor = DialogueEditor(database, stored)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentIndex(1)
    editor.delegations.select(0)
    type_into_cell(qtbot, editor.delegations.participants, 0, 0, "aigerim zhumabayeva")
    assert cell(editor.delegations.participants, 0, 0).startswith("Aigerim Zhumabayeva")
    assert not editor.delegations.status_notice.isVisibleTo(editor)
    assert editor.record().delegations[0].participants[0].person_id == second.id
