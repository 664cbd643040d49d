"""Dialogues: list, read, save with optimistic concurrency, move to and from the trash."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, literal_column, select, table, union_all
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db.mapping import IN_CHUNK, dialogue_record, fill_dialogue, party_from
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueKind, DialogueStatus
from desktop_app.domain.errors import RecordNotFound, StaleRecord, UserError, ValidationFailed
from desktop_app.domain.search import query_words
from desktop_app.domain.texts import Text
from desktop_app.domain.validation import dialogue_problems


class DialogueSort(StrEnum):
    DATE = "date"
    TITLE = "title"
    SERIES = "series"
    PLACE = "place"
    CHAIR = "chair"
    DELEGATIONS = "delegations"
    PARTICIPANTS = "participants"
    STATUS = "status"


_SORT_COLUMNS: dict[DialogueSort, ColumnElement] = {
    DialogueSort.DATE: m.DialogueRow.start_date,
    DialogueSort.TITLE: m.DialogueRow.title,
    DialogueSort.SERIES: m.DialogueRow.series,
    DialogueSort.PLACE: m.DialogueRow.city,
    DialogueSort.CHAIR: func.coalesce(m.DialogueRow.chair_organisation, m.DialogueRow.chair_country),
    DialogueSort.DELEGATIONS: m.DialogueRow.delegation_count,
    DialogueSort.PARTICIPANTS: m.DialogueRow.participant_count,
    DialogueSort.STATUS: m.DialogueRow.status,
}

_LIST_COLUMNS = (
    m.DialogueRow.id, m.DialogueRow.title, m.DialogueRow.kind, m.DialogueRow.start_date,
    m.DialogueRow.end_date, m.DialogueRow.series, m.DialogueRow.city, m.DialogueRow.country,
    m.DialogueRow.online, m.DialogueRow.chair_type, m.DialogueRow.chair_country,
    m.DialogueRow.chair_organisation, m.DialogueRow.status, m.DialogueRow.delegation_count,
    m.DialogueRow.participant_count, m.DialogueRow.updated_at, m.DialogueRow.deleted_at,
)


TRIGRAM = 3  # the shortest word the search index can find


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_SEARCH = table("dialogue_search")
_SEARCH_COLUMN = literal_column("dialogue_search")


def _match_expression(words: list[str]) -> str | None:
    """FTS5 query for the words the trigram index can find: each quoted, so that what was typed is
    only ever text to find (never FTS syntax such as OR, NEAR or *)."""
    indexed = [word for word in words if len(word) >= TRIGRAM]
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in indexed) or None


def _only_text(selection: r.DialogueFilter) -> str | None:
    """The FTS query when the filter is a search and nothing else the index cannot answer."""
    words = query_words(selection.text)
    others = (selection.series, selection.date_from, selection.date_to, selection.status, selection.country,
              selection.ids)
    if any(value is not None and value != "" for value in others) or any(len(w) < TRIGRAM for w in words):
        return None
    return _match_expression(words)


def count_matching(session: Session, selection: r.DialogueFilter) -> int:
    """How many dialogues a filter selects. A search alone is counted from the index: every match
    there, less those on the other side of the trash (few, each checked by a rowid seek) — instead
    of testing every dialogue against the match set (at 100,000 dialogues, a word found in all of
    them: ~75 ms -> ~30 ms)."""
    match = _only_text(selection)
    if match is None:
        return session.scalar(select(func.count()).select_from(m.DialogueRow).where(
            *filter_conditions(selection))) or 0
    d = m.DialogueRow
    in_trash = select(func.count()).select_from(d).where(
        d.deleted_at.is_not(None),
        exists(select(literal_column("1")).select_from(_SEARCH).where(
            _SEARCH_COLUMN.op("MATCH")(match), literal_column("dialogue_search.rowid") == literal_column(
                "dialogues.rowid"))))
    trashed = session.scalar(in_trash) or 0
    if selection.deleted:
        return trashed
    everywhere = session.scalar(select(func.count()).select_from(_SEARCH).where(
        _SEARCH_COLUMN.op("MATCH")(match))) or 0
    return everywhere - trashed


def filter_conditions(selection: r.DialogueFilter) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter; shared by the list, export and the report."""
    d = m.DialogueRow
    conditions: list[ColumnElement[bool]] = [
        d.deleted_at.is_not(None) if selection.deleted else d.deleted_at.is_(None)]
    words = query_words(selection.text)
    if match := _match_expression(words):  # the trigram index of migration 0004: substrings of the folded text
        found = select(literal_column("rowid")).select_from(_SEARCH).where(_SEARCH_COLUMN.op("MATCH")(match))
        conditions.append(literal_column("dialogues.rowid").in_(found))
    for word in words:
        if len(word) < TRIGRAM:  # too short for a trigram: read the text (the index narrows it first)
            conditions.append(d.search_text.like(f"%{_escape_like(word)}%", escape="\\"))
    if selection.series:
        conditions.append(d.series == selection.series)
    if selection.date_from:
        conditions.append(d.start_date >= selection.date_from)
    if selection.date_to:
        conditions.append(d.start_date <= selection.date_to)
    if selection.status:
        conditions.append(d.status == selection.status.value)
    if selection.country:
        # One `IN (host UNION ALL delegations)`, built once from two indexes: a correlated EXISTS
        # read every delegation per dialogue (minutes at 20,000 dialogues), and an OR of host and
        # `IN` made the count test every dialogue (~40 ms at 20,000 even for a rare country).
        d_host = select(d.id).where(d.country == selection.country)
        sent = select(m.DelegationRow.dialogue_id).where(m.DelegationRow.party_country == selection.country)
        conditions.append(d.id.in_(union_all(d_host, sent)))
    if selection.ids is not None:
        conditions.append(d.id.in_(selection.ids))
    return conditions


