"""A person or institution renamed in its dialog keeps the old name as another spelling (round 17).

Correcting "Aigerim Zhumabaeva" to "Aigerim Zhumabayeva" on the People page replaced the name and
forgot the old one: the next registration list still saying "Zhumabaeva", or a colleague's record
naming her so, no longer found her. As the name is typed over, the old one now goes into the other
spellings (other names) field, one line says so, and the officer may delete it there before saving.
Driven by keys: Ctrl+2 / Ctrl+3, Home, Return on the page; typing and Return in the dialog."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from tests.factories import add_institution, add_people
from tests.ui.form_driving import key_clicks, open_first_record, rename_in_dialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_renamed_person_keeps_the_old_name_as_another_spelling(qtbot, window, database, boxes_told) -> None:
    (person,) = add_people(database, "Aigerim Zhumabaeva")
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    dialog.name.setFocus()
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "Aigerim Zhumabayeva")

    assert dialog.other_names.text() == "Aigerim Zhumabaeva"
    assert dialog.old_name.isVisibleTo(dialog) and "“Aigerim Zhumabaeva”" in dialog.old_name.text()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = PeopleRepository(database).get(person.id)
    assert (stored.name, stored.other_names) == ("Aigerim Zhumabayeva", ("Aigerim Zhumabaeva",))
    assert boxes_told == []


def test_the_old_name_deleted_from_the_field_is_not_kept(qtbot, window, database, boxes_told) -> None:
    (person,) = add_people(database, "Aigerim Zhumabaeva")
    PeopleRepository(database).save(replace(person, other_names=("Айгерим Жумабаева",)))
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    dialog.name.setFocus()
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "Aigerim Zhumabaeva-Smith")
    assert dialog.other_names.text() == "Айгерим Жумабаева; Aigerim Zhumabaeva"
    dialog.other_names.setFocus()
    dialog.other_names.end(False)
    for _ in "; Aigerim Zhumabaeva":
        qtbot.keyClick(dialog.other_names, Qt.Key.Key_Backspace)
    assert not dialog.old_name.isVisibleTo(dialog)
    key_clicks(qtbot, dialog.name, "s")  # typing on in the name does not put it back
    assert dialog.other_names.text() == "Айгерим Жумабаева"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = PeopleRepository(database).get(person.id)
    assert (stored.name, stored.other_names) == ("Aigerim Zhumabaeva-Smiths", ("Айгерим Жумабаева",))


def test_a_name_typed_back_takes_the_old_one_out_again(qtbot, window, database, boxes_told) -> None:
    (person,) = add_people(database, "Пётр Иванов")
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    dialog.name.setFocus()
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "Петр  иванов")  # ё/е, case and spaces only: the same name
    assert dialog.other_names.text() == "" and not dialog.old_name.isVisibleTo(dialog)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert PeopleRepository(database).get(person.id).other_names == ()


def test_a_renamed_institution_keeps_its_old_name_as_another_name(qtbot, window, database, boxes_told) -> None:
    ministry = add_institution(database, "Ministry of Health", "KZ")
    rename_in_dialog(qtbot, open_first_record(qtbot, window, Qt.Key.Key_3), "Ministry of Healthcare")
    stored = InstitutionRepository(database).get(ministry.id)
    assert (stored.name, stored.other_names) == ("Ministry of Healthcare", ("Ministry of Health",))
    assert boxes_told == []


def test_an_acronym_replaced_by_another_is_kept_as_another_name(qtbot, window, database, boxes_told) -> None:
    """"MZ" corrected to "MoH": a registration list or a form still saying MZ finds the ministry.
    An acronym only cleared is not a rename: nothing is kept."""
    ministry = add_institution(database, "Ministry of Health", "KZ")
    InstitutionRepository(database).save(replace(ministry, acronym="MZ"))
    dialog = open_first_record(qtbot, window, Qt.Key.Key_3)
    dialog.acronym.setFocus()
    dialog.acronym.selectAll()
    key_clicks(qtbot, dialog.acronym, "MoH")
    assert dialog.other_names.text() == "MZ" and dialog.old_acronym.isVisibleTo(dialog)
    assert not dialog.old_name.isVisibleTo(dialog)
    qtbot.keyClick(dialog.acronym, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = InstitutionRepository(database).get(ministry.id)
    assert (stored.acronym, stored.other_names) == ("MoH", ("MZ",))

    dialog = open_first_record(qtbot, window, Qt.Key.Key_3)
    dialog.acronym.setFocus()
    dialog.acronym.selectAll()
    qtbot.keyClick(dialog.acronym, Qt.Key.Key_Delete)
    assert dialog.other_names.text() == "MZ" and not dialog.old_acronym.isVisibleTo(dialog)
    assert boxes_told == []


def test_a_spelling_made_the_name_leaves_the_other_spellings(qtbot, window, database, boxes_told) -> None:
    """«Айгерим Жумабаева» with the spelling "Aigerim Zhumabaeva": the Latin typed as the name swaps
    them; the Latin is not kept as a spelling of itself as well. Typed away, it comes back."""
    (person,) = add_people(database, "Айгерим Жумабаева")
    PeopleRepository(database).save(replace(person, other_names=("Aigerim Zhumabaeva", "Aygerim")))
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    dialog.name.setFocus()
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "aigerim  zhumabaeva")  # case and spaces aside: the spelling
    assert dialog.other_names.text() == "Aygerim; Айгерим Жумабаева"
    key_clicks(qtbot, dialog.name, "x")
    assert dialog.other_names.text() == "Aygerim; Айгерим Жумабаева; Aigerim Zhumabaeva"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Backspace)
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "Aigerim Zhumabaeva")
    assert dialog.other_names.text() == "Aygerim; Айгерим Жумабаева"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = PeopleRepository(database).get(person.id)
    assert (stored.name, stored.other_names) == ("Aigerim Zhumabaeva", ("Aygerim", "Айгерим Жумабаева"))
    assert boxes_told == []


def test_an_other_name_made_the_name_leaves_the_other_names(qtbot, window, database, boxes_told) -> None:
    ministry = add_institution(database, "Министерство здравоохранения", "KZ")
    InstitutionRepository(database).save(replace(ministry, other_names=("Ministry of Health",)))
    rename_in_dialog(qtbot, open_first_record(qtbot, window, Qt.Key.Key_3), "Ministry of Health")
    stored = InstitutionRepository(database).get(ministry.id)
    assert (stored.name, stored.other_names) == ("Ministry of Health", ("Министерство здравоохранения",))
    assert boxes_told == []


def test_a_stored_spelling_with_a_semicolon_stays_whole(qtbot, window, database, boxes_told) -> None:
    """A registration list or a bundle may give a spelling with ";" in it: editing the field (or the
    dialog putting the old name there) split it into two names. It is read whole unless that part
    is edited."""
    (person,) = add_people(database, "Aigerim Zhumabaeva")
    PeopleRepository(database).save(replace(person, other_names=("Жумабаева; Айгерим",)))
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    dialog.other_names.setFocus()
    dialog.other_names.end(False)
    key_clicks(qtbot, dialog.other_names, "; Aygerim")
    dialog.name.setFocus()
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "Aigerim Zhumabayeva")
    assert dialog.other_names.text() == "Жумабаева; Айгерим; Aygerim; Aigerim Zhumabaeva"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = PeopleRepository(database).get(person.id)
    assert stored.other_names == ("Жумабаева; Айгерим", "Aygerim", "Aigerim Zhumabaeva")

    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)  # that part edited: read as typed
    dialog.other_names.setFocus()
    dialog.other_names.home(False)
    qtbot.keyClick(dialog.other_names, Qt.Key.Key_Delete)
    key_clicks(qtbot, dialog.other_names, "ж")
    qtbot.keyClick(dialog.other_names, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert PeopleRepository(database).get(person.id).other_names == (
        "жумабаева", "Айгерим", "Aygerim", "Aigerim Zhumabaeva")
    assert boxes_told == []


def test_a_stored_other_name_with_a_semicolon_stays_whole(qtbot, window, database, boxes_told) -> None:
    ministry = add_institution(database, "Ministry of Health", "KZ")
    InstitutionRepository(database).save(replace(ministry, other_names=("Минздрав;МЗ РК",)))
    rename_in_dialog(qtbot, open_first_record(qtbot, window, Qt.Key.Key_3), "Ministry of Healthcare")
    stored = InstitutionRepository(database).get(ministry.id)
    assert stored.other_names == ("Минздрав;МЗ РК", "Ministry of Health")
    assert boxes_told == []


def test_an_old_name_with_a_semicolon_is_kept_whole(qtbot, window, database, boxes_told) -> None:
    """A name from a bundle such as "Zhumabaeva; Aigerim", renamed, was forgotten without a word
    (a ";" would have split it in the field); the field now reads the record's names whole."""
    (person,) = add_people(database, "Zhumabaeva; Aigerim")
    PeopleRepository(database).save(replace(person, other_names=("Айгерим",)))
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    dialog.name.setFocus()
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, "Aigerim Zhumabaeva")
    assert dialog.other_names.text() == "Айгерим; Zhumabaeva; Aigerim"
    assert dialog.old_name.isVisibleTo(dialog)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = PeopleRepository(database).get(person.id)
    assert (stored.name, stored.other_names) == ("Aigerim Zhumabaeva", ("Айгерим", "Zhumabaeva; Aigerim"))
    assert boxes_told == []


