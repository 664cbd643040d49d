"""`check` of a sound database that it may read but not write: exit 0, never "NOT sound".

The search indexes are checked by FTS5's `integrity-check`, an INSERT. On a file the officer may only
read (a copy from a colleague, a read-only share), or while another program is writing (the window
saving, an import), that INSERT fails with SQLITE_READONLY or SQLITE_BUSY; both were reported as "the
search index does not match" and `check` told the officer to restore a sound database from a backup
(exit 1). Only SQLite's "corrupt" answer is a mismatch; the others say the indexes were not checked.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.checking import check_database
from tests.cli.without_root import without_root_powers
from tests.factories import make_dialogue

ROOT = Path(__file__).resolve().parents[2]


def _sound_database(path: Path) -> Path:
    database = open_database(path)
    try:
        DialogueRepository(database).save(make_dialogue("Harm reduction round table"))
    finally:
        database.close()
    return path


def test_check_of_a_read_only_sound_database_says_sound(tmp_path: Path) -> None:
    db = _sound_database(tmp_path / "colleague.sqlite3")
    before = db.read_bytes()
    db.chmod(0o400)
    result = subprocess.run(
        without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(db), "check"]),
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The database is sound." in result.stdout
    assert "does not match" not in result.stdout
    assert "read-only" in result.stdout  # the officer is told what was not checked, and why
    assert db.read_bytes() == before


def test_check_while_another_program_writes_does_not_call_the_indexes_damaged(tmp_path: Path,
                                                                               monkeypatch) -> None:
    db = _sound_database(tmp_path / "dialogues.sqlite3")
    monkeypatch.setattr("desktop_app.services.checking.BUSY_WAIT", 0.2)
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # the window in the middle of a save
        writer.execute("UPDATE dialogues SET city = city")
        report = check_database(db)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert report.sound, report.problems
    assert any("another program was writing" in note for note in report.notes)


def test_check_of_a_database_the_officer_may_not_read_says_so_not_unsound(tmp_path: Path) -> None:
    """It said "Problem: the file cannot be opened … The database is NOT sound; restore it from a
    backup" of a sound file whose permissions keep the officer out; `list` says "cannot be read"."""
    db = _sound_database(tmp_path / "dialogues.sqlite3")
    db.chmod(0)
    try:
        result = subprocess.run(
            without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(db), "check"]),
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
            capture_output=True, text=True, timeout=120)
    finally:
        db.chmod(0o600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "NOT sound" not in result.stdout and "restore it from a backup" not in result.stdout + result.stderr
    assert result.stderr.strip() == f"dialogue-register: The database {db} cannot be read (Permission denied)."


def test_check_of_an_empty_file_makes_the_database_it_creates_owner_only(tmp_path: Path) -> None:
    """`check` of an empty file (made with `touch`, readable by all) created the database in it and left
    it 0644, readable by every account on the computer; every other way in makes it owner-only."""
    import stat

    path = tmp_path / "new.sqlite3"
    path.touch()
    path.chmod(0o644)
    assert check_database(path).sound
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
