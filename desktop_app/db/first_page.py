"""The dialogue list's rows without SQLAlchemy: the first window's first page (issue 19).

The window shows its list before SQLAlchemy and the models are imported (they are ~60 % of the
program's start-up); this module reads that page through `sqlite3` alone. The SQL is the
repository's own page query (`DialogueRepository.page` with no filter), written out once here as
text: `tests/db/test_first_page.py` compiles the repository's query for every sort and direction
and checks it is this text, so the two cannot drift apart. The rows are made by the same function
(`row_from_columns`) the repository uses.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from desktop_app.db.errors import translated_errors
from desktop_app.domain import list_records as r  # the list's records only: the rest follow the first paint
from desktop_app.domain.enums import DialogueKind, DialogueStatus, PartyType


class DialogueSort(StrEnum):
    DATE = "date"
    TITLE = "title"
    SERIES = "series"
    PLACE = "place"
    CHAIR = "chair"
    DELEGATIONS = "delegations"
    PARTICIPANTS = "participants"
    STATUS = "status"


# `DialogueRepository.page(EMPTY_FILTER, sort, descending, 0, limit)`, compiled by SQLAlchemy's
# SQLite dialect (checked by tests/db/test_first_page.py); {order} and {direction} filled below
PAGE_SQL = (
    "SELECT dialogues.id, dialogues.title, dialogues.kind, dialogues.start_date AS start_date, "
    "dialogues.end_date AS end_date, dialogues.series, dialogues.city, dialogues.country, dialogues.online, "
    "dialogues.chair_type, dialogues.chair_country, dialogues.chair_organisation, dialogues.status, "
    "dialogues.delegation_count, dialogues.participant_count, dialogues.updated_at AS updated_at, "
    "dialogues.deleted_at AS deleted_at \n"
    "FROM dialogues \n"
    "WHERE dialogues.deleted_at IS NULL ORDER BY {order} {direction}, dialogues.id {direction}\n"
    " LIMIT ? OFFSET ?")
# `list_count_statement()`: all dialogues by SQLite's b-tree count, less the trash (its own index) — a
# count that does not grow with the file, as `deleted_at IS NULL` counted row by row did
COUNT_SQL = ("SELECT (SELECT count(*) AS count_1 \nFROM dialogues) - (SELECT count(*) AS count_2 \nFROM dialogues "
             "\nWHERE dialogues.deleted_at IS NOT NULL) AS count_1")
SORT_SQL = {
    DialogueSort.DATE: "dialogues.start_date",
    DialogueSort.TITLE: "dialogues.title",
    DialogueSort.SERIES: "dialogues.series",
    DialogueSort.PLACE: "dialogues.city",
    DialogueSort.CHAIR: "coalesce(dialogues.chair_organisation, dialogues.chair_country)",
    DialogueSort.DELEGATIONS: "dialogues.delegation_count",
    DialogueSort.PARTICIPANTS: "dialogues.participant_count",
    DialogueSort.STATUS: "dialogues.status",
}


def page_sql(sort: DialogueSort, descending: bool) -> str:
    return PAGE_SQL.format(order=SORT_SQL[sort], direction="DESC" if descending else "ASC")


def read_first_page(path: Path, sort: DialogueSort = DialogueSort.DATE, descending: bool = True,
                    limit: int = 200) -> r.Page:
    """The first page of the current dialogues and their total, on a connection of its own (closed
    before the engine makes any: no lock of this process is dropped by closing it)."""
    with translated_errors(path):  # busy, damaged, unreadable: one sentence, as the repository says it
        connection = sqlite3.connect(path, timeout=5)
        try:
            rows = connection.execute(page_sql(sort, descending), (limit, 0)).fetchall()
            total = connection.execute(COUNT_SQL).fetchone()[0]
        finally:
            connection.close()
    return r.Page(tuple(row_from_columns(row) for row in rows), total)


def party_from(kind: str | None, country: str | None, organisation: str | None) -> r.Party | None:
    if kind is None:
        return None
    if kind == PartyType.COUNTRY:
        return r.Party.country(country or "")
    return r.Party.organisation(organisation or "")


_KINDS = {kind.value: kind for kind in DialogueKind}  # a dict lookup, not an Enum call per row
_STATUSES = {status.value: status for status in DialogueStatus}


def _moment(stored: str) -> datetime:
    """A stored naive UTC moment as the aware datetime `models.UTCDateTime` hands back."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def row_from_columns(values: tuple) -> r.DialogueRow:
    """A list row from the page query's columns (dates as the text SQLite stores: SQLAlchemy's own
    date parsing took most of a page's time)."""
    (id_, title, kind, start, end, series, city, country, online, chair_type, chair_country,
     chair_organisation, status, delegations, participants, updated, deleted) = values
    return r.DialogueRow(
        id=id_, title=title, kind=_KINDS[kind], start_date=date.fromisoformat(start),
        end_date=date.fromisoformat(end) if end else None, series=series,
        city=city, country=country, online=bool(online),
        chair=party_from(chair_type, chair_country, chair_organisation), status=_STATUSES[status],
        delegation_count=delegations, participant_count=participants,
        updated_at=_moment(updated), deleted_at=_moment(deleted) if deleted else None)
