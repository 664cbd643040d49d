"""Merging two records of one thing — a person written twice, an institution entered in Russian
and in English — in ONE service operation, so that both follow the same rule: the record kept
absorbs the other's names as other names, every participation moves over, the other is deleted,
all in one transaction (the repositories' `merge`)."""

from __future__ import annotations

from enum import StrEnum

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r


class RecordKind(StrEnum):
    PERSON = "person"
    INSTITUTION = "institution"


def merge_records(database: Database, kind: RecordKind, keep_id: str, merge_id: str) -> r.Person | r.Institution:
    """Merge the record `merge_id` into `keep_id`; refused with a sentence (UserError) when that
    cannot be done, leaving both as they were."""
    if kind is RecordKind.PERSON:
        return PeopleRepository(database).merge(keep_id, merge_id)
    return InstitutionRepository(database).merge(keep_id, merge_id)
