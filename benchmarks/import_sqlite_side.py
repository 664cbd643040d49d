"""SQLite's own share of a bundle import, apart from the Python around it (issue 19, round 6).

The program's import is run once into an empty database while the bulk writer's `executemany`
calls are recorded (statement and rows); the rows are then inserted again, with nothing else, into
a copy of the empty file, the way `bulk_writing.loading` does it — plain indexes and search
triggers dropped first and built after the rows — and the CPU time of each step is printed. With
`--variants` a load can be tried another way without touching the program (a comma-separated list
per run; several runs alternate):

- `fk`: SQLite's row-by-row foreign keys on (round 5); without it they are off and
  `PRAGMA foreign_key_check` runs before the commit (round 6).
- `oldterms`: the search vocabularies' triggers row by row (round 5) instead of one fill.
- `pksort`: each `executemany` of participants and delegations in primary-key order; `pksortall`:
  all of each table's rows in that order (round 7).
- `delete`: the rollback journal instead of WAL during the load.
- `memtemp`, `mmap`: `temp_store=MEMORY`, a 1 GB `mmap_size`; `cache1g`: a 1 GB page cache.
- `hashsize`: each FTS index rebuilt with 64 MB of pending terms before a flush (FTS5's `hashsize`;
  1 MB by default: a rebuild writes many segments and merges them) (round 7).
- `insel`: each FTS index filled by INSERT ... SELECT instead of `'rebuild'`; `optimize`: merged after.
(Round 6's `uniqafter` — participants without their primary-key constraint, a unique index on `id`
built after the rows — is the program's own way since migration 0014_import_participant_keys.)

    python benchmarks/import_sqlite_side.py 2000 --variants "fk,oldterms" "" --repeats 3
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

from benchmarks import generate
from benchmarks.run import program_import
from desktop_app.db import bulk_writing
from desktop_app.db.opening import open_database

Calls = list[tuple[str, list[tuple[Any, ...]]]]


@contextmanager
def _recording(calls: Calls) -> Iterator[None]:
    """The bulk writer's driver connection, its cursors' `executemany` recorded."""

    class Cursor:
        def __init__(self, cursor: Any) -> None:
            self.cursor = cursor

        def executemany(self, statement: str, rows: Any) -> Any:
            rows = list(rows)
            calls.append((statement, rows))
            return self.cursor.executemany(statement, rows)

        def close(self) -> None:
            self.cursor.close()

    class Driver:
        def __init__(self, driver: Any) -> None:
            self.driver = driver

        def cursor(self) -> Cursor:
            return Cursor(self.driver.cursor())

        def __getattr__(self, name: str) -> Any:
            return getattr(self.driver, name)

    real = bulk_writing._driver
    bulk_writing._driver = lambda session: Driver(real(session))  # type: ignore[assignment]
    try:
        yield
    finally:
        bulk_writing._driver = real  # type: ignore[assignment]


def record(dialogues: int, work: Path) -> tuple[Path, Calls]:
    """An empty database and the rows the program's import of `dialogues` inserts into it."""
    empty = work / "empty.sqlite3"
    open_database(empty).close()
    stored = work / f"calls-{dialogues}.pickle"
    if stored.exists():
        with stored.open("rb") as stream:
            return empty, pickle.load(stream)  # our own recording
    bundle = generate.write_bundle(work / f"bundle-{dialogues}.json", dialogues, seed=7)
    target = work / "recorded.sqlite3"
    shutil.copyfile(empty, target)
    calls: Calls = []
    with _recording(calls), redirect_stdout(StringIO()):
        program_import(bundle, target)
    with stored.open("wb") as stream:
        pickle.dump(calls, stream)
    return empty, calls


def _vocabularies(db: sqlite3.Connection) -> None:
    for indexes, column in bulk_writing.VOCABULARIES:
        bulk_writing._fill_vocabulary(db, indexes.terms, indexes.owner, column)


