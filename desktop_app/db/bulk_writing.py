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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat
from operator import is_not, itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desktop_app.db import models as m
from desktop_app.db import search_index
from desktop_app.db.mapping import (
    ACTION_FIELDS,
    AGENDA_FIELDS,
    DELEGATION_FIELDS,
    DIALOGUE_FIELDS,
    DIALOGUE_VALUES,
    INSTITUTION_FIELDS,
    LOADED_NAMES,
    NAME_FIELDS,
    PARTICIPANT_FIELDS,
    PERSON_FIELDS,
    SearchTexts,
    action_values,
    agenda_values,
    delegation_values,
    dialogue_values,
    folded_names_of,
    institution_values,
    participant_values,
    person_values,
    remember_loaded,
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
AFTER_THE_ROWS = (m.PARTICIPANT_IDS_INDEX,)
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


class Bound(dict[Any, Any]):
    """One column's bind processing (SQLAlchemy's, for this dialect: dates and times as its text,
    flags as integers) of each distinct value, done once: a bundle's rows share a few timestamps
    and flags (issue 19). Read as `bound[value]`, a C lookup after the first time."""

    def __init__(self, process: Callable[[Any], Any] | None) -> None:
        super().__init__()
        self.process = process

    def __missing__(self, value: Any) -> Any:
        done = self[value] = value if self.process is None else self.process(value)
        return done


def binding(table: Table, dialect: Any, name: str) -> Bound:
    return Bound(table.c[name].type._cached_bind_processor(dialect))


def bound_values(table: Table, dialect: Any, names: Sequence[str], rows: list[tuple[Any, ...]],
                 bound: Iterable[str] = ()) -> list[tuple[Any, ...]]:
    """Rows of `names` with each value converted as SQLAlchemy converts it (its column type's bind
    processor for this dialect), once per distinct value; the columns in `bound` hold their
    converted values already (the writer converted them as it built the rows: `Bound`), and the
    others are converted here column by column. tests/db/test_bulk_values.py holds every value to
    its column's own processing."""
    done = set(bound)
    todo = [(index, binding(table, dialect, name)) for index, name in enumerate(names)
            if name not in done and table.c[name].type._cached_bind_processor(dialect) is not None]
    if not todo or not rows:
        return rows
    columns: list[Any] = list(zip(*rows, strict=True))
    for index, converted in todo:
        columns[index] = list(map(converted.__getitem__, columns[index]))
    return list(zip(*columns, strict=True))


def _execute(session: Session, model: type[m.Base], names: Sequence[str], rows: list[tuple[Any, ...]],
             bound: Iterable[str] = ()) -> None:
    """Insert the rows (a tuple of values of `names` each) with the driver's own prepared
    `executemany`, in the session's transaction, with the values `bound_values` gives: no dict per
    row and column (issue 19, round 8)."""
    if not rows:
        return
    table = _table(model)
    _run(session, table.name, list(names), bound_values(table, session.connection().dialect, names, rows, bound))


def _run(session: Session, table: str, names: list[str], values: list[tuple[Any, ...]]) -> None:
    cursor = _driver(session).cursor()
    try:
        insert_rows(cursor, table, names, values, ROWS_PER_EXECUTE)
    finally:
        cursor.close()


def insert_rows(cursor: Any, table: str, names: Sequence[str], values: list[tuple[Any, ...]],
                per_execute: int) -> None:
    """The rows, `per_execute` at a time, by `executemany`; a column NULL in every row of one is
    written as the literal NULL in its statement and left out of the rows (issue 19, round 9):
    Python's sqlite3 module binds None through its adapter lookup (≈ 0.45 µs a value, where a
    number or a text is bound directly), and a 2,000-dialogue import bound ~120,000 of them, most in
    columns no new row fills (a deletion, the old exchange's columns, an empty agenda presenter).
    The stored rows are the same (tests/db/test_bulk_nulls.py)."""
    for start in range(0, len(values), per_execute):
        rows = values[start:start + per_execute]
        null = [index for index, value in enumerate(rows[0]) if value is None
                and not any(map(is_not, map(itemgetter(index), rows), repeat(None)))]
        if null:
            kept = [index for index in range(len(names)) if index not in null]
            places = ", ".join("NULL" if index in null else "?" for index in range(len(names)))
            if len(kept) > 1:
                rows = list(map(itemgetter(*kept), rows))
            else:
                rows = [(value,) for value in map(itemgetter(*kept), rows)] if kept else [()] * len(rows)
        else:
            places = ", ".join("?" * len(names))
        cursor.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({places})", rows)


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
    runs, and — into a file that holds no records yet (a first import, a new laptop) — the secondary
    indexes and the search indexes (migrations 0004, 0010_search) built once after the rows instead
    of updated row by row: their triggers and the plain indexes of the tables the bulk writer fills
    are dropped, and at the end created again from the very SQL the file held, each FTS index
    rebuilt from its content table in one pass, in rowid order (`_index_in_rowid_order`). The
    triggers that add each saved text's words to the search vocabularies (0012_search_speed: a JSON
    split per row, ~0.3 s of 2,000 dialogues) are dropped too, and the vocabularies filled once from
    the texts the file ends with (`vocabulary_of`). Unique indexes and any other trigger stay, but
    for the participants' ids (`AFTER_THE_ROWS`) when the load began without row-by-row foreign
    keys: every check runs as before, or once at the end. All of it is DDL inside the transaction,
    so a failed or rehearsed import rolls it back with the rows.

    A session begun without foreign keys (`load_without_foreign_keys`) has every foreign key of the file
    checked at the end (`breaks_a_reference`, what `PRAGMA foreign_key_check` says), before the commit;
    any row it lists, or a file that turns out to hold records, raises `ForeignKeysNeeded`. Its rows go
    in without SQLite's CHECK constraints too (`ignore_check_constraints`: an IN list of more than two
    values costs a temporary b-tree per row), every table's checked once at the end the same way
    (`breaks_a_check`); the pragma is off again before the transaction ends, whatever happens.
    """
    driver = _driver(session)
    checked_row_by_row = bool(driver.execute("PRAGMA foreign_keys").fetchone()[0])
    empty = _holds_no_records(driver)
    if not (checked_row_by_row or empty):
        raise ForeignKeysNeeded
    cache = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size=-{LOADING_CACHE_KIB}")
    if not checked_row_by_row:
        driver.execute("PRAGMA ignore_check_constraints=ON")
    session.info[LOADED_NAMES] = {}  # the people it writes, for its dialogues' search texts (`remember_loaded`)
    try:
        deferred = _drop_indexes(driver) if empty else []
        yield
        session.flush()  # rows the ORM path holds go in before the indexes are built
        _build_indexes(driver, deferred)
        if not checked_row_by_row:
            driver.execute("PRAGMA ignore_check_constraints=OFF")
            if breaks_a_check(driver) or breaks_a_reference(driver):
                raise ForeignKeysNeeded
    finally:
        session.info.pop(LOADED_NAMES, None)
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
            broken = " OR ".join(f"NOT ({expression})" for expression in expressions)
            if driver.execute(f"SELECT EXISTS (SELECT 1 FROM {_quoted_name(name)} WHERE {broken})").fetchone()[0]:
                return True
    return False


def breaks_a_reference(driver: Any) -> bool:
    """Whether any row of the file names a row that is not there: `PRAGMA foreign_key_check`'s
    answer, asked once per value instead of once per row where an index of the child table begins
    with the reference's column (issue 19: the participants' 64,000 rows name 16,000 delegations,
    5,000 people and ~170 institutions; 43 → 15 ms at 2,000 dialogues). A reference of several
    columns, one to its parent's primary key unnamed, or one no index leads with is checked by the
    pragma, table by table. tests/db/test_reference_check.py holds it to the pragma."""
    for (table,) in driver.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
                                   "ORDER BY rowid").fetchall():
        quoted = _quoted_name(table)
        references: dict[int, list[tuple[str, str, str | None]]] = {}
        for number, _, parent, column, parent_column, *_ in driver.execute(f"PRAGMA foreign_key_list({quoted})"):
            references.setdefault(number, []).append((parent, column, parent_column))
        if not references:
            continue
        leading = {columns[0] for columns in (_index_columns(driver, index) for index in _index_names(driver, table))
                   if columns}
        by_value = [reference[0] for reference in references.values()
                    if len(reference) == 1 and reference[0][2] is not None and reference[0][1] in leading]
        if len(by_value) < len(references):
            if driver.execute(f"PRAGMA foreign_key_check({quoted})").fetchone() is not None:
                return True
            continue
        for parent, column, parent_column in by_value:
            named = _quoted_name(column)
            values = f"SELECT DISTINCT {named} AS v FROM {quoted} WHERE {named} IS NOT NULL"
            keys = f"SELECT {_quoted_name(str(parent_column))} FROM {_quoted_name(parent)}"
            if driver.execute(f"SELECT EXISTS (SELECT 1 FROM ({values}) WHERE v NOT IN ({keys}))").fetchone()[0]:
                return True
    return False


def _quoted_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _index_names(driver: Any, table: str) -> list[str]:
    return [row[1] for row in driver.execute(f"PRAGMA index_list({_quoted_name(table)})")]


def _index_columns(driver: Any, index: str) -> list[str | None]:
    """The index's columns in order (None for an expression)."""
    return [row[2] for row in driver.execute(f"PRAGMA index_info({_quoted_name(index)})")]


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
    # At FTS5's own `hashsize` (1 MiB): a rebuild gathering all its terms at once (64 MiB: ~35 ms
    # less at 2,000 dialogues) writes one segment at level 0, which the automerges of the saves
    # after it rewrite (the slowest of 60 saves 100-140 ms against 38-40 ms; round 12, reverted).
    for indexes, column in VOCABULARIES:
        for table in (indexes.trigrams, indexes.words):
            if table in fed:
                _index_in_rowid_order(driver, table, indexes.owner, column)
        if any(indexes.terms in sql for kind, _, sql in deferred if kind == "trigger"):
            _fill_vocabulary(driver, indexes.terms, indexes.owner, column)


