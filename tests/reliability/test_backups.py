"""Backups and restore through the service: consistent copies, rotation, verification, atomic restore."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import DatabaseLocked, UserError
from desktop_app.services import backups
from desktop_app.services.startup import open_for_work
from tests.factories import make_dialogue


def _titles(path: Path) -> set[str]:
    database = open_database(path)
    try:
        return {row.title for row in DialogueRepository(database).page().rows}
    finally:
        database.close()


def _fake_backup(db_path: Path, when: datetime, reason: str = "daily") -> Path:
    folder = backups.backups_folder(db_path)
    folder.mkdir(exist_ok=True)
    path = folder / f"{db_path.stem}-{reason}-{when.strftime('%Y%m%d-%H%M%S-%f')}.sqlite3"
    path.write_bytes(b"")
    return path


def test_backup_then_change_then_restore_gives_the_backups_records(database, db_path) -> None:
    repository = DialogueRepository(database)
    repository.save(make_dialogue("Kept dialogue"))
    copy = backups.back_up(db_path)
    repository.save(make_dialogue("Added after the backup"))
    database.close()

    info = backups.restore(db_path, copy)

    assert (info.dialogues, info.people) == (1, 0)
    assert _titles(db_path) == {"Kept dialogue"}
    kept = [b for b in backups.list_backups(db_path) if b.reason == "before-restore"]
    assert len(kept) == 1 and _titles(kept[0].path) == {"Kept dialogue", "Added after the backup"}
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0


def test_a_backup_taken_while_a_save_is_open_holds_the_last_committed_state(database, db_path) -> None:
    DialogueRepository(database).save(make_dialogue("Committed"))
    with database.writing() as session:  # an unfinished save in this window
        from desktop_app.db import models as m

        session.add(m.DialogueRow(id="x" * 36, title="Uncommitted", kind="regional",
                                  start_date=datetime(2024, 1, 1).date(), status="draft", revision=1,
                                  updated_at=datetime.now(UTC)))
        session.flush()
        copy = backups.back_up(db_path, output=db_path.parent / "copy.sqlite3")
    assert _titles(copy) == {"Committed"}


def test_list_backups_shows_dates_and_counts_newest_first(database, db_path) -> None:
    DialogueRepository(database).save(make_dialogue("One"))
    first = backups.back_up(db_path)
    DialogueRepository(database).save(make_dialogue("Two"))
    second = backups.back_up(db_path)
    listed = backups.list_backups(db_path)
    assert [b.path for b in listed] == [second, first]
    assert [b.dialogues for b in listed] == [2, 1]
    assert all(b.usable and b.created.tzinfo is not None for b in listed)
    assert "2 dialogues" in listed[0].describe()


@pytest.mark.parametrize("content", [b"", b"\0" * 8192, b"not a database at all", b"SQLite format 3\0" + b"\1" * 5000])
def test_a_bad_backup_is_refused_and_the_database_is_untouched(database, db_path, tmp_path, content) -> None:
    DialogueRepository(database).save(make_dialogue("Current"))
    database.close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="cannot be restored"):
        backups.restore(db_path, bad)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob(".*restoring*"))


def test_a_backup_from_a_newer_program_or_another_program_is_refused(database, db_path, tmp_path) -> None:
    database.close()
    newer = backups.back_up(db_path, output=tmp_path / "newer.sqlite3")
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(UserError, match="newer version"):
        backups.verify_backup(newer)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER)")
    with pytest.raises(UserError, match="not a Dialogue Register database"):
        backups.verify_backup(foreign)


def test_restore_refuses_while_another_window_has_the_database_open(database, db_path) -> None:
    DialogueRepository(database).save(make_dialogue("Open elsewhere"))
    copy = backups.back_up(db_path)
    DialogueRepository(database).count()  # the other window holds an open connection
    with pytest.raises(DatabaseLocked, match="open in another window"):
        backups.restore(db_path, copy, timeout=0.2)
    assert _titles(db_path) == {"Open elsewhere"}


def test_restore_over_a_damaged_database_keeps_the_damaged_bytes(database, db_path) -> None:
    DialogueRepository(database).save(make_dialogue("Good"))
    copy = backups.back_up(db_path)
    database.close()
    db_path.write_bytes(b"\0" * 4096)
    backups.restore(db_path, copy)
    assert _titles(db_path) == {"Good"}
    damaged = list(backups.backups_folder(db_path).glob("*-damaged-*.sqlite3"))
    assert len(damaged) == 1 and damaged[0].read_bytes() == b"\0" * 4096
    assert backups.latest_good_backup(db_path) is not None


def test_rotation_keeps_the_last_ten_and_one_a_month_for_a_year(db_path) -> None:
    db_path.parent.mkdir(parents=True)
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    made = [_fake_backup(db_path, now - timedelta(days=3 * i, minutes=i)) for i in range(200)]
    manual_elsewhere = db_path.parent / "my-copy.sqlite3"
    manual_elsewhere.write_bytes(b"x")
    damaged = _fake_backup(db_path, now - timedelta(days=900), backups.DAMAGED_REASON)

    backups.rotate(db_path, now)

    kept = {p for p in made if p.exists()}
    assert set(made[:10]) <= kept
    months = {(b.created.year, b.created.month) for b in backups._named_backups(db_path) if b.reason == "daily"}
    assert len(months) == 12 and (2025, 12) in months and (2025, 11) not in months
    assert len(kept) == 10 + 12 - len({(p.created.year, p.created.month) for p in backups._named_backups(db_path)
                                        if p.path in set(made[:10])})
    assert manual_elsewhere.exists() and damaged.exists()


def test_the_daily_backup_is_taken_at_most_once_a_day_and_not_of_an_empty_database(db_path) -> None:
    opened = open_for_work(db_path)
    assert opened.daily_backup is None  # nothing in it yet
    DialogueRepository(opened.database).save(make_dialogue())
    opened.database.close()
    second = open_for_work(db_path)
    second.database.close()
    assert second.daily_backup is not None and second.daily_backup.exists()
    third = open_for_work(db_path)
    third.database.close()
    assert third.daily_backup is None
    assert backups.back_up_if_due(db_path, now=datetime.now(UTC) + timedelta(hours=25)) is not None


def test_backups_and_database_are_readable_by_the_owner_only(database, db_path, tmp_path) -> None:
    DialogueRepository(database).save(make_dialogue())
    inside = backups.back_up(db_path)
    (tmp_path / "elsewhere").mkdir()  # `-o` writes into a folder that exists (tests/cli/test_backup_output.py)
    outside = backups.back_up(db_path, output=tmp_path / "elsewhere" / "copy.sqlite3")
    for path in (db_path, inside, outside):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(backups.backups_folder(db_path).stat().st_mode) == 0o700


def test_a_database_copied_in_readable_by_all_is_made_owner_only_on_opening(database, db_path) -> None:
    database.close()
    db_path.chmod(0o644)
    opened = open_for_work(db_path)
    opened.database.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_a_database_the_officer_made_read_only_stays_read_only_on_opening(database, db_path) -> None:
    """Making the file owner-only gave it the owner's write permission too: an archived database set
    read-only (0444) became writable (0600) by merely listing it. Only the others' rights are taken."""
    database.close()
    db_path.chmod(0o444)
    opened = open_for_work(db_path)
    opened.database.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o400


