"""Officer A removes a participant (agenda item, delegation) in the form while officer B, in the
form of her own database, fills in one of its empty fields; the bundles cross. docs/exchange.md:
"Removing a participant (delegation, item, action) sets all its fields to null with the removing
edit's dot, so a concurrent change to it is a conflict". Round 14: the removal stamped only the
fields that were not null already, so B's value for an empty one had no rival: kept hidden in the
state, no conflict, seen by neither officer. The last test (a field that was not empty) was a
conflict before too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from benchmarks.generate import make_bundle
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.exchange.conflicts import open_conflicts
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import apply_bundle
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.ui.form_driving import open_form, save_form, type_into_cell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
POSITION = 2  # delegations_section: NAME, INSTITUTION, POSITION, ...
NOTES = 2  # agenda_section: TITLE, PRESENTER, NOTES


def _open(qtbot, database, dialogue_id: str) -> DialogueEditor:
    return open_form(qtbot, database, DialogueRepository(database).get(dialogue_id))


def _save(qtbot, editor: DialogueEditor) -> None:
    save_form(qtbot, editor)
    editor.close()


def _exchange(a, b) -> None:
    from_a, from_b = build_bundle(a), build_bundle(b)
    with b.writing() as session:
        apply_bundle(session, from_a)
    with a.writing() as session:
        apply_bundle(session, from_b)


@pytest.fixture
def offices(tmp_path: Path):
    bundle = make_bundle(1)
    a = open_database(tmp_path / "a" / "dialogues.sqlite3")
    b = open_database(tmp_path / "b" / "dialogues.sqlite3")
    a.officer, b.officer = "Timur", "Aigul"
    for db in (a, b):
        with db.writing() as session:
            apply_bundle(session, bundle)
    yield a, b, DialogueRepository(a).get(bundle["dialogues"][0]["id"])
    a.close()
    b.close()


def _remove_participant(qtbot, database, dialogue_id: str, delegation: int, row: int) -> None:
    editor = _open(qtbot, database, dialogue_id)
    editor.tabs.setCurrentWidget(editor.delegations)
    editor.delegations.select(delegation)
    editor.delegations.participants.setCurrentCell(row, 0)
    qtbot.mouseClick(editor.delegations.participant_buttons.remove, Qt.MouseButton.LeftButton)
    _save(qtbot, editor)


def _type_position(qtbot, database, dialogue_id: str, delegation: int, row: int, text: str) -> None:
    editor = _open(qtbot, database, dialogue_id)
    editor.tabs.setCurrentWidget(editor.delegations)
    editor.delegations.select(delegation)
    type_into_cell(qtbot, editor.delegations.participants, row, POSITION, text)
    _save(qtbot, editor)


def _where(dialogue, empty: bool) -> tuple[int, int]:
    """A participant who is not their delegation's head (the form will not save a delegation whose
    head was removed ... without asking), with an empty or a filled position."""
    return next((g, p) for g, delegation in enumerate(dialogue.delegations)
                for p, participant in enumerate(delegation.participants)
                if p > 0 and (participant.position is None) == empty)


def _shown_anywhere(database, dialogue_id: str, text: str) -> bool:
    """B's text in what the officer sees: the dialogue as stored, or a waiting conflict."""
    return text in repr(DialogueRepository(database).get(dialogue_id)) or text in repr(open_conflicts(database))


def test_participant_removed_here_its_empty_position_typed_there(qtbot, offices) -> None:
    a, b, dialogue = offices
    g, p = _where(dialogue, empty=True)
    _remove_participant(qtbot, a, dialogue.id, g, p)
    _type_position(qtbot, b, dialogue.id, g, p, "Deputy head of unit")
    _exchange(a, b)
    for db in (a, b):
        assert _shown_anywhere(db, dialogue.id, "Deputy head of unit"), \
            "B's position is in neither database's dialogue nor in any waiting conflict"


def test_agenda_item_removed_here_its_empty_notes_typed_there(qtbot, offices) -> None:
    a, b, dialogue = offices
    assert dialogue.agenda[1].notes is None
    editor = _open(qtbot, a, dialogue.id)
    editor.tabs.setCurrentWidget(editor.agenda)
    editor.agenda.table.setCurrentCell(1, 0)
    qtbot.mouseClick(editor.agenda.buttons.remove, Qt.MouseButton.LeftButton)
    _save(qtbot, editor)
    editor = _open(qtbot, b, dialogue.id)
    editor.tabs.setCurrentWidget(editor.agenda)
    type_into_cell(qtbot, editor.agenda.table, 1, NOTES, "Speakers: UNODC, EUDA")
    _save(qtbot, editor)
    _exchange(a, b)
    for db in (a, b):
        assert _shown_anywhere(db, dialogue.id, "Speakers: UNODC, EUDA"), \
            "B's notes are in neither database's dialogue nor in any waiting conflict"


def test_contrast_a_filled_position_is_a_conflict(qtbot, offices) -> None:
    """The same with a position that was not empty: a conflict waits, naming B's value (passes)."""
    a, b, dialogue = offices
    g, p = _where(dialogue, empty=False)
    _remove_participant(qtbot, a, dialogue.id, g, p)
    _type_position(qtbot, b, dialogue.id, g, p, "Deputy head of unit")
    _exchange(a, b)
    for db in (a, b):
        assert _shown_anywhere(db, dialogue.id, "Deputy head of unit")


def test_delegation_removed_here_an_empty_position_in_it_typed_there(qtbot, offices) -> None:
    """The same when A removes the whole delegation (its participants go with it)."""
    a, b, dialogue = offices
    g, p = _where(dialogue, empty=True)
    editor = _open(qtbot, a, dialogue.id)
    editor.tabs.setCurrentWidget(editor.delegations)
    editor.delegations.select(g)
    qtbot.mouseClick(editor.delegations.buttons.remove, Qt.MouseButton.LeftButton)
    _save(qtbot, editor)
    _type_position(qtbot, b, dialogue.id, g, p, "Deputy head of unit")
    _exchange(a, b)
    for db in (a, b):
        assert _shown_anywhere(db, dialogue.id, "Deputy head of unit"), \
            "B's position is in neither database's dialogue nor in any waiting conflict"
