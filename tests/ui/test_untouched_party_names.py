"""A chair or agenda presenter recorded under a name the reference lists give an organisation
(its acronym "EMCDDA", "UNODC", its Russian name) stays as recorded when the form is saved for
another change (round 14: any save renamed it to the list's main name and versioned it anew)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key_clicks, press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def _versioned_anew(db_path: Path, dialogue: r.Dialogue, before: dict) -> list[str]:
    """The fields the last save gave a new version (a dot), from the `replica` column: a field not
    listed in "dots" has the "default" dot."""
    from desktop_app.domain import record_fields as rf
    from desktop_app.domain import replication as rp

    with sqlite3.connect(db_path) as connection:
        (text,) = connection.execute("SELECT replica FROM dialogues WHERE id = ?", (dialogue.id,)).fetchone()
    after = json.loads(text)["replica"]
    fields = rp.flatten("dialogue", rf.dialogue_json(dialogue))
    dot = lambda state, f: state.get("dots", {}).get(f, state.get("default"))  # noqa: E731
    return sorted(f for f in fields if dot(after, f) != dot(before, f))


def _replica(db_path: Path, dialogue_id: str) -> dict:
    with sqlite3.connect(db_path) as connection:
        (text,) = connection.execute("SELECT replica FROM dialogues WHERE id = ?", (dialogue_id,)).fetchone()
    return json.loads(text)["replica"]


def test_typing_a_summary_keeps_the_chair_and_presenters_as_recorded(qtbot, database, db_path: Path) -> None:
    stored = DialogueRepository(database).save(make_dialogue(
        chair=r.Party.organisation("EMCDDA"),  # as `party_of` keeps it ("stays as written")
        agenda=(r.AgendaItem(title="Opening", presenter=r.Party.organisation("UNODC")),
                r.AgendaItem(title="Harm reduction", presenter=r.Party.organisation("Европол")))))
    before = _replica(db_path, stored.id)
    editor = DialogueEditor(database, DialogueRepository(database).get(stored.id))
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    activate(qtbot, editor.details.summary)
    editor.details.summary.setFocus()
    key_clicks(qtbot, editor.details.summary, "Agreed.")
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    saved = DialogueRepository(database).get(stored.id)
    assert saved.summary == "Agreed."
    assert _versioned_anew(db_path, saved, before) == ["summary"]  # the one field typed
    assert saved.chair == r.Party.organisation("EMCDDA")
    assert [a.presenter for a in saved.agenda] == [r.Party.organisation("UNODC"), r.Party.organisation("Европол")]
