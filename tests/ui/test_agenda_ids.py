"""The form keeps each agenda item's id (round 13): before, `AgendaSection.items` gave every row an
empty id, so each save removed the dialogue's items and added new ones. The replication state kept
every removed item (a five-item agenda saved 220 times held ~1,100, 240 KB, and each save took
longer), and an item edited in another database came back beside the copy the form had made.
Driven by keys through the real form: saves, cell edits, moves, additions, removals, undo, and an
exchange between two databases whose officers each saved the dialogue from the form."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import apply_bundle
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key_clicks, open_form, press, type_into_cell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
ITEMS = ("Opening", "Drug situation in Central Asia", "Harm reduction")


def _stored(database) -> r.Dialogue:
    dialogue = make_dialogue(agenda=tuple(r.AgendaItem(title=title) for title in ITEMS))
    return DialogueRepository(database).save(dialogue)


def _type_summary(qtbot, editor: DialogueEditor, text: str) -> None:
    activate(qtbot, editor.details.summary)
    editor.details.summary.setFocus()
    key_clicks(qtbot, editor.details.summary, text)


def _agenda_tab(qtbot, editor: DialogueEditor) -> None:
    """Click the Agenda tab, as the officer does before editing an item."""
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(editor.tabs.indexOf(editor.agenda)).center())
    assert editor.tabs.currentWidget() is editor.agenda


def _save(qtbot, editor: DialogueEditor) -> None:
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not editor.is_modified())


def _hidden_agenda(path: Path, dialogue_id: str) -> list[str]:
    """The removed agenda items the dialogue's replication state keeps."""
    with sqlite3.connect(path) as connection:
        (replica,) = connection.execute("SELECT replica FROM dialogues WHERE id = ?", (dialogue_id,)).fetchone()
    return [key for key in json.loads(replica)["replica"].get("hidden", {}) if key.startswith("agenda.")]


def test_saving_the_form_keeps_the_agenda_items_and_their_ids(qtbot, database, db_path: Path) -> None:
    stored = _stored(database)
    ids = [a.id for a in stored.agenda]
    editor = open_form(qtbot, database, stored)
    for n in range(3):
        _type_summary(qtbot, editor, f" Typed {n}.")
        _save(qtbot, editor)
    again = DialogueRepository(database).get(stored.id)
    assert [a.id for a in again.agenda] == ids and [a.title for a in again.agenda] == list(ITEMS)
    assert _hidden_agenda(db_path, stored.id) == []  # nothing removed, so nothing kept of it


def test_edits_moves_additions_and_removals_keep_each_items_id(qtbot, database, db_path: Path) -> None:
    stored = _stored(database)
    opening, situation, harm = (a.id for a in stored.agenda)
    editor = open_form(qtbot, database, stored)
    table = editor.agenda.table
    _agenda_tab(qtbot, editor)
    type_into_cell(qtbot, table, 1, 0, "Drug situation in Central Asia and Afghanistan")
    table.setCurrentCell(2, 0)
    qtbot.mouseClick(editor.agenda.buttons.up, Qt.MouseButton.LeftButton)  # harm reduction before the situation
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.agenda.buttons.remove, Qt.MouseButton.LeftButton)  # the opening goes
    press(qtbot, editor, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)  # a new item, its title open
    type_into_cell(qtbot, table, 2, 0, "Closing")
    _save(qtbot, editor)
    saved = DialogueRepository(database).get(stored.id)
    assert [(a.title, a.id) for a in saved.agenda[:2]] == [
        ("Harm reduction", harm), ("Drug situation in Central Asia and Afghanistan", situation)]
    assert saved.agenda[2].title == "Closing" and saved.agenda[2].id not in (opening, situation, harm, "")
    assert _hidden_agenda(db_path, stored.id) == [f"agenda.{opening}"]  # only the removed one
    assert editor.agenda.items()[2].id == saved.agenda[2].id  # the form shows the new item's id after its save


def test_undo_of_a_removal_brings_the_item_back_with_its_id(qtbot, database) -> None:
    stored = _stored(database)
    editor = open_form(qtbot, database, stored)
    editor.agenda.table.setCurrentCell(1, 0)
    qtbot.mouseClick(editor.agenda.buttons.remove, Qt.MouseButton.LeftButton)
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert [a.id for a in editor.agenda.items()] == [a.id for a in stored.agenda]


def test_two_officers_saving_one_dialogue_from_their_forms_converge_without_copies(
        qtbot, database, tmp_path: Path) -> None:
    """Officer A retitles an agenda item, officer B types a summary, each in the form of their own
    database; after the bundles cross, both databases hold the three items once, with A's title
    and B's summary, and no conflict (before: six items, three of them A's copies)."""
    stored = _stored(database)
    colleague = open_database(tmp_path / "colleague" / "dialogues.sqlite3")
    with colleague.writing() as session:
        apply_bundle(session, build_bundle(database))
    mine = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    _agenda_tab(qtbot, mine)
    type_into_cell(qtbot, mine.agenda.table, 2, 0, "Harm reduction and treatment")
    _save(qtbot, mine)
    theirs = open_form(qtbot, colleague, DialogueRepository(colleague).get(stored.id))
    _type_summary(qtbot, theirs, "Agreed next steps.")
    _save(qtbot, theirs)
    ours_bundle, theirs_bundle = build_bundle(database), build_bundle(colleague)
    with database.writing() as session:
        apply_bundle(session, theirs_bundle)
    with colleague.writing() as session:
        apply_bundle(session, ours_bundle)
    for db in (database, colleague):
        merged = DialogueRepository(db).get(stored.id)
        assert [a.title for a in merged.agenda] == ["Opening", "Drug situation in Central Asia",
                                                   "Harm reduction and treatment"]
        assert [a.id for a in merged.agenda] == [a.id for a in stored.agenda]
        assert (merged.summary or "").endswith("Agreed next steps.")
