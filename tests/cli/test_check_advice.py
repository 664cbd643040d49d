"""`check` of a file that is not damaged but is not this program's to open.

Round 17: every unsound file ended "The database is NOT sound; restore it from a backup." For a
database written by a newer version of the program that advice loses data: an older backup restored
over it drops every record entered since (the right answer is to update the program). For another
program's SQLite file (a --db typo) there is nothing to restore: the path is wrong. Exit 1 in both.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.cli import main


def test_a_database_of_a_newer_version_is_not_to_be_restored_over(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 1
    said = capsys.readouterr().out
    assert "restore it from a backup" not in said and "update Dialogue Register" in said, said


def test_another_programs_file_is_said_to_be_the_wrong_file(tmp_path: Path, capsys) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text)")
    connection.close()
    capsys.readouterr()
    assert main(["--db", str(other), "check"]) == 1
    said = capsys.readouterr().out
    assert "restore it from a backup" not in said and "not a Dialogue Register database" in said, said
    assert "--db" in said.splitlines()[-1], said
