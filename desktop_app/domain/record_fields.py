"""Records <-> their replicated fields (docs/exchange.md "Fields"), in the bundle's version 2 names.

The replication register (`domain.replication`) works on flat fields of the bundle's JSON shape;
this maps the program's records to that shape and back, for the one write path and the exchange.
New agenda items and actions get their ids here, before their fields are versioned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from desktop_app.domain import records as r
from desktop_app.domain import reference
from desktop_app.domain import replication as rp
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

Json = dict[str, Any]
KINDS = ("dialogue", "person", "institution")


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def moment(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)


def day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def party_json(party: r.Party | None, with_ref: bool = True) -> Json | None:
    """A party in the bundle's shape. Version 2 carries the party's reference-list id (`ref`: one id
    for the EMCDDA and the EUDA, `iso3166:KZ` for a country) so that databases that recorded the
    organisation under either name agree on it; version 1 has no `ref` (`with_ref=False`).

    Each party's JSON is written once and a copy handed out (`_PARTIES_WRITTEN`, by what it depends
    on: a country or not, the code, the name; the reference lists are read once a run): issue 19,
    ~12 parties a dialogue, an organisation's name compared with every listed name each time.
    `tests/domain/test_party_json_memo.py` holds it to the lookup."""
    if party is None:
        return None
    key = (party.type is PartyType.COUNTRY, party.code, party.name, with_ref)
    try:
        written = _PARTIES_WRITTEN.get(key)
    except TypeError:  # a code or name that is not a text (a replica's values are not schema-checked)
        return _party_json(party, with_ref)
    if written is None:
        if len(_PARTIES_WRITTEN) >= _PARTIES_KEPT:
            _PARTIES_WRITTEN.clear()
        written = _PARTIES_WRITTEN[key] = _party_json(party, with_ref)
    return written.copy()


# `party_json`'s parties written so far (a few hundred in practice: countries and listed bodies)
_PARTIES_WRITTEN: dict[tuple[bool, str | None, str | None, bool], Json] = {}
_PARTIES_KEPT = 10_000


def _party_json(party: r.Party, with_ref: bool) -> Json:
    if party.type is PartyType.COUNTRY:
        data: Json = {"type": "country", "code": party.code}
    else:
        data = {"type": "organisation", "name": party.name}
    ref = reference.party_ref(party) if with_ref else None
    if ref:
        data["ref"] = ref
    return data


def party_of(data: Json | None, on: date | None = None) -> r.Party | None:
    """A party read back. A `ref` the reference lists know wins over a display name they do not give
    that organisation -- a name only a newer program's lists know, or a name of another body -- and
    reads as the organisation's name in force on `on` (the meeting's date): databases with and
    without a renaming agree on the party. A name the lists give that organisation ("EMCDDA" or
    "European Union Drugs Agency" for "euda") stays as written, so nothing the officer recorded is
    renamed behind their back (the form names a party as on the meeting's date when it is entered,
    and reports count every name of one organisation as one party). An unknown `ref` (a newer
    program's list) leaves the party as written."""
    if not data:
        return None
    if data.get("type") == "country":
        written = r.Party.country(data.get("code") or "")
    else:
        written = r.Party.organisation(data.get("name") or "")
    ref = data.get("ref") if isinstance(data.get("ref"), str) else None  # a replica's values are not schema-checked
    known = reference.party_from_ref(ref, on)
    if known is None or reference.party_ref(written) == ref:
        return written
    return known


def with_ids(dialogue: r.Dialogue) -> r.Dialogue:
    """Mint the ids of agenda items and actions typed in a form (they travel by id)."""
    if all(a.id for a in dialogue.agenda) and all(a.id for a in dialogue.actions):
        return dialogue
    return replace(dialogue, agenda=tuple(a if a.id else replace(a, id=r.new_id()) for a in dialogue.agenda),
                   actions=tuple(a if a.id else replace(a, id=r.new_id()) for a in dialogue.actions))


def dialogue_json(dialogue: r.Dialogue) -> Json:
    dialogue = with_ids(dialogue)
    return {
        "id": dialogue.id, "title": dialogue.title, "series": dialogue.series, "kind": dialogue.kind.value,
        "start_date": dialogue.start_date.isoformat(),
        "end_date": dialogue.end_date.isoformat() if dialogue.end_date else None,
        "city": dialogue.city, "country": dialogue.country, "online": dialogue.online,
        "chair": party_json(dialogue.chair), "supporting_programmes": list(dialogue.supporting_programmes),
        "frameworks": list(dialogue.frameworks), "topics": list(dialogue.topics), "summary": dialogue.summary,
        "status": dialogue.status.value, "trashed": dialogue.deleted_at is not None,
        "agenda": [{"id": a.id, "title": a.title, "presenter": party_json(a.presenter), "notes": a.notes}
                   for a in dialogue.agenda],
        "delegations": [
            {"id": d.id, "side": d.side._value_, "party": party_json(d.party),
             "programme_supported": d.programme_supported, "notes": d.notes,
             "participants": [  # `_value_`: the member's value without `Enum.value`'s descriptor (issue 19)
                 {"id": p.id, "person_id": p.person_id, "institution_id": p.institution_id, "position": p.position,
                  "role": p.role._value_, "status": p.status._value_, "programme_funded": p.programme_funded}
                 for p in d.participants]}
            for d in dialogue.delegations],
        "actions": [{"id": a.id, "description": a.description, "owner": a.owner,
                     "due_date": a.due_date.isoformat() if a.due_date else None, "status": a.status.value,
                     "carried_from": a.carried_from, "done_on": a.done_on.isoformat() if a.done_on else None}
                    for a in dialogue.actions],
    }


def dialogue_of(data: Json, deleted_at: datetime | None = None) -> r.Dialogue:
    start = day(data.get("start_date")) or date(1970, 1, 1)
    return r.Dialogue(
        id=data["id"], title=data.get("title") or "", kind=member(DialogueKind, data.get("kind") or "other"),
        start_date=start, status=member(DialogueStatus, data.get("status") or "draft"), series=data.get("series"),
        end_date=day(data.get("end_date")), city=data.get("city"), country=data.get("country"),
        online=bool(data.get("online")), chair=party_of(data.get("chair"), start),
        supporting_programmes=tuple(data.get("supporting_programmes") or ()),
        frameworks=tuple(data.get("frameworks") or ()), topics=tuple(data.get("topics") or ()),
        summary=data.get("summary"),
        agenda=tuple(r.AgendaItem(id=a["id"], title=a.get("title") or "", presenter=party_of(a.get("presenter"), start),
                                  notes=a.get("notes")) for a in data.get("agenda") or ()),
        delegations=tuple(
            r.Delegation(id=d["id"], side=member(Side, d.get("side") or "other"),
                         party=party_of(d.get("party"), start) or r.Party.organisation("?"),
                         programme_supported=bool(d.get("programme_supported")), notes=d.get("notes"),
                         participants=tuple(
                             r.Participant(id=p["id"], person_id=p["person_id"],
                                           role=member(Role, p.get("role") or "member"),
                                           institution_id=p.get("institution_id"), position=p.get("position"),
                                           status=member(ParticipationStatus, p.get("status") or "attended"),
                                           programme_funded=bool(p.get("programme_funded")))
                             for p in d.get("participants") or ()))
            for d in data.get("delegations") or ()),
        actions=tuple(r.Action(id=a["id"], description=a.get("description") or "",
                               status=member(ActionStatus, a.get("status") or "open"), owner=a.get("owner"),
                               due_date=day(a.get("due_date")), carried_from=a.get("carried_from"),
                               done_on=day(a.get("done_on"))) for a in data.get("actions") or ()),
        updated_at=moment(data.get("updated_at")),
        deleted_at=(deleted_at or moment(data.get("updated_at")) or r.utc_now()) if data.get("trashed") else None)


def person_json(person: r.Person) -> Json:
    return {"id": person.id, "name": person.name, "other_names": list(person.other_names),
            "sex": person.sex.value if person.sex else None, "email": person.email}


def person_of(data: Json) -> r.Person:
    return r.Person(id=data["id"], name=data.get("name") or "", other_names=tuple(data.get("other_names") or ()),
                    sex=Sex(data["sex"]) if data.get("sex") else None, email=data.get("email"),
                    updated_at=moment(data.get("updated_at")))


def institution_json(institution: r.Institution) -> Json:
    return {"id": institution.id, "name": institution.name, "acronym": institution.acronym,
            "country": institution.country, "other_names": list(institution.other_names)}


def institution_of(data: Json) -> r.Institution:
    return r.Institution(id=data["id"], name=data.get("name") or "", acronym=data.get("acronym"),
                         country=data.get("country"), other_names=tuple(data.get("other_names") or ()),
                         updated_at=moment(data.get("updated_at")))


def record_json(kind: str, record: Any) -> Json:
    writers: dict[str, Callable[[Any], Json]] = {"dialogue": dialogue_json, "person": person_json,
                                                  "institution": institution_json}
    return writers[kind](record)


def record_of(kind: str, data: Json) -> Any:
    readers: dict[str, Callable[[Json], Any]] = {"dialogue": dialogue_of, "person": person_of,
                                                 "institution": institution_of}
    return readers[kind](data)


def shown_record(kind: str, record_id: str, state: rp.State) -> tuple[Any, list[str]]:
    """The record a state shows, and its hidden sub-records."""
    data, orphans = rp.unflatten(kind, record_id, rp.values(state))
    data["updated_at"] = rp.updated_at(state)
    return record_of(kind, data), orphans