def selected_ids(selection: r.DialogueFilter) -> Select[tuple[str]]:
    return select(m.DialogueRow.id).where(*filter_conditions(selection))


def _row_from_columns(values: tuple) -> r.DialogueRow:  # type: ignore[type-arg]
    (id_, title, kind, start, end, series, city, country, online, chair_type, chair_country,
     chair_organisation, status, delegations, participants, updated, deleted) = values
    return r.DialogueRow(
        id=id_, title=title, kind=DialogueKind(kind), start_date=start, end_date=end, series=series,
        city=city, country=country, online=online,
        chair=party_from(chair_type, chair_country, chair_organisation), status=DialogueStatus(status),
        delegation_count=delegations, participant_count=participants,
        updated_at=updated, deleted_at=deleted)


def load_dialogue_row(session: Session, dialogue_id: str) -> m.DialogueRow | None:
    return session.scalars(
        select(m.DialogueRow).where(m.DialogueRow.id == dialogue_id).options(
            selectinload(m.DialogueRow.programmes), selectinload(m.DialogueRow.frameworks),
            selectinload(m.DialogueRow.topics), selectinload(m.DialogueRow.agenda),
            selectinload(m.DialogueRow.actions),
            selectinload(m.DialogueRow.delegations).selectinload(m.DelegationRow.participants))
    ).one_or_none()


def load_dialogue_rows(session: Session, dialogue_ids: list[str]) -> dict[str, m.DialogueRow]:
    """Many dialogues with their children in a handful of queries (an import compares hundreds)."""
    found: dict[str, m.DialogueRow] = {}
    for start in range(0, len(dialogue_ids), 500):
        chunk = dialogue_ids[start:start + 500]
        found.update((row.id, row) for row in session.scalars(
            select(m.DialogueRow).where(m.DialogueRow.id.in_(chunk)).options(
                selectinload(m.DialogueRow.programmes), selectinload(m.DialogueRow.frameworks),
                selectinload(m.DialogueRow.topics), selectinload(m.DialogueRow.agenda),
                selectinload(m.DialogueRow.actions),
                selectinload(m.DialogueRow.delegations).selectinload(m.DelegationRow.participants))))
    return found


