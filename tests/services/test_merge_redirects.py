"""Merges of people made concurrently in different databases (issue 15, the gap `make soak` found in
round 3): one person merged into two different people, and chains of merges (A into B here, B into
C there). Whatever the order of imports, every database ends with the same records, every
participant names a person that is there, and what a merge makes invalid waits as a conflict.

The first test is the soak failure (/work/notes/r3-exchange-soak-failure.log) made small: a
database rewrote a reference to the first target of a merge, then learnt of the second target;
another database learnt of both at once; the same edit then named two different people."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.conflicts import ConflictRepository
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.enums import Role
from desktop_app.domain.records import Party
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import apply_bundle
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.replication_world import differences


def exchange(source: Database, target: Database) -> None:
    bundle = json.loads(json.dumps(build_bundle(source)))
    with target.writing() as session:
        apply_bundle(session, bundle)


def export(database: Database) -> dict[str, Any]:
    bundle = json.loads(json.dumps(build_bundle(database)))
    for key in ("exported_at", "source", "database_id"):
        bundle.pop(key)
    return bundle


def all_to_all(databases: list[Database]) -> None:
    """One round: every office exports, then imports every other office's bundle."""
    bundles = [json.loads(json.dumps(build_bundle(source))) for source in databases]
    for source, bundle in zip(databases, bundles, strict=True):
        for target in databases:
            if source is not target:
                with target.writing() as session:
                    apply_bundle(session, json.loads(json.dumps(bundle)))


def open_all(folder: Path, *names: str) -> list[Database]:
    databases = []
    for name in names:
        database = open_database(folder / name / "dialogues.sqlite3")
        database.officer = name.capitalize()
        databases.append(database)
    return databases


def named(database: Database, dialogue_id: str) -> list[str]:
    return [p.person_id for g in DialogueRepository(database).get(dialogue_id).delegations for p in g.participants]


def people(database: Database) -> set[str]:
    return {p.id for p in PeopleRepository(database).search()}


def assert_converged(databases: list[Database]) -> None:
    exports = [export(d) for d in databases]
    for index, other in enumerate(exports[1:], 1):
        assert other == exports[0], f"database {index} differs from database 0: {differences(exports[0], other)}"
    for database in databases:
        here = people(database)
        for dialogue in exports[0]["dialogues"]:
            assert set(named(database, dialogue["id"])) <= here  # every participant names a person that is here


def test_a_reference_rewritten_to_a_first_target_follows_the_second_as_everywhere(tmp_path: Path) -> None:
    """A merged into B at the first office, into C at the second; the third holds a dialogue naming A
    and learns of B first, the fourth of C first: both end naming the same person."""
    first, second, third, fourth = databases = open_all(tmp_path, "first", "second", "third", "fourth")
    a, b, c = add_people(first, "Aibek Sadykov", "Aibek Sadyqov", "Айбек Садыков")
    b, c = sorted((b, c), key=lambda p: p.id)  # C's id is the greater: the target every database keeps
    for other in (second, third, fourth):
        exchange(first, other)
    four = DialogueRepository(third).save(make_dialogue(title="Four", delegations=(
        delegation_of(Party.country("KZ"), a),)))
    exchange(third, fourth)
    PeopleRepository(first).merge(b.id, a.id)
    PeopleRepository(second).merge(c.id, a.id)
    exchange(first, third)  # the third reads A as B ...
    exchange(second, third)  # ... then learns that A was also merged into C
    exchange(second, fourth)  # the fourth learns of C first
    exchange(first, fourth)
    assert named(third, four.id) == named(fourth, four.id)
    all_to_all(databases)
    assert_converged(databases)
    for database in databases:
        assert named(database, four.id) == [c.id]
        assert a.id not in people(database)
        assert {b.id, c.id} <= people(database)  # B stays a person of its own (docs/exchange.md)
    for database in databases:
        database.close()


def test_a_reference_follows_a_chain_whose_middle_was_merged_into_a_second_person(tmp_path: Path) -> None:
    """X into I and I into E at the first office; I into F at the second. The third holds a dialogue
    naming X: it reads X as E, then learns that I (the middle of the chain) went to F as well."""
    first, second, third, fourth = databases = open_all(tmp_path, "first", "second", "third", "fourth")
    x, i, e, f = add_people(first, "Aibek Sadykov", "Aibek Sadyqov", "Айбек Садыков", "Aibek S.")
    e, f = sorted((e, f), key=lambda p: p.id)  # F's id is the greater: I's target in every database
    for other in (second, third, fourth):
        exchange(first, other)
    four = DialogueRepository(third).save(make_dialogue(title="Four", delegations=(
        delegation_of(Party.country("KZ"), x),)))
    exchange(third, fourth)
    PeopleRepository(first).merge(i.id, x.id)
    PeopleRepository(first).merge(e.id, i.id)
    PeopleRepository(second).merge(f.id, i.id)
    exchange(first, third)
    exchange(second, third)
    exchange(second, fourth)
    exchange(first, fourth)
    assert named(third, four.id) == named(fourth, four.id) == [f.id]
    all_to_all(databases)
    assert_converged(databases)
    for database in databases:
        database.close()


