"""One write path (issue 13, findings 2 and 4; issue 15 "everything travels"): every local write
versions the record, names its officer and is broadcast; a registration list and a merge of
people are edits like any other."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain.enums import Role
from desktop_app.domain.records import Party
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import apply_bundle
from desktop_app.services.registration.lists import import_file
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.registration_files import ENGLISH_HEADER, write_xlsx


def exchange(source, target) -> None:
    bundle = build_bundle(source)
    with target.writing() as session:
        apply_bundle(session, bundle)


def test_a_registration_list_survives_a_newer_bundle_of_the_dialogue(database, tmp_path: Path) -> None:
    """Finding 2: the list's participants were wiped by the next newer bundle (participants 2 -> 0)."""
    colleague = open_database(tmp_path / "colleague" / "dialogues.sqlite3")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=()))
    exchange(database, colleague)
    path = write_xlsx(tmp_path / "list.xlsx", [
        ENGLISH_HEADER,
        ("Aigerim Zhumabayeva", "Head of Unit", "Ministry of Health", "KZ", "F", None),
        ("Timur Hasanov", "Expert", "Drug Control Agency", "TJ", "M", None)])
    import_file(database, path, dialogue.id)
    theirs = DialogueRepository(colleague).get(dialogue.id)
    DialogueRepository(colleague).save(replace(theirs, title="Renamed by the colleague, later"))
    exchange(colleague, database)
    ours = DialogueRepository(database).get(dialogue.id)
    assert ours.title == "Renamed by the colleague, later"
    assert sum(len(d.participants) for d in ours.delegations) == 2
    exchange(database, colleague)
    assert sum(len(d.participants) for d in DialogueRepository(colleague).get(dialogue.id).delegations) == 2
    colleague.close()


def test_an_open_form_saves_after_the_people_in_it_were_merged(database) -> None:
    """Finding 4: the merge changed the dialogue behind the form's back; saving then failed with a
    message naming a UUID. Now the merge is an edit of the dialogue and the form's save is rebased."""
    twin, kept = add_people(database, "Erlan Kasymov", "Ерлан Касымов")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(
        delegation_of(Party.country("KZ"), twin),)))
    opened = DialogueRepository(database).get(dialogue.id)  # the form opens it
    changes: list[dict[str, set[str]]] = []
    database.listeners.append(changes.append)
    PeopleRepository(database).merge(kept.id, twin.id)
    assert changes and dialogue.id in changes[-1]["dialogue"] and twin.id in changes[-1]["person"]
    saved = save_dialogue(database, replace(opened, title="Typed in the open form"), base=opened)
    assert saved.title == "Typed in the open form"
    assert [p.person_id for d in saved.delegations for p in d.participants] == [kept.id]


def test_a_merge_of_people_reaches_the_other_database(database, tmp_path: Path) -> None:
    colleague = open_database(tmp_path / "colleague" / "dialogues.sqlite3")
    twin, kept = add_people(database, "Erlan Kasymov", "Ерлан Касымов")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(
        delegation_of(Party.country("KZ"), twin),)))
    exchange(database, colleague)
    PeopleRepository(database).merge(kept.id, twin.id)
    exchange(database, colleague)
    assert set(PeopleRepository(colleague).get_many({twin.id, kept.id})) == {kept.id}
    theirs = DialogueRepository(colleague).get(dialogue.id)
    assert [p.person_id for d in theirs.delegations for p in d.participants] == [kept.id]
    colleague.close()


def test_every_edit_names_its_officer_and_versions_the_record(database) -> None:
    database.officer = "Aigerim Zhumabayeva"
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=()))
    DialogueRepository(database).delete(dialogue.id)
    bundle = build_bundle(database)
    exported = bundle["dialogues"][0]
    assert exported["trashed"] is True
    assert exported["edited_by"] == "Aigerim Zhumabayeva"
    assert exported["version"] == {bundle["database_id"]: 2}
    assert bundle["program_version"]


def test_a_head_changed_in_two_databases_waits_as_a_conflict_with_both(database, tmp_path: Path) -> None:
    colleague = open_database(tmp_path / "colleague" / "dialogues.sqlite3")
    database.officer, colleague.officer = "Coordinator", "KZ officer"
    head, other = add_people(database, "Erlan Kasymov", "Timur Hasanov")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(
        delegation_of(Party.country("KZ"), head, other),)))
    exchange(database, colleague)
    for db, role in ((database, Role.EXPERT), (colleague, Role.ADVISER)):
        d = DialogueRepository(db).get(dialogue.id)
        g = d.delegations[0]
        first = replace(g.participants[0], role=role)
        DialogueRepository(db).save(replace(d, delegations=(replace(g, participants=(first, *g.participants[1:])),)))
    exchange(colleague, database)
    exported = build_bundle(database)["dialogues"][0]
    assert [c["field"].rsplit(".", 1)[1] for c in exported["conflicts"]] == ["role"]
    versions = exported["conflicts"][0]["versions"]
    assert {(v["value"], v["by"], v["base"]) for v in versions} == {
        ("expert", "Coordinator", "head"), ("adviser", "KZ officer", "head")}
    colleague.close()


def _people(database) -> dict[str, str]:
    return {p.id: p.name for p in PeopleRepository(database).search()}


def _named(database, dialogue_id: str) -> list[str]:
    return [p.person_id for d in DialogueRepository(database).get(dialogue_id).delegations for p in d.participants]


