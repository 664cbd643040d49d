"""Initial schema: dialogues, delegations, participants, people, institutions, and ISO 3166 codes.

The country codes are frozen here (not read from resources/) so that this migration gives the same
schema forever; later changes to the list come as new migrations.

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 09:52:27.193330
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

ISO_3166_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
""".split()


def upgrade() -> None:

    op.create_table('countries',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_countries'))
    )
    countries = sa.table('countries', sa.column('code', sa.String))
    op.bulk_insert(countries, [{'code': code} for code in ISO_3166_CODES])
    op.create_table('people',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sex', sa.String(length=6), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('search_name', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("sex IS NULL OR sex IN ('female', 'male')", name=op.f('ck_people_sex_allowed')),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_people_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_search_name'), ['search_name'], unique=False)

    op.create_table('dialogues',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('series', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('online', sa.Boolean(), nullable=False),
    sa.Column('chair_type', sa.String(length=12), nullable=True),
    sa.Column('chair_country', sa.String(length=2), nullable=True),
    sa.Column('chair_organisation', sa.String(length=200), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=5), nullable=False),
    sa.Column('delegation_count', sa.Integer(), nullable=False),
    sa.Column('participant_count', sa.Integer(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(chair_type IS NULL AND chair_country IS NULL AND chair_organisation IS NULL) OR (chair_type = 'country' AND chair_country IS NOT NULL AND chair_organisation IS NULL) OR (chair_type = 'organisation' AND chair_country IS NULL AND length(trim(chair_organisation)) > 0)", name=op.f('ck_dialogues_chair_is_one_party')),
    sa.CheckConstraint("chair_type IS NULL OR chair_type IN ('country', 'organisation')", name=op.f('ck_dialogues_chair_type_allowed')),
    sa.CheckConstraint("kind IN ('regional', 'bilateral', 'expert-meeting', 'high-level', 'other')", name=op.f('ck_dialogues_kind_allowed')),
    sa.CheckConstraint("status IN ('draft', 'final')", name=op.f('ck_dialogues_status_allowed')),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_dialogues_ends_after_start')),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_dialogues_title_not_blank')),
    sa.ForeignKeyConstraint(['chair_country'], ['countries.code'], name=op.f('fk_dialogues_chair_country_countries')),
    sa.ForeignKeyConstraint(['country'], ['countries.code'], name=op.f('fk_dialogues_country_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dialogues'))
    )
    with op.batch_alter_table('dialogues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dialogues_country'), ['country'], unique=False)
        batch_op.create_index('ix_dialogues_listing', ['deleted_at', 'start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_dialogues_series'), ['series'], unique=False)
        batch_op.create_index(batch_op.f('ix_dialogues_start_date'), ['start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_dialogues_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_dialogues_title'), ['title'], unique=False)

    op.create_table('institutions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('acronym', sa.String(length=40), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_institutions_name_not_blank')),
    sa.ForeignKeyConstraint(['country'], ['countries.code'], name=op.f('fk_institutions_country_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institutions'))
    )
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_institutions_name'), ['name'], unique=False)

    op.create_table('person_other_names',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_other_names_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', 'sort_order', name=op.f('pk_person_other_names'))
    )
    op.create_table('actions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('dialogue_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=2000), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'done')", name=op.f('ck_actions_status_allowed')),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogues.id'], name=op.f('fk_actions_dialogue_id_dialogues'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actions'))
    )
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actions_dialogue_id'), ['dialogue_id'], unique=False)

    op.create_table('agenda_items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('dialogue_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('presenter_type', sa.String(length=12), nullable=True),
    sa.Column('presenter_country', sa.String(length=2), nullable=True),
    sa.Column('presenter_organisation', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(presenter_type IS NULL AND presenter_country IS NULL AND presenter_organisation IS NULL) OR (presenter_type = 'country' AND presenter_country IS NOT NULL AND presenter_organisation IS NULL) OR (presenter_type = 'organisation' AND presenter_country IS NULL AND length(trim(presenter_organisation)) > 0)", name=op.f('ck_agenda_items_presenter_is_one_party')),
    sa.CheckConstraint("presenter_type IS NULL OR presenter_type IN ('country', 'organisation')", name=op.f('ck_agenda_items_presenter_type_allowed')),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogues.id'], name=op.f('fk_agenda_items_dialogue_id_dialogues'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['presenter_country'], ['countries.code'], name=op.f('fk_agenda_items_presenter_country_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items'))
    )
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_items_dialogue_id'), ['dialogue_id'], unique=False)

    op.create_table('delegations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('dialogue_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=7), nullable=False),
    sa.Column('party_type', sa.String(length=12), nullable=False),
    sa.Column('party_country', sa.String(length=2), nullable=True),
    sa.Column('party_organisation', sa.String(length=200), nullable=True),
    sa.Column('programme_supported', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(party_type = 'country' AND party_country IS NOT NULL AND party_organisation IS NULL) OR (party_type = 'organisation' AND party_country IS NULL AND length(trim(party_organisation)) > 0)", name=op.f('ck_delegations_party_is_one_party')),
    sa.CheckConstraint("party_type IN ('country', 'organisation')", name=op.f('ck_delegations_party_type_allowed')),
    sa.CheckConstraint("side IN ('eu', 'partner', 'other')", name=op.f('ck_delegations_side_allowed')),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogues.id'], name=op.f('fk_delegations_dialogue_id_dialogues'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_country'], ['countries.code'], name=op.f('fk_delegations_party_country_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delegations'))
    )
    with op.batch_alter_table('delegations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delegations_dialogue_id'), ['dialogue_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_delegations_party_country'), ['party_country'], unique=False)
        batch_op.create_index(batch_op.f('ix_delegations_party_organisation'), ['party_organisation'], unique=False)

    op.create_table('dialogue_frameworks',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('dialogue_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogues.id'], name=op.f('fk_dialogue_frameworks_dialogue_id_dialogues'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('dialogue_id', 'sort_order', name=op.f('pk_dialogue_frameworks'))
    )
    op.create_table('dialogue_programmes',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('dialogue_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogues.id'], name=op.f('fk_dialogue_programmes_dialogue_id_dialogues'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('dialogue_id', 'sort_order', name=op.f('pk_dialogue_programmes'))
    )
    with op.batch_alter_table('dialogue_programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dialogue_programmes_name'), ['name'], unique=False)

    op.create_table('dialogue_topics',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('dialogue_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogues.id'], name=op.f('fk_dialogue_topics_dialogue_id_dialogues'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('dialogue_id', 'sort_order', name=op.f('pk_dialogue_topics'))
    )
    with op.batch_alter_table('dialogue_topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dialogue_topics_name'), ['name'], unique=False)

    op.create_table('participants',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('delegation_id', sa.String(length=36), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('institution_id', sa.String(length=36), nullable=True),
    sa.Column('position', sa.String(length=300), nullable=True),
    sa.Column('role', sa.String(length=6), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('head', 'member')", name=op.f('ck_participants_role_allowed')),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegations.id'], name=op.f('fk_participants_delegation_id_delegations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_participants_institution_id_institutions'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_participants_person_id_people'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_delegation_id'), ['delegation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participants_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participants_person_id'), ['person_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_person_id'))
        batch_op.drop_index(batch_op.f('ix_participants_institution_id'))
        batch_op.drop_index(batch_op.f('ix_participants_delegation_id'))

    op.drop_table('participants')
    with op.batch_alter_table('dialogue_topics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dialogue_topics_name'))

    op.drop_table('dialogue_topics')
    with op.batch_alter_table('dialogue_programmes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dialogue_programmes_name'))

    op.drop_table('dialogue_programmes')
    op.drop_table('dialogue_frameworks')
    with op.batch_alter_table('delegations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delegations_party_organisation'))
        batch_op.drop_index(batch_op.f('ix_delegations_party_country'))
        batch_op.drop_index(batch_op.f('ix_delegations_dialogue_id'))

    op.drop_table('delegations')
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_items_dialogue_id'))

    op.drop_table('agenda_items')
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actions_dialogue_id'))

    op.drop_table('actions')
    op.drop_table('person_other_names')
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_institutions_name'))

    op.drop_table('institutions')
    with op.batch_alter_table('dialogues', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dialogues_title'))
        batch_op.drop_index(batch_op.f('ix_dialogues_status'))
        batch_op.drop_index(batch_op.f('ix_dialogues_start_date'))
        batch_op.drop_index(batch_op.f('ix_dialogues_series'))
        batch_op.drop_index('ix_dialogues_listing')
        batch_op.drop_index(batch_op.f('ix_dialogues_country'))

    op.drop_table('dialogues')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_search_name'))

    op.drop_table('people')
    op.drop_table('countries')

