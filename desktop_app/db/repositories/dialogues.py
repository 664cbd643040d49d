"""Dialogues: list, read, save with optimistic concurrency, move to and from the trash."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    exists,
    func,
    intersect,
    literal_column,
    or_,
    select,
    table,
    text,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import QueryableAttribute, Session, selectinload

from desktop_app.db import models as m
from desktop_app.db import search_index
from desktop_app.db.first_page import SORT_SQL, DialogueSort, page_sql, row_from_columns
from desktop_app.db.mapping import dialogue_record, fill_dialogue
from desktop_app.db.repositories.revisions import check_unchanged
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import RecordNotFound, StaleRecord, UserError, ValidationFailed
from desktop_app.domain.search import TRIGRAM, query_words
from desktop_app.domain.texts import Text
from desktop_app.domain.validation import dialogue_problems

_SORT_COLUMNS: dict[DialogueSort, ColumnElement[Any] | QueryableAttribute[Any]] = {
    DialogueSort.DATE: m.DialogueRow.start_date,
    DialogueSort.TITLE: m.DialogueRow.title,
    DialogueSort.SERIES: m.DialogueRow.series,
    DialogueSort.PLACE: m.DialogueRow.city,
    DialogueSort.CHAIR: func.coalesce(m.DialogueRow.chair_organisation, m.DialogueRow.chair_country),
    DialogueSort.DELEGATIONS: m.DialogueRow.delegation_count,
    DialogueSort.PARTICIPANTS: m.DialogueRow.participant_count,
    DialogueSort.STATUS: m.DialogueRow.status,
}

def _as_text(column: ColumnElement[Any] | QueryableAttribute[Any]) -> ColumnElement[str]:
    """A date column read as the text SQLite stores, parsed by `_row_from_columns`: SQLAlchemy's
    own date parsing took most of a page's time (20 ms of 25 for 200 rows)."""
    return type_coerce(column, String)


_LIST_COLUMNS = (
    m.DialogueRow.id, m.DialogueRow.title, m.DialogueRow.kind, _as_text(m.DialogueRow.start_date),
    _as_text(m.DialogueRow.end_date), m.DialogueRow.series, m.DialogueRow.city, m.DialogueRow.country,
    m.DialogueRow.online, m.DialogueRow.chair_type, m.DialogueRow.chair_country,
    m.DialogueRow.chair_organisation, m.DialogueRow.status, m.DialogueRow.delegation_count,
    m.DialogueRow.participant_count, _as_text(m.DialogueRow.updated_at), _as_text(m.DialogueRow.deleted_at),
)


def _only_text(selection: r.DialogueFilter) -> list[tuple[str, str]] | None:
    """The index queries when the filter is a search and nothing else the indexes cannot answer."""
    others = (selection.series, selection.date_from, selection.date_to, selection.status, selection.country,
              selection.ids)
    if any(value is not None and value != "" for value in others):
        return None
    return search_index.index_queries(search_index.DIALOGUES, query_words(selection.text)) or None


def count_matching(session: Session, selection: r.DialogueFilter) -> int:
    """How many dialogues a filter selects. A search alone is counted from the indexes: every match
    there, less those on the other side of the trash (few, each checked by a rowid seek) — instead
    of testing every dialogue against the match set (at 100,000 dialogues, a word found in all of
    them: ~75 ms -> ~30 ms)."""
    if selection == r.EMPTY_FILTER:
        return session.connection().scalar(list_count_statement()) or 0
    if _only_country(selection):
        return _count_country(session, selection)
    queries = _only_text(selection)
    if queries is None:
        # a country of many delegations with other filters: a seek for each dialogue the other
        # filters keep, not the set of its ~100,000 dialogues made first (~300 ms at 100,000)
        dense = bool(selection.country) and not _few_delegations(session, selection.country)
        return session.connection().scalar(select(func.count()).select_from(m.DialogueRow).where(
            *filter_conditions(selection, dense=dense))) or 0
    d = m.DialogueRow
    # one rowid list, made once: each index's matches, intersected (an `IN` on an FTS5 table's own
    # rowid would run its MATCH again for every value: seconds for "ну токайбекова")
    matches = intersect(*(search_index.matching_rowids(index, query) for index, query in queries)) \
        if len(queries) > 1 else search_index.matching_rowids(*queries[0])
    # `+rowid`: read the trash (few rows) off its index and look each up in the list, which is only
    # made if the trash holds anything — not seek every match to see whether it is in the trash
    trashed = session.connection().scalar(select(func.count()).select_from(d).where(
        d.deleted_at.is_not(None), literal_column("+dialogues.rowid").in_(matches))) or 0
    if selection.deleted:
        return trashed
    everywhere = session.connection().scalar(select(func.count()).select_from(matches.subquery())) or 0
    return everywhere - trashed


def list_count_statement() -> Select[Any]:
    """The list's count (no filter): every dialogue, counted by SQLite's b-tree count (the pages of the
    smallest index, not its rows), less the trash, read off its own index — the same number as
    `deleted_at IS NULL` counted a row at a time, which grew with the file (~31 M instructions more
    at 100,000 dialogues than at 2,000 before the first window, issue 19). `first_page.COUNT_SQL`
    is this statement compiled (tests/db/test_first_page.py)."""
    d = m.DialogueRow
    everything = select(func.count()).select_from(d).scalar_subquery()
    trash = select(func.count()).select_from(d).where(d.deleted_at.is_not(None)).scalar_subquery()
    return select((everything - trash).label("count_1"))


def _only_country(selection: r.DialogueFilter) -> bool:
    return bool(selection.country) and selection._replace(country=None, deleted=False) == r.EMPTY_FILTER


def _sends_to(country: str) -> ColumnElement[bool]:
    """The dialogue has a delegation of this country: one seek in `(party_country, dialogue_id)`."""
    g = m.DelegationRow
    return exists(select(literal_column("1")).select_from(g).where(
        g.party_country == country, g.dialogue_id == m.DialogueRow.id))


def _count_country(session: Session, selection: r.DialogueFilter) -> int:
    """Dialogues hosted by or with a delegation of a country, counted off the indexes: the distinct
    dialogues of its delegations (one ordered walk of `(party_country, dialogue_id)`), plus those it
    only hosts, less those on the other side of the trash (few) — instead of building the set of
    every such dialogue (254 ms at 100,000 dialogues for a country in every one)."""
    d, g, country = m.DialogueRow, m.DelegationRow, selection.country or ""
    in_trash = session.connection().scalar(select(func.count()).select_from(d).where(
        d.deleted_at.is_not(None), or_(d.country == country, _sends_to(country)))) or 0
    if selection.deleted:
        return in_trash
    sent = session.connection().scalar(
        select(func.count(g.dialogue_id.distinct())).where(g.party_country == country)) or 0
    hosted_only = session.connection().scalar(select(func.count()).select_from(d).where(
        d.country == country, ~_sends_to(country))) or 0
    return sent + hosted_only - in_trash


