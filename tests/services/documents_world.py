"""The seed's 2023 meeting (the demo bundle) with delegates as protocol records them, for the documents."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.repositories.programme import ProgrammeRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, ParticipationStatus, Role
from desktop_app.domain.programme import ProgrammeDetails
from desktop_app.services.samples import load_samples

SEED_ID = "eb49bc6d-96eb-5d2e-a3a9-c915cf2a9cf0"
S = ParticipationStatus
# party code -> (person name as stored, role, status, funded, position, institution name start)
DELEGATES = {
    "KZ": [("Aigerim Zhumabayeva", Role.HEAD, S.ATTENDED, True, "Deputy Minister", "Ministry of Internal"),
           ("Нурлан Сейткали", Role.EXPERT, S.ABSENT, True, "Chief expert", "Ministry of Internal")],
    "KG": [("Гульнара Асанова", Role.HEAD, S.ATTENDED, True, "Head of department", "Ministry of Health"),
           ("Тимур Назаров", Role.INTERPRETER, S.CANCELLED, False, "Interpreter", None)],
    "TJ": [("Рустам Исмоилов", Role.HEAD, S.ATTENDED, True, "Director", "Drug Control Agency"),
           ("Zarina Saidova", Role.DEPUTY_HEAD, S.ATTENDED, True, "Deputy Director", "Drug Control Agency")],
    "TM": [("Maral Atayeva", Role.HEAD, S.ATTENDED, True, "Head of division", "Ministry of Health and Medical")],
    "UZ": [("Dilnoza Karimova", Role.ADVISER, S.ATTENDED, True, "Adviser", "National Information"),
           ("Bakhtiyor Rakhimov", Role.HEAD, S.ATTENDED, True, "Director", "National Information")],
}
PROGRAMME = ProgrammeDetails(
    name="Central Asia Drug Action Programme (CADAP 7)",
    sender="The Delegation of the European Union to the Republic of Kazakhstan\n"
           "Представительство Европейского Союза в Республике Казахстан",
    letterhead="DELEGATION OF THE EUROPEAN UNION TO THE REPUBLIC OF KAZAKHSTAN\n"
               "ПРЕДСТАВИТЕЛЬСТВО ЕВРОПЕЙСКОГО СОЮЗА В РЕСПУБЛИКЕ КАЗАХСТАН\nAstana / Астана",
    reference_pattern="CADAP/{year}/{party}/{number}",
    contact="Ms Anna Schmidt, programme officer\nanna.schmidt@example.org\n+7 7172 00 00 00")


def seed_meeting(database: Database, *, status: DialogueStatus = DialogueStatus.FINAL,
                 programme: ProgrammeDetails = PROGRAMME) -> r.Dialogue:
    """Load the samples, give the 2023 meeting's Central Asian delegations their people, store the programme."""
    load_samples(database)
    people = {p.name: p.id for p in PeopleRepository(database).search(limit=1000)}
    institutions = InstitutionRepository(database).all()
    repository = DialogueRepository(database)
    dialogue = repository.get(SEED_ID)
    delegations = []
    for delegation in dialogue.delegations:
        participants = []
        for name, role, status_, funded, position, institution in DELEGATES.get(delegation.party.code or "", []):
            institution_id = next((i.id for i in institutions if institution and i.name.startswith(institution)), None)
            participants.append(r.Participant(id=r.new_id(), person_id=people[name], role=role, status=status_,
                                              programme_funded=funded, position=position,
                                              institution_id=institution_id))
        delegations.append(replace(delegation, participants=tuple(participants)))
    ProgrammeRepository(database).save(programme)
    return repository.save(replace(dialogue, delegations=tuple(delegations), status=status))
