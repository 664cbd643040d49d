"""People merged concurrently converge after ONE all-to-all exchange (issue 15, round 5).

A kept person shows its own state with the states of every record merged into it folded in at
reading time (`replication.fold`): a function of the states and tombstones a database holds, never
of the order in which bundles arrived. Every database keeps the merged records' states (inside the
kept record's `replica.folded`) and passes them on, so after one round every database holds the
same states and tombstones — and therefore shows and exports the same people."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.records import DialogueFilter, Party
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import Outcome, apply_bundle
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.replication_world import differences
from tests.services.test_merge_redirects import export, open_all


def one_round(databases: list[Database]) -> None:
    """Every office exports, then every office imports every other office's bundle (not its own)."""
    bundles = [json.loads(json.dumps(build_bundle(d))) for d in databases]
    for target in databases:
        for source, bundle in zip(databases, bundles, strict=True):
            if source is not target:
                with target.writing() as session:
                    apply_bundle(session, json.loads(json.dumps(bundle)))


def assert_same_exports(databases: list[Database]) -> None:
    exports = [export(d) for d in databases]
    for index, other in enumerate(exports[1:], 1):
        assert other == exports[0], f"database {index} differs from database 0: {differences(exports[0], other)}"


def rename(database: Database, person_id: str, **fields: Any) -> None:
    repository = PeopleRepository(database)
    repository.save(replace(repository.get(person_id), **fields))


def test_a_person_merged_into_two_people_converges_in_one_round(tmp_path: Path) -> None:
    """A into B at the first office, A into C at the second, A's e-mail set at the third: one round."""
    databases = open_all(tmp_path, "first", "second", "third", "fourth")
    first, second, third, fourth = databases
    a, b, c = add_people(first, "Aibek Sadykov", "Aibek Sadyqov", "Айбек Садыков")
    for other in databases[1:]:
        with other.writing() as session:
            apply_bundle(session, json.loads(json.dumps(build_bundle(first))))
    PeopleRepository(first).merge(b.id, a.id)
    PeopleRepository(second).merge(c.id, a.id)
    rename(third, a.id, email="aibek@example.org")
    rename(fourth, b.id, email="sadyqov@example.org")
    one_round(databases)
    assert_same_exports(databases)
    for database in databases:
        database.close()


def test_people_merged_into_each_other_at_four_offices_converge_in_one_round(tmp_path: Path) -> None:
    """The soak's equal versions made small: the same e-mail set on three records at three offices,
    which then merge them into each other (a chain, one into two, a cycle) without seeing each other."""
    databases = open_all(tmp_path, "first", "second", "third", "fourth")
    first, second, third, fourth = databases
    p0, p1, p2, p3 = add_people(first, "Aibek Sadykov", "Aibek Sadyqov", "Айбек Садыков", "A. Sadykov")
    for other in databases[1:]:
        with other.writing() as session:
            apply_bundle(session, json.loads(json.dumps(build_bundle(first))))
    for database, person in ((first, p1), (second, p2), (third, p3)):
        rename(database, person.id, email="same@example.org")
    PeopleRepository(first).merge(p0.id, p1.id)
    PeopleRepository(second).merge(p1.id, p2.id)
    PeopleRepository(third).merge(p2.id, p3.id)
    PeopleRepository(fourth).merge(p3.id, p0.id)
    PeopleRepository(fourth).merge(p2.id, p1.id)
    one_round(databases)
    assert_same_exports(databases)
    shown = [{p.id: (p.name, p.email) for p in PeopleRepository(d).search()} for d in databases]
    assert all(s == shown[0] for s in shown) and len(shown[0]) == 1  # a cycle: one person everywhere
    with second.writing() as session:  # a bundle imported again changes nothing, writes nothing
        again = apply_bundle(session, json.loads(json.dumps(build_bundle(first))))
    assert [(o.kind, o.outcome) for o in again.outcomes if o.outcome not in (Outcome.UNCHANGED,)] == []
    assert_same_exports(databases)
    for database in databases:
        database.close()


