"""Delegations as protocol knows them (bundle v2): every role, a participation status per person,
funding per person; actions that can be carried over to a later dialogue; the programme's details
(sender, letterhead, contact, logo) for the documents and reports, stored with the records.

Records already stored keep their meaning: every participant attended, and a participant is
programme-funded when its delegation was programme-supported (bundle v2's rule for version 1 data).
Actions, whose ids were minted anew in each database until now, take the ids bundle v2 derives from
their dialogue's id and position, so that every database holding the same record agrees on them.
The two tables are copied (batch mode) because SQLite cannot change a CHECK constraint in place;
nothing refers to their rows, so the copy drops no foreign key of another table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op

from desktop_app.domain.records import derived_action_id

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

ROLES = ('head', 'deputy_head', 'alternate', 'adviser', 'expert', 'interpreter', 'observer', 'member')
STATUSES = ('invited', 'confirmed', 'attended', 'absent', 'cancelled')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    with warnings.catch_warnings():
        # reflecting the copied tables' neighbours notes the expression index of 0003 it skips
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        _upgrade()


def _upgrade() -> None:
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_participants_role_allowed'), type_='check')
        batch_op.alter_column('role', type_=sa.String(length=11), existing_nullable=False)
        batch_op.add_column(sa.Column('status', sa.String(length=9), server_default='attended', nullable=False))
        batch_op.add_column(sa.Column('programme_funded', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_check_constraint(op.f('ck_participants_role_allowed'), _in('role', ROLES))
        batch_op.create_check_constraint(op.f('ck_participants_status_allowed'), _in('status', STATUSES))
    op.execute("UPDATE participants SET programme_funded = 1 WHERE delegation_id IN "
               "(SELECT id FROM delegations WHERE programme_supported)")

    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_actions_status_allowed'), type_='check')
        batch_op.alter_column('status', type_=sa.String(length=7), existing_nullable=False)
        batch_op.add_column(sa.Column('carried_from', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('done_on', sa.Date(), nullable=True))
        batch_op.create_check_constraint(op.f('ck_actions_status_allowed'), _in('status', ('open', 'done', 'carried')))
    op.create_table('programme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('sender', sa.String(length=500), nullable=False),
    sa.Column('letterhead', sa.Text(), nullable=False),
    sa.Column('reference_pattern', sa.String(length=100), nullable=False),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('disclaimer', sa.String(length=500), nullable=False),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_type', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_programme_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme'))
    )
    # sort_order is the action's 0-based position in its dialogue (db.mapping.sync_by_position)
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, dialogue_id, sort_order FROM actions")).fetchall()
    renames = [{"old": id_, "new": derived_action_id(dialogue_id, position)} for id_, dialogue_id, position in rows]
    if renames:
        connection.execute(sa.text("UPDATE actions SET id = :new WHERE id = :old"), renames)


def downgrade() -> None:
    op.drop_table('programme')
    op.execute("UPDATE actions SET status = 'done' WHERE status = 'carried'")
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_actions_status_allowed'), type_='check')
        batch_op.drop_column('done_on')
        batch_op.drop_column('carried_from')
        batch_op.alter_column('status', type_=sa.String(length=4), existing_nullable=False)
        batch_op.create_check_constraint(op.f('ck_actions_status_allowed'), _in('status', ('open', 'done')))
    op.execute("UPDATE participants SET role = 'member' WHERE role != 'head'")
    op.execute("DELETE FROM participants WHERE status != 'attended'")
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_participants_status_allowed'), type_='check')
        batch_op.drop_constraint(op.f('ck_participants_role_allowed'), type_='check')
        batch_op.drop_column('programme_funded')
        batch_op.drop_column('status')
        batch_op.alter_column('role', type_=sa.String(length=6), existing_nullable=False)
        batch_op.create_check_constraint(op.f('ck_participants_role_allowed'), _in('role', ('head', 'member')))