def _count_country_up_to(session: Session, selection: r.DialogueFilter, bound: int) -> int:
    """The dialogues a country sent a delegation to (on this side of the trash), counted no further
    than `bound + 1` along the `(party_country, dialogue_id)` index: a lower bound of the filter's
    total (the dialogues it only hosts are not in it), enough to tell "more than `bound`"."""
    d, g = m.DialogueRow, m.DelegationRow
    sent = (select(g.dialogue_id).distinct().join(d, d.id == g.dialogue_id)
            .where(g.party_country == (selection.country or ""), *filter_conditions(selection._replace(country=None)))
            .limit(bound + 1))
    return session.connection().scalar(select(func.count()).select_from(sent.subquery())) or 0


DENSE = 1.0  # see `_along_the_sort`
# A country with no more delegations than this is looked up as one set of its dialogues (made once,
# ~1 ms per 1,000) when the list is walked; one with more, by a seek per dialogue read.
FEW_DELEGATIONS = 20_000


def _few_delegations(session: Session, country: str | None) -> bool:
    """Whether a country has few delegations (counted no further than FEW_DELEGATIONS, off the
    `(party_country, dialogue_id)` index alone)."""
    if not country:
        return False
    # asked up to four times by one page (count, plan, page): answered once per session, which
    # is one read transaction (~0.7 ms each at 100,000 dialogues)
    known = session.info.setdefault("few delegations", {})
    if (country, FEW_DELEGATIONS) not in known:
        g = m.DelegationRow
        first: Select[Any] = select(literal_column("1")).select_from(g).where(g.party_country == country) \
            .limit(FEW_DELEGATIONS + 1)
        known[country, FEW_DELEGATIONS] = (session.connection().scalar(
            select(func.count()).select_from(first.subquery())) or 0) <= FEW_DELEGATIONS
    return bool(known[country, FEW_DELEGATIONS])


def _along_the_sort(total: int, wanted: int, dialogues: int) -> bool:
    """Whether a page of a search or a country filter is read along the sort's own index (each
    dialogue checked, until the page is full: about wanted × dialogues / total read) rather than from
    the set of matching dialogues, sorted (about total read): the cheaper of the two, known from
    the count made first. Left to itself SQLite always walks the index, which for a rare word
    reads every dialogue to find none."""
    return total * total * DENSE >= wanted * dialogues and total > 0


def _trash_side_by_rowid(deleted: bool) -> ColumnElement[bool]:
    """The side of the trash checked on the rowid, against the set of the trash's rowids (made once,
    inside an index): the dialogues found through the matches or a country's set are then checked
    without reading their rows — `+deleted_at` read each row (~5 µs: 3,500 of them to count "harm
    reduction" in Afghanistan up to 1,000 at 100,000 dialogues), and a page reads only the rows that
    pass every filter. `+rowid`: the matches or the country still drive."""
    trashed = m.DialogueRow.__table__.alias("trashed")
    in_trash: Select[Any] = select(literal_column("trashed.rowid")).select_from(trashed).where(
        trashed.c.deleted_at.is_not(None))
    rowid: ColumnElement[int] = literal_column("+dialogues.rowid")
    return rowid.in_(in_trash) if deleted else rowid.not_in(in_trash)


def filter_conditions(selection: r.DialogueFilter, dense: bool = False, from_matches: bool = False,
                      queries: list[tuple[str, str]] | None = None, walk: bool = False,
                      country_set: bool = False, series_indexed: bool = False,
                      text_drives: bool = True) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter; shared by the list, export and the report. `dense`: the
    country filter keeps many dialogues (`page` knows from the count), so each dialogue read in the
    list's order is checked by an index seek and a page stops after its rows — instead of building
    the set of every dialogue of that country first (a country in every dialogue). `from_matches`:
    the matches are few, so the page is read from their set (the trash side checked on the rowid,
    `_trash_side_by_rowid`: the sort's index, which begins with `deleted_at`, is not walked).
    `queries`: the search's index queries as `search_index.planned_queries` made them (the list's
    page). `walk`: the page is read along the
    sort's index, so the series, date and status are checked on each dialogue (`+column`) rather
    than looked up in their own indexes (SQLite otherwise took the year's 10,000 dialogues and
    sorted them, ~100 ms). `country_set` with `dense`: the country's dialogues are one set, made
    once, that each dialogue's id is looked up in (a country in a few per cent of the dialogues).
    `series_indexed`: the series stays an index's even so (sorted by title: `ix_dialogues_series_title`).
    `text_drives=False`: the search's matches are only looked up (`search_index.conditions`)."""
    d = m.DialogueRow
    conditions: list[ColumnElement[bool]] = [
        _trash_side_by_rowid(selection.deleted) if from_matches else
        d.deleted_at.is_not(None) if selection.deleted else d.deleted_at.is_(None)]
    # the trigram index of 0004 (substrings) and the word index of 0010_search (short words)
    conditions.extend(search_index.conditions(search_index.DIALOGUES, query_words(selection.text), queries,
                                              driving=text_drives))
    if walk:
        if selection.series and series_indexed:
            conditions.append(d.series == selection.series)
        elif selection.series:
            conditions.append(literal_column("+dialogues.series", String) == selection.series)
        if selection.date_from:
            conditions.append(literal_column("+dialogues.start_date", String) >= selection.date_from.isoformat())
        if selection.date_to:
            conditions.append(literal_column("+dialogues.start_date", String) <= selection.date_to.isoformat())
        if selection.status:
            conditions.append(literal_column("+dialogues.status", String) == selection.status.value)
    else:
        if selection.series:
            conditions.append(d.series == selection.series)
        if selection.date_from:
            conditions.append(d.start_date >= selection.date_from)
        if selection.date_to:
            conditions.append(d.start_date <= selection.date_to)
        if selection.status:
            conditions.append(d.status == selection.status.value)
    if selection.country and dense and country_set:
        d_host = select(d.id).where(d.country == selection.country)
        sent = select(m.DelegationRow.dialogue_id).where(m.DelegationRow.party_country == selection.country)
        conditions.append(d.id.in_(union_all(d_host, sent)))
    elif selection.country and dense:
        conditions.append(or_(d.country == selection.country, _sends_to(selection.country)))
    elif selection.country:
        # One `IN (host UNION ALL delegations)`, built once from two indexes: a correlated EXISTS
        # read every delegation per dialogue (minutes at 20,000 dialogues), and an OR of host and
        # `IN` made the count test every dialogue (~40 ms at 20,000 even for a rare country).
        d_host = select(d.id).where(d.country == selection.country)
        sent = select(m.DelegationRow.dialogue_id).where(m.DelegationRow.party_country == selection.country)
        conditions.append(d.id.in_(union_all(d_host, sent)))
    if selection.ids is not None:
        conditions.append(d.id.in_(selection.ids))
    return conditions


