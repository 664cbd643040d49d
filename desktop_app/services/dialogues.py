"""Saving a dialogue from the form: the dialogue and the people and institutions typed into it.

An officer who types a new participant's name creates that person on the fly; the person and the
dialogue that refers to them must be written in ONE transaction, so that a refused save (a stale
record, a broken rule) leaves neither behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db.mapping import dialogue_record
from desktop_app.db.repositories.dialogues import check_revision, validate, write_dialogue
from desktop_app.db.repositories.people import (
    check_institution_revision,
    check_person_revision,
    write_institution,
    write_person,
)
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus


def save_dialogue(database: Database, dialogue: r.Dialogue, people: Iterable[r.Person] = (),
                  institutions: Iterable[r.Institution] = ()) -> r.Dialogue:
    """Write new or changed people and institutions and the dialogue, all or nothing.

    `people` and `institutions` are records to create (revision 0) or update (the revision read);
    a stale dialogue, person or institution refuses the whole save with `StaleRecord`.
    Returns the dialogue as stored, with its new revision.
    """
    validate(dialogue)
    now = r.utc_now()
    with database.writing() as session:
        check_revision(session, dialogue)
        for institution in institutions:
            check_institution_revision(session, institution)
            write_institution(session, institution, now).edited_locally = True
        for person in people:
            check_person_revision(session, person)
            write_person(session, person, now).edited_locally = True
        session.flush()
        row = write_dialogue(session, dialogue, now)
        row.edited_locally = True  # the next import must not overwrite this edit unseen
        _mark_carried(session, dialogue, now)
        return dialogue_record(row)


def _mark_carried(session: Session, dialogue: r.Dialogue, now: datetime) -> None:
    """The open actions this dialogue continues (`carried_from`, Prepare next edition) become
    `carried` in their own dialogue, in the same transaction: an edit of that dialogue (its revision
    moves on, so windows holding it and the next exchange see it)."""
    sources = sorted({a.carried_from for a in dialogue.actions if a.carried_from})
    if not sources:
        return
    rows = session.scalars(select(m.ActionRow).where(
        m.ActionRow.id.in_(sources), m.ActionRow.status == ActionStatus.OPEN.value,
        m.ActionRow.dialogue_id != dialogue.id))
    owners: set[str] = set()
    for action in rows:
        action.status = ActionStatus.CARRIED.value
        owners.add(action.dialogue_id)
    for owner_id in sorted(owners):
        owner = session.get(m.DialogueRow, owner_id)
        if owner is not None:
            owner.revision += 1
            owner.updated_at = now
            owner.edited_locally = True
