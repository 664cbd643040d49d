"""A version 1 bundle (an office still on the old program sends its whole database every time)
arriving after a merge of people or a deletion for good made here (docs/exchange.md: the merged
record reads as the kept one "in stored records and in incoming ones"; a deletion whose tombstone
has seen the record's version applies to it).

Until round 15 the version 1 path looked at no tombstone: the merged person came back as a person
of its own (a duplicate the officer had just merged away), the incoming dialogue named it, and a
dialogue deleted for good came back, "added", each time the old office's bundle came in."""

from __future__ import annotations

from typing import Any

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.exchange.conflicts import open_conflicts
from desktop_app.services.exchange.importer import Outcome, import_data

KZ = {"type": "country", "code": "KZ"}


def _v1(people: list[dict[str, Any]], dialogues: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": "dialogue-register/bundle", "version": 1, "exported_at": "2024-01-01T00:00:00Z",
            "source": "the old laptop", "people": people, "institutions": [], "dialogues": dialogues}


def _person(person_id: str, name: str) -> dict[str, Any]:
    return {"id": person_id, "name": name, "other_names": [], "sex": None, "email": None,
            "updated_at": "2024-01-01T00:00:00Z"}


def _dialogue(dialogue_id: str, *people: str, updated_at: str = "2024-01-01T00:00:00Z") -> dict[str, Any]:
    return {"id": dialogue_id, "title": "Expert meeting", "kind": "bilateral", "start_date": "2024-01-01",
            "status": "final", "updated_at": updated_at,
            "delegations": [{"id": "5d0c2d36-0f4e-4b8e-9d57-0c6c2c1d0a01", "side": "partner", "party": KZ,
                             "programme_supported": False, "participants": [
                                 {"id": f"5d0c2d36-0f4e-4b8e-9d57-0c6c2c1d0b0{i}", "person_id": person,
                                  "role": "head" if i == 0 else "member"} for i, person in enumerate(people)]}]}


def _named(database: Database, dialogue_id: str) -> list[str]:
    return [p.person_id for d in DialogueRepository(database).get(dialogue_id).delegations for p in d.participants]


def test_a_person_merged_here_does_not_come_back_from_a_version_1_bundle(database: Database) -> None:
    head, kept, gone = (r.new_id() for _ in range(3))
    import_data(database, _v1([_person(head, "Head"), _person(kept, "Aigul Bekova"), _person(gone, "A. Bekova")], []))
    PeopleRepository(database).merge(kept, gone)
    meeting = r.new_id()

    summary = import_data(database, _v1([_person(head, "Head"), _person(gone, "A. Bekova")],
                                        [_dialogue(meeting, head, gone)]))

    assert sorted(p.id for p in PeopleRepository(database).search()) == sorted([head, kept])
    assert _named(database, meeting) == [head, kept]
    assert not [o for o in summary.outcomes if o.id == gone and o.outcome is Outcome.ADDED]


def test_a_newer_version_1_dialogue_naming_a_merged_person_names_the_kept_one(database: Database) -> None:
    head, kept, gone, meeting = (r.new_id() for _ in range(4))
    people = [_person(head, "Head"), _person(kept, "Aigul Bekova"), _person(gone, "A. Bekova")]
    import_data(database, _v1(people, [_dialogue(meeting, head, gone)]))
    PeopleRepository(database).merge(kept, gone)

    newer = _dialogue(meeting, head, gone, updated_at="2099-01-01T00:00:00Z")
    newer["title"] = "Expert meeting on synthetic drugs"

    summary = import_data(database, _v1(people, [newer]))

    assert summary.count(Outcome.UPDATED, "dialogue") == 1
    assert DialogueRepository(database).get(meeting).title == "Expert meeting on synthetic drugs"
    assert _named(database, meeting) == [head, kept]
    assert sorted(p.id for p in PeopleRepository(database).search()) == sorted([head, kept])


def test_a_dialogue_deleted_for_good_does_not_come_back_from_the_same_version_1_bundle(database: Database) -> None:
    head, meeting = r.new_id(), r.new_id()
    bundle = _v1([_person(head, "Head")], [_dialogue(meeting, head)])
    import_data(database, bundle)
    DialogueRepository(database).delete(meeting)
    DialogueRepository(database).purge(meeting)

    summary = import_data(database, bundle)

    assert [o.outcome for o in summary.outcomes if o.id == meeting] == [Outcome.DELETED]
    assert DialogueRepository(database).count(r.DialogueFilter(deleted=True)) == 0
    assert DialogueRepository(database).count() == 0


def test_a_version_1_dialogue_changed_since_the_deletion_is_kept_in_the_trash(database: Database) -> None:
    """Content the deletion had not seen: kept, in the trash, as a conflict (like version 2's)."""
    head, meeting = r.new_id(), r.new_id()
    import_data(database, _v1([_person(head, "Head")], [_dialogue(meeting, head)]))
    DialogueRepository(database).delete(meeting)
    DialogueRepository(database).purge(meeting)
    changed = _dialogue(meeting, head, updated_at="2024-02-01T00:00:00Z")
    changed["summary"] = "Typed on the old laptop later"

    summary = import_data(database, _v1([_person(head, "Head")], [changed]))

    assert [(o.outcome, o.note) for o in summary.outcomes if o.id == meeting] == [(Outcome.CONFLICT, "in your trash")]
    kept = DialogueRepository(database).get(meeting)
    assert kept.deleted_at is not None and kept.summary == "Typed on the old laptop later"


def test_a_version_1_copy_of_a_person_merged_here_changes_nothing_when_nothing_changed(database: Database) -> None:
    """Round 16: a person made here, merged into another, then sent back unchanged by an office on
    version 1 (its legacy version: another dot for the same content) raised conflicts over the
    name and spellings the merge kept, and the import reported the kept person "updated". Content
    the merge had seen is no news; a field the copy does change still competes, alone (a version
    1 record carries no history: its e-mail is concurrent with the one the merge saw)."""
    people = PeopleRepository(database)
    kept = people.save(r.Person(id=r.new_id(), name="Aigul Bekova"))
    gone = people.save(r.Person(id=r.new_id(), name="A. Bekova"))
    people.merge(kept.id, gone.id)

    summary = import_data(database, _v1([_person(gone.id, "A. Bekova")], []))

    assert {o.outcome for o in summary.outcomes} == {Outcome.UNCHANGED}
    shown = people.get(kept.id)
    assert (shown.name, shown.other_names) == ("Aigul Bekova", ("A. Bekova",))
    assert open_conflicts(database) == []

    changed = {**_person(gone.id, "A. Bekova"), "email": "a.bekova@example.org"}
    import_data(database, _v1([changed], []))
    assert [c.fields for c in open_conflicts(database)] == [("email",)]
    assert people.get(kept.id).name == "Aigul Bekova"
