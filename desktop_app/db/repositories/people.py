"""People and institutions: the persons who attend and the bodies they come from."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db.mapping import (
    IN_CHUNK,
    fill_institution,
    fill_person,
    institution_record,
    people_names,
    person_record,
    search_text,
)
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import RecordNotFound, StaleRecord, UserError, ValidationFailed
from desktop_app.domain.search import query_words
from desktop_app.domain.texts import Text
from desktop_app.domain.validation import institution_problems, person_problems


def check_person_revision(session: Session, person: r.Person) -> None:
    """Refuse to overwrite a person someone saved since this copy was read."""
    stored = session.scalar(select(m.PersonRow.revision).where(m.PersonRow.id == person.id))
    if stored is not None and stored != person.revision:
        raise StaleRecord(Text("%1 was changed elsewhere since you opened the record; "
                               "reload it and make your changes again.", person.name))


def check_institution_revision(session: Session, institution: r.Institution) -> None:
    """Refuse to overwrite an institution someone saved since this copy was read."""
    stored = session.scalar(select(m.InstitutionRow.revision).where(m.InstitutionRow.id == institution.id))
    if stored is not None and stored != institution.revision:
        raise StaleRecord(Text("%1 was changed elsewhere since you opened the record; "
                               "reload it and make your changes again.", institution.name))


def write_person(session: Session, person: r.Person, updated_at: datetime) -> m.PersonRow:
    problems = person_problems(person)
    if problems:
        raise ValidationFailed(problems[0].message, problems)
    row = session.get(m.PersonRow, person.id, options=[selectinload(m.PersonRow.other_names)])
    if row is None:
        row = m.PersonRow(id=person.id, revision=0, created_at=r.utc_now())
        session.add(row)
    fill_person(row, person, updated_at)
    row.revision += 1
    return row


def write_institution(session: Session, institution: r.Institution, updated_at: datetime) -> m.InstitutionRow:
    problems = institution_problems(institution)
    if problems:
        raise ValidationFailed(problems[0].message, problems)
    row = session.get(m.InstitutionRow, institution.id)
    if row is None:
        row = m.InstitutionRow(id=institution.id, revision=0, created_at=r.utc_now())
        session.add(row)
    fill_institution(row, institution, updated_at)
    row.revision += 1
    return row


def refresh_search_text(session: Session, person_ids: set[str]) -> None:
    """A renamed person must still be found by the dialogues' search box under the new name.

    Read with Core queries and written back with one executemany: an import touching every
    person of a large bundle used to reload every dialogue through the ORM here."""
    from desktop_app.db.bulk_reading import dialogue_records

    session.flush()
    wanted = sorted(person_ids)
    dialogue_ids: set[str] = set()
    for start in range(0, len(wanted), IN_CHUNK):
        dialogue_ids.update(session.scalars(
            select(m.DelegationRow.dialogue_id).join(m.ParticipantRow)
            .where(m.ParticipantRow.person_id.in_(wanted[start:start + IN_CHUNK]))))
    ordered = sorted(dialogue_ids)
    table = m.DialogueRow.__table__
    change = update(table).where(table.c.id == bindparam("dialogue_id")).values(search_text=bindparam("text"))
    for start in range(0, len(ordered), IN_CHUNK):
        chunk = ordered[start:start + IN_CHUNK]
        dialogues = dialogue_records(session, select(m.DialogueRow.id).where(m.DialogueRow.id.in_(chunk)))
        names = people_names(session, {p.person_id for d in dialogues for g in d.delegations for p in g.participants})
        session.connection().execute(change, [{"dialogue_id": d.id, "text": search_text(session, d, names)}
                                              for d in dialogues])
    for row in [o for o in session.identity_map.values() if isinstance(o, m.DialogueRow) and o.id in dialogue_ids]:
        session.expire(row, ["search_text"])  # loaded rows must not keep the old text


class PeopleRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self, person_id: str) -> r.Person:
        with self.database.reading() as session:
            row = session.get(m.PersonRow, person_id)
            if row is None:
                raise RecordNotFound(Text("That person is no longer in the database."))
            return person_record(row)

    def get_many(self, person_ids: set[str]) -> dict[str, r.Person]:
        with self.database.reading() as session:
            rows = session.scalars(select(m.PersonRow).where(m.PersonRow.id.in_(person_ids))
                                   .options(selectinload(m.PersonRow.other_names)))
            return {row.id: person_record(row) for row in rows}

    def search(self, text: str | None = None, limit: int = 500) -> list[r.PersonRow]:
        """People whose name or other spelling contains every word typed, with how often they came."""
        participations = (select(func.count()).where(m.ParticipantRow.person_id == m.PersonRow.id)
                          .scalar_subquery())
        # the page of people first, then their counts: counting for every person before cutting
        # the page took most of the people page's time (it is built when the window opens)
        shown = select(m.PersonRow.id).where(m.PersonRow.deleted_at.is_(None)) \
            .order_by(m.PersonRow.name, m.PersonRow.id).limit(limit)
        for word in query_words(text):
            shown = shown.where(m.PersonRow.search_name.contains(word, autoescape=True))
        query = (select(m.PersonRow, participations).where(m.PersonRow.id.in_(shown))
                 .options(selectinload(m.PersonRow.other_names)).order_by(m.PersonRow.name, m.PersonRow.id))
        with self.database.reading() as session:
            return [r.PersonRow(id=row.id, name=row.name, other_names=tuple(o.name for o in row.other_names),
                                sex=person_record(row).sex, email=row.email, participations=count)
                    for row, count in session.execute(query)]

    def spellings(self, text: str | None = None, limit: int | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
        """(id, name, other names) of current people by name, optionally those whose spellings
        contain every word of `text`: what a form needs to complete and recognise a typed name,
        without `search`'s per-person participation count (seconds over 20,000 people)."""
        query = select(m.PersonRow.id, m.PersonRow.name).where(m.PersonRow.deleted_at.is_(None)) \
            .order_by(m.PersonRow.name, m.PersonRow.id)
        for word in query_words(text):
            query = query.where(m.PersonRow.search_name.contains(word, autoescape=True))
        if limit is not None:
            query = query.limit(limit)
        with self.database.reading() as session:
            rows = list(session.execute(query))
            others = people_names(session, [person_id for person_id, _ in rows])
        return [(person_id, name, tuple(others.get(person_id, [name])[1:])) for person_id, name in rows]

    def save(self, person: r.Person) -> r.Person:
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            check_person_revision(session, person)
            row, _ = replica_store.edit(session, "person", person, self.database.officer)
            refresh_search_text(session, {person.id})
            return person_record(row)

    def merge(self, keep_id: str, merge_id: str) -> r.Person:
        """Two records of one person become one: participations move, the other spelling is kept."""
        if keep_id == merge_id:
            raise UserError(Text("Choose two different people to merge."))
        with self.database.writing() as session:
            keep = session.get(m.PersonRow, keep_id)
            gone = session.get(m.PersonRow, merge_id)
            if keep is None or gone is None:
                raise RecordNotFound(Text("One of the two people is no longer in the database."))
            clash = session.scalar(
                select(m.ParticipantRow.delegation_id).where(m.ParticipantRow.person_id == merge_id)
                .intersect(select(m.ParticipantRow.delegation_id).where(m.ParticipantRow.person_id == keep_id)))
            if clash:
                raise UserError(Text("Both people are in the same delegation; remove one of them from it first."))
            kept = person_record(keep)
            spellings = [*kept.other_names]
            for name in (gone.name, *(o.name for o in gone.other_names)):
                if name != kept.name and name not in spellings:
                    spellings.append(name)
            merged = replace(kept, other_names=tuple(spellings), sex=kept.sex or (person_record(gone).sex),
                             email=kept.email or gone.email)
            return merge_records(session, "person", merged, merge_id, self.database.officer)


