"""The People page counts meetings as rows come into view (issue 19, round 17).

Round 16 made the Meetings column count meetings attended, each once, none in the trash; per person
that looks every participation up in its delegation and dialogue, ~0.9 ms a person at 100,000
dialogues, so a search showing 500 people took ~0.4 s before anything appeared. The first screenful
is now counted with the search, the rest as it scrolls into view — with the same rule and figures."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ParticipationStatus
from desktop_app.ui.models.people_model import COUNTED, MEETINGS, PeopleTableModel
from desktop_app.ui.people_view import PeopleView
from tests.factories import add_people, delegation_of, make_dialogue

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
PEOPLE = COUNTED + 7


def _registry(database) -> list[r.Person]:
    """PEOPLE people in name order; person i attended i % 4 meetings, and was invited to one more."""
    people = add_people(database, *(f"Person {i:03d}" for i in range(PEOPLE)))
    repository = DialogueRepository(database)
    for meeting in range(4):
        came = [p for i, p in enumerate(people) if i % 4 > meeting]
        invited = delegation_of(r.Party.country("TJ"), *(p for i, p in enumerate(people) if i % 4 == meeting))
        invited = r.Delegation(id=invited.id, side=invited.side, party=invited.party, participants=tuple(
            r.Participant(id=q.id, person_id=q.person_id, role=q.role, status=ParticipationStatus.INVITED)
            for q in invited.participants))
        repository.save(make_dialogue(f"Meeting {meeting}", start_date=date(2023, 1, 10 + meeting),
                                      delegations=(delegation_of(r.Party.country("KZ"), *came), invited)))
    return people


def test_search_counts_the_first_rows_only_when_asked_and_meetings_of_counts_as_search_does(database):
    people = _registry(database)
    repository = PeopleRepository(database)
    everyone = repository.search()
    assert [p.meetings for p in everyone] == [i % 4 for i in range(PEOPLE)]
    first = repository.search(counted=COUNTED)
    assert [p.meetings for p in first[:COUNTED]] == [i % 4 for i in range(COUNTED)]
    assert all(p.meetings is None for p in first[COUNTED:])
    assert all(p.meetings is None for p in repository.search(counted=0))
    assert repository.meetings_of([p.id for p in people]) == {p.id: p.meetings for p in everyone}
    assert repository.meetings_of([]) == {}


def test_the_page_counts_the_rows_scrolled_into_view(qtbot, database):
    _registry(database)
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    model = view.model
    assert [p.meetings for p in model.records[:COUNTED]] == [i % 4 for i in range(COUNTED)]
    assert model.records[-1].meetings is None  # not in view yet: not counted
    assert model.index(PEOPLE - 1, MEETINGS).data() == ""
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the last rows come into view
    qtbot.waitUntil(lambda: model.records[-1].meetings is not None)
    assert [p.meetings for p in model.records] == [i % 4 for i in range(PEOPLE)]
    assert model.index(PEOPLE - 1, MEETINGS).data() == str((PEOPLE - 1) % 4)


def test_a_block_asked_for_before_a_new_search_does_not_fill_its_rows(qtbot, database):
    _registry(database)
    asked: list[list[str]] = []
    repository = PeopleRepository(database)
    model = PeopleTableModel(count=lambda ids: asked.append(ids) or repository.meetings_of(ids))
    model.set_records(repository.search(counted=0))
    model.index(0, MEETINGS).data()  # in view: its block is asked for
    model.set_records(repository.search("Person 01", counted=0))  # a new search before it ran
    qtbot.wait(50)
    assert asked == [] and all(p.meetings is None for p in model.records)
    model.index(0, MEETINGS).data()
    qtbot.waitUntil(lambda: model.records[0].meetings is not None)
    assert [p.meetings for p in model.records] == [int(p.name[-3:]) % 4 for p in model.records]


def test_merging_people_not_counted_yet_names_their_real_meetings(qtbot, database, monkeypatch):
    _registry(database)
    view = PeopleView(PeopleRepository(database), load=False)
    qtbot.addWidget(view)
    view.reload()  # not shown: nothing came into view
    texts: list[str] = []
    monkeypatch.setattr("desktop_app.ui.messages.choose", lambda _parent, text, _choices: texts.append(text))
    view.table.selectRow(PEOPLE - 1)
    view.table.selectionModel().select(view.model.index(PEOPLE - 2, 0),
                                       view.table.selectionModel().SelectionFlag.Select
                                       | view.table.selectionModel().SelectionFlag.Rows)
    assert all(p.meetings is None for p in view.selected_people())
    view.merge_selected()
    assert f"Person {PEOPLE - 2:03d} ({(PEOPLE - 2) % 4} meeting" in texts[0]
    assert f"Person {PEOPLE - 1:03d} ({(PEOPLE - 1) % 4} meeting" in texts[0]


def test_counting_most_people_in_one_pass_follows_the_same_rule(database, monkeypatch):
    """The `people` command counts everyone in one pass over the meetings: the same figures as the
    count person by person, the trash and invitations left out, people with no meeting at 0."""
    from desktop_app.db.repositories import people as people_module

    people = _registry(database)
    trashed = DialogueRepository(database).save(make_dialogue(
        "Trashed", start_date=date(2023, 2, 1), delegations=(delegation_of(r.Party.country("KG"), *people),)))
    DialogueRepository(database).delete(trashed.id)
    repository = PeopleRepository(database)
    one_by_one = repository.meetings_of([p.id for p in people])
    monkeypatch.setattr(people_module, "EVERYONE_FROM", 3)
    in_one_pass = repository.meetings_of([p.id for p in people])
    assert in_one_pass == one_by_one == {p.id: i % 4 for i, p in enumerate(people)}
    assert repository.meetings_of([p.id for p in people[:2]]) == {people[0].id: 0, people[1].id: 1}
