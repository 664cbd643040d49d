"""The bulk writer's rows built straight as tuples (issue 19, round 8) are the rows the code they
replace gave: a dict per row from the table of columns, each value then converted by its column's
own bind processing. The reference below is that code as it was (round 7), kept here to hold the
new path to it: every table, every row in order, every value after conversion, for dialogues with
flags, dates, parties, lists, agenda items, actions, delegations and participants of every shape,
in the trash or not, and for people and institutions."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from benchmarks.generate import make_bundle
from desktop_app.db import bulk_writing, mapping
from desktop_app.db import models as m
from desktop_app.db.mapping import DIALOGUE_VALUES, folded_names, party_columns, search_text
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, Sex
from desktop_app.domain.search import fold_all
from desktop_app.services.exchange import codec

DIALECT = sqlite.dialect()
_BUNDLE = make_bundle(4, people=60)
_DIALOGUES = [codec.dialogue_from_json(item) for item in _BUNDLE["dialogues"]]
_PEOPLE = [codec.person_from_json(item) for item in _BUNDLE["people"]][:8]
_INSTITUTIONS = [codec.institution_from_json(item) for item in _BUNDLE["institutions"]][:4]
NOW = datetime(2026, 12, 2, 16, 0, 0, 123456, tzinfo=UTC)
MOMENT = st.sampled_from([NOW, datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), datetime(2024, 1, 2, 3, 4, 5),
                          datetime(2024, 1, 2, 9, 4, 5, tzinfo=UTC).astimezone(UTC) - timedelta(microseconds=1)])
TEXT = st.sampled_from([None, "", "ok", "Жанар", "line\nbreak"])
PARTY = st.sampled_from([None, r.Party.country("KZ"), r.Party.country(""), r.Party.organisation("OSCE"),
                         r.Party.organisation("European Commission")])
DAY = st.sampled_from([None, date(1999, 1, 1), date(2100, 12, 31)])


# ---- the code the tuples replace (bulk_writing and mapping, round 7) ------------------------------

def _old_top(new: Any, now: datetime, deleted_at: datetime | None = None) -> dict[str, Any]:
    return {"id": new.record.id, "created_at": now, "deleted_at": deleted_at, "revision": 1,
            "exchange_source": None, "exchange_imported_at": None, "exchange_updated_at": None,
            "edited_locally": False, "replica": new.replica}


def _old_dialogue_columns(dialogue: r.Dialogue, updated_at: datetime) -> dict[str, Any]:
    chair = party_columns(dialogue.chair)
    return {"title": dialogue.title, "series": dialogue.series, "kind": dialogue.kind.value,
            "start_date": dialogue.start_date, "end_date": dialogue.end_date, "city": dialogue.city,
            "country": dialogue.country, "online": dialogue.online, "chair_type": chair[0],
            "chair_country": chair[1], "chair_organisation": chair[2], "summary": dialogue.summary,
            "status": dialogue.status.value, "updated_at": updated_at,
            "delegation_count": len(dialogue.delegations),
            "participant_count": sum(len(d.participants) for d in dialogue.delegations)}


def _old_agenda_columns(item: r.AgendaItem, index: int, updated_at: datetime) -> dict[str, Any]:
    presenter = party_columns(item.presenter)
    return {"sort_order": index, "title": item.title, "presenter_type": presenter[0],
            "presenter_country": presenter[1], "presenter_organisation": presenter[2], "notes": item.notes,
            "updated_at": updated_at}


def _old_action_columns(action: r.Action, index: int, updated_at: datetime) -> dict[str, Any]:
    return {"sort_order": index, "description": action.description, "owner": action.owner,
            "due_date": action.due_date, "status": action.status.value, "carried_from": action.carried_from,
            "done_on": action.done_on, "updated_at": updated_at}


def _old_delegation_columns(delegation: r.Delegation, index: int, updated_at: datetime) -> dict[str, Any]:
    party = party_columns(delegation.party)
    return {"sort_order": index, "side": delegation.side._value_, "party_type": party[0], "party_country": party[1],
            "party_organisation": party[2], "programme_supported": delegation.programme_supported,
            "notes": delegation.notes, "updated_at": updated_at}


def _old_participant_columns(participant: r.Participant, index: int, updated_at: datetime) -> dict[str, Any]:
    return {"sort_order": index, "person_id": participant.person_id, "institution_id": participant.institution_id,
            "position": participant.position, "role": participant.role._value_, "status": participant.status._value_,
            "programme_funded": participant.programme_funded, "updated_at": updated_at}


def _old_dialogue_rows(dialogues: list[Any], now: datetime, folded: dict[str, list[str]]
                       ) -> dict[str, list[dict[str, Any]]]:
    batch: dict[type[m.Base], list[dict[str, Any]]] = {model: [] for model in (
        m.DialogueRow, m.DialogueProgramme, m.DialogueFramework, m.DialogueTopic, m.AgendaItemRow, m.ActionRow,
        m.DelegationRow, m.ParticipantRow)}
    for new in dialogues:
        d: r.Dialogue = new.record
        updated_at = new.updated_at
        batch[m.DialogueRow].append({**_old_top(new, now, d.deleted_at), **_old_dialogue_columns(d, updated_at),
                                     "search_text": search_text(None, d, folded=folded)})  # type: ignore[arg-type]
        for field, model in DIALOGUE_VALUES:
            batch[model].extend({"dialogue_id": d.id, "sort_order": i, "name": v}
                                for i, v in enumerate(getattr(d, field)))
        batch[m.AgendaItemRow].extend({"id": item.id or r.new_id(), "dialogue_id": d.id, "created_at": now,
                                       **_old_agenda_columns(item, i, updated_at)} for i, item in enumerate(d.agenda))
        batch[m.ActionRow].extend({"id": action.id or r.new_id(), "dialogue_id": d.id, "created_at": now,
                                   **_old_action_columns(action, i, updated_at)} for i, action in enumerate(d.actions))
        for i, g in enumerate(d.delegations):
            batch[m.DelegationRow].append({"id": g.id, "dialogue_id": d.id, "created_at": now,
                                           **_old_delegation_columns(g, i, updated_at)})
            batch[m.ParticipantRow].extend({"id": p.id, "delegation_id": g.id, "created_at": now,
                                            **_old_participant_columns(p, j, updated_at)}
                                           for j, p in enumerate(g.participants))
    return {_table(model).name: _bound(model, rows) for model, rows in batch.items() if rows}


def _old_people_rows(people: list[Any], now: datetime) -> dict[str, list[dict[str, Any]]]:
    rows, names = [], []
    for new in people:
        person: r.Person = new.record
        rows.append({**_old_top(new, now), "name": person.name, "sex": person.sex.value if person.sex else None,
                     "email": person.email, "search_name": fold_all((person.name, *person.other_names)),
                     "updated_at": new.updated_at})
        names.extend({"person_id": person.id, "sort_order": i, "name": n} for i, n in enumerate(person.other_names))
    return {name: _bound(model, found) for name, model, found in (
        ("people", m.PersonRow, rows), ("person_other_names", m.PersonOtherName, names)) if found}


def _old_institution_rows(institutions: list[Any], now: datetime) -> dict[str, list[dict[str, Any]]]:
    rows, names = [], []
    for new in institutions:
        institution: r.Institution = new.record
        rows.append({**_old_top(new, now), "name": institution.name, "acronym": institution.acronym,
                     "country": institution.country, "updated_at": new.updated_at})
        names.extend({"institution_id": institution.id, "sort_order": i, "name": n}
                     for i, n in enumerate(institution.other_names))
    return {name: _bound(model, found) for name, model, found in (
        ("institutions", m.InstitutionRow, rows), ("institution_other_names", m.InstitutionOtherName, names)) if found}


def _table(model: type[m.Base]) -> Any:
    return model.__table__


def _bound(model: type[m.Base], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each value through its column's own bind processing (what `bound_rows` was held to)."""
    table = _table(model)
    processors = {name: table.c[name].type._cached_bind_processor(DIALECT) for name in rows[0]}
    return _typed([{name: (processors[name] or (lambda value: value))(value) for name, value in row.items()}
                   for row in rows])