def _index_in_rowid_order(driver: Any, table: str, owner: str, column: str) -> None:
    """FTS5's `'rebuild'` of an index over `owner.column`, its rows read in rowid order. The rebuild
    reads its content table without an ORDER BY, so SQLite scans the people through their covering
    index on `search_name` (`ix_people_search_name`), in name order: each row then comes with a
    rowid below the one before, and FTS5 writes what it holds to disk at each such row (issue 19,
    round 13: both people's indexes of 2,000 dialogues' 5,000 people 108 → 13 ms). The dialogues'
    were read in rowid order already (no index covers `search_text`) and take the same time.
    tests/services/test_bulk_loading.py holds each index, block for block, to the same index written
    again from its rows in rowid order."""
    driver.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    driver.execute(f"INSERT INTO {table} (rowid, {column}) SELECT rowid, {column} FROM {owner} ORDER BY rowid")


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


# The columns every record's top row has beside its mapped ones (`_top`), in their order.
TOP = ("id", "created_at", "deleted_at", "revision", "exchange_source", "exchange_imported_at",
       "exchange_updated_at", "edited_locally", "replica")
# A child row's own columns before its mapped ones: its id (if any), its parent's and its creation time.
OWNED = ("id", "dialogue_id", "created_at")


class _Writer:
    """The bound forms of what a batch's rows share (its creation time, the flags, each record's
    edit time), made once per batch: the rows are built with converted values. Every record
    table's `created_at` and `updated_at` are the one `UTCDateTime` (models.Stamped), so the
    children's times are bound as their dialogue's are."""

    def __init__(self, session: Session, model: type[m.Base], now: datetime) -> None:
        table = _table(model)
        dialect = session.connection().dialect
        self.updated = binding(table, dialect, "updated_at")
        self.now = binding(table, dialect, "created_at")[now]
        # `TOP` from created_at to edited_locally: a new record's bookkeeping, the same for every row
        self.top = (self.now, binding(table, dialect, "deleted_at")[None], 1, None,
                    binding(table, dialect, "exchange_imported_at")[None],
                    binding(table, dialect, "exchange_updated_at")[None],
                    binding(table, dialect, "edited_locally")[False])


