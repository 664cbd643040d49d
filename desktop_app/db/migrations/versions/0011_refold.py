"""Fold the stored search texts again: й written "j" or "i" now folds as "y" does (issue 16).

`domain/search.fold` now reads "j" after a vowel and before a consonant or the end of a word as й
("Bojko" = «Бойко», and the ж of «Мажлис» with it: both "mailis"), and "i" before "o" at the start
of a word or after a vowel as й ("Ioldoshev" = «Йолдошев»). Texts folded by the older program
keep "bojko" and "ioldoshev", which the new folding of a query never produces, so they are folded
again here:

- `people.search_name` exactly, from each person's name and other names (as 0007_names did);
- `dialogues.search_text` line by line (each line is one folded part of the dialogue: its title, a
  topic, a participant's name…). Only a line holding "j" or "io" can fold otherwise, so only such
  lines are folded again, and only rows whose text changes are written. Folding the old folding
  again gives the new folding of the original on every real name and title tried (the spelling
  tables, the sample records, the reference lists, the program's texts).

The search indexes (0004's trigram index, 0010_search's word indexes) follow through their update
triggers: the indexes are refilled, not rebuilt or doubled. One executemany per table.

Revision ID: 0011_refold
Revises: 0010_exchange
Create Date: 2026-12-02 04:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.domain.search import fold, fold_all

revision = '0011_refold'
down_revision = '0010_exchange'
branch_labels = None
depends_on = None


def _refolded(text: str) -> str:
    return "\n".join(fold(line) if ("j" in line or "io" in line) else line for line in text.split("\n"))


def upgrade() -> None:
    connection = op.get_bind()
    others: dict[str, list[str]] = {}
    for person_id, name in connection.execute(sa.text(
            "SELECT person_id, name FROM person_other_names ORDER BY person_id, sort_order")):
        others.setdefault(person_id, []).append(name)
    people = [{"id": person_id, "text": folded}
              for person_id, name, stored in connection.execute(sa.text("SELECT id, name, search_name FROM people"))
              if (folded := fold_all((name, *others.get(person_id, ())))) != stored]
    if people:
        connection.execute(sa.text("UPDATE people SET search_name = :text WHERE id = :id"), people)
    dialogues = [{"rowid": rowid, "text": folded}
                 for rowid, stored in connection.execute(sa.text(
                     "SELECT rowid, search_text FROM dialogues WHERE search_text LIKE '%j%' OR search_text LIKE '%io%'"))
                 if (folded := _refolded(stored or "")) != stored]
    if dialogues:
        connection.execute(sa.text("UPDATE dialogues SET search_text = :text WHERE rowid = :rowid"), dialogues)


def downgrade() -> None:
    """The older folding cannot be recovered from the new one; the texts stay (an older program
    still finds every word that holds no й written j or i)."""
