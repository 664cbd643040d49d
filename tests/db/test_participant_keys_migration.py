"""Migration 0014_import_participant_keys (issue 19, round 7): a participant's id is kept unique by a
unique index of its own instead of the table's primary-key constraint, so that a load into an empty
file can build it after the rows (`bulk_writing.loading`). Every row, rowid and value stays; the id
stays unique and not null; the table is otherwise the very table it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.db.opening import open_database

ARCHIVES = Path(__file__).parent / "archives"


def _participants(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT rowid, id, delegation_id, sort_order, person_id "
                                  "FROM participants ORDER BY rowid").fetchall()


def _id_indexes(path: Path) -> list[tuple[str, int, str]]:
    """(name, unique, origin) of each index on participants.id alone: 'pk' for the constraint's."""
    with sqlite3.connect(path) as connection:
        return [(name, unique, origin) for _, name, unique, origin, _ in connection.execute(
                    "PRAGMA index_list(participants)")
                if [row[2] for row in connection.execute(f"PRAGMA index_info('{name}')")] == ["id"]]


@pytest.mark.parametrize("archive", sorted(ARCHIVES.glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_an_archived_file_keeps_every_participant_with_a_unique_id_index(archive: Path, tmp_path: Path) -> None:
    copy = tmp_path / archive.name
    shutil.copyfile(archive, copy)
    open_database(copy).close()
    assert _id_indexes(copy) == [("ux_participants_id", 1, "c")]
    assert sorted(row[1:3] + row[4:5] for row in _participants(copy)) == sorted(
        row[1:3] + row[4:5] for row in _participants(archive))
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlite3.IntegrityError, match=r"UNIQUE constraint failed: participants\.id"):
            connection.execute("INSERT INTO participants (id, delegation_id, sort_order, person_id, role, "
                               "created_at, updated_at) SELECT id, delegation_id, 99, person_id, role, "
                               "created_at, updated_at FROM participants LIMIT 1")
        with pytest.raises(sqlite3.IntegrityError, match=r"NOT NULL constraint failed: participants\.id"):
            connection.execute("INSERT INTO participants (id, delegation_id, sort_order, person_id, role, "
                               "created_at, updated_at) SELECT NULL, delegation_id, 99, person_id, role, "
                               "created_at, updated_at FROM participants LIMIT 1")


def test_a_new_file_has_the_unique_id_index_and_no_primary_key_constraint(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    open_database(path).close()
    assert _id_indexes(path) == [("ux_participants_id", 1, "c")]
    with sqlite3.connect(path) as connection:
        sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'participants'").fetchone()[0]
    assert "PRIMARY KEY" not in sql and "CONSTRAINT fk_participants_delegation_id_delegations" in sql


def _alembic(path: Path, step: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from desktop_app.db import migrate
    from desktop_app.db.engine import make_engine

    engine = make_engine(path)
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, step)(config, revision)
    engine.dispose()


def test_down_and_up_again_keep_every_row_and_rowid(tmp_path: Path) -> None:
    from benchmarks.generate import make_bundle
    from desktop_app.services.exchange.importer import import_data

    path = tmp_path / "db.sqlite3"
    database = open_database(path)
    import_data(database, make_bundle(5, people=40))
    database.close()
    with sqlite3.connect(path) as connection:
        everything = connection.execute("SELECT rowid, * FROM participants ORDER BY rowid").fetchall()
        indexes = connection.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'participants' "
                                     "ORDER BY name").fetchall()
    _alembic(path, "downgrade", "0013_search_filters")
    assert _id_indexes(path) == [("sqlite_autoindex_participants_1", 1, "pk")]
    _alembic(path, "upgrade", "head")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT rowid, * FROM participants ORDER BY rowid").fetchall() == everything
        assert connection.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'participants' "
                                  "ORDER BY name").fetchall() == indexes
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert len(everything) == 5 * 8 * 4


def test_a_file_with_statistics_keeps_them_for_the_participants(tmp_path: Path) -> None:
    """The rebuilt table's indexes get statistics again where the file had them (as 0013 does)."""
    from benchmarks.generate import make_bundle
    from desktop_app.services.exchange.importer import import_data

    path = tmp_path / "db.sqlite3"
    database = open_database(path)
    import_data(database, make_bundle(3, people=60))  # ANALYZE writes nothing for an empty table
    database.close()
    _alembic(path, "downgrade", "0013_search_filters")
    with sqlite3.connect(path) as connection:
        connection.execute("ANALYZE")
    _alembic(path, "upgrade", "head")
    with sqlite3.connect(path) as connection:
        analysed = {name for (name,) in connection.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'participants'")}
    assert {"ux_participants_id", "ix_participants_person_id"} <= analysed
