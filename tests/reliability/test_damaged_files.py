"""Damaged, foreign and newer files: every command exits 1 with one sentence and leaves the file as it was."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.cli import main
from desktop_app.db.opening import open_database
from desktop_app.domain.errors import DatabaseCorrupt
from desktop_app.services.backups import back_up, latest_good_backup
from desktop_app.services.exchange.codec import bundle_to_json
from desktop_app.services.samples import load_samples

SCRIPT = shutil.which("dialogue-register", path=str(Path(sys.executable).parent)) or "dialogue-register"


@pytest.fixture(scope="module")
def good_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.sqlite3"
    database = open_database(path)
    load_samples(database)
    database.close()
    return path


def _truncated(good: Path, target: Path) -> None:
    data = good.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def _zeroed(good: Path, target: Path) -> None:
    target.write_bytes(b"\0" * good.stat().st_size)


def _random(good: Path, target: Path) -> None:
    target.write_bytes(random.Random(5).randbytes(good.stat().st_size))


def _text(good: Path, target: Path) -> None:
    target.write_text("Minutes of the meeting, not a database.\n" * 100)


def _damaged_pages(good: Path, target: Path) -> None:
    data = bytearray(good.read_bytes())
    data[4096 * 3: 4096 * 6] = random.Random(7).randbytes(4096 * 3)
    target.write_bytes(bytes(data))


def _foreign_sqlite(good: Path, target: Path) -> None:
    with sqlite3.connect(target) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    connection.close()


def _newer(good: Path, target: Path) -> None:
    shutil.copyfile(good, target)
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()


def _empty_with_backups(good: Path, target: Path) -> None:
    shutil.copyfile(good, target)
    back_up(target)
    target.write_bytes(b"")


KINDS = {"truncated": _truncated, "zeroed": _zeroed, "random": _random, "text": _text,
         "damaged pages": _damaged_pages, "another program's SQLite": _foreign_sqlite,
         "newer version": _newer, "emptied, with backups": _empty_with_backups}


def _commands(tmp: Path) -> list[list[str]]:
    bundle = tmp / "bundle.json"
    bundle.write_text(json.dumps(bundle_to_json([], [], [], source="test")), encoding="utf-8")
    return [["demo"], ["import", str(bundle)], ["import", str(bundle), "--dry-run"],
            ["export", "-o", str(tmp / "out.json")], ["report", "-o", str(tmp / "out.xlsx")],
            ["backup"], ["backup", "-o", str(tmp / "copy.sqlite3")], ["check"]]


@pytest.mark.parametrize("kind", KINDS)
def test_every_command_refuses_a_bad_file_and_leaves_it_byte_for_byte(kind, good_database, tmp_path, capsys) -> None:
    db = tmp_path / "dialogues.sqlite3"
    KINDS[kind](good_database, db)
    before = db.read_bytes()
    for command in _commands(tmp_path):
        code = main(["--db", str(db), *command])
        captured = capsys.readouterr()
        assert code == 1, (kind, command, captured)
        if command != ["check"]:
            message = captured.err.strip()
            assert message.startswith("dialogue-register: ") and "\n" not in message, (kind, command, message)
            assert "Traceback" not in message and "bug" not in message.lower(), message
        else:
            assert "NOT sound" in captured.out or captured.err.strip(), (kind, captured)
        assert db.read_bytes() == before, (kind, command)
        assert not (tmp_path / "out.json").exists() and not (tmp_path / "copy.sqlite3").exists()


def test_the_damaged_file_points_to_the_latest_good_backup(good_database, tmp_path, capsys) -> None:
    db = tmp_path / "dialogues.sqlite3"
    shutil.copyfile(good_database, db)
    older = back_up(db)
    time.sleep(0.01)
    newer = back_up(db)
    newer.write_bytes(b"\0" * 1024)  # the newest copy is damaged too
    _zeroed(good_database, db)
    best = latest_good_backup(db)
    assert best is not None and best.path == older and best.dialogues == 4
    assert main(["--db", str(db), "restore", str(best.path)]) == 0
    assert main(["--db", str(db), "check"]) == 0
    assert "4 dialogues" in capsys.readouterr().out


def test_restore_of_a_bad_file_through_the_console_script(good_database, tmp_path) -> None:
    db = tmp_path / "dialogues.sqlite3"
    shutil.copyfile(good_database, db)
    before = db.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    _truncated(good_database, bad)
    result = subprocess.run([SCRIPT, "--db", str(db), "restore", str(bad)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot be restored" in result.stderr
    assert db.read_bytes() == before


def test_a_held_lock_gives_a_clear_error_within_the_timeout_and_works_after_release(good_database, tmp_path) -> None:
    db = tmp_path / "dialogues.sqlite3"
    shutil.copyfile(good_database, db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        locked = subprocess.run([SCRIPT, "--db", str(db), "demo"], capture_output=True, text=True, timeout=60,
                                check=False, env={**os.environ})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert locked.returncode == 1
    assert "in use by another program or window" in locked.stderr and locked.stderr.count("\n") == 1
    after = subprocess.run([SCRIPT, "--db", str(db), "demo"], capture_output=True, text=True, timeout=60,
                           check=False)
    assert after.returncode == 0, after.stderr


def test_check_names_a_broken_link_and_exits_1_without_repairing(good_database, tmp_path, capsys) -> None:
    db = tmp_path / "dialogues.sqlite3"
    shutil.copyfile(good_database, db)
    with sqlite3.connect(db) as connection:  # foreign keys are off in a bare connection: a broken link
        connection.execute("UPDATE delegations SET dialogue_id = 'gone' WHERE rowid = (SELECT min(rowid) "
                           "FROM delegations)")
    connection.close()
    assert main(["--db", str(db), "check"]) == 1
    out = capsys.readouterr().out
    assert "refers to a missing row of dialogues" in out and "NOT sound" in out
    assert main(["--db", str(db), "check"]) == 1  # still there: check never repairs


def _interrupted_checkpoint(folder: Path) -> Path:
    """A database as a crash during a checkpoint leaves it: page 1 (the header, counting the new
    pages) already copied from the write-ahead log into the file, the other new pages still only in
    the log. SQLite finishes the checkpoint from the log on the next open; nothing is lost."""
    folder.mkdir(exist_ok=True)
    path = folder / "checkpoint.sqlite3"
    database = open_database(path)
    load_samples(database)
    database.close()
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    (dialogue_id,) = writer.execute("SELECT id FROM dialogues LIMIT 1").fetchone()
    with writer:  # many topics: new pages, all of them only in the log
        writer.executemany("INSERT INTO dialogue_topics (dialogue_id, sort_order, name) VALUES (?, ?, ?)",
                           [(dialogue_id, 1000 + n, f"topic {n} " + "x" * 80) for n in range(2000)])
    page_size = writer.execute("PRAGMA page_size").fetchone()[0]
    log = Path(f"{path}-wal").read_bytes()
    newest_first_page = None
    for offset in range(32, len(log), 24 + page_size):  # frames: 24-byte header, then the page
        if int.from_bytes(log[offset:offset + 4], "big") == 1:
            newest_first_page = log[offset + 24:offset + 24 + page_size]
    assert newest_first_page is not None
    copy = folder / "copy"
    copy.mkdir()
    shutil.copy(path, copy / path.name)  # the files as they stand, the writer still holding them
    shutil.copy(f"{path}-wal", copy / f"{path.name}-wal")
    writer.close()
    damaged = copy / path.name
    with damaged.open("r+b") as handle:
        handle.write(newest_first_page)
    header = damaged.read_bytes()[:100]
    assert int.from_bytes(header[28:32], "big") * page_size > damaged.stat().st_size  # "shorter than it should be"
    return damaged


def test_a_checkpoint_cut_short_by_a_crash_is_finished_not_refused(tmp_path) -> None:
    path = _interrupted_checkpoint(tmp_path)
    database = open_database(path)  # no "cut off" verdict while the log holds the pages
    try:
        with database.reading() as session:
            topics = session.execute(text("SELECT count(*) FROM dialogue_topics WHERE sort_order >= 1000"))
            assert topics.scalar_one() == 2000  # SQLite finished the checkpoint: nothing lost
    finally:
        database.close()
    path = _interrupted_checkpoint(tmp_path / "again")
    Path(f"{path}-wal").unlink()  # without its log the same file really is cut off
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="shorter than it should be"):
        open_database(path)
    assert path.read_bytes() == before
