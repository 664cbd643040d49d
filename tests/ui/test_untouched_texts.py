"""Texts the officer did not touch keep their spaces, "" and ";" when the form or the person
dialog is saved for another change (round 14: every save trimmed them, made "" no value, split a
topic holding ";", and gave each such field a new version in the replication state)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.ui.person_dialog import PersonDialog
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key_clicks, open_form, save_form, stored_replica, versioned_anew

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier




def _tick_online_and_save(qtbot, database, stored: r.Dialogue) -> r.Dialogue:
    """Open the form, tick "Held online" with the mouse, Ctrl+S; the dialogue as stored then."""
    editor = open_form(qtbot, database, DialogueRepository(database).get(stored.id))
    activate(qtbot, editor.details.online)
    qtbot.mouseClick(editor.details.online, Qt.MouseButton.LeftButton)
    save_form(qtbot, editor)
    return DialogueRepository(database).get(stored.id)


def test_ticking_online_keeps_every_other_text_as_stored(qtbot, database, db_path: Path) -> None:
    stored = DialogueRepository(database).save(make_dialogue(  # as a bundle from another office may bring them
        title="EU-Central Asia Drug Dialogue 2023 ", series="", city=" Brussels", summary="Итоги.\n",
        topics=("drug policy ",), frameworks=("",),
        agenda=(r.AgendaItem(title=" Opening", notes=""),),
        actions=(r.Action(description="Send the report ", owner=""),)))
    before = stored_replica(db_path, stored.id)
    saved = _tick_online_and_save(qtbot, database, stored)
    assert saved.online
    assert versioned_anew(db_path, saved, before) == ["online"]
    assert (saved.title, saved.series, saved.city, saved.summary, saved.topics, saved.frameworks) == \
        (stored.title, stored.series, stored.city, stored.summary, stored.topics, stored.frameworks)
    assert (saved.agenda[0].title, saved.agenda[0].notes) == (" Opening", "")
    assert (saved.actions[0].description, saved.actions[0].owner) == ("Send the report ", "")


def test_the_person_dialog_keeps_other_spellings_not_typed_in(qtbot, database) -> None:
    repository = PeopleRepository(database)
    person = repository.save(r.Person(id=r.new_id(), name="Aigerim Zhumabayeva",
                                      other_names=("Айгерим Жумабаева ",), email="a@example.org"))
    dialog = PersonDialog(repository, repository.get(person.id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.email.setFocus()
    dialog.email.selectAll()
    key_clicks(qtbot, dialog.email, "aigerim@example.org")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    saved = repository.get(person.id)
    assert saved.email == "aigerim@example.org"
    assert saved.other_names == ("Айгерим Жумабаева ",)


def test_saving_keeps_a_topic_holding_a_semicolon_and_repeated_topics(qtbot, database, db_path: Path) -> None:
    stored = DialogueRepository(database).save(make_dialogue(topics=("HIV; hepatitis", "prevention")))
    before = stored_replica(db_path, stored.id)
    saved = _tick_online_and_save(qtbot, database, stored)
    assert saved.topics == ("HIV; hepatitis", "prevention")  # not ("HIV", "hepatitis", "prevention")
    assert versioned_anew(db_path, saved, before) == ["online"]
