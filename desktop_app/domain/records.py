"""Plain, immutable record types that cross every layer.

Repositories return these and accept them back; the UI edits copies (`dataclasses.replace`). They
mirror the exchange bundle so that import and export are a mapping, not a translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from desktop_app.domain.enums import (
    ActionStatus,
    DialogueKind,
    DialogueStatus,
    ParticipationStatus,
    Role,
    Sex,
    Side,
)

# the list's records, named here too: `records.Party is list_records.Party`
from desktop_app.domain.list_records import EMPTY_FILTER as EMPTY_FILTER
from desktop_app.domain.list_records import DialogueFilter as DialogueFilter
from desktop_app.domain.list_records import DialogueRow as DialogueRow
from desktop_app.domain.list_records import Page as Page
from desktop_app.domain.list_records import Party as Party


def new_id() -> str:
    """A fresh record id: minted once, kept in every database the record travels to."""
    import uuid  # here: the first window's list needs none (issue 19)

    return str(uuid.uuid4())


def derived_action_id(dialogue_id: str, position: int) -> str:
    """The id of an action that came without one (bundle version 1, records from before schema 0005).

    Derived from its dialogue's id and its position (0-based), so every database that holds the
    same version-1 record gives its actions the same ids, and replication can match them."""
    import uuid

    return str(uuid.uuid5(uuid.UUID(dialogue_id), f"action/{position}"))


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    other_names: tuple[str, ...] = ()
    sex: Sex | None = None
    email: str | None = None
    updated_at: datetime | None = None
    revision: int = 0


@dataclass(frozen=True)
class Institution:
    id: str
    name: str
    acronym: str | None = None
    country: str | None = None
    updated_at: datetime | None = None
    revision: int = 0
    other_names: tuple[str, ...] = ()  # its name in other languages and earlier names (issue 16)


# Slots (issue 19): a 2,000-dialogue bundle holds ~64,000 participants and ~16,000 delegations.
# Each is then one allocation instead of an object and its values, is built faster (by its
# `__init__`, and by the import's reader, `codec._participant`), and reads its fields as fast.
@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    person_id: str
    role: Role = Role.MEMBER
    institution_id: str | None = None
    position: str | None = None
    status: ParticipationStatus = ParticipationStatus.ATTENDED
    programme_funded: bool = False  # the programme paid for this person (bundle v2)


@dataclass(frozen=True, slots=True)  # slots: see Participant
class Delegation:
    id: str
    side: Side
    party: Party
    programme_supported: bool = False
    notes: str | None = None
    participants: tuple[Participant, ...] = ()


@dataclass(frozen=True)
class AgendaItem:
    title: str
    presenter: Party | None = None
    notes: str | None = None
    # "": not saved yet; the repository mints one and keeps it. Left out of equality: two records
    # say the same when their content does (a version-1 bundle derives ids the sender never had).
    id: str = field(default="", compare=False)


@dataclass(frozen=True)
class Action:
    description: str
    status: ActionStatus = ActionStatus.OPEN
    owner: str | None = None
    due_date: date | None = None
    # "": not saved yet; the repository mints one and keeps it. Left out of equality: two records
    # say the same when their content does (a version-1 bundle derives ids the sender never had).
    id: str = field(default="", compare=False)
    carried_from: str | None = None  # the action of an earlier dialogue this one continues
    done_on: date | None = None


@dataclass(frozen=True)
class Dialogue:
    """One meeting with everything recorded about it; saved and loaded as a whole."""

    id: str
    title: str
    kind: DialogueKind
    start_date: date
    status: DialogueStatus = DialogueStatus.DRAFT
    series: str | None = None
    end_date: date | None = None
    city: str | None = None
    country: str | None = None
    online: bool = False
    chair: Party | None = None
    supporting_programmes: tuple[str, ...] = ()
    frameworks: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    summary: str | None = None
    agenda: tuple[AgendaItem, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    actions: tuple[Action, ...] = ()
    updated_at: datetime | None = None
    revision: int = 0  # 0: never saved; the repository refuses a save whose revision is stale
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    other_names: tuple[str, ...]
    sex: Sex | None
    email: str | None
    # meetings not in the trash they attended (two delegations of one are one); None: not counted yet
    # (the People page counts the rows as they come into view: `PeopleRepository.search`'s `counted`)
    meetings: int | None


@dataclass(frozen=True)
class DatabaseCounts:
    dialogues: int
    deleted_dialogues: int
    delegations: int
    participants: int
    people: int
    institutions: int

    def describe(self) -> str:
        return (f"{self.dialogues} dialogues, {self.delegations} delegations, "
                f"{self.participants} participants, {self.people} people, "
                f"{self.institutions} institutions")


@dataclass(frozen=True)
class Conflict:
    """A record edited on both sides since the last exchange, waiting for the officer's choice.

    `incoming` is their version as bundle JSON; `fields` names what differs from ours."""

    id: int
    record_kind: str  # "dialogue", "person", "institution"
    record_id: str
    label: str
    incoming: dict
    fields: tuple[str, ...]
    source: str | None
    detected_at: datetime
    resolved_at: datetime | None = None



@dataclass(frozen=True)
class PersonOffer:
    """A known person offered for a typed name, with what tells namesakes apart and what the form
    fills from their most recent participation (issue 16)."""

    id: str
    name: str
    other_names: tuple[str, ...]
    sex: Sex | None = None
    score: float = 0.0
    country: str | None = None  # the party of their most recent delegation, when a country
    organisation: str | None = None  # ... or an organisation
    institution_id: str | None = None
    institution: str | None = None
    position: str | None = None
    last_meeting: str | None = None
    last_date: date | None = None


def with_new_ids(dialogue: Dialogue) -> Dialogue:
    """The dialogue as a new one: a new id for it and each of its delegations, participants, agenda
    items and actions, revision 0 (what is typed is kept; an action's `carried_from` still names the
    action it continues). For a draft whose dialogue was deleted for good since it was kept: its id,
    and those of its parts, belong to the deletion that travels to the other databases."""
    return replace(
        dialogue, id=new_id(), revision=0, updated_at=None, deleted_at=None,
        delegations=tuple(replace(d, id=new_id(), participants=tuple(replace(p, id=new_id()) for p in d.participants))
                          for d in dialogue.delegations),
        agenda=tuple(replace(a, id=new_id()) for a in dialogue.agenda),
        actions=tuple(replace(a, id=new_id()) for a in dialogue.actions))
