"""Saving a dialogue from the form writes it with the people typed into it, all or nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Role, Sex, Side
from desktop_app.domain.errors import StaleRecord, ValidationFailed
from desktop_app.services.dialogues import save_dialogue
from tests.factories import make_dialogue, make_person


def _with_new_people(database):
    person = make_person("Асель Нурланова", other_names=("Asel Nurlanova",))
    institution = r.Institution(id=r.new_id(), name="Ministry of Internal Affairs", country="KZ")
    delegation = r.Delegation(id=r.new_id(), side=Side.PARTNER,
                              party=r.Party.country("KZ"),
                              participants=(r.Participant(id=r.new_id(), person_id=person.id, role=Role.HEAD,
                                                          institution_id=institution.id),))
    return person, institution, delegation


def test_new_people_institutions_and_dialogue_are_saved_together(database):
    person, institution, delegation = _with_new_people(database)
    dialogue = make_dialogue(delegations=(delegation,))
    saved = save_dialogue(database, dialogue, [person], [institution])
    assert saved.revision == 1
    assert DialogueRepository(database).get(dialogue.id).delegations[0].participants[0].person_id == person.id
    assert PeopleRepository(database).get(person.id).other_names == ("Asel Nurlanova",)
    assert InstitutionRepository(database).get(institution.id).name == "Ministry of Internal Affairs"


def test_a_refused_dialogue_leaves_no_new_person_behind(database):
    person, institution, delegation = _with_new_people(database)
    dialogue = make_dialogue(title="  ", delegations=(delegation,))
    with pytest.raises(ValidationFailed):
        save_dialogue(database, dialogue, [person], [institution])
    assert PeopleRepository(database).search() == []
    assert InstitutionRepository(database).all() == []


def test_a_stale_save_is_refused_and_overwrites_nothing(database):
    dialogue = save_dialogue(database, make_dialogue())
    elsewhere = DialogueRepository(database).save(replace(dialogue, city="Bishkek"))
    person, institution, delegation = _with_new_people(database)
    with pytest.raises(StaleRecord, match="changed elsewhere"):
        save_dialogue(database, replace(dialogue, city="Almaty", delegations=(delegation,)), [person], [institution])
    stored = DialogueRepository(database).get(dialogue.id)
    assert stored.city == "Bishkek" and stored.revision == elsewhere.revision
    assert PeopleRepository(database).search() == []


def test_a_stale_person_refuses_the_whole_save(database):
    person = PeopleRepository(database).save(make_person("Ivan Petrov"))
    PeopleRepository(database).save(replace(person, email="ivan@example.org"))
    dialogue = make_dialogue()
    with pytest.raises(StaleRecord):
        save_dialogue(database, dialogue, [replace(person, sex=Sex.MALE)])
    assert DialogueRepository(database).count() == 0
