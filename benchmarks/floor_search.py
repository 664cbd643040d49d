"""The plain floor of a search (issue 19): what a programmer with nothing but `sqlite3` and FTS5
would write — a minimal table of the dialogues still current (rowid, date, title, folded text), an
FTS5 trigram index over the text for words of three characters or more, an FTS5 word index with
one- and two-character prefixes for shorter words, and one query for a page of 200 by date and
one for the total. The same for the People page (500 people by name, with their meeting counts).

No trash, no replication columns, no triggers, no ORM: the program's list and People page are
measured against this. The floor database is built once from a benchmark database (same folded
texts, so both find the same rows) and kept beside it.

    .venv/bin/python benchmarks/floor_search.py DATABASE "кыргызстан"
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHORTER_THAN_A_TRIGRAM = 3
WORDS = "tokenize='unicode61 remove_diacritics 0', prefix='1 2', detail=none"


def floor_path(source: Path) -> Path:
    return source.with_name(source.stem + "-floor-search.sqlite3")


def build_floor(source: Path) -> Path:
    """The minimal search database made from `source`'s current dialogues and people (once)."""
    target = floor_path(source)
    ready = target.with_suffix(".ready")
    if target.exists() and ready.exists():
        return target
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target.as_uri(), isolation_level=None, uri=True)
    try:
        connection.execute("ATTACH DATABASE ? AS source", (f"{source.resolve().as_uri()}?mode=ro",))
        connection.executescript(f"""
            BEGIN;
            CREATE TABLE d (id INTEGER PRIMARY KEY, start_date TEXT, title TEXT, text TEXT);
            INSERT INTO d SELECT rowid, start_date, title, search_text FROM source.dialogues
                WHERE deleted_at IS NULL;
            CREATE INDEX d_date ON d (start_date, id);
            CREATE VIRTUAL TABLE d_trigrams USING fts5(text, content='d', content_rowid='id',
                tokenize='trigram case_sensitive 1');
            INSERT INTO d_trigrams (d_trigrams) VALUES ('rebuild');
            CREATE VIRTUAL TABLE d_words USING fts5(text, content='d', content_rowid='id', {WORDS});
            INSERT INTO d_words (d_words) VALUES ('rebuild');
            CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT, text TEXT);
            INSERT INTO p SELECT rowid, name, search_name FROM source.people WHERE deleted_at IS NULL;
            CREATE INDEX p_name ON p (name, id);
            CREATE TABLE pp (person INTEGER);
            INSERT INTO pp SELECT people.rowid FROM source.participants
                JOIN source.people ON people.id = participants.person_id;
            CREATE INDEX pp_person ON pp (person);
            CREATE VIRTUAL TABLE p_trigrams USING fts5(text, content='p', content_rowid='id',
                tokenize='trigram case_sensitive 1');
            INSERT INTO p_trigrams (p_trigrams) VALUES ('rebuild');
            CREATE VIRTUAL TABLE p_words USING fts5(text, content='p', content_rowid='id', {WORDS});
            INSERT INTO p_words (p_words) VALUES ('rebuild');
            COMMIT;
        """)
        connection.execute("DETACH DATABASE source")
    finally:
        connection.close()
    ready.touch()
    return target


def _matches(prefix: str, words: list[str]) -> tuple[str, list[str]]:
    """`rowid IN (…)` for the trigram and word indexes the words need, and their arguments."""
    conditions, arguments = [], []
    long = [w for w in words if len(w) >= SHORTER_THAN_A_TRIGRAM]
    short = [w for w in words if len(w) < SHORTER_THAN_A_TRIGRAM]
    if long:
        conditions.append(f"rowid IN (SELECT rowid FROM {prefix}_trigrams WHERE {prefix}_trigrams MATCH ?)")
        arguments.append(" AND ".join(f'"{w}"' for w in long))
    if short:
        conditions.append(f"rowid IN (SELECT rowid FROM {prefix}_words WHERE {prefix}_words MATCH ?)")
        arguments.append(" AND ".join(f'"{w}"*' for w in short))
    return " AND ".join(conditions) or "1", arguments


def floor_list_search(connection: sqlite3.Connection, words: list[str]) -> int:
    """A page of 200 dialogues by date (newest first) holding every folded word, and their total."""
    where, arguments = _matches("d", words)
    rows = connection.execute(f"SELECT id, start_date, title FROM d WHERE {where} "
                              "ORDER BY start_date DESC, id DESC LIMIT 200", arguments).fetchall()
    total = connection.execute(f"SELECT count(*) FROM d WHERE {where}", arguments).fetchone()[0]
    return len(rows) + total


def floor_people_search(connection: sqlite3.Connection, words: list[str]) -> int:
    """The first 500 people by name holding every folded word (the People page's cut), with the
    number of meetings each attended (a column of the page)."""
    where, arguments = _matches("p", words)
    return len(connection.execute(f"SELECT id, name, (SELECT count(*) FROM pp WHERE person = p.id) FROM p "
                                  f"WHERE {where} ORDER BY name, id LIMIT 500", arguments).fetchall())


def main(argv: list[str]) -> int:
    from desktop_app.domain.search import query_words

    source, query = Path(argv[0]), argv[1]
    connection = sqlite3.connect(build_floor(source))
    words = query_words(query)
    for name, action in (("list", floor_list_search), ("people", floor_people_search)):
        started = time.perf_counter()
        found = action(connection, words)
        print(f"{name}: {found} ({(time.perf_counter() - started) * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
