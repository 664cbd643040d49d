"""Migrations run on open: new files get the current schema, older ones are upgraded after a
backup, newer ones are refused untouched."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.db import migrate
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import NewerSchema, UserError

ARCHIVES = Path(__file__).parent / "archives"
# Archives holding more than the four sample records (README.md there says what and why).
MORE_RECORDS = {"schema-0010_exchange-spellings": 5}


def schema_of(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def test_the_fast_path_constant_is_alembics_head() -> None:
    assert migrate.alembic_head() == migrate.SCHEMA_HEAD


def test_a_new_file_gets_the_current_schema(db_path) -> None:
    open_database(db_path).close()
    assert schema_of(db_path) == migrate.SCHEMA_HEAD


def test_the_models_match_the_migrations(db_path) -> None:
    """Autogenerate against a migrated file finds nothing to do: models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop_app.db.models import Base, include_in_autogenerate

    database = open_database(db_path)
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_in_autogenerate})
        differences = compare_metadata(context, Base.metadata)
    database.close()
    assert differences == []


def test_a_newer_database_is_refused_and_left_byte_for_byte(db_path) -> None:
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchema, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_an_older_database_is_backed_up_before_upgrading(db_path, monkeypatch) -> None:
    open_database(db_path).close()
    head = migrate.SCHEMA_HEAD
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "a-later-revision")
    upgraded = open_database(db_path)
    upgraded.close()
    backups = list((db_path.parent / "backups").glob(f"*before-upgrade-from-{head}*.sqlite3"))
    assert len(backups) == 1
    assert schema_of(backups[0]) == head


def test_the_copy_before_an_upgrade_is_one_self_contained_file(tmp_path) -> None:
    """Like every other backup (services/backups.py), the copy taken before an upgrade is in the rollback
    journal, so it opens without companions and its check leaves none behind: a copy left in WAL mode and
    opened read-only by the check left `.…dr-partial-shm` / `-wal` files beside it at each upgrade."""
    archive = sorted(ARCHIVES.glob("schema-*.sqlite3"))[-1]
    copy = tmp_path / archive.name
    shutil.copyfile(archive, copy)
    open_database(copy).close()
    names = sorted(path.name for path in (tmp_path / "backups").iterdir())
    assert len(names) == 1 and "before-upgrade-from-" in names[0], names
    connection = sqlite3.connect(f"{(tmp_path / 'backups' / names[0]).as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        connection.close()


def test_a_failed_migration_puts_the_backup_back(db_path, monkeypatch) -> None:
    from tests.factories import make_dialogue

    database = open_database(db_path)
    DialogueRepository(database).save(make_dialogue())
    database.close()

    def broken_migration(engine) -> None:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE dialogue_topics")
        raise RuntimeError("migration failed half way")

    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "a-later-revision")
    monkeypatch.setattr(migrate, "_run_alembic", broken_migration)
    with pytest.raises(RuntimeError):
        open_database(db_path)
    monkeypatch.undo()
    database = open_database(db_path)
    assert DialogueRepository(database).count() == 1
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM dialogue_topics").scalar() == 2
    database.close()


def test_a_sqlite_file_of_another_program_is_refused(tmp_path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(UserError, match="not made by Dialogue Register"):
        open_database(path)


@pytest.mark.parametrize("archive", sorted(ARCHIVES.glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_every_archived_schema_opens_with_its_records(archive, tmp_path) -> None:
    """A database of every past schema version, with the demo records, opens and keeps them all."""
    copy = tmp_path / archive.name
    shutil.copyfile(archive, copy)
    database = open_database(copy)
    assert schema_of(copy) == migrate.SCHEMA_HEAD
    assert DialogueRepository(database).count() == MORE_RECORDS.get(archive.stem, 4)
    database.close()


def _indexes(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        return dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        connection.close()


def test_an_upgraded_file_has_the_same_indexes_as_a_new_one(db_path, tmp_path) -> None:
    """Autogenerate cannot compare the chair's expression index, so compare the files' own DDL."""
    open_database(db_path).close()
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(ARCHIVES / "schema-0001.sqlite3", old)
    open_database(old).close()
    new_indexes = _indexes(db_path)
    assert {"ix_dialogues_list_title", "ix_dialogues_list_chair", "ix_dialogues_trash",
            "ix_delegations_country_dialogue"} <= set(new_indexes)
    assert _indexes(old) == new_indexes


def test_a_full_disk_before_an_upgrade_says_the_database_was_not_upgraded(tmp_path, monkeypatch) -> None:
    """The copy taken before an upgrade could not be written: opening an older database said only that
    "…/backups/db-before-upgrade-from-0005-….sqlite3 was not written", a file the officer never asked
    for, not that their database was neither upgraded nor opened. The file keeps its schema and records."""
    import errno

    from desktop_app.domain.errors import DatabaseFull
    from desktop_app.services import safe_files

    archive = ARCHIVES / "schema-0005.sqlite3"
    copy = tmp_path / "Диалоги 2023.sqlite3"
    shutil.copyfile(archive, copy)

    def full(_descriptor) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files, "_sync", full)
    with pytest.raises(DatabaseFull) as raised:
        open_database(copy)
    assert "not upgraded" in raised.value.message and "before-upgrade" not in raised.value.message
    monkeypatch.undo()
    assert schema_of(copy) == "0005"
    assert list((tmp_path / "backups").iterdir()) == []