def test_the_about_box_lines_say_where_everything_is(db_path) -> None:
    from desktop_app.services.startup import where_data_lives

    lines = where_data_lives(db_path)
    assert lines[0].endswith(str(db_path)) and "backups" in lines[1] and "newest 10" in lines[1]
    assert lines[2].endswith(f"drafts/{db_path.name}")  # each database its own drafts (issue 13, finding 6)


def test_a_restore_through_a_symlink_replaces_the_file_it_points_at_and_the_link_stays(tmp_path) -> None:
    """A database opened by a link (~/dialogues.sqlite3 → a folder elsewhere): the restore replaced the
    link with a plain file, so the real database kept the old records and opening it by its own path
    (or by the link, once recreated) showed them again; a stale -shm stayed beside it."""
    real = tmp_path / "Папка данных" / "база диалогов.sqlite3"
    real.parent.mkdir()
    link = tmp_path / "dialogues.sqlite3"
    open_database(real).close()
    link.symlink_to(real)
    database = open_database(link)
    repository = DialogueRepository(database)
    repository.save(make_dialogue("Kept dialogue"))
    copy = backups.back_up(link)
    repository.save(make_dialogue("Added after the backup"))
    database.close()

    backups.restore(link, copy)

    assert link.is_symlink() and link.resolve() == real.resolve()
    assert _titles(real) == {"Kept dialogue"}
    assert not any(real.parent.glob("*.restoring"))


def test_restoring_a_databases_own_file_through_its_link_is_refused(database, db_path, tmp_path) -> None:
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db_path)
    DialogueRepository(database).save(make_dialogue("Kept dialogue"))
    database.close()
    with pytest.raises(UserError, match="database itself"):
        backups.restore(link, db_path)
    assert link.is_symlink()


@pytest.mark.parametrize("where", ["copy", "sync", "kept copy"])
def test_a_restore_on_a_full_disk_says_nothing_was_restored(database, db_path, monkeypatch, where) -> None:
    """A full disk while the backup was copied beside the database said "free some space and back up
    again" (the officer was restoring) or named the hidden temporary file (".dialogues.sqlite3.restoring
    was not written"). Now one sentence about the restore; the database is left as it was."""
    import errno

    from desktop_app.domain.errors import DatabaseFull
    from desktop_app.services import safe_files

    DialogueRepository(database).save(make_dialogue("Kept dialogue"))
    copy = backups.back_up(db_path)
    DialogueRepository(database).save(make_dialogue("Added after the backup"))
    database.close()
    if where == "copy":
        def full_copy(source, target, timeout=5.0):
            raise backups._copy_error(sqlite3.OperationalError("database or disk is full"), Path(source))
        monkeypatch.setattr(backups, "write_copy", full_copy)
    elif where == "sync":
        def full_sync(_descriptor) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(safe_files, "_sync", full_sync)
    else:
        def full_backup(*_args, **_kwargs):
            raise backups._copy_error(sqlite3.OperationalError("database or disk is full"), db_path)
        monkeypatch.setattr(backups, "back_up", full_backup)
    with pytest.raises(DatabaseFull) as raised:
        backups.restore(db_path, copy)
    message = raised.value.message
    assert "restore" in message and "back up again" not in message and ".restoring" not in message, message
    assert _titles(db_path) == {"Kept dialogue", "Added after the backup"}
    assert not list(db_path.parent.glob(".*restoring*"))
