"""Schema 0005 (bundle v2's protocol fields): older records keep their meaning after the upgrade,
and the new fields are stored and read back by every path (repository, bulk reading)."""

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.db import models as m
from desktop_app.db.bulk_reading import dialogue_records
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, ParticipationStatus, Role
from desktop_app.services.exchange.codec import dialogue_from_json
from tests.factories import add_people, delegation_of, make_dialogue

ARCHIVE = Path(__file__).parent / "archives" / "schema-0004.sqlite3"


def _rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_the_upgrade_keeps_every_participant_attended_and_funded_with_its_delegation(tmp_path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(ARCHIVE, copy)
    before = _rows(copy, "SELECT p.id, p.role, d.programme_supported FROM participants p "
                         "JOIN delegations d ON d.id = p.delegation_id ORDER BY p.id")
    assert any(supported for _, _, supported in before) and not all(s for _, _, s in before)
    open_database(copy).close()
    after = _rows(copy, "SELECT id, role, status, programme_funded FROM participants ORDER BY id")
    assert [(id_, role, "attended", supported) for id_, role, supported in before] == after


def test_the_upgrade_gives_actions_the_ids_every_database_derives(tmp_path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(ARCHIVE, copy)
    open_database(copy).close()
    actions = _rows(copy, "SELECT id, dialogue_id, sort_order FROM actions")
    assert actions, "the sample records hold actions"
    for id_, dialogue_id, position in actions:
        assert id_ == r.derived_action_id(dialogue_id, position)


def test_derived_action_ids_depend_on_dialogue_and_position_only() -> None:
    one, other = r.new_id(), r.new_id()
    assert r.derived_action_id(one, 0) == r.derived_action_id(one, 0)
    assert len({r.derived_action_id(one, 0), r.derived_action_id(one, 1), r.derived_action_id(other, 0)}) == 3


def test_roles_statuses_funding_and_carried_actions_are_stored_and_read_back(db_path) -> None:
    database = open_database(db_path)
    head, deputy, interpreter = add_people(database, "Нурланов Ерлан", "Yerlan Nurlanov", "Dana Sadykova")
    members = (
        r.Participant(id=r.new_id(), person_id=head.id, role=Role.HEAD, status=ParticipationStatus.ATTENDED,
                      programme_funded=True),
        r.Participant(id=r.new_id(), person_id=deputy.id, role=Role.DEPUTY_HEAD,
                      status=ParticipationStatus.ABSENT),
        r.Participant(id=r.new_id(), person_id=interpreter.id, role=Role.INTERPRETER,
                      status=ParticipationStatus.INVITED, programme_funded=True),
    )
    earlier = r.new_id()
    dialogue = make_dialogue(
        delegations=(replace(delegation_of(r.Party.country("KZ")), participants=members),),
        actions=(r.Action("Share the report", status=ActionStatus.CARRIED, carried_from=earlier),))
    saved = DialogueRepository(database).save(dialogue)
    loaded = DialogueRepository(database).get(saved.id)
    with database.reading() as session:
        bulk = dialogue_records(session, select(m.DialogueRow.id))
    database.close()
    for record in (loaded, bulk[0]):
        assert record.delegations[0].participants == members
        assert record.actions[0].status is ActionStatus.CARRIED
        assert record.actions[0].carried_from == earlier
        assert record.actions[0].id  # minted on save and kept


def test_a_saved_action_keeps_its_id_through_later_saves(db_path) -> None:
    database = open_database(db_path)
    saved = DialogueRepository(database).save(make_dialogue(actions=(r.Action("Share the report"),)))
    again = DialogueRepository(database).save(replace(saved, title="Renamed"))
    database.close()
    assert saved.actions[0].id and again.actions[0].id == saved.actions[0].id


@pytest.mark.parametrize("supported", [True, False])
def test_a_version_1_participant_attended_and_is_funded_with_its_delegation(supported: bool) -> None:
    dialogue_id = r.new_id()
    data = {"id": dialogue_id, "title": "T", "kind": "regional", "start_date": "2023-12-13", "status": "final",
            "delegations": [{"id": r.new_id(), "side": "partner", "party": {"type": "country", "code": "KZ"},
                             "programme_supported": supported,
                             "participants": [{"id": r.new_id(), "person_id": r.new_id(), "role": "head"}]}],
            "actions": [{"description": "a", "status": "open"}, {"description": "b", "status": "done"}]}
    dialogue = dialogue_from_json(data)
    participant = dialogue.delegations[0].participants[0]
    assert participant.status is ParticipationStatus.ATTENDED
    assert participant.programme_funded is supported
    assert [a.id for a in dialogue.actions] == [r.derived_action_id(dialogue_id, n) for n in (0, 1)]


def test_the_programme_details_start_empty_and_are_kept_whole(db_path) -> None:
    from desktop_app.db.repositories.programme import ProgrammeRepository
    from desktop_app.domain.programme import ProgrammeDetails

    database = open_database(db_path)
    assert ProgrammeRepository(database).get() == ProgrammeDetails()
    assert ProgrammeDetails().is_empty
    details = ProgrammeDetails(name="CADAP 7", sender="The Delegation of the European Union to Kazakhstan",
                               letterhead="CADAP 7\nAstana", contact="Aigerim\naigerim@example.org",
                               logo=b"\x89PNG...", logo_type="image/png")
    ProgrammeRepository(database).save(details)
    ProgrammeRepository(database).save(details)  # saving twice keeps one row
    assert ProgrammeRepository(database).get() == details
    assert not details.is_empty
    database.close()