def test_an_edit_of_a_person_merged_elsewhere_follows_the_merge_in_every_order(database, tmp_path: Path) -> None:
    """Gap of issue 15: a person merged in one database and edited in another came back as a separate
    person. The edit follows the merge to the kept person (as a waiting version when it competes)."""
    for order in ("merger first", "editor first"):
        merger = open_database(tmp_path / order / "merger.sqlite3")
        editor = open_database(tmp_path / order / "editor.sqlite3")
        merger.officer, editor.officer = "Merger", "Editor"
        twin, kept = add_people(merger, "Erlan Kasymov", "Ерлан Касымов")
        dialogue = DialogueRepository(merger).save(make_dialogue(delegations=(
            delegation_of(Party.country("KZ"), twin),)))
        exchange(merger, editor)
        PeopleRepository(merger).merge(kept.id, twin.id)
        edited = PeopleRepository(editor).get(twin.id)
        PeopleRepository(editor).save(replace(edited, email="erlan@example.kz"))
        pairs = [(merger, editor), (editor, merger)] if order == "merger first" else [(editor, merger),
                                                                                     (merger, editor)]
        for source, target in pairs:
            exchange(source, target)
        exchange(merger, editor)
        for db in (merger, editor):
            assert set(_people(db)) == {kept.id}, order
            assert PeopleRepository(db).get(kept.id).email == "erlan@example.kz", order
            assert _named(db, dialogue.id) == [kept.id], order
        assert build_bundle(merger)["people"] == build_bundle(editor)["people"], order
        merger.close()
        editor.close()


def test_a_rename_of_a_person_merged_elsewhere_waits_beside_the_kept_name(database, tmp_path: Path) -> None:
    from desktop_app.services.exchange import conflicts

    merger = open_database(tmp_path / "merger.sqlite3")
    editor = open_database(tmp_path / "editor.sqlite3")
    twin, kept = add_people(merger, "Erlan Kasymov", "Ерлан Касымов")
    exchange(merger, editor)
    PeopleRepository(merger).merge(kept.id, twin.id)
    PeopleRepository(editor).save(replace(PeopleRepository(editor).get(twin.id), name="Erlan Kassymov"))
    exchange(editor, merger)
    exchange(merger, editor)
    for db in (merger, editor):
        assert set(_people(db)) == {kept.id}
        [waiting] = conflicts.open_conflicts(db)
        shown = conflicts.waiting(db, waiting.id)
        assert {v.value for f in shown.fields if f.field == "name" for v in f.versions} == {
            "Ерлан Касымов", "Erlan Kassymov"}
    merger.close()
    editor.close()


def test_two_databases_merging_two_people_opposite_ways_end_with_one_person(database, tmp_path: Path) -> None:
    """A into B here, B into A there, neither having seen the other: one person everywhere, every
    participation naming them, in every order of imports."""
    for order in range(3):
        folder = tmp_path / str(order)
        first = open_database(folder / "first.sqlite3")
        second = open_database(folder / "second.sqlite3")
        third = open_database(folder / "third.sqlite3")
        a, b = add_people(first, "Erlan Kasymov", "Ерлан Касымов")
        one = DialogueRepository(first).save(make_dialogue(title="One", delegations=(
            delegation_of(Party.country("KZ"), a),)))
        two = DialogueRepository(first).save(make_dialogue(title="Two", delegations=(
            delegation_of(Party.country("KG"), b),)))
        exchange(first, second)
        exchange(first, third)
        PeopleRepository(first).merge(b.id, a.id)
        PeopleRepository(second).merge(a.id, b.id)
        steps = [[(first, second), (second, first)], [(second, first), (first, second)],
                 [(first, third), (second, third), (third, first), (third, second)]][order]
        for source, target in steps:
            exchange(source, target)
        for source, target in ((first, second), (second, third), (third, first), (first, second)):
            exchange(source, target)
        for db in (first, second, third):
            people = set(_people(db))
            assert len(people) == 1, order
            assert _named(db, one.id) == _named(db, two.id) == list(people), order
        assert build_bundle(first)["people"] == build_bundle(second)["people"] == build_bundle(third)["people"]
        for db in (first, second, third):
            db.close()


def test_a_merge_of_institutions_travels_and_an_edit_made_elsewhere_follows_it(database, tmp_path: Path) -> None:
    from desktop_app.db.repositories.people import InstitutionRepository
    from tests.factories import add_institution

    colleague = open_database(tmp_path / "colleague.sqlite3")
    person, = add_people(database, "Erlan Kasymov")
    twin = add_institution(database, "Министерство здравоохранения")
    kept = add_institution(database, "Ministry of Health")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(
        delegation_of(Party.country("KZ"), person),)))
    d = DialogueRepository(database).get(dialogue.id)
    g = d.delegations[0]
    DialogueRepository(database).save(replace(d, delegations=(replace(g, participants=(
        replace(g.participants[0], institution_id=twin.id),)),)))
    exchange(database, colleague)
    InstitutionRepository(database).merge(kept.id, twin.id)
    InstitutionRepository(colleague).save(replace(InstitutionRepository(colleague).get(twin.id), acronym="MoH"))
    exchange(database, colleague)
    exchange(colleague, database)
    for db in (database, colleague):
        institutions = {i.id: i for i in InstitutionRepository(db).all()}
        assert set(institutions) == {kept.id}
        assert institutions[kept.id].acronym == "MoH"
        assert [p.institution_id for g in DialogueRepository(db).get(dialogue.id).delegations
                for p in g.participants] == [kept.id]
    colleague.close()
