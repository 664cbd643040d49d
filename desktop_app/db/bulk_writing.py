"""Writing many *new* records at once with prepared `executemany`, for the bundle import (issue 19).

The ORM path (`write_person`, `write_dialogue`) costs milliseconds per dialogue in unit-of-work
bookkeeping. Records that are not in the file yet need none of it: their rows are built from the
same table of columns the ORM path fills (`mapping.*_columns`), with the same derived columns
(search text, counts, revision 1), and inserted table by table, parents first. The checks stay
those of the ORM path: people's and institutions' rules, references that must exist and ids that
must not be another dialogue's (`check_many_references`). Records that replace existing ones keep
going through the ORM, which knows how to reuse their child rows.

`replica_store.store_new` is the caller: it works out what each record's replication state shows
and stores, with the same domain functions `store` uses.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from operator import add, itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db import search_index
from desktop_app.db.mapping import (
    DIALOGUE_VALUES,
    action_columns,
    agenda_columns,
    delegation_columns,
    dialogue_columns,
    folded_names,
    institution_columns,
    name_columns,
    participant_columns,
    people_names,
    person_columns,
    search_text,
)
from desktop_app.db.repositories.dialogues import check_many_references
from desktop_app.domain import records as r
from desktop_app.domain.errors import ValidationFailed
from desktop_app.domain.validation import institution_problems, person_problems

if TYPE_CHECKING:
    from desktop_app.db.unit_of_work import Database

ROWS_PER_EXECUTE = 5000  # rows per executemany: bounded memory for huge bundles, few round trips
# SQLite's page cache while loading (KiB, an upper bound, used as the file grows): the random UUID
# keys of a big bundle's rows touch every page of their indexes; with the default 2 MB each insert
# re-reads pages it has just spilled (measured: 2-3x the insert time at 2,000 dialogues).
LOADING_CACHE_KIB = 256 * 1024
# The tables the bulk writer fills; `loading` builds their secondary indexes and search indexes
# after the rows when the file holds no records yet.
FILLED = ("people", "person_other_names", "institutions", "institution_other_names", "dialogues",
          "dialogue_programmes", "dialogue_frameworks", "dialogue_topics", "agenda_items", "actions",
          "delegations", "participants")
# Unique indexes a load without row-by-row foreign keys builds after the rows (migration
# 0014_import_participant_keys: the participants' random text ids, ≈ 0.1-0.2 s at 2,000 dialogues).
AFTER_THE_ROWS = ("ux_participants_id",)
OWNERS = ("dialogues", "people", "institutions")  # no records in these: nothing in the others either
# Each search vocabulary (migration 0012_search_speed) and the folded column whose words it holds.
VOCABULARIES = ((search_index.DIALOGUES, "search_text"), (search_index.PEOPLE, "search_name"))
# What 0012's triggers split a folded text on (a tab and a carriage return become spaces), and the
# control characters that make its JSON array invalid, so that the text adds no word at all.
_SEPARATORS = str.maketrans("\t\r\n", "   ")
_NOT_IN_JSON = frozenset(chr(code) for code in range(0x20)) - {"\t", "\r", "\n"}
_CONTROL = re.compile("[" + "".join(sorted(_NOT_IN_JSON)) + "]")
# What `check_expressions` reads in a CREATE TABLE statement: quoted strings, quoted names and
# comments (skipped whole: a parenthesis or the word CHECK inside them is not SQL), the word CHECK,
# and parentheses.
_CHECK_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|--[^\n]*|/\*.*?(?:\*/|\Z)"""
                           r"|\bCHECK\b|[()]", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class NewRow:
    """A record to insert, with what its top row holds beside the record's own columns."""

    record: Any  # r.Person | r.Institution | r.Dialogue
    updated_at: datetime
    replica: str  # the `replica` column (replica_store.meta_of)


