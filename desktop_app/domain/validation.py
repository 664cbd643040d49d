"""The rules a record must satisfy, in one place.

The form calls these as the officer types, import calls them per record before writing, and the
database backs the structural ones with constraints. Each rule yields a `FieldProblem` naming the
field so the caller can mark it.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.enums import PartyType, Role
from desktop_app.domain.errors import FieldProblem
from desktop_app.domain.records import Dialogue, Institution, Party, Person
from desktop_app.domain.reference import is_known_country

LIMITS = {
    "title": 300, "series": 200, "city": 100, "summary": 100_000, "programme": 100,
    "framework": 300, "topic": 100, "party_name": 200, "delegation_notes": 5000,
    "agenda_title": 500, "agenda_notes": 20_000, "action_description": 2000, "action_owner": 200,
    "person_name": 200, "email": 254, "institution_name": 300, "acronym": 40, "position": 300,
}


def _too_long(where: str, value: str | None, limit_key: str, label: str) -> Iterator[FieldProblem]:
    limit = LIMITS[limit_key]
    if value is not None and len(value) > limit:
        yield FieldProblem(where, f"{label} is {len(value):,} characters long; at most {limit:,} are allowed.")


def party_problems(where: str, party: Party | None, label: str) -> Iterator[FieldProblem]:
    if party is None:
        return
    if party.type is PartyType.COUNTRY:
        if not is_known_country(party.code):
            yield FieldProblem(where, f"{label}: “{party.code}” is not a known country code.")
    elif not (party.name or "").strip():
        yield FieldProblem(where, f"{label}: the organisation needs a name.")
    else:
        yield from _too_long(where, party.name, "party_name", f"{label}'s name")


def dialogue_problems(dialogue: Dialogue) -> list[FieldProblem]:
    """Everything that makes a dialogue impossible to save; empty when it may be saved."""
    problems: list[FieldProblem] = []
    add = problems.extend
    if not dialogue.title.strip():
        problems.append(FieldProblem("title", "The title is required."))
    add(_too_long("title", dialogue.title, "title", "The title"))
    add(_too_long("series", dialogue.series, "series", "The series"))
    add(_too_long("city", dialogue.city, "city", "The city"))
    add(_too_long("summary", dialogue.summary, "summary", "The summary"))
    if dialogue.end_date is not None and dialogue.end_date < dialogue.start_date:
        problems.append(FieldProblem(
            "end_date",
            f"The end date {dialogue.end_date.isoformat()} is before the start date "
            f"{dialogue.start_date.isoformat()}."))
    if dialogue.country is not None and not is_known_country(dialogue.country):
        problems.append(FieldProblem("country", f"“{dialogue.country}” is not a known country code."))
    add(party_problems("chair", dialogue.chair, "The chair"))
    for key, values, label in (("supporting_programmes", dialogue.supporting_programmes, "programme"),
                               ("frameworks", dialogue.frameworks, "framework"),
                               ("topics", dialogue.topics, "topic")):
        for i, value in enumerate(values):
            add(_too_long(f"{key}[{i}]", value, label, f"A {label}"))
    for i, item in enumerate(dialogue.agenda):
        if not item.title.strip():
            problems.append(FieldProblem(f"agenda[{i}].title", f"Agenda item {i + 1} needs a title."))
        add(_too_long(f"agenda[{i}].title", item.title, "agenda_title", f"Agenda item {i + 1}'s title"))
        add(_too_long(f"agenda[{i}].notes", item.notes, "agenda_notes", f"Agenda item {i + 1}'s notes"))
        add(party_problems(f"agenda[{i}].presenter", item.presenter, f"Agenda item {i + 1}'s presenter"))
    for i, action in enumerate(dialogue.actions):
        if not action.description.strip():
            problems.append(FieldProblem(f"actions[{i}].description", f"Action {i + 1} needs a description."))
        add(_too_long(f"actions[{i}].description", action.description, "action_description",
                      f"Action {i + 1}'s description"))
        add(_too_long(f"actions[{i}].owner", action.owner, "action_owner", f"Action {i + 1}'s owner"))
    for i, delegation in enumerate(dialogue.delegations):
        label = f"Delegation {i + 1}"
        add(party_problems(f"delegations[{i}].party", delegation.party, label))
        add(_too_long(f"delegations[{i}].notes", delegation.notes, "delegation_notes", f"{label}'s notes"))
        people_seen: set[str] = set()
        for j, participant in enumerate(delegation.participants):
            where = f"delegations[{i}].participants[{j}]"
            if not participant.person_id:
                problems.append(FieldProblem(where, f"{label}, participant {j + 1}: the person is missing."))
            elif participant.person_id in people_seen:
                problems.append(FieldProblem(where, f"{label} lists the same person twice."))
            people_seen.add(participant.person_id)
            add(_too_long(f"{where}.position", participant.position, "position",
                          f"{label}, participant {j + 1}'s position"))
    return problems


def dialogue_warnings(dialogue: Dialogue) -> list[FieldProblem]:
    """Things worth a second look that do not prevent saving (imports may legitimately have them)."""
    warnings: list[FieldProblem] = []
    seen_parties: set[str] = set()
    for i, delegation in enumerate(dialogue.delegations):
        if delegation.party.key in seen_parties:
            warnings.append(FieldProblem(f"delegations[{i}].party",
                                         f"Delegation {i + 1} repeats a party that already has a delegation."))
        seen_parties.add(delegation.party.key)
        heads = sum(1 for p in delegation.participants if p.role is Role.HEAD)
        if delegation.participants and heads == 0:
            warnings.append(FieldProblem(f"delegations[{i}]", f"Delegation {i + 1} has no head."))
        elif heads > 1:
            warnings.append(FieldProblem(f"delegations[{i}]", f"Delegation {i + 1} has {heads} heads; one is usual."))
    return warnings


def person_problems(person: Person) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not person.name.strip():
        problems.append(FieldProblem("name", "The person's name is required."))
    problems.extend(_too_long("name", person.name, "person_name", "The name"))
    problems.extend(_too_long("email", person.email, "email", "The e-mail address"))
    for i, other in enumerate(person.other_names):
        problems.extend(_too_long(f"other_names[{i}]", other, "person_name", "Another spelling"))
    return problems


def institution_problems(institution: Institution) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not institution.name.strip():
        problems.append(FieldProblem("name", "The institution's name is required."))
    problems.extend(_too_long("name", institution.name, "institution_name", "The institution's name"))
    problems.extend(_too_long("acronym", institution.acronym, "acronym", "The acronym"))
    if institution.country is not None and not is_known_country(institution.country):
        problems.append(FieldProblem("country", f"“{institution.country}” is not a known country code."))
    return problems