def _typed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each value with its type: 1 and True, or 1 and 1.0, are the same to `==` but not to the driver."""
    return [{name: (type(value), value) for name, value in row.items()} for row in rows]


# ---- the new path, its `executemany` rows caught ---------------------------------------------------

class _Session:
    class _Connection:
        dialect = DIALECT

    def __init__(self) -> None:
        self.info: dict[str, Any] = {}  # no load under way: the names are read (`mapping.folded_names_of`)

    def connection(self) -> Any:
        return self._Connection()


@pytest.fixture  # the same for every example: each clears what it caught and sets its own names and ids
def written(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[dict[str, Any]]]]:
    caught: dict[str, list[dict[str, Any]]] = {}

    def run(session: Any, table: str, names: list[str], values: list[tuple[Any, ...]]) -> None:
        assert all(type(row) is tuple and len(row) == len(names) for row in values)
        caught.setdefault(table, []).extend(_typed([dict(zip(names, row, strict=True)) for row in values]))

    monkeypatch.setattr(bulk_writing, "_run", run)
    monkeypatch.setattr(bulk_writing, "check_many_references", lambda session, dialogues: None)
    yield caught


def _ids() -> Iterator[str]:
    return (f"new-{i}" for i in itertools.count())


def _same_new_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    counter = _ids()
    monkeypatch.setattr(r, "new_id", lambda: next(counter))


@st.composite
def dialogues(draw: st.DrawFn) -> r.Dialogue:
    d = draw(st.sampled_from(_DIALOGUES))
    d = replace(d, online=draw(st.booleans()), end_date=draw(DAY), chair=draw(PARTY), country=draw(TEXT),
                series=draw(TEXT), summary=draw(TEXT),
                deleted_at=draw(st.none() | MOMENT), topics=tuple(draw(st.lists(st.sampled_from(["a", "Б"]),
                                                                                max_size=2))))
    if d.agenda and draw(st.booleans()):
        item = replace(d.agenda[0], presenter=draw(PARTY), notes=draw(TEXT), id=draw(st.sampled_from([None, "x1"])))
        d = replace(d, agenda=(item, *d.agenda[1:]))
    if draw(st.booleans()):
        action = r.Action("Send", draw(st.sampled_from(list(ActionStatus))), id=draw(st.sampled_from([None, "a1"])),
                          owner=draw(TEXT), due_date=draw(DAY), done_on=draw(DAY), carried_from=draw(TEXT))
        d = replace(d, actions=(*d.actions, action))
    if d.delegations:
        g = d.delegations[0]
        participants = tuple(replace(p, programme_funded=draw(st.booleans()), position=draw(TEXT),
                                     institution_id=draw(st.sampled_from([None, p.institution_id])))
                             for p in g.participants)
        g = replace(g, programme_supported=draw(st.booleans()), party=draw(PARTY) or r.Party.country(""),
                    notes=draw(TEXT), participants=participants)
        d = replace(d, delegations=(g, *d.delegations[1:]) if draw(st.booleans()) else ())
    return d


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(dialogues(), MOMENT, st.sampled_from(["{}", '{"a":1}'])), min_size=1, max_size=4),
       st.dictionaries(st.sampled_from(sorted({p.person_id for d in _DIALOGUES for g in d.delegations
                                               for p in g.participants})),
                       st.lists(st.sampled_from(["", "Ё", "Anna-Maria"]), max_size=2)))
def test_dialogue_rows_are_those_the_dicts_gave(written: dict[str, list[dict[str, Any]]],
                                                monkeypatch: pytest.MonkeyPatch,
                                                drawn: list[tuple[r.Dialogue, datetime, str]],
                                                names: dict[str, list[str]]) -> None:
    written.clear()
    monkeypatch.setattr(mapping, "people_names", lambda session, ids: names)
    new = [bulk_writing.NewRow(replace(d, id=f"{d.id}-{i}"), updated, replica)
           for i, (d, updated, replica) in enumerate(drawn)]
    _same_new_ids(monkeypatch)
    expected = _old_dialogue_rows(new, NOW, folded_names(names))
    _same_new_ids(monkeypatch)
    bulk_writing.insert_dialogues(_Session(), new, NOW)  # type: ignore[arg-type]
    assert written == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_PEOPLE), st.sampled_from([None, *Sex]), MOMENT,
                          st.lists(st.sampled_from(["Ё", "x", ""]), max_size=2)), min_size=1, max_size=4),
       st.lists(st.tuples(st.sampled_from(_INSTITUTIONS), MOMENT, st.lists(st.just("MoH"), max_size=2)),
                min_size=1, max_size=3))
def test_people_and_institution_rows_are_those_the_dicts_gave(
        written: dict[str, list[dict[str, Any]]], drawn: list[tuple[r.Person, Sex | None, datetime, list[str]]],
        institutions: list[tuple[r.Institution, datetime, list[str]]]) -> None:
    written.clear()
    people = [bulk_writing.NewRow(replace(p, id=f"{p.id}-{i}", sex=sex, other_names=tuple(others)), updated, "{}")
              for i, (p, sex, updated, others) in enumerate(drawn)]
    bulk_writing.insert_people(_Session(), people, NOW)  # type: ignore[arg-type]
    assert written == _old_people_rows(people, NOW)
    written.clear()
    new = [bulk_writing.NewRow(replace(o, id=f"{o.id}-{i}", other_names=tuple(others)), updated, "{}")
           for i, (o, updated, others) in enumerate(institutions)]
    bulk_writing.insert_institutions(_Session(), new, NOW)  # type: ignore[arg-type]
    assert written == _old_institution_rows(new, NOW)
