"""A generated database for the report tests, and the counts computed from it in plain Python.

The expected numbers are computed here from the records as inserted, independently of the SQL the
report uses, so a wrong aggregate in the report cannot agree with them by construction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus, Sex, Side
from tests.factories import add_institution, add_people, delegation_of, make_dialogue


@dataclass
class World:
    dialogues: list[r.Dialogue]  # as saved, including the one moved to the trash
    deleted: set[str]
    people: dict[str, r.Person]

    def selected(self, keep: Callable[[r.Dialogue], bool] = lambda d: True) -> list[r.Dialogue]:
        return sorted((d for d in self.dialogues if d.id not in self.deleted and keep(d)),
                      key=lambda d: (d.start_date, d.title))

    def expected(self, keep: Callable[[r.Dialogue], bool] = lambda d: True) -> dict[str, int]:
        chosen = self.selected(keep)
        delegations = [g for d in chosen for g in d.delegations]
        participants = [p for g in delegations for p in g.participants]
        sex = [self.people[p.person_id].sex for p in participants]
        return {
            "Dialogues": len(chosen), "Delegations": len(delegations), "Participants": len(participants),
            "Unique people": len({p.person_id for p in participants}),
            "Women": sex.count(Sex.FEMALE), "Men": sex.count(Sex.MALE), "Sex not recorded": sex.count(None),
            "Countries represented": len({g.party.code for g in delegations if g.party.code}),
            "Organisations represented": len({g.party.name for g in delegations if g.party.code is None}),
            "Programme-supported delegations": sum(g.programme_supported for g in delegations),
            "Programme-supported participants": sum(len(g.participants) for g in delegations
                                                    if g.programme_supported),
        }


def build_world(database: Database) -> World:
    aigerim, dana = add_people(database, "Aigerim Zhumabayeva", "Дана Ахметова", sex=Sex.FEMALE)
    timur, bakhtiyor = add_people(database, "Тимур Назаров", "Bakhtiyor Rakhimov", sex=Sex.MALE)
    anon, other = add_people(database, "Jordan Smith", "Ким Ли")  # sex not recorded
    ministry = add_institution(database, "Министерство здравоохранения", "KZ")
    people = {p.id: p for p in (aigerim, dana, timur, bakhtiyor, anon, other)}
    country, org = r.Party.country, r.Party.organisation
    dialogues = [
        make_dialogue("=SUM(A1:A9)", start_date=date(2023, 3, 1), series="Alpha", country="KZ", city="Astana",
                      topics=("drug policy", "treatment"), delegations=(
                          delegation_of(country("KZ"), aigerim, timur, supported=True, institution=ministry),
                          delegation_of(org("Europol"), anon, side=Side.EU),
                          delegation_of(country("DE"), dana, side=Side.EU)),
                      actions=(r.Action("Send the minutes", ActionStatus.DONE, "CADAP", date(2023, 4, 1)),)),
        make_dialogue("+Встреча экспертов", start_date=date(2023, 6, 10), series="Alpha", country="KZ",
                      city="Алматы", status=DialogueStatus.DRAFT, topics=("treatment",), delegations=(
                          delegation_of(country("KZ"), aigerim, anon),
                          delegation_of(country("UZ"), bakhtiyor, supported=True),
                          delegation_of(org("UNODC"), side=Side.OTHER)),
                      actions=(r.Action("-Prepare the study visit", ActionStatus.OPEN, "@EUDA", date(2023, 9, 1)),)),
        make_dialogue("-Bilateral on prevention", start_date=date(2024, 1, 5), series="Beta", country="UZ",
                      city="Tashkent", topics=("prevention", "treatment", "drug policy"), delegations=(
                          delegation_of(country("UZ"), timur, other, supported=True),
                          delegation_of(org("Europol"), dana, side=Side.EU)),
                      actions=(r.Action("Share the curriculum", ActionStatus.OPEN, None, None),)),
        make_dialogue("@Online review", start_date=date(2024, 5, 5), series=None, country=None, city=None,
                      online=True, chair=None, topics=(), delegations=(
                          delegation_of(country("TJ"), other, bakhtiyor),)),
        make_dialogue("Trashed meeting", start_date=date(2024, 2, 2), series="Beta", delegations=(
            delegation_of(country("TJ"), aigerim, supported=True),)),
    ]
    repository = DialogueRepository(database)
    saved = [repository.save(d) for d in dialogues]
    repository.delete(saved[-1].id)
    return World(saved, {saved[-1].id}, people)
