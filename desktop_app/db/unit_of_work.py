"""Units of work: every repository call opens one, and it commits all or nothing.

A write session rolls back unless the block finishes; nothing escapes it but plain records, so the
UI never holds a session or an ORM object.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.db.engine import BUSY_TIMEOUT_SECONDS, WITHOUT_FOREIGN_KEYS, WRITE
from desktop_app.db.errors import translated_errors

_MAKING = threading.Lock()

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session


@dataclass
class Database:
    """An open database file: its path and engine. Cheap to pass around; holds no session.

    `Database(path)` alone makes its engine on first use: a file already at the schema head needs no
    SQLAlchemy to be opened, and the first window shows its list (read through sqlite3,
    `db/first_page.py`) before SQLAlchemy and the models are imported (issue 19)."""

    path: Path
    made_engine: Engine | None = None
    # the officer who authors this process's edits (docs/exchange.md); set by the window and the CLI
    officer: str | None = None
    # called after every commit that changed records, with {kind: ids} (services.writing.RecordsChanged)
    listeners: list[Callable[[dict[str, set[str]]], None]] = field(default_factory=list)
    busy_timeout: float = BUSY_TIMEOUT_SECONDS

    @property
    def engine(self) -> Engine:
        if self.made_engine is None:
            with _MAKING:  # a background task and the window may both ask first: one engine
                if self.made_engine is None:
                    from desktop_app.db.engine import make_engine

                    self.made_engine = make_engine(self.path, self.busy_timeout)
        return self.made_engine

    def __post_init__(self) -> None:
        from desktop_app.services.protected_files import protect  # safe_files' own list, without safe_files

        protect(self.path)  # no report, export or backup may ever be written over this file

    @contextmanager
    def reading(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        with translated_errors(self.path), Session(self.engine, expire_on_commit=False) as session:
            yield session
            session.rollback()

    def _write_options(self, foreign_keys: bool) -> dict[str, object]:
        return {**WRITE} if foreign_keys else {**WRITE, **WITHOUT_FOREIGN_KEYS}

    @contextmanager
    def writing(self, foreign_keys: bool = True) -> Iterator[Session]:
        """One write transaction, begun IMMEDIATE so the busy timeout applies to taking the lock.
        `foreign_keys=False`: SQLite does not check them row by row — only for a bulk load into a
        file with no records, which checks them all before it commits (`bulk_writing.loading`)."""
        from sqlalchemy.orm import Session

        with translated_errors(self.path), Session(self.engine.execution_options(**self._write_options(foreign_keys)),
                                                   expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            changes = {kind: ids for kind, ids in session.info.pop("changed", {}).items() if ids}
        if changes:
            for listener in list(self.listeners):
                listener(changes)

    @contextmanager
    def rehearsing(self, foreign_keys: bool = True) -> Iterator[Session]:
        """A write transaction that is always rolled back: a dry run sees exactly what a real run would."""
        from sqlalchemy.orm import Session

        with translated_errors(self.path), Session(self.engine.execution_options(**self._write_options(foreign_keys)),
                                                   expire_on_commit=False) as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        if self.made_engine is not None:  # never used: nothing to let go
            self.made_engine.dispose()
