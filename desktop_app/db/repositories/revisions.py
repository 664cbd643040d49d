"""The stale-record rule, once: a copy read at one revision may not overwrite a record saved since.

Dialogues, people, institutions and a registration list imported into an open dialogue all ask here
(optimistic concurrency: each row carries a `revision` that every write bumps)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import StaleRecord
from desktop_app.domain.texts import Text


def check_unchanged(session: Session, row_type: Any, record_id: str, opened: int, stale: Text,
                    gone: Text | None = None) -> int | None:
    """Raise `StaleRecord(stale)` when the stored record's revision is not `opened` (the revision the
    officer's copy was read at); with `gone`, `StaleRecord(gone)` when a copy read from the database
    (`opened` > 0) has no record stored any more (a person or institution merged away since: its save
    would write it anew). Returns the stored revision, None when no such record is stored (a new
    record, or one deleted for good without `gone`: the caller decides what that means)."""
    stored: int | None = session.scalar(select(row_type.revision).where(row_type.id == record_id))
    said = stale if stored is not None and stored != opened else gone if stored is None and opened else None
    if said is not None:
        raise StaleRecord(said)
    return stored
