"""A new form, once saved, is that dialogue's form (round 15): opening the dialogue from the list
brings it forward instead of opening a second form of it (two forms of one dialogue share one
crash draft, so a save or discard in one dropped the other's kept work)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.main_window import MainWindow
from tests.ui.form_driving import press, type_date, type_text

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support"), pytest.mark.usefixtures("boxes_told")]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_opening_a_dialogue_saved_from_a_new_form_brings_that_form_forward(qtbot, database) -> None:
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    form = window.editors.open(database, None)
    qtbot.addWidget(form, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    qtbot.waitExposed(form)
    type_text(qtbot, form.details.title, "EU-Central Asia Drug Dialogue 2027")
    type_date(qtbot, form.details.start_date, "14.05.2027")
    press(qtbot, form, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not form.is_modified())
    saved_id = form.record().id
    window.open_dialogue(saved_id)
    assert [editor for editor, _ in window.editors.open_editors()] == [form]
    assert window.editors.open_editors()[0][1] == saved_id
