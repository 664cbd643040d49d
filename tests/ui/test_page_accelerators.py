"""On the People and Institutions pages each Alt letter answers one thing, counting the menu bar
(round 17: Alt+E opened the Edit menu and, pressed again, only put the focus on "Edit…", never
opening the person; in Russian Alt+П was both «Правка» and the search field «Поиск»; on the Dialogues
and Trash pages "&From:" shared Alt+F with the File menu, «&С:» Alt+С with «&Справка»)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from tests.factories import add_people
from tests.ui.form_driving import press
from tests.ui.test_entry_keys import mnemonic

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _shared_letters(window) -> dict[str, list[str]]:
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [w.text() for w in (*window.findChildren(QLabel), *window.findChildren(QAbstractButton))
              if w.isVisible()]
    letters: dict[str, list[str]] = {}
    for text in texts:
        if letter := mnemonic(text):
            letters.setdefault(letter, []).append(text)
    return {letter: said for letter, said in letters.items() if len(said) > 1}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_alt_letter_answers_one_thing(qtbot, request, language, database, answers) -> None:
    if language == "ru":
        request.getfixturevalue("russian")
    window = request.getfixturevalue("window")
    for page in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):  # the Dialogues page and the Trash too
        press(qtbot, window, page, Qt.KeyboardModifier.ControlModifier)
        assert _shared_letters(window) == {}


def test_the_edit_button_letter_opens_the_person(qtbot, window, database, answers) -> None:
    add_people(database, "Aigerim Zhumabaeva")
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.people
    qtbot.waitUntil(lambda: len(page.model.records) == 1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.person_dialog is not None and page.person_dialog.isVisible())
    assert page.person_dialog.name.text() == "Aigerim Zhumabaeva"
    page.person_dialog.reject()
