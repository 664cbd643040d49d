"""Saving a dialogue from the form: the dialogue and the people and institutions typed into it.

An officer who types a new participant's name creates that person on the fly; the person and the
dialogue that refers to them must be written in ONE transaction, so that a refused save (a stale
record, a broken rule) leaves neither behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop_app.db import replica_store
from desktop_app.db.mapping import dialogue_record
from desktop_app.db.repositories.dialogues import check_revision, validate
from desktop_app.db.repositories.people import check_institution_revision, check_person_revision
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r


def save_dialogue(database: Database, dialogue: r.Dialogue, people: Iterable[r.Person] = (),
                  institutions: Iterable[r.Institution] = ()) -> r.Dialogue:
    """Write new or changed people and institutions and the dialogue, all or nothing.

    `people` and `institutions` are records to create (revision 0) or update (the revision read);
    a stale dialogue, person or institution refuses the whole save with `StaleRecord`.
    Returns the dialogue as stored, with its new revision.
    """
    validate(dialogue)
    with database.writing() as session:
        check_revision(session, dialogue)
        for institution in institutions:
            check_institution_revision(session, institution)
            replica_store.edit(session, "institution", institution, database.officer)
        for person in people:
            check_person_revision(session, person)
            replica_store.edit(session, "person", person, database.officer)
        session.flush()
        # a person merged away since the form was opened: save the kept one (docs/exchange.md)
        dialogue = follow_merges(dialogue, replica_store.redirects(session))
        row, _ = replica_store.edit(session, "dialogue", dialogue, database.officer)
        return dialogue_record(row)


def follow_merges(dialogue: r.Dialogue, kept: dict[str, str]) -> r.Dialogue:
    """The dialogue with every participant naming a merged-away person or institution naming the kept one."""
    if not kept:
        return dialogue

    def follow(value: str | None) -> str | None:
        hops = 0
        while value in kept and hops < 100:
            value, hops = kept[value], hops + 1  # type: ignore[index]
        return value

    return replace(dialogue, delegations=tuple(replace(d, participants=tuple(
        replace(p, person_id=follow(p.person_id), institution_id=follow(p.institution_id))
        for p in d.participants)) for d in dialogue.delegations))
