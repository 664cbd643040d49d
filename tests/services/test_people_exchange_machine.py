"""People and institutions exchanged as replication, as a state machine (docs/exchange.md): three
offices edit every field of people and institutions (names, other spellings, e-mail, sex, acronym,
country), merge duplicates either way, add people to meetings, and pass bundles along in any order —
relays, a bundle imported twice, an older bundle after a newer one. After every step no edit an
office has seen is lost without a waiting conflict; after one all-to-all round every export is equal
and every rule is kept or waits as a conflict (the shared `OfficesMachine`).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import initialize, rule

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Role, Sex
from tests.services.replication_world import OfficesMachine, edit_dialogue, machine_settings

_FOLDER = Path(tempfile.mkdtemp(prefix="people-machine-"))
COUNT = 3
SOAK = int(os.environ.get("SOAK_EXAMPLES", "0"))

PERSON_VALUES: dict[str, Any] = {"email": st.sampled_from([None, "a@example.kz", "b@example.kz"]),
                                 "sex": st.sampled_from([None, Sex.FEMALE, Sex.MALE]),
                                 "other_names": st.sampled_from([(), ("Айгуль",), ("Aigoul", "Айгуль")])}
INSTITUTION_VALUES: dict[str, Any] = {"acronym": st.sampled_from([None, "MoH", "MZ"]),
                                      "country": st.sampled_from([None, "KZ", "UZ"]),
                                      "other_names": st.sampled_from([(), ("Минздрав",)])}


def _json(value: Any) -> Any:
    """A field's value as the replication state holds it."""
    if isinstance(value, tuple):
        return list(value)
    return getattr(value, "value", value)


class PeopleExchange(OfficesMachine):
    @initialize(seed=st.integers(0, 2**32 - 1))
    def start(self, seed: int) -> None:
        self.open_world(_FOLDER, seed, COUNT, people=4, dialogues=1)
        seed_db = self.world.databases[0]
        self.institution_ids = [InstitutionRepository(seed_db).save(
            r.Institution(id=r.new_id(), name=f"Institution {i}")).id for i in range(3)]
        self.world.export(0)
        for index in range(1, COUNT):
            self.world.deliver(0, index)
        self.world.bundles.clear()

    # ---- edits -------------------------------------------------------------------------------
    @rule(data=st.data(), name=st.sampled_from(["name", *PERSON_VALUES]))
    def edit_person(self, data: st.DataObject, name: str) -> None:
        index = self.db(data)
        person_id = data.draw(st.sampled_from(self.people_ids), label="person")
        value: Any = self.word("Name") if name == "name" else data.draw(PERSON_VALUES[name], label=name)
        with self.world.at(index) as database:
            repository = PeopleRepository(database)
            try:
                person = repository.get(person_id)
            except Exception:
                return
            if getattr(person, name) == value:
                return
            repository.save(replace(person, **{name: value}))
        self.world.acknowledge(index, "person", person_id, name, _json(value))

    @rule(data=st.data(), name=st.sampled_from(["name", *INSTITUTION_VALUES]))
    def edit_institution(self, data: st.DataObject, name: str) -> None:
        index = self.db(data)
        institution_id = data.draw(st.sampled_from(self.institution_ids), label="institution")
        value: Any = (self.word("Ministry") if name == "name"
                      else data.draw(INSTITUTION_VALUES[name], label=name))
        with self.world.at(index) as database:
            repository = InstitutionRepository(database)
            try:
                institution = repository.get(institution_id)
            except Exception:
                return
            if getattr(institution, name) == value:
                return
            repository.save(replace(institution, **{name: value}))
        self.world.acknowledge(index, "institution", institution_id, name, _json(value))

    @rule(data=st.data())
    def same_person_created_in_two_offices(self, data: st.DataObject) -> None:
        """One delegate typed in at two offices: two records (a duplicate to merge), never one silently."""
        name = self.word("Delegate")
        for index in data.draw(st.lists(st.integers(0, self.count - 1), min_size=1, max_size=2, unique=True),
                               label="offices"):
            with self.world.at(index) as database:
                person = PeopleRepository(database).save(r.Person(id=r.new_id(), name=name))
            self.people_ids.append(person.id)
            self.world.acknowledge(index, "person", person.id, "name", name)

    @rule(data=st.data(), kind=st.sampled_from(["person", "institution"]))
    def merge(self, data: st.DataObject, kind: str) -> None:
        index = self.db(data)
        ids = self.people_ids if kind == "person" else self.institution_ids
        keep, gone = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True), label="pair")
        merged_before = frozenset(i for i, kept in self.world.redirects(index).items() if kept == gone)
        with self.world.at(index) as database:
            repository = PeopleRepository(database) if kind == "person" else InstitutionRepository(database)
            named_before = {d: _named(database, d) for d in self.dialogue_ids}
            try:
                kept_before = repository.get(keep)
                kept_after = repository.merge(keep, gone)
            except Exception as error:
                if type(error).__name__ in ("UserError", "RecordNotFound"):
                    return
                raise
            named_after = {d: _named(database, d) for d in self.dialogue_ids}
        self.world.acknowledge(index, kind, gone, "", merged_before)
        # the merge is an edit of the kept record: the other's spellings added, its e-mail or sex kept
        if kept_after.id == keep:
            for name in ("name", *(PERSON_VALUES if kind == "person" else INSTITUTION_VALUES)):
                if getattr(kept_after, name) != getattr(kept_before, name):
                    self.world.acknowledge(index, kind, keep, name, _json(getattr(kept_after, name)))
        for dialogue_id, before in named_before.items():
            for path, value in named_after[dialogue_id].items():
                if before.get(path) == gone and value != gone:
                    self.world.acknowledge(index, "dialogue", dialogue_id, path, value)

    @rule(data=st.data())
    def add_to_meeting(self, data: st.DataObject) -> None:
        index = self.db(data)
        dialogue_id = data.draw(st.sampled_from(self.dialogue_ids), label="dialogue")
        person_id = data.draw(st.sampled_from(self.people_ids), label="person")
        institution_id = data.draw(st.sampled_from(self.institution_ids), label="institution")

        def change(d: r.Dialogue) -> tuple[r.Dialogue, list[tuple[str, Any]]] | None:
            if not d.delegations or any(p.person_id == person_id for g in d.delegations for p in g.participants):
                return None
            p = r.Participant(id=r.new_id(), person_id=person_id, role=Role.MEMBER, institution_id=institution_id)
            first = replace(d.delegations[0], participants=(*d.delegations[0].participants, p))
            return (replace(d, delegations=(first, *d.delegations[1:])),
                    [(f"participants.{p.id}.person_id", person_id),
                     (f"participants.{p.id}.institution_id", institution_id)])

        with self.world.at(index) as database:
            try:
                PeopleRepository(database).get(person_id)
                InstitutionRepository(database).get(institution_id)
            except Exception:
                return
        edit_dialogue(self.world, index, dialogue_id, change)


def _named(database: object, dialogue_id: str) -> dict[str, str | None]:
    try:
        dialogue = DialogueRepository(database).get(dialogue_id)  # type: ignore[arg-type]
    except Exception:
        return {}
    found: dict[str, str | None] = {}
    for g in dialogue.delegations:
        for p in g.participants:
            found[f"participants.{p.id}.person_id"] = p.person_id
            found[f"participants.{p.id}.institution_id"] = p.institution_id
    return found


PeopleExchange.TestCase.settings = machine_settings(SOAK, examples=8, steps=20, soak_steps=40)

TestPeopleExchange = pytest.mark.slow(PeopleExchange.TestCase)
