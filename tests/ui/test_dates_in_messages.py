"""Dates in messages are written as the window writes dates (round 15): a Russian window's form
said «Дата окончания 2023-12-12 раньше даты начала 2023-12-13.» beside fields showing 13.12.2023.
The English text (the command line's) keeps 2023-12-13."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.enums import ParticipationStatus as S
from desktop_app.domain.protocol import status_change_problem_on
from desktop_app.domain.validation import dialogue_problems
from desktop_app.ui.texts import shown
from tests.factories import make_dialogue
from tests.ui.form_driving import open_form, press, type_date, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _end_before_start():
    dialogue = make_dialogue(start_date=date(2023, 12, 13), end_date=date(2023, 12, 12))
    (problem,) = [p for p in dialogue_problems(dialogue) if p.field == "end_date"]
    return problem.message


def test_the_english_text_keeps_iso_dates() -> None:
    assert str(_end_before_start()) == "The end date 2023-12-12 is before the start date 2023-12-13."
    assert shown(_end_before_start()) == "The end date 2023-12-12 is before the start date 2023-12-13."


def test_a_russian_window_writes_the_dates_as_its_fields_do(russian) -> None:
    said = shown(_end_before_start())
    assert "12.12.2023" in said and "13.12.2023" in said and "2023-12" not in said, said
    soon = date.today() + timedelta(days=3)
    refused = shown(status_change_problem_on(soon, S.INVITED, S.ATTENDED, date.today()))
    assert soon.strftime("%d.%m.%Y") in refused and soon.isoformat() not in refused, refused


def test_the_form_in_russian_says_the_end_date_as_typed(qtbot, database, russian, boxes_told) -> None:
    editor = open_form(qtbot, database, None)
    type_text(qtbot, editor.details.title, "Встреча экспертов")
    type_date(qtbot, editor.details.start_date, "13.12.2023")
    editor.details.end_date.check.setFocus()
    qtbot.keyClick(editor.details.end_date.check, Qt.Key.Key_Space)
    type_date(qtbot, editor.details.end_date.edit, "12.12.2023")
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.is_modified()
    (said,) = boxes_told
    assert "12.12.2023" in said and "13.12.2023" in said and "2023-12" not in said, said
