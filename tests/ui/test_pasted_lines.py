"""Lines copied from Word or Excel and pasted with Ctrl+V into the agenda or the follow-up actions
become rows (round 14: pasted into a new row's open cell, they were saved as one item holding every
line). The rows loaded stay as they were; one line of text still pastes into the cell."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import make_dialogue
from tests.ui.form_driving import _cell_editor, activate, key_clicks, press

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support"), pytest.mark.usefixtures("boxes_told")]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
AGENDA = (r.AgendaItem(title=" Opening", presenter=r.Party.organisation("UNODC"), notes=""),)
ACTIONS = (r.Action(description="Send the report ", owner="", status=ActionStatus.DONE, done_on=date(2024, 1, 2)),)


def _form(qtbot, database):
    stored = DialogueRepository(database).save(make_dialogue(agenda=AGENDA, actions=ACTIONS))
    editor = DialogueEditor(database, DialogueRepository(database).get(stored.id))
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    return stored, editor


def _paste_into_new_rows_open_cell(qtbot, editor: DialogueEditor, tab: str, text: str) -> None:
    """Ctrl+3 / Ctrl+4 to the tab, Ctrl+Shift+A / F adds a row with its first cell open, Ctrl+V."""
    press(qtbot, editor, Qt.Key.Key_3 if tab == "agenda" else Qt.Key.Key_4, CTRL)
    press(qtbot, editor, Qt.Key.Key_A if tab == "agenda" else Qt.Key.Key_F, CTRL | SHIFT)
    table = (editor.agenda if tab == "agenda" else editor.actions_tab).table
    cell_editor = _cell_editor(table, table.rowCount() - 1, 0)
    assert cell_editor is not None
    QApplication.clipboard().setText(text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_V, CTRL)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _save(qtbot, editor: DialogueEditor) -> None:
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())


def test_an_agenda_pasted_into_a_new_rows_cell_becomes_one_item_a_line(qtbot, database, boxes_told) -> None:
    stored, editor = _form(qtbot, database)
    _paste_into_new_rows_open_cell(qtbot, editor, "agenda",
                                   "Drug situation\tEMCDDA\r\nPrevention\n\n  Closing words  \tKZ\tthanks\n")
    _save(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.title, a.presenter, a.notes) for a in saved.agenda] == [
        (" Opening", r.Party.organisation("UNODC"), ""),  # the loaded item as it was
        ("Drug situation", r.Party.organisation("European Monitoring Centre for Drugs and Drug Addiction"), None),
        ("Prevention", None, None), ("Closing words", r.Party.country("KZ"), "thanks")]
    assert saved.agenda[0].id == stored.agenda[0].id and not boxes_told


def test_actions_pasted_become_open_actions_and_the_done_one_stays_done(qtbot, database, boxes_told) -> None:
    stored, editor = _form(qtbot, database)
    _paste_into_new_rows_open_cell(qtbot, editor, "actions", "Send the minutes\tEC\t2025-03-01\nPlan the visit\n")
    _save(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.description, a.owner, a.due_date, a.status) for a in saved.actions] == [
        ("Send the report ", "", None, ActionStatus.DONE),
        ("Send the minutes", "EC", date(2025, 3, 1), ActionStatus.OPEN),
        ("Plan the visit", None, None, ActionStatus.OPEN)]
    assert saved.actions[0].id == stored.actions[0].id and saved.actions[0].done_on == date(2024, 1, 2)


def test_one_line_pastes_into_the_cell_and_undo_takes_a_paste_back(qtbot, database) -> None:
    _, editor = _form(qtbot, database)
    _paste_into_new_rows_open_cell(qtbot, editor, "agenda", "Drug situation")
    cell_editor = _cell_editor(editor.agenda.table, 1, 0)
    assert cell_editor is not None
    key_clicks(qtbot, cell_editor, " 2024")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    assert [a.title for a in editor.agenda.items()] == [" Opening", "Drug situation 2024"]
    activate(qtbot, editor.agenda.table)
    editor.agenda.table.setFocus()
    QApplication.clipboard().setText("A\nB\n")
    qtbot.keyClick(editor.agenda.table, Qt.Key.Key_V, CTRL)
    assert [a.title for a in editor.agenda.items()] == [" Opening", "Drug situation 2024", "A", "B"]
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert [a.title for a in editor.agenda.items()] == [" Opening", "Drug situation 2024"]


def test_a_copied_agenda_with_a_header_a_numbering_and_a_time_column_puts_each_column_where_its_name_says(
        qtbot, database, russian) -> None:
    """Round 16: the header line became an item, and the columns went in the table's order whatever
    they were: the time was the title, the topic the presenter (an organisation called so)."""
    stored, editor = _form(qtbot, database)
    _paste_into_new_rows_open_cell(qtbot, editor, "agenda", "№\tВремя\tТема\tДокладчик\n"
                                                            "1.\t10:00\tНаркоситуация\tEMCDDA\n"
                                                            "2.\t11:30\tПрофилактика\t\n")
    assert editor.statusBar().currentMessage() == "Не вставлены столбцы (“Время”): в этой таблице для них нет места."
    _paste_into_new_rows_open_cell(qtbot, editor, "actions", "Мероприятие\tСрок\tОтветственный\n"
                                                             "Разослать протокол\t2025-03-01\tЕК\n")
    _save(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.title, a.presenter) for a in saved.agenda][1:] == [
        ("Наркоситуация", r.Party.organisation("European Monitoring Centre for Drugs and Drug Addiction")),
        ("Профилактика", None)]
    assert [(a.description, a.owner, a.due_date) for a in saved.actions][1:] == [
        ("Разослать протокол", "ЕК", date(2025, 3, 1))]


def test_a_due_date_pasted_as_people_write_dates_is_read_as_typed_one_would_be(qtbot, database, russian) -> None:
    """Round 16: the cell took the pasted text as it came, and only `yyyy-MM-dd` was read back, so a
    pasted 01.03.2025 was "not a date the program can read: type it as 13.12.2023" and stopped the save."""
    stored, editor = _form(qtbot, database)
    _paste_into_new_rows_open_cell(qtbot, editor, "actions", "Разослать протокол\tЕК\t01.03.2025\n"
                                                             "Подготовить визит\t\tконец марта\n")
    table = editor.actions_tab.table
    assert [table.item(row, 2).data(Qt.ItemDataRole.DisplayRole) for row in (1, 2)] == ["2025-03-01", "конец марта"]
    assert "«конец марта» не читается как дата" in editor.message.text()  # what cannot be read stays, said
    table.setCurrentCell(2, 0)
    qtbot.mouseClick(editor.actions_tab.buttons.remove, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 2
    _save(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.description, a.due_date) for a in saved.actions][1:] == [("Разослать протокол", date(2025, 3, 1))]


def test_one_line_pasted_on_a_cell_not_open_opens_it_with_the_text(qtbot, database) -> None:
    """Round 16: Ctrl+V of one line on a selected cell did nothing at all (docs/entry.md: "One line of
    text pastes into the cell"). It now opens the cell holding the text, as typing would; Return takes it."""
    _, editor = _form(qtbot, database)
    press(qtbot, editor, Qt.Key.Key_3, CTRL)
    table = editor.agenda.table
    activate(qtbot, table)
    table.setFocus()
    table.setCurrentCell(0, 2)
    QApplication.clipboard().setText("Bring the minutes")
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    cell_editor = _cell_editor(table, 0, 2)
    assert cell_editor is not None and cell_editor.text() == "Bring the minutes"
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    assert editor.agenda.items()[0].notes == "Bring the minutes"
    assert editor.agenda.items()[0].title == " Opening"  # the rest of the row as it was
