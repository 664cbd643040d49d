"""Conflicts met by imports: stored until the officer resolves them, one open conflict per record."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import RecordNotFound
from desktop_app.domain.texts import Text


def conflict_record(row: m.ConflictRow) -> r.Conflict:
    return r.Conflict(id=row.id, record_kind=row.record_kind, record_id=row.record_id, label=row.label,
                      incoming=json.loads(row.incoming), fields=tuple(json.loads(row.fields)), source=row.source,
                      detected_at=row.detected_at, resolved_at=row.resolved_at)


def open_conflict_row(session: Session, kind: str, record_id: str) -> m.ConflictRow | None:
    return session.scalars(select(m.ConflictRow).where(
        m.ConflictRow.record_kind == kind, m.ConflictRow.record_id == record_id,
        m.ConflictRow.resolved_at.is_(None))).first()


class ConflictRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def open_conflicts(self) -> list[r.Conflict]:
        """Every conflict still waiting, oldest first."""
        with self.database.reading() as session:
            rows = session.scalars(select(m.ConflictRow).where(m.ConflictRow.resolved_at.is_(None))
                                   .order_by(m.ConflictRow.detected_at, m.ConflictRow.id))
            return [conflict_record(row) for row in rows]

    def get(self, conflict_id: int) -> r.Conflict:
        with self.database.reading() as session:
            row = session.get(m.ConflictRow, conflict_id)
            if row is None:
                raise RecordNotFound(Text("That conflict is no longer in the database."))
            return conflict_record(row)
