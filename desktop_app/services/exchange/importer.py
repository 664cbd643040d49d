"""Importing a bundle: match every record by id and add, update, leave it, or report a conflict,
in one transaction.

Rules (contract §2), for each person, institution and dialogue of the bundle:
- not present here: added;
- present with the same content and `updated_at`: left alone (so importing twice = once);
- their `updated_at` is newer than the version we last exchanged, and ours was not edited locally
  since: updated (their `updated_at` kept, so export of the import is lossless);
- edited on both sides since the last exchange: a conflict; ours is not touched, theirs waits in
  `exchange_conflicts` for the officer to choose field by field;
- otherwise (theirs is older, or not changed since we last had it): ours is kept.
Same content with another `updated_at` is not a conflict: nothing of an edit can be lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db.bulk_writing import ExchangeStamp, insert_dialogues, insert_institutions, insert_people
from desktop_app.db.mapping import IN_CHUNK, dialogue_record, institution_record, person_record
from desktop_app.db.repositories.conflicts import store_conflict
from desktop_app.db.repositories.dialogues import load_dialogue_rows, write_dialogue
from desktop_app.db.repositories.people import refresh_search_text, write_institution, write_person
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.texts import Text
from desktop_app.services.exchange import codec
from desktop_app.services.exchange.validation import read_bundle

DETAIL_LINES = 50
KINDS = ("dialogue", "person", "institution")
PLURAL = {"dialogue": "dialogues", "person": "people", "institution": "institutions"}


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_LOCAL = "kept (ours is newer)"
    CONFLICT = "conflicts"


@dataclass(frozen=True)
class RecordOutcome:
    kind: str  # "person", "institution", "dialogue"
    id: str
    label: str
    outcome: Outcome
    fields: tuple[str, ...] = ()  # for a conflict: the fields that differ
    note: str = ""  # e.g. "in the trash"


@dataclass
class ImportSummary:
    outcomes: list[RecordOutcome] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: Outcome, kind: str | None = None) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome and (kind is None or o.kind == kind))

    def of(self, outcome: Outcome) -> list[RecordOutcome]:
        return [o for o in self.outcomes if o.outcome is outcome]

    def lines(self) -> list[str]:
        """The summary the CLI prints (English) and the UI shows translated (each line is a `Text`)."""
        lines = [Text("Dry run: nothing was written.") if self.dry_run else Text("Import finished.")]
        for outcome in Outcome:
            lines.append(Text("%1: %2 dialogues, %3 people, %4 institutions", _OUTCOME_HEADINGS[outcome],
                              *(self.count(outcome, kind) for kind in KINDS)))
        details = [o for o in self.outcomes if o.outcome in (Outcome.UPDATED, Outcome.KEPT_LOCAL)]
        for o in details[:DETAIL_LINES]:
            note = Text(" [%1]", _NOTES.get(o.note, o.note)) if o.note else ""
            lines.append(Text("  %1: %2 %3 (%4)%5", _OUTCOME_WORDS[o.outcome], _KIND_WORDS.get(o.kind, o.kind),
                              o.label, o.id, note))
        if len(details) > DETAIL_LINES:
            lines.append(Text("  … and %1 more", len(details) - DETAIL_LINES))
        conflicts = self.of(Outcome.CONFLICT)
        for o in conflicts:  # every one: the contract asks for each conflict with its fields
            lines.append(Text("  conflict: %1 %2 (%3): %4", _KIND_WORDS.get(o.kind, o.kind), o.label, o.id,
                              ", ".join(o.fields)))
        if conflicts and not self.dry_run:
            lines.append(Text("Records in conflict were not overwritten; %1 wait for you to choose, "
                              "field by field, in the app's Conflicts window.", len(conflicts)))
        return lines


# The words of the summary lines, as translatable texts (README "Languages").
_OUTCOME_HEADINGS = {Outcome.ADDED: Text("Added"), Outcome.UPDATED: Text("Updated"),
                     Outcome.UNCHANGED: Text("Unchanged"), Outcome.KEPT_LOCAL: Text("Kept (ours is newer)"),
                     Outcome.CONFLICT: Text("Conflicts")}
_OUTCOME_WORDS = {Outcome.UPDATED: Text("updated"), Outcome.KEPT_LOCAL: Text("kept (ours is newer)")}
_KIND_WORDS = {"dialogue": Text("dialogue"), "person": Text("person"), "institution": Text("institution")}
_NOTES = {"in your trash": Text("in your trash")}


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    fields: tuple[str, ...] = ()
    sync_state: bool = False  # record that we are now in step with this version


def differing_fields(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """Field names (in bundle order) whose values differ; `id` and `updated_at` are not content."""
    keys = [k for k in theirs if k not in ("id", "updated_at")]
    keys += [k for k in ours if k not in theirs and k not in ("id", "updated_at")]
    return [k for k in keys if ours.get(k) != theirs.get(k)]


def decide(local: dict[str, Any] | None, incoming: dict[str, Any], local_time: datetime | None,
           incoming_time: datetime | None, exchanged_time: datetime | None, edited_locally: bool) -> Decision:
    """The contract's rules for one record. `exchanged_time` is the `updated_at` of the version we
    last had in common with the other side (None: never imported, e.g. created here)."""
    if local is None:
        return Decision(Outcome.ADDED)
    fields = differing_fields(local, incoming)
    if not fields:  # same content: nothing to lose either way
        if incoming_time is not None and (local_time is None or incoming_time > local_time):
            return Decision(Outcome.UPDATED, sync_state=True)
        in_step = not edited_locally and exchanged_time == (incoming_time or local_time)
        return Decision(Outcome.UNCHANGED, sync_state=not in_step)
    reference = exchanged_time if exchanged_time is not None else local_time
    edited_there = incoming_time is not None and (reference is None or incoming_time > reference)
    if edited_there and edited_locally:
        return Decision(Outcome.CONFLICT, tuple(fields))
    if edited_there:
        return Decision(Outcome.UPDATED, sync_state=True)
    return Decision(Outcome.KEPT_LOCAL)


def mark_exchanged(row: m.Exchanged, updated_at: datetime | None, source: str | None) -> None:
    """This record now holds (the content of) the version `updated_at` from `source`."""
    row.exchange_source = source
    row.exchange_imported_at = r.utc_now()
    row.exchange_updated_at = updated_at
    row.edited_locally = False


def _stamp(moment: datetime | None) -> datetime:
    return moment or r.utc_now()


def _load_rows(session: Session, model: Any, ids: list[str], *options: Any) -> dict[str, Any]:
    """The local rows of these ids, a few queries for the lot (not one `session.get` per record)."""
    found: dict[str, Any] = {}
    for start in range(0, len(ids), IN_CHUNK):
        found.update((row.id, row) for row in session.scalars(
            select(model).where(model.id.in_(ids[start:start + IN_CHUNK])).options(*options)))
    return found


def apply_bundle(session: Session, data: dict[str, Any]) -> ImportSummary:
    """Decide every record against the file, then write: records replacing ours go through the
    ORM (it reuses their child rows); records new to the file are inserted in bulk with Core
    (`db/bulk_writing.py`), which is most of a first import and ~10× cheaper."""
    summary = ImportSummary()
    source = data.get("source")
    stamp = ExchangeStamp(source, r.utc_now())
    updated_people: set[str] = set()
    new_people: list[tuple[r.Person, datetime]] = []
    new_institutions: list[tuple[r.Institution, datetime]] = []
    new_dialogues: list[tuple[r.Dialogue, datetime]] = []

    def settle(kind: str, record_id: str, label: str, row: m.Exchanged | None, incoming: dict[str, Any],
               incoming_time: datetime | None, decision: Decision, write: Any, note: str = "") -> None:
        if decision.outcome is Outcome.UPDATED:
            row = write()
        if decision.outcome is Outcome.CONFLICT:
            store_conflict(session, kind, record_id, label, incoming, list(decision.fields), source)
        elif row is not None and (decision.outcome is Outcome.UPDATED or decision.sync_state):
            mark_exchanged(row, incoming_time or row.updated_at, source)
        summary.outcomes.append(RecordOutcome(kind, record_id, label, decision.outcome, decision.fields, note))

    local_people = _load_rows(session, m.PersonRow, [item["id"] for item in data["people"]],
                              selectinload(m.PersonRow.other_names))
    for item in data["people"]:
        person = codec.person_from_json(item)
        row = local_people.get(person.id)
        local = person_record(row) if row is not None else None
        incoming = codec.person_to_json(person) if row is not None else item  # as our export writes it
        decision = decide(codec.person_to_json(local) if local else None, incoming,
                          local.updated_at if local else None, person.updated_at,
                          row.exchange_updated_at if row else None, bool(row and row.edited_locally))
        if decision.outcome is Outcome.ADDED:
            new_people.append((person, _stamp(person.updated_at)))
        elif decision.outcome is Outcome.UPDATED:
            updated_people.add(person.id)
        settle("person", person.id, person.name, row, incoming, person.updated_at, decision,
               lambda person=person: write_person(session, person, _stamp(person.updated_at)))

    local_institutions = _load_rows(session, m.InstitutionRow, [item["id"] for item in data["institutions"]])
    for item in data["institutions"]:
        institution = codec.institution_from_json(item)
        inst_row = local_institutions.get(institution.id)
        local_inst = institution_record(inst_row) if inst_row is not None else None
        incoming = codec.institution_to_json(institution) if inst_row is not None else item
        decision = decide(codec.institution_to_json(local_inst) if local_inst else None, incoming,
                          local_inst.updated_at if local_inst else None, institution.updated_at,
                          inst_row.exchange_updated_at if inst_row else None,
                          bool(inst_row and inst_row.edited_locally))
        if decision.outcome is Outcome.ADDED:
            new_institutions.append((institution, _stamp(institution.updated_at)))
        settle("institution", institution.id, institution.name, inst_row, incoming, institution.updated_at,
               decision, lambda i=institution: write_institution(session, i, _stamp(i.updated_at)))
    session.flush()
    insert_people(session, new_people, stamp)  # before any dialogue that names them
    insert_institutions(session, new_institutions, stamp)

    present = load_dialogue_rows(session, [item["id"] for item in data["dialogues"]])
    for item in data["dialogues"]:
        dialogue = codec.dialogue_from_json(item)
        dialogue_row = present.get(dialogue.id)
        local_dialogue = dialogue_record(dialogue_row) if dialogue_row is not None else None
        incoming = codec.dialogue_to_json(dialogue) if dialogue_row is not None else item
        decision = decide(codec.dialogue_to_json(local_dialogue) if local_dialogue else None, incoming,
                          local_dialogue.updated_at if local_dialogue else None, dialogue.updated_at,
                          dialogue_row.exchange_updated_at if dialogue_row else None,
                          bool(dialogue_row and dialogue_row.edited_locally))
        if decision.outcome is Outcome.ADDED:
            new_dialogues.append((dialogue, _stamp(dialogue.updated_at)))
        # A dialogue in our trash takes their changes but stays in the trash: deleting it was our
        # choice, and restoring it shows their version.
        note = "in your trash" if local_dialogue is not None and local_dialogue.deleted_at is not None else ""
        settle("dialogue", dialogue.id, f"“{dialogue.title}”", dialogue_row, incoming, dialogue.updated_at,
               decision, lambda d=dialogue: write_dialogue(session, d, _stamp(d.updated_at)), note)
    session.flush()
    insert_dialogues(session, new_dialogues, stamp)

    # Renamed people must be found under their new names in the dialogues that name them; a person
    # new to the file is in no dialogue but the new ones, whose search text already has the name.
    if updated_people:
        refresh_search_text(session, updated_people)
    session.flush()
    return summary


def import_bundle(database: Database, path: Path, dry_run: bool = False, limit: int | None = None) -> ImportSummary:
    """Check the whole file first, then apply it in one transaction (or, for a dry run, roll back).
    `limit`: the largest file read, in bytes (Settings; the default 2 GB otherwise)."""
    data = read_bundle(path, limit)
    if dry_run:
        with database.rehearsing() as session:
            summary = apply_bundle(session, data)
        summary.dry_run = True
        return summary
    with database.writing() as session:
        return apply_bundle(session, data)


def import_data(database: Database, data: dict[str, Any]) -> ImportSummary:
    """Apply an already checked bundle (the sample records, a bundle built in memory)."""
    with database.writing() as session:
        return apply_bundle(session, data)