def _selection_with_a_merge(tmp_path: Path) -> tuple[Database, Database, str, str, str, str]:
    """The first office merges A into X — a person the second office has never had — and exports
    only a dialogue that names neither: the bundle carries A's tombstone (every bundle carries every
    tombstone). The second office holds a dialogue naming A."""
    first, second = open_all(tmp_path, "first", "second")
    (a,) = add_people(first, "Aibek Sadykov")
    one = DialogueRepository(first).save(make_dialogue(title="One", delegations=(
        delegation_of(Party.country("KZ"), a),)))
    other = DialogueRepository(first).save(make_dialogue(title="Other"))
    with second.writing() as session:
        apply_bundle(session, json.loads(json.dumps(build_bundle(first))))
    (x,) = add_people(first, "Aibek Sadyqov")
    PeopleRepository(first).merge(x.id, a.id)
    return first, second, a.id, x.id, one.id, other.id


def test_a_selection_carries_the_kept_person_of_every_merge_it_carries(tmp_path: Path) -> None:
    """A selection's bundle holds the kept person of each merge tombstone it holds: the receiving
    office redirects at once, as it would from a full export."""
    first, second, a_id, x_id, one_id, other_id = _selection_with_a_merge(tmp_path)
    bundle = json.loads(json.dumps(build_bundle(first, DialogueFilter(ids=(other_id,)))))
    assert [d["id"] for d in bundle["dialogues"]] == [other_id]
    assert x_id in {p["id"] for p in bundle["people"]}
    assert a_id in {p.id for p in PeopleRepository(second).search()}
    with second.writing() as session:
        apply_bundle(session, bundle)
    assert {p.id for p in PeopleRepository(second).search()} == {x_id}
    assert [p.person_id for g in DialogueRepository(second).get(one_id).delegations for p in g.participants] == [x_id]
    first.close()
    second.close()


def test_a_merged_person_whose_kept_person_comes_later_is_redirected_then(tmp_path: Path) -> None:
    """A bundle with the tombstone and without the kept person (a selection by an older program):
    the second office keeps A — its dialogues must name a person that is here — until X comes in a
    later bundle (here with another dialogue): then A folds into X and every dialogue names X, as at
    the first office."""
    first, second, a_id, x_id, one_id, other_id = _selection_with_a_merge(tmp_path)
    bundle = json.loads(json.dumps(build_bundle(first, DialogueFilter(ids=(other_id,)))))
    bundle["people"] = [p for p in bundle["people"] if p["id"] != x_id]
    with second.writing() as session:
        apply_bundle(session, bundle)
    assert a_id in {p.id for p in PeopleRepository(second).search()}
    named = [p.person_id for g in DialogueRepository(second).get(one_id).delegations for p in g.participants]
    assert named == [a_id]
    third = DialogueRepository(first).save(make_dialogue(title="Third", delegations=(
        delegation_of(Party.country("KG"), PeopleRepository(first).get(x_id)),)))
    later = json.loads(json.dumps(build_bundle(first, DialogueFilter(ids=(third.id,)))))  # X, not "One"
    with second.writing() as session:
        apply_bundle(session, later)
    assert {p.id for p in PeopleRepository(second).search()} == {x_id}
    assert [p.person_id for g in DialogueRepository(second).get(one_id).delegations for p in g.participants] == [x_id]
    here, there = export(first), export(second)
    assert here["people"] == there["people"] and here["deleted"] == there["deleted"]
    first.close()
    second.close()


