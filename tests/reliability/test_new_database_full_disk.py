"""A new database on a full disk (issue 21, finding 10): one sentence, and no half-made file left to
be called "not a Dialogue Register database" later; `check` on an older layout does not say
"restore it from a backup"."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop_app import cli
from desktop_app.db import migrate
from desktop_app.db.opening import open_database
from desktop_app.domain.errors import UserError

ARCHIVES = Path(__file__).parents[1] / "db" / "archives"


def _fills_the_disk_half_way(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        connection.execute(text("CREATE TABLE people (id VARCHAR(36) PRIMARY KEY)"))
    raise OperationalError("CREATE TABLE dialogues", {}, sqlite3.OperationalError("database or disk is full"))


@pytest.mark.parametrize("failure", ["sqlite", "oserror"])
def test_a_new_database_on_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             failure: str) -> None:
    def no_room(engine) -> None:  # type: ignore[no-untyped-def]
        if failure == "oserror":
            raise OSError(errno.ENOSPC, "No space left on device")
        _fills_the_disk_half_way(engine)

    path = tmp_path / "new.sqlite3"
    monkeypatch.setattr(migrate, "_run_alembic", no_room)
    with pytest.raises(UserError, match="is full; free some space") as refused:
        open_database(path)
    assert "\n" not in refused.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.undo()
    open_database(path).close()  # room again: created normally


def test_a_creation_cut_short_earlier_is_made_again_not_called_foreign(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("CREATE TABLE people (id VARCHAR(36) PRIMARY KEY)")
    connection.commit()
    connection.close()
    open_database(path).close()
    assert migrate.SCHEMA_HEAD in sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone()


def test_a_foreign_or_non_empty_file_is_still_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE recipes (id INTEGER)")
    connection.commit()
    connection.close()
    ours_with_data = tmp_path / "ours.sqlite3"
    connection = sqlite3.connect(ours_with_data)
    connection.execute("CREATE TABLE people (id VARCHAR(36) PRIMARY KEY)")
    connection.execute("INSERT INTO people VALUES ('someone')")
    connection.commit()
    connection.close()
    for path in (foreign, ours_with_data):
        before = path.read_bytes()
        with pytest.raises(UserError, match="not made by Dialogue Register"):
            open_database(path)
        assert path.read_bytes() == before


def test_check_on_an_older_layout_says_it_will_be_upgraded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(ARCHIVES / "schema-0003.sqlite3", path)
    assert cli.main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "will be upgraded when the database is opened" in out
    assert "restore it from a backup" not in out and "NOT sound" not in out


SCRIPT = """
import sys
from pathlib import Path
from desktop_app.db.opening import open_database
from desktop_app.domain.errors import UserError
path = Path(sys.argv[1]) / "new.sqlite3"
try:
    open_database(path).close()
    print("created")
except UserError as error:
    print("refused:", error.message)
print(sorted(p.name for p in path.parent.iterdir()))
"""


@pytest.mark.slow
def test_a_new_database_on_a_real_full_disk(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", str(mount)],
                                           capture_output=True, check=False).returncode:
        pytest.skip("no tmpfs can be mounted here")
    try:
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(mount)], capture_output=True, text=True,
                                timeout=120, check=False)
    finally:
        subprocess.run(["umount", str(mount)], check=False)
    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout and "full" in result.stdout, result.stdout
    assert result.stdout.strip().endswith("[]"), result.stdout
