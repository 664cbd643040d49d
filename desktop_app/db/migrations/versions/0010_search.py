"""Search that never scans (issue 19): short words, and the People page, from indexes.

The trigram index of migration 0004 finds words of three characters or more; a word of one or two
characters ("KZ", "ЕС", a name's first letters while it is typed) fell back to reading every
dialogue's text (~350 ms at 100,000 dialogues), and the People page read every person's folded
names for every search.

- `dialogue_words`: an FTS5 index of the *words* of the same folded text (`unicode61` over what
  `domain/search.fold` wrote — lower-case ASCII letters and digits between spaces), with prefix
  indexes of one and two characters, so a one- or two-character word is looked up as "a word that
  begins with it". It stores no positions (`detail=none`): nothing asks for phrases there.
- `people_search` and `people_words`: the same two indexes over `people.search_name` (every
  spelling of the person, folded) for the People page, the person completion and the registration
  matching.

Like 0004's, these indexes keep no copy of the text (external content) and triggers keep them in
step with every write, whichever code path writes. Existing databases get them filled here
('rebuild'), from the texts 0007_names folded.

Revision ID: 0010_search
Revises: 0009_text_repair
Create Date: 2026-12-02 01:10:00
"""

from __future__ import annotations

from alembic import op

revision = '0010_search'
down_revision = '0009_text_repair'
branch_labels = None
depends_on = None

WORDS = "tokenize='unicode61 remove_diacritics 0', prefix='1 2', detail=none, columnsize=0"
TRIGRAMS = "tokenize='trigram case_sensitive 1'"
# (index, table, column, tokenizer options)
INDEXES = (("dialogue_words", "dialogues", "search_text", WORDS),
           ("people_search", "people", "search_name", TRIGRAMS),
           ("people_words", "people", "search_name", WORDS))


def _triggers(index: str, table: str, column: str) -> list[tuple[str, str]]:
    delete_old = f"INSERT INTO {index} ({index}, rowid, {column}) VALUES ('delete', old.rowid, old.{column});"
    insert_new = f"INSERT INTO {index} (rowid, {column}) VALUES (new.rowid, new.{column});"
    return [(f"{index}_insert", f"AFTER INSERT ON {table} BEGIN {insert_new} END"),
            (f"{index}_delete", f"AFTER DELETE ON {table} BEGIN {delete_old} END"),
            (f"{index}_update", f"AFTER UPDATE OF {column} ON {table} BEGIN {delete_old} {insert_new} END")]


def upgrade() -> None:
    for index, table, column, options in INDEXES:
        op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5({column}, content='{table}', content_rowid='rowid', "
                   f"{options})")
        op.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
        for name, body in _triggers(index, table, column):
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for index, table, column, _ in reversed(INDEXES):
        for name, _body in _triggers(index, table, column):
            op.execute(f"DROP TRIGGER {name}")
        op.execute(f"DROP TABLE {index}")
