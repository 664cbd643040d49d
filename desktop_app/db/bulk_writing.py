"""Writing many *new* records at once with prepared `executemany`, for the bundle import (issue 19).

The ORM path (`write_person`, `write_dialogue`) costs milliseconds per dialogue in unit-of-work
bookkeeping. Records that are not in the file yet need none of it: their rows are built from the
same table of columns the ORM path fills (`mapping.*_columns`), with the same derived columns
(search text, counts, revision 1), and inserted table by table, parents first. The checks stay
those of the ORM path: people's and institutions' rules, references that must exist and ids that
must not be another dialogue's (`check_many_references`). Records that replace existing ones keep
going through the ORM, which knows how to reuse their child rows.

`replica_store.store_new` is the caller: it works out what each record's replication state shows
and stores, with the same domain functions `store` uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db.mapping import (
    DIALOGUE_VALUES,
    action_columns,
    agenda_columns,
    delegation_columns,
    dialogue_columns,
    institution_columns,
    name_columns,
    participant_columns,
    people_names,
    person_columns,
    search_text,
)
from desktop_app.db.repositories.dialogues import check_many_references
from desktop_app.domain import records as r
from desktop_app.domain.errors import ValidationFailed
from desktop_app.domain.validation import institution_problems, person_problems

ROWS_PER_EXECUTE = 5000  # rows per executemany: bounded memory for huge bundles, few round trips


@dataclass(frozen=True)
class NewRow:
    """A record to insert, with what its top row holds beside the record's own columns."""

    record: Any  # r.Person | r.Institution | r.Dialogue
    updated_at: datetime
    replica: str  # the `replica` column (replica_store.meta_of)


def _table(model: type[m.Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


def _execute(session: Session, model: type[m.Base], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    connection = session.connection()
    statement = insert(_table(model))
    for start in range(0, len(rows), ROWS_PER_EXECUTE):
        connection.execute(statement, rows[start:start + ROWS_PER_EXECUTE])


def _top(new: NewRow, now: datetime, deleted_at: datetime | None = None) -> dict[str, Any]:
    return {"id": new.record.id, "created_at": now, "deleted_at": deleted_at, "revision": 1,
            "exchange_source": None, "exchange_imported_at": None, "exchange_updated_at": None,
            "edited_locally": False, "replica": new.replica}


def insert_people(session: Session, people: Sequence[NewRow], now: datetime) -> None:
    rows: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    for new in people:
        person: r.Person = new.record
        if problems := person_problems(person):
            raise ValidationFailed(problems[0].message, problems)
        rows.append({**_top(new, now), **person_columns(person, new.updated_at)})
        names.extend({"person_id": person.id, **name_columns(i, n)} for i, n in enumerate(person.other_names))
    _execute(session, m.PersonRow, rows)
    _execute(session, m.PersonOtherName, names)


def insert_institutions(session: Session, institutions: Sequence[NewRow], now: datetime) -> None:
    rows: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    for new in institutions:
        institution: r.Institution = new.record
        if problems := institution_problems(institution):
            raise ValidationFailed(problems[0].message, problems)
        rows.append({**_top(new, now), **institution_columns(institution, new.updated_at)})
        names.extend({"institution_id": institution.id, **name_columns(i, n)}
                     for i, n in enumerate(institution.other_names))
    _execute(session, m.InstitutionRow, rows)
    _execute(session, m.InstitutionOtherName, names)


def insert_dialogues(session: Session, dialogues: Sequence[NewRow], now: datetime) -> None:
    """New dialogues with all their children; the people and institutions they name must exist
    (a merge's rule breaks are conflicts, so the dialogue rules are not checked here: `store`'s
    `check=False`)."""
    if not dialogues:
        return
    records: list[r.Dialogue] = [new.record for new in dialogues]
    check_many_references(session, records)
    names = people_names(session, {p.person_id for d in records for g in d.delegations for p in g.participants})
    batch: dict[type[m.Base], list[dict[str, Any]]] = {model: [] for model in (
        m.DialogueRow, m.DialogueProgramme, m.DialogueFramework, m.DialogueTopic, m.AgendaItemRow, m.ActionRow,
        m.DelegationRow, m.ParticipantRow)}
    for new in dialogues:
        d: r.Dialogue = new.record
        updated_at = new.updated_at
        batch[m.DialogueRow].append({**_top(new, now, d.deleted_at), **dialogue_columns(d, updated_at),
                                     "search_text": search_text(session, d, names)})
        for field, model in DIALOGUE_VALUES:
            batch[model].extend({"dialogue_id": d.id, **name_columns(i, v)} for i, v in enumerate(getattr(d, field)))
        batch[m.AgendaItemRow].extend({"id": item.id or r.new_id(), "dialogue_id": d.id, "created_at": now,
                                       **agenda_columns(item, i, updated_at)} for i, item in enumerate(d.agenda))
        batch[m.ActionRow].extend({"id": action.id or r.new_id(), "dialogue_id": d.id, "created_at": now,
                                   **action_columns(action, i, updated_at)} for i, action in enumerate(d.actions))
        for i, g in enumerate(d.delegations):
            batch[m.DelegationRow].append({"id": g.id, "dialogue_id": d.id, "created_at": now,
                                           **delegation_columns(g, i, updated_at)})
            batch[m.ParticipantRow].extend({"id": p.id, "delegation_id": g.id, "created_at": now,
                                            **participant_columns(p, j, updated_at)}
                                           for j, p in enumerate(g.participants))
    for row_model, batch_rows in batch.items():  # parents first: the foreign keys are checked row by row
        _execute(session, row_model, batch_rows)
