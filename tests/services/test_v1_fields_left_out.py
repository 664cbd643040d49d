"""A version 1 record that leaves out a field the schema makes optional says nothing of it: the stored
value stays (docs/exchange.md "Growing the format": fields a version 1 bundle lacks never overwrite
stored values). Until round 15 only `status`, `programme_funded`, `trashed` and an institution's
`other_names` were kept: a newer version 1 record of a person holding just `id`, `name` and
`updated_at` (valid against bundle-v1.schema.json) wiped the e-mail, the other spellings and the sex
an officer had typed, and the import said only "updated"."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, ParticipationStatus, Sex
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.exchange.importer import Outcome, import_data
from tests.factories import add_institution, add_people, delegation_of, make_dialogue

KZ = {"type": "country", "code": "KZ"}


def _v1(**records: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": "dialogue-register/bundle", "version": 1, "exported_at": "2030-01-01T00:00:00Z",
            "source": "an old laptop", "people": [], "institutions": [], "dialogues": [], **records}


def test_a_person_left_out_fields_keep_what_was_typed(database: Database) -> None:
    person = PeopleRepository(database).save(r.Person(
        id=r.new_id(), name="Aigul Bekova", other_names=("Айгуль Бекова",), sex=Sex.FEMALE,
        email="a.bekova@example.kz"))

    summary = import_data(database, _v1(people=[{"id": person.id, "name": "Aigul Bekova-Nurova",
                                                 "updated_at": "2030-01-01T00:00:00Z"}]))

    assert summary.count(Outcome.UPDATED, "person") == 1
    now = PeopleRepository(database).get(person.id)
    assert now.name == "Aigul Bekova-Nurova"  # what it says is taken
    assert (now.other_names, now.sex, now.email) == (("Айгуль Бекова",), Sex.FEMALE, "a.bekova@example.kz")


def test_a_person_whose_fields_are_sent_empty_takes_them(database: Database) -> None:
    """Null is a value the record says (not recorded): the old rule takes it, as before."""
    person = PeopleRepository(database).save(r.Person(id=r.new_id(), name="Aigul Bekova", email="a@example.kz"))
    import_data(database, _v1(people=[{"id": person.id, "name": "Aigul Bekova", "other_names": [], "sex": None,
                                       "email": None, "updated_at": "2030-01-01T00:00:00Z"}]))
    assert PeopleRepository(database).get(person.id).email is None


def test_an_institution_left_out_fields_keep_what_was_typed(database: Database) -> None:
    institution = InstitutionRepository(database).save(r.Institution(
        id=r.new_id(), name="Ministry of Health", acronym="MoH", country="KZ", other_names=("Минздрав",)))

    import_data(database, _v1(institutions=[{"id": institution.id, "name": "Ministry of Health of Kazakhstan",
                                             "updated_at": "2030-01-01T00:00:00Z"}]))

    now = InstitutionRepository(database).get(institution.id)
    assert now.name == "Ministry of Health of Kazakhstan"
    assert (now.acronym, now.country, now.other_names) == ("MoH", "KZ", ("Минздрав",))


def test_a_dialogue_and_its_participants_left_out_fields_keep_what_was_typed(database: Database) -> None:
    aigul, = add_people(database, "Aigul Bekova")
    ministry = add_institution(database)
    dialogue = make_dialogue(summary="Typed summary", delegations=(
        delegation_of(r.Party.country("KZ"), aigul, institution=ministry),))
    save_dialogue(database, dialogue)
    stored = DialogueRepository(database).get(dialogue.id)
    participant = replace(stored.delegations[0].participants[0], status=ParticipationStatus.ATTENDED,
                          programme_funded=True)
    stored = save_dialogue(database, replace(stored, status=DialogueStatus.DRAFT, delegations=(
        replace(stored.delegations[0], participants=(participant,)),)))
    sent = {"id": dialogue.id, "title": "Renamed", "kind": "regional", "start_date": "2023-12-13",
            "status": "final", "updated_at": "2030-01-01T00:00:00Z",
            "delegations": [{"id": stored.delegations[0].id, "side": "partner", "party": KZ,
                             "programme_supported": False,
                             "participants": [{"id": participant.id, "person_id": aigul.id, "role": "head"}]}]}

    import_data(database, _v1(dialogues=[sent]))

    now = DialogueRepository(database).get(dialogue.id)
    assert now.title == "Renamed"
    assert (now.summary, now.city, now.topics, now.series) == (
        "Typed summary", stored.city, stored.topics, stored.series)
    kept = now.delegations[0].participants[0]
    assert (kept.institution_id, kept.position, kept.programme_funded) == (ministry.id, "Expert", True)


def test_a_participants_status_not_in_version_1_stays(database: Database) -> None:
    """docs/exchange.md: `status` and `programme_funded`, which version 1 lacks, never overwrite ours."""
    aigul, = add_people(database, "Aigul Bekova")
    dialogue = make_dialogue(status=DialogueStatus.DRAFT, delegations=(delegation_of(r.Party.country("KZ"), aigul),))
    save_dialogue(database, dialogue)
    stored = DialogueRepository(database).get(dialogue.id)
    invited = replace(stored.delegations[0].participants[0], status=ParticipationStatus.INVITED)
    save_dialogue(database, replace(stored, delegations=(replace(stored.delegations[0], participants=(invited,)),)))
    sent = {"id": dialogue.id, "title": "Renamed", "kind": "regional", "start_date": "2023-12-13",
            "status": "draft", "updated_at": "2030-01-01T00:00:00Z",
            "delegations": [{"id": stored.delegations[0].id, "side": "partner", "party": KZ,
                             "programme_supported": False,
                             "participants": [{"id": invited.id, "person_id": aigul.id, "role": "head",
                                               "institution_id": None, "position": None}]}]}

    import_data(database, _v1(dialogues=[sent]))

    kept = DialogueRepository(database).get(dialogue.id).delegations[0].participants[0]
    assert kept.status is ParticipationStatus.INVITED and kept.position is None


def test_a_left_out_field_alone_changes_nothing(database: Database) -> None:
    person = PeopleRepository(database).save(r.Person(id=r.new_id(), name="Aigul Bekova", email="a@example.kz"))
    person = PeopleRepository(database).save(replace(PeopleRepository(database).get(person.id), sex=Sex.FEMALE))
    summary = import_data(database, _v1(people=[{"id": person.id, "name": "Aigul Bekova",
                                                 "updated_at": "2030-01-01T00:00:00Z"}]))
    assert summary.count(Outcome.UNCHANGED, "person") == 1
