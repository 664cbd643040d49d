"""Waiting conflicts (docs/exchange.md): every competing version of a field, with its officer,
database, time and the common version it replaced; the officer's choice is an edit that travels.

A record with conflicts has one row in `exchange_conflicts` (its id is what the window and
`dialogue-register conflicts --resolve ID` name); the versions themselves live in the record's
replication state, so that they travel with it and every database shows the same.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db import replica_store
from desktop_app.db.mapping import dialogue_record, institution_record, person_record
from desktop_app.db.repositories.conflicts import ConflictRepository, conflict_record
from desktop_app.db.repositories.dialogues import load_dialogue_row
from desktop_app.db.repositories.people import refresh_search_text
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import record_fields as rf
from desktop_app.domain import records as r
from desktop_app.domain import replication as rp
from desktop_app.domain.errors import RecordNotFound, StaleRecord, UserError
from desktop_app.domain.reference import party_name
from desktop_app.domain.texts import Text, joined
from desktop_app.domain.validation import PartyName
from desktop_app.services.exchange import codec

LABELS = {
    "supporting_programmes": "Supporting programmes", "start_date": "Start date", "end_date": "End date",
    "other_names": "Other spellings", "email": "E-mail", "sex": "Sex", "online": "Online",
}


class Keep(StrEnum):
    OURS = "ours"
    THEIRS = "theirs"


@dataclass(frozen=True)
class FieldComparison:
    field: str
    label: str
    ours: Any  # the bundle JSON value
    theirs: Any
    ours_text: str  # how an officer reads it
    theirs_text: str

    @property
    def differs(self) -> bool:
        return self.ours != self.theirs


@dataclass(frozen=True)
class Comparison:
    conflict: r.Conflict
    fields: tuple[FieldComparison, ...]
    our_revision: int  # resolving is refused if ours was saved again since this was shown
    our_updated_at: datetime | None
    their_updated_at: datetime | None

    def differing(self) -> list[FieldComparison]:
        return [f for f in self.fields if f.differs]


_FORMS: dict[str, tuple[Any, Any]] = {
    "dialogue": (codec.dialogue_to_json, codec.dialogue_from_json),
    "person": (codec.person_to_json, codec.person_from_json),
    "institution": (codec.institution_to_json, codec.institution_from_json),
}


def field_label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


def open_conflicts(database: Database) -> list[r.Conflict]:
    return ConflictRepository(database).open_conflicts()


def _local_row(session: Session, kind: str, record_id: str) -> Any:
    if kind == "dialogue":
        return load_dialogue_row(session, record_id)
    if kind == "person":
        return session.get(m.PersonRow, record_id, options=[selectinload(m.PersonRow.other_names)])
    return session.get(m.InstitutionRow, record_id)


def _to_json(kind: str, row: Any) -> dict[str, Any]:
    if kind == "dialogue":
        return codec.dialogue_to_json(dialogue_record(row))
    if kind == "person":
        return codec.person_to_json(person_record(row))
    return codec.institution_to_json(institution_record(row))


def _names(session: Session, values: list[Any]) -> dict[str, str]:
    """Names of the people and institutions the delegations of either side refer to."""
    person_ids = {p["person_id"] for v in values for d in (v or []) for p in d.get("participants", [])}
    institution_ids = {p["institution_id"] for v in values for d in (v or []) for p in d.get("participants", [])
                       if p.get("institution_id")}
    names = {str(i): str(n) for i, n in session.execute(
        select(m.PersonRow.id, m.PersonRow.name).where(m.PersonRow.id.in_(person_ids)))}
    names.update({str(i): str(n) for i, n in session.execute(
        select(m.InstitutionRow.id, m.InstitutionRow.name).where(m.InstitutionRow.id.in_(institution_ids)))})
    return names


def _party(value: dict[str, Any] | None) -> str:
    party = codec.party_from_json(value)
    return party_name(party) if party else "—"


def describe(name: str, value: Any, names: dict[str, str]) -> str:
    """One field's value as text an officer reads (people by name, parties by country name)."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name in ("chair",):
        return _party(value)
    if name == "delegations":
        lines = []
        for d in value:
            people = ", ".join(
                f"{names.get(p['person_id'], p['person_id'])}{' (head)' if p['role'] == 'head' else ''}"
                + (f", {p['position']}" if p.get("position") else "")
                + (f", {names.get(p['institution_id'], '')}" if p.get("institution_id") else "")
                for p in d["participants"])
            supported = ", programme-supported" if d["programme_supported"] else ""
            notes = f" — {d['notes']}" if d.get("notes") else ""
            lines.append(f"{_party(d['party'])} ({d['side']}{supported}){notes}: {people or 'nobody yet'}")
        return "\n".join(lines)
    if name == "agenda":
        return "\n".join(f"{i}. {a['title']}" + (f" ({_party(a['presenter'])})" if a.get("presenter") else "")
                         + (f" — {a['notes']}" if a.get("notes") else "") for i, a in enumerate(value, 1))
    if name == "actions":
        return "\n".join(f"[{a['status']}] {a['description']}" + (f" — {a['owner']}" if a.get("owner") else "")
                         + (f", due {a['due_date']}" if a.get("due_date") else "") for a in value)
    if name == "country" and isinstance(value, str):
        return _party({"type": "country", "code": value})
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Version:
    """One competing value of a field: what, whose (officer, database), when, which version."""

    value: Any
    text: str
    by: str | None
    database: str
    at: str | None
    version: str  # "database:counter", what `--keep VERSION` names
    ours: bool  # made in this database
    shown: bool  # the value the record shows until the officer chooses