def test_one_person_merged_into_two_people_in_every_order(tmp_path: Path) -> None:
    """The dialogues each merging office changed name the person it kept: where both changed the
    same participant, the two choices wait as a conflict, the same in every database."""
    for order in range(3):
        first, second, third = databases = open_all(tmp_path / str(order), "first", "second", "third")
        a, b, c = add_people(first, "Aibek Sadykov", "Aibek Sadyqov", "Айбек Садыков")
        one = DialogueRepository(first).save(make_dialogue(title="One", delegations=(
            delegation_of(Party.country("KZ"), a),)))
        exchange(first, second)
        exchange(first, third)
        PeopleRepository(first).merge(b.id, a.id)
        PeopleRepository(second).merge(c.id, a.id)
        steps = [[(first, second), (second, first)], [(second, third), (first, third), (third, first)],
                 [(first, third), (third, second), (second, first)]][order]
        for source, target in steps:
            exchange(source, target)
        all_to_all(databases)
        assert_converged(databases)
        for database in databases:
            assert len(set(named(database, one.id)) & {b.id, c.id}) == 1, order
            waiting = ConflictRepository(database).open_conflicts()
            assert [w.record_id for w in waiting] == [one.id], order  # B or C: the officers choose
        for database in databases:
            database.close()


def test_chains_of_merges_made_concurrently_converge(tmp_path: Path) -> None:
    """A into B here, B into C there, A into C at a third office: one person, C, everywhere."""
    for order in range(2):
        first, second, third, fourth = databases = open_all(tmp_path / str(order), "first", "second", "third",
                                                            "fourth")
        a, b, c = add_people(first, "Aibek Sadykov", "Aibek Sadyqov", "Айбек Садыков")
        for other in (second, third, fourth):
            exchange(first, other)
        four = DialogueRepository(fourth).save(make_dialogue(title="Four", delegations=(
            delegation_of(Party.country("KZ"), a), delegation_of(Party.country("KG"), b))))
        exchange(fourth, third)
        PeopleRepository(first).merge(b.id, a.id)
        PeopleRepository(second).merge(c.id, b.id)
        PeopleRepository(third).merge(c.id, a.id)
        pairs = [(first, fourth), (second, fourth), (third, fourth)]
        for source, target in (pairs if order == 0 else list(reversed(pairs))):
            exchange(source, target)
        all_to_all(databases)
        assert_converged(databases)
        for database in databases:
            assert people(database) == {c.id}
            assert named(database, four.id) == [c.id, c.id]  # one person in two delegations: a warning
        for database in databases:
            database.close()


def test_one_person_twice_in_one_delegation_after_a_merge_waits_as_a_conflict(tmp_path: Path) -> None:
    """The third office put B and C in one delegation; the first, not knowing, merged B into C: the
    delegation names C twice, which no form would save — a conflict everywhere, never a silent record."""
    first, third = databases = open_all(tmp_path, "first", "third")
    b, c = add_people(first, "Aibek Sadyqov", "Айбек Садыков")
    exchange(first, third)
    dialogue = DialogueRepository(third).save(make_dialogue(title="Both", delegations=(
        delegation_of(Party.country("KZ"), b, c),)))
    PeopleRepository(first).merge(c.id, b.id)
    exchange(third, first)
    exchange(first, third)
    assert_converged(databases)
    for database in databases:
        assert named(database, dialogue.id) == [c.id, c.id]
        assert [w.record_id for w in ConflictRepository(database).open_conflicts()] == [dialogue.id]
    # the officer removes one of the two: the conflict closes everywhere
    kept = DialogueRepository(third).get(dialogue.id)
    g = kept.delegations[0]
    DialogueRepository(third).save(replace(kept, delegations=(replace(g, participants=(
        replace(g.participants[0], role=Role.HEAD),)),)))
    exchange(third, first)
    for database in databases:
        assert ConflictRepository(database).open_conflicts() == []
    assert_converged(databases)
    for database in databases:
        database.close()
