"""A draft of a dialogue deleted for good after it was kept (round 14): "Open them" at the start used
to show the kept work as saved (no mark, no note), so Close dropped it with its draft, and Save was
refused ("deleted for good elsewhere") with no way to keep it. Now it opens as a new dialogue,
unsaved, its draft kept under the new id, and Save stores it; a draft of a dialogue never saved
opens as itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.services import drafts
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from desktop_app.ui.main_window import MainWindow
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key_clicks, press

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support"), pytest.mark.usefixtures("boxes_told")]
CTRL = Qt.KeyboardModifier.ControlModifier


def _draft_then_crash(qtbot, database, dialogue: r.Dialogue | None) -> str:
    """Type into the summary of a form, let the draft be kept, and end without closing it."""
    editor = DialogueEditor(database, dialogue)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    activate(qtbot, editor.details.summary)
    editor.details.summary.setFocus()
    key_clicks(qtbot, editor.details.summary, "Kept work")
    dialogue_id = editor.record().id
    qtbot.waitUntil(lambda: drafts.load_draft(database.path, dialogue_id) is not None, timeout=5000)
    editor._closed = True  # the process ends without closing the window
    editor.hide()
    return dialogue_id


def _open_left_drafts(qtbot, database, answers):
    answers.choice = 0  # Open them
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.people.loaded, timeout=20_000)
    qtbot.waitUntil(lambda: bool(window.editors.open_editors()), timeout=5000)
    ((editor, _),) = window.editors.open_editors()
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    return editor


def test_a_draft_of_a_dialogue_deleted_for_good_since_opens_as_a_new_unsaved_dialogue(
        qtbot, database, answers) -> None:
    repository = DialogueRepository(database)
    stored = repository.save(make_dialogue(summary="Old", agenda=(r.AgendaItem(title="Opening"),)))
    old_id = _draft_then_crash(qtbot, database, repository.get(stored.id))
    repository.delete(stored.id)
    repository.purge(stored.id)
    editor = _open_left_drafts(qtbot, database, answers)
    new_id = editor.record().id
    assert new_id != old_id and "Kept work" in editor.details.summary.toPlainText()
    assert editor.is_modified() and "deleted for good" in editor.statusBar().currentMessage()
    assert drafts.load_draft(database.path, old_id) is None  # the work is kept under its new id
    assert drafts.load_draft(database.path, new_id) is not None
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())
    saved = repository.get(new_id)
    assert saved.summary == "Kept workOld" and [a.title for a in saved.agenda] == ["Opening"]
    assert saved.agenda[0].id != stored.agenda[0].id and drafts.left_drafts(database.path) == []


def test_a_draft_of_a_dialogue_never_saved_opens_as_itself(qtbot, database, answers) -> None:
    draft_id = _draft_then_crash(qtbot, database, None)
    editor = _open_left_drafts(qtbot, database, answers)
    assert editor.record().id == draft_id and editor.is_modified()
    assert "Kept work" in editor.details.summary.toPlainText()