def selected_ids(selection: r.DialogueFilter) -> Select[str]:
    return select(m.DialogueRow.id).where(*filter_conditions(selection))


def load_dialogue_row(session: Session, dialogue_id: str) -> m.DialogueRow | None:
    return session.scalars(
        select(m.DialogueRow).where(m.DialogueRow.id == dialogue_id).options(
            selectinload(m.DialogueRow.programmes), selectinload(m.DialogueRow.frameworks),
            selectinload(m.DialogueRow.topics), selectinload(m.DialogueRow.agenda),
            selectinload(m.DialogueRow.actions),
            selectinload(m.DialogueRow.delegations).selectinload(m.DelegationRow.participants))
    ).one_or_none()


def load_dialogue_rows(session: Session, dialogue_ids: list[str]) -> dict[str, m.DialogueRow]:
    """Many dialogues with their children in a handful of queries (an import compares hundreds)."""
    found: dict[str, m.DialogueRow] = {}
    for start in range(0, len(dialogue_ids), 500):
        chunk = dialogue_ids[start:start + 500]
        found.update((row.id, row) for row in session.scalars(
            select(m.DialogueRow).where(m.DialogueRow.id.in_(chunk)).options(
                selectinload(m.DialogueRow.programmes), selectinload(m.DialogueRow.frameworks),
                selectinload(m.DialogueRow.topics), selectinload(m.DialogueRow.agenda),
                selectinload(m.DialogueRow.actions),
                selectinload(m.DialogueRow.delegations).selectinload(m.DelegationRow.participants))))
    return found


def check_references(session: Session, dialogue: r.Dialogue) -> None:
    """Name the missing person or institution instead of letting a foreign key fail anonymously."""
    check_many_references(session, [dialogue])


def _found(session: Session, sql: str, ids: Collection[str]) -> list[Any]:
    """The rows `sql` selects for these distinct ids, bound once as a JSON array (`IN (SELECT value
    FROM json_each(?))`): one statement for any number of ids, where an `IN` list of bound values
    built by SQLAlchemy cost more per id than SQLite's lookup (issue 19: a bundle's 64,000
    participants). Unsorted (the callers compare sets, and sort what they refuse), and read on the
    session's own driver connection, in its transaction (no Core result rows: round 8)."""
    if not ids:
        return []
    if session.autoflush:  # what a session's own query does first: rows just added are found
        session.flush()
    driver: Any = session.connection().connection.driver_connection
    return driver.execute(sql, (json.dumps(list(ids)),)).fetchall()


_WANTED = "IN (SELECT value FROM json_each(?))"


def check_many_references(session: Session, dialogues: Sequence[r.Dialogue]) -> None:
    """`check_references` for many dialogues in a few queries (a bundle import writes thousands):
    every person and institution named exists, and no delegation or participant id is another
    dialogue's. What the dialogues name is gathered in one pass, a delegation's participants
    read by C loops (issue 19, round 8); the checks and their order are as before.

    In a load without SQLite's row-by-row foreign keys (a bundle into a file with no records) every
    one of them is left to the end of the load (`_checked_at_the_end`)."""
    if _checked_at_the_end(session):
        return
    people: set[str] = set()
    institutions: set[str | None] = set()
    delegation_owner: dict[str, str] = {}
    participant_owner: dict[str, str] = {}
    for d in dialogues:
        dialogue_id = d.id
        for g in d.delegations:
            delegation_owner[g.id] = dialogue_id
            if participants := g.participants:
                people.update(map(_PERSON, participants))
                institutions.update(map(_INSTITUTION, participants))
                participant_owner.update(dict.fromkeys(map(_ID, participants), dialogue_id))
    if missing := people - {row[0] for row in _found(session, f"SELECT id FROM people WHERE id {_WANTED}", people)}:
        raise UserError(Text("A participant refers to a person who is not in the database (%1).",
                             sorted(missing)[0]))
    named = {i for i in institutions if i}  # None or "": no institution
    if missing := named - {row[0] for row in _found(session, f"SELECT id FROM institutions WHERE id {_WANTED}",
                                                    named)}:
        raise UserError(Text("A participant refers to an institution that is not in the database (%1).",
                             sorted(missing)[0]))
    elsewhere = sorted(i for i, held_by in _found(
        session, f"SELECT id, dialogue_id FROM delegations WHERE id {_WANTED}", delegation_owner)
        if held_by != delegation_owner[i])
    if elsewhere:
        raise UserError(Text("Delegation %1 already belongs to another dialogue.", elsewhere[0]))
    held = _found(session, "SELECT participants.id, delegations.dialogue_id FROM participants JOIN delegations "
                           f"ON delegations.id = participants.delegation_id WHERE participants.id {_WANTED}",
                  participant_owner)
    if elsewhere := sorted(i for i, held_by in held if held_by != participant_owner[i]):
        raise UserError(Text("Participant %1 already belongs to another dialogue.", elsewhere[0]))


_PERSON, _INSTITUTION, _ID = attrgetter("person_id"), attrgetter("institution_id"), attrgetter("id")


def _checked_at_the_end(session: Session) -> bool:
    """Whether this transaction leaves every reference check to the end of a bulk load: SQLite checks
    no foreign key row by row in it, which only `bulk_writing.loading` of a bundle into a file with
    no records asks for (`load_without_foreign_keys`). Issue 19, round 9: there, before the commit,
    the whole-file `PRAGMA foreign_key_check` finds every participant naming a person or an
    institution the file does not hold; a delegation id held twice fails the delegations' primary
    key as its row goes in; a participant id held twice fails the building of
    `ux_participants_id` after the rows (`AFTER_THE_ROWS`: until then a lookup read every row the
    load's earlier batches wrote, growing with the square of the bundle — round 8). Any of these,
    and any refusal of such a load, runs the import again with foreign keys on, row by row
    (`importer._applied`), where this check looks each batch up and refuses with its own sentence,
    the first fault a row-by-row load meets (tests/services/test_bulk_loading.py). ≈ 0.07 s of
    2,000 dialogues."""
    driver: Any = session.connection().connection.driver_connection
    return not driver.execute("PRAGMA foreign_keys").fetchone()[0]


