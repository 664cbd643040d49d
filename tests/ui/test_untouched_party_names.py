"""A chair or agenda presenter recorded under a name the reference lists give an organisation
(its acronym "EMCDDA", "UNODC", its Russian name) stays as recorded when the form is saved for
another change (round 14: any save renamed it to the list's main name and versioned it anew)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key_clicks, open_form, save_form, stored_replica, versioned_anew

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier




def test_typing_a_summary_keeps_the_chair_and_presenters_as_recorded(qtbot, database, db_path: Path) -> None:
    stored = DialogueRepository(database).save(make_dialogue(
        chair=r.Party.organisation("EMCDDA"),  # as `party_of` keeps it ("stays as written")
        agenda=(r.AgendaItem(title="Opening", presenter=r.Party.organisation("UNODC")),
                r.AgendaItem(title="Harm reduction", presenter=r.Party.organisation("Европол")))))
    before = stored_replica(db_path, stored.id)
    editor = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    activate(qtbot, editor.details.summary)
    editor.details.summary.setFocus()
    key_clicks(qtbot, editor.details.summary, "Agreed.")
    save_form(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert saved.summary == "Agreed."
    assert versioned_anew(db_path, saved, before) == ["summary"]  # the one field typed
    assert saved.chair == r.Party.organisation("EMCDDA")
    assert [a.presenter for a in saved.agenda] == [r.Party.organisation("UNODC"), r.Party.organisation("Европол")]
