"""The three ways typed data was lost or silently changed in the dialogue form (issue 14), each
reproduced with real key events sent where the keyboard is: into open cell editors, date fields
and completion lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus
from desktop_app.services import drafts
from desktop_app.ui.forms.dialogue_editor import ACTIONS, AGENDA, DELEGATIONS, DRAFT_DELAY_MS
from tests.factories import make_dialogue
from tests.ui.form_driving import key, keys
from tests.ui.test_dialogue_editor import Answers, open_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NOTES = 2


def saved_with_agenda(database) -> r.Dialogue:
    return DialogueRepository(database).save(make_dialogue(
        agenda=(r.AgendaItem(title="Drugs policy in the EU"),),
        actions=(r.Action(description="Send the minutes"),)))


def open_cell(qtbot, editor, table, row: int, column: int) -> None:
    """Go to the cell and open its editor with F2, as the officer does (or by double-click)."""
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    table.setFocus()
    table.setCurrentCell(row, column)
    key(qtbot, Qt.Key.Key_F2)
    assert table.state() == table.State.EditingState


def no_draft_later(qtbot, database, dialogue_id: str) -> None:
    """Nothing is left behind, now or after the draft timer would have fired."""
    qtbot.wait(DRAFT_DELAY_MS + 300)
    assert drafts.load_draft(database.path, dialogue_id) is None


# --- finding 1: every way out takes the open cell editor first -------------------------------------

def ctrl_s(qtbot, editor) -> None:
    key(qtbot, Qt.Key.Key_S, CTRL)


def save_button(qtbot, editor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def save_menu(qtbot, editor) -> None:
    editor.save_action.trigger()  # File ▸ Save


def ctrl_w_answer_save(qtbot, editor) -> None:
    key(qtbot, Qt.Key.Key_W, CTRL)


def close_box_answer_save(qtbot, editor) -> None:
    editor.close()  # the window manager's close box sends the same close event


def other_tab_then_ctrl_s(qtbot, editor) -> None:
    key(qtbot, Qt.Key.Key_1, CTRL)  # Go to Details
    ctrl_s(qtbot, editor)


def main_window_closes_forms(qtbot, editor) -> None:
    from desktop_app.ui.editor_windows import EditorWindows

    windows = EditorWindows(lambda _id: None)
    windows._editors.append((editor, editor.record().id))  # as the main window holds it
    assert windows.close_all()  # quit, switching database, restore and import all go this way


WAYS_OUT = [ctrl_s, save_button, save_menu, ctrl_w_answer_save, close_box_answer_save, other_tab_then_ctrl_s,
            main_window_closes_forms]


@pytest.mark.parametrize("way_out", WAYS_OUT, ids=lambda f: f.__name__)
def test_a_cell_being_typed_is_saved_by_every_way_out(qtbot, database, monkeypatch, way_out):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = saved_with_agenda(database)
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_3, CTRL)  # Agenda
    assert editor.tabs.currentIndex() == AGENDA
    open_cell(qtbot, editor, editor.agenda.table, 0, NOTES)
    keys(qtbot, "Presented by DG HOME")  # no Return
    way_out(qtbot, editor)
    assert DialogueRepository(database).get(stored.id).agenda[0].notes == "Presented by DG HOME"
    if editor.isVisible():
        assert not editor.windowTitle().startswith(f"{stored.title}*")
    no_draft_later(qtbot, database, stored.id)
    assert len(answers.questions) <= 1


@pytest.mark.parametrize("way_out", [ctrl_s, ctrl_w_answer_save], ids=lambda f: f.__name__)
def test_a_choice_cell_being_changed_is_saved(qtbot, database, monkeypatch, way_out):
    Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = saved_with_agenda(database)
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_4, CTRL)  # Follow-up actions
    assert editor.tabs.currentIndex() == ACTIONS
    open_cell(qtbot, editor, editor.actions_tab.table, 0, 3)
    key(qtbot, Qt.Key.Key_Down)  # Open -> Done in the closed list
    way_out(qtbot, editor)
    assert DialogueRepository(database).get(stored.id).actions[0].status is ActionStatus.DONE


def test_save_then_close_is_a_clean_close_without_prompt_or_draft(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    stored = saved_with_agenda(database)
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_3, CTRL)
    open_cell(qtbot, editor, editor.agenda.table, 0, NOTES)
    keys(qtbot, "Presented by DG HOME")
    ctrl_s(qtbot, editor)
    key(qtbot, Qt.Key.Key_W, CTRL)
    assert not editor.isVisible() and answers.questions == []
    no_draft_later(qtbot, database, stored.id)
    assert drafts.left_drafts(database.path) == []  # the next start has no "ended before saving" prompt


def test_closing_with_a_cell_open_asks_and_discard_leaves_no_draft(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Discard)
    stored = saved_with_agenda(database)
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_3, CTRL)
    open_cell(qtbot, editor, editor.agenda.table, 0, NOTES)
    keys(qtbot, "Presented by DG HOME")
    key(qtbot, Qt.Key.Key_W, CTRL)
    assert len(answers.questions) == 1 and not editor.isVisible()
    assert DialogueRepository(database).get(stored.id).agenda[0].notes is None
    no_draft_later(qtbot, database, stored.id)


# --- finding 2: typed dates are the dates written ---------------------------------------------------

def test_a_date_typed_after_tab_is_the_date_written_from_any_position(qtbot, database, monkeypatch):
    Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    details = editor.details
    details.status.setFocus()
    key(qtbot, Qt.Key.Key_Tab)  # into Start date, as the officer arrives there
    assert QApplication.focusWidget() is details.start_date
    keys(qtbot, "2023-12-13")
    assert details.start_date.value() == date(2023, 12, 13)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab, SHIFT)  # back into it: the text is selected, typing replaces it
    assert QApplication.focusWidget() is details.start_date
    keys(qtbot, "2024-03-05")
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert DialogueRepository(database).get(stored.id).start_date == date(2024, 3, 5)
    details.start_date.setFocus()
    details.start_date.setCursorPosition(3)  # the cursor in the middle, nothing selected
    details.start_date.selectAll()
    keys(qtbot, "13.12.23")
    assert details.start_date.value() == date(2023, 12, 13)


def test_a_russian_window_reads_the_date_as_written(qtbot, database, russian, monkeypatch):
    Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    editor.details.start_date.setFocus()
    editor.details.start_date.selectAll()
    keys(qtbot, "01.03.2024")
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert DialogueRepository(database).get(stored.id).start_date == date(2024, 3, 1)
    assert editor.details.start_date.text() == "01.03.2024"


def test_an_unreadable_date_is_a_problem_and_never_another_date(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    editor.details.start_date.setFocus()
    editor.details.start_date.selectAll()
    keys(qtbot, "31.02.2024")
    assert "31.02.2024" in editor.message.text() and "not a day of the calendar" in editor.message.text()
    assert "border" in editor.details.start_date.styleSheet()
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert answers.warnings and DialogueRepository(database).get(stored.id).start_date == stored.start_date
    assert editor.details.start_date.text() == "31.02.2024"  # what was typed stays for the officer to fix


def test_ends_on_starts_at_the_start_date_and_a_new_action_has_no_due_date(qtbot, database, monkeypatch):
    Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    editor.details.end_date.check.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert editor.details.end_date.value() == date(2023, 12, 13)  # not today
    key(qtbot, Qt.Key.Key_F, CTRL | SHIFT)  # a follow-up action, its description open
    keys(qtbot, "Share the national strategy")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)  # Owner left empty; Due date
    key(qtbot, Qt.Key.Key_F2)
    assert editor.actions_tab.table.state() == editor.actions_tab.table.State.EditingState
    assert QApplication.focusWidget().text() == ""  # starts empty, not today
    keys(qtbot, "15 января 2024")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_S, CTRL)
    action = DialogueRepository(database).get(stored.id).actions[-1]
    assert (action.description, action.due_date) == ("Share the national strategy", date(2024, 1, 15))


def test_an_unreadable_due_date_is_kept_as_typed_and_stops_saving(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = saved_with_agenda(database)
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_4, CTRL)
    open_cell(qtbot, editor, editor.actions_tab.table, 0, 2)
    keys(qtbot, "end of March")
    key(qtbot, Qt.Key.Key_Return)
    assert editor.actions_tab.table.item(0, 2).text() == "end of March"
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert answers.warnings and "end of March" in answers.warnings[0]
    assert DialogueRepository(database).get(stored.id).actions[0].due_date is None


def test_a_long_or_far_future_meeting_is_warned_about(qtbot, database, monkeypatch):
    stored = DialogueRepository(database).save(make_dialogue(status=DialogueStatus.DRAFT))  # still being planned
    editor = open_editor(qtbot, database, stored)
    editor.details.end_date.check.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "13.01.2024")
    assert "lasts 32 days" in editor.message.text()
    editor.details.end_date.check.setFocus()
    key(qtbot, Qt.Key.Key_Space)  # no end date
    editor.details.start_date.setFocus()
    editor.details.start_date.selectAll()
    keys(qtbot, f"01.01.{date.today().year + 2}")
    assert "more than a year ahead" in editor.message.text()
    editor.details.status.setFocus()
    key(qtbot, Qt.Key.Key_End)  # Final: the same date is no longer a second look but a refusal (round 19)
    assert "after today: keep it a draft until it has taken place" in editor.message.text()


# --- finding 3: the participant grid keeps Tab inside, completion list open or not ---------------

def test_tab_through_an_open_completion_list_stays_in_the_grid(qtbot, database, monkeypatch):
    Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    grid = editor.delegations.participants
    key(qtbot, Qt.Key.Key_2, CTRL)
    assert editor.tabs.currentIndex() == DELEGATIONS
    qtbot.mouseClick(editor.delegations.add_central_asia, Qt.MouseButton.LeftButton)
    editor.delegations.select(0)  # Kazakhstan
    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)  # a participant; the name cell is open
    keys(qtbot, "Асель Нурланова")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Ministry of Internal Affairs")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Deputy Minister")
    key(qtbot, Qt.Key.Key_Return)

    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)  # the second participant
    keys(qtbot, "Ерлан Жумабаев")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "intern")  # the completion list opens with the ministry typed above
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.isVisible()
    key(qtbot, Qt.Key.Key_Down)  # highlight it
    key(qtbot, Qt.Key.Key_Tab)  # accept it and go on to Position
    assert QApplication.activePopupWidget() is None
    assert grid.hasFocus() and (grid.currentRow(), grid.currentColumn()) == (1, 2)
    keys(qtbot, " Analyst")  # a space first: nothing outside the grid may be pressed by it
    key(qtbot, Qt.Key.Key_Tab)
    assert (grid.currentRow(), grid.currentColumn()) == (1, 3)

    kazakhstan = editor.delegations.delegations()[0]
    assert len(kazakhstan.participants) == 2
    assert [grid.item(1, c).text() for c in range(3)] == ["Ерлан Жумабаев", "Ministry of Internal Affairs",
                                                          "Analyst"]
    key(qtbot, Qt.Key.Key_S, CTRL)
    saved = DialogueRepository(database).get(stored.id).delegations[0]
    institutions = InstitutionRepository(database)
    assert [institutions.get(p.institution_id).name for p in saved.participants] == [
        "Ministry of Internal Affairs"] * 2
    assert saved.participants[0].institution_id == saved.participants[1].institution_id
    assert [PeopleRepository(database).get(p.person_id).name for p in saved.participants] == [
        "Асель Нурланова", "Ерлан Жумабаев"]
    assert saved.participants[1].position == "Analyst"


def test_the_grid_moves_like_a_spreadsheet(qtbot, database, monkeypatch):
    Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    grid = editor.delegations.participants
    key(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.mouseClick(editor.delegations.add_central_asia, Qt.MouseButton.LeftButton)
    editor.delegations.select(1)
    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    keys(qtbot, "Aibek Toktogulov")
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Tab)
    assert (grid.currentRow(), grid.currentColumn()) == (0, 4)  # Sex
    assert grid.hasFocus() and grid.currentItem().isSelected()  # the cell the keys go to is highlighted
    keys(qtbot, "M")  # the list opens on the typed letter: Male
    key(qtbot, Qt.Key.Key_Tab)
    assert (grid.currentRow(), grid.currentColumn()) == (0, 5)  # Status
    key(qtbot, Qt.Key.Key_Tab)
    assert (grid.currentRow(), grid.currentColumn()) == (0, 6)  # Funded, the last column
    key(qtbot, Qt.Key.Key_Tab)  # the last cell of a filled last row: a new row, its name open
    assert grid.rowCount() == 2 and (grid.currentRow(), grid.currentColumn()) == (1, 0)
    assert grid.state() == grid.State.EditingState
    keys(qtbot, "Нургуль Садыкова")
    key(qtbot, Qt.Key.Key_Tab, SHIFT)  # back to the row above, its last cell
    assert (grid.currentRow(), grid.currentColumn()) == (0, 6)
    key(qtbot, Qt.Key.Key_Return)  # down
    assert (grid.currentRow(), grid.currentColumn()) == (1, 6)
    key(qtbot, Qt.Key.Key_Tab, CTRL)  # leave the grid
    assert not grid.hasFocus() and not grid.isAncestorOf(QApplication.focusWidget())
    people = PeopleRepository(database)
    key(qtbot, Qt.Key.Key_S, CTRL)
    saved = DialogueRepository(database).get(stored.id).delegations[1]
    assert [people.get(p.person_id).name for p in saved.participants] == ["Aibek Toktogulov", "Нургуль Садыкова"]
    assert people.get(saved.participants[0].person_id).sex.value == "male"
    assert replace(saved, participants=()) == replace(editor.delegations.delegations()[1], participants=())


# --- warnings that protect the data (shown, not blocking) ------------------------------------------

def test_the_same_person_in_two_delegations_and_a_foreign_institution_are_warned_about(qtbot, database,
                                                                                     monkeypatch):
    Answers(monkeypatch, QMessageBox.StandardButton.Save)
    stored = DialogueRepository(database).save(make_dialogue())
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.mouseClick(editor.delegations.add_central_asia, Qt.MouseButton.LeftButton)
    editor.delegations.select(0)  # Kazakhstan
    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    keys(qtbot, "Асель Нурланова")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Ministry of Internal Affairs")  # new: recorded as Kazakhstan's
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_PageDown, CTRL)  # Kyrgyzstan
    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    keys(qtbot, "Асель Нурланова")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Ministry of Internal Affairs")
    key(qtbot, Qt.Key.Key_Return)
    message = editor.message.text()
    assert "Асель Нурланова is in two delegations, Kazakhstan and Kyrgyzstan." in message
    assert "Ministry of Internal Affairs is recorded as an institution of Kazakhstan, not of Kyrgyzstan." in message
    assert editor.message_icon.isVisible()
    key(qtbot, Qt.Key.Key_S, CTRL)  # a warning does not stop saving
    assert len(DialogueRepository(database).get(stored.id).delegations[1].participants) == 1
