"""`restore FILE` of a backup the officer may not read (copied from another account, a stick mounted
with other permissions).

It said "it is not an SQLite database (damaged or another kind of file)" — a sound backup called
damaged, which an officer may then delete. It now says the file cannot be read; the database is left
as it was either way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.cli import main
from tests.cli.without_root import without_root_powers

ROOT = Path(__file__).resolve().parents[2]


def test_a_backup_the_officer_may_not_read_is_not_called_damaged(tmp_path: Path) -> None:
    db = tmp_path / "dialogues.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    backup = tmp_path / "copy.sqlite3"
    assert main(["--db", str(db), "backup", "-o", str(backup)]) == 0
    before = db.read_bytes()
    backup.chmod(0)
    try:
        result = subprocess.run(
            without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(db), "restore", str(backup)]),
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
            capture_output=True, text=True, timeout=120)
    finally:
        backup.chmod(0o600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "damaged" not in result.stderr and "not an SQLite database" not in result.stderr, result.stderr
    assert "cannot be read" in result.stderr, result.stderr
    assert db.read_bytes() == before


def test_a_plain_copy_of_the_database_on_a_read_only_stick_restores(tmp_path: Path) -> None:
    """The database file copied as it is (left in WAL mode by the window) onto a stick or share the
    officer may only read: SQLite must make a -shm beside such a file even to read it, the folder
    refuses (SQLITE_READONLY_DIRECTORY), and restore called the sound copy "not an SQLite database
    (damaged or another kind of file)". With no write-ahead log beside it, it is read as it lies."""
    import shutil

    db = tmp_path / "dialogues.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copyfile(db, stick / "dialogues.sqlite3")  # the header says WAL, as the live file's does
    stick.chmod(0o555)
    try:
        result = subprocess.run(
            without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(db), "restore",
                                 str(stick / "dialogues.sqlite3")]),
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
            capture_output=True, text=True, timeout=120)
    finally:
        stick.chmod(0o755)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Restored 4 dialogues" in result.stdout, result.stdout
    assert sorted(p.name for p in stick.iterdir()) == ["dialogues.sqlite3"]
