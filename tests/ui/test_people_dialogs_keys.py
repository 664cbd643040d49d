"""The person and institution dialogs in Russian: each label says what its field holds and answers
an Alt letter of its own (round 17: the person dialog's name read «Название:», the word for a
thing's title, since the Programme dialog's translation of "&Name:" replaced «Имя:» everywhere; and
in the institution dialog «&Сокращение:» and «&Страна:» both answered Alt+С)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.ui.institution_dialog import InstitutionDialog
from desktop_app.ui.person_dialog import PersonDialog
from tests.ui.test_entry_keys import mnemonic

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _clashes(dialog: QDialog) -> dict[str, list[str]]:
    """Letters two labels or buttons of the dialog share."""
    texts = [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    found = [(mnemonic(t), t) for t in texts if mnemonic(t)]
    return {letter: [t for ll, t in found if ll == letter]
            for letter, n in Counter(ll for ll, _ in found).items() if n > 1}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_person_and_institution_dialogs_have_an_alt_letter_each(qtbot, database, request, language) -> None:
    if language == "ru":
        request.getfixturevalue("russian")
    person = PersonDialog(PeopleRepository(database), r.Person(id=r.new_id(), name=""))
    institution = InstitutionDialog(InstitutionRepository(database), r.Institution(id=r.new_id(), name=""))
    for dialog in (person, institution):
        qtbot.addWidget(dialog)
        dialog.show()
        assert _clashes(dialog) == {}


def test_a_persons_name_is_labelled_as_a_name_in_russian(qtbot, database, russian) -> None:
    dialog = PersonDialog(PeopleRepository(database), r.Person(id=r.new_id(), name=""))
    qtbot.addWidget(dialog)
    assert dialog.layout().labelForField(dialog.name).text() == "&Имя:"
    institution = InstitutionDialog(InstitutionRepository(database), r.Institution(id=r.new_id(), name=""))
    qtbot.addWidget(institution)
    assert institution.layout().labelForField(institution.name).text() == "&Название:"


def test_a_control_character_is_said_in_russian(qtbot, russian, window, database, answers) -> None:
    """A spelling pasted with a control character in it is refused in one Russian sentence (round 17:
    «Другое написание: holds the control character U+0007 at position 2; удалите его …»)."""
    from PySide6.QtCore import Qt

    from tests.factories import add_people
    from tests.ui.form_driving import open_first_record

    (person,) = add_people(database, "Айгерим Жумабаева")
    dialog = open_first_record(qtbot, window, Qt.Key.Key_2)
    dialog.other_names.setText("Ai\x07gerim")  # as pasted from a spreadsheet cell
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.text() == ("Другое написание: управляющий символ U+0007 в позиции 3; удалите его "
                                     "(его нельзя записать в отчёт или пакет обмена).")
    assert PeopleRepository(database).get(person.id).other_names == ()
    dialog.reject()
