"""The report's records, read flat from SQLite for the selected dialogues.

Each function takes a session and the selection's WHERE clause and returns plain tuples; nothing
loads ORM objects, so a report over thousands of dialogues costs a handful of queries. The counting
rules of contract §3 are applied to these rows in one place, `figures.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from desktop_app.db import models as m

D, G, P, PERSON, INST = m.DialogueRow, m.DelegationRow, m.ParticipantRow, m.PersonRow, m.InstitutionRow


def selected(conditions: Sequence[ColumnElement[bool]]) -> Select[str]:
    return select(D.id).where(*conditions)


def dialogue_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """The selected dialogues, by start date then title as SQLite compares them (code points: capitals
    first); the report then puts a day's titles in order whatever their case (`DialogueLine.in_order`)."""
    return list(session.execute(
        select(D.id, D.start_date, D.end_date, D.title, D.series, D.kind, D.city, D.country, D.online,
               D.chair_type, D.chair_country, D.chair_organisation, D.status, D.summary)
        .where(*conditions).order_by(D.start_date, D.title, D.id)))


def dialogue_batches(session: Session, conditions: Sequence[ColumnElement[bool]], size: int) -> Iterator[Sequence[Any]]:
    """The selected dialogues as `dialogue_rows` gives them, `size` rows at a time and without their
    summaries (which only the annex prints): a report of 100,000 dialogues never holds them all as
    rows (issue 19, round 6). Through the session's connection: an ORM `Session.execute` would buffer
    every row before the first."""
    result = session.connection().execute(
        select(D.id, D.start_date, D.end_date, D.title, D.series, D.kind, D.city, D.country, D.online,
               D.chair_type, D.chair_country, D.chair_organisation, D.status)
        .where(*conditions).order_by(D.start_date, D.title, D.id))
    try:
        while batch := result.fetchmany(size):
            yield batch
    finally:
        result.close()


def delegation_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """(id, dialogue id, side, party type, country, organisation, programme-supported), record order."""
    return list(session.execute(
        select(G.id, G.dialogue_id, G.side, G.party_type, G.party_country, G.party_organisation,
               G.programme_supported)
        .where(G.dialogue_id.in_(selected(conditions))).order_by(G.dialogue_id, G.sort_order)))


def participant_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """(delegation id, person id, name, sex, role, position, institution id, institution, status,
    programme-funded): every participation of every status; the report counts them in Python
    (`figures.py`), where the rules of contract §3 are written once."""
    return list(session.execute(
        select(P.delegation_id, P.person_id, PERSON.name, PERSON.sex, P.role, P.position, P.institution_id,
               INST.name, P.status, P.programme_funded)
        .select_from(P).join(G, P.delegation_id == G.id).join(PERSON, P.person_id == PERSON.id)
        .outerjoin(INST, P.institution_id == INST.id)
        .where(G.dialogue_id.in_(selected(conditions))).order_by(G.dialogue_id, G.sort_order, P.sort_order)))


def action_rows(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """(dialogue id, description, owner, due date, status), in record order."""
    A = m.ActionRow
    return list(session.execute(
        select(A.dialogue_id, A.description, A.owner, A.due_date, A.status)
        .where(A.dialogue_id.in_(selected(conditions))).order_by(A.dialogue_id, A.sort_order)))


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
