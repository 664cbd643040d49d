"""Fields a newer program wrote at the top of a bundle (issue 15, docs/exchange.md "Growing the
format"): kept, one value a name, and written into every export, so that an older program passes on
what it cannot read. Nothing stored before changes.

Revision ID: 0010_exchange
Revises: 0010_search
Create Date: 2026-12-02 01:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_exchange'
down_revision = '0010_search'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'bundle_fields',
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_bundle_fields')),
    )


def downgrade() -> None:
    op.drop_table('bundle_fields')
