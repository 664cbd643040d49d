"""A trigram full-text index over the dialogues' search text (issue 7: search under 100 ms), and
the people page's order `(deleted_at, name, id)` (it sorted every person to show 500).

`LIKE '%word%'` reads every dialogue's search text (0.4-1.6 s at 100,000 dialogues). An FTS5
table with the trigram tokenizer answers the same question — is this folded word a substring of
the folded search text? — from an index, for words of three characters or more. The text is
folded in Python before it is stored and before it is searched (`domain/search.py`: Cyrillic and
other non-ASCII letters too, which SQLite's own folding does not know), so the tokenizer is told
to compare exactly (`case_sensitive 1`).

The index holds no copy of the text (external content: `dialogues.search_text`), and triggers keep
it in step with every insert, update and delete, whichever code path writes (ORM, Core bulk
inserts, a merge refreshing search texts).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 02:10:00
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

DELETE_OLD = ("INSERT INTO dialogue_search (dialogue_search, rowid, search_text) "
              "VALUES ('delete', old.rowid, old.search_text);")
INSERT_NEW = "INSERT INTO dialogue_search (rowid, search_text) VALUES (new.rowid, new.search_text);"


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE dialogue_search USING fts5(search_text, content='dialogues', "
               "content_rowid='rowid', tokenize='trigram case_sensitive 1')")
    op.execute("INSERT INTO dialogue_search (dialogue_search) VALUES ('rebuild')")
    op.execute(f"CREATE TRIGGER dialogues_search_insert AFTER INSERT ON dialogues BEGIN {INSERT_NEW} END")
    op.execute(f"CREATE TRIGGER dialogues_search_delete AFTER DELETE ON dialogues BEGIN {DELETE_OLD} END")
    op.execute("CREATE TRIGGER dialogues_search_update AFTER UPDATE OF search_text ON dialogues "
               f"BEGIN {DELETE_OLD} {INSERT_NEW} END")
    op.execute("CREATE INDEX ix_people_list_name ON people (deleted_at, name, id)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_people_list_name")
    for trigger in ("dialogues_search_update", "dialogues_search_delete", "dialogues_search_insert"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE dialogue_search")
