"""A load without row-by-row foreign keys checks every reference of the file once before its commit
(`bulk_writing.breaks_a_reference`, issue 19): one look per value where an index leads with the
reference's column, SQLite's `PRAGMA foreign_key_check` for the others. It must find a broken
reference exactly when the pragma does (hypothesis, on a real file broken at random), or a row
naming nothing would be kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop_app.db.bulk_writing import breaks_a_reference


def _copy(path: Path) -> sqlite3.Connection:
    """The file's content in memory, foreign keys and CHECK constraints off (so any row may be broken)."""
    source = sqlite3.connect(path)
    copy = sqlite3.connect(":memory:")
    source.backup(copy)
    source.close()
    copy.execute("PRAGMA foreign_keys=OFF")
    copy.execute("PRAGMA ignore_check_constraints=ON")  # a reference alone is broken, whatever a CHECK says
    return copy


def _pragma_finds(connection: sqlite3.Connection) -> bool:
    return connection.execute("PRAGMA foreign_key_check").fetchone() is not None


def _references(connection: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(table, column, parent, parent column) of every reference of the file."""
    found = []
    for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"):
        for _, _, parent, column, parent_column, *_ in connection.execute(f'PRAGMA foreign_key_list("{table}")'):
            found.append((table, column, parent, parent_column))
    return sorted(found)


def test_a_sound_file_breaks_no_reference(loaded: Path) -> None:
    connection = _copy(loaded)
    assert not _pragma_finds(connection)
    assert breaks_a_reference(connection) is False


@pytest.mark.parametrize(("table", "column", "by_value"), [
    ("participants", "person_id", True), ("participants", "institution_id", True),
    ("participants", "delegation_id", True), ("person_other_names", "person_id", True),
    ("dialogues", "chair_country", False),  # no index leads with it: the pragma checks the table
])
def test_each_way_of_looking_finds_a_reference_to_nothing(loaded: Path, table: str, column: str,
                                                          by_value: bool) -> None:
    """A reference checked value by value and one checked by the pragma: each broken on its own."""
    connection = _copy(loaded)
    leading = {connection.execute(f'PRAGMA index_info("{index}")').fetchone()[2]
               for _, index, *_ in connection.execute(f'PRAGMA index_list("{table}")')}
    assert (column in leading) is by_value
    rowid = connection.execute(f'SELECT min(rowid) FROM "{table}"').fetchone()[0]
    assert rowid is not None
    connection.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?',
                       ("ZZ" if column.endswith("country") else "no-such-id", rowid))
    assert _pragma_finds(connection)
    assert breaks_a_reference(connection) is True
    try:  # NULL names nothing, so it breaks nothing (where the column may hold it)
        connection.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', (rowid,))
    except sqlite3.IntegrityError:
        return
    assert not _pragma_finds(connection)
    assert breaks_a_reference(connection) is False


# One change to the file: (reference number, what the child's row is set to) or a parent row deleted
CHANGES = st.lists(st.tuples(st.sampled_from(["set", "delete"]), st.integers(0, 10_000), st.integers(0, 10_000),
                             st.sampled_from(["other row's", "unknown", "null", "blob", "number", "case"])),
                   min_size=1, max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(CHANGES)
def test_the_check_finds_a_broken_reference_exactly_when_the_pragma_does(
        loaded: Path, changes: list[tuple[str, int, int, str]]) -> None:
    """Rows of any table set to another row's value, an unknown one, NULL, a blob, a number or the
    same text in other case, or parent rows deleted: the one check and SQLite's agree."""
    connection = _copy(loaded)
    references = _references(connection)
    for action, which, row, value in changes:
        table, column, parent, parent_column = references[which % len(references)]
        if action == "delete":
            rowids = [rowid for (rowid,) in connection.execute(f'SELECT rowid FROM "{parent}" ORDER BY rowid')]
            if rowids:
                connection.execute(f'DELETE FROM "{parent}" WHERE rowid = ?', (rowids[row % len(rowids)],))
            continue
        rowids = [rowid for (rowid,) in connection.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid')]
        if not rowids:
            continue
        current = connection.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?',
                                     (rowids[row % len(rowids)],)).fetchone()[0]
        parents = [key for (key,) in connection.execute(f'SELECT "{parent_column}" FROM "{parent}"')]
        new = {"other row's": parents[row % len(parents)] if parents else None, "unknown": "unknown-value",
               "null": None, "blob": str(current).encode() if current is not None else b"x", "number": 7,
               "case": str(current).swapcase() if current is not None else "kz"}[value]
        try:
            connection.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (new, rowids[row % len(rowids)]))
        except sqlite3.IntegrityError:  # a NOT NULL or a unique index: that change cannot be made
            continue
    broken = _pragma_finds(connection)
    event(f"broken: {broken}")
    assert breaks_a_reference(connection) is broken
