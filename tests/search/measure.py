"""The spelling table measured through the program's own completion and list search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import Role, Side
from tests.factories import add_people, make_dialogue
from tests.search.spelling_table import HARD_NEGATIVES, PAIRS


@dataclass
class Figures:
    queries: int
    recall: float  # the right person among the first three offers
    precision: float  # the first offer is the right person (so no hard negative above it)
    misses: list[str]


def fill(database: Database) -> dict[str, str]:
    """Every person of the table and every hard negative, each in a meeting of their own: name → id."""
    names = list(dict.fromkeys([recorded for recorded, _, _ in PAIRS] + HARD_NEGATIVES))
    people = add_people(database, *names)
    repository = DialogueRepository(database)
    for number, person in enumerate(people):
        repository.save(make_dialogue(title=f"Meeting {number}", start_date=date(2024, 1, 1), topics=(), delegations=(
            r.Delegation(id=r.new_id(), side=Side.PARTNER, party=r.Party.country("KZ"), participants=(
                r.Participant(id=r.new_id(), person_id=person.id, role=Role.HEAD),)),)))
    return {person.name: person.id for person in people}


def completion_figures(database: Database, ids: dict[str, str]) -> Figures:
    repository = PeopleRepository(database)
    negatives = {ids[name] for name in HARD_NEGATIVES}
    found = first = 0
    misses = []
    for recorded, typed, _ in PAIRS:
        offered = [offer.id for offer in repository.offers(typed)]
        right = ids[recorded]
        found += right in offered[:3]
        ahead = offered[:offered.index(right)] if right in offered else offered
        good = bool(offered) and offered[0] == right and not negatives & set(ahead)
        first += good
        if not good:
            misses.append(f"{typed} → {offered[:3]}")
    return Figures(len(PAIRS), found / len(PAIRS), first / len(PAIRS), misses)


def list_search_figures(database: Database, ids: dict[str, str]) -> Figures:
    """The main list is not ranked (it is sorted by date), so here precision asks more: the right
    person's meeting is listed and no meeting of a hard negative is listed at all."""
    repository = DialogueRepository(database)
    person_of = {}
    for row in repository.page(limit=10_000).rows:
        person_of[row.id] = row.title
    meeting = {name: f"Meeting {number}" for number, name in enumerate(ids)}
    negatives = {meeting[name] for name in HARD_NEGATIVES}
    found = clean = 0
    misses = []
    for recorded, typed, _ in PAIRS:
        listed = {person_of[row.id] for row in repository.page(r.DialogueFilter(text=typed), limit=200).rows}
        right = meeting[recorded]
        found += right in listed
        good = right in listed and not negatives & listed
        clean += good
        if not good:
            misses.append(f"{typed} → {sorted(listed)[:3]}")
    return Figures(len(PAIRS), found / len(PAIRS), clean / len(PAIRS), misses)
