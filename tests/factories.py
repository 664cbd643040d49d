"""Factories for records, so each test states only what matters to it."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueKind, DialogueStatus, Role, Sex, Side


def make_person(name: str = "Aigerim Zhumabayeva", **fields: Any) -> r.Person:
    return r.Person(id=r.new_id(), name=name, **fields)


def make_dialogue(title: str = "EU-Central Asia Drug Dialogue 2023", **fields: Any) -> r.Dialogue:
    values: dict[str, Any] = {
        "id": r.new_id(), "title": title, "kind": DialogueKind.REGIONAL, "start_date": date(2023, 12, 13),
        "status": DialogueStatus.FINAL, "series": "EU-Central Asia Drug Dialogue", "city": "Brussels",
        "country": "BE", "chair": r.Party.country("ES"), "topics": ("drug policy", "methamphetamine"),
    }
    values.update(fields)
    return r.Dialogue(**values)


def add_people(database: Database, *names: str, sex: Sex | None = None) -> list[r.Person]:
    repository = PeopleRepository(database)
    return [repository.save(make_person(name, sex=sex)) for name in names]


def add_institution(database: Database, name: str = "Ministry of Health", country: str | None = "KZ") -> r.Institution:
    return InstitutionRepository(database).save(r.Institution(id=r.new_id(), name=name, country=country))


def delegation_of(party: r.Party, *people: r.Person, side: Side = Side.PARTNER, supported: bool = False,
                  institution: r.Institution | None = None) -> r.Delegation:
    return r.Delegation(
        id=r.new_id(), side=side, party=party, programme_supported=supported,
        participants=tuple(
            r.Participant(id=r.new_id(), person_id=p.id, role=Role.HEAD if i == 0 else Role.MEMBER,
                          institution_id=institution.id if institution else None, position="Expert")
            for i, p in enumerate(people)))