def _table(model: type[m.Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


def _execute(session: Session, model: type[m.Base], rows: list[dict[str, Any]]) -> None:
    """Insert the rows with the driver's own prepared `executemany`, in the session's transaction,
    with the values `bound_rows` gives."""
    if not rows:
        return
    table = _table(model)
    names, values_by_row = bound_rows(table, session.connection().dialect, rows)
    statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    cursor = _driver(session).cursor()
    try:
        for start in range(0, len(values_by_row), ROWS_PER_EXECUTE):
            cursor.executemany(statement, values_by_row[start:start + ROWS_PER_EXECUTE])
    finally:
        cursor.close()


def bound_rows(table: Table, dialect: Any, rows: list[dict[str, Any]]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, a tuple of values per row) for `executemany`, the values converted as SQLAlchemy
    converts them (each column type's bind processor for this dialect: dates and times as its text,
    flags as integers), once per distinct value — a bundle's rows share a few timestamps — instead
    of once per row and column by Core's per-row parameter processing, which cost as much as
    SQLite's own work. The columns needing no conversion come first, each row's taken in one C call
    (`itemgetter` of them all), the converted ones after, column by column (issue 19, round 7:
    64,000 participants' 11 columns ≈ 0.08 → 0.05 s). tests/db/test_bulk_values.py holds every
    value to its column's own processing."""
    processors = {name: table.c[name].type._cached_bind_processor(dialect) for name in rows[0]}
    plain = [name for name, process in processors.items() if process is None]
    converted: list[list[Any]] = []
    for name, process in processors.items():
        if process is not None:
            values = list(map(itemgetter(name), rows))  # C loops
            done = {value: process(value) for value in set(values)}
            converted.append(list(map(done.__getitem__, values)))
    names = plain + [name for name, process in processors.items() if process is not None]
    if not plain:
        return names, list(zip(*converted, strict=True))
    firsts = map(itemgetter(*plain), rows) if len(plain) > 1 else zip(map(itemgetter(plain[0]), rows))
    if not converted:
        return names, list(firsts)
    return names, list(map(add, firsts, zip(*converted, strict=True)))


def _driver(session: Session) -> Any:
    return session.connection().connection.driver_connection


class ForeignKeysNeeded(Exception):  # a request to the caller, never shown to anyone
    """A load begun without SQLite's row-by-row foreign keys cannot be kept: the file held records by
    the time its transaction began, the whole-file check listed a row (a bad reference, or a
    row a delete left behind, which the cascades would have removed), a row breaks a CHECK
    constraint (`breaks_a_check`), or a unique index built after the rows found a value twice
    (`AFTER_THE_ROWS`). The caller rolls it back and
    runs the import again with them on (`load_without_foreign_keys`), which ends as it always did:
    stored, or refused with the same sentence."""


def load_without_foreign_keys(database: Database) -> bool:
    """Whether an import may begin without SQLite's row-by-row foreign keys (issue 19: three lookups
    of a random text key per participant, ~0.3 s of 2,000 dialogues): only into a file with no
    records, where `loading` checks the whole file once before it commits. Read before the import's
    transaction begins (the pragma cannot change inside one); `loading` asks again inside it."""
    with database.reading() as session:
        return _holds_no_records(_driver(session))


@contextmanager
def loading(session: Session) -> Iterator[None]:
    """A bulk load (a bundle import) in the session's transaction: a larger page cache while it
    runs, and — into a file that holds no records yet (a first import, a new laptop) — the
    secondary indexes and the search indexes (migrations 0004, 0010_search) built once after the
    rows instead of updated row by row: their triggers and the plain indexes of the tables the
    bulk writer fills are dropped, and at the end created again from the very SQL the file held,
    each FTS index rebuilt from its content table in one pass (`'rebuild'`). The triggers that add
    each saved text's words to the search vocabularies (0012_search_speed: a JSON split per row,
    ~0.3 s of 2,000 dialogues) are dropped too, and the vocabularies filled once from the texts
    the file ends with (`vocabulary_of`). Unique indexes and any other trigger stay, but for the
    participants' ids (`AFTER_THE_ROWS`) when the load began without row-by-row foreign keys: every
    check runs as before, or once at the end. All of it is DDL inside the transaction,
    so a failed or rehearsed import rolls it back with the rows.

    A session begun without foreign keys (`load_without_foreign_keys`) has every foreign key of the
    file checked at the end (`PRAGMA foreign_key_check`), before the commit; any row it lists, or a
    file that turns out to hold records, raises `ForeignKeysNeeded`. Its rows go in without SQLite's
    CHECK constraints too (`ignore_check_constraints`: an IN list of more than two values costs a
    temporary b-tree per row), every table's checked once at the end the same way (`breaks_a_check`);
    the pragma is off again before the transaction ends, whatever happens."""
    driver = _driver(session)
    checked_row_by_row = bool(driver.execute("PRAGMA foreign_keys").fetchone()[0])
    empty = _holds_no_records(driver)
    if not (checked_row_by_row or empty):
        raise ForeignKeysNeeded
    cache = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size=-{LOADING_CACHE_KIB}")
    if not checked_row_by_row:
        driver.execute("PRAGMA ignore_check_constraints=ON")
    try:
        deferred = _drop_indexes(driver) if empty else []
        yield
        session.flush()  # rows the ORM path holds go in before the indexes are built
        _build_indexes(driver, deferred)
        if not checked_row_by_row:
            driver.execute("PRAGMA ignore_check_constraints=OFF")
            if breaks_a_check(driver) or driver.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise ForeignKeysNeeded
    finally:
        driver.execute(f"PRAGMA cache_size={int(cache)}")
        if not checked_row_by_row:
            driver.execute("PRAGMA ignore_check_constraints=OFF")  # a pooled connection never keeps it


def check_expressions(sql: str) -> list[str]:
    """The expression of each CHECK constraint of a CREATE TABLE statement, as the file holds it
    (column and table constraints alike), for `breaks_a_check`."""
    found: list[str] = []
    depth = 0
    inside: int | None = None  # the depth of the parenthesis a CHECK's expression is in
    start = 0
    wanted = False  # the word CHECK was read: its expression's parenthesis comes next
    for token in _CHECK_TOKENS.finditer(sql):
        text = token.group()
        if text == "(":
            depth += 1
            if wanted:
                inside, start, wanted = depth, token.end(), False
        elif text == ")":
            if inside == depth:
                found.append(sql[start:token.start()].strip())
                inside = None
            depth -= 1
        elif text.upper() == "CHECK" and inside is None:
            wanted = True
    return found


def breaks_a_check(driver: Any) -> bool:
    """Whether any row of the file breaks one of its table's CHECK constraints: the check a load
    without row-by-row foreign keys makes once, before its commit, of the rows it inserted with
    `ignore_check_constraints` (issue 19, round 8). SQLite evaluates a CHECK with an IN list of more
    than two values by filling a temporary b-tree with the list at each row's insert (≈ 6 µs a
    participant, 0.2-0.35 s of 2,000 dialogues); one query per table fills it once. A row breaks
    a CHECK when its expression is false (not when it is NULL), which is when `NOT (expression)`
    is true. `PRAGMA quick_check` says the same but costs about as much as the inserts saved (it
    reads every page of the table and its indexes: 0.12-0.15 s for the participants alone).
    tests/db/test_check_expressions.py holds it to SQLite's own row-by-row check."""
    for name, sql in driver.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%CHECK%'").fetchall():
        if expressions := check_expressions(sql):
            quoted = name.replace('"', '""')
            broken = " OR ".join(f"NOT ({expression})" for expression in expressions)
            if driver.execute(f'SELECT EXISTS (SELECT 1 FROM "{quoted}" WHERE {broken})').fetchone()[0]:
                return True
    return False


def _holds_no_records(driver: Any) -> bool:
    return not any(driver.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0] for table in OWNERS)


def _search_tables() -> tuple[str, ...]:
    return tuple(name for indexes in (search_index.DIALOGUES, search_index.PEOPLE)
                 for name in (indexes.trigrams, indexes.words))


def _vocabularies() -> tuple[str, ...]:
    return tuple(indexes.terms for indexes, _ in VOCABULARIES)


def vocabulary_words(folded: str) -> list[str]:
    """The words 0012_search_speed's triggers add to a vocabulary for one folded text, as they
    split it (`split_words`: on spaces and line breaks, a tab or a carriage return read as a space;
    nothing at all when a control character would make its JSON array invalid).
    tests/db/test_vocabulary_words.py holds the two equal."""
    if not _NOT_IN_JSON.isdisjoint(folded):
        return []
    return [word for word in folded.translate(_SEPARATORS).split(" ") if word]


def deferred_schema(driver: Any, unique: bool = False) -> list[tuple[str, str, str]]:
    """(type, name, SQL) of what `loading` builds after the rows: plain (not unique) indexes of
    the filled tables and the triggers that feed the search indexes, in the file's order; with
    `unique`, the unique indexes of `AFTER_THE_ROWS` too."""
    rows = driver.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(FILLED))}) ORDER BY rowid", FILLED).fetchall()
    fed = _search_tables() + _vocabularies()
    after = AFTER_THE_ROWS if unique else ()
    return [(kind, name, sql) for kind, name, sql in rows
            if (kind == "index" and (not sql.upper().startswith("CREATE UNIQUE") or name in after))
            or (kind == "trigger" and any(table in sql for table in fed))]