def validate(dialogue: r.Dialogue) -> None:
    problems = dialogue_problems(dialogue)
    if problems:
        raise ValidationFailed(problems[0].message, problems)


def check_revision(session: Session, dialogue: r.Dialogue) -> None:
    """Refuse to overwrite a dialogue someone saved since this copy was read (optimistic concurrency).

    The repository's `save` and the form's save service both call it; the rule is `check_unchanged`'s.
    """
    stored = check_unchanged(session, m.DialogueRow, dialogue.id, dialogue.revision,
                             Text("“%1” was changed elsewhere since you opened it; "
                                  "reload it and make your changes again.", dialogue.title))
    if stored is None and dialogue.revision != 0:
        raise StaleRecord(Text("“%1” was deleted for good elsewhere; save it as a new dialogue.", dialogue.title))


def write_dialogue(session: Session, dialogue: r.Dialogue, updated_at: datetime, check: bool = True) -> m.DialogueRow:
    """Insert or overwrite a dialogue as given (no concurrency check): import and save share this.
    `check=False`: a merge of two valid versions, whose rule breaks become a conflict instead
    (docs/exchange.md); the database's own constraints still hold."""
    if check:
        validate(dialogue)
    check_references(session, dialogue)
    row = load_dialogue_row(session, dialogue.id)
    if row is None:
        row = m.DialogueRow(id=dialogue.id, revision=0, created_at=r.utc_now())
        session.add(row)
    fill_dialogue(session, row, dialogue, updated_at)
    row.revision = (row.revision or 0) + 1
    session.flush()
    return row


def _count_up_to(session: Session, selection: r.DialogueFilter, bound: int) -> int:
    """How many dialogues a search (and the other filters) selects, counted no further than
    `bound + 1`: the first index's matches are read in its own order and each dialogue looked up,
    stopping there (an exact count reads every match: ~30-120 ms for a word in most of 100,000)."""
    words = query_words(selection.text)
    index, query = search_index.index_queries(search_index.DIALOGUES, words)[0]  # the trigram one, if any
    rowid: ColumnElement[int] = literal_column("dialogues.rowid")
    # the words the first index does not hold, checked on each text it finds (not gathered first)
    others = search_index.scanned(m.DialogueRow.search_text, [
        word for word in words if (len(word) >= TRIGRAM) != (index == search_index.DIALOGUES.trigrams)])
    first: Select[Any] = select(literal_column("1")).select_from(
        table(index).join(m.DialogueRow.__table__, rowid == literal_column(f"{index}.rowid"))).where(
        literal_column(index).op("MATCH")(query), *others,
        *filter_conditions(selection._replace(text=None), dense=bool(selection.country))).limit(bound + 1)
    return session.connection().scalar(select(func.count()).select_from(first.subquery())) or 0


def page_statement(selection: r.DialogueFilter, sort: DialogueSort, descending: bool, offset: int, limit: int,
                   dense: bool = False, from_matches: bool = False, scan: bool = False,
                   queries: list[tuple[str, str]] | None = None, walk: bool = False,
                   country_set: bool = False, sorted_after: bool = False, text_drives: bool = True) -> Select[Any]:
    """The list's page query. With no filter it is `db/first_page.py`'s text, which the first window
    runs through sqlite3 before SQLAlchemy is imported (a test compiles this and compares). `scan`:
    the search is checked on each dialogue's folded text (`search_index.scanned`) instead of
    through the indexes — for many matches, where SQLite then stops once the page is full. `walk`
    and `country_set`: see `filter_conditions`. `sorted_after`: the matches are few, so they are
    found through the filters' own indexes and sorted (`+column` in ORDER BY: the sort's index is
    not walked — for an empty trash sorted by title SQLite read all 100,000 dialogues)."""
    column: Any = literal_column("+" + SORT_SQL[sort]) if sorted_after else _SORT_COLUMNS[sort]
    order = [column.desc() if descending else column.asc(),
             m.DialogueRow.id.desc() if descending else m.DialogueRow.id.asc()]
    conditions = filter_conditions(selection._replace(text=None) if scan else selection,
                                   dense and bool(selection.country), from_matches, None if scan else queries,
                                   walk=walk, country_set=country_set, series_indexed=sort is DialogueSort.TITLE,
                                   text_drives=text_drives)
    if scan:
        conditions.extend(search_index.scanned(m.DialogueRow.search_text, query_words(selection.text)))
    return cast("Select[Any]", select(*_LIST_COLUMNS).where(*conditions).order_by(*order).offset(offset).limit(limit))


# A search whose words index matches at least this share of the dialogues is read along the sort
# checking each text (~17 µs a dialogue: a page of 200 reads 200/share of them); below it, along the
# sort checking each dialogue's rowid against the set of matches (~0.3 µs a match to make the set).
TEXT_DENSE = 0.3


# A search's matches drive the reading of a filtered list (the other filters checked on each) when
# they are no more than this; beyond it the other filters' indexes (or the trash's) drive.
MATCHES_DRIVE = 2_000
# How many matches, at least, the share of a search's matches is estimated from (`_share`).
SHARE_SAMPLE = 1_000


def _share(connection: Any, index: str, query: str, dialogues: int) -> float:
    """The share of the dialogues the word index matches, which only chooses how a page is read
    (never what it holds). Up to MATCHES_DRIVE matches it is their exact number; beyond, an
    estimate from the first MATCHES_DRIVE + 1 in rowid order (how far into the rowids they go), so
    that a word in every dialogue is not counted whole on every call (~15 ms at 100,000)."""
    sample = max(MATCHES_DRIVE, SHARE_SAMPLE)
    found, last = connection.execute(text(
        f"SELECT count(*), max(rowid) FROM (SELECT rowid FROM {index} WHERE {index} MATCH :query LIMIT :most)"),
        {"query": query, "most": sample + 1}).one()
    if found <= sample:
        return found / max(dialogues, 1)
    return min(1.0, found / max(last or 1, 1))


def _driven(session: Session, selection: r.DialogueFilter, matches: float) -> dict[str, bool]:
    """How a search with other filters (or in the trash) is written so that SQLite reads the smaller
    side: the matches, each checked (`+deleted_at`, `+column`, a seek for the country) when they are
    few; else the trash's or another filter's index (index-only: ~0.3 µs a dialogue, where a match
    read costs ~3.5 µs) or a rare country's set, each dialogue looked up in the matches (`+rowid`)."""
    if not selection.deleted and matches <= MATCHES_DRIVE:
        return {"dense": bool(selection.country), "from_matches": True, "walk": True}
    few = _few_delegations(session, selection.country)
    return {"dense": bool(selection.country) and not few, "from_matches": few and not selection.deleted,
            "text_drives": False}