def test_an_old_acronym_with_a_semicolon_is_kept_whole(qtbot, window, database, boxes_told) -> None:
    ministry = add_institution(database, "Ministry of Health", "KZ")
    InstitutionRepository(database).save(replace(ministry, acronym="MZ;RK"))
    dialog = open_first_record(qtbot, window, Qt.Key.Key_3)
    dialog.acronym.setFocus()
    dialog.acronym.selectAll()
    key_clicks(qtbot, dialog.acronym, "MoH")
    qtbot.keyClick(dialog.acronym, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert InstitutionRepository(database).get(ministry.id).other_names == ("MZ;RK",)


def test_an_other_name_written_as_the_unchanged_name_stays(qtbot, window, database, boxes_told) -> None:
    """An older record may hold an other name written as its name (case aside); only a rename to a
    spelling takes that spelling out, not an edit of the acronym beside an unchanged name."""
    ministry = add_institution(database, "Ministry of Health", "KZ")
    InstitutionRepository(database).save(replace(ministry, acronym="MZ", other_names=("MINISTRY OF HEALTH",)))
    dialog = open_first_record(qtbot, window, Qt.Key.Key_3)
    dialog.acronym.setFocus()
    dialog.acronym.selectAll()
    key_clicks(qtbot, dialog.acronym, "MoH")
    assert dialog.other_names.text() == "MINISTRY OF HEALTH; MZ"
    qtbot.keyClick(dialog.acronym, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert InstitutionRepository(database).get(ministry.id).other_names == ("MINISTRY OF HEALTH", "MZ")