@dataclass(frozen=True)
class FieldConflict:
    field: str
    label: str
    base_text: str  # the common version: what the field was before the competing edits
    versions: tuple[Version, ...]


@dataclass(frozen=True)
class Conflicts:
    """Everything waiting on one record: fields with competing versions, rules a merge broke."""

    conflict: r.Conflict
    fields: tuple[FieldConflict, ...]
    rules: tuple[str, ...]
    our_revision: int


def _record_names(session: Session, values: dict[str, Any]) -> dict[str, str]:
    people = {v for p, v in values.items() if p.endswith(".person_id") and isinstance(v, str)}
    institutions = {v for p, v in values.items() if p.endswith(".institution_id") and isinstance(v, str)}
    names = {str(i): str(n) for i, n in session.execute(
        select(m.PersonRow.id, m.PersonRow.name).where(m.PersonRow.id.in_(people)))}
    names.update({str(i): str(n) for i, n in session.execute(
        select(m.InstitutionRow.id, m.InstitutionRow.name).where(m.InstitutionRow.id.in_(institutions)))})
    return names


# How the window and the command line name a field (the window shows them translated: `Text`).
FIELD_TEXTS = {
    "title": Text("Title"), "series": Text("Series"), "kind": Text("Kind"), "start_date": Text("Start date"),
    "end_date": Text("End date"), "city": Text("City"), "country": Text("Country"), "online": Text("Online"),
    "chair": Text("Chair"), "supporting_programmes": Text("Supporting programmes"),
    "frameworks": Text("Frameworks"), "topics": Text("Topics"), "summary": Text("Summary"),
    "status": Text("Status"), "trashed": Text("In the trash"), "name": Text("Name"),
    "other_names": Text("Other spellings"), "sex": Text("Sex"), "email": Text("E-mail"),
    "acronym": Text("Acronym"),
}
# A sub-record's fields, as the second half of "Participant Erlan Kasymov (Kazakhstan): role".
PART_TEXTS = {
    "person_id": Text("person"), "institution_id": Text("institution"), "position": Text("position"),
    "role": Text("role"), "status": Text("status"), "programme_funded": Text("programme-funded"),
    "delegation": Text("delegation"), "order": Text("place in the list"), "side": Text("side"),
    "party": Text("party"), "programme_supported": Text("programme-supported"), "notes": Text("notes"),
    "title": Text("title"), "presenter": Text("presenter"), "description": Text("description"),
    "owner": Text("owner"), "owner_party": Text("owner"), "due_date": Text("due date"),
    "carried_from": Text("continues"), "done_on": Text("done on"),
}
# Values an officer reads in words rather than as stored.
VALUE_TEXTS = {
    "role": {"head": Text("head of delegation"), "deputy_head": Text("deputy head"), "alternate": Text("alternate"),
             "adviser": Text("adviser"), "expert": Text("expert"), "interpreter": Text("interpreter"),
             "observer": Text("observer"), "member": Text("member")},
    "status": {"invited": Text("invited"), "confirmed": Text("confirmed"), "attended": Text("attended"),
               "absent": Text("absent"), "cancelled": Text("cancelled"), "draft": Text("draft"),
               "final": Text("final"), "open": Text("open"), "done": Text("done"), "carried": Text("carried")},
    "side": {"eu": Text("EU side"), "partner": Text("partner side"), "other": Text("other")},
    "sex": {"female": Text("female"), "male": Text("male")},
    "kind": {"regional": Text("regional"), "bilateral": Text("bilateral"), "expert-meeting": Text("expert meeting"),
             "high-level": Text("high-level"), "other": Text("other")},
}
RULE_TEXTS = {
    "two heads of one delegation": Text("two heads of one delegation"),
    "one person in two delegations": Text("one person in two delegations"),
    "a final meeting with someone still invited": Text("a final meeting with someone still invited"),
    "a participant of a removed delegation": Text("a participant of a removed delegation"),
    rp.TRASH_RULE: Text("moved to the trash while edited elsewhere"),
    rp.ENDS_BEFORE_START: Text("the meeting ends before it starts (its end date is not shown)"),
}


