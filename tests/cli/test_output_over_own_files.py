"""No file the program writes replaces one of its own backups or drafts, or a database (round 17).

`report -o <db folder>/backups/<a backup>.sqlite3 --format html` replaced one of the program's own
backups without a word: only the open database was refused. Now a report, an export or a document is
refused, in one sentence, anywhere in the database's backups/ or drafts/ folder and over any SQLite
database; `backup -o` may replace an earlier backup of a register (the officer's weekly copy on a
stick) but not another database (another program's, or a register in use), nor write into backups/.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.backups import back_up
from tests.factories import make_dialogue

ROOT = Path(__file__).resolve().parents[2]


def _run(db: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), *args],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)},
                          capture_output=True, text=True, timeout=120)


def _database(tmp_path: Path, title: str = "Harm reduction round table") -> Path:
    db = tmp_path / "data" / "dialogues.sqlite3"
    database = open_database(db)
    try:
        DialogueRepository(database).save(make_dialogue(title))
    finally:
        database.close()
    return db


def test_a_report_over_one_of_the_programs_backups_is_refused_and_the_backup_kept(tmp_path: Path) -> None:
    db = _database(tmp_path)
    kept = back_up(db, "manual")
    before = kept.read_bytes()
    result = _run(db, tmp_path / "home", "report", "-o", str(kept), "--format", "html")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.strip() == (f"dialogue-register: {kept} is in the folder where the program keeps its "
                                      "backups; choose a place outside it.")
    assert kept.read_bytes() == before


def test_an_export_into_the_drafts_folder_is_refused(tmp_path: Path) -> None:
    db = _database(tmp_path)
    drafts = db.parent / "drafts" / db.name
    drafts.mkdir(parents=True)
    target = drafts / "bundle.json"
    result = _run(db, tmp_path / "home", "export", "-o", str(target))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "keeps its drafts; choose a place outside it." in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


def test_a_report_over_any_database_is_refused_and_the_database_kept(tmp_path: Path) -> None:
    db = _database(tmp_path)
    other = tmp_path / "elsewhere.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE moz_places (url TEXT)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    result = _run(db, tmp_path / "home", "report", "-o", str(other), "--format", "html")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.strip() == f"dialogue-register: {other} is a database file; choose another file name."
    assert other.read_bytes() == before


def test_backup_output_may_replace_an_earlier_backup(tmp_path: Path) -> None:
    db = _database(tmp_path)
    stick = tmp_path / "stick" / "register.sqlite3"
    stick.parent.mkdir()
    assert _run(db, tmp_path / "home", "backup", "-o", str(stick)).returncode == 0
    database = open_database(db)
    try:
        DialogueRepository(database).save(make_dialogue("Second dialogue"))
    finally:
        database.close()
    result = _run(db, tmp_path / "home", "backup", "-o", str(stick))
    assert result.returncode == 0, result.stdout + result.stderr
    copy = sqlite3.connect(f"{stick.as_uri()}?mode=ro", uri=True)
    try:
        assert copy.execute("SELECT count(*) FROM dialogues").fetchone()[0] == 2
    finally:
        copy.close()



def test_backup_output_into_the_programs_backups_folder_is_refused(tmp_path: Path) -> None:
    """The program's own backups are written by `backup` without -o: a copy put there by hand would be
    listed and rotated by a date its name does not have, or replace a safety copy (before a restore)."""
    db = _database(tmp_path)
    own = back_up(db, "manual")
    before = own.read_bytes()
    for target in (own, own.with_name("weekly.sqlite3")):
        result = _run(db, tmp_path / "home", "backup", "-o", str(target))
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.strip() == (f"dialogue-register: {target} is in the folder where the program keeps "
                                          "its backups; choose a place outside it.")
    assert own.read_bytes() == before
    assert not own.with_name("weekly.sqlite3").exists()


def test_backup_output_over_another_database_is_refused(tmp_path: Path) -> None:
    db = _database(tmp_path)
    foreign = tmp_path / "places.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE moz_places (url TEXT)")
    connection.commit()
    connection.close()
    other_register = _database(tmp_path / "colleague", "Colleague's dialogue")  # a register, worked on (WAL)
    for target in (foreign, other_register):
        before = target.read_bytes()
        result = _run(db, tmp_path / "home", "backup", "-o", str(target))
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.strip() == (f"dialogue-register: {target} is a database, not a backup written by "
                                          "Dialogue Register; choose another file name.")
        assert target.read_bytes() == before
