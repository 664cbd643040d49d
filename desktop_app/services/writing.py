"""The one write path (issue 13 "One write path"; docs/exchange.md).

Every local write — a form's save, a registration list, a merge of people, trash, restore, delete
for good, a conflict's resolution — ends in `db.replica_store.edit`/`store`, in the write's own
unit of work: the record gets this database's next version, is marked with the officer who made
it (`Database.officer`), and its waiting conflicts are indexed. When the unit of work commits,
`Database.writing` calls each listener with the records changed, `{kind: {ids}}`; the window
turns that into one Qt signal (`ui.records_changed`) from which pages, open forms and the
conflicts count refresh. This module is the services' face of it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from desktop_app.db import models as m
from desktop_app.db.unit_of_work import Database

RecordsChanged = dict[str, set[str]]  # {"dialogue" | "person" | "institution": ids}


def subscribe(database: Database, listener: Callable[[RecordsChanged], None]) -> Callable[[], None]:
    """Call `listener` after every committed write to `database`; returns the unsubscribe."""
    database.listeners.append(listener)

    def unsubscribe() -> None:
        if listener in database.listeners:
            database.listeners.remove(listener)

    return unsubscribe


def waiting_count(database: Database) -> int:
    """How many records have conflicts waiting (the status bar's figure)."""
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(m.ConflictRow)
                              .where(m.ConflictRow.resolved_at.is_(None))) or 0
