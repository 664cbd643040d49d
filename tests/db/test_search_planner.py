"""The list's fast paths (issue 19) give what a plain scan gives: the same dialogues, in the same
order, page after page, with the same counts — for every search, sort and filter the window offers.

The window asks `DialogueRepository.page` with `count_up_to` and then scrolls (`known_total`,
`more`); the repository chooses how to read each page from counts (the word index alone through
the vocabulary of 0012_search_speed, from the set of matches, along the sort against that set,
along the sort checking each text, …). Here every choice is compared with Python reading every
dialogue, filtering with `domain.search.text_matches` and the filter's plain meaning, and sorting
as SQLite's BINARY collation does. The thresholds that choose are drawn too, so small databases
take every path. Each fast path has a deliberately broken variant that this check catches
(`test_a_broken_fast_path_is_caught`)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db import search_index
from desktop_app.db.first_page import DialogueSort
from desktop_app.db.opening import open_database
from desktop_app.db.repositories import dialogues as dialogue_module
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus
from desktop_app.domain.search import fold, query_words, text_matches
from tests.factories import add_people, delegation_of, make_dialogue
from tests.factories import make_dialogue as _make_dialogue

LATIN = "abcdeiklmnorstuz"
SERIES = ("Alpha", "Beta", None)
COUNTRIES = ("KZ", "AF", "FR")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(LATIN) for _ in range(rng.randint(1, 7)))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path, list[str]]]:
    """50 dialogues: random words, series, statuses, dates (some equal: the id breaks the tie), host
    countries and delegations of one or two countries; every sixth in the trash."""
    path = tmp_path_factory.mktemp("search-planner") / "planner.sqlite3"
    database = open_database(path)
    rng = random.Random(1919)
    people = add_people(database, *(" ".join(_word(rng).capitalize() for _ in range(2)) for _ in range(12)))
    repository = DialogueRepository(database)
    words: list[str] = []
    for n in range(50):
        title = " ".join(_word(rng) for _ in range(3)).capitalize()
        words.extend(title.lower().split())
        parties = rng.sample(COUNTRIES, rng.randint(1, 2))
        saved = repository.save(make_dialogue(
            title, series=rng.choice(SERIES), city=rng.choice(("Osh", "Almaty", None)),
            country=rng.choice((*COUNTRIES, None)), chair=rng.choice((None, r.Party.country("KZ"))),
            topics=(), status=rng.choice(list(DialogueStatus)),
            start_date=date(2019, 1, 1) + timedelta(days=rng.randint(0, 4) * 200),
            delegations=tuple(delegation_of(r.Party.country(c), *rng.sample(people, rng.randint(1, 3)))
                              for c in parties)))
        if n % 6 == 0:
            repository.delete(saved.id)
    words.extend(w for p in people for w in p.name.lower().split())
    yield database, path, words
    database.close()


def _plain(path: Path, selection: r.DialogueFilter, sort: DialogueSort, descending: bool) -> list[str]:
    """Every dialogue read and judged in Python: the filter's meaning and the list's order."""
    connection = sqlite3.connect(path)
    try:
        sent: dict[str, set[str]] = {}
        for dialogue_id, country in connection.execute("SELECT dialogue_id, party_country FROM delegations"):
            sent.setdefault(dialogue_id, set()).add(country)
        rows = connection.execute(
            "SELECT id, start_date, title, series, city, coalesce(chair_organisation, chair_country), "
            "delegation_count, participant_count, status, deleted_at, search_text, country FROM dialogues").fetchall()
    finally:
        connection.close()
    words = query_words(selection.text)
    column = {DialogueSort.DATE: 1, DialogueSort.TITLE: 2, DialogueSort.SERIES: 3, DialogueSort.PLACE: 4,
              DialogueSort.CHAIR: 5, DialogueSort.DELEGATIONS: 6, DialogueSort.PARTICIPANTS: 7,
              DialogueSort.STATUS: 8}[sort]
    kept = [row for row in rows
            if (row[9] is not None) == selection.deleted
            and text_matches(row[10], words)
            and (selection.series is None or row[3] == selection.series)
            and (selection.status is None or row[8] == selection.status.value)
            and (selection.date_from is None or row[1] >= selection.date_from.isoformat())
            and (selection.date_to is None or row[1] <= selection.date_to.isoformat())
            and (selection.country is None or row[11] == selection.country
                 or selection.country in sent.get(row[0], set()))]
    # SQLite: NULL first when ascending; text by its bytes (UTF-8 keeps code point order)
    kept.sort(key=lambda row: (row[column] is not None, row[column] if row[column] is not None else 0, row[0]),
              reverse=descending)
    return [row[0] for row in kept]


def _as_the_window_reads(repository: DialogueRepository, selection: r.DialogueFilter, sort: DialogueSort,
                         descending: bool, bound: int, size: int) -> tuple[list[str], r.Page]:
    """The first page counted up to `bound`, then the next pages as the officer scrolls, until one
    comes back short (`DialogueTableModel.fetchMore`)."""
    first = repository.page(selection, sort, descending, 0, size, count_up_to=bound)
    rows = [row.id for row in first.rows]
    page = first
    while len(page.rows) == size:
        page = repository.page(selection, sort, descending, len(rows), size, known_total=first.total,
                               count_up_to=bound, more=first.more)
        rows.extend(row.id for row in page.rows)
    return rows, first


def _agrees(database: Database, path: Path, selection: r.DialogueFilter, sort: DialogueSort, descending: bool,
            bound: int, size: int) -> bool:
    repository = DialogueRepository(database)
    expected = _plain(path, selection, sort, descending)
    rows, first = _as_the_window_reads(repository, selection, sort, descending, bound, size)
    resorted = repository.page(selection, sort, descending, 0, size, known_total=first.total,
                               count_up_to=bound, more=first.more)
    # a search, or a country alone, is counted up to the bound ("More than 1000"); the rest exactly
    bounded = bool(query_words(selection.text)) or (
        selection.country is not None and selection._replace(country=None, deleted=False) == r.EMPTY_FILTER)
    return (rows == expected and first.more == (bounded and len(expected) > bound)
            and first.total == (min(len(expected), bound) if bounded else len(expected))
            and [row.id for row in resorted.rows] == expected[:size]
            and repository.count(selection) == len(expected))


@st.composite
def typed(draw: st.DrawFn, words: list[str]) -> str | None:
    """Nothing, or one to three pieces (the start or the middle) of stored words, 1-6 characters."""
    if draw(st.integers(0, 4)) == 0:
        return None
    pieces = []
    for _ in range(draw(st.integers(1, 3))):
        word = draw(st.sampled_from(words))
        start = draw(st.integers(0, max(0, len(word) - 1))) if draw(st.booleans()) else 0
        pieces.append(word[start:start + draw(st.integers(1, 6))])
    return " ".join(pieces)


@st.composite
def selections(draw: st.DrawFn, words: list[str]) -> r.DialogueFilter:
    years = draw(st.sampled_from([(None, None), (date(2019, 1, 1), date(2020, 12, 31)),
                                  (date(2020, 6, 1), None), (None, date(2019, 12, 31))]))
    return r.DialogueFilter(
        text=draw(typed(words)), series=draw(st.sampled_from(SERIES)),
        status=draw(st.sampled_from([None, *DialogueStatus])), country=draw(st.sampled_from([None, *COUNTRIES])),
        date_from=years[0], date_to=years[1], deleted=draw(st.integers(0, 5)) == 0)


SHARED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(data=st.data())
@SHARED
def test_every_search_sort_and_filter_pages_what_a_plain_scan_pages(filled, data, monkeypatch) -> None:
    database, path, words = filled
    selection = data.draw(selections(words))
    # the thresholds that choose a path, drawn: each path is taken on this small database
    monkeypatch.setattr(dialogue_module, "TEXT_DENSE", data.draw(st.sampled_from([0.0, 0.3, 1.1])))
    monkeypatch.setattr(search_index, "MOST_TERMS", data.draw(st.sampled_from([0, 2, 64])))
    monkeypatch.setattr(dialogue_module, "MATCHES_DRIVE", data.draw(st.sampled_from([0, 2_000])))
    monkeypatch.setattr(dialogue_module, "SHARE_SAMPLE", data.draw(st.sampled_from([0, 3, 1_000])))
    monkeypatch.setattr(dialogue_module, "FEW_DELEGATIONS", data.draw(st.sampled_from([0, 20_000])))
    monkeypatch.setattr(dialogue_module, "DENSE", data.draw(st.sampled_from([0.001, 1.0, 1000.0])))
    monkeypatch.setattr(dialogue_module, "KEPT_SET_MOST", data.draw(st.sampled_from([0, 20_000])))
    monkeypatch.setattr(dialogue_module, "ROW_PER_ENTRY", data.draw(st.sampled_from([0, 11, 10**6])))
    monkeypatch.setattr(dialogue_module, "MEMBER_PER_ROW", data.draw(st.sampled_from([1e-9, 0.1, 1e9])))
    sort, descending = data.draw(st.sampled_from(list(DialogueSort))), data.draw(st.booleans())
    bound, size = data.draw(st.integers(0, 8)), data.draw(st.integers(2, 9))
    assert _agrees(database, path, selection, sort, descending, bound, size)


def _lose_a_word(planned: Callable[..., list[tuple[str, str]]]) -> Callable[..., list[tuple[str, str]]]:
    """A vocabulary that lost words: the first stored word of each OR replaced by one no text holds."""
    def broken(connection: Any, indexes: Any, words: list[str]) -> list[tuple[str, str]]:
        return [(index, query.replace('("', '("zz')) for index, query in planned(connection, indexes, words)]
    return broken


def _walk_without_the_set(statement: Callable[..., Any]) -> Callable[..., Any]:
    """The walk along the sort that forgets to check each dialogue against the set of matches."""
    def broken(selection: r.DialogueFilter, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("dense") and not kwargs.get("scan"):
            return statement(selection._replace(text=None), *args, **{**kwargs, "queries": None})
        return statement(selection, *args, **kwargs)
    return broken


def _sorted_the_other_way(statement: Callable[..., Any]) -> Callable[..., Any]:
    """The few matches sorted after they are found, in the other direction."""
    def broken(selection: r.DialogueFilter, sort: DialogueSort, descending: bool, *args: Any, **kwargs: Any) -> Any:
        return statement(selection, sort, descending != bool(kwargs.get("sorted_after")), *args, **kwargs)
    return broken


def _counted_on_the_page(set_page: Callable[..., tuple[int, tuple[r.DialogueRow, ...]]]) -> Callable[..., Any]:
    """The first page that counts its own rows instead of every row of the set it was sorted from."""
    def broken(*args: Any, **kwargs: Any) -> tuple[int, tuple[r.DialogueRow, ...]]:
        rows = set_page(*args, **kwargs)[1]
        return len(rows), rows
    return broken


# each broken variant, the bound it is read with (2: many matches; 1000: few, sorted after) and the
# country searched in (the count taken by the page is only for a search with another filter)
BROKEN = {
    "vocabulary": (search_index, "planned_queries", _lose_a_word, 2, None),
    "walk against the set": (dialogue_module, "page_statement", _walk_without_the_set, 2, None),
    "few matches sorted after": (dialogue_module, "page_statement", _sorted_the_other_way, 1000, None),
    "count taken from the set": (dialogue_module, "_set_page", _counted_on_the_page, 1000, "KZ"),
}


@pytest.mark.parametrize("variant", sorted(BROKEN))
def test_a_broken_fast_path_is_caught(filled, monkeypatch, variant) -> None:
    """The check above is not one that cannot fail: each fast path, deliberately broken, fails it on
    some of a fixed sweep of searches."""
    database, path, words = filled
    module, name, breaking, bound, country = BROKEN[variant]
    monkeypatch.setattr(module, name, breaking(getattr(module, name)))
    monkeypatch.setattr(dialogue_module, "TEXT_DENSE", 1.1)  # never the text scan: the set is used
    rng = random.Random(7)
    texts = [" ".join(w[rng.randint(0, max(0, len(w) - 3)):][:4] for w in rng.sample(words, 2)) for _ in range(30)]
    failures = sum(not _agrees(database, path, r.DialogueFilter(text=text, country=country), DialogueSort.DATE,
                               True, bound, 3) for text in texts)
    assert failures > 0


def test_a_page_after_a_save_finds_what_was_saved(filled, monkeypatch) -> None:
    """What one page learnt about the data to choose its plan (whether a country has few
    delegations) is not reused by the next: a dialogue saved in between is found."""
    database, path, _ = filled
    monkeypatch.setattr(dialogue_module, "FEW_DELEGATIONS", 1)
    repository = DialogueRepository(database)
    selection = r.DialogueFilter(text="zqwv", country="TJ")
    before = repository.page(selection, DialogueSort.DATE, True, 0, 5, count_up_to=1000)
    saved = repository.save(make_dialogue("Zqwv meeting", country="TJ"))
    repository.save(make_dialogue("Zqwv second", delegations=(delegation_of(r.Party.country("TJ")),)))
    after = repository.page(selection, DialogueSort.DATE, True, 0, 5, count_up_to=1000)
    try:
        assert (before.total, after.total) == (0, 2) and saved.id in {row.id for row in after.rows}
        assert [row.id for row in after.rows] == _plain(path, selection, DialogueSort.DATE, True)
    finally:
        for row in after.rows:
            repository.delete(row.id)
            repository.purge(row.id)


@pytest.mark.parametrize("archive", sorted((Path(__file__).parent / "archives").glob("schema-*.sqlite3")),
                         ids=lambda p: p.stem)
def test_an_upgraded_database_has_every_word_in_its_vocabulary(archive, tmp_path) -> None:
    """Migration 0012_search_speed fills the vocabularies with every word of the stored texts (and
    the triggers add the words of what is saved after), so a search of a piece of any word finds
    through them what a scan finds."""
    import shutil

    copy = tmp_path / archive.name
    shutil.copyfile(archive, copy)
    database = open_database(copy)
    try:
        repository = DialogueRepository(database)
        saved = repository.save(make_dialogue("Qwertyuiop zxcvbnm"))
    finally:
        database.close()
    connection = sqlite3.connect(copy)
    try:
        for terms, sql in (("dialogue_terms", "SELECT search_text FROM dialogues"),
                           ("people_terms", "SELECT search_name FROM people")):
            stored = {term for (term,) in connection.execute(f"SELECT term FROM {terms}")}
            words = {word for (folded,) in connection.execute(sql) for word in folded.split()}
            assert words and words == stored
    finally:
        connection.close()
    database = open_database(copy)
    try:
        piece = fold("Qwertyuiop").split()[0][1:6]  # inside a word only the new dialogue holds
        page = DialogueRepository(database).page(r.DialogueFilter(text=piece), count_up_to=1000)
        assert [row.id for row in page.rows] == [saved.id]
    finally:
        database.close()


def _statements(database: Database) -> tuple[list[str], Callable[[], None]]:
    from sqlalchemy import event

    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)
    event.listen(database.engine, "before_cursor_execute", note)
    return seen, lambda: event.remove(database.engine, "before_cursor_execute", note)


def test_a_resort_reads_the_set_its_first_page_found(filled, monkeypatch) -> None:
    """A search with a country whose page is read from the set of what it keeps: the first page
    finds that set, its resorts and scrolls read it again instead of searching the word index and
    walking the country's dialogues again (issue 19: "harm reduction" in Afghanistan, ~20 ms of
    each resort's ~40 at 100,000 dialogues)."""
    database, path, _ = filled
    monkeypatch.setattr(dialogue_module, "DENSE", 0.001)  # never along the sort: from the set
    repository = DialogueRepository(database)
    selection = next(s for s in (r.DialogueFilter(text=letter, country="KZ") for letter in LATIN)
                     if len(_plain(path, s, DialogueSort.DATE, True)) >= 4)
    first = repository.page(selection, DialogueSort.DATE, True, 0, 2, count_up_to=1000)
    seen, stop = _statements(database)
    try:
        resorted = repository.page(selection, DialogueSort.TITLE, False, 0, 2, known_total=first.total,
                                   count_up_to=1000, more=first.more)
        scrolled = repository.page(selection, DialogueSort.TITLE, False, 2, 2, known_total=first.total,
                                   count_up_to=1000, more=first.more)
    finally:
        stop()
    expected = _plain(path, selection, DialogueSort.TITLE, False)
    assert first.total == len(expected) >= 3
    assert [row.id for row in (*resorted.rows, *scrolled.rows)] == expected[:4]
    assert not [statement for statement in seen if "MATCH" in statement or "delegations" in statement]