def _streamed(connection: Any, index: str, query: str, bound: int) -> tuple[int, float | None]:
    """A search alone counted along the word index's matches in rowid order, each looked up for the
    trash, no further than `bound + 1`; and, when it got there, the share of the dialogues matching
    (how far into the rowids that took) — without counting every match, which for several short
    words ("a b c d": four prefix lists of ~100,000 each) cost ~30 ms. `CROSS JOIN`: SQLite keeps
    that order (the other ran the MATCH once per dialogue)."""
    found, last = connection.execute(text(
        f"SELECT count(*), max(found) FROM (SELECT dialogues.rowid AS found FROM {index} "
        f"CROSS JOIN dialogues ON dialogues.rowid = {index}.rowid WHERE {index} MATCH :query "
        "AND dialogues.deleted_at IS NULL LIMIT :most)"), {"query": query, "most": bound + 1}).one()
    return found, (found / max(last or 1, 1) if found > bound else None)


def _count_conditions(session: Session, selection: r.DialogueFilter, planned: list[tuple[str, str]],
                      share: float, dialogues: int) -> list[ColumnElement[bool]]:
    """The conditions of a search with other filters (or in the trash), counted up to a bound: see
    `_driven`. Words in a large share of the dialogues (TEXT_DENSE) with filters other than a rare
    country: the other filters' index drives and each of its dialogues' texts is checked
    (`search_index.scanned`), so the count stops after about bound / share rows — not the set of
    every match made first ("кыргызстан", in every dialogue, with "draft": ~100,000 rowids, ~30 ms
    at 100,000 dialogues, for a count that needs ~1,000 drafts read)."""
    if share >= TEXT_DENSE and not selection.deleted and not _few_delegations(session, selection.country):
        return [*filter_conditions(selection._replace(text=None), dense=bool(selection.country)),
                *search_index.scanned(m.DialogueRow.search_text, query_words(selection.text))]
    return filter_conditions(selection, queries=planned, **_driven(session, selection, share * dialogues))


def _planned_page(session: Session, selection: r.DialogueFilter, planned: list[tuple[str, str]],
                  sort: DialogueSort, descending: bool, offset: int, limit: int, known_total: int | None,
                  bound: int, more: bool) -> r.Page:
    """A page of a search answered by the word index alone (`search_index.planned_queries`, issue 19),
    counted no further than `bound`, read the cheapest of three ways, chosen from the counts:

    - few matches (not more than `bound`): from their set, sorted;
    - many, a large share of the dialogues: along the sort, each text checked (`scanned`), stopping
      once the page is full — making the set would cost more than the page;
    - many, a smaller share: along the sort's index, each dialogue's rowid looked up in the set of
      matches (made once, ~1-10 ms) — no dialogue's text is read (a two-name search: ~5 ms, where
      reading the texts took ~55)."""
    index, query = planned[0]
    if query == search_index.NOTHING:
        return r.Page((), 0, more=False)
    connection = session.connection()
    d = m.DialogueRow
    dialogues = connection.scalar(select(func.max(literal_column("dialogues.rowid"))).select_from(d)) or 1
    others = selection._replace(text=None, deleted=False) != r.EMPTY_FILTER
    known = _remembered(session, selection, fresh=known_total is None)
    share: float | None = known.share  # of the dialogues the words match, when known
    if known_total is None and others and offset == 0:
        share = known.share = _share(connection, index, query, dialogues)
        matches = share * dialogues
        rest = _rest_set(session, selection, matches)
        if rest is not None:
            known.kept = rest[0]
        if not _walks(session, selection, share, offset + limit, dialogues):
            # read from the set of matches and sorted whatever the count: counted from the set,
            # so the matches are found once, not once for the count and again for the page
            found, first_rows = _set_page(session, selection, lambda: _set_statement(
                selection, planned, _driven(session, selection, matches)) if rest is None
                else _within(rest[1], index, query), sort, descending, offset, limit, dialogues)
            return r.Page(first_rows, min(found, bound), more=found > bound)
    if known_total is None:
        if not others and not selection.deleted:
            # a search alone: the index's matches in rowid order, each looked up for the trash, no
            # further than the bound; how far that went tells how dense the matches are
            found, share = _streamed(connection, index, query, bound)
        else:
            # the matches are one set (made once: never a MATCH per dialogue, which took 18 s for a
            # word and a year) that drives the reading when it is small; else the trash's or the
            # other filters' indexes drive and each dialogue is looked up in it
            share = known.share = _share(connection, index, query, dialogues)
            counted: Select[Any] = select(literal_column("1")).select_from(d).where(*_count_conditions(
                session, selection, planned, share, dialogues)).limit(bound + 1)
            found = connection.scalar(select(func.count()).select_from(counted.subquery())) or 0
        more, known_total = found > bound, min(found, bound)
    walk = more
    if more:
        if share is None and not others and not selection.deleted:
            share = _streamed(connection, index, query, bound)[1]  # the next page: as the first was read
        if share is None:
            share = known.share = _share(connection, index, query, dialogues)
        if others:  # how many the other filters keep, times the words' share: walk or sort?
            walk = _walks(session, selection, share, offset + limit, dialogues)
    if not walk and (others or selection.deleted):
        # few: found through the smallest set (the matches or a filter's index) and sorted; the set
        # kept for the filter's next pages
        if share is None:
            share = known.share = _share(connection, index, query, dialogues)
        matches = share * dialogues
        kept_rows = _set_page(session, selection, lambda: _set_statement(
            selection, planned, _driven(session, selection, matches)), sort, descending, offset, limit, dialogues)[1]
        return r.Page(kept_rows, known_total, more=more)
    if not walk:  # few: found through the smallest set (the matches or a filter's index) and sorted
        if share is None:
            share = _share(connection, index, query, dialogues)
        statement = page_statement(selection, sort, descending, offset, limit, queries=planned, sorted_after=True,
                                   **_driven(session, selection, share * dialogues))
    else:
        statement = page_statement(selection, sort, descending, offset, limit, dense=True, walk=True,
                                   country_set=_few_delegations(session, selection.country),
                                   scan=share is not None and share >= TEXT_DENSE, queries=planned)
    rows = connection.execute(statement)
    return r.Page(tuple(row_from_columns(tuple(row)) for row in rows), known_total, more=more)


