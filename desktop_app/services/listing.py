"""What `list`, `people` and `actions` print (contract CLI-AND-REPORT.md §1, version 2).

Rows as plain records with the contract's column names, in a language-independent form (ISO dates,
country codes, the record's own status words): the JSON and CSV a script reads never change with
`--lang`. The table for a person reading a terminal is made from the same rows by
`desktop_app.cli_output`, in the language of `--lang`.

`list` selects exactly as the window's list does (`DialogueRepository.page` with the same
`DialogueFilter`, newest first); `people` searches as the People page does
(`PeopleRepository.search`). Nothing here writes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop_app.db import models as m
from desktop_app.db.mapping import party_from
from desktop_app.db.repositories.dialogues import DialogueRepository, DialogueSort
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus
from desktop_app.domain.errors import UserError
from desktop_app.domain.reference import countries, organisation_named, organisations, party_name
from desktop_app.services.report.build import series_spellings  # the report's rule: case does not matter
from desktop_app.services.report.parties import report_party_key, resolve_party

LIST_COLUMNS = ("id", "start_date", "end_date", "title", "series", "city", "country", "chair", "delegations",
                "participants", "status")
PEOPLE_COLUMNS = ("id", "name", "other_names", "sex", "dialogues")
ACTION_COLUMNS = ("id", "dialogue_id", "dialogue", "description", "owner", "due_date", "status", "carried_from")
ACTION_FILTERS = ("open", "done", "overdue")

_PAGE = 1000  # dialogues read per query: the list is printed whole, however long


def _country_code(text: str) -> str | None:
    """The ISO code a text names: a code, or a country's English or Russian name; case not mattering."""
    wanted = text.strip().casefold()
    for code, country in countries().items():
        if wanted in (code.casefold(), country.en.casefold(), country.ru.casefold()):
            return code
    return None


def _organisation_dialogues(database: Database, wanted: str) -> tuple[str, ...]:
    """Ids of the dialogues an organisation sent a delegation to (its earlier names count: EMCDDA is
    the EUDA, as in the report); one sentence naming the organisations known when none matches."""
    G = m.DelegationRow
    with database.reading() as session:
        rows = session.execute(select(G.dialogue_id, G.party_type, G.party_country, G.party_organisation)
                               .where(G.party_organisation.is_not(None))).all()
    keys = {report_party_key(party) for _, *party_columns in rows if (party := party_from(*party_columns)) is not None}
    known = sorted(keys, key=lambda p: (p.name or "").casefold())
    party = resolve_party(wanted, known)
    if party is None:
        listed = ", ".join(f"“{p.name}”" for p in known) or "none yet"
        raise UserError(f"“{wanted}” is neither a country nor an organisation that sent a delegation; "
                        f"the organisations known are: {listed}.")
    return tuple(sorted({dialogue_id for dialogue_id, *party_columns in rows
                         if (p := party_from(*party_columns)) is not None and report_party_key(p) == party}))


@dataclass(frozen=True)
class ListRequest:
    search: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    series: str | None = None
    country: str | None = None  # a country code or name, or an organisation's name
    status: DialogueStatus | None = None
    trash: bool = False


def dialogue_filter(database: Database, request: ListRequest) -> r.DialogueFilter:
    """The window's filter for a `list` request; a bad series, party or period is one sentence."""
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise UserError(f"--from {request.date_from} is after --to {request.date_to}; nothing could match.")
    spellings = series_spellings(database, request.series) if request.series else ()
    series = spellings[0] if len(spellings) == 1 else None
    country, ids = None, None
    if request.country is not None and request.country.strip():
        country = _country_code(request.country)
        if country is None:
            ids = _organisation_dialogues(database, request.country)
    if len(spellings) > 1:  # the series stored in several cases: the dialogues of every spelling
        in_series = DialogueRepository(database).series_ids(spellings)
        ids = in_series if ids is None else tuple(i for i in ids if i in set(in_series))
    return r.DialogueFilter(text=(request.search or "").strip() or None, series=series,
                            date_from=request.date_from, date_to=request.date_to, country=country,
                            status=request.status, deleted=request.trash, ids=ids)


def _chair(party: r.Party | None) -> str | None:
    if party is None:
        return None
    return party.code if party.code is not None else party.name


def list_rows(database: Database, request: ListRequest) -> Iterator[dict[str, object]]:
    """The dialogues the window's list shows for the same search and filters, newest first."""
    selection = dialogue_filter(database, request)
    repository = DialogueRepository(database)
    offset = 0
    while True:
        page = repository.page(selection, DialogueSort.DATE, descending=True, offset=offset, limit=_PAGE)
        for row in page.rows:
            yield {"id": row.id, "start_date": row.start_date, "end_date": row.end_date, "title": row.title,
                   "series": row.series, "city": row.city, "country": row.country, "chair": _chair(row.chair),
                   "delegations": row.delegation_count, "participants": row.participant_count,
                   "status": row.status.value}
        if len(page.rows) < _PAGE:
            return
        offset += _PAGE