def _sorted_across_calls(calls: Calls, tables: tuple[str, ...]) -> Calls:
    """Each of these tables' rows (all its calls together) in primary-key order, cut into calls of
    the bulk writer's size at the place of the table's first call."""
    gathered: dict[str, list[tuple[Any, ...]]] = {}
    statements: dict[str, str] = {}
    for sql, rows in calls:
        if (name := sql.split()[2]) in tables:
            gathered.setdefault(name, []).extend(rows)
            statements[name] = sql
    result: Calls = []
    for sql, rows in calls:
        name = sql.split()[2]
        if name not in tables:
            result.append((sql, rows))
        elif name in gathered:
            every = sorted(gathered.pop(name))
            size = bulk_writing.ROWS_PER_EXECUTE
            result.extend((statements[name], every[start:start + size]) for start in range(0, len(every), size))
    return result


def load(empty: Path, calls: Calls, variants: set[str], target: Path) -> dict[str, float]:
    """The rows inserted again into a copy of `empty`; CPU seconds of each step."""
    if "pksort" in variants:
        calls = [(sql, sorted(rows) if sql.split()[2] in ("participants", "delegations") else rows)
                 for sql, rows in calls]
    if "pksortall" in variants:
        calls = _sorted_across_calls(calls, ("participants", "delegations"))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(empty, target)
    spent: dict[str, float] = {}
    started = [time.process_time()]

    def lap(step: str) -> None:
        now = time.process_time()
        spent[step] = now - started[0]
        started[0] = now

    db = sqlite3.connect(target, isolation_level=None)
    db.execute(f"PRAGMA foreign_keys={'ON' if 'fk' in variants else 'OFF'}")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    if "delete" in variants:
        db.execute("PRAGMA journal_mode=DELETE")
    if "memtemp" in variants:
        db.execute("PRAGMA temp_store=MEMORY")
    if "mmap" in variants:
        db.execute("PRAGMA mmap_size=1000000000")
    cache = bulk_writing.LOADING_CACHE_KIB * (4 if "cache1g" in variants else 1)
    db.execute(f"PRAGMA cache_size=-{cache}")
    db.execute("BEGIN IMMEDIATE")
    deferred = bulk_writing.deferred_schema(db, unique="fk" not in variants)
    if "oldterms" in variants:
        deferred = [item for item in deferred if not any(t in item[2] for t in bulk_writing._vocabularies())]
    for kind, name, _ in deferred:
        db.execute(f'DROP {kind.upper()} "{name}"')
    lap("open")
    for sql, rows in calls:
        db.executemany(sql, rows)
    lap("rows")
    for kind, _, sql in deferred:
        if kind == "index":
            db.execute(sql)
    lap("indexes")
    for kind, _, sql in deferred:
        if kind == "trigger":
            db.execute(sql)
    for table in bulk_writing._search_tables():
        if "insel" in variants:
            owner, column = ("dialogues", "search_text") if table.startswith("dialogue") else ("people", "search_name")
            db.execute(f"INSERT INTO {table} (rowid, {column}) SELECT rowid, {column} FROM {owner}")
        else:
            if "hashsize" in variants:
                db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', {64 * 1024 * 1024})")
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
        if "optimize" in variants:
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    lap("search indexes")
    if "oldterms" not in variants:
        _vocabularies(db)
    lap("vocabularies")
    if "fk" not in variants:
        assert db.execute("PRAGMA foreign_key_check").fetchone() is None
    lap("foreign key check")
    db.execute("COMMIT")
    if "delete" in variants:
        db.execute("PRAGMA journal_mode=WAL")
    db.close()
    lap("commit and close")
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dialogues", type=int)
    parser.add_argument("--variants", nargs="+", default=["fk,oldterms", ""])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the recording here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        empty, calls = record(args.dialogues, work)
        for _ in range(args.repeats):
            for variants in args.variants:
                spent = load(empty, calls, set(filter(None, variants.split(","))), work / "load.sqlite3")
                print(f"{variants or 'as the program'}: {sum(spent.values()):.2f} s CPU | "
                      + " ".join(f"{step} {seconds:.2f}" for step, seconds in spent.items()), flush=True)


if __name__ == "__main__":
    main()
