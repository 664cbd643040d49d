"""Writing a checked registration list into a dialogue: all rows or none, in one unit of work.

Participants are grouped by their country or organisation into the dialogue's delegations (created
when missing); people and institutions are reused when already known, created otherwise. The
dialogue's revision is checked as `DialogueRepository.save` does, so a list is never written over
an edit saved elsewhere since the officer opened the dialogue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db import replica_store
from desktop_app.db.mapping import dialogue_record, person_record
from desktop_app.db.repositories.dialogues import load_dialogue_row
from desktop_app.db.repositories.people import refresh_search_text
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import RecordNotFound, StaleRecord, UserError
from desktop_app.domain.reference import default_side
from desktop_app.domain.search import fold
from desktop_app.domain.texts import Text
from desktop_app.services.registration.checking import ListCheck, ListEntry


@dataclass(frozen=True)
class ImportSummary:
    participants: int
    new_people: int
    known_people: int
    new_delegations: int
    new_institutions: int
    skipped: int  # already participants of the dialogue
    dialogue: r.Dialogue

    def describe(self) -> str:
        counts = (self.participants, self.new_people, self.known_people, self.new_delegations, self.new_institutions)
        if self.skipped:
            return Text("%1 participants added (%2 new people, %3 already known), %4 new delegations, "
                        "%5 new institutions; %6 already in the dialogue were skipped.", *counts, self.skipped)
        return Text("%1 participants added (%2 new people, %3 already known), %4 new delegations, "
                    "%5 new institutions.", *counts)


def _person_for(session: Session, entry: ListEntry, use_probable: bool, officer: str | None) -> tuple[str, bool]:
    """The person id for an entry and whether the person is new; a known person learns the new spelling."""
    known = entry.known or (entry.probable[0][0] if use_probable and entry.probable else None)
    if known is None:
        person = r.Person(id=r.new_id(), name=entry.name, sex=entry.sex, email=entry.email)
        replica_store.edit(session, "person", person, officer)
        return person.id, True
    row = session.get(m.PersonRow, known.id)
    if row is None:
        raise RecordNotFound(Text("%1 was removed from the database since the list was checked; check it again.",
                                  known.name))
    stored = person_record(row)
    spellings = list(stored.other_names)
    if entry.name != stored.name and entry.name not in spellings:
        spellings.append(entry.name)
    updated = replace(stored, other_names=tuple(spellings), sex=stored.sex or entry.sex,
                      email=stored.email or entry.email)
    if updated != stored:
        replica_store.edit(session, "person", updated, officer)
    return stored.id, False


def import_list(database: Database, dialogue_id: str, revision: int, check: ListCheck,
                use_probable: bool = False) -> ImportSummary:
    """Add every participant of a checked list to the dialogue, or nothing if anything is wrong."""
    if check.problems:
        raise UserError(Text("%1 rows of the list need correcting first (%2); nothing was imported.",
                             len(check.problems), str(check.problems[0])))
    if not check.entries:
        raise UserError(Text("The list has no participants to import."))
    officer = database.officer
    with database.writing() as session:
        stored = session.scalar(select(m.DialogueRow.revision).where(m.DialogueRow.id == dialogue_id))
        if stored is None:
            raise RecordNotFound(Text("That dialogue is no longer in the database."))
        row = load_dialogue_row(session, dialogue_id)
        dialogue = dialogue_record(row)  # type: ignore[arg-type]
        if stored != revision:
            raise StaleRecord(Text("“%1” was changed elsewhere since you opened it; "
                                   "reload it and import the list again.", dialogue.title))
        institutions = {fold(i.name): i.id for i in session.scalars(select(m.InstitutionRow))}
        institutions.update({fold(i.acronym): i.id for i in session.scalars(select(m.InstitutionRow)) if i.acronym})
        present = {p.person_id for d in dialogue.delegations for p in d.participants}
        delegations = {d.party.key: d for d in dialogue.delegations}
        order = [d.party.key for d in dialogue.delegations]
        counts = {"new_people": 0, "known": 0, "delegations": 0, "institutions": 0, "skipped": 0, "added": 0}
        for entry in check.entries:
            person_id, new = _person_for(session, entry, use_probable, officer)
            if person_id in present:
                counts["skipped"] += 1
                continue
            present.add(person_id)
            counts["new_people" if new else "known"] += 1
            institution_id = None
            if entry.institution:
                institution_id = institutions.get(fold(entry.institution))
                if institution_id is None:
                    institution = r.Institution(id=r.new_id(), name=entry.institution, country=entry.party.code)
                    replica_store.edit(session, "institution", institution, officer)
                    institution_id = institutions[fold(entry.institution)] = institution.id
                    counts["institutions"] += 1
            key = entry.party.key
            if key not in delegations:
                delegations[key] = r.Delegation(id=r.new_id(), side=default_side(entry.party), party=entry.party)
                order.append(key)
                counts["delegations"] += 1
            delegation = delegations[key]
            participant = r.Participant(id=r.new_id(), person_id=person_id, role=entry.role,
                                        institution_id=institution_id, position=entry.position)
            delegations[key] = replace(delegation, participants=(*delegation.participants, participant))
            counts["added"] += 1
        session.flush()
        updated = replace(dialogue, delegations=tuple(delegations[k] for k in order))
        # a local edit like a form save: it travels, and the next bundle cannot wipe it (issue 13, finding 2)
        saved, _ = replica_store.edit(session, "dialogue", updated, officer)
        known_ids = {e.known.id for e in check.entries if e.known}
        if known_ids:
            refresh_search_text(session, known_ids)
        result = dialogue_record(saved)
    return ImportSummary(participants=counts["added"], new_people=counts["new_people"], known_people=counts["known"],
                         new_delegations=counts["delegations"], new_institutions=counts["institutions"],
                         skipped=counts["skipped"], dialogue=result)