def merge_records(session: Session, kind: str, kept: r.Person | r.Institution, gone_id: str,
                  officer: str | None) -> r.Person:
    """One write for a merge (docs/exchange.md "Tombstones"): the kept record takes the other's
    spellings (an edit), every dialogue naming the merged one names the kept one (an edit of each,
    so an open form reloads rather than saving a stale id), and a tombstone pointing to the kept
    record travels to the other databases."""
    from desktop_app.db import replica_store
    from desktop_app.db.mapping import dialogue_record
    from desktop_app.db.repositories.dialogues import load_dialogue_row

    column = "person_id" if kind == "person" else "institution_id"
    gone_row = replica_store.load_row(session, kind, gone_id)
    state = replica_store.state_of(session, kind, gone_row)
    for dialogue_id in replica_store.dialogues_naming(session, kind, gone_id):
        dialogue = dialogue_record(load_dialogue_row(session, dialogue_id))  # type: ignore[arg-type]
        moved = replace(dialogue, delegations=tuple(replace(d, participants=tuple(
            replace(p, **{column: kept.id}) if getattr(p, column) == gone_id else p for p in d.participants))
            for d in dialogue.delegations))
        replica_store.edit(session, "dialogue", moved, officer, check=False)
    row, _ = replica_store.edit(session, kind, kept, officer)
    replica_store.add_tombstone(session, {"id": gone_id, "kind": kind, "for_good": True, "deleted_at": None,
                                          "merged_into": kept.id, "version": state.version})
    session.flush()
    replica_store.follow_merge(session, kind, gone_id)  # waiting versions naming it, as every database does
    if gone_id in replica_store.redirects(session):  # not the id a cycle of merges reads as
        replica_store.remove(session, kind, gone_id)
    if kind == "person":
        refresh_search_text(session, {kept.id})
    row = replica_store.load_row(session, kind, kept.id)
    return person_record(row) if kind == "person" else institution_record(row)  # type: ignore[return-value]


class InstitutionRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self, institution_id: str) -> r.Institution:
        with self.database.reading() as session:
            row = session.get(m.InstitutionRow, institution_id)
            if row is None:
                raise RecordNotFound(Text("That institution is no longer in the database."))
            return institution_record(row)

    def all(self) -> list[r.Institution]:
        with self.database.reading() as session:
            rows = session.scalars(select(m.InstitutionRow).where(m.InstitutionRow.deleted_at.is_(None))
                                   .order_by(m.InstitutionRow.name))
            return [institution_record(row) for row in rows]

    def save(self, institution: r.Institution) -> r.Institution:
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            check_institution_revision(session, institution)
            row, _ = replica_store.edit(session, "institution", institution, self.database.officer)
            return institution_record(row)


def database_counts(database: Database) -> r.DatabaseCounts:
    with database.reading() as session:
        def count(query: object) -> int:
            return session.scalar(query) or 0  # type: ignore[call-overload]
        return r.DatabaseCounts(
            dialogues=count(select(func.count()).select_from(m.DialogueRow).where(m.DialogueRow.deleted_at.is_(None))),
            deleted_dialogues=count(select(func.count()).select_from(m.DialogueRow)
                                    .where(m.DialogueRow.deleted_at.is_not(None))),
            # every save keeps each dialogue's counts; summing them reads two small indexes
            # instead of counting millions of participation rows (~0.3 s at 100,000 dialogues)
            delegations=count(select(func.coalesce(func.sum(m.DialogueRow.delegation_count), 0))),
            participants=count(select(func.coalesce(func.sum(m.DialogueRow.participant_count), 0))),
            people=count(select(func.count()).select_from(m.PersonRow)),
            institutions=count(select(func.count()).select_from(m.InstitutionRow)))
