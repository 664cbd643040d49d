"""Importing a bundle: match every record by id and add, update or leave it, in one transaction.

Rules (contract §2): a record not present is added; one present and unchanged is left alone; one
whose `updated_at` in the bundle is newer replaces ours; an older one never overwrites ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db.mapping import dialogue_record, institution_record, person_record
from desktop_app.db.repositories.dialogues import load_dialogue_row, write_dialogue
from desktop_app.db.repositories.people import refresh_search_text, write_institution, write_person
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.exchange import codec
from desktop_app.services.exchange.validation import read_bundle

DETAIL_LINES = 50


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_LOCAL = "kept (ours is newer)"


@dataclass(frozen=True)
class RecordOutcome:
    kind: str  # "person", "institution", "dialogue"
    id: str
    label: str
    outcome: Outcome


@dataclass
class ImportSummary:
    outcomes: list[RecordOutcome] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: Outcome, kind: str | None = None) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome and (kind is None or o.kind == kind))

    def lines(self) -> list[str]:
        kinds = ("dialogue", "person", "institution")
        plural = {"dialogue": "dialogues", "person": "people", "institution": "institutions"}
        lines = ["Dry run: nothing was written." if self.dry_run else "Import finished."]
        for outcome in Outcome:
            parts = [f"{self.count(outcome, kind)} {plural[kind]}" for kind in kinds]
            lines.append(f"{outcome.value.capitalize()}: {', '.join(parts)}")
        details = [o for o in self.outcomes if o.outcome in (Outcome.UPDATED, Outcome.KEPT_LOCAL)]
        for o in details[:DETAIL_LINES]:
            lines.append(f"  {o.outcome.value}: {o.kind} {o.label} ({o.id})")
        if len(details) > DETAIL_LINES:
            lines.append(f"  … and {len(details) - DETAIL_LINES} more")
        return lines


def _stamp(moment: datetime | None) -> datetime:
    return moment or r.utc_now()


def _decide(local: dict[str, Any] | None, incoming: dict[str, Any], local_time: datetime | None,
            incoming_time: datetime | None) -> Outcome:
    if local is None:
        return Outcome.ADDED
    comparable_local = {k: v for k, v in local.items() if k != "updated_at"}
    comparable_incoming = {k: v for k, v in incoming.items() if k != "updated_at"}
    if comparable_local == comparable_incoming and (incoming_time is None or incoming_time == local_time):
        return Outcome.UNCHANGED
    if incoming_time is not None and (local_time is None or incoming_time > local_time):
        return Outcome.UPDATED
    return Outcome.KEPT_LOCAL


def _normalised(data: dict[str, Any], to_json: Any, from_json: Any) -> dict[str, Any]:
    """The bundle's dict as our own export would write it (defaults filled in), for comparison."""
    return to_json(from_json(data))  # type: ignore[no-any-return]


def apply_bundle(session: Session, data: dict[str, Any]) -> ImportSummary:
    summary = ImportSummary()
    touched_people: set[str] = set()

    for item in data["people"]:
        person = codec.person_from_json(item)
        row = session.get(m.PersonRow, person.id, options=[selectinload(m.PersonRow.other_names)])
        local = person_record(row) if row is not None else None
        outcome = _decide(codec.person_to_json(local) if local else None,
                          _normalised(item, codec.person_to_json, codec.person_from_json),
                          local.updated_at if local else None, person.updated_at)
        if outcome in (Outcome.ADDED, Outcome.UPDATED):
            write_person(session, person, _stamp(person.updated_at))
            touched_people.add(person.id)
        summary.outcomes.append(RecordOutcome("person", person.id, person.name, outcome))

    for item in data["institutions"]:
        institution = codec.institution_from_json(item)
        inst_row = session.get(m.InstitutionRow, institution.id)
        local_inst = institution_record(inst_row) if inst_row is not None else None
        outcome = _decide(codec.institution_to_json(local_inst) if local_inst else None,
                          _normalised(item, codec.institution_to_json, codec.institution_from_json),
                          local_inst.updated_at if local_inst else None, institution.updated_at)
        if outcome in (Outcome.ADDED, Outcome.UPDATED):
            write_institution(session, institution, _stamp(institution.updated_at))
        summary.outcomes.append(RecordOutcome("institution", institution.id, institution.name, outcome))
    session.flush()

    updated_dialogues: set[str] = set()
    for item in data["dialogues"]:
        dialogue = codec.dialogue_from_json(item)
        dialogue_row = load_dialogue_row(session, dialogue.id)
        local_dialogue = dialogue_record(dialogue_row) if dialogue_row is not None else None
        outcome = _decide(codec.dialogue_to_json(local_dialogue) if local_dialogue else None,
                          _normalised(item, codec.dialogue_to_json, codec.dialogue_from_json),
                          local_dialogue.updated_at if local_dialogue else None, dialogue.updated_at)
        if outcome in (Outcome.ADDED, Outcome.UPDATED):
            write_dialogue(session, dialogue, _stamp(dialogue.updated_at))
            updated_dialogues.add(dialogue.id)
        summary.outcomes.append(RecordOutcome("dialogue", dialogue.id, f"“{dialogue.title}”", outcome))

    if touched_people:  # renamed people must be found under their new names in other dialogues too
        refresh_search_text(session, touched_people)
    return summary


def import_bundle(database: Database, path: Path, dry_run: bool = False) -> ImportSummary:
    """Check the whole file first, then apply it in one transaction (or, for a dry run, roll back)."""
    data = read_bundle(path)
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


