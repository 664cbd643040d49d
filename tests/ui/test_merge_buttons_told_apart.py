"""The merge question's buttons tell the two records apart (round 17: two namesakes on the People
page gave «Keep “Aigerim Zhumabaeva”» twice, and two institutions of one name gave the Institutions
page's "Keep which name?" two identical buttons: the officer could not know which record stays).
Driven by keys: the rows selected with Home and Shift+Down, the real question read and cancelled."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.ui.institutions_view import InstitutionsView
from desktop_app.ui.people_view import PeopleView
from tests.factories import add_institution, add_people
from tests.ui.conftest import when_modal

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _buttons_asked(qtbot, view) -> list[str]:
    """Both rows selected by keys, Merge pressed: the question's answer buttons; then Escape."""
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    seen: list[str] = []

    def read(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        seen.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    when_modal(read)
    view.merge_selected()
    return seen


def test_namesakes_buttons_name_what_differs(qtbot, database) -> None:
    people = PeopleRepository(database)
    a, b = add_people(database, "Aigerim Zhumabaeva", "Aigerim Zhumabaeva")
    people.save(replace(a, other_names=("Айгерим Жумабаева",)))
    people.save(replace(b, email="a.zhumabaeva@mvd.kz"))
    view = PeopleView(people)
    qtbot.addWidget(view)
    *buttons, text = _buttons_asked(qtbot, view)
    assert sorted(buttons) == ["Keep “Aigerim Zhumabaeva” (no other spelling)",
                               "Keep “Aigerim Zhumabaeva” (Айгерим Жумабаева)"]
    assert "• Aigerim Zhumabaeva (Айгерим Жумабаева; 0 meeting" in text
    assert "• Aigerim Zhumabaeva (no other spelling; 0 meeting" in text
    assert len(people.search()) == 2


def test_namesakes_alike_in_all_are_told_by_their_rows(qtbot, database) -> None:
    add_people(database, "Aigerim Zhumabaeva", "Aigerim Zhumabaeva")
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    *buttons, _text = _buttons_asked(qtbot, view)
    assert buttons == ["Keep “Aigerim Zhumabaeva” (the upper row)", "Keep “Aigerim Zhumabaeva” (the lower row)"]


def test_people_of_different_names_are_asked_as_before(qtbot, database) -> None:
    add_people(database, "Aigerim Zhumabaeva", "Aygerim Jumabaeva")
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    *buttons, _text = _buttons_asked(qtbot, view)
    assert buttons == ["Keep “Aigerim Zhumabaeva”", "Keep “Aygerim Jumabaeva”"]


def test_institutions_of_one_name_are_told_apart(qtbot, database) -> None:
    add_institution(database, "Ministry of Health", "KZ")
    add_institution(database, "Ministry of Health", "KG")
    view = InstitutionsView(InstitutionRepository(database))
    qtbot.addWidget(view)
    *buttons, _text = _buttons_asked(qtbot, view)
    assert sorted(buttons) == ["Ministry of Health (Kazakhstan)", "Ministry of Health (Kyrgyzstan)"]
    assert len(InstitutionRepository(database).all()) == 2


def test_in_russian_too(qtbot, database, russian) -> None:
    ministries = InstitutionRepository(database)
    ministry = add_institution(database, "Минздрав", "KZ")
    ministries.save(replace(ministry, acronym="МЗ"))
    add_institution(database, "Минздрав", "KZ")
    view = InstitutionsView(ministries)
    qtbot.addWidget(view)
    *buttons, _text = _buttons_asked(qtbot, view)
    assert sorted(buttons) == ["Минздрав (МЗ)", "Минздрав (без сокращения)"]
    add_people(database, "Айгерим Жумабаева", "Айгерим Жумабаева")
    people = PeopleView(PeopleRepository(database))
    qtbot.addWidget(people)
    *buttons, _text = _buttons_asked(qtbot, people)
    assert buttons == ["Оставить «Айгерим Жумабаева» (верхняя строка)",
                       "Оставить «Айгерим Жумабаева» (нижняя строка)"]