def _label_of(name: str) -> str:
    return FIELD_TEXTS.get(name) or field_label(name)


def _party_text(value: Any) -> str:
    party = codec.party_from_json(value)
    return PartyName(party) if party else "—"


def path_label(path: str, values: dict[str, Any], names: dict[str, str]) -> str:
    """`participants.<id>.role` as an officer reads it: "Participant Erlan Kasymov (Kazakhstan): role"."""
    where = rp.split(path)
    if where is None:
        return _label_of(path)
    collection, item, name = where
    part = PART_TEXTS.get(name) or name.replace("_", " ")
    if collection == "participants":
        person = names.get(values.get(f"participants.{item}.person_id") or "", "")
        delegation = values.get(f"participants.{item}.delegation")
        return Text("Participant %1 (%2): %3", person or item[:8],
                    _party_text(values.get(f"delegations.{delegation}.party")), part)
    if collection == "delegations":
        return Text("Delegation %1: %2", _party_text(values.get(f"delegations.{item}.party")), part)
    if collection == "agenda":
        return Text("Agenda item “%1”: %2", values.get(f"agenda.{item}.title") or item[:8], part)
    return Text("Action “%1”: %2", values.get(f"actions.{item}.description") or item[:8], part)


def value_text(path: str, value: Any, names: dict[str, str]) -> str:
    if value is None:
        return Text("— (removed)") if rp.split(path) else "—"
    leaf = path.rsplit(".", 1)[-1]
    if leaf == "trashed":
        return Text("in the trash") if value else Text("not in the trash")
    if leaf in ("person_id", "institution_id"):
        return names.get(value, value)
    if leaf in ("party", "presenter", "chair", "owner_party"):
        return _party_text(value)
    if isinstance(value, bool):
        return Text("yes") if value else Text("no")
    if isinstance(value, str) and leaf in VALUE_TEXTS and value in VALUE_TEXTS[leaf]:
        return VALUE_TEXTS[leaf][value]
    if leaf == "country" and isinstance(value, str):
        return _party_text({"type": "country", "code": value})
    return describe(leaf, value, names)


