"""Keys of the dialogue form: accelerators unique in the window, moving between delegations."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMessageBox, QWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import make_dialogue
from tests.ui.conftest import when_modal
from tests.ui.form_driving import key, keys, type_text
from tests.ui.test_dialogue_editor import open_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def accelerators(editor: DialogueEditor) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter the window answers now: menus, buttons, labels' buddies."""
    found = [(mnemonic(a.text()), a.text()) for a in editor.menuBar().actions()]
    for widget in editor.findChildren(QWidget):
        if not widget.isVisibleTo(editor):
            continue
        if isinstance(widget, QAbstractButton | QGroupBox):
            text = widget.text() if isinstance(widget, QAbstractButton) else widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        else:
            continue
        found.append((mnemonic(text), text))
    return [(letter, text) for letter, text in found if letter]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_accelerator_is_unique_on_every_tab(qtbot, database, request, language):
    if language == "ru":
        request.getfixturevalue("russian")
    editor = open_editor(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        found = accelerators(editor)
        twice = {letter: [t for ll, t in found if ll == letter] for letter, n in Counter(
            ll for ll, _ in found).items() if n > 1}
        assert twice == {}, f"tab {tab}"


def test_page_keys_go_to_the_next_and_previous_delegation_from_anywhere_in_the_tab(qtbot, database):
    editor = open_editor(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(editor.delegations.add_central_asia, Qt.MouseButton.LeftButton)
    editor.delegations.select(0)
    editor.delegations.participants.setFocus()  # in the participant grid
    key(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.delegations.current_index() == 1
    assert QApplication.focusWidget() is editor.delegations.participants  # the officer stays where they were
    editor.delegations.party_picker.setFocus()
    key(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.delegations.current_index() == 0
    key(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # stays on the first
    assert editor.delegations.current_index() == 0


@pytest.mark.parametrize(("language", "discard"), [("en", "&Don't save"), ("ru", "&Не сохранять")])
def test_the_unsaved_changes_prompt_says_dont_save_with_a_key_of_its_own(qtbot, database, request, language,
                                                                       discard):
    if language == "ru":
        request.getfixturevalue("russian")
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    type_text(qtbot, editor.details.city, "Almaty")
    seen: list[list[str]] = []

    def answer(box: QWidget) -> None:
        QApplication.processEvents()  # the form names the buttons once the prompt is up
        assert isinstance(box, QMessageBox)
        seen.append([button.text() for button in box.buttons()])
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        if language == "en":
            qtbot.keyClick(box, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Alt+D: Don't save
        else:  # QTest has no key code for a Cyrillic letter: the button its Alt+Н would press
            box.button(QMessageBox.StandardButton.Discard).click()
        qtbot.wait(300)  # a button's Alt+letter clicks it after a short flash
        if box.isVisible():
            box.button(QMessageBox.StandardButton.Cancel).click()  # never leave the test waiting

    when_modal(answer)
    closed = editor.close()
    assert discard in seen[0]
    assert closed
    letters = [mnemonic(text) for text in seen[0] if mnemonic(text)]
    assert len(letters) == len(set(letters))
    assert DialogueRepository(database).get(stored.id).city == stored.city  # not saved


EXCEL_ROWS = ("Name\tInstitution\tPosition\tSex\r\n"
              "Бакыт Асанов\tMinistry of Internal Affairs\tHead of Department\tM\r\n"
              "Aigerim Sadykova\tAgency for Drug Control\tAnalyst\tЖ\r\n"
              "Erlan Omarov\t\t\t?\r\n")


@pytest.mark.parametrize("from_an_open_cell", [False, True])
def test_rows_copied_from_a_spreadsheet_paste_as_participants_matching_known_ones(qtbot, database,
                                                                                  from_an_open_cell):
    from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
    from desktop_app.domain.enums import Role, Sex
    from tests.factories import add_institution, add_people

    (known,) = add_people(database, "Bakyt Asanov")
    PeopleRepository(database).save(replace(PeopleRepository(database).get(known.id), other_names=("Бакыт Асанов",)))
    ministry = add_institution(database, "Ministry of Internal Affairs", "KZ")
    editor = open_editor(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(editor.delegations.add_central_asia, Qt.MouseButton.LeftButton)
    editor.delegations.select(0)
    QApplication.clipboard().setText(EXCEL_ROWS)
    grid = editor.delegations.participants
    grid.setFocus()
    if from_an_open_cell:  # a head typed first, then the paste from their open name cell
        key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        keys(qtbot, "Асель Нурланова")
        key(qtbot, Qt.Key.Key_Return)
        grid.setCurrentCell(0, 0)
        key(qtbot, Qt.Key.Key_F2)
        assert grid.state() == grid.State.EditingState
    key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    typed = 1 if from_an_open_cell else 0
    assert grid.state() != grid.State.EditingState
    participants = editor.delegations.delegations()[0].participants[typed:]
    assert len(participants) == 3
    assert participants[0].person_id == known.id and participants[0].institution_id == ministry.id
    assert [p.role for p in participants] == [Role.MEMBER if typed else Role.HEAD, Role.MEMBER, Role.MEMBER]
    assert [grid.item(typed + 1, c).text() for c in range(5)] == [
        "Aigerim Sadykova", "Agency for Drug Control", "Analyst", "Member", "Female"]
    assert "“?”" in editor.statusBar().currentMessage()  # the sex not understood is said, not guessed
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = DialogueRepository(database).get(editor.record().id).delegations[0].participants[typed:]
    people = PeopleRepository(database)
    assert [(people.get(p.person_id).name, people.get(p.person_id).sex) for p in stored] == [
        ("Bakyt Asanov", Sex.MALE), ("Aigerim Sadykova", Sex.FEMALE), ("Erlan Omarov", None)]
    agency = InstitutionRepository(database).get(stored[1].institution_id)
    assert (agency.name, agency.country) == ("Agency for Drug Control", "KZ")
    assert [p.position for p in stored] == ["Head of Department", "Analyst", None]
