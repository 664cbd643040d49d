"""A draft of a dialogue moved to the trash after it was kept (round 15): the form opens with the
work, and its note says the dialogue is in the trash, so the officer knows where it will be after
Save (it stays there until restored) — before, nothing said so and the saved work seemed gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.factories import make_dialogue
from tests.ui.form_driving import press
from tests.ui.test_draft_purged import _draft_then_crash, _open_left_drafts

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support"), pytest.mark.usefixtures("boxes_told")]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_note_says_the_dialogue_is_in_the_trash_and_save_keeps_the_work(qtbot, database, answers) -> None:
    repository = DialogueRepository(database)
    stored = repository.save(make_dialogue(summary="Old"))
    _draft_then_crash(qtbot, database, repository.get(stored.id))
    repository.delete(stored.id)  # to the trash
    editor = _open_left_drafts(qtbot, database, answers)
    note = editor.statusBar().currentMessage()
    assert "in the trash" in note and "Trash" in note, note
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    saved = repository.get(stored.id)
    assert saved.summary == "Kept workOld" and saved.deleted_at is not None  # where the note said


def test_a_draft_of_a_dialogue_not_in_the_trash_says_nothing_of_it(qtbot, database, answers) -> None:
    repository = DialogueRepository(database)
    stored = repository.save(make_dialogue(summary="Old"))
    _draft_then_crash(qtbot, database, repository.get(stored.id))
    editor = _open_left_drafts(qtbot, database, answers)
    assert "trash" not in editor.statusBar().currentMessage()

