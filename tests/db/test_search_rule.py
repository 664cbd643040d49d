"""The search indexes (migrations 0004 and 0010_search) answer exactly what a plain scan of the
folded texts with `domain.search.text_matches` answers — for words of one, two and three or more
characters, typed in Cyrillic or Latin — on the dialogue list (with the trash on either side) and
on the People page; and they stay in step when texts are edited and records deleted."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.search import query_words, text_matches
from tests.factories import add_people, delegation_of, make_dialogue

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщыэюяәғқңөұүһі"
LATIN = "abcdefghijklmnopqrstuvwxyzçşžñ"
WORDS_PER_TITLE = 3


def _word(rng: random.Random, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))


def _title(rng: random.Random) -> str:
    letters = CYRILLIC if rng.random() < 0.5 else LATIN
    return " ".join(_word(rng, letters) for _ in range(WORDS_PER_TITLE)).capitalize()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path, list[str]]]:
    """One database of 60 dialogues and 60 people with random Cyrillic and Latin words (some in the
    trash), shared by the examples; the words are what the queries are cut from."""
    path = tmp_path_factory.mktemp("search-rule") / "rule.sqlite3"
    database = open_database(path)
    rng = random.Random(19)
    titles = [_title(rng) for _ in range(60)]
    people = add_people(database, *(_title(rng) for _ in range(60)))
    repository = DialogueRepository(database)
    for n, title in enumerate(titles):
        saved = repository.save(make_dialogue(
            title, series=None, city=None, country=None, chair=None, topics=(), start_date=date(2020, 1, 1)
            + timedelta(days=n), delegations=(delegation_of(r.Party.country("KZ"), people[n]),)))
        if n % 7 == 0:
            repository.delete(saved.id)
    words = [w for title in titles for w in title.split()]
    yield database, path, words
    database.close()


def _scan(path: Path, sql: str, text: str) -> set[str]:
    """The plain way: read every folded text and apply the rule."""
    words = query_words(text)
    connection = sqlite3.connect(path)
    try:
        return {id_ for id_, folded in connection.execute(sql) if text_matches(folded, words)}
    finally:
        connection.close()


@st.composite
def typed(draw: st.DrawFn, words: list[str]) -> str:
    """What an officer types: one or two pieces (the start or the middle) of stored words, one to
    five characters long, any case; or letters of either alphabet out of the blue."""
    pieces = []
    for _ in range(draw(st.integers(1, 2))):
        if draw(st.booleans()):
            word = draw(st.sampled_from(words))
            length = draw(st.integers(1, 5))
            start = draw(st.integers(0, max(0, len(word) - 1))) if draw(st.booleans()) else 0
            piece = word[start:start + length]
        else:
            piece = draw(st.text(st.sampled_from(CYRILLIC + LATIN), min_size=1, max_size=4))
        pieces.append(piece.upper() if draw(st.booleans()) else piece)
    return " ".join(pieces)


SHARED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(data=st.data())
@SHARED
def test_the_list_search_finds_exactly_what_a_scan_finds(filled, data) -> None:
    database, path, words = filled
    text = data.draw(typed(words))
    deleted = data.draw(st.booleans())
    repository = DialogueRepository(database)
    page = repository.page(r.DialogueFilter(text=text, deleted=deleted), limit=1000)
    where = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
    expected = _scan(path, f"SELECT id, search_text FROM dialogues WHERE {where}", text)
    assert {row.id for row in page.rows} == expected
    assert page.total == len(expected)
    assert repository.count(r.DialogueFilter(text=text, deleted=deleted)) == len(expected)
    with_country = repository.page(r.DialogueFilter(text=text, deleted=deleted, country="KZ"), limit=1000)
    assert {row.id for row in with_country.rows} == expected  # every dialogue has a KZ delegation
    assert with_country.total == len(expected)


@given(data=st.data())
@SHARED
def test_a_search_counted_only_so_far_pages_exactly_what_a_scan_finds(filled, data) -> None:
    """The window's list counts a search up to a bound (`count_up_to`, issue 19) and then reads its
    pages along the sort, checking each folded text in SQL: page after page, the same dialogues in
    the same order as the exact path, and `more` only when more than the bound match."""
    database, path, words = filled
    text = data.draw(typed(words))
    selection = r.DialogueFilter(text=text, deleted=data.draw(st.booleans()),
                                 country=data.draw(st.sampled_from([None, "KZ"])))
    bound, size = data.draw(st.integers(0, 6)), data.draw(st.integers(1, 5))
    repository = DialogueRepository(database)
    where = "deleted_at IS NOT NULL" if selection.deleted else "deleted_at IS NULL"
    expected = _scan(path, f"SELECT id, search_text FROM dialogues WHERE {where}", text)
    first = repository.page(selection, limit=size, count_up_to=bound)
    assert first.more == (len(expected) > bound)
    assert first.total == min(len(expected), bound)
    rows = list(first.rows)
    while len(rows) <= len(expected):
        following = repository.page(selection, offset=len(rows), limit=size, known_total=first.total,
                                    count_up_to=bound, more=first.more)
        if not following.rows:
            break
        rows.extend(following.rows)
    assert [row.id for row in rows] == [row.id for row in repository.page(selection, limit=1000).rows]
    assert {row.id for row in rows} == expected


@pytest.mark.parametrize("deleted", [False, True])
@pytest.mark.parametrize("bound", [0, 5, 100])
def test_a_country_counted_only_so_far_pages_exactly_what_the_exact_path_pages(filled, bound, deleted) -> None:
    database, _, _ = filled
    repository = DialogueRepository(database)
    selection = r.DialogueFilter(country="KZ", deleted=deleted)  # every dialogue has a KZ delegation
    everything = repository.page(selection, limit=1000)
    first = repository.page(selection, limit=7, count_up_to=bound)
    assert first.more == (everything.total > bound)
    assert first.total == (bound if first.more else everything.total)
    rows = list(first.rows)
    while following := repository.page(selection, offset=len(rows), limit=7, known_total=first.total,
                                       count_up_to=bound, more=first.more).rows:
        rows.extend(following)
    assert [row.id for row in rows] == [row.id for row in everything.rows]


@given(data=st.data())
@SHARED
def test_the_people_page_finds_exactly_what_a_scan_finds(filled, data) -> None:
    database, path, _ = filled
    people = PeopleRepository(database)
    names = [w for row in people.search(limit=1000) for w in row.name.split()]
    text = data.draw(typed(names))
    expected = _scan(path, "SELECT id, search_name FROM people WHERE deleted_at IS NULL", text)
    assert {row.id for row in people.search(text, limit=1000)} == expected
    assert {person_id for person_id, _, _ in people.spellings(text)} == expected


@pytest.mark.parametrize(("old", "new"), [("Ёлкино", "Асқар"), ("Marat", "ЕС"), ("kz", "Ұлан")])
def test_the_short_word_indexes_follow_edits_renames_trash_and_purges(database, old, new) -> None:
    repository, people = DialogueRepository(database), PeopleRepository(database)

    def found(text: str, deleted: bool = False) -> int:
        return repository.page(r.DialogueFilter(text=text, deleted=deleted)).total

    (person,) = add_people(database, f"{old} Tokaibekova")
    saved = repository.save(make_dialogue(f"{old} meeting", series=None, city=None, country=None, chair=None,
                                          topics=(), delegations=(delegation_of(r.Party.country("KZ"), person),)))
    assert found(old[:2]) == 1 and found(new[:2]) == 0
    assert [p.id for p in people.search(old[:1])] == [person.id] and people.search(new[:2]) == []
    people.save(replace(people.get(person.id), name=f"{new} Tokaibekova"))  # the dialogue's text follows
    assert [p.id for p in people.search(new[:2])] == [person.id] and people.search(old[:2]) == []
    assert found(new[:2]) == 1 and found(old[:2]) == 1  # the title still holds the old word
    edited = repository.save(replace(repository.get(saved.id), title="Round table"))
    assert found(old[:2]) == 0 and found(new[:2]) == 1
    repository.delete(edited.id)
    assert found(new[:2]) == 0 and found(new[:2], deleted=True) == 1
    repository.purge(edited.id)
    assert found(new[:2], deleted=True) == 0


@pytest.mark.parametrize("archive", sorted((Path(__file__).parent / "archives").glob("schema-*.sqlite3")),
                         ids=lambda p: p.stem)
def test_an_upgraded_database_has_its_short_word_and_people_indexes_filled(archive, tmp_path) -> None:
    """Migration 0010_search fills the new indexes from the texts already stored."""
    import shutil

    copy = tmp_path / archive.name
    shutil.copyfile(archive, copy)
    database = open_database(copy)
    try:
        repository, people = DialogueRepository(database), PeopleRepository(database)
        titles = [row.title for row in repository.page().rows]
        names = [row.name for row in people.search()]
        assert titles and names
        for text in {t.split()[0][:2] for t in titles} | {n.split()[-1][:2] for n in names} | {"a", "eu"}:
            expected = _scan(copy, "SELECT id, search_text FROM dialogues WHERE deleted_at IS NULL", text)
            assert {row.id for row in repository.page(r.DialogueFilter(text=text)).rows} == expected
            expected_people = _scan(copy, "SELECT id, search_name FROM people WHERE deleted_at IS NULL", text)
            assert {row.id for row in people.search(text)} == expected_people
        assert any(repository.page(r.DialogueFilter(text=t.split()[0][:2])).total for t in titles)
    finally:
        database.close()


@pytest.mark.parametrize("index", ["dialogue_words", "people_search", "people_words"])
def test_check_finds_a_new_search_index_out_of_step(database, db_path, index) -> None:
    from desktop_app.services.checking import check_database

    add_people(database, "Нурланов Ерлан")
    DialogueRepository(database).save(make_dialogue("Harm reduction round table"))
    assert check_database(db_path).sound
    connection = sqlite3.connect(db_path)
    connection.execute(f"INSERT INTO {index} ({index}) VALUES ('delete-all')")
    connection.commit()
    connection.close()
    report = check_database(db_path)
    assert not report.sound
    assert any(index in str(problem) for problem in report.problems)