@pytest.mark.parametrize("broken", [False, True], ids=["kept", "kept whatever changed"])
@pytest.mark.parametrize("selection", [r.DialogueFilter(text="qvxw", country="TJ"),
                                       r.DialogueFilter(country="TJ", date_from=date(2030, 1, 1))],
                         ids=["a search and a country", "a country and a date"])
def test_a_kept_set_is_not_read_after_a_save(filled, monkeypatch, broken, selection) -> None:
    """The set a filter's first page found is read by its resorts only while nothing changed: a
    dialogue saved through this program's connection (its own `total_changes`) or another's (the
    file's `data_version`) is in the next page. A set kept whatever changed is caught."""
    database, path, _ = filled
    if broken:
        monkeypatch.setattr(dialogue_module, "_data_version", lambda connection: (0, 0))
    repository = DialogueRepository(database)
    make_dialogue = partial(_make_dialogue, start_date=date(2031, 5, 1))
    saved = [repository.save(make_dialogue("Qvxw one", country="TJ"))]
    first = repository.page(selection, DialogueSort.DATE, True, 0, 5, count_up_to=1000)
    other = open_database(path)  # another connection, as another window or process writes
    try:
        saved.append(DialogueRepository(other).save(make_dialogue("Qvxw two", country="TJ")))
        after_other = repository.page(selection, DialogueSort.TITLE, True, 0, 5, known_total=first.total,
                                      count_up_to=1000, more=first.more)
        expected = [_plain(path, selection, DialogueSort.TITLE, True)]
        saved.append(repository.save(make_dialogue("Qvxw three", country="TJ")))
        after_own = repository.page(selection, DialogueSort.TITLE, True, 0, 5, known_total=first.total,
                                    count_up_to=1000, more=first.more)
        expected.append(_plain(path, selection, DialogueSort.TITLE, True))
        found = [[row.id for row in after_other.rows], [row.id for row in after_own.rows]]
        assert [len(ids) for ids in expected] == [2, 3]
        assert (found == expected) != broken
    finally:
        other.close()
        for dialogue in saved:
            repository.delete(dialogue.id)
            repository.purge(dialogue.id)
