"""Resolving conflicts met by imports: both versions side by side, the officer's choice per field.

A conflict keeps their version as bundle JSON; ours is the live record. Choosing a side per field
builds the merged record from the two JSON shapes, so every field of the bundle (for dialogues the
delegations, agenda and actions as whole values) can be kept from either side.

Saving: choosing theirs for every field takes their version exactly as it came (their
`updated_at` too), like an import, so it travels on without a new conflict. Any choice of ours is
a local edit with a new `updated_at`, which the other side will see as theirs to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db.mapping import dialogue_record, institution_record, person_record
from desktop_app.db.repositories.conflicts import ConflictRepository, conflict_record
from desktop_app.db.repositories.dialogues import load_dialogue_row, write_dialogue
from desktop_app.db.repositories.people import refresh_search_text, write_institution, write_person
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import RecordNotFound, StaleRecord, UserError
from desktop_app.domain.reference import party_name
from desktop_app.domain.texts import Text
from desktop_app.services.exchange import codec
from desktop_app.services.exchange.importer import differing_fields, mark_exchanged

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


def compare(database: Database, conflict_id: int) -> Comparison:
    """Both versions, field by field (every field of the record, those in conflict marked)."""
    with database.reading() as session:
        row = session.get(m.ConflictRow, conflict_id)
        if row is None:
            raise RecordNotFound(Text("That conflict is no longer in the database."))
        conflict = conflict_record(row)
        local = _local_row(session, conflict.record_kind, conflict.record_id)
        ours = _to_json(conflict.record_kind, local) if local is not None else {}
        theirs = conflict.incoming
        in_order = _FORMS[conflict.record_kind][0](_FORMS[conflict.record_kind][1](theirs))  # the bundle's order
        keys = [k for k in in_order if k not in ("id", "updated_at")]
        names = _names(session, [ours.get("delegations"), theirs.get("delegations")])
        fields = tuple(FieldComparison(k, field_label(k), ours.get(k), theirs.get(k),
                                       describe(k, ours.get(k), names), describe(k, theirs.get(k), names))
                       for k in keys)
        return Comparison(conflict, fields, local.revision if local is not None else 0,
                          local.updated_at if local is not None else None,
                          codec.parse_timestamp(theirs["updated_at"]) if theirs.get("updated_at") else None)


def _write(session: Session, kind: str, data: dict[str, Any], updated_at: datetime) -> Any:
    if kind == "dialogue":
        return write_dialogue(session, codec.dialogue_from_json(data), updated_at)
    if kind == "person":
        row = write_person(session, codec.person_from_json(data), updated_at)
        refresh_search_text(session, {row.id})
        return row
    return write_institution(session, codec.institution_from_json(data), updated_at)


def resolve(database: Database, conflict_id: int, choices: dict[str, Keep | str],
            expected_revision: int | None = None) -> r.Conflict:
    """Keep, per field, ours or theirs (fields not named keep ours); save the result and close the
    conflict, all in one transaction."""
    with database.writing() as session:
        conflict_row = session.get(m.ConflictRow, conflict_id)
        if conflict_row is None:
            raise RecordNotFound(Text("That conflict is no longer in the database."))
        if conflict_row.resolved_at is not None:
            raise UserError(Text("That conflict was already resolved."))
        conflict = conflict_record(conflict_row)
        kind, theirs = conflict.record_kind, conflict.incoming
        unknown = sorted(set(choices) - set(theirs) - {"id", "updated_at"})
        if unknown:
            raise UserError(Text("“%1” is not a field of this record.", unknown[0]))
        local = _local_row(session, kind, conflict.record_id)
        if local is not None and expected_revision is not None and local.revision != expected_revision:
            raise StaleRecord(Text("%1 was changed since the two versions were shown; "
                                   "open the conflict again.", conflict.label))
        their_time = codec.parse_timestamp(theirs["updated_at"]) if theirs.get("updated_at") else None
        if local is None:  # ours was deleted for good meanwhile: theirs is all there is
            merged = dict(theirs)
        else:
            merged = _to_json(kind, local)
            for name, keep in choices.items():
                if Keep(keep) is Keep.THEIRS:
                    merged[name] = theirs.get(name)
        if not differing_fields(merged, theirs):
            row = _write(session, kind, theirs, their_time or r.utc_now())
            mark_exchanged(row, their_time, conflict.source)
        else:
            row = _write(session, kind, merged, r.utc_now())
            mark_exchanged(row, their_time, conflict.source)  # their version is seen now ...
            row.edited_locally = True  # ... and ours differs from it: the other side must get it
        conflict_row.resolved_at = r.utc_now()
        session.flush()
        return conflict_record(conflict_row)
