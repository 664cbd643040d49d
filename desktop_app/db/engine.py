"""The SQLAlchemy engine over one SQLite file, with the pragmas this program relies on.

- `foreign_keys=ON` on every connection (SQLite's default is off).
- WAL journal, so readers never block the writer, with `synchronous=FULL` so an acknowledged
  save survives a power cut.
- We issue BEGIN ourselves: DEFERRED for reads, IMMEDIATE for writes. A deferred transaction
  that later upgrades to a write can fail with SQLITE_BUSY without waiting on the busy handler;
  taking the write lock up front makes the busy timeout apply.
- Every transaction states `foreign_keys` before its BEGIN (the pragma is a no-op inside one): ON,
  unless the session asked for `WITHOUT_FOREIGN_KEYS` — only a bulk load into a file with no
  records, which checks the whole file's references (`bulk_writing.breaks_a_reference`) before it commits
  (`bulk_writing.loading`, issue 19).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.db import live_files
from desktop_app.db.cancelling import STEPS, cancel_requested

BUSY_TIMEOUT_SECONDS = 5.0
WRITE = {"sqlite_begin": "IMMEDIATE"}
WITHOUT_FOREIGN_KEYS = {"sqlite_foreign_keys": False}

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection
    from sqlalchemy.pool import ConnectionPoolEntry


def make_engine(path: Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> Engine:
    """SQLAlchemy is imported here, not with this module: the first window shows its list before any
    engine is made (`unit_of_work.Database` makes it on first use, issue 19)."""
    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN from the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()
        dbapi_connection.set_progress_handler(cancel_requested, STEPS)  # Cancel in the window (db.cancelling)
        _record.info["live_file"] = live_files.hold(path)

    @event.listens_for(engine, "close")
    def _on_close(_dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        if (key := record.info.pop("live_file", None)) is not None:
            live_files.let_go(key)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        mode: Any = options.get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if options.get('sqlite_foreign_keys', True) else 'OFF'}")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine
