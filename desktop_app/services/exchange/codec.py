"""Records <-> the JSON shapes of the exchange bundle. Pure functions, no database."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime
from functools import cache, partial
from typing import Any

from desktop_app.domain import record_fields as rf
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
    member,
)
from desktop_app.domain.reference import countries

BUNDLE_FORMAT = "dialogue-register/bundle"
BUNDLE_VERSION = 1
Json = dict[str, Any]


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, microseconds only when there are any (so a bundle's own text comes back)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_timestamp(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


_new = object.__new__  # a record built as its frozen dataclass's `__init__` builds it (`_participant`)
_set = object.__setattr__
_SEXES: dict[Any, Sex] = Sex._value2member_map_  # type: ignore[assignment]

# one shape of a date and a party for the bundle and the replicated fields (domain.record_fields)
parse_date = rf.day
party_to_json = partial(rf.party_json, with_ref=False)  # version 1 has no `ref`


def party_from_json(data: Json | None) -> r.Party | None:
    if data is None:
        return None
    if data["type"] == "country":
        return r.Party.country(data["code"])
    return r.Party.organisation(data["name"])


def person_to_json(person: r.Person) -> Json:
    data: Json = {"id": person.id, "name": person.name, "other_names": list(person.other_names),
                  "sex": person.sex.value if person.sex else None, "email": person.email}
    if person.updated_at is not None:
        data["updated_at"] = format_timestamp(person.updated_at)
    return data


def person_from_json(data: Json) -> r.Person:
    """The person a bundle's JSON holds. Read by `_person_read` (issue 19: a bundle's every person
    is read once by its check); where that raises, read again by `_person_from_json_keywords`,
    which raises what it always raised (or reads what the quick way could not)."""
    try:
        return _person_read(data)
    except Exception:  # the error, if there is one, is the one the reading by keywords raises
        return _person_from_json_keywords(data)


def _person_read(data: Json) -> r.Person:
    """`_person_from_json_keywords`'s record, built as `_participant` builds a participant and its
    sex looked up in the members' map (an enumeration called by value costs ~1 µs). The same
    fields are read, so it raises wherever that one does (`tests/services/test_codec_fast_read.py`)."""
    get = data.get
    person_id, name, other_names = data["id"], data["name"], tuple(get("other_names") or ())
    sex = _SEXES[get("sex")] if get("sex") else None
    email = get("email")
    updated_at = parse_timestamp(data["updated_at"]) if get("updated_at") else None
    person = _new(r.Person)
    _set(person, "id", person_id)
    _set(person, "name", name)
    _set(person, "other_names", other_names)
    _set(person, "sex", sex)
    _set(person, "email", email)
    _set(person, "updated_at", updated_at)
    _set(person, "revision", 0)
    return person


def _person_from_json_keywords(data: Json) -> r.Person:
    """The person a bundle's JSON holds, built by keywords (what `person_from_json` reads where
    its quick way raises)."""
    return r.Person(
        id=data["id"], name=data["name"], other_names=tuple(data.get("other_names") or ()),
        sex=Sex(data["sex"]) if data.get("sex") else None, email=data.get("email"),
        updated_at=parse_timestamp(data["updated_at"]) if data.get("updated_at") else None)


def institution_to_json(institution: r.Institution) -> Json:
    data: Json = {"id": institution.id, "name": institution.name, "acronym": institution.acronym,
                  "country": institution.country}
    if institution.other_names:  # only then: version 1 has no institution other names
        data["other_names"] = list(institution.other_names)
    if institution.updated_at is not None:
        data["updated_at"] = format_timestamp(institution.updated_at)
    return data


def institution_from_json(data: Json) -> r.Institution:
    return r.Institution(
        id=data["id"], name=data["name"], acronym=data.get("acronym"), country=data.get("country"),
        other_names=tuple(data.get("other_names") or ()),
        updated_at=parse_timestamp(data["updated_at"]) if data.get("updated_at") else None)


def dialogue_to_json(dialogue: r.Dialogue) -> Json:
    data: Json = {
        "id": dialogue.id,
        "title": dialogue.title,
        "series": dialogue.series,
        "kind": dialogue.kind.value,
        "start_date": dialogue.start_date.isoformat(),
        "end_date": dialogue.end_date.isoformat() if dialogue.end_date else None,
        "city": dialogue.city,
        "country": dialogue.country,
        "online": dialogue.online,
        "chair": party_to_json(dialogue.chair),
        "supporting_programmes": list(dialogue.supporting_programmes),
        "frameworks": list(dialogue.frameworks),
        "topics": list(dialogue.topics),
        "summary": dialogue.summary,
        "status": dialogue.status.value,
        "agenda": [{"title": a.title, "presenter": party_to_json(a.presenter), "notes": a.notes}
                   for a in dialogue.agenda],
        "delegations": [
            {"id": d.id, "side": d.side.value, "party": party_to_json(d.party),
             "programme_supported": d.programme_supported, "notes": d.notes,
             "participants": [
                 {"id": p.id, "person_id": p.person_id, "institution_id": p.institution_id,
                  "position": p.position, "role": p.role.value}
                 for p in d.participants]}
            for d in dialogue.delegations],
        "actions": [{"description": a.description, "owner": a.owner,
                     "due_date": a.due_date.isoformat() if a.due_date else None, "status": a.status.value}
                    for a in dialogue.actions],
    }
    if dialogue.updated_at is not None:
        data["updated_at"] = format_timestamp(dialogue.updated_at)
    return data


# Each enumeration's members by value, for `_dialogue_read` (what `member` looks up, without a call)
_KINDS: dict[Any, DialogueKind] = DialogueKind._value2member_map_  # type: ignore[assignment]
_STATUSES: dict[Any, DialogueStatus] = DialogueStatus._value2member_map_  # type: ignore[assignment]
_SIDES: dict[Any, Side] = Side._value2member_map_  # type: ignore[assignment]
_ROLES: dict[Any, Role] = Role._value2member_map_  # type: ignore[assignment]
_ATTENDANCES: dict[Any, ParticipationStatus] = ParticipationStatus._value2member_map_  # type: ignore[assignment]
_ACTION_STATUSES: dict[Any, ActionStatus] = ActionStatus._value2member_map_  # type: ignore[assignment]
_COUNTRY, _ORGANISATION, _ATTENDED = PartyType.COUNTRY, PartyType.ORGANISATION, ParticipationStatus.ATTENDED


# Each record of a dialogue built as its frozen dataclass's `__init__` builds it -- an instance made
# by `object.__new__`, each field set in the fields' order by `object.__setattr__` -- without that
# `__init__`'s own costs (issue 19: a class called with a Python `__init__` goes through `type_call`,
# `slot_tp_init` and a frame, and each field's `object.__setattr__` is looked up on the class first;
# ~64,000 participants at 2,000 dialogues). The fields are set by attribute, never through the
# instance's `__dict__`, so the record is laid out as any other and its fields read as fast (filled
# through `__dict__` they read ~75 % slower, round 8). `tests/services/test_codec_fast_read.py`
# holds each builder to its class: the same fields in the same order, equal records.


def _party(type_: PartyType, code: str | None, name: str | None) -> r.Party:
    """`r.Party(type_, code, name)`."""
    party = _new(r.Party)
    _set(party, "type", type_)
    _set(party, "code", code)
    _set(party, "name", name)
    return party


def _parts_of(cls: type) -> type:
    """A class laid out as the slotted `cls` (the same slots, in the same order) whose fields may
    be set: an instance of it, filled, becomes a `cls` by assigning its `__class__`."""
    return type(f"_{cls.__name__}Parts", (), {"__slots__": cls.__dict__["__slots__"]})


_PARTICIPANT_PARTS, _DELEGATION_PARTS = _parts_of(r.Participant), _parts_of(r.Delegation)


def _participant(id_: str, person_id: str, role: Role, institution_id: str | None, position: str | None,
                 status: ParticipationStatus, programme_funded: bool) -> r.Participant:
    """`r.Participant(...)` of these fields, by position. A participant's fields are slots: its
    fields are set on `_PARTICIPANT_PARTS`, whose slots may be set (~20 instructions a field
    instead of ~1,000 for an `object.__setattr__` call), and the filled object becomes a
    `Participant` (~0.2 µs a participant instead of ~0.7 µs; ~64,000 at 2,000 dialogues)."""
    participant: Any = _new(_PARTICIPANT_PARTS)
    participant.id = id_
    participant.person_id = person_id
    participant.role = role
    participant.institution_id = institution_id
    participant.position = position
    participant.status = status
    participant.programme_funded = programme_funded
    participant.__class__ = r.Participant
    return participant


def _delegation(id_: str, side: Side, party: r.Party, programme_supported: bool, notes: str | None,
                participants: tuple[r.Participant, ...]) -> r.Delegation:
    """`r.Delegation(...)` of these fields, by position, built as `_participant` builds a participant."""
    delegation: Any = _new(_DELEGATION_PARTS)
    delegation.id = id_
    delegation.side = side
    delegation.party = party
    delegation.programme_supported = programme_supported
    delegation.notes = notes
    delegation.participants = participants
    delegation.__class__ = r.Delegation
    return delegation


def _agenda_item(title: str, presenter: r.Party | None, notes: str | None, id_: str) -> r.AgendaItem:
    """`r.AgendaItem(...)` of these fields, by position."""
    item = _new(r.AgendaItem)
    _set(item, "title", title)
    _set(item, "presenter", presenter)
    _set(item, "notes", notes)
    _set(item, "id", id_)
    return item


def _action(description: str, status: ActionStatus, owner: str | None, due_date: Any, id_: str,
            carried_from: str | None, done_on: Any) -> r.Action:
    """`r.Action(...)` of these fields, by position."""
    action = _new(r.Action)
    _set(action, "description", description)
    _set(action, "status", status)
    _set(action, "owner", owner)
    _set(action, "due_date", due_date)
    _set(action, "id", id_)
    _set(action, "carried_from", carried_from)
    _set(action, "done_on", done_on)
    return action


def _dialogue(*fields: Any) -> r.Dialogue:
    """`r.Dialogue(*fields)`, all 21 fields by position (`_DIALOGUE_FIELDS`)."""
    dialogue = _new(r.Dialogue)
    for name, value in zip(_DIALOGUE_FIELDS, fields, strict=True):
        _set(dialogue, name, value)
    return dialogue


_DIALOGUE_FIELDS = tuple(field.name for field in dataclass_fields(r.Dialogue))


@cache
def _country_parties() -> dict[str, r.Party]:
    """Each known country's party, built once: a party is a frozen record, so the delegations and
    chairs of a bundle's dialogues may share it (issue 19: ~18,000 country parties at 2,000
    dialogues, each built anew before; a lookup costs a twentieth of that)."""
    return {code: _party(_COUNTRY, code, None) for code in countries()}


def _party_read(data: Json | None) -> r.Party | None:
    """`party_from_json`, the party built by its fields' positions (a known country's shared)."""
    if data is None:
        return None
    if data["type"] == "country":
        code = data["code"]
        known = _country_parties().get(code) if type(code) is str else None
        return known if known is not None else _party(_COUNTRY, code, None)
    return _party(_ORGANISATION, None, data["name"])


def dialogue_from_json(data: Json) -> r.Dialogue:
    """The dialogue a bundle's JSON holds. Read by `_dialogue_read` (issue 19: a bundle's every
    dialogue is read once by its check); where that raises -- a field missing or of another type,
    a value no member of its enumeration --, read again by `_dialogue_from_json_keywords`, which
    raises what it always raised (or reads what the quick way could not)."""
    try:
        return _dialogue_read(data)
    except Exception:  # the error, if there is one, is the one the reading by keywords raises
        return _dialogue_from_json_keywords(data)


def _dialogue_read(data: Json) -> r.Dialogue:
    """`_dialogue_from_json_keywords`'s record, each part built by its fields' positions (issue 19:
    a frozen dataclass called by keywords costs ~1.3 µs a participant, by positions ~0.8 µs, and
    a 2,000-dialogue bundle reads ~64,000 participants) and each enumeration member looked up in
    its values' map. Each part is built by its builder (`_participant` ...), laid out as its class
    lays out its own (one filled through its `__dict__` was quicker to build, but its fields are
    read ~75 % slower ever after, by the rules, the rows and the search texts). The same fields
    are read, so it raises wherever that one does; where it returns, the record is that one's
    (`tests/services/test_codec_fast_read.py`)."""
    start = parse_date(data["start_date"])
    if start is None:
        raise ValueError("a dialogue needs a start date")
    get = data.get
    dialogue_id = data["id"]
    return _dialogue(
        dialogue_id, data["title"], _KINDS[data["kind"]], start, _STATUSES[data["status"]], get("series"),
        parse_date(get("end_date")), get("city"), get("country"), bool(get("online", False)),
        _party_read(get("chair")), tuple(get("supporting_programmes") or ()), tuple(get("frameworks") or ()),
        tuple(get("topics") or ()), get("summary"),
        tuple([_agenda_item(a["title"], _party_read(a.get("presenter")), a.get("notes"), a.get("id", ""))
               for a in get("agenda") or ()]),
        tuple([_delegation(
            d["id"], _SIDES[d["side"]], _party_read(d["party"]) or _party(_COUNTRY, "", None),
            d["programme_supported"], d.get("notes"),
            tuple([_participant(p["id"], p["person_id"], _ROLES[p["role"]], p.get("institution_id"),
                               p.get("position"), _ATTENDANCES[p.get("status", _ATTENDED)],
                               p.get("programme_funded", d["programme_supported"]))
                   for p in d["participants"]]))
            for d in data["delegations"]]),
        tuple([_action(a["description"], _ACTION_STATUSES[a["status"]], a.get("owner"), parse_date(a.get("due_date")),
                  a.get("id") or r.derived_action_id(dialogue_id, position), a.get("carried_from"),
                  parse_date(a.get("done_on")))
               for position, a in enumerate(get("actions") or ())]),
        parse_timestamp(data["updated_at"]) if get("updated_at") else None, 0, None)


def _dialogue_from_json_keywords(data: Json) -> r.Dialogue:
    """The dialogue a bundle's JSON holds, each part built by its keywords (what
    `dialogue_from_json` reads where its quick way raises)."""
    start = parse_date(data["start_date"])
    assert start is not None
    return r.Dialogue(
        id=data["id"], title=data["title"], kind=member(DialogueKind, data["kind"]), start_date=start,
        status=member(DialogueStatus, data["status"]), series=data.get("series"),
        end_date=parse_date(data.get("end_date")), city=data.get("city"), country=data.get("country"),
        online=bool(data.get("online", False)), chair=party_from_json(data.get("chair")),
        supporting_programmes=tuple(data.get("supporting_programmes") or ()),
        frameworks=tuple(data.get("frameworks") or ()), topics=tuple(data.get("topics") or ()),
        summary=data.get("summary"),
        agenda=tuple(r.AgendaItem(title=a["title"], presenter=party_from_json(a.get("presenter")),
                                  notes=a.get("notes"), id=a.get("id", "")) for a in data.get("agenda") or ()),
        delegations=tuple(
            r.Delegation(
                id=d["id"], side=member(Side, d["side"]), party=party_from_json(d["party"]) or r.Party.country(""),
                programme_supported=d["programme_supported"], notes=d.get("notes"),
                participants=tuple(
                    r.Participant(id=p["id"], person_id=p["person_id"], role=member(Role, p["role"]),
                                  institution_id=p.get("institution_id"), position=p.get("position"),
                                  # version 1 had neither: everyone attended, funded with the delegation
                                  status=member(ParticipationStatus, p.get("status", ParticipationStatus.ATTENDED)),
                                  programme_funded=p.get("programme_funded", d["programme_supported"]))
                    for p in d["participants"]))
            for d in data["delegations"]),
        actions=tuple(r.Action(id=a.get("id") or r.derived_action_id(data["id"], position),
                               description=a["description"], status=member(ActionStatus, a["status"]),
                               owner=a.get("owner"), due_date=parse_date(a.get("due_date")),
                               carried_from=a.get("carried_from"), done_on=parse_date(a.get("done_on")))
                      for position, a in enumerate(data.get("actions") or ())),
        updated_at=parse_timestamp(data["updated_at"]) if data.get("updated_at") else None)


def bundle_to_json(people: list[r.Person], institutions: list[r.Institution], dialogues: list[r.Dialogue],
                   source: str | None, exported_at: datetime | None = None) -> Json:
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "exported_at": format_timestamp(exported_at or r.utc_now()),
        "source": source,
        "people": [person_to_json(p) for p in people],
        "institutions": [institution_to_json(i) for i in institutions],
        "dialogues": [dialogue_to_json(d) for d in dialogues],
    }
