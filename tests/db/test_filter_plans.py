"""The list's column filters together (series, status, period, host country, issue 19) are found
inside one index, without reading a dialogue's row to check another filter (migration
0013_search_filters): at 100,000 dialogues a draft of one series in one country read 16,000 rows
(~250 ms) through the status index alone. SQLite's own choice is checked here, on the statements the
repository really runs, by their query plans."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.db.first_page import DialogueSort
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus
from tests.factories import add_people, delegation_of, make_dialogue

YEAR = {"date_from": date(2020, 1, 1), "date_to": date(2020, 12, 31)}


@contextmanager
def _statements(database: Database) -> Iterator[list[tuple[str, Any]]]:
    """Every SELECT the repository runs meanwhile, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def note(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def _plans(path: Any, statements: list[tuple[str, Any]]) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [" / ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, parameters))
                for sql, parameters in statements if "FROM dialogues WHERE" in " ".join(sql.split())]
    finally:
        connection.close()


@pytest.fixture
def filled(database: Database) -> Database:
    repository = DialogueRepository(database)
    people = add_people(database, "Aigerim Zhumabayeva", "Nodira Tokaibekova")
    for n in range(12):
        repository.save(make_dialogue(
            f"Meeting {n}", series=("Alpha", "Beta")[n % 2], status=list(DialogueStatus)[n % 3 % 2],
            start_date=date(2019 + n % 3, 3, 1), country=("KZ", "FR")[n % 2],
            delegations=(delegation_of(r.Party.country(("KZ", "UZ")[n % 2]), *people),)))
    return database


@pytest.mark.parametrize("selection", [
    r.DialogueFilter(series="Alpha", status=DialogueStatus.DRAFT),
    r.DialogueFilter(series="Alpha", status=DialogueStatus.DRAFT, country="KZ"),
    r.DialogueFilter(series="Alpha", status=DialogueStatus.DRAFT, **YEAR),
    r.DialogueFilter(series="Alpha", **YEAR),
    r.DialogueFilter(status=DialogueStatus.DRAFT, **YEAR),
], ids=["series draft", "series draft country", "series draft year", "series year", "draft year"])
def test_column_filters_together_are_counted_inside_one_index(filled, db_path, selection) -> None:
    with _statements(filled) as seen:
        assert DialogueRepository(filled).count(selection) >= 0
    plans = _plans(db_path, seen)
    assert plans and all("USING COVERING INDEX ix_dialogues_filter_" in plan for plan in plans), plans


@pytest.mark.parametrize("sort", [DialogueSort.DATE, DialogueSort.TITLE, DialogueSort.STATUS])
def test_a_page_of_few_is_found_through_the_filters_index(filled, db_path, sort) -> None:
    """A page of a few dialogues is found through the filters' index (the set of their rowids, inside
    the index: no row read, and counted from it), then its rows read once by rowid and sorted."""
    with _statements(filled) as seen:
        for selection in (r.DialogueFilter(series="Alpha", status=DialogueStatus.DRAFT, country="KZ", **YEAR),
                          r.DialogueFilter(series="Alpha", status=DialogueStatus.DRAFT, country="KZ")):
            DialogueRepository(filled).page(selection, sort, True, 0, 200, count_up_to=1000)
    found = [(sql, parameters) for sql, parameters in seen if "json_each" not in sql]
    pages = [(sql, parameters) for sql, parameters in seen if "json_each" in sql]
    plans = _plans(db_path, found)
    assert len(plans) == 2 and all("USING COVERING INDEX ix_dialogues_filter_" in plan for plan in plans), plans
    assert len(pages) == 2 and all("INTEGER PRIMARY KEY (rowid=?)" in plan for plan in _plans(db_path, pages))


def test_a_search_in_a_rare_country_is_counted_without_reading_rows(filled, db_path, monkeypatch) -> None:
    """Many matches in a country of few delegations: the country's dialogues drive, each checked
    against the matches and the trash by its rowid alone (the id's own index: no row read), where the
    trash side read every row (3,500 rows to count "harm reduction" in AF up to 1,000 at 100,000)."""
    from desktop_app.db.repositories import dialogues as dialogue_module

    monkeypatch.setattr(dialogue_module, "MATCHES_DRIVE", 0)  # the matches are "many" here too
    # the page walks the sort (a share of many), so the count is a statement of its own
    monkeypatch.setattr(dialogue_module, "DENSE", 1e12)
    selection = r.DialogueFilter(text="meeting", country="UZ")
    with _statements(filled) as seen:
        page = DialogueRepository(filled).page(selection, DialogueSort.DATE, True, 0, 200, count_up_to=1000)
    assert page.total == 6
    counts = [plan for plan in _plans(db_path, seen) if "CO-ROUTINE" in plan]
    assert counts and all("COVERING INDEX sqlite_autoindex_dialogues_1" in plan for plan in counts), counts


def test_a_search_with_a_filter_read_from_its_set_is_counted_from_that_set(filled, db_path, monkeypatch) -> None:
    """When the first page is read from the set of what the filter keeps, sorted, whatever the
    count, the count is that set's size: the matches are found once, not once for a count and again
    for the page ("harm reduction" in AF at 100,000: its ~29,000 matches), and the set is made
    from indexes alone (the rowids: no row read); the page then reads the set's rows by rowid."""
    from desktop_app.db.repositories import dialogues as dialogue_module

    monkeypatch.setattr(dialogue_module, "MATCHES_DRIVE", 0)
    selection = r.DialogueFilter(text="meeting", country="UZ")
    with _statements(filled) as seen:
        page = DialogueRepository(filled).page(selection, DialogueSort.DATE, True, 0, 200, count_up_to=1000)
    assert (page.total, page.more, len(page.rows)) == (6, False, 6)
    matches = [(sql, parameters) for sql, parameters in seen
               if "IN (SELECT rowid FROM dialogue_words WHERE dialogue_words MATCH" in " ".join(sql.split())]
    assert len(matches) == 1 and "json_group_array" in matches[0][0], matches
    # the country's dialogues (the other filters: a country of few delegations) made into a set
    # first, inside the indexes, and the matches looked up for each of them
    country = [(sql, parameters) for sql, parameters in seen if "json_group_array" in sql and "MATCH" not in sql]
    plan = _plans(db_path, country)[0]
    assert "COVERING INDEX sqlite_autoindex_dialogues_1" in plan and "SCAN dialogues" not in plan, plan
    assert any("json_each" in sql and "ORDER BY" in sql for sql, _ in seen)


def test_a_file_with_statistics_gets_them_for_the_filters_indexes(db_path) -> None:
    """A file whose indexes SQLite has statistics for (`sqlite_stat1`, written by ANALYZE: the
    benchmark files) gets them for the two new indexes too when it is upgraded, so SQLite does not
    weigh them by its defaults against the others' real figures."""
    from desktop_app.db import migrate
    from desktop_app.db.opening import open_database

    database = open_database(db_path)
    DialogueRepository(database).save(make_dialogue("Meeting", series="Alpha"))
    database.close()
    connection = sqlite3.connect(db_path)
    connection.execute("ANALYZE")
    for name in ("ix_dialogues_filter_series", "ix_dialogues_filter_status", "ix_dialogues_filter_period"):
        connection.execute(f"DROP INDEX {name}")
    connection.execute("UPDATE alembic_version SET version_num = '0012_search_speed'")
    connection.commit()
    connection.close()
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.SCHEMA_HEAD
        analysed = {name for (name,) in connection.execute("SELECT idx FROM sqlite_stat1")}
    finally:
        connection.close()
    assert {"ix_dialogues_filter_series", "ix_dialogues_filter_status"} <= analysed


@pytest.mark.parametrize("sort, selection, starts", [
    (DialogueSort.STATUS, r.DialogueFilter(status=DialogueStatus.DRAFT, country="KZ"), "(deleted_at=? AND status=?)"),
    (DialogueSort.DATE, r.DialogueFilter(country="KZ", date_from=date(2020, 1, 1)), "(deleted_at=? AND start_date>?)"),
    (DialogueSort.SERIES, r.DialogueFilter(series="Alpha", country="KZ"), "(deleted_at=? AND series=?)"),
    (DialogueSort.TITLE, r.DialogueFilter(series="Alpha", country="KZ"), "(deleted_at=? AND series=?)"),
    (DialogueSort.TITLE, r.DialogueFilter(country="KZ"), "(deleted_at=?)"),
    (DialogueSort.CHAIR, r.DialogueFilter(text="meeting", country="UZ"), "(deleted_at=?)"),
])
def test_a_page_walks_its_sort_checking_the_set(filled, db_path, monkeypatch, sort, selection, starts) -> None:
    """A page of a filter's set read along the sort's own index, each entry looked up in the set (no
    row read but the page's, no sort): the walk starts where the filter of the sort's own column
    begins — drafts sorted by status do not walk every final dialogue first."""
    from desktop_app.db.repositories import dialogues as dialogue_module

    monkeypatch.setattr(dialogue_module, "ROW_PER_ENTRY", 10**6)  # always the walk of the set
    monkeypatch.setattr(dialogue_module, "DENSE", 1e-12)  # a search: always a set (no walk checking each filter)
    monkeypatch.setattr(dialogue_module, "MEMBER_PER_ROW", 1e-9)  # the other filters: always a set
    monkeypatch.setattr(dialogue_module, "MATCHES_DRIVE", 0)
    with _statements(filled) as seen:
        for descending in (True, False):
            page = DialogueRepository(filled).page(selection, sort, descending, 0, 2, count_up_to=1000)
            assert page.total > 2 and len(page.rows) == 2
    index = "ix_dialogues_series_title" if sort is DialogueSort.TITLE and selection.series \
        else dialogue_module._SORT_INDEX[sort]
    walks = [(sql, parameters) for sql, parameters in seen if "INDEXED BY" in sql]
    plans = [" / ".join(row[3] for row in sqlite3.connect(db_path).execute("EXPLAIN QUERY PLAN " + sql, parameters))
             for sql, parameters in walks]
    assert len(plans) == 2 and all(f"USING INDEX {index} {starts}" in plan
                                   and "TEMP B-TREE" not in plan for plan in plans), plans
