"""A sound database in a folder the officer may not write (a read-only share, a write-protected stick).

SQLite must create its `-shm` beside a WAL database even to read it, so in such a folder it answers
SQLITE_READONLY_DIRECTORY. The opening probe read every error as damage: `list`, `report`, `export`
… said "d.sqlite3 is damaged or is not a Dialogue Register database; restore it from a backup" — of a
sound file, sending the officer to replace good records. Now the sentence names the permissions.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.cli.without_root import without_root_powers
from tests.factories import make_dialogue

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def read_only_folder(tmp_path: Path):
    folder = tmp_path / "share"
    folder.mkdir()
    database = open_database(folder / "dialogues.sqlite3")
    try:
        DialogueRepository(database).save(make_dialogue("Harm reduction round table"))
    finally:
        database.close()
    folder.chmod(0o500)
    yield folder / "dialogues.sqlite3"
    folder.chmod(0o700)


@pytest.mark.parametrize("command", [["list"], ["people"], ["export", "-o", "{home}/out.json"],
                                     ["report", "-o", "{home}/report.html"]])
def test_a_sound_database_in_a_read_only_folder_is_not_called_damaged(read_only_folder: Path, tmp_path: Path,
                                                                      command: list[str]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    before = read_only_folder.read_bytes()
    arguments = [part.replace("{home}", str(home)) for part in command]
    result = subprocess.run(
        without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(read_only_folder), *arguments]),
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "damaged" not in result.stderr and "restore it from a backup" not in result.stderr, result.stderr
    assert "permissions" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert read_only_folder.read_bytes() == before
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == ["dialogues.sqlite3"]


def test_check_of_a_sound_database_in_a_read_only_folder_does_not_call_it_unsound(read_only_folder: Path,
                                                                                   tmp_path: Path) -> None:
    """`check` could not read it either, and said "NOT sound; restore it from a backup"."""
    before = read_only_folder.read_bytes()
    result = subprocess.run(
        without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(read_only_folder), "check"]),
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "NOT sound" not in result.stdout and "restore it from a backup" not in result.stdout + result.stderr
    assert "permissions" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert read_only_folder.read_bytes() == before


def test_a_change_to_a_read_only_database_file_names_the_file_not_its_folder(tmp_path: Path) -> None:
    """A database file set read-only (an archived copy) in a folder the officer may write: an import
    said "cannot be written here; check the folder's permissions", and the folder was fine."""
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "dialogues 2023.sqlite3"
    database = open_database(path)
    try:
        DialogueRepository(database).save(make_dialogue("Harm reduction round table"))
    finally:
        database.close()
    path.chmod(0o400)
    before = path.read_bytes()
    result = subprocess.run(
        without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(path), "demo"]),
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "folder" not in result.stderr and "read-only" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert path.read_bytes() == before


def test_a_restore_into_a_read_only_folder_names_the_folder_not_a_hidden_file(read_only_folder: Path,
                                                                             tmp_path: Path) -> None:
    """It said "…/.dialogues.sqlite3.restoring cannot be written (Permission denied); any earlier file of that
    name was left as it was": a hidden temporary file the officer never heard of, and not whether anything
    was restored."""
    import shutil

    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(read_only_folder, copy)
    before = read_only_folder.read_bytes()
    result = subprocess.run(
        without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(read_only_folder), "restore",
                             str(copy)]),
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert ".restoring" not in result.stderr and "nothing was restored" in result.stderr, result.stderr
    assert str(read_only_folder.parent) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert read_only_folder.read_bytes() == before
