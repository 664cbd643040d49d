"""Copying between ORM rows and plain records, both ways.

Kept apart from the repositories so that the importer and the repository save a dialogue with the
very same code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any, Protocol, TypeVar, overload

from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db.first_page import party_from
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
from desktop_app.domain.search import fold, fold_all, joined_lines

Row = TypeVar("Row")
Item = TypeVar("Item")


class _Identified(Protocol):
    """A row or an item that replication matches by id."""

    @property
    def id(self) -> str | None: ...


IdRow = TypeVar("IdRow", bound=_Identified)
IdItem = TypeVar("IdItem", bound=_Identified)


_COUNTRY, _ORGANISATION = PartyType.COUNTRY.value, PartyType.ORGANISATION.value


@overload
def party_columns(party: r.Party) -> tuple[str, str | None, str | None]: ...
@overload
def party_columns(party: r.Party | None) -> tuple[str | None, str | None, str | None]: ...
def party_columns(party: r.Party | None) -> tuple[str | None, str | None, str | None]:
    if party is None:
        return None, None, None
    if party.type is PartyType.COUNTRY:
        return _COUNTRY, party.code, None
    return _ORGANISATION, None, party.name


# ---- rows -> records ------------------------------------------------------------------------
#
# One reading per table, for ORM rows and for Core rows alike (both answer `row.column`): the
# repositories pass ORM rows and their relationships, `bulk_reading` passes Core rows grouped by
# parent. The column names are those of the table of columns below.

def person_of(row: Any, other_names: Iterable[Any]) -> r.Person:
    return r.Person(id=row.id, name=row.name, other_names=tuple(o.name for o in other_names),
                    sex=Sex(row.sex) if row.sex else None, email=row.email, updated_at=row.updated_at,
                    revision=row.revision)


def institution_of(row: Any, other_names: Iterable[Any]) -> r.Institution:
    return r.Institution(id=row.id, name=row.name, acronym=row.acronym, country=row.country,
                         updated_at=row.updated_at, revision=row.revision,
                         other_names=tuple(o.name for o in other_names))


def agenda_item_of(row: Any) -> r.AgendaItem:
    return r.AgendaItem(id=row.id, title=row.title, notes=row.notes,
                        presenter=party_from(row.presenter_type, row.presenter_country, row.presenter_organisation))


def action_of(row: Any) -> r.Action:
    return r.Action(id=row.id, description=row.description, status=ActionStatus(row.status), owner=row.owner,
                    due_date=row.due_date, carried_from=row.carried_from, done_on=row.done_on)


def participant_of(row: Any) -> r.Participant:
    return r.Participant(id=row.id, person_id=row.person_id, role=Role(row.role), institution_id=row.institution_id,
                         position=row.position, status=ParticipationStatus(row.status),
                         programme_funded=row.programme_funded)


def delegation_of(row: Any, participants: Iterable[Any]) -> r.Delegation:
    return r.Delegation(id=row.id, side=Side(row.side), programme_supported=row.programme_supported, notes=row.notes,
                        party=party_from(row.party_type, row.party_country, row.party_organisation)
                        or r.Party.country(""),
                        participants=tuple(participant_of(p) for p in participants))


def dialogue_of(row: Any, programmes: Iterable[Any], frameworks: Iterable[Any], topics: Iterable[Any],
                agenda: Iterable[Any], delegations: Iterable[tuple[Any, Iterable[Any]]],
                actions: Iterable[Any]) -> r.Dialogue:
    """`delegations`: each delegation's row with its participants' rows."""
    return r.Dialogue(
        id=row.id, title=row.title, kind=DialogueKind(row.kind), start_date=row.start_date,
        status=DialogueStatus(row.status), series=row.series, end_date=row.end_date, city=row.city,
        country=row.country, online=row.online,
        chair=party_from(row.chair_type, row.chair_country, row.chair_organisation),
        supporting_programmes=tuple(v.name for v in programmes), frameworks=tuple(v.name for v in frameworks),
        topics=tuple(v.name for v in topics), summary=row.summary,
        agenda=tuple(agenda_item_of(a) for a in agenda),
        delegations=tuple(delegation_of(d, members) for d, members in delegations),
        actions=tuple(action_of(a) for a in actions),
        updated_at=row.updated_at, revision=row.revision, deleted_at=row.deleted_at)


def person_record(row: m.PersonRow) -> r.Person:
    return person_of(row, row.other_names)


def institution_record(row: m.InstitutionRow) -> r.Institution:
    return institution_of(row, row.other_names)


def dialogue_record(row: m.DialogueRow) -> r.Dialogue:
    return dialogue_of(row, row.programmes, row.frameworks, row.topics, row.agenda,
                       ((d, d.participants) for d in row.delegations), row.actions)


# ---- records -> rows: the one table of columns ----------------------------------------------
#
# Each `*_columns` function says which column of a table holds which part of a record. The ORM path
# (`fill_*`, a form's save, a merge) sets them on rows; the bulk path (`bulk_writing`, an import of
# new records) inserts them as they are. The keys, parents' ids and bookkeeping each path sets itself
# are listed in `SET_BY_WRITER`; a test fails when a model has a column that is in neither.

Columns = dict[str, Any]

SET_BY_WRITER: dict[str, frozenset[str]] = {
    "people": frozenset({"id", "created_at", "deleted_at", "revision", "exchange_source", "exchange_imported_at",
                         "exchange_updated_at", "edited_locally", "replica"}),
    "person_other_names": frozenset({"person_id"}),
    "institutions": frozenset({"id", "created_at", "deleted_at", "revision", "exchange_source",
                               "exchange_imported_at", "exchange_updated_at", "edited_locally", "replica"}),
    "institution_other_names": frozenset({"institution_id"}),
    "dialogues": frozenset({"id", "created_at", "deleted_at", "revision", "exchange_source", "exchange_imported_at",
                            "exchange_updated_at", "edited_locally", "replica", "search_text"}),
    "dialogue_programmes": frozenset({"dialogue_id"}),
    "dialogue_frameworks": frozenset({"dialogue_id"}),
    "dialogue_topics": frozenset({"dialogue_id"}),
    "agenda_items": frozenset({"id", "dialogue_id", "created_at"}),
    "actions": frozenset({"id", "dialogue_id", "created_at"}),
    "delegations": frozenset({"id", "dialogue_id", "created_at"}),
    "participants": frozenset({"id", "delegation_id", "created_at"}),
}


# Each table's mapped columns in one order, and its values in that order (`*_values`): the bulk
# writer builds its `executemany` rows straight from them, one tuple per row (issue 19: no dict per
# row and column); `*_columns` are the same values by column name, for the ORM path.
PERSON_FIELDS = ("name", "sex", "email", "search_name", "updated_at")
INSTITUTION_FIELDS = ("name", "acronym", "country", "updated_at")
NAME_FIELDS = ("sort_order", "name")
DIALOGUE_FIELDS = ("title", "series", "kind", "start_date", "end_date", "city", "country", "online", "chair_type",
                   "chair_country", "chair_organisation", "summary", "status", "updated_at", "delegation_count",
                   "participant_count")
AGENDA_FIELDS = ("sort_order", "title", "presenter_type", "presenter_country", "presenter_organisation", "notes",
                 "updated_at")
ACTION_FIELDS = ("sort_order", "description", "owner", "due_date", "status", "carried_from", "done_on", "updated_at")
DELEGATION_FIELDS = ("sort_order", "side", "party_type", "party_country", "party_organisation",
                     "programme_supported", "notes", "updated_at")
PARTICIPANT_FIELDS = ("sort_order", "person_id", "institution_id", "position", "role", "status", "programme_funded",
                      "updated_at")


def _as_is(value: Any) -> Any:
    return value


def person_values(person: r.Person, updated_at: Any) -> tuple[Any, ...]:
    return (person.name, person.sex.value if person.sex else None, person.email,
            fold_all((person.name, *person.other_names)), updated_at)


def person_columns(person: r.Person, updated_at: datetime) -> Columns:
    return dict(zip(PERSON_FIELDS, person_values(person, updated_at), strict=True))


def institution_values(institution: r.Institution, updated_at: Any) -> tuple[Any, ...]:
    return institution.name, institution.acronym, institution.country, updated_at


def institution_columns(institution: r.Institution, updated_at: datetime) -> Columns:
    return dict(zip(INSTITUTION_FIELDS, institution_values(institution, updated_at), strict=True))


def name_columns(index: int, name: str) -> Columns:
    """An other name of a person or an institution; a programme, framework or topic of a dialogue
    (`NAME_FIELDS`: its values are `(index, name)`)."""
    return {"sort_order": index, "name": name}


def dialogue_values(dialogue: r.Dialogue, updated_at: Any) -> tuple[Any, ...]:
    chair = party_columns(dialogue.chair)
    return (dialogue.title, dialogue.series, dialogue.kind.value, dialogue.start_date, dialogue.end_date,
            dialogue.city, dialogue.country, dialogue.online, chair[0], chair[1], chair[2], dialogue.summary,
            dialogue.status.value, updated_at, len(dialogue.delegations),
            sum(len(d.participants) for d in dialogue.delegations))


def dialogue_columns(dialogue: r.Dialogue, updated_at: datetime) -> Columns:
    return dict(zip(DIALOGUE_FIELDS, dialogue_values(dialogue, updated_at), strict=True))


DIALOGUE_VALUES = (("supporting_programmes", m.DialogueProgramme), ("frameworks", m.DialogueFramework),
                   ("topics", m.DialogueTopic))


def agenda_values(item: r.AgendaItem, index: int, updated_at: Any) -> tuple[Any, ...]:
    presenter = party_columns(item.presenter)
    return index, item.title, presenter[0], presenter[1], presenter[2], item.notes, updated_at


def agenda_columns(item: r.AgendaItem, index: int, updated_at: datetime) -> Columns:
    return dict(zip(AGENDA_FIELDS, agenda_values(item, index, updated_at), strict=True))


def action_values(action: r.Action, index: int, updated_at: Any) -> tuple[Any, ...]:
    return (index, action.description, action.owner, action.due_date, action.status.value, action.carried_from,
            action.done_on, updated_at)


def action_columns(action: r.Action, index: int, updated_at: datetime) -> Columns:
    return dict(zip(ACTION_FIELDS, action_values(action, index, updated_at), strict=True))


def delegation_values(delegation: r.Delegation, index: int, updated_at: Any,
                      flag: Callable[[Any], Any] = _as_is) -> tuple[Any, ...]:
    """`flag`: how `programme_supported` is written (the bulk writer's bind processing of it)."""
    party = party_columns(delegation.party)
    return (index, delegation.side._value_, party[0], party[1], party[2], flag(delegation.programme_supported),
            delegation.notes, updated_at)


def delegation_columns(delegation: r.Delegation, index: int, updated_at: datetime) -> Columns:
    return dict(zip(DELEGATION_FIELDS, delegation_values(delegation, index, updated_at), strict=True))


def participant_values(participant: r.Participant, index: int, updated_at: Any,
                       flag: Callable[[Any], Any] = _as_is) -> tuple[Any, ...]:
    """`_value_`: the members' values without `Enum.value`'s descriptor (~0.4 µs each, 64,000
    participants a 2,000-dialogue import; issue 19). `flag`: how `programme_funded` is written
    (the bulk writer's bind processing of it)."""
    return (index, participant.person_id, participant.institution_id, participant.position,
            participant.role._value_, participant.status._value_, flag(participant.programme_funded), updated_at)


def participant_columns(participant: r.Participant, index: int, updated_at: datetime) -> Columns:
    return dict(zip(PARTICIPANT_FIELDS, participant_values(participant, index, updated_at), strict=True))


def _assign(row: object, columns: Columns) -> None:
    for name, value in columns.items():
        setattr(row, name, value)


def sync_by_position(rows: list[Row], items: Sequence[Item], make: Callable[[], Row],
                     fill: Callable[[Row, int, Item], None]) -> None:
    """Reuse rows in place, append what is new, drop what is gone: no delete-and-reinsert churn."""
    for index, item in enumerate(items):
        if index == len(rows):
            rows.append(make())
        fill(rows[index], index, item)
    del rows[len(items):]


def _fill_name(name_row: object, index: int, name: str) -> None:
    _assign(name_row, name_columns(index, name))


def fill_person(row: m.PersonRow, person: r.Person, updated_at: datetime) -> None:
    _assign(row, person_columns(person, updated_at))
    sync_by_position(row.other_names, person.other_names, m.PersonOtherName, _fill_name)


def fill_institution(row: m.InstitutionRow, institution: r.Institution, updated_at: datetime) -> None:
    _assign(row, institution_columns(institution, updated_at))
    sync_by_position(row.other_names, institution.other_names, m.InstitutionOtherName, _fill_name)


def fill_dialogue(session: Session, row: m.DialogueRow, dialogue: r.Dialogue, updated_at: datetime) -> None:
    """Write every field and child of `dialogue` into `row`; children keep their ids."""
    _assign(row, dialogue_columns(dialogue, updated_at))
    for rows, (field, model) in zip((row.programmes, row.frameworks, row.topics), DIALOGUE_VALUES, strict=True):
        sync_by_position(rows, getattr(dialogue, field), model, _fill_name)  # type: ignore[arg-type]

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
        _assign(item_row, agenda_columns(item, index, updated_at))

    row.agenda = by_id(row.agenda, dialogue.agenda, m.AgendaItemRow, fill_agenda)

    def fill_action(action_row: m.ActionRow, index: int, action: r.Action) -> None:
        action_row.id = action_row.id or action.id or r.new_id()
        _assign(action_row, action_columns(action, index, updated_at))

    row.actions = by_id(row.actions, dialogue.actions, m.ActionRow, fill_action)

    existing = {d.id: d for d in row.delegations}
    delegations: list[m.DelegationRow] = []
    for index, delegation in enumerate(dialogue.delegations):
        delegation_row = existing.pop(delegation.id, None) or m.DelegationRow(id=delegation.id)
        _assign(delegation_row, delegation_columns(delegation, index, updated_at))
        old_participants = {p.id: p for p in delegation_row.participants}
        participants: list[m.ParticipantRow] = []
        for position, participant in enumerate(delegation.participants):
            participant_row = old_participants.pop(participant.id, None) or m.ParticipantRow(id=participant.id)
            _assign(participant_row, participant_columns(participant, position, updated_at))
            participants.append(participant_row)
        delegation_row.participants = participants
        delegations.append(delegation_row)
    row.delegations = delegations
    row.search_text = search_text(session, dialogue)


IN_CHUNK = 5000  # ids per `IN (...)`: well under SQLite's bound-variable limit on every platform


def people_names(session: Session, person_ids: Iterable[str]) -> dict[str, list[str]]:
    """Each person's name followed by their other names, in two queries for any number of ids (no
    lazy loading person by person: that was most of the cost of saving a dialogue with 50
    participants), the ids bound once as a JSON array (no SQLAlchemy `IN` list per value), in any
    order (the rows come in the query's), and the rows read on the session's own driver connection,
    in its transaction (issue 19, round 8: no Core result row per name)."""
    ids = json.dumps(list(set(person_ids)))
    names: dict[str, list[str]] = {}
    if session.autoflush:  # what a session's own query does first: rows just added are found
        session.flush()
    driver: Any = session.connection().connection.driver_connection
    wanted = "IN (SELECT value FROM json_each(?))"
    for person_id, name in driver.execute(f"SELECT id, name FROM people WHERE id {wanted} ORDER BY id", (ids,)):
        names[person_id] = [name]
    for person_id, name in driver.execute(
            f"SELECT person_id, name FROM person_other_names WHERE person_id {wanted} ORDER BY person_id, sort_order",
            (ids,)):
        names.setdefault(person_id, []).append(name)
    return names


def search_text(session: Session, dialogue: r.Dialogue, names: dict[str, list[str]] | None = None,
                folded: dict[str, list[str]] | None = None) -> str:
    """Everything the list's search box should find a dialogue by, folded once at save time.

    `names` (from `people_names`) lets a caller refreshing many dialogues read the people once;
    `folded` (`folded_names` of them) lets one writing many fold each person's names once, not
    once per dialogue naming them (issue 19): the same text."""
    person_ids = sorted({p.person_id for d in dialogue.delegations for p in d.participants})
    if names is None and folded is None:
        names = people_names(session, person_ids) if person_ids else {}
    parties = [dialogue.chair, *(d.party for d in dialogue.delegations)]
    party_names = [name for party in parties if party for name in (party_name(party), party_name(party, "ru"))]
    host = [party_name(r.Party.country(dialogue.country)), party_name(r.Party.country(dialogue.country), "ru")] \
        if dialogue.country else []
    own = (dialogue.title, dialogue.series, dialogue.city, *host, *dialogue.topics, *dialogue.frameworks,
           *dialogue.supporting_programmes, dialogue.summary, *party_names)
    if folded is not None:
        return joined_lines([fold(part) for part in own if part]
                            + [text for person_id in person_ids for text in folded.get(person_id, ())])
    assert names is not None
    return fold_all((*own, *(name for person_id in person_ids for name in names.get(person_id, ()))))


class SearchTexts:
    """`search_text` for many dialogues (a bundle import's), the same texts: what dialogues share —
    each party's names in both languages, each host country's, each person's (`folded_names`) —
    folded once per batch, not once per dialogue naming it (issue 19, round 8). A party's names
    depend only on its code and name (`party_name`), its key here.
    tests/db/test_search_text_folded.py holds it to `search_text`."""

    def __init__(self, folded: dict[str, list[str]]) -> None:
        self.folded = folded
        self.parties: dict[tuple[str | None, str | None], list[str]] = {}

    def _party(self, party: r.Party) -> list[str]:
        key = (party.code, party.name)
        found = self.parties.get(key)
        if found is None:
            found = self.parties[key] = [fold(name) for name in (party_name(party), party_name(party, "ru")) if name]
        return found

    def __call__(self, dialogue: r.Dialogue) -> str:
        texts = [fold(part) for part in (dialogue.title, dialogue.series, dialogue.city) if part]
        if dialogue.country:
            texts += self._party(r.Party.country(dialogue.country))
        for values in (dialogue.topics, dialogue.frameworks, dialogue.supporting_programmes):
            texts += [fold(part) for part in values if part]
        if dialogue.summary:
            texts.append(fold(dialogue.summary))
        if dialogue.chair:
            texts += self._party(dialogue.chair)
        person_ids: set[str] = set()
        for delegation in dialogue.delegations:
            if delegation.party:
                texts += self._party(delegation.party)
            person_ids.update(map(_PERSON_ID, delegation.participants))
        folded = self.folded
        for person_id in sorted(person_ids):
            texts += folded.get(person_id, ())
        return joined_lines(texts)


_PERSON_ID = attrgetter("person_id")


def folded_names(names: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each person's names (`people_names`) folded as `search_text` folds them."""
    return {person_id: person_folded(person_names) for person_id, person_names in names.items()}


def person_folded(names: Iterable[str]) -> list[str]:
    """One person's names (the name, then the other names in order) folded as `search_text` folds them."""
    return [fold(name) for name in names if name]


# The session's record of the people a bulk load wrote (`bulk_writing.loading`): each id's folded
# names (`person_folded`), so that the load's dialogues' search texts do not read back the names it
# has just written (issue 19: the query and its rows, ~2-3 % of a 2,000-dialogue import). A person
# written any other way meanwhile (`write_person`, a removal) is forgotten here and read from the file.
LOADED_NAMES = "dialogue_register.loaded_people_names"


def remember_loaded(session: Session, person_id: str, names: Iterable[str]) -> None:
    """A bulk load wrote this person with these names (kept only while a load is under way)."""
    loaded = session.info.get(LOADED_NAMES)
    if loaded is not None:
        loaded[person_id] = person_folded(names)


def forget_loaded(session: Session, person_id: str) -> None:
    """This person's row changed (or went) after a bulk load wrote it: its names are read again."""
    loaded = session.info.get(LOADED_NAMES)
    if loaded:
        loaded.pop(person_id, None)


def folded_names_of(session: Session, person_ids: Iterable[str]) -> dict[str, list[str]]:
    """`folded_names(people_names(session, person_ids))`, the people a bulk load wrote taken from
    what it remembered (`remember_loaded`) and only the others read from the file."""
    loaded = session.info.get(LOADED_NAMES)
    if not loaded:
        return folded_names(people_names(session, person_ids))
    found: dict[str, list[str]] = {}
    missing: list[str] = []
    for person_id in set(person_ids):
        names = loaded.get(person_id)
        if names is None:
            missing.append(person_id)
        else:
            found[person_id] = names
    if missing:
        found.update(folded_names(people_names(session, missing)))
    return found
