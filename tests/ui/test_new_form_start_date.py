"""A new form's start date typed as today (round 14): the blank record falls back to today, so the
form took a typed today for no date — any undo or redo emptied the field, and typing it alone left
the form "unmodified". The field's being filled is part of the form's state now."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.ui.form_driving import press, type_date, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def _new_form(qtbot, database) -> DialogueEditor:
    editor = DialogueEditor(database)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.mark.parametrize("day", [date.today(), date(2023, 11, 16)])
def test_a_typed_start_date_survives_undo_and_redo(qtbot, database, day: date) -> None:
    editor = _new_form(qtbot, database)
    assert editor.details.start_date.value() is None  # a new form shows no date until one is typed
    type_date(qtbot, editor.details.start_date, day.strftime("%d/%m/%Y"))
    assert editor.is_modified()  # typing today alone is an edit too
    type_text(qtbot, editor.details.title, "Meeting")
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert (editor.details.title.text(), editor.details.start_date.value()) == ("", day)
    press(qtbot, editor, Qt.Key.Key_Y, CTRL)
    assert (editor.details.title.text(), editor.details.start_date.value()) == ("Meeting", day)
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert editor.details.start_date.value() is None and not editor.is_modified()  # back to the blank form
