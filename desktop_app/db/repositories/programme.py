"""The programme's details: one row, read and written whole (see domain.programme)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from desktop_app.db import models as m
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.programme import ProgrammeDetails

ROW_ID = 1
FIELDS = tuple(f.name for f in fields(ProgrammeDetails))


class ProgrammeRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self) -> ProgrammeDetails:
        with self.database.reading() as session:
            row = session.get(m.ProgrammeRow, ROW_ID)
            if row is None:
                return ProgrammeDetails()
            stored: dict[str, Any] = {name: getattr(row, name) if getattr(row, name) is not None else
                                      getattr(ProgrammeDetails, name, None) for name in FIELDS}
            return ProgrammeDetails(**stored)

    def save(self, details: ProgrammeDetails) -> ProgrammeDetails:
        with self.database.writing() as session:
            row = session.get(m.ProgrammeRow, ROW_ID) or m.ProgrammeRow(id=ROW_ID)
            for name in FIELDS:
                setattr(row, name, getattr(details, name))
            session.add(row)
        return details
