"""A bundle imported into a file with no records builds its secondary and search indexes after the
rows (issue 19, `bulk_writing.loading`): the file ends with the very schema it had, and indexes
equal to those the triggers build row by row; a failed import leaves the schema untouched; a file
that holds records keeps its triggers throughout."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import make_bundle
from desktop_app.db import bulk_writing
from desktop_app.db.opening import open_database
from desktop_app.domain.errors import UserError
from desktop_app.services.exchange.importer import import_data

SEARCH_TABLES = ("dialogue_search", "dialogue_words", "people_search", "people_words")
VOCABULARIES = ("dialogue_terms", "people_terms")


def _import(path: Path, data: dict[str, Any]) -> None:
    database = open_database(path)
    try:
        import_data(database, json.loads(json.dumps(data)))
    finally:
        database.close()


def _schema(path: Path) -> set[tuple[str, str, str, str | None]]:
    with sqlite3.connect(path) as connection:
        return set(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def _indexes(path: Path) -> dict[str, Any]:
    """Every search index's vocabulary (term, rows, occurrences) and what a few words find, once
    FTS5 has checked each index against its content and SQLite every plain index against its table."""
    found: dict[str, Any] = {}
    with sqlite3.connect(path) as connection:
        for table in SEARCH_TABLES:
            connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
            connection.execute(f"CREATE VIRTUAL TABLE temp.vocab_{table} USING fts5vocab(main, {table}, 'row')")
            found[table] = connection.execute(f"SELECT term, doc, cnt FROM temp.vocab_{table} ORDER BY term").fetchall()
        for word in ("drug", "ashgabat", "aigerim", "eu", "ku"):
            for table in SEARCH_TABLES:
                query = f'"{word}"' if table.endswith("search") else f'"{word}"*'
                found[f"{table} {word}"] = connection.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", (query,)).fetchall()
        for table in VOCABULARIES:  # filled once from the texts, or by 0012's triggers row by row
            found[table] = connection.execute(f"SELECT term FROM {table} ORDER BY term").fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return found


def test_indexes_built_after_the_rows_equal_those_the_triggers_build(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_bundle(12, people=60)
    empty = tmp_path / "empty.sqlite3"
    open_database(empty).close()
    schema = _schema(empty)
    deferred: list[list[str]] = []
    loaded = bulk_writing._drop_indexes

    def counted(driver: Any) -> Any:
        dropped = loaded(driver)
        deferred.append([name for _, name, _ in dropped])
        return dropped

    monkeypatch.setattr(bulk_writing, "_drop_indexes", counted)
    after_rows = tmp_path / "after.sqlite3"
    after_rows.write_bytes(empty.read_bytes())
    _import(after_rows, data)
    assert deferred and len(deferred[0]) > 10  # the plain indexes and the search triggers were built after the rows
    assert {"dialogue_terms_insert", "people_terms_insert"} <= set(deferred[0])  # the vocabularies filled after
    assert "ux_participants_id" in deferred[0]  # the participants' unique ids checked once, after the rows

    monkeypatch.setattr(bulk_writing, "_holds_no_records", lambda driver: False)
    row_by_row = tmp_path / "triggers.sqlite3"
    row_by_row.write_bytes(empty.read_bytes())
    _import(row_by_row, data)
    assert len(deferred) == 1

    assert _schema(after_rows) == _schema(row_by_row) == schema | (_schema(after_rows) - schema)
    assert {row for row in _schema(after_rows) if row[0] in ("index", "trigger")} == {
        row for row in schema if row[0] in ("index", "trigger")}
    built, by_triggers = _indexes(after_rows), _indexes(row_by_row)
    assert built["dialogue_search"] and built["people_words"]
    assert len(built["dialogue_terms"]) > 100 and len(built["people_terms"]) > 50
    assert built["dialogue_search ashgabat"] and built["people_search aigerim"] and built["people_words ku"]
    assert built == by_triggers


def test_a_loads_search_indexes_are_written_from_their_rows_in_rowid_order(tmp_path: Path) -> None:
    """FTS5's own `'rebuild'` reads the people through their covering index on `search_name`, in
    name order, and writes what it holds to disk at every rowid lower than the one before (issue 19,
    round 13: 110 ms of an import at 2,000 dialogues). A load writes each index from its rows read
    in rowid order: its segments are, block for block, those of that index written again so."""
    path = tmp_path / "loaded.sqlite3"
    open_database(path).close()
    _import(path, make_bundle(12, people=60))
    fed = (("dialogue_search", "dialogues", "search_text"), ("dialogue_words", "dialogues", "search_text"),
           ("people_search", "people", "search_name"), ("people_words", "people", "search_name"))
    with sqlite3.connect(path) as connection:
        plan = " ".join(row[3] for row in connection.execute(
            "EXPLAIN QUERY PLAN SELECT rowid, search_name FROM people"))
        assert "ix_people_search_name" in plan  # what an unordered read of the people goes through

        def segments() -> dict[str, list[tuple[int, bytes]]]:
            return {table: connection.execute(f"SELECT id, block FROM {table}_data ORDER BY id").fetchall()
                    for table, _, _ in fed}

        loaded = segments()
        for table, owner, column in fed:
            connection.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
            connection.execute(f"INSERT INTO {table} (rowid, {column}) SELECT rowid, {column} FROM {owner} "
                               "ORDER BY rowid")
        assert all(loaded.values()) and loaded == segments()
        connection.rollback()


def test_a_failed_import_into_an_empty_file_leaves_its_schema_and_no_rows(tmp_path: Path) -> None:
    data = make_bundle(3, people=60)
    data["dialogues"][2]["delegations"][0]["participants"][0]["person_id"] = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    path = tmp_path / "db.sqlite3"
    open_database(path).close()
    schema = _schema(path)
    with pytest.raises(UserError):
        _import(path, data)
    assert _schema(path) == schema
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM people").fetchone() == (0,)


def test_an_import_into_a_file_with_records_keeps_its_triggers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    data = make_bundle(6, people=60)
    path = tmp_path / "db.sqlite3"
    _import(path, {**data, "dialogues": data["dialogues"][:2]})
    dropped: list[Any] = []
    monkeypatch.setattr(bulk_writing, "_drop_indexes", lambda driver: dropped.append(driver) or [])
    _import(path, data)
    assert not dropped
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (6,)
    _indexes(path)  # the search indexes hold every dialogue (integrity-check against the content)


def test_a_dry_run_into_an_empty_file_leaves_its_schema_and_no_rows(tmp_path: Path) -> None:
    from desktop_app.services.exchange.importer import Outcome, import_bundle

    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps(make_bundle(3, people=60), ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "db.sqlite3"
    open_database(path).close()
    schema = _schema(path)
    database = open_database(path)
    try:
        summary = import_bundle(database, bundle, dry_run=True)
    finally:
        database.close()
    assert summary.dry_run and summary.count(Outcome.ADDED, "dialogue") == 3
    assert _schema(path) == schema
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (0,)


def _foreign_keys_while_loading(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """`PRAGMA foreign_keys` of each load's connection, read when its indexes are built."""
    seen: list[int] = []
    build = bulk_writing._build_indexes

    def spied(driver: Any, deferred: Any) -> None:
        seen.append(driver.execute("PRAGMA foreign_keys").fetchone()[0])
        build(driver, deferred)

    monkeypatch.setattr(bulk_writing, "_build_indexes", spied)
    return seen


