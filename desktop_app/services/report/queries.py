"""The report's numbers, computed by SQLite in aggregate queries over the selected dialogues.

Each function takes a session and the selection's WHERE clause and returns plain tuples; nothing
loads ORM objects, so a report over thousands of dialogues costs a handful of queries. The
counting rules are those of contract §3 and are written once, here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, case, cast, func, select
from sqlalchemy.orm import Session

from desktop_app.db import models as m

D, G, P, PERSON, INST = m.DialogueRow, m.DelegationRow, m.ParticipantRow, m.PersonRow, m.InstitutionRow


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def selected(conditions: Sequence[ColumnElement[bool]]) -> Select[tuple[str]]:
    return select(D.id).where(*conditions)


def period_and_count(session: Session,
                     conditions: Sequence[ColumnElement[bool]]) -> tuple[date | None, date | None, int]:
    row = session.execute(select(func.min(D.start_date), func.max(D.start_date), func.count())
                          .where(*conditions)).one()
    return row[0], row[1], int(row[2])


def delegation_totals(session: Session, conditions: Sequence[ColumnElement[bool]]) -> tuple[int, int, int, int]:
    """(delegations, distinct countries, distinct organisations, programme-supported delegations)."""
    row = session.execute(select(
        func.count(G.id), func.count(G.party_country.distinct()), func.count(G.party_organisation.distinct()),
        _count_if(G.programme_supported.is_(True)),
    ).where(G.dialogue_id.in_(selected(conditions)))).one()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def participant_totals(session: Session, conditions: Sequence[ColumnElement[bool]]) -> tuple[int, ...]:
    """(participants, unique people, women, men, sex not recorded, programme-supported participants)."""
    row = session.execute(select(
        func.count(P.id), func.count(P.person_id.distinct()), _count_if(PERSON.sex == "female"),
        _count_if(PERSON.sex == "male"), _count_if(PERSON.sex.is_(None)), _count_if(G.programme_supported.is_(True)),
    ).select_from(P).join(G, P.delegation_id == G.id).join(PERSON, P.person_id == PERSON.id)
        .where(G.dialogue_id.in_(selected(conditions)))).one()
    return tuple(int(value) for value in row)


def dialogue_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """One row a dialogue with its own counts, by start date then title."""
    delegations = (select(G.dialogue_id.label("dialogue_id"), func.count(G.id).label("n"))
                   .group_by(G.dialogue_id).subquery())
    people = (select(G.dialogue_id.label("dialogue_id"), func.count(P.id).label("n"),
                     _count_if(PERSON.sex == "female").label("women"), _count_if(PERSON.sex == "male").label("men"))
              .select_from(P).join(G, P.delegation_id == G.id).join(PERSON, P.person_id == PERSON.id)
              .group_by(G.dialogue_id).subquery())
    return list(session.execute(
        select(D.id, D.start_date, D.end_date, D.title, D.series, D.kind, D.city, D.country, D.online,
               D.chair_type, D.chair_country, D.chair_organisation, D.status, D.summary,
               func.coalesce(delegations.c.n, 0), func.coalesce(people.c.n, 0),
               func.coalesce(people.c.women, 0), func.coalesce(people.c.men, 0))
        .outerjoin(delegations, delegations.c.dialogue_id == D.id).outerjoin(people, people.c.dialogue_id == D.id)
        .where(*conditions).order_by(D.start_date, D.title, D.id)))


def participation_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """One row a party: (type, country, organisation, sides, dialogues, delegations, participants,
    women, men, sex not recorded, programme-supported participants), most participants first."""
    participants = func.count(P.id)
    return list(session.execute(
        select(G.party_type, G.party_country, G.party_organisation, func.group_concat(G.side.distinct()),
               func.count(G.dialogue_id.distinct()), func.count(G.id.distinct()), participants,
               _count_if(PERSON.sex == "female"), _count_if(PERSON.sex == "male"),
               _count_if(P.id.is_not(None) & PERSON.sex.is_(None)),
               _count_if(P.id.is_not(None) & G.programme_supported.is_(True)))
        .select_from(G).outerjoin(P, P.delegation_id == G.id).outerjoin(PERSON, P.person_id == PERSON.id)
        .where(G.dialogue_id.in_(selected(conditions)))
        .group_by(G.party_type, G.party_country, G.party_organisation)
        .order_by(participants.desc())))


def topic_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    count = func.count(m.DialogueTopic.dialogue_id.distinct())
    return list(session.execute(
        select(m.DialogueTopic.name, count).where(m.DialogueTopic.dialogue_id.in_(selected(conditions)))
        .group_by(m.DialogueTopic.name).order_by(count.desc(), m.DialogueTopic.name)))


def action_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """(dialogue id, dialogue title, description, owner, due date, status): open first, soonest due first."""
    A = m.ActionRow
    return list(session.execute(
        select(A.dialogue_id, D.title, A.description, A.owner, A.due_date, A.status)
        .join(D, A.dialogue_id == D.id).where(*conditions)
        .order_by(case((A.status == "open", 0), else_=1), A.due_date.is_(None), A.due_date, D.start_date,
                  D.title, A.sort_order)))


def dialogues_per_year(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[tuple[int, int]]:
    year = cast(func.strftime("%Y", D.start_date), Integer)
    return [(int(y), int(n)) for y, n in session.execute(
        select(year, func.count()).where(*conditions).group_by(year).order_by(year))]


def attendee_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """Every delegation of the selection with its participants (none: one row with NULL person)."""
    return list(session.execute(
        select(G.dialogue_id, G.id, G.side, G.party_type, G.party_country, G.party_organisation,
               G.programme_supported, PERSON.name, P.role, P.position, INST.name)
        .select_from(G).outerjoin(P, P.delegation_id == G.id).outerjoin(PERSON, P.person_id == PERSON.id)
        .outerjoin(INST, P.institution_id == INST.id)
        .where(G.dialogue_id.in_(selected(conditions))).order_by(G.dialogue_id, G.sort_order, P.sort_order)))


def agenda_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    A = m.AgendaItemRow
    return list(session.execute(
        select(A.dialogue_id, A.title, A.presenter_type, A.presenter_country, A.presenter_organisation)
        .where(A.dialogue_id.in_(selected(conditions))).order_by(A.dialogue_id, A.sort_order)))


def topics_by_dialogue(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    T = m.DialogueTopic
    return list(session.execute(select(T.dialogue_id, T.name).where(T.dialogue_id.in_(selected(conditions)))
                                .order_by(T.dialogue_id, T.sort_order)))


def programmes_by_dialogue(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    T = m.DialogueProgramme
    return list(session.execute(select(T.dialogue_id, T.name).where(T.dialogue_id.in_(selected(conditions)))
                                .order_by(T.dialogue_id, T.sort_order)))