def check_references(session: Session, dialogue: r.Dialogue) -> None:
    """Name the missing person or institution instead of letting a foreign key fail anonymously."""
    check_many_references(session, [dialogue])


def _found(session: Session, column: Any, ids: Iterable[str], *where: Any) -> list[Any]:
    """Rows of `column`'s table whose `column` is one of `ids` (chunked under SQLite's variable limit)."""
    wanted = sorted(set(ids))
    found: list[Any] = []
    for start in range(0, len(wanted), IN_CHUNK):
        found.extend(session.execute(select(column, *where).where(column.in_(wanted[start:start + IN_CHUNK]))))
    return found


def check_many_references(session: Session, dialogues: Sequence[r.Dialogue]) -> None:
    """`check_references` for many dialogues in a few queries (a bundle import writes thousands):
    every person and institution named exists, and no delegation or participant id is another
    dialogue's."""
    people = {p.person_id for d in dialogues for g in d.delegations for p in g.participants}
    if missing := people - {row[0] for row in _found(session, m.PersonRow.id, people)}:
        raise UserError(Text("A participant refers to a person who is not in the database (%1).",
                             sorted(missing)[0]))
    institutions = {p.institution_id for d in dialogues for g in d.delegations for p in g.participants
                    if p.institution_id}
    if missing := institutions - {row[0] for row in _found(session, m.InstitutionRow.id, institutions)}:
        raise UserError(Text("A participant refers to an institution that is not in the database (%1).",
                             sorted(missing)[0]))
    owner = {g.id: d.id for d in dialogues for g in d.delegations}
    elsewhere = sorted(i for i, held_by in _found(session, m.DelegationRow.id, owner, m.DelegationRow.dialogue_id)
                       if held_by != owner[i])
    if elsewhere:
        raise UserError(Text("Delegation %1 already belongs to another dialogue.", elsewhere[0]))
    owner = {p.id: d.id for d in dialogues for g in d.delegations for p in g.participants}
    held: list[Any] = []
    wanted = sorted(owner)
    for start in range(0, len(wanted), IN_CHUNK):
        held.extend(session.execute(select(m.ParticipantRow.id, m.DelegationRow.dialogue_id).join(m.DelegationRow)
                                    .where(m.ParticipantRow.id.in_(wanted[start:start + IN_CHUNK]))))
    if elsewhere := sorted(i for i, held_by in held if held_by != owner[i]):
        raise UserError(Text("Participant %1 already belongs to another dialogue.", elsewhere[0]))


def validate(dialogue: r.Dialogue) -> None:
    problems = dialogue_problems(dialogue)
    if problems:
        raise ValidationFailed(problems[0].message, problems)


def check_revision(session: Session, dialogue: r.Dialogue) -> None:
    """Refuse to overwrite a dialogue someone saved since this copy was read (optimistic concurrency).

    The one place for the rule: the repository's `save` and the form's save service both call it.
    """
    stored = session.scalar(select(m.DialogueRow.revision).where(m.DialogueRow.id == dialogue.id))
    if stored is None and dialogue.revision != 0:
        raise StaleRecord(Text("“%1” was deleted for good elsewhere; save it as a new dialogue.", dialogue.title))
    if stored is not None and stored != dialogue.revision:
        raise StaleRecord(Text("“%1” was changed elsewhere since you opened it; "
                               "reload it and make your changes again.", dialogue.title))


def write_dialogue(session: Session, dialogue: r.Dialogue, updated_at: datetime, check: bool = True) -> m.DialogueRow:
    """Insert or overwrite a dialogue as given (no concurrency check): import and save share this.
    `check=False`: a merge of two valid versions, whose rule breaks become a conflict instead
    (docs/exchange.md); the database's own constraints still hold."""
    if check:
        validate(dialogue)
    check_references(session, dialogue)
    row = load_dialogue_row(session, dialogue.id)
    if row is None:
        row = m.DialogueRow(id=dialogue.id, revision=0, created_at=r.utc_now())
        session.add(row)
    fill_dialogue(session, row, dialogue, updated_at)
    row.revision = (row.revision or 0) + 1
    session.flush()
    return row


class DialogueRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self, dialogue_id: str) -> r.Dialogue:
        with self.database.reading() as session:
            row = load_dialogue_row(session, dialogue_id)
            if row is None:
                raise RecordNotFound(Text("That dialogue is no longer in the database."))
            return dialogue_record(row)

    def page(self, selection: r.DialogueFilter = r.EMPTY_FILTER, sort: DialogueSort = DialogueSort.DATE,
             descending: bool = True, offset: int = 0, limit: int = 200) -> r.Page:
        """One page of list rows, filtered, sorted and cut in SQL."""
        column = _SORT_COLUMNS[sort]
        order = [column.desc() if descending else column.asc(),
                 m.DialogueRow.id.desc() if descending else m.DialogueRow.id.asc()]
        conditions = filter_conditions(selection)
        with self.database.reading() as session:
            rows = session.execute(
                select(*_LIST_COLUMNS).where(*conditions).order_by(*order).offset(offset).limit(limit))
            page = tuple(_row_from_columns(tuple(row)) for row in rows)
            return r.Page(page, count_matching(session, selection))

    def count(self, selection: r.DialogueFilter = r.EMPTY_FILTER) -> int:
        with self.database.reading() as session:
            return count_matching(session, selection)

    def save(self, dialogue: r.Dialogue) -> r.Dialogue:
        """Save a new or edited dialogue; refused if someone saved it since it was read."""
        from desktop_app.db import replica_store

        validate(dialogue)
        with self.database.writing() as session:
            check_revision(session, dialogue)
            row, _ = replica_store.edit(session, "dialogue", dialogue, self.database.officer)
            return dialogue_record(row)

    def delete(self, dialogue_id: str) -> None:
        """Move to the trash (soft delete); nothing is lost until the trash is emptied."""
        self._set_deleted(dialogue_id, r.utc_now())

    def restore(self, dialogue_id: str) -> None:
        self._set_deleted(dialogue_id, None)

    def _set_deleted(self, dialogue_id: str, when: datetime | None) -> None:
        """Trash and restore are edits of the field `trashed` (they travel, docs/exchange.md)."""
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            row = load_dialogue_row(session, dialogue_id)
            if row is None:
                raise RecordNotFound(Text("That dialogue is no longer in the database."))
            replica_store.edit(session, "dialogue", replace(dialogue_record(row), deleted_at=when),
                               self.database.officer, check=False)

    def purge(self, dialogue_id: str) -> None:
        """Delete for good a dialogue that is in the trash (its children cascade); a tombstone with
        the version it had travels to the other databases."""
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            row = load_dialogue_row(session, dialogue_id)
            if row is None or row.deleted_at is None:
                raise UserError(Text("Only a dialogue in the trash can be deleted for good."))
            state = replica_store.state_of(session, "dialogue", row)
            replica_store.add_tombstone(session, {"id": dialogue_id, "kind": "dialogue", "for_good": True,
                                                  "deleted_at": None, "version": state.version})
            replica_store.remove(session, "dialogue", dialogue_id)

    def twins(self, title: str, start_date: date | None, other_than: str) -> list[str]:
        """Ids of other current dialogues with this title and start date: one meeting recorded twice
        (a copy saved unchanged), which the form warns about and asks about once on save."""
        if not title.strip() or start_date is None:
            return []
        with self.database.reading() as session:
            return list(session.scalars(select(m.DialogueRow.id).where(
                m.DialogueRow.deleted_at.is_(None), m.DialogueRow.title == title.strip(),
                m.DialogueRow.start_date == start_date, m.DialogueRow.id != other_than)))

    def series_names(self) -> list[str]:
        with self.database.reading() as session:
            return list(session.scalars(
                select(m.DialogueRow.series).where(m.DialogueRow.series.is_not(None))
                .distinct().order_by(m.DialogueRow.series)))

    def topic_names(self) -> list[str]:
        with self.database.reading() as session:
            return list(session.scalars(select(m.DialogueTopic.name).distinct().order_by(m.DialogueTopic.name)))
