"""Text copied over several lines (a title broken in Word, topics one a line, a name split across
cells) and pasted into a one-line field of the form: each line break or tab becomes a space — in
Topics, Frameworks and Programmes a separator, each line a value. Round 16: the field kept the
breaks out of sight and saved them, so three topics pasted one a line were one topic holding two
line breaks, and a title or a chair was saved with a line break inside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key, open_form, save_form

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _paste(qtbot, field, text: str) -> None:
    activate(qtbot, field)
    field.setFocus()
    field.selectAll()
    QApplication.clipboard().setText(text)
    key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    if QApplication.activePopupWidget() is not None:
        key(qtbot, Qt.Key.Key_Escape)


def test_lines_pasted_into_one_line_fields_are_saved_on_one_line(qtbot, database):
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_form(qtbot, database, stored)
    details = editor.details
    _paste(qtbot, details.title, "EU-Central Asia\r\nDrug Dialogue 2023")
    _paste(qtbot, details.topics, "HIV\nhepatitis\r\nTB\n")
    _paste(qtbot, details.chair, "United Nations Office\non Drugs and Crime")
    _paste(qtbot, details.city, "Brussels\t")
    assert details.title.text() == "EU-Central Asia Drug Dialogue 2023"
    assert "\n" not in details.topics.text()
    save_form(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert saved.title == "EU-Central Asia Drug Dialogue 2023"
    assert saved.topics == ("HIV", "hepatitis", "TB")
    assert saved.chair == r.Party.organisation("United Nations Office on Drugs and Crime")
    assert saved.city == "Brussels"


def test_lines_pasted_into_the_person_and_institution_dialogs_are_saved_on_one_line(qtbot, window, database,
                                                                                   boxes_told) -> None:
    """Round 17: the People and Institutions pages' dialogs kept the breaks: a name copied from a
    table over two lines was stored with a line break in it, and spellings pasted one a line were
    one spelling. A break is a space in a name, a separator in Other spellings / Other names."""
    from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
    from tests.factories import add_institution, add_people
    from tests.ui.form_driving import open_first_record

    (person,) = add_people(database, "Timur Nazarov")
    ministry = add_institution(database, "Ministry of Health", "KZ")
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    _paste(qtbot, dialog.other_names, "Тимур Назаров\nTimur Nazarow\r\n")
    _paste(qtbot, dialog.email, "t.nazarov@mvd.kz\t")
    _paste(qtbot, dialog.name, "Timur\nNazarov")
    assert dialog.name.text() == "Timur Nazarov"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = PeopleRepository(database).get(person.id)
    assert (stored.name, stored.other_names, stored.email) == (
        "Timur Nazarov", ("Тимур Назаров", "Timur Nazarow"), "t.nazarov@mvd.kz")

    dialog = open_first_record(qtbot, window, Qt.Key.Key_3)
    _paste(qtbot, dialog.acronym, "MoH\n")
    _paste(qtbot, dialog.other_names, "Министерство здравоохранения\nMinzdrav\n")
    _paste(qtbot, dialog.name, "Ministry of Health\nof Kazakhstan")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored_ministry = InstitutionRepository(database).get(ministry.id)
    assert (stored_ministry.name, stored_ministry.acronym) == ("Ministry of Health of Kazakhstan", "MoH")
    assert stored_ministry.other_names == ("Министерство здравоохранения", "Minzdrav", "Ministry of Health")
    assert boxes_told == []
