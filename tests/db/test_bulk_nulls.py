"""`bulk_writing.insert_rows` (issue 19, round 9): a column that is NULL in every row of an
`executemany` is written as the literal NULL in its statement, not bound row by row (Python's
sqlite3 module binds None through its adapter lookup, ≈ 0.45 µs a value; a 2,000-dialogue import
binds ~120,000, most of them in columns no new row fills). The table ends exactly as with every
value bound: the same rows, in the same order, each value of the same type."""

from __future__ import annotations

import sqlite3
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.db import bulk_writing

NAMES = ["a", "b", "c", "d"]
VALUE = st.none() | st.integers(-3, 3) | st.text(max_size=3) | st.floats(allow_nan=False) | st.booleans()


def _table(connection: sqlite3.Connection, name: str) -> None:
    connection.execute(f"CREATE TABLE {name} (a, b TEXT, c INTEGER, d TEXT NOT NULL DEFAULT 'x')")


def _content(connection: sqlite3.Connection, name: str) -> list[tuple[Any, ...]]:
    return connection.execute(f"SELECT rowid, a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d) FROM {name} "
                              "ORDER BY rowid").fetchall()


@st.composite
def rows(draw: st.DrawFn) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Rows of some of the columns, each column NULL in every row, in none, or in some."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, unique=True))
    null = [draw(st.sampled_from(["always", "never", "sometimes"])) for _ in names]
    count = draw(st.integers(1, 12))
    found = []
    for _ in range(count):
        found.append(tuple(None if kind == "always" else draw(VALUE.filter(lambda v: v is not None))
                           if kind == "never" else draw(VALUE) for kind in null))
    return names, found


@settings(max_examples=300, deadline=None)
@given(rows(), st.integers(1, 5))
def test_rows_with_null_columns_are_stored_as_when_every_value_is_bound(
        drawn: tuple[list[str], list[tuple[Any, ...]]], per_execute: int) -> None:
    names, values = drawn
    connection = sqlite3.connect(":memory:")
    _table(connection, "bound")
    _table(connection, "fast")
    expected: Any
    try:
        connection.executemany(f"INSERT INTO bound ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                               values)
        expected = _content(connection, "bound")
    except sqlite3.IntegrityError as error:  # NOT NULL: refused the same way
        expected = str(error).replace("bound.", "")
    cursor = connection.cursor()
    try:
        bulk_writing.insert_rows(cursor, "fast", names, values, per_execute)
        found: Any = _content(connection, "fast")
    except sqlite3.IntegrityError as error:
        found = str(error).replace("fast.", "")
    assert found == expected


class _Recording:
    """A cursor that notes each statement and its rows before running them."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.cursor = cursor
        self.seen: list[tuple[str, list[tuple[Any, ...]]]] = []

    def executemany(self, statement: str, values: Any) -> None:
        self.seen.append((statement, list(values)))
        self.cursor.executemany(statement, self.seen[-1][1])


def test_a_column_null_in_every_row_is_not_bound() -> None:
    connection = sqlite3.connect(":memory:")
    _table(connection, "t")
    cursor = _Recording(connection.cursor())
    bulk_writing.insert_rows(cursor, "t", ["a", "b", "c"], [(1, None, None), (2, None, 3)], 10)
    assert cursor.seen == [("INSERT INTO t (a, b, c) VALUES (?, NULL, ?)", [(1, None), (2, 3)])]
    assert _content(connection, "t") == [(1, 1, "integer", None, "null", None, "null", "x", "text"),
                                         (2, 2, "integer", None, "null", 3, "integer", "x", "text")]