def test_a_load_into_an_empty_file_checks_foreign_keys_once_and_leaves_them_on(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _foreign_keys_while_loading(monkeypatch)
    path = tmp_path / "db.sqlite3"
    data = make_bundle(4, people=60)
    _import(path, data)
    _import(path, data)  # the file holds records now: checked row by row
    assert seen == [0, 1]
    database = open_database(path)
    try:
        with database.writing() as session:  # the pooled connection the import used
            assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (4,)


def _refusal(path: Path, data: dict[str, Any]) -> str:
    with pytest.raises(UserError) as refused:
        _import(path, data)
    return str(refused.value)


def _refused_as_row_by_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: dict[str, Any],
                           empty_table: str) -> str:
    """Import `data` past the program's own reference check into a new file: it must be loaded without
    foreign keys (and the indexes built after the rows), refused, and the file left as it was
    (`empty_table` still empty); the refusal is the very sentence a row-by-row load gives."""
    monkeypatch.setattr(bulk_writing, "check_many_references", lambda session, records: None)
    seen = _foreign_keys_while_loading(monkeypatch)
    path = tmp_path / "db.sqlite3"
    open_database(path).close()
    schema = _schema(path)
    without = _refusal(path, data)
    assert seen == [0]  # loaded without them, then refused by the row-by-row run
    assert _schema(path) == schema
    with sqlite3.connect(path) as connection:
        assert connection.execute(f"SELECT count(*) FROM {empty_table}").fetchone() == (0,)
    monkeypatch.setattr(bulk_writing, "load_without_foreign_keys", lambda database: False)
    assert without == _refusal(path, data)
    return without


