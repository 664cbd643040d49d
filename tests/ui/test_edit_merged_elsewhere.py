"""Saving a person or an institution that another window merged away meanwhile (round 15).

With two windows on one file (tests/reliability/test_two_windows.py), the Person or Institution
dialog opened before the other window merged that record into another saved it anyway: the
merged record came back as a new one, with only what this dialog held — the merge half undone
and "saved" said. Now the save is refused with one sentence and the dialog stays open. Driven by
keys: Ctrl+2 / Ctrl+3, Home, Return, typing, Return."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.services.merging import RecordKind, merge_records
from tests.factories import add_institution, add_people
from tests.ui.form_driving import key_clicks, press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def open_first_row(qtbot, window, page_key: Qt.Key, page, dialog_of):
    press(qtbot, window, page_key, CTRL)
    qtbot.waitUntil(lambda: len(page.model.records) == 2)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog_of() is not None and dialog_of().isVisible())
    return dialog_of()


def merged_in_the_other_window(db_path, kind: RecordKind, keep_id: str, gone_id: str) -> None:
    other_window = open_database(db_path)
    try:
        merge_records(other_window, kind, keep_id, gone_id)
    finally:
        other_window.close()


def test_a_person_merged_elsewhere_is_not_brought_back(qtbot, window, database, db_path) -> None:
    first, kept = add_people(database, "Aigerim Zhumabaeva", "Айгерим Жумабаева")
    window.reload()
    dialog = open_first_row(qtbot, window, Qt.Key.Key_2, window.people, lambda: window.people.person_dialog)
    assert dialog.name.text() == "Aigerim Zhumabaeva"
    merged_in_the_other_window(db_path, RecordKind.PERSON, kept.id, first.id)
    dialog.email.setFocus()
    key_clicks(qtbot, dialog.email, "aigerim@mvd.kz")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)

    assert dialog.isVisible() and "no longer in the database" in dialog.problem.text()
    people = PeopleRepository(database).search()
    assert [(p.id, p.name, p.email) for p in people] == [(kept.id, "Айгерим Жумабаева", None)]
    dialog.reject()


def test_an_institution_merged_elsewhere_is_not_brought_back(qtbot, window, database, db_path) -> None:
    first = add_institution(database, "Ministry of Health", "KZ")
    kept = add_institution(database, "Министерство здравоохранения", "KZ")
    window.reload()
    page = window.institutions
    dialog = open_first_row(qtbot, window, Qt.Key.Key_3, page, lambda: page.institution_dialog)
    assert dialog.name.text() == "Ministry of Health"
    merged_in_the_other_window(db_path, RecordKind.INSTITUTION, kept.id, first.id)
    dialog.acronym.setFocus()
    key_clicks(qtbot, dialog.acronym, "MoH")
    qtbot.keyClick(dialog.acronym, Qt.Key.Key_Return)

    assert dialog.isVisible() and "no longer in the database" in dialog.problem.text()
    assert [(i.id, i.acronym) for i in InstitutionRepository(database).all()] == [(kept.id, None)]
    dialog.reject()
