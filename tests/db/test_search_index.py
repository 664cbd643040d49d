"""The list's search reads a trigram index (migration 0004) kept in step by triggers: what is saved,
edited, renamed, imported or deleted is found, or no longer found, at once, as LIKE found it."""

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from tests.factories import add_people, delegation_of, make_dialogue


def titles(repository: DialogueRepository, text: str, deleted: bool = False) -> list[str]:
    page = repository.page(r.DialogueFilter(text=text, deleted=deleted))
    assert page.total == len(page.rows)
    return [row.title for row in page.rows]


def test_saved_edited_and_deleted_dialogues_are_found_and_then_not(database) -> None:
    repository = DialogueRepository(database)
    saved = repository.save(make_dialogue("Harm reduction round table", start_date=date(2024, 3, 5)))
    assert titles(repository, "reduction") == ["Harm reduction round table"]
    assert titles(repository, "ROUND tab") == ["Harm reduction round table"]  # words anywhere, any case
    edited = repository.save(replace(saved, title="Treatment seminar"))
    assert titles(repository, "reduction") == []
    assert titles(repository, "seminar") == ["Treatment seminar"]
    repository.delete(edited.id)
    assert titles(repository, "seminar") == []
    assert titles(repository, "seminar", deleted=True) == ["Treatment seminar"]
    repository.purge(edited.id)
    assert titles(repository, "seminar", deleted=True) == []


def test_cyrillic_any_case_and_yo_and_a_renamed_participant(database) -> None:
    repository = DialogueRepository(database)
    (person,) = add_people(database, "Нодира Токайбекова")
    repository.save(make_dialogue("Диалог в Ёлкино", delegations=(delegation_of(r.Party.country("KG"), person),)))
    assert titles(repository, "ТОКАЙБЕКОВА") == ["Диалог в Ёлкино"]
    assert titles(repository, "елкино") == ["Диалог в Ёлкино"]
    PeopleRepository(database).save(replace(PeopleRepository(database).get(person.id), name="Нодира Асанова"))
    assert titles(repository, "асанова") == ["Диалог в Ёлкино"]
    assert titles(repository, "токайбекова") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("eu", ['EU "Green" meeting']),  # shorter than a trigram: read from the text
    ("eu meet", ['EU "Green" meeting']),  # one short word, one indexed
    ('"green"', ['EU "Green" meeting']),  # quotes are characters to find, not FTS syntax
    ('green"', ['EU "Green" meeting']),
    ("meeting OR nothing", []),  # nor are FTS operators
    ("gre*", ['EU "Green" meeting']),  # punctuation is folded away (issue 16): "gre*" is "gre", no FTS prefix
    ("100%", []),
])
def test_short_words_and_characters_fts_would_read_as_syntax(database, text, expected) -> None:
    repository = DialogueRepository(database)
    repository.save(make_dialogue('EU "Green" meeting', city="Paris", country="FR", series=None, topics=()))
    assert titles(repository, text) == expected


def test_check_finds_a_search_index_out_of_step_with_the_dialogues(database, db_path) -> None:
    import sqlite3

    from desktop_app.services.checking import check_database

    DialogueRepository(database).save(make_dialogue("Harm reduction round table"))
    assert check_database(db_path).sound
    connection = sqlite3.connect(db_path)
    connection.execute("INSERT INTO dialogue_search (dialogue_search) VALUES ('delete-all')")  # as a stray VACUUM might
    connection.commit()
    connection.close()
    report = check_database(db_path)
    assert not report.sound
    assert any("search index" in problem for problem in report.problems)


@pytest.mark.parametrize(("terms", "word"), [("dialogue_terms", "reduction"), ("people_terms", "tokaibekova")])
def test_check_finds_a_search_vocabulary_that_lost_a_word(database, db_path, terms, word) -> None:
    """The vocabularies of 0012_search_speed are how a typed word is found: a word missing from one
    finds nothing where a scan would, so `check` compares each with its word index's own words."""
    import sqlite3

    from desktop_app.services.checking import check_database

    people = add_people(database, "Nodira Tokaibekova")
    DialogueRepository(database).save(make_dialogue("Harm reduction round table", delegations=(
        delegation_of(r.Party.country("KZ"), *people),)))
    assert check_database(db_path).sound
    connection = sqlite3.connect(db_path)
    assert connection.execute(f"DELETE FROM {terms} WHERE term = ?", (word,)).rowcount == 1
    connection.commit()
    connection.close()
    report = check_database(db_path)
    assert not report.sound
    assert any(terms in problem for problem in report.problems), report.problems


def test_totals_of_a_search_count_each_side_of_the_trash(database) -> None:
    repository = DialogueRepository(database)
    saved = [repository.save(make_dialogue(f"Harm reduction meeting {n}", start_date=date(2024, 1, n + 1)))
             for n in range(5)]
    repository.save(make_dialogue("Treatment seminar"))
    for dialogue in saved[:2]:
        repository.delete(dialogue.id)
    assert repository.count(r.DialogueFilter(text="harm reduction")) == 3
    assert repository.count(r.DialogueFilter(text="harm reduction", deleted=True)) == 2
    assert repository.page(r.DialogueFilter(text="reduction"), limit=2).total == 3  # more than the page
    assert repository.count(r.DialogueFilter(text="meeting", date_from=date(2024, 1, 4))) == 2  # with a filter
    assert repository.count(r.DialogueFilter(text="nowhere")) == 0
