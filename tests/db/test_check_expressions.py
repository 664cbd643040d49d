"""A load without row-by-row foreign keys inserts its rows with SQLite's CHECK constraints switched
off and checks every table's once before the commit (issue 19, round 8, `bulk_writing.breaks_a_check`):
the constraints must be read whole from the file's own SQL, and the one check must find a row
exactly when SQLite's own row-by-row check would have refused it (hypothesis), or a value the
program's checks missed would be kept."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import CheckConstraint

from desktop_app.db import models as m
from desktop_app.db.bulk_writing import breaks_a_check, check_expressions


def _tables(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").fetchall()


def test_every_check_constraint_of_the_file_is_read(loaded: Path) -> None:
    """As many expressions as the file's SQL has CHECK constraints and the models declare, each one
    SQL that SQLite can evaluate on its table."""
    declared = {table.name: sum(isinstance(c, CheckConstraint) for c in table.constraints)
                for table in m.Base.metadata.tables.values()}
    with sqlite3.connect(loaded) as connection:
        for name, sql in _tables(loaded):
            expressions = check_expressions(sql)
            assert len(expressions) == len(re.findall(r"\bCHECK\s*\(", sql, re.IGNORECASE)), name
            assert len(expressions) == declared.get(name, 0), name
            for expression in expressions:
                connection.execute(f'SELECT count(*) FROM "{name}" WHERE NOT ({expression})').fetchone()
    assert sum(declared.values()) > 10


def test_parentheses_and_the_word_check_inside_strings_names_and_comments_are_not_sql() -> None:
    sql = """CREATE TABLE "check" (a TEXT CHECK (a IN ('(', ')', 'check (x', 'it''s)')), "check (" INT,
    [b)] TEXT, `c(` INT, -- a CHECK (comment)
    /* CHECK (1) ( */ d INT constraint ck_d check((d > 0) AND (d < 9)), CHECK(length("check (") > 0)
    )"""
    assert check_expressions(sql) == ["a IN ('(', ')', 'check (x', 'it''s)')", "(d > 0) AND (d < 9)",
                                      'length("check (") > 0']


def _changeable(connection: sqlite3.Connection, table: str) -> list[str]:
    """The columns of `table` an UPDATE may set to anything: not part of a primary key or a unique index."""
    columns = [(name, pk) for _, name, _, _, _, pk in connection.execute(f'PRAGMA table_info("{table}")')]
    unique = {column for (_, index, is_unique, *_) in connection.execute(f'PRAGMA index_list("{table}")') if is_unique
              for (_, _, column) in connection.execute(f'PRAGMA index_info("{index}")')}
    return [name for name, pk in columns if not pk and name not in unique]


def _checked(path: Path) -> list[tuple[str, str]]:
    """(table, column) for every column of a table with CHECK constraints and rows."""
    with sqlite3.connect(path) as connection:
        return [(name, column) for name, sql in _tables(path) if check_expressions(sql)
                and connection.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]
                for column in _changeable(connection, name)]


def _literals(path: Path) -> list[Any]:
    """Every quoted value the file's CHECK constraints name (the allowed values), and a few more."""
    found = {literal.replace("''", "'") for _, sql in _tables(path) for expression in check_expressions(sql)
             for literal in re.findall(r"'((?:[^']|'')*)'", expression)}
    return [*sorted(found), None, "", " ", "chief", "Country", 0, 1, -1, "1999-01-01", "2999-12-31"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_one_check_finds_a_row_exactly_when_sqlite_refuses_it_row_by_row(loaded: Path, data: Any) -> None:
    table, column = data.draw(st.sampled_from(_checked(loaded)))
    value = data.draw(st.sampled_from(_literals(loaded)))
    connection = sqlite3.connect(loaded, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("BEGIN")
        rowid = connection.execute(f'SELECT min(rowid) FROM "{table}"').fetchone()[0]
        update = f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?'
        try:
            connection.execute(update, (value, rowid))
            refused = False
        except sqlite3.IntegrityError as error:
            assume("CHECK constraint failed" in str(error))  # NOT NULL stays checked row by row
            refused = True
        connection.execute("ROLLBACK")
        connection.execute("BEGIN")
        connection.execute("PRAGMA ignore_check_constraints=ON")
        connection.execute(update, (value, rowid))
        connection.execute("PRAGMA ignore_check_constraints=OFF")
        event(f"refused row by row: {refused}")
        assert breaks_a_check(connection) == refused
    finally:
        connection.execute("ROLLBACK")
        connection.close()


def test_a_file_whose_rows_keep_every_check_is_not_refused(loaded: Path) -> None:
    with sqlite3.connect(loaded) as connection:
        assert not breaks_a_check(connection)
