"""Inside every menu each item has its own Alt letter, in English and in Russian (issue 14's
leftover, found in round 3: «Добавить пункт &повестки» and «Присутствие по &подписанному листу…»
both answered Alt+П in the dialogue form's Dialogue menu)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.factories import make_dialogue
from tests.ui.test_dialogue_editor import open_editor
from tests.ui.test_entry_keys import mnemonic

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def clashes(menu: QMenu, where: str) -> dict[str, list[str]]:
    """Letters two items of one menu share, this menu and its submenus, each under its path."""
    found: dict[str, list[str]] = {}
    items = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    letters = Counter(mnemonic(t) for t in items if mnemonic(t))
    for letter, count in letters.items():
        if count > 1:
            found[f"{where} / Alt+{letter}"] = [t for t in items if mnemonic(t) == letter]
    for action in menu.actions():
        if action.menu() is not None:
            found.update(clashes(action.menu(), f"{where} / {action.text()}"))
    return found


def menus_of(window: QWidget) -> dict[str, QMenu]:
    return {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}


def all_clashes(window: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    menus = menus_of(window)
    assert menus, "the window has menus"
    for title, menu in menus.items():
        menu.aboutToShow.emit()  # menus filled on opening (Open recent, Documents) are filled as the officer sees them
        found.update(clashes(menu, title))
    return found


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_menu_of_the_dialogue_form_has_unique_accelerators(qtbot, database, request, language) -> None:
    if language == "ru":
        request.getfixturevalue("russian")
    editor = open_editor(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    found = all_clashes(editor)
    assert found == {}, json.dumps(found, ensure_ascii=False)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_menu_of_the_main_window_has_unique_accelerators(qtbot, database, answers, request, language) -> None:
    if language == "ru":
        request.getfixturevalue("russian")
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    found = all_clashes(window)
    assert found == {}, json.dumps(found, ensure_ascii=False)
