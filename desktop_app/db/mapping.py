"""Copying between ORM rows and plain records, both ways.

Kept apart from the repositories so that the importer and the repository save a dialogue with the
very same code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.domain import records as r
from desktop_app.domain.enums import (
    ActionStatus,
    DialogueKind,
    DialogueStatus,
    ParticipationStatus,
    PartyType,
    Role,
    Sex,
    Side,
)
from desktop_app.domain.reference import party_name
from desktop_app.domain.search import fold_all

Row = TypeVar("Row")
Item = TypeVar("Item")


class _Identified(Protocol):
    """A row or an item that replication matches by id."""

    @property
    def id(self) -> str | None: ...


IdRow = TypeVar("IdRow", bound=_Identified)
IdItem = TypeVar("IdItem", bound=_Identified)


def party_from(kind: str | None, country: str | None, organisation: str | None) -> r.Party | None:
    if kind is None:
        return None
    if kind == PartyType.COUNTRY:
        return r.Party.country(country or "")
    return r.Party.organisation(organisation or "")


@overload
def party_columns(party: r.Party) -> tuple[str, str | None, str | None]: ...
@overload
def party_columns(party: r.Party | None) -> tuple[str | None, str | None, str | None]: ...
def party_columns(party: r.Party | None) -> tuple[str | None, str | None, str | None]:
    if party is None:
        return None, None, None
    if party.type is PartyType.COUNTRY:
        return PartyType.COUNTRY.value, party.code, None
    return PartyType.ORGANISATION.value, None, party.name


# ---- rows -> records ------------------------------------------------------------------------

def person_record(row: m.PersonRow) -> r.Person:
    return r.Person(
        id=row.id, name=row.name, other_names=tuple(o.name for o in row.other_names),
        sex=Sex(row.sex) if row.sex else None, email=row.email, updated_at=row.updated_at,
        revision=row.revision)


def institution_record(row: m.InstitutionRow) -> r.Institution:
    return r.Institution(id=row.id, name=row.name, acronym=row.acronym, country=row.country,
                         updated_at=row.updated_at, revision=row.revision,
                         other_names=tuple(o.name for o in row.other_names))


def dialogue_record(row: m.DialogueRow) -> r.Dialogue:
    return r.Dialogue(
        id=row.id, title=row.title, kind=DialogueKind(row.kind), start_date=row.start_date,
        status=DialogueStatus(row.status), series=row.series, end_date=row.end_date, city=row.city,
        country=row.country, online=row.online,
        chair=party_from(row.chair_type, row.chair_country, row.chair_organisation),
        supporting_programmes=tuple(v.name for v in row.programmes),
        frameworks=tuple(v.name for v in row.frameworks),
        topics=tuple(v.name for v in row.topics),
        summary=row.summary,
        agenda=tuple(
            r.AgendaItem(id=a.id, title=a.title, notes=a.notes,
                         presenter=party_from(a.presenter_type, a.presenter_country, a.presenter_organisation))
            for a in row.agenda),
        delegations=tuple(
            r.Delegation(
                id=d.id, side=Side(d.side), programme_supported=d.programme_supported, notes=d.notes,
                party=party_from(d.party_type, d.party_country, d.party_organisation) or r.Party.country(""),
                participants=tuple(
                    r.Participant(id=p.id, person_id=p.person_id, role=Role(p.role),
                                  institution_id=p.institution_id, position=p.position,
                                  status=ParticipationStatus(p.status), programme_funded=p.programme_funded)
                    for p in d.participants))
            for d in row.delegations),
        actions=tuple(
            r.Action(id=a.id, description=a.description, status=ActionStatus(a.status), owner=a.owner,
                     due_date=a.due_date, carried_from=a.carried_from, done_on=a.done_on)
            for a in row.actions),
        updated_at=row.updated_at, revision=row.revision, deleted_at=row.deleted_at)


# ---- records -> rows ------------------------------------------------------------------------

def sync_by_position(rows: list[Row], items: Sequence[Item], make: Callable[[], Row],
                     fill: Callable[[Row, int, Item], None]) -> None:
    """Reuse rows in place, append what is new, drop what is gone: no delete-and-reinsert churn."""
    for index, item in enumerate(items):
        if index == len(rows):
            rows.append(make())
        fill(rows[index], index, item)
    del rows[len(items):]


def fill_person(row: m.PersonRow, person: r.Person, updated_at: datetime) -> None:
    row.name = person.name
    row.sex = person.sex.value if person.sex else None
    row.email = person.email
    row.search_name = fold_all((person.name, *person.other_names))
    row.updated_at = updated_at

    def fill_name(name_row: m.PersonOtherName, index: int, name: str) -> None:
        name_row.sort_order = index
        name_row.name = name

    sync_by_position(row.other_names, person.other_names, m.PersonOtherName, fill_name)


def fill_institution(row: m.InstitutionRow, institution: r.Institution, updated_at: datetime) -> None:
    row.name = institution.name
    row.acronym = institution.acronym
    row.country = institution.country
    row.updated_at = updated_at

    def fill_name(name_row: m.InstitutionOtherName, index: int, name: str) -> None:
        name_row.sort_order = index
        name_row.name = name

    sync_by_position(row.other_names, institution.other_names, m.InstitutionOtherName, fill_name)


def fill_dialogue(session: Session, row: m.DialogueRow, dialogue: r.Dialogue, updated_at: datetime) -> None:
    """Write every field and child of `dialogue` into `row`; children keep their ids."""
    row.title = dialogue.title
    row.series = dialogue.series
    row.kind = dialogue.kind.value
    row.start_date = dialogue.start_date
    row.end_date = dialogue.end_date
    row.city = dialogue.city
    row.country = dialogue.country
    row.online = dialogue.online
    row.chair_type, row.chair_country, row.chair_organisation = party_columns(dialogue.chair)
    row.summary = dialogue.summary
    row.status = dialogue.status.value
    row.updated_at = updated_at

    def fill_value(value_row: m.DialogueProgramme | m.DialogueFramework | m.DialogueTopic, index: int,
                   value: str) -> None:
        value_row.sort_order = index
        value_row.name = value
    sync_by_position(row.programmes, dialogue.supporting_programmes, m.DialogueProgramme, fill_value)
    sync_by_position(row.frameworks, dialogue.frameworks, m.DialogueFramework, fill_value)
    sync_by_position(row.topics, dialogue.topics, m.DialogueTopic, fill_value)

    def by_id(rows: list[IdRow], items: Sequence[IdItem], make: Callable[[], IdRow],
              fill: Callable[[IdRow, int, IdItem], None]) -> list[IdRow]:
        """Rows matched to items by id (replication merges agenda items and actions by id, so a row
        must never take another item's place); an item without an id yet takes a fresh row."""
        existing = {row.id: row for row in rows}
        kept = []
        for index, item in enumerate(items):
            row_ = existing.pop(item.id, None) if item.id else None
            if row_ is None:
                row_ = make()
            fill(row_, index, item)
            kept.append(row_)
        return kept

    def fill_agenda(item_row: m.AgendaItemRow, index: int, item: r.AgendaItem) -> None:
        item_row.id = item_row.id or item.id or r.new_id()
        item_row.sort_order = index
        item_row.title = item.title
        item_row.presenter_type, item_row.presenter_country, item_row.presenter_organisation = (
            party_columns(item.presenter))
        item_row.notes = item.notes
        item_row.updated_at = updated_at

    row.agenda = by_id(row.agenda, dialogue.agenda, m.AgendaItemRow, fill_agenda)

    def fill_action(action_row: m.ActionRow, index: int, action: r.Action) -> None:
        action_row.id = action_row.id or action.id or r.new_id()
        action_row.sort_order = index
        action_row.description = action.description
        action_row.owner = action.owner
        action_row.due_date = action.due_date
        action_row.status = action.status.value
        action_row.carried_from = action.carried_from
        action_row.done_on = action.done_on
        action_row.updated_at = updated_at

    row.actions = by_id(row.actions, dialogue.actions, m.ActionRow, fill_action)

    existing = {d.id: d for d in row.delegations}
    delegations: list[m.DelegationRow] = []
    for index, delegation in enumerate(dialogue.delegations):
        delegation_row = existing.pop(delegation.id, None) or m.DelegationRow(id=delegation.id)
        delegation_row.sort_order = index
        delegation_row.side = delegation.side.value
        (delegation_row.party_type, delegation_row.party_country,
         delegation_row.party_organisation) = party_columns(delegation.party)
        delegation_row.programme_supported = delegation.programme_supported
        delegation_row.notes = delegation.notes
        delegation_row.updated_at = updated_at
        old_participants = {p.id: p for p in delegation_row.participants}
        participants: list[m.ParticipantRow] = []
        for position, participant in enumerate(delegation.participants):
            participant_row = old_participants.pop(participant.id, None) or m.ParticipantRow(id=participant.id)
            participant_row.sort_order = position
            participant_row.person_id = participant.person_id
            participant_row.institution_id = participant.institution_id
            participant_row.position = participant.position
            participant_row.role = participant.role.value
            participant_row.status = participant.status.value
            participant_row.programme_funded = participant.programme_funded
            participant_row.updated_at = updated_at
            participants.append(participant_row)
        delegation_row.participants = participants
        delegations.append(delegation_row)
    row.delegations = delegations

    row.delegation_count = len(dialogue.delegations)
    row.participant_count = sum(len(d.participants) for d in dialogue.delegations)
    row.search_text = search_text(session, dialogue)


IN_CHUNK = 5000  # ids per `IN (...)`: well under SQLite's bound-variable limit on every platform


def people_names(session: Session, person_ids: Iterable[str]) -> dict[str, list[str]]:
    """Each person's name followed by their other names, in two queries per chunk of ids (no lazy
    loading person by person: that was most of the cost of saving a dialogue with 50 participants)."""
    ids = sorted(set(person_ids))
    names: dict[str, list[str]] = {}
    other = m.PersonOtherName
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start:start + IN_CHUNK]
        for person_id, name in session.execute(
                select(m.PersonRow.id, m.PersonRow.name).where(m.PersonRow.id.in_(chunk)).order_by(m.PersonRow.id)):
            names[person_id] = [name]
        for person_id, name in session.execute(
                select(other.person_id, other.name).where(other.person_id.in_(chunk))
                .order_by(other.person_id, other.sort_order)):
            names.setdefault(person_id, []).append(name)
    return names


def search_text(session: Session, dialogue: r.Dialogue, names: dict[str, list[str]] | None = None) -> str:
    """Everything the list's search box should find a dialogue by, folded once at save time.

    `names` (from `people_names`) lets a caller refreshing many dialogues read the people once."""
    person_ids = sorted({p.person_id for d in dialogue.delegations for p in d.participants})
    if names is None:
        names = people_names(session, person_ids) if person_ids else {}
    parties = [dialogue.chair, *(d.party for d in dialogue.delegations)]
    party_names = [name for party in parties if party for name in (party_name(party), party_name(party, "ru"))]
    host = [party_name(r.Party.country(dialogue.country)), party_name(r.Party.country(dialogue.country), "ru")] \
        if dialogue.country else []
    return fold_all((dialogue.title, dialogue.series, dialogue.city, *host, *dialogue.topics,
                     *dialogue.frameworks, *dialogue.supporting_programmes, dialogue.summary,
                     *party_names, *(name for person_id in person_ids for name in names.get(person_id, ()))))