def _drop_indexes(driver: Any) -> list[tuple[str, str, str]]:
    """Drop what `loading` builds after the rows. The unique indexes of `AFTER_THE_ROWS` only in a
    load without row-by-row foreign keys: a repeated value then fails their building and the
    import runs again with foreign keys, and those indexes, row by row (`ForeignKeysNeeded`)."""
    deferred = deferred_schema(driver, unique=not driver.execute("PRAGMA foreign_keys").fetchone()[0])
    for kind, name, _ in deferred:
        driver.execute(f'DROP {kind.upper()} "{name}"')
    return deferred


def _build_indexes(driver: Any, deferred: list[tuple[str, str, str]]) -> None:
    if not deferred:
        return
    for _, name, sql in sorted(deferred, key=lambda item: item[0] == "trigger"):  # indexes first
        try:
            driver.execute(sql)
        except sqlite3.IntegrityError:
            if name not in AFTER_THE_ROWS:
                raise
            raise ForeignKeysNeeded from None  # a repeated id: refused by the row-by-row run's own sentence
    fed = [table for table in _search_tables() if any(table in sql for kind, _, sql in deferred if kind == "trigger")]
    for table in fed:
        driver.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    for indexes, column in VOCABULARIES:
        if any(indexes.terms in sql for kind, _, sql in deferred if kind == "trigger"):
            _fill_vocabulary(driver, indexes.terms, indexes.owner, column)


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """The words of all the texts (`vocabulary_words` of each), split in one pass (issue 19: both
    vocabularies of 2,000 dialogues ≈ 0.08 → 0.065 s of CPU): joined by a space, a separator. A text
    holding a control character adds no word (its JSON array is invalid), so when the joined text
    holds one, such texts are left out first. tests/db/test_vocabulary_words.py holds it to
    `vocabulary_words` of each text."""
    kept = list(texts)
    joined = " ".join(kept)
    if _CONTROL.search(joined):
        joined = " ".join(text for text in kept if not _CONTROL.search(text))
    words = set(joined.replace("\t", " ").replace("\r", " ").replace("\n", " ").split(" "))
    words.discard("")
    return words


