"""Exchange as replication (docs/exchange.md): the database's own id, each record's replication
state (version vector, the dot of each field, waiting conflicts) and tombstones for deletions and
merges, so that they travel.

Records already stored have no state yet: they read as one edit named by their content (legacy),
and get their state at their next edit or import. Nothing is rewritten, so the upgrade is instant.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'database_identity',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('database_id', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=True),
        sa.CheckConstraint('id = 1', name=op.f('ck_database_identity_single_row')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_database_identity')),
    )
    op.create_table(
        'tombstones',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=False),
        sa.Column('for_good', sa.Boolean(), nullable=False),
        sa.Column('merged_into', sa.String(length=36), nullable=True),
        sa.Column('version', sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('dialogue', 'person', 'institution')", name=op.f('ck_tombstones_kind_allowed')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tombstones')),
    )
    for table in ('people', 'institutions', 'dialogues'):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('replica', sa.Text(), nullable=True))
    # Agenda items, whose ids were minted anew in each database, take ids derived from their
    # dialogue and position (as 0005 did for actions and as a version 1 bundle's are read), so that
    # databases holding the same record from the old exchange agree on it (docs/exchange.md).
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, dialogue_id FROM agenda_items ORDER BY dialogue_id, sort_order, id"))
    position: dict[str, int] = {}
    renames = []
    for item_id, dialogue_id in rows:
        index = position.get(dialogue_id, 0)
        position[dialogue_id] = index + 1
        renames.append({"old": item_id, "new": str(uuid.uuid5(uuid.UUID(dialogue_id), f"agenda/{index}"))})
    for rename in renames:
        connection.execute(sa.text("UPDATE agenda_items SET id = :new WHERE id = :old"), rename)


def downgrade() -> None:
    for table in ('people', 'institutions', 'dialogues'):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('replica')
    op.drop_table('tombstones')
    op.drop_table('database_identity')
