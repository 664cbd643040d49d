"""Reading many whole records at once (export, and anything else that needs every dialogue).

The ORM builds an instrumented object for every row and a collection for every relationship;
for tens of thousands of dialogues with hundreds of thousands of participants that is most of the
cost of an export. Here each table is read once with a plain Core `SELECT`, its rows grouped by
parent in a dict, and the same frozen records the repositories return are built by the same
functions (`mapping.dialogue_of` and its parts read Core rows and ORM rows alike; the tests compare
them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Executable, Select, select
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db.mapping import dialogue_of, institution_of, person_of
from desktop_app.domain import records as r

Rows = dict[Any, list[Any]]


def _grouped(session: Session, query: Executable) -> Rows:
    """Rows by their first column (the parent's id), in the query's order."""
    groups: Rows = {}
    for row in session.connection().execute(query):  # Core rows: no ORM result processing
        groups.setdefault(row[0], []).append(row)
    return groups


def dialogue_records(session: Session, selected: Select[str]) -> list[r.Dialogue]:
    """Every dialogue whose id `selected` yields, whole, ordered by start date then id."""
    d = m.DialogueRow
    chosen = selected  # used as `IN (SELECT ...)`, which SQLite plans as one pass over the chosen ids
    values = {
        model: _grouped(session, select(model.dialogue_id, model.name).where(model.dialogue_id.in_(chosen))
                        .order_by(model.dialogue_id, model.sort_order))
        for model in (m.DialogueProgramme, m.DialogueFramework, m.DialogueTopic)}
    a = m.AgendaItemRow
    agenda = _grouped(session, select(a.dialogue_id, a.title, a.presenter_type, a.presenter_country,
                                      a.presenter_organisation, a.notes, a.id)
                      .where(a.dialogue_id.in_(chosen)).order_by(a.dialogue_id, a.sort_order))
    t = m.ActionRow
    actions = _grouped(session, select(t.dialogue_id, t.description, t.status, t.owner, t.due_date, t.id,
                                       t.carried_from, t.done_on)
                       .where(t.dialogue_id.in_(chosen)).order_by(t.dialogue_id, t.sort_order))
    g, p = m.DelegationRow, m.ParticipantRow
    participants = _grouped(session, select(p.delegation_id, p.id, p.person_id, p.role, p.institution_id, p.position,
                                                   p.status, p.programme_funded)
                            .join(g, g.id == p.delegation_id).where(g.dialogue_id.in_(chosen))
                            .order_by(p.delegation_id, p.sort_order))
    delegations = _grouped(session, select(g.dialogue_id, g.id, g.side, g.party_type, g.party_country,
                                           g.party_organisation, g.programme_supported, g.notes)
                           .where(g.dialogue_id.in_(chosen)).order_by(g.dialogue_id, g.sort_order))
    rows = session.connection().execute(
        select(d.id, d.title, d.kind, d.start_date, d.status, d.series, d.end_date, d.city, d.country, d.online,
               d.chair_type, d.chair_country, d.chair_organisation, d.summary, d.updated_at, d.revision,
               d.deleted_at)
        .where(d.id.in_(chosen)).order_by(d.start_date, d.id))
    empty: list[Any] = []
    return [dialogue_of(row, values[m.DialogueProgramme].get(row.id, empty),
                        values[m.DialogueFramework].get(row.id, empty), values[m.DialogueTopic].get(row.id, empty),
                        agenda.get(row.id, empty),
                        ((group, participants.get(group.id, empty)) for group in delegations.get(row.id, empty)),
                        actions.get(row.id, empty))
            for row in rows]


def person_records(session: Session, ids: Iterable[str] | None = None) -> list[r.Person]:
    """People by id (all of them when `ids` is None), ordered by id."""
    wanted = None if ids is None else list(ids)
    o = m.PersonOtherName
    others_query = select(o.person_id, o.name).order_by(o.person_id, o.sort_order)
    query = select(m.PersonRow.id, m.PersonRow.name, m.PersonRow.sex, m.PersonRow.email, m.PersonRow.updated_at,
                   m.PersonRow.revision).order_by(m.PersonRow.id)
    if wanted is not None:
        others_query = others_query.where(o.person_id.in_(wanted))
        query = query.where(m.PersonRow.id.in_(wanted))
    others = _grouped(session, others_query)
    empty: list[Any] = []
    return [person_of(row, others.get(row.id, empty)) for row in session.connection().execute(query)]


def institution_records(session: Session, ids: Iterable[str] | None = None) -> list[r.Institution]:
    """Institutions by id (all of them when `ids` is None), ordered by id, with their other names:
    a bundle is written from these, and without them every export sent `"other_names": []`
    (round 15: a ministry's Russian name typed on the Institutions page never reached a colleague)."""
    wanted = None if ids is None else list(ids)
    i, o = m.InstitutionRow, m.InstitutionOtherName
    others_query = select(o.institution_id, o.name).order_by(o.institution_id, o.sort_order)
    query = select(i.id, i.name, i.acronym, i.country, i.updated_at, i.revision).order_by(i.id)
    if wanted is not None:
        others_query = others_query.where(o.institution_id.in_(wanted))
        query = query.where(i.id.in_(wanted))
    others = _grouped(session, others_query)
    empty: list[Any] = []
    return [institution_of(row, others.get(row.id, empty)) for row in session.connection().execute(query)]
