"""Writing a checked registration list into a dialogue: all rows or none, in one unit of work.

Participants are grouped by their country or organisation into the dialogue's delegations (created
when missing); people and institutions are reused when already known, created otherwise. The
dialogue's revision is checked as `DialogueRepository.save` does, so a list is never written over
an edit saved elsewhere since the officer opened the dialogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db import replica_store
from desktop_app.db.mapping import dialogue_record, person_record
from desktop_app.db.repositories.dialogues import load_dialogue_row
from desktop_app.db.repositories.people import refresh_search_text
from desktop_app.db.repositories.revisions import check_unchanged
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import ParticipationStatus
from desktop_app.domain.errors import RecordNotFound, UserError
from desktop_app.domain.protocol import new_participant
from desktop_app.domain.reference import default_side
from desktop_app.domain.search import fold
from desktop_app.domain.texts import Text, counted
from desktop_app.services.registration.checking import ListCheck, ListEntry, RowProblem


@dataclass(frozen=True)
class ImportSummary:
    participants: int
    new_people: int
    known_people: int
    new_delegations: int
    new_institutions: int
    skipped: int  # already participants of the dialogue, the list saying nothing new of them
    dialogue: r.Dialogue
    set_aside: tuple[RowProblem, ...] = ()  # rows that could not be read, with their reason
    updated: int = 0  # already participants: their attendance or position taken from the list

    def describe(self) -> str:
        """One sentence of what the import did, each count agreeing with its noun ("1 participant",
        "2 new people"; Russian through the catalogue's plural forms): the wizard and `import-list` say it."""
        counts = (counted(self.participants, "participant"), counted(self.new_people, "new person", "new people"),
                  self.known_people, counted(self.new_delegations, "new delegation"),
                  counted(self.new_institutions, "new institution"))
        if self.skipped:
            text = Text("Added %1 (%2, %3 already known), %4, %5; skipped %6 already in the dialogue.", *counts,
                        counted(self.skipped, "participant"))
        else:
            text = Text("Added %1 (%2, %3 already known), %4, %5.", *counts)
        if self.updated:
            text = Text("%1 %2 already in the dialogue had their attendance or position updated from the list.",
                        text, counted(self.updated, "participant"))
        if self.set_aside:
            rows = ", ".join(str(p.row_number) for p in self.set_aside)
            return Text("%1 %2 could not be read and set aside (row numbers: %3).", text,
                        counted(len(self.set_aside), "row"), rows)
        return text


def _chosen(entry: ListEntry, use_probable: bool, choices: Mapping[int, str | None]) -> r.Person | None:
    """The known person an entry goes to: the sure match, else the probable one the officer accepted
    on that row (or the first, with `use_probable`); a refused or unanswered probable match is a
    new person."""
    if entry.known is not None:
        return entry.known
    if entry.row_number in choices:
        wanted = choices[entry.row_number]
        return next((p for p, _ in entry.probable if p.id == wanted), None)
    return entry.probable[0][0] if use_probable and entry.probable else None


def _person_for(session: Session, entry: ListEntry, use_probable: bool, officer: str | None,
                choices: Mapping[int, str | None]) -> tuple[str, bool]:
    """The person id for an entry and whether the person is new; a known person learns the new spelling."""
    known = _chosen(entry, use_probable, choices)
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
    if fold(entry.name) not in {fold(name) for name in (stored.name, *spellings)}:  # not another case or spacing
        spellings.append(entry.name)
    updated = replace(stored, other_names=tuple(spellings), sex=stored.sex or entry.sex,
                      email=stored.email or entry.email)
    if updated != stored:
        replica_store.edit(session, "person", updated, officer)
    return stored.id, False


def import_list(database: Database, dialogue_id: str, revision: int, check: ListCheck,
                use_probable: bool = False, choices: Mapping[int, str | None] | None = None,
                dry_run: bool = False) -> ImportSummary:
    """Add every participant of a checked list to the dialogue in one transaction. Rows that could
    not be read are set aside (counted in the summary), never holding back the rest. `choices`:
    for a row with probable matches, the person the officer accepted, or None (refused: a new person).
    `dry_run`: the same import, rolled back — its summary is what the real one would be."""
    choices = choices or {}
    if not check.entries and check.problems:
        raise UserError(Text("No row of the list can be read (%1); nothing was imported.", str(check.problems[0])))
    if not check.entries:
        raise UserError(Text("The list has no participants to import."))
    officer = database.officer
    with (database.rehearsing() if dry_run else database.writing()) as session:
        row = load_dialogue_row(session, dialogue_id)
        if row is None:
            raise RecordNotFound(Text("That dialogue is no longer in the database."))
        dialogue = dialogue_record(row)
        check_unchanged(session, m.DialogueRow, dialogue_id, revision,
                        Text("“%1” was changed elsewhere since you opened it; "
                             "reload it and import the list again.", dialogue.title))
        # institutions are matched within the delegation's country: three countries' "Ministry of
        # Health" are three ministries (one without a country matches any)
        institutions: dict[tuple[str | None, str], str] = {}
        for i in session.scalars(select(m.InstitutionRow).where(m.InstitutionRow.deleted_at.is_(None))
                                 .options(selectinload(m.InstitutionRow.other_names))):
            for spelling in (i.name, i.acronym, *(o.name for o in i.other_names)):
                if spelling:
                    institutions.setdefault((i.country, fold(spelling)), i.id)
        present = {p.person_id for d in dialogue.delegations for p in d.participants}
        delegations = {d.party.key: d for d in dialogue.delegations}
        order = [d.party.key for d in dialogue.delegations]
        counts = {"new_people": 0, "known": 0, "delegations": 0, "institutions": 0, "skipped": 0, "added": 0,
                  "updated": 0}
        for entry in check.entries:
            person_id, new = _person_for(session, entry, use_probable, officer, choices)
            if person_id in present:
                # already in the meeting: the list's attendance and position are taken (round 14: they
                # were dropped, the summary saying only "skipped"); a blank cell changes nothing
                changed = _as_listed(delegations, order, person_id, entry)
                counts["updated" if changed else "skipped"] += 1
                continue
            present.add(person_id)
            counts["new_people" if new else "known"] += 1
            institution_id = None
            if entry.institution:
                folded = fold(entry.institution)
                institution_id = institutions.get((entry.party.code, folded)) or institutions.get((None, folded))
                if institution_id is None:
                    institution = r.Institution(id=r.new_id(), name=entry.institution, country=entry.party.code)
                    replica_store.edit(session, "institution", institution, officer)
                    institution_id = institutions[(entry.party.code, folded)] = institution.id
                    counts["institutions"] += 1
            key = entry.party.key
            if key not in delegations:
                delegations[key] = r.Delegation(id=r.new_id(), side=default_side(entry.party), party=entry.party)
                order.append(key)
                counts["delegations"] += 1
            delegation = delegations[key]
            # issue 18: the list's status, or as a new row of this meeting starts; funded as the delegation is
            fresh = new_participant(dialogue.start_date, delegation, date.today(), person_id, entry.role)
            participant = replace(fresh, institution_id=institution_id, position=entry.position,
                                  status=entry.status or (ParticipationStatus.INVITED if entry.unmarked
                                                          else fresh.status))
            delegations[key] = replace(delegation, participants=(*delegation.participants, participant))
            counts["added"] += 1
        session.flush()
        updated = replace(dialogue, delegations=tuple(delegations[k] for k in order))
        # a local edit like a form save: it travels, and the next bundle cannot wipe it (issue 13, finding 2)
        saved, _ = replica_store.edit(session, "dialogue", updated, officer)
        known_ids = {chosen.id for e in check.entries if (chosen := _chosen(e, use_probable, choices))}
        if known_ids:
            refresh_search_text(session, known_ids)
        result = dialogue_record(saved)
    return ImportSummary(participants=counts["added"], new_people=counts["new_people"], known_people=counts["known"],
                         new_delegations=counts["delegations"], new_institutions=counts["institutions"],
                         skipped=counts["skipped"], dialogue=result, set_aside=check.problems,
                         updated=counts["updated"])


def _as_listed(delegations: dict[Any, r.Delegation], order: list[Any], person_id: str, entry: ListEntry) -> bool:
    """The person's participation with the list's status and position where the list gives them;
    whether anything changed (`delegations` is updated in place)."""
    for key in order:
        delegation = delegations[key]
        for index, participant in enumerate(delegation.participants):
            if participant.person_id != person_id:
                continue
            listed = replace(participant, status=entry.status or participant.status,
                             position=entry.position or participant.position)
            if listed == participant:
                return False
            participants = list(delegation.participants)
            participants[index] = listed
            delegations[key] = replace(delegation, participants=tuple(participants))
            return True
    return False
