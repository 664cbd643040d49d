"""Merging two people from "Find duplicate people" says what the kept record cannot hold (round 14):
the other record's different e-mail address and sex are named in the question before the merge,
and a meeting where the kept person is now in two delegations is named after it. Both
participations stay (a waiting choice for the officer in the form), every participation moves."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain.enums import Sex
from desktop_app.domain.records import Party
from desktop_app.domain.validation import dialogue_warnings
from desktop_app.ui.dialogs.duplicates_dialog import DuplicatesDialog
from tests.factories import add_people, delegation_of, make_dialogue

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def setup(database):
    people = PeopleRepository(database)
    left = people.save(replace(add_people(database, "Aigerim Zhumabayeva")[0], other_names=("Айгерим Жумабаева",),
                               email="aigerim@mvd.kz", sex=Sex.FEMALE))
    right = people.save(replace(add_people(database, "Aigerim Zhumabaeva")[0], other_names=("Zhumabaeva A.",),
                                email="a.zhumabaeva@gmail.com"))
    timur, dana = add_people(database, "Timur Hasanov", "Dana Akhmetova")
    dialogues = DialogueRepository(database)
    one = dialogues.save(make_dialogue("Meeting one", delegations=(
        delegation_of(Party.country("KZ"), left, timur), delegation_of(Party.country("UZ"), dana, right))))
    two = dialogues.save(make_dialogue("Meeting two", delegations=(delegation_of(Party.country("KZ"), right, dana),)))
    return left, right, one, two


def merge_first_pair(qtbot, database, monkeypatch, keep_left: bool):
    told: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: told.append(a[2]) or QMessageBox.StandardButton.Ok)
    dialog = DuplicatesDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(r for r, p in enumerate(dialog.pairs) if {p.first.name, p.second.name} ==
               {"Aigerim Zhumabayeva", "Aigerim Zhumabaeva"})
    rect = dialog.table.visualItemRect(dialog.table.item(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pair = dialog.selected_pair()
    with qtbot.waitSignal(dialog.people_merged):
        qtbot.mouseClick(dialog.keep_left if keep_left else dialog.keep_right, Qt.MouseButton.LeftButton)
    merge_first_pair.asked = asked  # type: ignore[attr-defined]
    return pair, dialog, told


def test_merge_moves_every_participation_and_keeps_spellings(qtbot, database, monkeypatch) -> None:
    left, right, one, two = setup(database)
    pair, _, _ = merge_first_pair(qtbot, database, monkeypatch, keep_left=True)
    kept_name = pair.first.name  # "keep left name": whichever is on the left
    kept = PeopleRepository(database).get(pair.first.id)
    gone = pair.second
    assert kept.name == kept_name
    expected_spellings = {left.name, right.name, *left.other_names, *right.other_names} - {kept_name}
    assert set(kept.other_names) == expected_spellings
    for d in (one, two):
        saved = DialogueRepository(database).get(d.id)
        ids = [p.person_id for g in saved.delegations for p in g.participants]
        assert gone.id not in ids
    saved_two = DialogueRepository(database).get(two.id)
    assert next(p.person_id for p in saved_two.delegations[0].participants) == kept.id
    saved_one = DialogueRepository(database).get(one.id)
    assert [p.person_id for g in saved_one.delegations for p in g.participants].count(kept.id) == 2  # not dropped


def test_merge_tells_the_officer_of_a_person_now_in_two_delegations(qtbot, database, monkeypatch) -> None:
    _left, _right, one, _two = setup(database)
    pair, _, told = merge_first_pair(qtbot, database, monkeypatch, keep_left=True)
    saved_one = DialogueRepository(database).get(one.id)
    assert any("two delegations" in str(w.message) for w in dialogue_warnings(saved_one))  # the form says it too
    assert told == [f"“{pair.first.name}” is now in two delegations of “Meeting one”. Open the meeting and "
                    "keep the right one."]


def test_meetings_in_two_delegations_counts_one_meeting_once_and_not_the_trash(database) -> None:
    from desktop_app.services.people_duplicates import meetings_in_two_delegations, merge_people

    left, right, one, _two = setup(database)
    assert meetings_in_two_delegations(database, left.id) == []  # one delegation each: nobody twice
    merge_people(database, left.id, right.id)
    assert meetings_in_two_delegations(database, left.id) == ["Meeting one"]  # not "Meeting two": once there
    DialogueRepository(database).delete(one.id)
    assert meetings_in_two_delegations(database, left.id) == []  # a meeting in the trash is not counted


def test_the_question_names_the_email_that_is_not_kept(qtbot, database, monkeypatch) -> None:
    """The officer chose a name; the other record's e-mail address is not theirs to lose unsaid.
    (Two records giving different sexes are offered only when their e-mail is the same.)"""
    setup(database)
    pair, _, _ = merge_first_pair(qtbot, database, monkeypatch, keep_left=True)
    (question,) = merge_first_pair.asked  # type: ignore[attr-defined]
    kept = PeopleRepository(database).get(pair.first.id)
    gone_email = pair.second.email
    assert f"The e-mail address {gone_email} of “{pair.second.name}” is not kept" in question
    assert kept.email == pair.first.email != gone_email  # as the question said
