"""SQLite done properly: pragmas, constraints in the database itself, permissions, locking."""

import sqlite3
import stat
import threading
import time
from datetime import date

import pytest
from sqlalchemy import text

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import DatabaseCorrupt, DatabaseLocked, UserError
from tests.factories import make_dialogue


def test_pragmas_are_on_for_every_connection(database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_file_and_folder_are_private_to_the_owner(database, db_path) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700


BAD_ROWS = [
    "INSERT INTO dialogues (id, title, kind, start_date, end_date, online, status, delegation_count, "
    "participant_count, search_text, revision, created_at, updated_at) VALUES ('a', 't', 'regional', "
    "'2023-12-13', '2023-12-01', 0, 'final', 0, 0, '', 1, '2023-01-01', '2023-01-01')",
    "INSERT INTO dialogues (id, title, kind, start_date, online, status, delegation_count, participant_count, "
    "search_text, revision, created_at, updated_at) VALUES ('b', 't', 'party', '2023-12-13', 0, 'final', 0, 0, "
    "'', 1, '2023-01-01', '2023-01-01')",
    "INSERT INTO dialogues (id, title, kind, start_date, country, online, status, delegation_count, "
    "participant_count, search_text, revision, created_at, updated_at) VALUES ('c', 't', 'regional', "
    "'2023-12-13', 'XX', 0, 'final', 0, 0, '', 1, '2023-01-01', '2023-01-01')",
    "INSERT INTO delegations (id, dialogue_id, sort_order, side, party_type, party_country, programme_supported, "
    "created_at, updated_at) VALUES ('d', 'no-such-dialogue', 0, 'eu', 'country', 'ES', 0, '2023-01-01', "
    "'2023-01-01')",
    "INSERT INTO people (id, name, sex, search_name, revision, created_at, updated_at) "
    "VALUES ('p', 'X', 'unknown', '', 1, '2023-01-01', '2023-01-01')",
]


@pytest.mark.parametrize("statement", BAD_ROWS, ids=["end-before-start", "bad-kind", "unknown-country",
                                                     "orphan-delegation", "bad-sex"])
def test_the_database_itself_refuses_bad_rows(database, statement) -> None:
    with pytest.raises(Exception, match="constraint"), database.engine.begin() as connection:
        connection.execute(text(statement))


def test_deleting_a_dialogue_for_good_cascades_to_its_children(database) -> None:
    from desktop_app.domain import records as r
    from tests.factories import add_people, delegation_of

    people = add_people(database, "A B")
    repository = DialogueRepository(database)
    saved = repository.save(make_dialogue(delegations=(delegation_of(r.Party.country("KZ"), *people),)))
    repository.delete(saved.id)
    repository.purge(saved.id)
    with database.engine.connect() as connection:
        for table in ("delegations", "participants", "dialogue_topics"):
            assert connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
        assert connection.exec_driver_sql("SELECT count(*) FROM people").scalar() == 1


def test_a_held_write_lock_gives_a_clear_error_within_the_timeout(db_path) -> None:
    database = open_database(db_path, busy_timeout=0.5)
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseLocked, match="in use"):
            DialogueRepository(database).save(make_dialogue())
        assert time.monotonic() - started < 5
    finally:
        holder.rollback()
        holder.close()
    DialogueRepository(database).save(make_dialogue())
    assert DialogueRepository(database).count() == 1
    database.close()


def test_a_writer_waits_for_a_short_lock_instead_of_failing(db_path) -> None:
    database = open_database(db_path)
    holder = sqlite3.connect(db_path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, holder.commit).start()
    DialogueRepository(database).save(make_dialogue(start_date=date(2020, 1, 1)))
    assert DialogueRepository(database).count() == 1
    holder.close()
    database.close()


@pytest.mark.parametrize("content", [b"", b"\x00" * 4096, b"PK\x03\x04 a zip file",
                                     b"SQLite format 3\x00" + b"\x07" * 100])
def test_foreign_or_damaged_files_are_refused_and_left_untouched(tmp_path, content) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_bytes(content)
    if not content:  # an empty file is simply a new database
        open_database(path).close()
        return
    with pytest.raises((DatabaseCorrupt, UserError)):
        open_database(path)
    assert path.read_bytes() == content


def test_a_folder_given_as_the_database_is_refused(tmp_path) -> None:
    with pytest.raises(UserError, match="is a folder"):
        open_database(tmp_path)


def test_a_database_under_a_file_is_refused(tmp_path) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(UserError, match="cannot be created"):
        open_database(tmp_path / "file.txt" / "db.sqlite3")