def _as_before_removal(state: rp.State) -> dict[str, Any]:
    """The values the record shows, where a removed participant's, delegation's, item's or action's
    fields (none shown) read as another version or the common one had them: what names the
    sub-record in the window ("Participant Dana Akhmetova (Kazakhstan): position"), not its id and
    "—" (round 15). Only for labels: what the record holds is `rp.values`."""
    known = rp.values(state)
    for path, candidates in state.fields.items():
        if known[path] is None and rp.split(path) is not None:
            known[path] = next((c.value for c in candidates if c.value is not None),
                               next((c.base for c in candidates if c.base is not None), None))
    return known


def waiting(database: Database, conflict_id: int) -> Conflicts:
    """The conflict's fields, each with its common version and every competing version."""
    with database.reading() as session:
        row = session.get(m.ConflictRow, conflict_id)
        if row is None or row.resolved_at is not None:
            raise RecordNotFound(Text("That conflict is no longer in the database."))
        conflict = conflict_record(row)
        local = replica_store.load_row(session, conflict.record_kind, conflict.record_id)
        if local is None or "fields" not in conflict.incoming:  # from before replication (schema 0005)
            return Conflicts(conflict, (), (), local.revision if local is not None else 0)
        here = replica_store.this_database(session)
        state = replica_store.state_of(session, conflict.record_kind, local)
        values = _as_before_removal(state)
        names = _record_names(session, {**values, **{f"x.{i}.person_id": c.value for i, cs in
                                                     enumerate(rp.conflicts(state).values()) for c in cs}})
        fields = []
        for path, candidates in rp.disputes(state).items():
            shown = _shown(path, candidates, state)
            bases = {json.dumps(c.base, sort_keys=True): c.base for c in candidates}
            base_text = joined(" / ", [value_text(path, b, names) for b in bases.values()])
            fields.append(FieldConflict(path, path_label(path, values, names), base_text, tuple(
                Version(c.value, Text("out of the trash, with the edits made meanwhile")
                        if path == "trashed" and c.value is False else value_text(path, c.value, names),
                        c.by, rp.database_of(c.dot), c.at,
                        f"{c.dot[0]}:{c.dot[1]}", rp.database_of(c.dot) == here, c is shown) for c in candidates)))
        rules = tuple(Text("%1: %2", RULE_TEXTS.get(rule, rule), joined(", ", [path_label(p, values, names)
                                                                                for p in paths]))
                      for rule, paths in ((x["rule"], x["fields"]) for x in conflict.incoming.get("rules") or ())
                      if rule != rp.TRASH_RULE)  # shown as the field `trashed`, with its versions
        return Conflicts(conflict, tuple(fields), rules, local.revision)


def choose(database: Database, conflict_id: int, choices: dict[str, Keep | str],
           expected_revision: int | None = None) -> list[str]:
    """Keep, per field, ours, theirs or a named version ("database:counter"); fields not named keep
    the version shown. The choice is an edit of this database (docs/exchange.md): it travels and
    closes the conflict everywhere. Returns the fields decided."""
    with database.writing() as session:
        row = session.get(m.ConflictRow, conflict_id)
        if row is None or row.resolved_at is not None:
            raise RecordNotFound(Text("That conflict is no longer in the database."))
        conflict = conflict_record(row)
        local = replica_store.load_row(session, conflict.record_kind, conflict.record_id)
        if local is None or "fields" not in conflict.incoming:
            row.resolved_at = r.utc_now()
            return []
        if expected_revision is not None and local.revision != expected_revision:
            raise StaleRecord(Text("%1 was changed since the versions were shown; open the conflict again.",
                                   conflict.label))
        here = replica_store.this_database(session)
        state = replica_store.state_of(session, conflict.record_kind, local)
        disputed = rp.disputes(state)
        if not disputed:
            raise UserError(Text("Nothing in %1 has competing versions; correct the record itself: %2", conflict.label,
                                 "; ".join(x["rule"] for x in conflict.incoming.get("rules") or ())))
        unknown = sorted(set(choices) - set(disputed))
        if unknown:
            raise UserError(Text("“%1” is not a field in conflict in this record.", unknown[0]))
        values = rp.values(state)
        for path, candidates in disputed.items():
            values[path] = _chosen(path, candidates, choices.get(path, ""), here, state).value
        _revive_kept(state, values, [path for path in disputed if values[path] is not None])
        new_state, _ = rp.local_edit(state, values, here, database.officer, rf.timestamp(r.utc_now()),
                                           force=list(disputed))
        replica_store.store(session, conflict.record_kind, conflict.record_id, new_state, check=False)
        if conflict.record_kind == "person":
            refresh_search_text(session, {conflict.record_id})
        return sorted(disputed)


