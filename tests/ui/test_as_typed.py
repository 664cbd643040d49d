"""The other side of `as_stored` (round 14): what the officer types is still read as typed —
trimmed, an acronym the lists know taken as their organisation, "a; b" as two topics — and an
edited cell of a row that moved is read as edited; moving rows moves what each row keeps (its
action's status among it). tests/ui/test_untouched_*.py hold the untouched side."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus
from desktop_app.ui.widgets.as_stored import as_stored
from tests.factories import make_dialogue
from tests.ui.form_driving import open_form, save_form, type_into_cell, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def test_as_stored_gives_the_stored_value_only_while_the_text_is_what_was_shown() -> None:
    shown = (" Brussels", " Brussels")
    assert as_stored(shown, " Brussels", str.strip) == " Brussels"
    assert as_stored(shown, " Brussels ", str.strip) == "Brussels"  # one space typed: read as typed
    assert as_stored(shown, "", lambda text: text or None) is None
    assert as_stored(None, " Brussels", str.strip) == "Brussels"  # nothing shown yet
    assert as_stored(("", None), "", lambda text: text) is None  # an empty field left empty keeps None


def test_typed_texts_parties_and_topics_are_read_as_typed(qtbot, database) -> None:
    stored = DialogueRepository(database).save(make_dialogue(
        city=" Brussels", chair=r.Party.organisation("EMCDDA"), topics=("HIV; hepatitis",),
        agenda=(r.AgendaItem(title=" Opening", presenter=r.Party.organisation("UNODC")),)))
    editor = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    type_text(qtbot, editor.details.city, "  Almaty  ")
    type_text(qtbot, editor.details.chair, "UNODC")
    type_text(qtbot, editor.details.topics, "HIV; hepatitis; HIV")
    editor.tabs.setCurrentWidget(editor.agenda)
    type_into_cell(qtbot, editor.agenda.table, 0, 0, "  Welcome  ")
    save_form(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert saved.city == "Almaty"
    assert saved.chair == r.Party.organisation("United Nations Office on Drugs and Crime")
    assert saved.topics == ("HIV", "hepatitis")
    assert saved.agenda[0].title == "Welcome"
    assert saved.agenda[0].presenter == r.Party.organisation("UNODC")  # its cell was not edited


def test_moving_actions_moves_their_status_and_keeps_what_was_not_typed(qtbot, database) -> None:
    stored = DialogueRepository(database).save(make_dialogue(actions=(
        r.Action(description="Send the report ", status=ActionStatus.DONE, done_on=date(2024, 1, 20)),
        r.Action(description="Plan the visit", owner=""))))
    editor = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    editor.tabs.setCurrentWidget(editor.actions_tab)
    editor.actions_tab.table.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.actions_tab.buttons.down, Qt.MouseButton.LeftButton)
    save_form(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.id, a.description, a.owner, a.status, a.done_on) for a in saved.actions] == [
        (stored.actions[1].id, "Plan the visit", "", ActionStatus.OPEN, None),
        (stored.actions[0].id, "Send the report ", None, ActionStatus.DONE, date(2024, 1, 20))]
