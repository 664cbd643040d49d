"""An action marked Done by keys is dated; set back to Open, it loses the date.

Round 16 (noticed in round 15): `done_on` was written only by a bundle. An officer choosing Done in
the Follow-up tab got no date, and an action that had one kept it when set back to Open — a record
saying "open, done on 3 May". Now the save dates a stored action that becomes done, today, and clears
the date of one that is no longer done (`domain.protocol.dated_actions`). A done action with no date
(older records, a bundle) keeps having none: nobody knows the day, and the save does not invent one.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus
from desktop_app.ui.forms import actions_section
from tests.factories import make_dialogue
from tests.ui.form_driving import key, save_form
from tests.ui.test_choice_cells import choose_in_cell
from tests.ui.test_dialogue_editor import open_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_done_by_keys_is_dated_today_and_open_again_is_not(qtbot, database) -> None:
    stored = DialogueRepository(database).save(make_dialogue(actions=(
        r.Action("Share the report", owner="EUDA"),
        r.Action("Circulate the minutes", status=ActionStatus.DONE))))
    editor = open_editor(qtbot, database, stored)
    key(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    table = editor.actions_tab.table
    choose_in_cell(qtbot, table, 0, actions_section.STATUS, "D")
    assert table.item(0, actions_section.STATUS).text() == "Done"
    save_form(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.status, a.done_on) for a in saved.actions] == [(ActionStatus.DONE, date.today()),
                                                              (ActionStatus.DONE, None)]
    choose_in_cell(qtbot, table, 0, actions_section.STATUS, "O")
    save_form(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.status, a.done_on) for a in saved.actions] == [(ActionStatus.OPEN, None), (ActionStatus.DONE, None)]


def test_the_rule_dates_only_a_stored_action_that_becomes_done() -> None:
    from desktop_app.domain.protocol import dated_actions

    today = date(2024, 5, 3)
    was_open, was_done, new = (r.Action("a", ActionStatus.DONE, id="1"), r.Action("b", ActionStatus.DONE, id="2"),
                               r.Action("c", ActionStatus.DONE, id="3"))
    reopened = r.Action("d", ActionStatus.OPEN, id="4", done_on=date(2024, 1, 2))
    stored = {"1": ActionStatus.OPEN, "2": ActionStatus.DONE, "4": ActionStatus.DONE}
    assert [a.done_on for a in dated_actions((was_open, was_done, new, reopened), stored, today)] == [
        today, None, None, None]
