"""Saving a dialogue from the form: the dialogue and the people and institutions typed into it.

An officer who types a new participant's name creates that person on the fly; the person and the
dialogue that refers to them must be written in ONE transaction, so that a refused save (a stale
record, a broken rule) leaves neither behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db import replica_store
from desktop_app.db.mapping import dialogue_record, person_record
from desktop_app.db.repositories.dialogues import check_revision, load_dialogue_row, validate
from desktop_app.db.repositories.people import check_institution_revision, check_person_revision
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import record_fields as rf
from desktop_app.domain import records as r
from desktop_app.domain import replication as rp
from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.protocol import dated_actions


def save_dialogue(database: Database, dialogue: r.Dialogue, people: Iterable[r.Person] = (),
                  institutions: Iterable[r.Institution] = (), base: r.Dialogue | None = None) -> r.Dialogue:
    """Write new or changed people and institutions and the dialogue, all or nothing.

    `people` and `institutions` are records to create (revision 0) or update (the revision read);
    a stale dialogue, person or institution refuses the whole save with `StaleRecord`.
    Returns the dialogue as stored, with its new revision.
    """
    validate(dialogue)
    with database.writing() as session:
        if base is not None:
            dialogue = rebased(session, dialogue, base)
        check_revision(session, dialogue)
        for institution in institutions:
            check_institution_revision(session, institution)
            replica_store.edit(session, "institution", institution, database.officer)
        kept = replica_store.redirects(session)
        for person in people:
            person = onto_kept(session, person, kept)
            check_person_revision(session, person)
            replica_store.edit(session, "person", person, database.officer)
        session.flush()
        # a person merged away since the form was opened: save the kept one (docs/exchange.md)
        dialogue = follow_merges(dialogue, replica_store.redirects(session))
        linked = _carried_links(session, dialogue.id)
        dialogue = replace(dialogue, actions=dated_actions(dialogue.actions, _stored_statuses(session, dialogue.id),
                                                           date.today()))
        row, _ = replica_store.edit(session, "dialogue", dialogue, database.officer)
        _mark_carried(session, dialogue, database.officer, linked)
        return dialogue_record(row)


def _stored_statuses(session: Session, dialogue_id: str) -> dict[str, ActionStatus]:
    """The status of each of the stored dialogue's actions, by id, before a save (`dated_actions`)."""
    return {id_: ActionStatus(status) for id_, status in session.execute(
        select(m.ActionRow.id, m.ActionRow.status).where(m.ActionRow.dialogue_id == dialogue_id))}


def _carried_links(session: Session, dialogue_id: str) -> set[str]:
    """The actions the stored dialogue's actions continue (their `carried_from`), before a save."""
    return set(session.scalars(select(m.ActionRow.carried_from).where(
        m.ActionRow.dialogue_id == dialogue_id, m.ActionRow.carried_from.is_not(None))))


def _mark_carried(session: Session, dialogue: r.Dialogue, officer: str | None, linked: set[str]) -> None:
    """The open actions this dialogue continues (`carried_from`, Prepare next edition) become
    `carried` in their own dialogue, in the same transaction and through the one write path: an
    edit of that dialogue that travels like any other (docs/exchange.md). Only at the save that
    links them (`linked`: the links the stored dialogue had already): an action someone set open
    again afterwards stays open through later saves of this dialogue (round 14: every save of the
    next edition carried it again, an edit of another dialogue nobody made)."""
    sources = sorted({a.carried_from for a in dialogue.actions if a.carried_from} - linked)
    if not sources:
        return
    owners = sorted(set(session.scalars(select(m.ActionRow.dialogue_id).where(
        m.ActionRow.id.in_(sources), m.ActionRow.status == ActionStatus.OPEN.value,
        m.ActionRow.dialogue_id != dialogue.id))))
    for owner_id in owners:
        owner = load_dialogue_row(session, owner_id)
        if owner is None:
            continue
        record = dialogue_record(owner)
        carried = replace(record, actions=tuple(
            replace(a, status=ActionStatus.CARRIED) if a.id in sources and a.status is ActionStatus.OPEN else a
            for a in record.actions))
        replica_store.edit(session, "dialogue", carried, officer)


def _followed(value: str, kept: dict[str, str]) -> str:
    """The id a merged-away record reads as now (through merges of merges)."""
    hops = 0
    while value in kept and hops < 100:
        value, hops = kept[value], hops + 1
    return value


def onto_kept(session: Session, person: r.Person, kept: dict[str, str]) -> r.Person:
    """A known person the form changed, merged into another since it read them: the change goes to
    the kept person, whom the participant's row names after the save (`follow_merges`). The sex
    chosen in a row is the one field a form changes of a known person (`PeopleBook.set_sex`).
    Written under the merged-away id, the edit brought that record back as a second person beside
    the kept one, the merge half undone (round 15)."""
    if not person.revision or person.id not in kept:
        return person
    row = session.get(m.PersonRow, _followed(person.id, kept))
    return person if row is None else replace(person_record(row), sex=person.sex)


def follow_merges(dialogue: r.Dialogue, kept: dict[str, str]) -> r.Dialogue:
    """The dialogue with every participant naming a merged-away person or institution naming the kept one."""
    if not kept:
        return dialogue

    def follow(value: str) -> str:
        return _followed(value, kept)

    return replace(dialogue, delegations=tuple(replace(d, participants=tuple(
        replace(p, person_id=follow(p.person_id), institution_id=p.institution_id and follow(p.institution_id))
        for p in d.participants)) for d in dialogue.delegations))


def rebased(session: Session, edited: r.Dialogue, base: r.Dialogue) -> r.Dialogue:
    """The officer's changes (`edited` against the `base` the form opened) applied to the dialogue
    as stored now, when someone saved it since — a merge of people, a list, an import — and changed
    none of the fields the officer changed. Otherwise `edited` as it is: the revision check then
    refuses it as before (issue 13, finding 4: a merge of people no longer blocks an open form)."""
    row = load_dialogue_row(session, edited.id)
    if row is None or row.revision == edited.revision:
        return edited
    stored = dialogue_record(row)
    theirs = rp.flatten("dialogue", rf.dialogue_json(stored))
    before = rp.flatten("dialogue", rf.dialogue_json(base))
    mine = rp.flatten("dialogue", rf.dialogue_json(edited))
    result = dict(theirs)
    for path in {*before, *mine}:
        if before.get(path) == mine.get(path):
            continue
        if theirs.get(path) not in (before.get(path), mine.get(path)):
            return edited  # changed here and there: the officer must see theirs first
        result[path] = mine.get(path)
    result = {path: value for path, value in result.items() if value is not None or path in mine or path in theirs}
    record, _ = rp.unflatten("dialogue", edited.id, result)
    merged = replace(rf.dialogue_of(record, stored.deleted_at), revision=stored.revision, deleted_at=stored.deleted_at)
    # what they changed must survive the merge: a participant they added to a delegation the officer
    # removed has no delegation left and would be dropped with it, unseen — the officer sees theirs first
    kept = rp.flatten("dialogue", rf.dialogue_json(merged))
    if any(kept.get(path) != theirs.get(path) for path in {*before, *theirs}
           if before.get(path) != theirs.get(path) and before.get(path) == mine.get(path)):
        return edited
    return merged
