"""Exchange state per record and the conflicts waiting for the officer.

People, institutions and dialogues get four columns: the source and time of the last import, the
`updated_at` the record had then (`exchange_updated_at`), and whether it was edited locally since.
Records already in the file are taken as in step with the other side at the upgrade: their
`exchange_updated_at` is their current `updated_at` and they count as not edited locally, which
is what the program before this version assumed (newer wins).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

TABLES = ('people', 'institutions', 'dialogues')


def upgrade() -> None:
    for table in TABLES:
        # plain ALTER TABLE ADD COLUMN: a batch copy would have to drop tables other rows refer to
        op.add_column(table, sa.Column('exchange_source', sa.String(length=200), nullable=True))
        op.add_column(table, sa.Column('exchange_imported_at', sa.DateTime(), nullable=True))
        op.add_column(table, sa.Column('exchange_updated_at', sa.DateTime(), nullable=True))
        op.add_column(table, sa.Column('edited_locally', sa.Boolean(), server_default=sa.false(), nullable=False))
        op.execute(f"UPDATE {table} SET exchange_updated_at = updated_at")

    op.create_table('exchange_conflicts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_kind', sa.String(length=12), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('incoming', sa.Text(), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("record_kind IN ('dialogue', 'person', 'institution')",
                       name=op.f('ck_exchange_conflicts_record_kind_allowed')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_conflicts'))
    )
    with op.batch_alter_table('exchange_conflicts', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_conflicts_open', ['resolved_at', 'record_kind', 'record_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('exchange_conflicts', schema=None) as batch_op:
        batch_op.drop_index('ix_exchange_conflicts_open')
    op.drop_table('exchange_conflicts')
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('edited_locally')
            batch_op.drop_column('exchange_updated_at')
            batch_op.drop_column('exchange_imported_at')
            batch_op.drop_column('exchange_source')
