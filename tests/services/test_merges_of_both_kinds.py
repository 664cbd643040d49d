"""One office merges two people and merges an institution into a new one; the other office imports
its bundle (docs/exchange.md "Merges of people"; found by `test_people_exchange_machine.py`: an
institution merged in a cycle across three offices, a person merged in the same round).

Until round 15 the import refused the whole bundle — "A participant refers to an institution that
is not in the database" — every time: following the person merge rewrote the dialogue's every
reference by every tombstone, the institution's too, while the kept institution (new in the same
bundle) was not written yet; people are written before institutions. The two offices could never
exchange again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import apply_bundle
from tests.factories import add_institution, add_people, delegation_of, make_dialogue
from tests.services.replication_world import differences


def _exchange(source: Database, target: Database) -> None:
    bundle = json.loads(json.dumps(build_bundle(source)))
    with target.writing() as session:
        apply_bundle(session, bundle)


def _export(database: Database) -> dict[str, Any]:
    bundle = json.loads(json.dumps(build_bundle(database)))
    for key in ("exported_at", "source", "database_id"):
        bundle.pop(key)
    return bundle


def test_a_person_merge_and_an_institution_merge_into_a_new_one_arrive_together(tmp_path: Path) -> None:
    a, b = (open_database(tmp_path / name / "dialogues.sqlite3") for name in ("a", "b"))
    try:
        head, aigul, duplicate = add_people(a, "Head", "Aigul Bekova", "A. Bekova")
        old_name = add_institution(a, "Ministry of Healthcare")
        meeting = make_dialogue(delegations=(delegation_of(r.Party.country("KZ"), head, duplicate,
                                                           institution=old_name),))
        save_dialogue(a, meeting)
        _exchange(a, b)
        ministry = add_institution(a, "Ministry of Health")  # new: b does not have it yet
        InstitutionRepository(a).merge(ministry.id, old_name.id)
        PeopleRepository(a).merge(aigul.id, duplicate.id)

        _exchange(a, b)

        participants = [p for d in DialogueRepository(b).get(meeting.id).delegations for p in d.participants]
        assert [(p.person_id, p.institution_id) for p in participants] == [
            (head.id, ministry.id), (aigul.id, ministry.id)]
        assert _export(a) == _export(b), differences(_export(a), _export(b))
    finally:
        a.close()
        b.close()