def people_rows(database: Database, search: str | None = None) -> list[dict[str, object]]:
    """People as the People page finds them, by name; `dialogues` counts the dialogues (not in the
    trash) each attended — the report's rule for person figures (contract §3 v2), and the page's
    Meetings column (one query for both)."""
    found = PeopleRepository(database).search((search or "").strip() or None, limit=sys.maxsize)
    return [{"id": person.id, "name": person.name, "other_names": list(person.other_names),
             "sex": person.sex.value if person.sex else None, "dialogues": person.meetings}
            for person in found]


def owner_names(text: str) -> set[str]:
    """Every spelling that names the party an officer gave to `--owner` (folded): a country's code and
    names in both languages; an organisation's names, acronyms and earlier names; else the text."""
    wanted = text.strip()
    code = _country_code(wanted)
    if code is not None:
        country = countries()[code]
        return {code.casefold(), country.en.casefold(), country.ru.casefold()}
    organisation = organisation_named(wanted)
    names = {wanted}
    if organisation is not None:
        names.update(o.name for o in organisations() if o.ref == organisation.ref)
        names.update(o.ru for o in organisations() if o.ref == organisation.ref)
        names.update(o.acronym or "" for o in organisations() if o.ref == organisation.ref)
    return {name.casefold() for name in names if name}


_ACTION_ORDER = {ActionStatus.OPEN.value: 0, ActionStatus.DONE.value: 1, ActionStatus.CARRIED.value: 2}


def is_overdue(status: str, due: date | None, today: date) -> bool:
    """Open with a due date before today (contract §1)."""
    return status == ActionStatus.OPEN.value and due is not None and due < today


def _check_owner(owner: str, names: set[str], stored: set[str]) -> None:
    """An owner that is no country, no known organisation and nobody's owner in any action is one
    sentence naming the owners there are, as `list --country` refuses an unknown party (round 16:
    "No actions match." and exit 0 hid a typo)."""
    if _country_code(owner) is not None or organisation_named(owner.strip()) is not None:
        return
    if any(name.casefold() in names for name in stored):
        return
    listed = ", ".join(f"“{name}”" for name in sorted(stored, key=str.casefold)) or "none yet"
    raise UserError(f"“{owner.strip()}” is neither a country nor an organisation, nor the owner of any action; "
                    f"the owners known are: {listed}.")


def action_rows(database: Database, status: str | None = None, owner: str | None = None,
                today: date | None = None) -> list[dict[str, object]]:
    """The actions of every dialogue not in the trash: open first (soonest due first), then done, then
    carried. `status` is open, done or overdue; `owner` a party (`owner_names`)."""
    if status is not None and status not in ACTION_FILTERS:
        raise UserError(f"--status {status} is not one of: {', '.join(ACTION_FILTERS)}.")
    today = today or date.today()
    A, D = m.ActionRow, m.DialogueRow
    with database.reading() as session:
        rows = session.execute(
            select(A.id, A.dialogue_id, D.title, A.description, A.owner, A.due_date, A.status, A.carried_from,
                   D.start_date, A.sort_order)
            .join(D, A.dialogue_id == D.id).where(D.deleted_at.is_(None))).all()
    wanted_owner = owner_names(owner) if owner is not None and owner.strip() else None
    if wanted_owner is not None and owner is not None:
        _check_owner(owner, wanted_owner, {row[4].strip() for row in rows if row[4] and row[4].strip()})
    chosen = []
    for row in rows:
        who, due, state = row[4], row[5], row[6]
        if status == "overdue" and not is_overdue(state, due, today):
            continue
        if status in ("open", "done") and state != status:
            continue
        if wanted_owner is not None and (who or "").strip().casefold() not in wanted_owner:
            continue
        chosen.append(row)
    chosen.sort(key=lambda row: (_ACTION_ORDER.get(row[6], 3), row[5] is None, row[5] or date.max,
                                 row[8], row[2], row[9]))
    return [{"id": id_, "dialogue_id": dialogue_id, "dialogue": title, "description": description, "owner": who,
             "due_date": due, "status": state, "carried_from": carried_from}
            for (id_, dialogue_id, title, description, who, due, state, carried_from, _, _) in chosen]


def party_display(value: str | None, language: str) -> str:
    """A country code or organisation name as a person reads it in `language`."""
    if not value:
        return ""
    if value in countries():
        return party_name(r.Party.country(value), language)
    return party_name(r.Party.organisation(value), language)