def _fill_vocabulary(driver: Any, terms: str, owner: str, column: str) -> None:
    """Every word of the texts the file holds, once, in order (the table is keyed by the word)."""
    words = vocabulary_of(folded for (folded,) in driver.execute(f"SELECT {column} FROM {owner}"))
    driver.executemany(f"INSERT OR IGNORE INTO {terms} (term) VALUES (?)", ((word,) for word in sorted(words)))


def _top(new: NewRow, now: datetime, deleted_at: datetime | None = None) -> dict[str, Any]:
    return {"id": new.record.id, "created_at": now, "deleted_at": deleted_at, "revision": 1,
            "exchange_source": None, "exchange_imported_at": None, "exchange_updated_at": None,
            "edited_locally": False, "replica": new.replica}


def insert_people(session: Session, people: Sequence[NewRow], now: datetime) -> None:
    rows: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    for new in people:
        person: r.Person = new.record
        if problems := person_problems(person):
            raise ValidationFailed(problems[0].message, problems)
        rows.append({**_top(new, now), **person_columns(person, new.updated_at)})
        names.extend({"person_id": person.id, **name_columns(i, n)} for i, n in enumerate(person.other_names))
    _execute(session, m.PersonRow, rows)
    _execute(session, m.PersonOtherName, names)


