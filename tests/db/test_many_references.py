"""`check_many_references` gathers what a batch of dialogues names in one pass and reads the file
through the driver (issue 19, round 8): it refuses exactly what the round 7 code (kept below as
the reference) refused, with the same sentence, and passes the rest — people and institutions
known or not, no institution or an empty one, delegation and participant ids this dialogue, another
stored dialogue or another dialogue of the batch holds. `people_names` reads the same names, in
the same order, as the round 7 code."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from desktop_app.db.mapping import people_names
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository, check_many_references
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from tests.factories import add_institution, add_people, delegation_of, make_dialogue, make_person

_WANTED = "IN (SELECT value FROM json_each(?))"


# ---- the round 7 code -----------------------------------------------------------------------------

def _old_found(session: Session, sql: str, ids: Iterable[str]) -> list[Any]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    if session.autoflush:
        session.flush()
    return list(session.connection().exec_driver_sql(sql, (json.dumps(wanted),)))


def _old_check(session: Session, dialogues: Sequence[r.Dialogue]) -> None:
    people = {p.person_id for d in dialogues for g in d.delegations for p in g.participants}
    if missing := people - {row[0] for row in _old_found(session, f"SELECT id FROM people WHERE id {_WANTED}",
                                                         people)}:
        raise UserError(Text("A participant refers to a person who is not in the database (%1).",
                             sorted(missing)[0]))
    institutions = {p.institution_id for d in dialogues for g in d.delegations for p in g.participants
                    if p.institution_id}
    if missing := institutions - {row[0] for row in _old_found(
            session, f"SELECT id FROM institutions WHERE id {_WANTED}", institutions)}:
        raise UserError(Text("A participant refers to an institution that is not in the database (%1).",
                             sorted(missing)[0]))
    owner = {g.id: d.id for d in dialogues for g in d.delegations}
    elsewhere = sorted(i for i, held_by in _old_found(
        session, f"SELECT id, dialogue_id FROM delegations WHERE id {_WANTED}", owner) if held_by != owner[i])
    if elsewhere:
        raise UserError(Text("Delegation %1 already belongs to another dialogue.", elsewhere[0]))
    owner = {p.id: d.id for d in dialogues for g in d.delegations for p in g.participants}
    held = _old_found(session, "SELECT participants.id, delegations.dialogue_id FROM participants JOIN delegations "
                               f"ON delegations.id = participants.delegation_id WHERE participants.id {_WANTED}",
                      owner)
    if elsewhere := sorted(i for i, held_by in held if held_by != owner[i]):
        raise UserError(Text("Participant %1 already belongs to another dialogue.", elsewhere[0]))


def _old_people_names(session: Session, person_ids: Iterable[str]) -> dict[str, list[str]]:
    ids = json.dumps(sorted(set(person_ids)))
    names: dict[str, list[str]] = {}
    if session.autoflush:
        session.flush()
    connection = session.connection()
    wanted = "IN (SELECT value FROM json_each(?))"
    for person_id, name in connection.exec_driver_sql(f"SELECT id, name FROM people WHERE id {wanted} ORDER BY id",
                                                      (ids,)):
        names[person_id] = [name]
    for person_id, name in connection.exec_driver_sql(
            f"SELECT person_id, name FROM person_other_names WHERE person_id {wanted} ORDER BY person_id, sort_order",
            (ids,)):
        names.setdefault(person_id, []).append(name)
    return names


# ---- a file with people, an institution and one stored dialogue --------------------------------------

@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, r.Dialogue, list[r.Person], str]]:
    database = open_database(Path(tmp_path_factory.mktemp("refs")) / "refs.sqlite3")
    ministry = add_institution(database)
    people = add_people(database, "Aigerim Zhumabayeva", "Нурлан Сейткали", "Dilnoza Karimova")
    people.append(PeopleRepository(database).save(make_person("Anna", other_names=("Анна", "Ana", ""))))
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(r.Party.country("KZ"), *people[:2], institution=ministry),)))
    yield database, dialogue, people, ministry.id
    database.close()


def _outcome(check: Any, session: Session, dialogues: list[r.Dialogue]) -> tuple[str, Any]:
    try:
        check(session, dialogues)
    except UserError as error:
        return "refused", (str(error), getattr(error.message, "template", None), getattr(error.message, "args", None))
    return "passed", None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_same_batches_are_refused_with_the_same_sentence(stored: Any, data: st.DataObject) -> None:
    database, dialogue, people, ministry = stored
    held_delegation = dialogue.delegations[0]
    person_ids = st.sampled_from([p.id for p in people] + ["no-such-person", "another-missing"])
    institution_ids = st.sampled_from([None, "", ministry, "no-such-institution"])
    participant_ids = st.sampled_from([p.id for p in held_delegation.participants] + ["p-new-1", "p-new-2"])
    batch = []
    for n in range(data.draw(st.integers(1, 3))):
        dialogue_id = data.draw(st.sampled_from([dialogue.id, f"d-new-{n}"]))
        delegations = []
        for _ in range(data.draw(st.integers(0, 2))):
            participants = tuple(
                r.Participant(person_id=data.draw(person_ids), institution_id=data.draw(institution_ids),
                              id=data.draw(participant_ids))
                for _ in range(data.draw(st.integers(0, 3))))
            delegations.append(replace(held_delegation, id=data.draw(st.sampled_from([held_delegation.id, "g-1",
                                                                                        "g-2"])),
                                       participants=participants))
        batch.append(replace(dialogue, id=dialogue_id, delegations=tuple(delegations)))
    with database.reading() as session:
        assert _outcome(check_many_references, session, batch) == _outcome(_old_check, session, batch)


def test_each_refusal_keeps_its_sentence(stored: Any) -> None:
    database, dialogue, people, _ = stored
    g = dialogue.delegations[0]
    unknown = replace(g, id="g-new", participants=(r.Participant(person_id="nobody", id="p-x"),))
    elsewhere = replace(dialogue, id="d-other")
    with database.reading() as session:
        for batch, sentence in (
                ([replace(dialogue, id="d-x", delegations=(unknown,))],
                 "A participant refers to a person who is not in the database (nobody)."),
                ([replace(dialogue, id="d-x", delegations=(replace(unknown, participants=(
                    r.Participant(person_id=people[0].id, institution_id="no-inst", id="p-x"),)),))],
                 "A participant refers to an institution that is not in the database (no-inst)."),
                ([elsewhere], f"Delegation {g.id} already belongs to another dialogue."),
                ([replace(elsewhere, delegations=(replace(g, id="g-new"),))],
                 f"Participant {sorted(p.id for p in g.participants)[0]} already belongs to another dialogue.")):
            with pytest.raises(UserError) as refused:
                check_many_references(session, batch)
            assert str(refused.value) == sentence
        check_many_references(session, [dialogue])  # its own ids: no refusal


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_people_names_are_the_same(stored: Any, data: st.DataObject) -> None:
    database, _, people, _ = stored
    ids = data.draw(st.lists(st.sampled_from([p.id for p in people] + ["nobody"]), max_size=6))
    with database.reading() as session:
        found = people_names(session, ids)
        assert list(found.items()) == list(_old_people_names(session, ids).items())
