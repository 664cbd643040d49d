"""Search without the trigram phrase walk (issue 19): a vocabulary of the folded words.

A word of three characters or more is found anywhere in a word of the text (`domain.search.
text_matches`). The trigram index of 0004 answers that as a phrase of trigrams, checking
positions in every matching document: ~80 ms for "tokaibekova" at 100,000 dialogues, and a
two-name search could not be made to fit 50 ms. The word index of 0010_search (no positions)
answers a whole word in ~1 ms. What joins the two is the list of the words themselves:

- `dialogue_terms` and `people_terms`: every word (`unicode61` token) of `dialogues.search_text`
  and `people.search_name`, once. A typed word becomes the OR of the stored words holding it, looked
  up in the word index (`db/search_index.planned_queries`): exactly the documents holding it.
- Triggers add the words of each inserted or changed text (split on the spaces and line breaks that
  are the only separators a folded text holds; `json_each` does the splitting, as a trigger may not
  use a recursive query). Words are never removed: a word no text holds any longer finds nothing,
  which costs nothing. Whichever code path writes a text (the form, the import's bulk writer, a
  rename's refresh, a migration), its words are added.
- Filled here from the word indexes' own vocabularies (`fts5vocab`), ~1 s at 100,000 dialogues.

And `ix_dialogues_series_title`: a series sorted by title. A title holds its series' name, so the
titles of one series lie together in the title index: walking it for one series read most of the
others first (~400 ms at 100,000 dialogues), and sorting the series' 9,000 dialogues took ~50 ms.

Revision ID: 0012_search_speed
Revises: 0011_refold
Create Date: 2026-12-02 07:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0012_search_speed'
down_revision = '0011_refold'
branch_labels = None
depends_on = None

# (vocabulary, owner table, folded column, word index)
VOCABULARIES = (("dialogue_terms", "dialogues", "search_text", "dialogue_words"),
                ("people_terms", "people", "search_name", "people_words"))


def split_words(value: str) -> str:
    """SQL: the words of a folded text as a JSON array for `json_each` (a quote, a backslash, a tab or
    a carriage return, which a folded text never holds, cannot break it; anything else that would
    makes the array empty rather than fail the write)."""
    escaped = (f"replace(replace(replace(replace({value}, '\\', '\\\\'), '\"', '\\\"'), char(9), ' '), "
               "char(13), ' ')")
    array = f"""'["' || replace(replace({escaped}, ' ', '","'), char(10), '","') || '"]'"""
    return f"json_each(CASE WHEN json_valid({array}) THEN {array} ELSE '[]' END)"


def _triggers(terms: str, table: str, column: str) -> list[tuple[str, str]]:
    add = f"INSERT OR IGNORE INTO {terms} (term) SELECT value FROM {split_words('new.' + column)} WHERE value <> '';"
    return [(f"{terms}_insert", f"AFTER INSERT ON {table} BEGIN {add} END"),
            (f"{terms}_update", f"AFTER UPDATE OF {column} ON {table} BEGIN {add} END")]


def upgrade() -> None:
    for terms, table, column, words in VOCABULARIES:
        op.execute(f"CREATE TABLE {terms} (term TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID")
        op.execute(f"CREATE VIRTUAL TABLE temp.{words}_vocabulary USING fts5vocab(main, {words}, row)")
        op.execute(f"INSERT INTO {terms} (term) SELECT term FROM temp.{words}_vocabulary")
        op.execute(f"DROP TABLE temp.{words}_vocabulary")
        for name, body in _triggers(terms, table, column):
            op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("CREATE INDEX ix_dialogues_series_title ON dialogues (deleted_at, series, title, id)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_dialogues_series_title")
    for terms, table, column, _ in reversed(VOCABULARIES):
        for name, _body in _triggers(terms, table, column):
            op.execute(f"DROP TRIGGER {name}")
        op.execute(f"DROP TABLE {terms}")