def _top(writer: _Writer, new: NewRow) -> tuple[Any, ...]:
    """`TOP`'s values of a new person's or institution's row (no deletion time)."""
    return (new.record.id, *writer.top, new.replica)


def insert_people(session: Session, people: Sequence[NewRow], now: datetime) -> None:
    if not people:
        return
    writer = _Writer(session, m.PersonRow, now)
    updated = writer.updated
    rows: list[tuple[Any, ...]] = []
    names: list[tuple[Any, ...]] = []
    for new in people:
        person: r.Person = new.record
        if problems := person_problems(person):
            raise ValidationFailed(problems[0].message, problems)
        rows.append(_top(writer, new) + person_values(person, updated[new.updated_at]))
        names.extend((person.id, i, n) for i, n in enumerate(person.other_names))
        remember_loaded(session, person.id, (person.name, *person.other_names))
    _execute(session, m.PersonRow, TOP + PERSON_FIELDS, rows, (*TOP, "updated_at"))
    _execute(session, m.PersonOtherName, ("person_id", *NAME_FIELDS), names)


def insert_institutions(session: Session, institutions: Sequence[NewRow], now: datetime) -> None:
    if not institutions:
        return
    writer = _Writer(session, m.InstitutionRow, now)
    updated = writer.updated
    rows: list[tuple[Any, ...]] = []
    names: list[tuple[Any, ...]] = []
    for new in institutions:
        institution: r.Institution = new.record
        if problems := institution_problems(institution):
            raise ValidationFailed(problems[0].message, problems)
        rows.append(_top(writer, new) + institution_values(institution, updated[new.updated_at]))
        names.extend((institution.id, i, n) for i, n in enumerate(institution.other_names))
    _execute(session, m.InstitutionRow, TOP + INSTITUTION_FIELDS, rows, (*TOP, "updated_at"))
    _execute(session, m.InstitutionOtherName, ("institution_id", *NAME_FIELDS), names)


