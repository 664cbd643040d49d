"""A date typed that the program cannot read is part of what the form holds: the window is marked
unsaved, closing asks, and Ctrl+Z takes back that typing alone (round 16: "14.12" typed as the end of
a meeting that had none left the form "unchanged", so Ctrl+W closed it without a word, and one
Ctrl+Z after "end of March" in a due date took back the owner typed before it as well)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key, open_form, press, type_date, type_into_cell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def test_an_unreadable_end_date_typed_where_there_was_none_is_asked_about_at_closing(qtbot, database, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    editor = open_form(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    ends = editor.details.end_date
    activate(qtbot, ends.check)
    ends.check.setFocus()
    key(qtbot, Qt.Key.Key_Space)  # ticks "Ends on": the start date is filled in
    key(qtbot, Qt.Key.Key_Tab)
    type_date(qtbot, ends.edit, "14.12")  # the year forgotten
    key(qtbot, Qt.Key.Key_Tab)

    assert editor.is_modified()
    assert editor.windowTitle().startswith("EU-Central Asia Drug Dialogue 2023*")
    press(qtbot, editor, Qt.Key.Key_W, CTRL)
    assert len(asked) == 1  # Cancel: the form stays open with what was typed
    assert editor.isVisible()
    assert ends.edit.text() == "14.12"


def test_ctrl_z_takes_back_an_unreadable_due_date_alone_and_ctrl_y_brings_it_back(qtbot, database):
    stored = DialogueRepository(database).save(
        make_dialogue(actions=(r.Action(description="Send the report", id=r.new_id()),)))
    editor = open_form(qtbot, database, stored)
    press(qtbot, editor, Qt.Key.Key_4, CTRL)
    table = editor.actions_tab.table
    type_into_cell(qtbot, table, 0, 1, "EUDA")
    type_into_cell(qtbot, table, 0, 2, "end of March")

    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert (table.text(0, 1), table.text(0, 2)) == ("EUDA", "")
    press(qtbot, editor, Qt.Key.Key_Y, CTRL)
    assert (table.text(0, 1), table.text(0, 2)) == ("EUDA", "end of March")
    assert "“end of March” is not a date" in editor.message.text()
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert (table.text(0, 1), table.text(0, 2)) == ("", "")
    assert not editor.is_modified()


def test_undo_gives_back_an_unreadable_start_date_as_typed(qtbot, database):
    editor = open_form(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    start = editor.details.start_date
    activate(qtbot, start)
    type_date(qtbot, start, "29.02.2023")
    key(qtbot, Qt.Key.Key_Tab)
    editor.details.city.setFocus()
    editor.details.city.selectAll()
    key(qtbot, Qt.Key.Key_Delete)

    press(qtbot, editor, Qt.Key.Key_Z, CTRL)  # the city back; the date as it was typed, not emptied
    assert (editor.details.city.text(), start.text()) == ("Brussels", "29.02.2023")
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert start.text() == "2023-12-13"
    assert not editor.is_modified()


@pytest.mark.parametrize(("language", "typed", "said"), [
    ("en", "29.02.2023", "“29.02.2023” is not a day of the calendar: that month ends on 2023-02-28."),
    ("ru", "31.04.2024", "«31.04.2024» — такого дня нет в календаре: этот месяц кончается 30.04.2024."),
])
def test_a_day_past_the_end_of_its_month_is_said_so_not_called_unreadable(qtbot, database, request, language,
                                                                          typed, said):
    if language == "ru":
        request.getfixturevalue("russian")
    editor = open_form(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    activate(qtbot, editor.details.start_date)
    type_date(qtbot, editor.details.start_date, typed)  # written as the field asks, in a month too short
    key(qtbot, Qt.Key.Key_Tab)
    assert editor.message.text() == said
    assert editor.details.start_date.text() == typed


@pytest.mark.parametrize(("language", "typed", "said"), [
    ("en", "2203-05-01", "“2203-05-01”: the year 2203 looks like a typo; the program takes the years 1900 to 2199."),
    ("ru", "01.05.0203", "«01.05.0203»: год 203 похож на опечатку; программа принимает годы с 1900 по 2199."),
])
def test_a_year_out_of_range_is_said_so_not_called_unreadable(qtbot, database, request, language, typed, said):
    """Round 17: "2203-05-01" was "not a date the program can read: type it as … 2023-12-13", the very
    shape typed; the year is what is wrong, and the message says so."""
    if language == "ru":
        request.getfixturevalue("russian")
    editor = open_form(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    activate(qtbot, editor.details.start_date)
    type_date(qtbot, editor.details.start_date, typed)
    key(qtbot, Qt.Key.Key_Tab)
    assert editor.message.text() == said
    assert editor.details.start_date.text() == typed


def test_an_end_date_is_not_compared_with_a_start_date_nobody_typed(qtbot, database):
    """Round 16: with the start date unreadable, the end date was marked "before the start date
    <today>" — the date a new record falls back to, which the officer never typed."""
    editor = open_form(qtbot, database, None)
    details = editor.details
    activate(qtbot, details.start_date)
    type_date(qtbot, details.start_date, "12.03.202")  # a digit short
    key(qtbot, Qt.Key.Key_Tab)
    details.end_date.check.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    type_date(qtbot, details.end_date.edit, "14.03.2024")
    key(qtbot, Qt.Key.Key_Tab)
    assert [str(p.message) for p in editor.errors() if p.field != "title"] == [
        "“12.03.202” is not a date the program can read: type it as 13.12.2023, 2023-12-13 or 13 Dec 2023."]
    assert details.end_date.edit.toolTip() == ""
    type_date(qtbot, details.start_date, "12.03.2024")
    key(qtbot, Qt.Key.Key_Tab)
    assert [p.field for p in editor.errors()] == ["title"]
