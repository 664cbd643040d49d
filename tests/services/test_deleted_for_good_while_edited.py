"""A dialogue deleted for good in one office while another office edits it (docs/exchange.md
"Deletion, trash, merges of people"): the tombstone has not seen the edit, so the record is kept —
**in the trash, where the officer sees it**, as a conflict naming the edit (contract §2: a deletion
against an edit made meanwhile is a conflict, like any other) — the same in every office, whatever
the order of imports.

Until round 15 the record was kept out of the trash with no conflict: the office that deleted it for
good saw it come back in its list as "added", the editing office was told nothing of the deletion."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.exchange import conflicts
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import ImportSummary, Outcome, apply_bundle
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.replication_world import differences


def _bundle(database: Database) -> dict[str, Any]:
    return json.loads(json.dumps(build_bundle(database)))


def _give(bundle: dict[str, Any], database: Database) -> ImportSummary:
    with database.writing() as session:
        return apply_bundle(session, json.loads(json.dumps(bundle)))


def _export(database: Database) -> dict[str, Any]:
    bundle = _bundle(database)
    for key in ("exported_at", "source", "database_id"):
        bundle.pop(key)
    return bundle


def _offices(tmp_path: Path, *names: str) -> list[Database]:
    offices = []
    for name in names:
        database = open_database(tmp_path / name / "dialogues.sqlite3")
        database.officer = f"Officer {name}"
        offices.append(database)
    return offices


def _deleted_in_a_while_b_types_a_summary(a: Database, b: Database, *others: Database) -> str:
    aigul, = add_people(a, "Aigul Bekova")
    dialogue = make_dialogue(delegations=(delegation_of(r.Party.country("KZ"), aigul),))
    save_dialogue(a, dialogue)
    for office in (b, *others):
        _give(_bundle(a), office)
    DialogueRepository(a).delete(dialogue.id)
    DialogueRepository(a).purge(dialogue.id)
    save_dialogue(b, replace(DialogueRepository(b).get(dialogue.id), summary="Typed in B meanwhile"))
    return dialogue.id


def _waiting_on(database: Database, dialogue_id: str) -> list[str]:
    return [f.field for c in conflicts.open_conflicts(database) if c.record_id == dialogue_id
            for f in conflicts.waiting(database, c.id).fields]


def test_the_edited_dialogue_is_kept_in_the_trash_with_a_conflict_in_both_offices(tmp_path: Path) -> None:
    a, b = _offices(tmp_path, "a", "b")
    try:
        dialogue_id = _deleted_in_a_while_b_types_a_summary(a, b)
        deletion, edit = _bundle(a), _bundle(b)

        told_b = _give(deletion, b)
        told_a = _give(edit, a)

        for database, told in ((a, told_a), (b, told_b)):
            kept = DialogueRepository(database).get(dialogue_id)
            assert kept.summary == "Typed in B meanwhile"  # no edit lost
            assert kept.deleted_at is not None  # in the trash, where the officer sees it
            assert _waiting_on(database, dialogue_id) == ["trashed"]
            said = [o for o in told.outcomes if o.id == dialogue_id]
            assert [(o.outcome, o.note) for o in said] == [(Outcome.CONFLICT, "in your trash")]
        assert _export(a) == _export(b), differences(_export(a), _export(b))
    finally:
        a.close()
        b.close()


def test_three_offices_agree_whatever_the_order(tmp_path: Path) -> None:
    a, b, c = _offices(tmp_path, "a", "b", "c")
    try:
        dialogue_id = _deleted_in_a_while_b_types_a_summary(a, b, c)
        deletion, edit = _bundle(a), _bundle(b)
        _give(deletion, c)  # C: the deletion first, then the edit through A
        _give(edit, a)
        _give(_bundle(a), c)
        _give(deletion, b)
        exports = [_export(d) for d in (a, b, c)]
        assert exports[1] == exports[0], differences(exports[0], exports[1])
        assert exports[2] == exports[0], differences(exports[0], exports[2])
        assert all(DialogueRepository(d).get(dialogue_id).deleted_at is not None for d in (a, b, c))
    finally:
        for database in (a, b, c):
            database.close()


def test_restoring_it_closes_the_conflict_everywhere_and_it_stays(tmp_path: Path) -> None:
    a, b = _offices(tmp_path, "a", "b")
    try:
        dialogue_id = _deleted_in_a_while_b_types_a_summary(a, b)
        deletion = _bundle(a)
        _give(_bundle(b), a)
        _give(deletion, b)
        [conflict] = [c for c in conflicts.open_conflicts(b) if c.record_id == dialogue_id]
        conflicts.choose(b, conflict.id, {"trashed": "ours"})  # B's: out of the trash, with its edit
        _give(_bundle(b), a)
        _give(deletion, b)  # the old deletion again: nothing changes
        _give(_bundle(a), b)
        for database in (a, b):
            assert DialogueRepository(database).get(dialogue_id).deleted_at is None
            assert _waiting_on(database, dialogue_id) == []
        assert _export(a) == _export(b), differences(_export(a), _export(b))
    finally:
        a.close()
        b.close()


def test_a_deletion_that_saw_every_edit_still_deletes(tmp_path: Path) -> None:
    a, b = _offices(tmp_path, "a", "b")
    try:
        aigul, = add_people(a, "Aigul Bekova")
        dialogue = make_dialogue(delegations=(delegation_of(r.Party.country("KZ"), aigul),))
        save_dialogue(a, dialogue)
        _give(_bundle(a), b)
        DialogueRepository(a).delete(dialogue.id)
        DialogueRepository(a).purge(dialogue.id)
        told = _give(_bundle(a), b)
        assert [o.outcome for o in told.outcomes if o.id == dialogue.id] == [Outcome.DELETED]
        assert DialogueRepository(b).count(r.DialogueFilter(deleted=True)) == 0
    finally:
        a.close()
        b.close()