def insert_dialogues(session: Session, dialogues: Sequence[NewRow], now: datetime) -> None:
    """New dialogues with all their children; the people and institutions they name must exist
    (a merge's rule breaks are conflicts, so the dialogue rules are not checked here: `store`'s
    `check=False`). Each table's rows are tuples built in one pass over the records, the values
    its columns convert converted as they are built (`Bound`: the edit times, the creation time,
    the flags), the children's edit times once per dialogue (issue 19, round 8)."""
    if not dialogues:
        return
    records: list[r.Dialogue] = [new.record for new in dialogues]
    check_many_references(session, records)
    search_texts = SearchTexts(folded_names_of(session, {p.person_id for d in records
                                                         for g in d.delegations for p in g.participants}))
    dialect = session.connection().dialect
    writer = _Writer(session, m.DialogueRow, now)
    deleted = binding(_table(m.DialogueRow), dialect, "deleted_at")
    updated_of = writer.updated
    now_text = writer.now
    supported = binding(_table(m.DelegationRow), dialect, "programme_supported").__getitem__
    funded = binding(_table(m.ParticipantRow), dialect, "programme_funded").__getitem__
    top = writer.top[2:]
    values: dict[str, list[tuple[Any, ...]]] = {field: [] for field, _ in DIALOGUE_VALUES}
    dialogue_rows: list[tuple[Any, ...]] = []
    agenda: list[tuple[Any, ...]] = []
    actions: list[tuple[Any, ...]] = []
    delegations: list[tuple[Any, ...]] = []
    participants: list[tuple[Any, ...]] = []
    for new in dialogues:
        d: r.Dialogue = new.record
        dialogue_id = d.id
        updated = updated_of[new.updated_at]
        dialogue_rows.append((dialogue_id, now_text, deleted[d.deleted_at], *top, new.replica,
                              *dialogue_values(d, updated), search_texts(d)))
        for field, _ in DIALOGUE_VALUES:
            if held := getattr(d, field):
                values[field].extend((dialogue_id, i, v) for i, v in enumerate(held))
        for i, item in enumerate(d.agenda):
            agenda.append((item.id or r.new_id(), dialogue_id, now_text, *agenda_values(item, i, updated)))
        for i, action in enumerate(d.actions):
            actions.append((action.id or r.new_id(), dialogue_id, now_text, *action_values(action, i, updated)))
        for i, g in enumerate(d.delegations):
            delegation_id = g.id
            delegations.append((delegation_id, dialogue_id, now_text, *delegation_values(g, i, updated, supported)))
            for j, p in enumerate(g.participants):
                participants.append((p.id, delegation_id, now_text, *participant_values(p, j, updated, funded)))
    owned = ("created_at", "updated_at")
    # parents first: the foreign keys are checked row by row
    _execute(session, m.DialogueRow, (*TOP, *DIALOGUE_FIELDS, "search_text"), dialogue_rows,
             ("created_at", "deleted_at", *TOP[3:], "updated_at"))
    for field, model in DIALOGUE_VALUES:
        _execute(session, model, ("dialogue_id", *NAME_FIELDS), values[field])
    _execute(session, m.AgendaItemRow, OWNED + AGENDA_FIELDS, agenda, owned)
    _execute(session, m.ActionRow, OWNED + ACTION_FIELDS, actions, owned)
    _execute(session, m.DelegationRow, OWNED + DELEGATION_FIELDS, delegations, (*owned, "programme_supported"))
    _execute(session, m.ParticipantRow, ("id", "delegation_id", "created_at", *PARTICIPANT_FIELDS), participants,
             (*owned, "programme_funded"))