def test_a_reference_only_sqlite_checks_is_refused_as_row_by_row(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """With the program's own reference check out of the way, the whole-file check of a load without
    foreign keys refuses a participant's unknown institution with the very sentence SQLite's
    row-by-row check gives, and leaves the file as it was."""
    data = make_bundle(3, people=60)
    data["dialogues"][1]["delegations"][0]["participants"][0]["institution_id"] = (
        "0" * 8 + "-0000-4000-8000-" + "0" * 12)
    without = _refused_as_row_by_row(tmp_path, monkeypatch, data, "people")
    assert "FOREIGN KEY" in without


def test_rows_a_delete_leaves_behind_are_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A delete during a load without foreign keys cascades to nothing: the whole-file check sees the
    children it left, and the import runs again with them on, ending as it always did."""
    from desktop_app.db import replica_store
    from desktop_app.services.exchange import importer

    data = make_bundle(4, people=60)
    gone = data["dialogues"][0]["id"]
    apply = importer._apply

    def and_a_delete(session: Any, bundle: Any) -> Any:
        summary = apply(session, bundle)
        replica_store.remove(session, "dialogue", gone)
        return summary

    monkeypatch.setattr(importer, "_apply", and_a_delete)
    seen = _foreign_keys_while_loading(monkeypatch)
    path = tmp_path / "db.sqlite3"
    _import(path, data)
    assert seen == [0, 1]
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (3,)
        assert connection.execute("SELECT count(*) FROM delegations WHERE dialogue_id = ?", (gone,)).fetchone() == (0,)


def test_a_file_that_held_records_by_the_time_the_load_began_is_loaded_with_foreign_keys(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read before the transaction found no records, but another writer saved some before it
    began: the load notices inside its transaction and runs again with foreign keys on."""
    data = make_bundle(4, people=60)
    path = tmp_path / "db.sqlite3"
    _import(path, {**data, "dialogues": data["dialogues"][:1]})
    monkeypatch.setattr(bulk_writing, "load_without_foreign_keys", lambda database: True)  # the stale read
    seen = _foreign_keys_while_loading(monkeypatch)
    _import(path, data)
    assert seen == [1]  # the first attempt stopped before building anything
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (4,)


def test_a_participant_id_held_twice_is_refused_as_row_by_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A load without foreign keys builds the participants' unique id index after the rows (round 7);
    an id held twice, past the program's own checks, fails it, and the import runs again row by row:
    refused with the very sentence a row-by-row load gives, the file left as it was."""
    data = make_bundle(3, people=60)
    twice = data["dialogues"][0]["delegations"][0]["participants"][0]["id"]
    data["dialogues"][2]["delegations"][1]["participants"][2]["id"] = twice
    _refused_as_row_by_row(tmp_path, monkeypatch, data, "participants")


def test_a_value_only_a_check_constraint_refuses_is_refused_as_row_by_row(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A load without foreign keys inserts its rows without SQLite's CHECK constraints and checks every
    table's once before the commit (round 8); a participant's role past the program's own checks
    makes the import run again row by row: refused with the very sentence a row-by-row load gives,
    the file left as it was."""
    data = make_bundle(3, people=60)
    odd = data["dialogues"][1]["delegations"][0]["participants"][1]["id"]
    values = bulk_writing.participant_values
    role = bulk_writing.PARTICIPANT_FIELDS.index("role")

    def with_an_odd_role(participant: Any, *rest: Any) -> tuple[Any, ...]:
        found = values(participant, *rest)
        return (*found[:role], "chief", *found[role + 1:]) if participant.id == odd else found

    monkeypatch.setattr(bulk_writing, "participant_values", with_an_odd_role)
    without = _refused_as_row_by_row(tmp_path, monkeypatch, data, "participants")
    assert "CHECK" in without


def test_check_constraints_are_ignored_only_while_loading_into_an_empty_file(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`ignore_check_constraints` is on while a load without foreign keys runs (its rows inserted
    without the per-row cost of the CHECKs' IN lists), off in a row-by-row load, and off again on
    the pooled connection afterwards."""
    seen: list[int] = []
    build = bulk_writing._build_indexes

    def spied(driver: Any, deferred: Any) -> None:
        seen.append(driver.execute("PRAGMA ignore_check_constraints").fetchone()[0])
        build(driver, deferred)

    monkeypatch.setattr(bulk_writing, "_build_indexes", spied)
    path = tmp_path / "db.sqlite3"
    data = make_bundle(4, people=60)
    _import(path, data)
    _import(path, data)  # the file holds records now: checked row by row
    assert seen == [1, 0]
    database = open_database(path)
    try:
        with database.writing() as session:  # the pooled connection the import used
            assert session.connection().exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
    finally:
        database.close()

def test_a_participant_id_two_batches_hold_is_refused_with_the_reference_checks_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An id held by participants of two dialogues in different batches of a load into an empty file
    (a bundle built in memory, past the bundle's own check): refused with the very sentence a
    row-by-row load gives, the file left with no participants."""
    from desktop_app.services.exchange import importer

    monkeypatch.setattr(importer, "NEW_AT_ONCE", 1)
    data = make_bundle(3, people=60)
    twice = data["dialogues"][0]["delegations"][0]["participants"][0]["id"]
    data["dialogues"][2]["delegations"][1]["participants"][2]["id"] = twice
    path = tmp_path / "db.sqlite3"
    sentence = f"Participant {twice} already belongs to another dialogue."
    assert _refusal(path, data) == sentence
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM participants").fetchone() == (0,)
    monkeypatch.setattr(bulk_writing, "load_without_foreign_keys", lambda database: False)
    assert _refusal(tmp_path / "row-by-row.sqlite3", data) == sentence


def test_the_first_of_two_refusals_is_the_row_by_row_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle built in memory with two faults in different batches — a participant id an earlier
    batch holds, then a person the file does not have — is refused for the first, as a row-by-row
    load refuses it: a load without foreign keys does not look the ids up batch by batch, so any
    refusal there is left to the row-by-row run."""
    from desktop_app.services.exchange import importer

    monkeypatch.setattr(importer, "NEW_AT_ONCE", 1)
    data = make_bundle(5, people=60)
    twice = data["dialogues"][0]["delegations"][0]["participants"][0]["id"]
    data["dialogues"][2]["delegations"][1]["participants"][2]["id"] = twice
    data["dialogues"][4]["delegations"][0]["participants"][1]["person_id"] = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    sentence = f"Participant {twice} already belongs to another dialogue."
    assert _refusal(tmp_path / "db.sqlite3", data) == sentence
    monkeypatch.setattr(bulk_writing, "load_without_foreign_keys", lambda database: False)
    assert _refusal(tmp_path / "row-by-row.sqlite3", data) == sentence


def _reference_lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL of every lookup the reference check makes (people, institutions, delegations,
    participants)."""
    from desktop_app.db.repositories import dialogues

    seen: list[str] = []
    found = dialogues._found

    def spied(session: Any, sql: str, ids: Any) -> Any:
        seen.append(sql)
        return found(session, sql, ids)

    monkeypatch.setattr(dialogues, "_found", spied)
    return seen


def test_a_load_into_an_empty_file_leaves_every_reference_to_its_end(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 9: in a load without foreign keys the reference check looks nothing up — the whole-file
    foreign-key check before the commit finds an unknown person or institution, the delegations'
    primary key a delegation id held twice, and any refusal runs the import again row by row, where
    the check words it. A file that already holds records is looked up batch by batch as before.
    (Round 8 left the participants' ids alone there: each batch's lookup of them read every row the
    earlier batches wrote, 7.6 s of a 20,000-dialogue import, growing with the square of the bundle.)"""
    from desktop_app.services.exchange import importer

    monkeypatch.setattr(importer, "NEW_AT_ONCE", 2)
    lookups = _reference_lookups(monkeypatch)
    path = tmp_path / "db.sqlite3"
    data = make_bundle(5, people=60)
    _import(path, data)
    assert lookups == []
    more = make_bundle(5, people=60, seed=11)
    _import(path, {**more, "people": data["people"] + more["people"]})
    assert all(any(f"FROM {table}" in sql for sql in lookups) for table in ("people", "delegations", "participants"))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (10,)


_NOBODY = "0" * 8 + "-0000-4000-8000-" + "0" * 12


def _a_fault(data: dict[str, Any], fault: str) -> str:
    """One reference fault a bundle built in memory can hold past the bundle's own check, in the
    last of three dialogues; the sentence the reference check refuses it with."""
    participant = data["dialogues"][2]["delegations"][1]["participants"][1]
    if fault == "person":
        participant["person_id"] = _NOBODY
        return f"A participant refers to a person who is not in the database ({_NOBODY})."
    if fault == "institution":
        participant["institution_id"] = _NOBODY
        return f"A participant refers to an institution that is not in the database ({_NOBODY})."
    twice = data["dialogues"][0]["delegations"][0]["id"]
    data["dialogues"][2]["delegations"][1]["id"] = twice
    for held in data["dialogues"][2]["delegations"][1]["participants"]:
        held["delegation_id"] = twice
    return f"Delegation {twice} already belongs to another dialogue."


@pytest.mark.parametrize("fault", ["person", "institution", "delegation"])
@pytest.mark.parametrize("at_once", [1, 1000])
def test_a_reference_fault_is_refused_with_the_reference_checks_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str, at_once: int) -> None:
    """An unknown person or institution, or a delegation id another dialogue holds (in an earlier
    batch, or the same one), in a load into an empty file: refused with the very sentence a
    row-by-row load gives, the file left with no dialogues."""
    from desktop_app.services.exchange import importer

    monkeypatch.setattr(importer, "NEW_AT_ONCE", at_once)
    data = make_bundle(3, people=60)
    sentence = _a_fault(data, fault)
    path = tmp_path / "db.sqlite3"
    refused = _refusal(path, data)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (0,)
    monkeypatch.setattr(bulk_writing, "load_without_foreign_keys", lambda database: False)
    row_by_row = _refusal(tmp_path / "row-by-row.sqlite3", data)
    assert refused == row_by_row
    if fault != "delegation" or at_once == 1:  # two dialogues of one batch: the primary key's own words
        assert refused == sentence
