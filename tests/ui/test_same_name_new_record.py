"""A new person or institution given exactly the name (or another spelling) of one already in the
register was saved as a second record without a word, and the form's completion then offered two
alike names. Now the dialog asks first: Yes saves the second record (two people may share a name),
No keeps the dialog open with nothing written. A rename to another record's name asks the same;
a name that is no one else's, and a record saved under its own name, ask nothing."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.ui.institutions_view import InstitutionsView
from desktop_app.ui.people_view import PeopleView
from tests.factories import add_institution, add_people
from tests.ui.form_driving import activate, key_clicks, press


def _people(path) -> list[str]:
    with sqlite3.connect(path) as c:
        return sorted(name for (name,) in c.execute("SELECT name FROM people"))


def _institutions(path) -> list[str]:
    with sqlite3.connect(path) as c:
        return sorted(name for (name,) in c.execute("SELECT name FROM institutions"))


def _page(qtbot, page):
    qtbot.addWidget(page)
    page.show()
    activate(qtbot, page)
    page.table.setFocus()
    return page


def _new_person(qtbot, database, name: str):
    view = _page(qtbot, PeopleView(PeopleRepository(database)))
    press(qtbot, view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.person_dialog is not None)  # a mnemonic clicks a moment later
    dialog = view.person_dialog
    key_clicks(qtbot, dialog.name, name)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    return view, dialog


@pytest.mark.parametrize("typed", ["Timur Nazarov", "timur  nazarov", "Тимур Назаров"])
def test_a_new_person_of_a_known_name_or_spelling_is_asked_about(qtbot, database, db_path, answers, typed) -> None:
    (known,) = add_people(database, "Timur Nazarov")
    PeopleRepository(database).save(known.__class__(**{**known.__dict__, "other_names": ("Тимур Назаров",),
                                                       "revision": 1}))
    answers.confirm = False
    _, dialog = _new_person(qtbot, database, typed)
    (question,) = answers.texts("ask")
    assert "Timur Nazarov" in question and typed in question
    assert dialog.isVisible() and _people(db_path) == ["Timur Nazarov"]
    answers.confirm = True
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _people(db_path) == sorted(["Timur Nazarov", typed.strip()])


def test_a_new_person_of_a_new_name_is_not_asked_about(qtbot, database, db_path, answers) -> None:
    add_people(database, "Timur Nazarov")
    _, dialog = _new_person(qtbot, database, "Timur Nazarova")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert answers.texts("ask") == [] and _people(db_path) == ["Timur Nazarov", "Timur Nazarova"]


def test_a_rename_to_another_persons_name_is_asked_about_and_to_its_own_is_not(
        qtbot, database, db_path, answers) -> None:
    add_people(database, "Aigerim Zhumabayeva", "Timur Nazarov")
    view = _page(qtbot, PeopleView(PeopleRepository(database)))
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.person_dialog
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # saved as it was: nothing to ask
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert answers.texts("ask") == []
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.person_dialog is not dialog)
    dialog = view.person_dialog
    assert dialog.name.text() == "Aigerim Zhumabayeva"
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "TIMUR NAZAROV")
    answers.confirm = False
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert len(answers.texts("ask")) == 1 and dialog.isVisible()
    assert _people(db_path) == ["Aigerim Zhumabayeva", "Timur Nazarov"]


def test_a_new_institution_of_a_known_name_is_asked_about(qtbot, database, db_path, answers) -> None:
    add_institution(database, "Ministry of Health", "KZ")
    view = _page(qtbot, InstitutionsView(InstitutionRepository(database)))
    press(qtbot, view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.institution_dialog is not None)
    dialog = view.institution_dialog
    key_clicks(qtbot, dialog.name, "ministry of health")
    answers.confirm = False
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    (question,) = answers.texts("ask")
    assert "Ministry of Health" in question
    assert dialog.isVisible() and _institutions(db_path) == ["Ministry of Health"]
    answers.confirm = True
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _institutions(db_path) == ["Ministry of Health", "ministry of health"]


def test_a_new_institution_of_a_new_name_is_not_asked_about(qtbot, database, db_path, answers) -> None:
    add_institution(database, "Ministry of Health", "KZ")
    view = _page(qtbot, InstitutionsView(InstitutionRepository(database)))
    press(qtbot, view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.institution_dialog is not None)
    dialog = view.institution_dialog
    key_clicks(qtbot, dialog.name, "Ministry of Health of Kyrgyzstan")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert answers.texts("ask") == []
