"""Merging two records of one thing — a person written twice, an institution entered in Russian
and in English — in ONE service operation, so that both follow the same rule: the record kept
absorbs the other's names as other names, every participation moves over, the other is deleted,
all in one transaction (the repositories' `merge`)."""

from __future__ import annotations

from enum import StrEnum

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.party_name import PartyName
from desktop_app.domain.texts import Text

_SEX_WORDS = {"female": Text("female"), "male": Text("male")}


class RecordKind(StrEnum):
    PERSON = "person"
    INSTITUTION = "institution"


def merge_records(database: Database, kind: RecordKind, keep_id: str, merge_id: str) -> r.Person | r.Institution:
    """Merge the record `merge_id` into `keep_id`; refused with a sentence (UserError) when that
    cannot be done, leaving both as they were."""
    if kind is RecordKind.PERSON:
        return PeopleRepository(database).merge(keep_id, merge_id)
    return InstitutionRepository(database).merge(keep_id, merge_id)


def not_kept(database: Database, kind: RecordKind, keep_id: str, merge_id: str) -> list[Text]:
    """What the kept record will not take from the other: a field each holds, with different
    values, where the record keeps one (a person's e-mail and sex; an institution's country). Every
    window that merges says these before the officer agrees, so nothing is dropped unsaid (round 14:
    the e-mail in "Find duplicate people"; round 15: the sex, the People and Institutions pages, and
    institutions). Names and other spellings are never lost: the other's become other spellings, and
    an institution's other acronym another name of it (round 17)."""
    if kind is RecordKind.PERSON:
        people = PeopleRepository(database)
        keep, gone = people.get(keep_id), people.get(merge_id)
        said = []
        if gone.email and keep.email and gone.email.casefold() != keep.email.casefold():
            said.append(Text("The e-mail address %1 of “%2” is not kept: “%3” keeps %4.",
                             gone.email, gone.name, keep.name, keep.email))
        if gone.sex and keep.sex and gone.sex != keep.sex:
            said.append(Text("“%1” is recorded as %2 and “%3” as %4: the merged record keeps %4.",
                             gone.name, _SEX_WORDS[gone.sex.value], keep.name, _SEX_WORDS[keep.sex.value]))
        return said
    institutions = InstitutionRepository(database)
    kept, other = institutions.get(keep_id), institutions.get(merge_id)
    said = []  # another acronym is not lost: it becomes another name (round 17)
    if other.country and kept.country and other.country != kept.country:
        said.append(Text("“%1” is in %2 and “%3” in %4: the merged institution keeps %4.", other.name,
                         PartyName(r.Party.country(other.country)), kept.name,
                         PartyName(r.Party.country(kept.country))))
    return said