def _walks(session: Session, selection: r.DialogueFilter, share: float, wanted: int, dialogues: int) -> bool:
    """Whether a page of a search with other filters and more matches than the bound is read along
    the sort (`_along_the_sort`): from how many dialogues the other filters keep, times the words'
    share. The other filters' count is taken once per filter (`_Remembered`), not on each resort."""
    known = _remembered(session, selection)
    if known.kept is None:
        rest = selection._replace(text=None)
        known.kept = dialogues if rest.country and not _few_delegations(session, rest.country) \
            else count_matching(session, rest)
    return _along_the_sort(int(share * known.kept), wanted, dialogues)


# A filter's set (the rowids of every dialogue it keeps) is kept for its resorts and scrolls when it
# holds no more than this many (as JSON: ~7 bytes a dialogue).
KEPT_SET_MOST = 20_000


@dataclass
class _Remembered:
    """What one filter's first page learnt, kept for the same filter's resorts and scrolls (the
    window asks them with `known_total`) while the data is unchanged: the words' share of the
    dialogues, how many the other filters keep, and the set of the filter's dialogues (`size` and
    `members`, their rowids as a JSON array) when its page is read from it. "harm reduction" in
    Afghanistan at 100,000 dialogues: each resort made the ~29,000 matches and looked up the
    country's ~4,900 dialogue ids again (~18 ms of ~40) to find the same ~1,450 dialogues.
    `version`: the connection's `total_changes()` (its own writes, triggers' included) and
    `data_version` (every other connection's commits), read inside the read transaction — any
    write in between makes the next page find everything again."""

    version: tuple[int, int]
    selection: r.DialogueFilter
    share: float | None = None
    kept: int | None = None
    size: int = 0
    members: str | None = None


def _data_version(connection: Any) -> tuple[int, int]:
    """What changes whenever the data this connection reads may have: its own writes (triggers'
    included) and the commits of every other connection, this process's or another's."""
    return cast("tuple[int, int]", tuple(connection.exec_driver_sql(
        "SELECT total_changes(), data_version FROM pragma_data_version").one()))


def _remembered(session: Session, selection: r.DialogueFilter, fresh: bool = False) -> _Remembered:
    """This filter's `_Remembered` on this connection (`data_version` is a connection's own), or a
    new one in its place when `fresh` (the filter was just set: its first page), when another filter
    is remembered, or when the data changed. Asked once per read transaction."""
    known = session.info.get("remembered")
    if known is not None and known.selection == selection:
        return cast(_Remembered, known)
    connection = session.connection()
    version = _data_version(connection)
    kept = connection.info.get("remembered")
    if fresh or kept is None or kept.selection != selection or kept.version != version:
        kept = connection.info["remembered"] = _Remembered(version, selection)
    session.info["remembered"] = kept
    return cast(_Remembered, kept)


def _made_set(session: Session, statement: Select[Any], most: int | None = None) -> tuple[int, str] | None:
    """The size of a filter's set and its rowids as one JSON array, gathered by SQLite (not a Python
    object per dialogue); None when it holds more than `most` (read no further)."""
    inner = (statement if most is None else statement.limit(most + 1)).subquery()
    size, members = session.connection().execute(
        select(func.count(), func.json_group_array(inner.c.member))).one()
    if most is not None and size > most:
        return None
    return size, members


def _keep(known: _Remembered, made: tuple[int, str]) -> None:
    if made[0] <= KEPT_SET_MOST:
        known.size, known.members = made


def _set_page(session: Session, selection: r.DialogueFilter, set_statement: Callable[[], Select[Any]],
              sort: DialogueSort, descending: bool, offset: int, limit: int,
              dialogues: int) -> tuple[int, tuple[r.DialogueRow, ...]]:
    """A page read from its filter's set, and the set's size. The set is made without reading a
    row (the rowids only: the matches, the trash and a rare country's dialogues all answer from
    indexes) and kept for the filter's next pages (`_Remembered`). `set_statement`: the filter's
    rowids, however it is best found (made only when the set is not kept)."""
    known: _Remembered = session.info["remembered"]
    made = (known.size, known.members) if known.members is not None else _made_set(session, set_statement())
    assert made is not None
    _keep(known, made)
    return made[0], _rows_of(session, selection, made, sort, descending, offset, limit, dialogues)


# A row read (a seek in the table, 1.5-3 KB a dialogue) costs about as much as walking this many
# entries of a sort's index, each looked up in a set of rowids (raw SQLite at 20,000 and 100,000
# dialogues: ~3-5 µs against ~0.3-0.4 µs).
ROW_PER_ENTRY = 11
# Making a filter's set (its rowids found inside an index and gathered) costs about this share of a
# row read for each dialogue it holds.
MEMBER_PER_ROW = 0.1

_SORT_INDEX = {DialogueSort.DATE: "ix_dialogues_list_date", DialogueSort.TITLE: "ix_dialogues_list_title",
               DialogueSort.SERIES: "ix_dialogues_list_series", DialogueSort.PLACE: "ix_dialogues_list_city",
               DialogueSort.CHAIR: "ix_dialogues_list_chair", DialogueSort.DELEGATIONS: "ix_dialogues_list_delegations",
               DialogueSort.PARTICIPANTS: "ix_dialogues_list_participants",
               DialogueSort.STATUS: "ix_dialogues_list_status"}


def _walks_the_set(total: int, wanted: int, dialogues: int) -> bool:
    """Whether a page of a filter's set (`total` dialogues) is read along the sort's index, each
    entry's rowid looked up in the set, until `wanted` are found (about wanted × dialogues / total
    entries, no row read but the page's), rather than by reading every row of the set and sorting."""
    walked = min(dialogues, wanted * dialogues / max(total, 1))
    return walked + ROW_PER_ENTRY * min(wanted, total) < ROW_PER_ENTRY * total


