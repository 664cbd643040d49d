"""Repair texts holding characters no report can carry (issue 21, finding 4).

Before issue 21 an import accepted NUL, U+0001, ESC, U+FFFF… in any text field, and from then on
every Word and Excel report of the database failed: XML cannot hold them. This lists and repairs
them in every text column of every table (not ids and references, never the search index's own
tables): CRLF becomes LF, a vertical tab (Excel's line break) LF, the others are dropped
(`domain.text_rules.repaired`). The list — table, record id, column, what was there — is written to
`<database>-text-repairs.txt` beside the database (owner-only) and to the log, so nothing changes
unseen. A repair that would clash with a unique value keeps U+FFFD in place of the characters
instead; the reports show such a text as it is.

Revision ID: 0009_text_repair
Revises: 0007_names
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from alembic import op
from sqlalchemy import exc, text

from desktop_app.domain.text_rules import FORBIDDEN, printable, repaired

revision = '0009_text_repair'
down_revision = '0007_names'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)
SKIPPED_TABLES = ("alembic_version", "dialogue_search")


def _text_columns(connection, table: str) -> list[str]:  # type: ignore[no-untyped-def]
    columns = connection.execute(text(f'PRAGMA table_info("{table}")')).fetchall()
    foreign = {row[3] for row in connection.execute(text(f'PRAGMA foreign_key_list("{table}")')).fetchall()}
    found = []
    for _, name, kind, _, _, primary in columns:
        kind = (kind or "").upper()
        if primary or name in foreign or name == "id" or name.endswith("_id"):
            continue
        if not kind or any(word in kind for word in ("CHAR", "TEXT", "CLOB")):
            found.append(name)
    return found


def upgrade() -> None:
    connection = op.get_bind()
    tables = [row[0] for row in connection.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"))]
    tables = [t for t in tables if not t.startswith("sqlite_") and not t.startswith(SKIPPED_TABLES)]
    connection.connection.driver_connection.create_function("dr_needs_repair", 1, _needs_repair,
                                                            deterministic=True)
    lines = []
    for table in tables:
        for column in _text_columns(connection, table):
            rows = connection.execute(text(
                f'SELECT rowid, "{column}" FROM "{table}" WHERE dr_needs_repair("{column}")')).fetchall()
            for rowid, value in rows:
                if not isinstance(value, str):
                    continue
                fixed = repaired(value)
                if fixed == value:
                    continue
                if not _update(connection, table, column, rowid, fixed):
                    fixed = printable(value.replace("\r\n", "\n"))
                    if not _update(connection, table, column, rowid, fixed):
                        lines.append(f"{table} {rowid} {column}: {value!r} could not be repaired")
                        continue
                record = _record_id(connection, table, rowid)
                lines.append(f"{table} {record} {column}: {value!r} -> {fixed!r}")
    if lines:
        for line in lines:
            log.warning("text repaired: %s", line)
        _write_list(connection, lines)


def _needs_repair(value: object) -> bool:
    return isinstance(value, str) and ("\r\n" in value or FORBIDDEN.search(value) is not None)


def _update(connection, table: str, column: str, rowid: int, value: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        connection.execute(text(f'UPDATE "{table}" SET "{column}" = :value WHERE rowid = :rowid'),
                            {"value": value, "rowid": rowid})
        return True
    except exc.IntegrityError:
        return False


def _record_id(connection, table: str, rowid: int) -> str:  # type: ignore[no-untyped-def]
    try:
        found = connection.execute(text(f'SELECT id FROM "{table}" WHERE rowid = :rowid'), {"rowid": rowid}).scalar()
        return str(found) if found is not None else f"row {rowid}"
    except exc.DBAPIError:
        return f"row {rowid}"


def _write_list(connection, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    database = connection.engine.url.database
    if not database or database == ":memory:":
        return
    from desktop_app.services.safe_files import write_file

    path = Path(database)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = (f"Texts repaired when {path.name} was upgraded on {stamp} (characters no report can carry):\n"
            + "\n".join(lines) + "\n").encode("utf-8", "backslashreplace")
    try:
        write_file(path.with_name(f"{path.stem}-text-repairs.txt"), lambda stream: stream.write(body))
    except Exception:  # the list is also in the log; the repair itself must not fail over it
        log.exception("the list of repaired texts could not be written")


def downgrade() -> None:
    """The repaired characters are not put back: they are what made the reports fail."""
