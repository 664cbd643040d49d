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



def test_a_form_open_while_its_dialogue_went_to_the_trash_says_so_at_the_save(qtbot, database) -> None:
    """The list's Del (here or in another window) while the dialogue's form holds typed words: the
    save keeps them in the trashed record, and the form says where it is (round 15: only "Saved")."""
    from tests.ui.form_driving import open_form, type_text

    repository = DialogueRepository(database)
    stored = repository.save(make_dialogue(city="Brussels"))
    editor = open_form(qtbot, database, repository.get(stored.id))
    type_text(qtbot, editor.details.city, "Almaty")
    repository.delete(stored.id)
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    assert "It is in the trash" in editor.statusBar().currentMessage()
    kept = repository.get(stored.id)
    assert (kept.city, kept.deleted_at is not None) == ("Almaty", True)


def test_a_save_of_a_dialogue_not_in_the_trash_says_only_saved(qtbot, database) -> None:
    from tests.ui.form_driving import open_form, type_text

    repository = DialogueRepository(database)
    stored = repository.save(make_dialogue(city="Brussels"))
    editor = open_form(qtbot, database, repository.get(stored.id))
    type_text(qtbot, editor.details.city, "Almaty")
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    assert editor.statusBar().currentMessage() == f"Saved “{stored.title}”."