def _revive_kept(state: rp.State, values: dict[str, Any], kept: list[str]) -> None:
    """A sub-record removed in one database while a field of it was edited in another, that edit kept:
    the sub-record comes back, each field it lost to the removal as the removal found it (`base`),
    with the kept value — and the delegation of a participant brought back, if it was removed too.
    Keeping an edit of a removed participant otherwise left the participant removed and the kept
    value out of sight (round 14). Choosing the removal ("theirs") revives nothing."""
    waiting = list(kept)
    while waiting:
        where = rp.split(waiting.pop())
        if where is None:
            continue
        name, subrecord_id, _ = where
        prefix = f"{name}.{subrecord_id}."
        if values.get(prefix + rp.SUBRECORDS[name][0]) is not None:
            continue  # not removed
        for path, candidates in state.fields.items():
            if path.startswith(prefix) and values.get(path) is None:
                base = rp.winner(candidates).base
                if base is not None:
                    values[path] = base
        delegation = values.get(prefix + "delegation") if name == "participants" else None
        if isinstance(delegation, str):
            waiting.append(f"delegations.{delegation}.side")


def _shown(path: str, candidates: tuple[rp.Candidate, ...], state: rp.State) -> rp.Candidate:
    """The version the record shows until the officer chooses: the field's own winner. For the
    trash against edits it had not seen (`replication.trash_disputes`) that is the trash, although
    an edit's version may be the greatest (round 16: "out of the trash" was marked as shown while
    the dialogue was in the trash, and keeping "ours" where none was ours took it out)."""
    held = state.fields.get(path)
    if held:
        value = rp.winner(held).value
        matching = [c for c in candidates if c.value == value]
        if matching:
            return max(matching, key=rp.Candidate.sort_key)
    return rp.winner(candidates)


def _chosen(path: str, candidates: tuple[rp.Candidate, ...], keep: Keep | str, here: str,
            state: rp.State) -> rp.Candidate:
    shown = _shown(path, candidates, state)
    if keep in ("", Keep.OURS, "ours"):
        mine = [c for c in candidates if rp.database_of(c.dot) == here]
        return max(mine, key=rp.Candidate.sort_key) if mine else shown
    if keep in (Keep.THEIRS, "theirs"):
        others = [c for c in candidates if rp.database_of(c.dot) != here]
        distinct = {json.dumps(c.value, sort_keys=True) for c in others}
        if len(distinct) > 1:
            raise UserError(Text("%1 has %2 other versions; name the one to keep (%3).", path, len(distinct),
                                 ", ".join(f"{c.dot[0]}:{c.dot[1]}" for c in others)))
        return others[0] if others else shown
    for c in candidates:
        if f"{c.dot[0]}:{c.dot[1]}" == keep:
            return c
    raise UserError(Text("%1 has no version %2 (there are: %3).", path, keep,
                         ", ".join(f"{c.dot[0]}:{c.dot[1]}" for c in candidates)))
