"""A participant's id kept unique by an index of its own, so that a load can build it after the rows.

A bundle import into a file with no records builds the plain indexes and the search indexes once
after the rows (`bulk_writing.loading`, issue 19), but the participants' primary-key constraint on
a random text id is part of the table (`sqlite_autoindex_participants_1`) and cannot be dropped:
each of 64,000 participants at 2,000 dialogues went into it at a random place, ≈ 0.1-0.2 s of
SQLite's ≈ 1.3 s. Here the table is rebuilt without the constraint and the id gets a unique index,
`ux_participants_id`: the same rule (an id is unique and, being NOT NULL, always there), the same
lookups, and a load without row-by-row foreign keys may build it after the rows — a repeated id
then fails that index and the import runs again row by row, refused with the usual sentence. No
table refers to participants, so nothing else changes. Every row keeps its rowid and values.

Revision ID: 0014_import_participant_keys
Revises: 0013_search_filters
Create Date: 2026-12-02 14:20:00
"""

from __future__ import annotations

from alembic import op

revision = '0014_import_participant_keys'
down_revision = '0013_search_filters'
branch_labels = None
depends_on = None

PRIMARY_KEY = "CONSTRAINT pk_participants PRIMARY KEY (id), "
BEFORE = "CONSTRAINT fk_participants_institution_id_institutions"
UNIQUE_ID = "CREATE UNIQUE INDEX ux_participants_id ON participants (id)"


def _rebuilt(change) -> None:  # type: ignore[no-untyped-def]
    """participants made again from its own SQL, `change`d, with every row (and rowid) and index."""
    connection = op.get_bind()
    table = _table_sql()
    indexes = [sql for (sql,) in connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'participants' AND sql IS NOT NULL "
        "AND name <> 'ux_participants_id' ORDER BY rowid")]
    columns = ", ".join(row[1] for row in connection.exec_driver_sql("PRAGMA table_info(participants)"))
    new = change(table).replace('CREATE TABLE "participants"', 'CREATE TABLE participants_rebuilt', 1)
    assert new.startswith("CREATE TABLE participants_rebuilt"), new
    op.execute(new)
    op.execute(f"INSERT INTO participants_rebuilt (rowid, {columns}) SELECT rowid, {columns} FROM participants")
    op.execute("DROP TABLE participants")  # no table refers to it: nothing cascades
    op.execute("ALTER TABLE participants_rebuilt RENAME TO participants")
    for sql in indexes:
        op.execute(sql)


def _without_primary_key(sql: str) -> str:
    assert PRIMARY_KEY in sql, sql
    return sql.replace(PRIMARY_KEY, "", 1)


def _with_primary_key(sql: str) -> str:
    assert PRIMARY_KEY not in sql and BEFORE in sql, sql
    return sql.replace(BEFORE, PRIMARY_KEY + BEFORE, 1)


def _table_sql() -> str:
    return op.get_bind().exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'participants'").scalar_one()


def _analysed() -> bool:
    return op.get_bind().exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").first() is not None


def upgrade() -> None:
    if PRIMARY_KEY in _table_sql():  # (a file whose version was set back by hand may be done already)
        _rebuilt(_without_primary_key)
    op.execute(UNIQUE_ID.replace("INDEX", "INDEX IF NOT EXISTS", 1))
    if _analysed():  # dropping the old table dropped its statistics: a file that had them gets them again
        op.execute("ANALYZE participants")


def downgrade() -> None:
    _rebuilt(_with_primary_key)
    if _analysed():
        op.execute("ANALYZE participants")
