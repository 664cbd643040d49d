"""Duplicate people across scripts and spellings: measured on a labelled set, found in a database, merged."""

from __future__ import annotations

from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain.enums import Sex
from desktop_app.services.people_duplicates import (
    THRESHOLD,
    PeopleIndex,
    find_duplicate_people,
    find_duplicates,
    merge_people,
    name_score,
)
from tests.factories import add_people, make_person
from tests.services.name_pairs import DIFFERENT, SAME


def test_precision_and_recall_on_labelled_name_pairs() -> None:
    """At least ~75 labelled pairs; the finder must find most true pairs and raise few false alarms."""
    assert len(SAME) + len(DIFFERENT) >= 70
    def found(a: str, b: str) -> bool:  # through the blocking, so a pair it misses counts against recall
        return bool(find_duplicates([make_person(a), make_person(b)]))

    true_positive = sum(found(a, b) for a, b in SAME)
    false_positive = sum(found(a, b) for a, b in DIFFERENT)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / len(SAME)
    print(f"\nduplicate people: {len(SAME)} same, {len(DIFFERENT)} different; "
          f"precision {precision:.3f}, recall {recall:.3f} (threshold {THRESHOLD})")
    assert precision >= 0.9
    assert recall >= 0.85


def test_the_three_spellings_of_one_woman_are_one_cluster() -> None:
    people = [make_person(n) for n in ("Айгерим Жумабаева", "Aigerim Zhumabayeva", "Jumabaeva Aigerim",
                                       "Aliya Zhumabayeva")]
    pairs = find_duplicates(people)
    found = {frozenset((p.first.name, p.second.name)) for p in pairs}
    assert found == {frozenset(("Айгерим Жумабаева", "Aigerim Zhumabayeva")),
                     frozenset(("Айгерим Жумабаева", "Jumabaeva Aigerim")),
                     frozenset(("Aigerim Zhumabayeva", "Jumabaeva Aigerim"))}


def test_brother_and_sister_are_not_duplicates() -> None:
    assert name_score("Farrukh Karimov", "Farrukh Karimova") < THRESHOLD


def test_other_spellings_count_and_different_sex_does_not() -> None:
    known = make_person("Gulom Karimov", other_names=("Ғулом Каримов",))
    assert find_duplicates([known, make_person("Ғулом Каримов")])
    assert not find_duplicates([make_person("Sasha Kim", sex=Sex.MALE), make_person("Sasha Kim", sex=Sex.FEMALE)])


def test_index_finds_known_people_for_a_new_name() -> None:
    index = PeopleIndex([make_person("Aigerim Zhumabayeva"), make_person("Timur Hasanov")])
    matches = index.matches("Жумабаева Айгерим")
    assert [p.name for p, _ in matches] == ["Aigerim Zhumabayeva"]
    assert index.matches("Someone Else") == []


def test_found_in_the_database_and_merged_keeping_the_other_spelling(database) -> None:
    kept, gone, _ = add_people(database, "Aigerim Zhumabayeva", "Айгерим Жумабаева", "Timur Hasanov")
    pairs = find_duplicate_people(database)
    assert len(pairs) == 1
    assert {pairs[0].first.id, pairs[0].second.id} == {kept.id, gone.id}
    merged = merge_people(database, kept.id, gone.id)
    assert merged.other_names == ("Айгерим Жумабаева",)
    assert find_duplicate_people(database) == []
    assert [p.name for p in PeopleRepository(database).search("Жумабаева")] == ["Aigerim Zhumabayeva"]