def insert_institutions(session: Session, institutions: Sequence[NewRow], now: datetime) -> None:
    rows: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    for new in institutions:
        institution: r.Institution = new.record
        if problems := institution_problems(institution):
            raise ValidationFailed(problems[0].message, problems)
        rows.append({**_top(new, now), **institution_columns(institution, new.updated_at)})
        names.extend({"institution_id": institution.id, **name_columns(i, n)}
                     for i, n in enumerate(institution.other_names))
    _execute(session, m.InstitutionRow, rows)
    _execute(session, m.InstitutionOtherName, names)


def insert_dialogues(session: Session, dialogues: Sequence[NewRow], now: datetime) -> None:
    """New dialogues with all their children; the people and institutions they name must exist
    (a merge's rule breaks are conflicts, so the dialogue rules are not checked here: `store`'s
    `check=False`)."""
    if not dialogues:
        return
    records: list[r.Dialogue] = [new.record for new in dialogues]
    check_many_references(session, records)
    folded = folded_names(people_names(session, {p.person_id for d in records for g in d.delegations
                                                 for p in g.participants}))
    batch: dict[type[m.Base], list[dict[str, Any]]] = {model: [] for model in (
        m.DialogueRow, m.DialogueProgramme, m.DialogueFramework, m.DialogueTopic, m.AgendaItemRow, m.ActionRow,
        m.DelegationRow, m.ParticipantRow)}
    for new in dialogues:
        d: r.Dialogue = new.record
        updated_at = new.updated_at
        batch[m.DialogueRow].append({**_top(new, now, d.deleted_at), **dialogue_columns(d, updated_at),
                                     "search_text": search_text(session, d, folded=folded)})
        for field, model in DIALOGUE_VALUES:
            batch[model].extend({"dialogue_id": d.id, **name_columns(i, v)} for i, v in enumerate(getattr(d, field)))
        batch[m.AgendaItemRow].extend({"id": item.id or r.new_id(), "dialogue_id": d.id, "created_at": now,
                                       **agenda_columns(item, i, updated_at)} for i, item in enumerate(d.agenda))
        batch[m.ActionRow].extend({"id": action.id or r.new_id(), "dialogue_id": d.id, "created_at": now,
                                   **action_columns(action, i, updated_at)} for i, action in enumerate(d.actions))
        for i, g in enumerate(d.delegations):
            batch[m.DelegationRow].append({"id": g.id, "dialogue_id": d.id, "created_at": now,
                                           **delegation_columns(g, i, updated_at)})
            batch[m.ParticipantRow].extend({"id": p.id, "delegation_id": g.id, "created_at": now,
                                            **participant_columns(p, j, updated_at)}
                                           for j, p in enumerate(g.participants))
    for row_model, batch_rows in batch.items():  # parents first: the foreign keys are checked row by row
        _execute(session, row_model, batch_rows)