def test_a_participant_one_merging_office_rewrote_names_its_kept_person_where_another_merge_wins(
        tmp_path: Path) -> None:
    """The soak's counterexample (seed 100001) made small: the second office lists A in a dialogue
    and merges A into B; the third, never having seen that participant, merges A into C, the greater
    id. A folds into C everywhere; the participant names B — the second office's edit — everywhere."""
    first, second, third = databases = open_all(tmp_path, "first", "second", "third")
    a, b, c = add_people(first, "Aibek Sadykov", "Aibek Sadyqov", "Айбек Садыков")
    b, c = sorted((b, c), key=lambda p: p.id)
    for other in (second, third):
        with other.writing() as session:
            apply_bundle(session, json.loads(json.dumps(build_bundle(first))))
    listed = DialogueRepository(second).save(make_dialogue(title="Listed", delegations=(
        delegation_of(Party.country("KZ"), a),)))
    PeopleRepository(second).merge(b.id, a.id)
    PeopleRepository(third).merge(c.id, a.id)
    one_round(databases)
    assert_same_exports(databases)
    for database in databases:
        assert [p.person_id for g in DialogueRepository(database).get(listed.id).delegations
                for p in g.participants] == [b.id]
        assert {p.id for p in PeopleRepository(database).search()} == {b.id, c.id}
    for database in databases:
        database.close()


def test_an_institution_merged_into_two_converges_in_one_round(tmp_path: Path) -> None:
    """Institutions follow the same rule: A into B here, A into C there, A's acronym set at a third."""
    from desktop_app.db.repositories.people import InstitutionRepository
    from tests.factories import add_institution

    databases = open_all(tmp_path, "first", "second", "third")
    first, second, third = databases
    a, b, c = (add_institution(first, name) for name in ("Ministry of Health", "MoH", "Минздрав"))
    for other in (second, third):
        with other.writing() as session:
            apply_bundle(session, json.loads(json.dumps(build_bundle(first))))
    InstitutionRepository(first).merge(b.id, a.id)
    InstitutionRepository(second).merge(c.id, a.id)
    repository = InstitutionRepository(third)
    repository.save(replace(repository.get(a.id), acronym="MOH"))
    one_round(databases)
    assert_same_exports(databases)
    kept = max(b.id, c.id)
    assert {i.id for i in InstitutionRepository(first).all()} == {b.id, c.id}
    assert InstitutionRepository(first).get(kept).acronym == "MOH"  # A's edit followed it to the winner
    for database in databases:
        database.close()


def test_a_new_database_takes_a_merged_person_whose_kept_person_is_not_in_the_bundle(tmp_path: Path) -> None:
    """Round 16: the same bundle (an older program's selection: the dialogue, the merged person,
    its tombstone, not the kept person) into a database that did not hold the merged person was
    refused -- "A participant refers to a person who is not in the database" -- as its dialogue was
    pointed at the kept person, not here. Now it names the merged person until the kept one comes."""
    first, second = open_all(tmp_path, "timur", "aigul")
    merged, kept = add_people(first, "A. Bekova", "Aigul Bekova")
    dialogue = DialogueRepository(first).save(make_dialogue(delegations=(delegation_of(Party.country("KZ"), merged),)))
    before = json.loads(json.dumps(build_bundle(first)))
    PeopleRepository(first).merge(kept.id, merged.id)
    bundle = json.loads(json.dumps(build_bundle(first)))
    bundle["people"] = [p for p in before["people"] if p["id"] == merged.id]
    bundle["dialogues"] = before["dialogues"]
    with second.writing() as session:
        summary = apply_bundle(session, bundle)
    assert summary.count(Outcome.ADDED, "dialogue") == 1
    named = [p.person_id for g in DialogueRepository(second).get(dialogue.id).delegations for p in g.participants]
    assert named == [merged.id]
    with second.writing() as session:
        apply_bundle(session, json.loads(json.dumps(build_bundle(first))))
    named = [p.person_id for g in DialogueRepository(second).get(dialogue.id).delegations for p in g.participants]
    assert named == [kept.id] and [p.id for p in PeopleRepository(second).search()] == [kept.id]
    assert_same_exports([first, second])
    first.close()
    second.close()
