"""SQLite's errors reach the officer as one sentence of the one user-facing type, classified by SQLite's
error code (not by the wording of its message): busy, locked, full, corrupt, read-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.db.errors import user_error_for
from desktop_app.domain.errors import (
    DatabaseCorrupt,
    DatabaseFull,
    DatabaseLocked,
    DatabaseReadOnly,
    UserError,
)


def _raised(action) -> sqlite3.Error:  # type: ignore[no-untyped-def]
    with pytest.raises(sqlite3.Error) as caught:
        action()
    return caught.value


def _busy(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        return _raised(lambda: other.execute("BEGIN IMMEDIATE"))
    finally:
        other.close()
        holder.close()


def _locked(tmp_path: Path) -> sqlite3.Error:
    """SQLITE_LOCKED: a conflict inside one connection (a table dropped while a statement still reads it)."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.execute("CREATE TABLE t (x)")
    connection.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(10)])
    cursor = connection.execute("SELECT x FROM t")
    cursor.fetchone()
    return _raised(lambda: connection.execute("DROP TABLE t"))


def _full(tmp_path: Path) -> sqlite3.Error:
    connection = sqlite3.connect(tmp_path / "full.sqlite3", isolation_level=None)
    connection.execute("CREATE TABLE t (x)")
    connection.execute("PRAGMA max_page_count=3")
    return _raised(lambda: connection.execute("INSERT INTO t VALUES (zeroblob(100000))"))


def _corrupt(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    return _raised(lambda: sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall())


def _read_only(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "ro.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    return _raised(lambda: connection.execute("INSERT INTO t VALUES (1)"))


@pytest.mark.parametrize(("make", "kind", "words"), [
    (_busy, DatabaseLocked, "in use by another program"),
    (_locked, DatabaseLocked, "in use by another program"),
    (_full, DatabaseFull, "full"),
    (_corrupt, DatabaseCorrupt, "damaged"),
    (_read_only, DatabaseReadOnly, "cannot be written"),
])
def test_each_sqlite_error_code_is_one_clear_sentence(tmp_path, make, kind, words) -> None:
    error = make(tmp_path)
    user_error = user_error_for(error, Path("dialogues.sqlite3"))
    assert isinstance(user_error, kind) and isinstance(user_error, UserError)
    assert words in user_error.message and "dialogues.sqlite3" in user_error.message
    assert ". " not in user_error.message and user_error.message.endswith(".")  # one sentence


def test_the_code_decides_not_the_wording(tmp_path) -> None:
    """A full disk whose message does not say "full" (SQLite's texts are not a promise) is still full."""
    error = sqlite3.OperationalError("something unexpected")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    assert isinstance(user_error_for(error, Path("x.sqlite3")), DatabaseFull)
