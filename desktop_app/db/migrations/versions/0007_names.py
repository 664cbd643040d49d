"""Fold the stored search texts again with the one folding of names (issue 16).

`people.search_name` and `dialogues.search_text` hold text folded at save time; the folding now
brings Cyrillic and Latin spellings to one form (`domain/search.fold`: «Нурланов» and "Nurlanov"
both "nurlanov"), so the stored texts are folded again. The old folding (case, ё→е) is undone by
the new one, so each stored line is folded again as it is — no dialogue needs to be read whole.
The trigram index (0004) follows through its update trigger: one index, refilled, not a second.
A person's name and other spellings are read from their own tables.

Institutions get other names (`institution_other_names`: the Russian and English names of one
ministry, earlier names), as bundle v2's `other_names` of an institution.

Revision ID: 0007_names
Revises: 0006 (written against 0004; chained after main's 0005 when merging it)
Create Date: 2026-12-01 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.domain.search import fold, fold_all

revision = '0007_names'
down_revision = '0006'
branch_labels = None
depends_on = None

CHUNK = 2000


def upgrade() -> None:
    op.create_table(
        'institution_other_names',
        sa.Column('institution_id', sa.String(length=36), nullable=False),
        sa.Column('sort_order', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'],
                                name=op.f('fk_institution_other_names_institution_id_institutions'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('institution_id', 'sort_order', name=op.f('pk_institution_other_names')))
    connection = op.get_bind()
    others: dict[str, list[str]] = {}
    for person_id, name in connection.execute(sa.text(
            "SELECT person_id, name FROM person_other_names ORDER BY person_id, sort_order")):
        others.setdefault(person_id, []).append(name)
    people = [{"id": person_id, "text": fold_all((name, *others.get(person_id, ())))}
              for person_id, name in connection.execute(sa.text("SELECT id, name FROM people"))]
    for start in range(0, len(people), CHUNK):
        connection.execute(sa.text("UPDATE people SET search_name = :text WHERE id = :id"),
                           people[start:start + CHUNK])
    dialogues = [{"rowid": rowid, "text": "\n".join(fold(line) for line in (text or "").split("\n") if fold(line))}
                 for rowid, text in connection.execute(sa.text("SELECT rowid, search_text FROM dialogues"))]
    for start in range(0, len(dialogues), CHUNK):
        connection.execute(sa.text("UPDATE dialogues SET search_text = :text WHERE rowid = :rowid"),
                           dialogues[start:start + CHUNK])


def downgrade() -> None:
    """The old folding cannot be recovered from the new one; the texts stay (both fold queries alike
    enough that an older program still finds most words)."""
    op.drop_table('institution_other_names')