def _rows_of(session: Session, selection: r.DialogueFilter, made: tuple[int, str], sort: DialogueSort,
             descending: bool, offset: int, limit: int, dialogues: int) -> tuple[r.DialogueRow, ...]:
    """A page of a filter's set (`made`: its size and rowids), sorted: the cheaper of reading each of
    them by its rowid and sorting, and walking the sort's own index checking each entry against the
    set (`_walks_the_set`: a date from 2024-06-01 at 100,000 dialogues, 5,733 of them, read all
    5,733 rows for a page, ~35 ms; along the index, ~3,500 entries and 200 rows). The walk starts
    where the filter of the sort's own column begins (the date from, the status, the series; a series
    sorted by title along `ix_dialogues_series_title`), or a page of drafts sorted by status would
    walk every final dialogue first, and a series sorted by title the titles of the others (~35 ms)."""
    size, members = made
    if selection.deleted or not _walks_the_set(size, offset + limit, dialogues):
        column: Any = literal_column("+" + SORT_SQL[sort])
        order = [column.desc() if descending else column.asc(),
                 m.DialogueRow.id.desc() if descending else m.DialogueRow.id.asc()]
        inside: Select[Any] = select(literal_column("value")).select_from(func.json_each(members))
        statement = select(*_LIST_COLUMNS).where(literal_column("dialogues.rowid").in_(inside)) \
            .order_by(*order).offset(offset).limit(limit)
        return tuple(row_from_columns(tuple(row)) for row in session.connection().execute(statement))
    # the list's own page query (`first_page.PAGE_SQL`), its sort's index named: the set is only
    # looked up (`+rowid`), and the conditions below are those every dialogue of the set meets
    where, parameters = ["dialogues.deleted_at IS NULL", "+dialogues.rowid IN (SELECT value FROM json_each(?))"], \
        [members]
    if sort is DialogueSort.DATE and selection.date_from:
        where.append("dialogues.start_date >= ?")
        parameters.append(selection.date_from.isoformat())
    if sort is DialogueSort.DATE and selection.date_to:
        where.append("dialogues.start_date <= ?")
        parameters.append(selection.date_to.isoformat())
    if sort is DialogueSort.STATUS and selection.status:
        where.append("dialogues.status = ?")
        parameters.append(selection.status.value)
    index = _SORT_INDEX[sort]
    if sort in (DialogueSort.SERIES, DialogueSort.TITLE) and selection.series:
        # a title holds its series' name: the titles of one series are together, after most others
        index = "ix_dialogues_series_title" if sort is DialogueSort.TITLE else index
        where.append("dialogues.series = ?")
        parameters.append(selection.series)
    sql = page_sql(sort, descending).replace("FROM dialogues \n", f"FROM dialogues INDEXED BY {index} \n") \
        .replace("WHERE dialogues.deleted_at IS NULL", "WHERE " + " AND ".join(where))
    rows = session.connection().exec_driver_sql(sql, (*parameters, limit, offset))
    return tuple(row_from_columns(tuple(row)) for row in rows)


def _most_kept(wanted: int, dialogues: int) -> int:
    """The most dialogues a filter may keep for its page to be read from its set: a walk along the
    sort checking each dialogue reads about wanted × dialogues / total rows, the set costs about
    total × MEMBER_PER_ROW of one."""
    return math.isqrt(int(wanted * dialogues / MEMBER_PER_ROW))


def _kept_page(session: Session, selection: r.DialogueFilter, sort: DialogueSort, descending: bool, offset: int,
               limit: int, known_total: int | None) -> r.Page | None:
    """A page of a filter without a search read from its set (`_rows_of`), when the set is small
    enough to be worth making (`_most_kept`), or None (walk the sort as before, checking each
    dialogue). The first page makes the set — its rowids only, found inside the filters' indexes,
    no further than that most — and counts it: the count was a statement of its own that walked the
    same index entries (country FR with "draft" at 100,000: the ~7,000 dialogues of France looked up
    twice). The resorts and scrolls read the kept set (`_Remembered`) instead of finding it again."""
    dialogues = session.connection().scalar(select(func.max(literal_column("dialogues.rowid")))
                                            .select_from(m.DialogueRow)) or 0
    known = _remembered(session, selection, fresh=known_total is None)
    wanted = offset + limit
    made = (known.size, known.members) if known.members is not None else None
    if made is None:
        most = _most_kept(wanted, dialogues)
        if known_total is not None and known_total > most:
            return None
        few = _few_delegations(session, selection.country)
        statement: Select[Any] = select(literal_column("dialogues.rowid").label("member")).select_from(
            m.DialogueRow).where(*filter_conditions(selection, dense=bool(selection.country) and not few,
                                                    from_matches=_only_country(selection) and not selection.deleted))
        made = _made_set(session, statement, most)
        if made is None:
            return None
        _keep(known, made)
    rows = _rows_of(session, selection, made, sort, descending, offset, limit, dialogues)
    return r.Page(rows, made[0] if known_total is None else known_total)


def _rest_set(session: Session, selection: r.DialogueFilter, matches: float) -> tuple[int, str] | None:
    """The set of the dialogues a search's other filters keep, when a country of few delegations
    drives them and the words match more than MATCHES_DRIVE: made once, it is both how many the
    other filters keep (`_walks`) and what the matches are looked up in (`_within`). The country's
    dialogue ids are each looked up in the dialogues' id index (~1.6 µs: ~8 ms for Afghanistan's
    ~4,900 at 100,000 dialogues), which the count of the other filters and the set of the search
    then did once each. None otherwise, or when they keep more than KEPT_SET_MOST."""
    if selection.deleted or matches <= MATCHES_DRIVE or not _few_delegations(session, selection.country):
        return None
    rest = selection._replace(text=None)
    statement: Select[Any] = select(literal_column("dialogues.rowid").label("member")).select_from(
        m.DialogueRow).where(*filter_conditions(rest, from_matches=_only_country(rest)))
    return _made_set(session, statement, KEPT_SET_MOST)


def _within(members: str, index: str, query: str) -> Select[Any]:
    """The dialogues of a set (`_rest_set`) the words match: each looked up in the set of matches."""
    value: ColumnElement[int] = literal_column("value")
    return select(value.label("member")).select_from(func.json_each(members)).where(
        value.in_(search_index.matching_rowids(index, query)))


def _set_statement(selection: r.DialogueFilter, planned: list[tuple[str, str]], driven: dict[str, bool]) -> Select[Any]:
    """The rowids of every dialogue a search with other filters (or in the trash) keeps, found as
    `_driven` says (the smaller side drives): the set a page is then read from (`_set_page`)."""
    return select(literal_column("dialogues.rowid").label("member")).select_from(m.DialogueRow).where(
        *filter_conditions(selection, driven.get("dense", False) and bool(selection.country),
                           driven.get("from_matches", False), planned, walk=driven.get("walk", False),
                           text_drives=driven.get("text_drives", True)))


class DialogueRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self, dialogue_id: str) -> r.Dialogue:
        with self.database.reading() as session:
            row = load_dialogue_row(session, dialogue_id)
            if row is None:
                raise RecordNotFound(Text("That dialogue is no longer in the database."))
            return dialogue_record(row)

    def page(self, selection: r.DialogueFilter = r.EMPTY_FILTER, sort: DialogueSort = DialogueSort.DATE,
             descending: bool = True, offset: int = 0, limit: int = 200, known_total: int | None = None,
             count_up_to: int | None = None, more: bool = False) -> r.Page:
        """One page of list rows, filtered, sorted and cut in SQL. `known_total`: the count of this
        filter, when the caller has it (another sort or the next page of the same filter): the
        total is counted once per filter, not once per page.

        `count_up_to` (the window's list): a search is counted only that far — `Page.more` says
        more match — and a page of many matches is read along the sort, each text checked by the
        search rule itself, stopping when the page is full (issue 19: an exact count of a word in
        most of 100,000 dialogues takes longer than the 50 ms a search may take). `more` with
        `known_total`: that total is such a bound."""
        words = query_words(selection.text)
        with self.database.reading() as session:
            if words and count_up_to is not None:
                planned = search_index.planned_queries(session.connection(), search_index.DIALOGUES, words)
                if len(planned) == 1 and planned[0][0] == search_index.DIALOGUES.words:
                    return _planned_page(session, selection, planned, sort, descending, offset, limit,
                                         known_total, count_up_to, more)
            # a country in most dialogues: its dialogues counted no further than the bound
            if count_up_to is not None and known_total is None and not words and _only_country(selection) \
                    and _count_country_up_to(session, selection, count_up_to) > count_up_to:
                known_total, more = count_up_to, True
            if count_up_to is not None and words:
                if known_total is None:
                    found = _count_up_to(session, selection, count_up_to)
                    more = found > count_up_to
                    known_total = min(found, count_up_to)
                if more:  # many matches: along the sort, each text checked, until the page is full
                    rows = session.connection().execute(page_statement(selection, sort, descending, offset, limit,
                                                                       dense=True, scan=True))
                    return r.Page(tuple(row_from_columns(tuple(row)) for row in rows), known_total, more=True)
            if count_up_to is not None and not words and not more and selection.ids is None \
                    and selection != r.EMPTY_FILTER:
                kept = _kept_page(session, selection, sort, descending, offset, limit, known_total)
                if kept is not None:
                    return kept
            total = count_matching(session, selection) if known_total is None else known_total
            if selection == r.EMPTY_FILTER:  # the list itself: first_page.py's query
                statement = page_statement(selection, sort, descending, offset, limit)
            else:
                dialogues = session.connection().scalar(select(func.max(literal_column("dialogues.rowid")))
                                                        .select_from(m.DialogueRow)) or 0
                # along the sort's index, each dialogue checked, or the matches found and sorted:
                # whichever reads fewer dialogues, known from the count
                walk = more or _along_the_sort(total, offset + limit, dialogues)
                few = _few_delegations(session, selection.country)
                # a country of many delegations is a seek per dialogue either way (its set: ~100,000)
                statement = page_statement(
                    selection, sort, descending, offset, limit, dense=walk or not few,
                    from_matches=bool(words or (_only_country(selection) and not selection.deleted)) and not walk,
                    walk=walk, country_set=walk and few,
                    sorted_after=not walk and not words)
            rows = session.connection().execute(statement)  # Core: rows as tuples, without the ORM's loading
            page = tuple(row_from_columns(tuple(row)) for row in rows)
            return r.Page(page, total, more=more)

    def count(self, selection: r.DialogueFilter = r.EMPTY_FILTER) -> int:
        with self.database.reading() as session:
            return count_matching(session, selection)

    def save(self, dialogue: r.Dialogue) -> r.Dialogue:
        """Save a new or edited dialogue; refused if someone saved it since it was read."""
        from desktop_app.db import replica_store

        validate(dialogue)
        with self.database.writing() as session:
            check_revision(session, dialogue)
            row, _ = replica_store.edit(session, "dialogue", dialogue, self.database.officer)
            return dialogue_record(row)

    def delete(self, dialogue_id: str) -> None:
        """Move to the trash (soft delete); nothing is lost until the trash is emptied."""
        self._set_deleted(dialogue_id, r.utc_now())

    def restore(self, dialogue_id: str) -> None:
        self._set_deleted(dialogue_id, None)

    def _set_deleted(self, dialogue_id: str, when: datetime | None) -> None:
        """Trash and restore are edits of the field `trashed` (they travel, docs/exchange.md)."""
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            row = load_dialogue_row(session, dialogue_id)
            if row is None:
                raise RecordNotFound(Text("That dialogue is no longer in the database."))
            replica_store.edit(session, "dialogue", replace(dialogue_record(row), deleted_at=when),
                               self.database.officer, check=False)

    def purge(self, dialogue_id: str) -> None:
        """Delete for good a dialogue that is in the trash (its children cascade); a tombstone with
        the version it had travels to the other databases."""
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            row = load_dialogue_row(session, dialogue_id)
            if row is None or row.deleted_at is None:
                raise UserError(Text("Only a dialogue in the trash can be deleted for good."))
            state = replica_store.state_of(session, "dialogue", row)
            replica_store.add_tombstone(session, {"id": dialogue_id, "kind": "dialogue", "for_good": True,
                                                  "deleted_at": None, "version": state.version})
            replica_store.remove(session, "dialogue", dialogue_id)

    def twins(self, title: str, start_date: date | None, other_than: str) -> list[str]:
        """Ids of other current dialogues with this title and start date: one meeting recorded twice
        (a copy saved unchanged), which the form warns about and asks about once on save."""
        if not title.strip() or start_date is None:
            return []
        with self.database.reading() as session:
            return list(session.scalars(select(m.DialogueRow.id).where(
                m.DialogueRow.deleted_at.is_(None), m.DialogueRow.title == title.strip(),
                m.DialogueRow.start_date == start_date, m.DialogueRow.id != other_than)))

    def series_names(self) -> list[str]:
        with self.database.reading() as session:
            return list(session.scalars(
                select(m.DialogueRow.series).where(m.DialogueRow.series.is_not(None))
                .distinct().order_by(m.DialogueRow.series)))

    def series_ids(self, spellings: tuple[str, ...]) -> tuple[str, ...]:
        """Ids of the dialogues of a series stored under several spellings (`list_records.series_each`),
        the trash's too: a filter's `ids` (a series of one spelling is the filter's `series`)."""
        with self.database.reading() as session:
            return tuple(session.scalars(select(m.DialogueRow.id).where(m.DialogueRow.series.in_(spellings))))

    def topic_names(self) -> list[str]:
        with self.database.reading() as session:
            return list(session.scalars(select(m.DialogueTopic.name).distinct().order_by(m.DialogueTopic.name)))
