"""`backup -o FILE` into a folder that does not exist, or cannot be made.

Every other command that writes a file (export, report, document) refuses a missing folder with one
sentence, as docs/files-and-backups.md says the one writer does. `backup -o` made the folders itself
(`/nonexistent/b.sqlite3`: a new top-level folder, "Backup written", exit 0), and where it could not
make them (inside a folder the officer may not write) it ended in an internal error (PermissionError)
instead of one sentence.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.cli.without_root import without_root_powers
from tests.factories import make_dialogue

ROOT = Path(__file__).resolve().parents[2]


def _backup(db: Path, home: Path, output: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(db), "backup", "-o",
                                               str(output)]),
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)},
                          capture_output=True, text=True, timeout=120)


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "dialogues.sqlite3"
    database = open_database(db)
    try:
        DialogueRepository(database).save(make_dialogue("Harm reduction round table"))
    finally:
        database.close()
    return db


def test_backup_to_a_folder_that_does_not_exist_is_refused_like_any_other_file(tmp_path: Path) -> None:
    db = _database(tmp_path)
    result = _backup(db, tmp_path / "home", tmp_path / "missing" / "deeper" / "b.sqlite3")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.strip() == f"dialogue-register: The folder {tmp_path / 'missing' / 'deeper'} does not exist."
    assert not (tmp_path / "missing").exists()
    assert "Backup written" not in result.stdout


def test_backup_into_a_folder_that_cannot_be_made_is_one_sentence(tmp_path: Path) -> None:
    db = _database(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        result = _backup(db, tmp_path / "home", locked / "sub" / "b.sqlite3")
    finally:
        locked.chmod(0o700)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "went wrong inside" not in result.stderr and "does not exist" in result.stderr, result.stderr
    assert not (locked / "sub").exists()


def test_backup_with_an_empty_output_is_refused_like_export_not_written_elsewhere(tmp_path: Path) -> None:
    """`backup -o "$DEST"` with DEST empty wrote into backups/ as if no -o was given (exit 0): the copy
    meant for the stick was not there. `export -o ""` refuses; so does backup now, writing nothing."""
    db = _database(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "backup", "-o", ""],
                            cwd=home, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "is empty" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (db.parent / "backups").exists() or not any((db.parent / "backups").glob("*-manual-*"))
    assert list(home.iterdir()) == []


def test_backup_when_a_file_stands_where_the_backups_folder_goes_is_one_sentence(tmp_path: Path) -> None:
    """A file named `backups` beside the database: "Something went wrong inside Dialogue Register
    (FileExistsError)" instead of a sentence."""
    db = _database(tmp_path)
    (db.parent / "backups").write_text("not a folder")
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "backup"],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cannot be created" in result.stderr and "went wrong" not in result.stderr, result.stderr
    assert (db.parent / "backups").read_text() == "not a folder"
