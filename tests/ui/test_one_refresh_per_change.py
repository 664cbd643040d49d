"""Issue 13, "pages refresh twice": each change reloads each page of the window exactly once.

A write broadcasts which records changed (`db.unit_of_work.Database.listeners` → `ui.records_changed`);
the window refreshes its pages from that signal. The window and the pages also reloaded by hand after
their own writes, so a save, an import or a merge read every list two or three times from the database
(at 100,000 dialogues that is the wait the officer sees twice). Counted here by the models' resets, the
one thing a page's reload always does."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.services.exchange.exporter import build_bundle
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.conftest import add_dialogues, when_modal
from tests.ui.form_driving import press, type_text

PAGES = ("dialogues", "trash", "people", "institutions")
CTRL = Qt.KeyboardModifier.ControlModifier


def count_reloads(window) -> Counter[str]:
    """Each page's model resets, counted from now on."""
    counts: Counter[str] = Counter()
    for name in PAGES:
        getattr(window, name).model.modelReset.connect(lambda name=name: counts.update([name]))
    return counts


def settle(qtbot) -> None:
    """Let the deferred refresh after a broadcast run (it waits for the event loop)."""
    qtbot.wait(100)


@pytest.fixture
def filled(window, database):
    people = add_people(database, "Aigerim Zhumabayeva", "Aygerim Jumabaeva")
    dialogues = (make_dialogue("First", delegations=(delegation_of(r.Party.country("KZ"), people[0]),)),
                 make_dialogue("Second", delegations=(delegation_of(r.Party.country("KZ"), people[1]),)))
    add_dialogues(database, *dialogues)
    window.reload()
    return window, dialogues, people


def test_a_save_in_the_form_reloads_each_page_once(qtbot, filled):
    window, dialogues, _ = filled
    window.open_dialogue(dialogues[0].id)
    ((editor, _),) = window.editors.open_editors()
    counts = count_reloads(window)
    type_text(qtbot, editor.details.title, " (edited)", replace=False)
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    settle(qtbot)
    assert DialogueRepository(window.database).get(dialogues[0].id).title == "First (edited)"
    assert dict(counts) == dict.fromkeys(PAGES, 1)
    assert window.dialogues.current_id() == dialogues[0].id  # the saved dialogue stays selected


def test_an_imported_bundle_reloads_each_page_once(qtbot, filled, tmp_path, monkeypatch, answers):
    window, _, _ = filled
    colleague = open_database(tmp_path / "colleague.sqlite3")
    try:
        add_dialogues(colleague, make_dialogue("From a colleague"))
        bundle = tmp_path / "colleague.json"
        bundle.write_text(json.dumps(build_bundle(colleague), ensure_ascii=False), encoding="utf-8")
    finally:
        colleague.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), "")))
    counts = count_reloads(window)
    when_modal(lambda preview: preview.import_button.click())
    window.import_action.trigger()
    settle(qtbot)
    assert "Import finished." in answers.texts("inform")[-1]
    model = window.dialogues.model
    assert "From a colleague" in [model.index(row, 1).data() for row in range(model.rowCount())]
    assert dict(counts) == dict.fromkeys(PAGES, 1)


def test_moving_two_dialogues_to_the_trash_reloads_each_page_once(qtbot, filled):
    window, _, _ = filled
    table = window.dialogues.table
    table.setFocus()
    table.selectAll()
    counts = count_reloads(window)
    window.delete_action.trigger()
    settle(qtbot)
    assert DialogueRepository(window.database).count() == 0
    assert dict(counts) == dict.fromkeys(PAGES, 1)


def test_a_person_edited_on_the_people_page_reloads_each_page_once(qtbot, filled):
    window, _, people = filled
    view = window.people
    counts = count_reloads(window)
    view.table.setCurrentIndex(view.model.index(0, 0))
    view.edit_current()
    qtbot.keyClicks(view.person_dialog.email, "a.zh@example.kz")
    view.person_dialog.accept()
    settle(qtbot)
    assert PeopleRepository(window.database).get(people[0].id).email == "a.zh@example.kz"
    assert dict(counts) == dict.fromkeys(PAGES, 1)


def test_two_people_merged_reload_each_page_once(qtbot, filled, answers):
    window, _, _ = filled
    view = window.people
    selection = view.table.selectionModel()
    for row in (0, 1):
        selection.select(view.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    answers.choice = 0
    counts = count_reloads(window)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(PeopleRepository(window.database).search()) == 1
    assert dict(counts) == dict.fromkeys(PAGES, 1)


def test_a_write_made_elsewhere_reaches_the_people_page_and_an_open_form(qtbot, filled):
    """Issue 13's test of the broadcast: a merge made by a service (not by the page or the form)
    shows on the People page and in the open, unchanged form of a dialogue it touched."""
    from desktop_app.ui.forms.delegations_section import NAME

    window, dialogues, people = filled
    window.open_dialogue(dialogues[1].id)  # the twin's meeting
    ((editor, _),) = window.editors.open_editors()
    participants = editor.delegations.participants
    assert participants.item(0, NAME).text() == "Aygerim Jumabaeva"
    counts = count_reloads(window)
    PeopleRepository(window.database).merge(people[0].id, people[1].id)
    settle(qtbot)
    assert [person.name for person in window.people.model.records] == ["Aigerim Zhumabayeva"]
    assert participants.item(0, NAME).text() == "Aigerim Zhumabayeva"
    assert not editor.is_modified()
    assert dict(counts) == dict.fromkeys(PAGES, 1)
