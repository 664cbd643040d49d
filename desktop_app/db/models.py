"""SQLAlchemy 2.x typed models: the shape of the SQLite file.

Rules the data must obey are written as constraints here (foreign keys, checks, cascades) so that
no code path, including a future bug, can store a record the domain would reject structurally.
Children that cannot outlive their dialogue cascade on delete; people and institutions are
restricted while a participation refers to them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop_app.domain.enums import (
    ActionStatus,
    DialogueKind,
    DialogueStatus,
    ParticipationStatus,
    PartyType,
    Role,
    Sex,
    Side,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC text (sortable in SQL), hands back timezone-aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def one_of(column: str, values: type[StrEnum], name: str | None = None, nullable: bool = False) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    condition = f"{column} IN ({allowed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=name or f"{column}_allowed")


def party_check(prefix: str, nullable: bool) -> CheckConstraint:
    """A party is exactly one of: a country (known code) or an organisation (non-empty name)."""
    condition = (
        f"({prefix}_type = 'country' AND {prefix}_country IS NOT NULL AND {prefix}_organisation IS NULL)"
        f" OR ({prefix}_type = 'organisation' AND {prefix}_country IS NULL"
        f" AND length(trim({prefix}_organisation)) > 0)"
    )
    if nullable:
        condition = (f"({prefix}_type IS NULL AND {prefix}_country IS NULL AND {prefix}_organisation IS NULL)"
                     f" OR {condition}")
    return CheckConstraint(condition, name=f"{prefix}_is_one_party")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Stamped:
    """`created_at`/`updated_at` on every row, as the design asks."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Exchanged:
    """Where a record stands in the exchange between officers (contract §2's import rules).

    `exchange_updated_at` is the `updated_at` of the version last brought in by an import (for
    records that were in the file before exchange tracking began, their version at the upgrade):
    the common ground with the other side. `edited_locally` says an officer saved the record here
    since then; both together tell an update from a conflict.
    """

    exchange_source: Mapped[str | None] = mapped_column(String(200))
    exchange_imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    exchange_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    edited_locally: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # replication state (docs/exchange.md, migration 0006): version vector, dots, conflicts; JSON
    replica: Mapped[str | None] = mapped_column(Text)


class Country(Base):
    """ISO 3166-1 codes, seeded by the migrations, so that an unknown code is refused by SQLite too."""

    __tablename__ = "countries"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)


class PersonRow(Stamped, Exchanged, Base):
    __tablename__ = "people"
    __table_args__ = (
        one_of("sex", Sex, nullable=True),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        Index("ix_people_list_name", "deleted_at", "name", "id"),  # the people page, by name (0004)
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sex: Mapped[str | None] = mapped_column(String(6))
    email: Mapped[str | None] = mapped_column(String(254))
    search_name: Mapped[str] = mapped_column(Text, default="", index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    other_names: Mapped[list[PersonOtherName]] = relationship(
        order_by="PersonOtherName.sort_order", cascade="all, delete-orphan", passive_deletes=True)


class PersonOtherName(Base):
    __tablename__ = "person_other_names"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    sort_order: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class InstitutionRow(Stamped, Exchanged, Base):
    __tablename__ = "institutions"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    acronym: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    other_names: Mapped[list[InstitutionOtherName]] = relationship(
        order_by="InstitutionOtherName.sort_order", cascade="all, delete-orphan", passive_deletes=True)


class InstitutionOtherName(Base):
    """An institution's name in another language or an earlier name (0007_names)."""

    __tablename__ = "institution_other_names"
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id", ondelete="CASCADE"),
                                                primary_key=True)
    sort_order: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))


class DialogueRow(Stamped, Exchanged, Base):
    __tablename__ = "dialogues"
    __table_args__ = (
        one_of("kind", DialogueKind),
        one_of("status", DialogueStatus),
        one_of("chair_type", PartyType, nullable=True),
        party_check("chair", nullable=True),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ends_after_start"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        # One index per sort of the list, in the list's order (id breaks ties), so that a page of
        # 200 is read in order instead of sorting the whole table (migration 0003).
        *(Index(f"ix_dialogues_list_{name}", "deleted_at", column, "id") for name, column in (
            ("date", "start_date"), ("title", "title"), ("series", "series"), ("city", "city"),
            ("delegations", "delegation_count"), ("participants", "participant_count"), ("status", "status"))),
        Index("ix_dialogues_list_chair", "deleted_at", text("coalesce(chair_organisation, chair_country)"), "id"),
        # the trash: a few rows beside every current one; without this the list walks past them all
        Index("ix_dialogues_trash", "start_date", "id", sqlite_where=text("deleted_at IS NOT NULL")),
        # a series sorted by title (a title holds its series' name: walking the title index for one
        # series read most of the others first, ~400 ms at 100,000; migration 0012_search_speed)
        Index("ix_dialogues_series_title", "deleted_at", "series", "title", "id"),
        # the filters of the list found inside one index, no row read to check another filter (a series
        # with a status, a period and a host country; a status or a series with a period: 0013_search_filters)
        Index("ix_dialogues_filter_series", "deleted_at", "series", "status", "start_date", "country", "id"),
        Index("ix_dialogues_filter_status", "deleted_at", "status", "start_date", "series", "country", "id"),
        Index("ix_dialogues_filter_period", "deleted_at", "series", "start_date", "country", "id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(300), index=True)
    series: Mapped[str | None] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    chair_type: Mapped[str | None] = mapped_column(String(12))
    chair_country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))
    chair_organisation: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(5), index=True)
    delegation_count: Mapped[int] = mapped_column(Integer, default=0)
    participant_count: Mapped[int] = mapped_column(Integer, default=0)
    search_text: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    programmes: Mapped[list[DialogueProgramme]] = relationship(
        order_by="DialogueProgramme.sort_order", cascade="all, delete-orphan", passive_deletes=True)
    frameworks: Mapped[list[DialogueFramework]] = relationship(
        order_by="DialogueFramework.sort_order", cascade="all, delete-orphan", passive_deletes=True)
    topics: Mapped[list[DialogueTopic]] = relationship(
        order_by="DialogueTopic.sort_order", cascade="all, delete-orphan", passive_deletes=True)
    agenda: Mapped[list[AgendaItemRow]] = relationship(
        order_by="AgendaItemRow.sort_order", cascade="all, delete-orphan", passive_deletes=True)
    delegations: Mapped[list[DelegationRow]] = relationship(
        order_by="DelegationRow.sort_order", cascade="all, delete-orphan", passive_deletes=True)
    actions: Mapped[list[ActionRow]] = relationship(
        order_by="ActionRow.sort_order", cascade="all, delete-orphan", passive_deletes=True)


class _DialogueValue:
    """A many-valued text field of a dialogue (topic, framework, programme), kept in order."""

    dialogue_id: Mapped[str] = mapped_column(ForeignKey("dialogues.id", ondelete="CASCADE"), primary_key=True)
    sort_order: Mapped[int] = mapped_column(Integer, primary_key=True)


class DialogueProgramme(_DialogueValue, Base):
    __tablename__ = "dialogue_programmes"
    name: Mapped[str] = mapped_column(String(100), index=True)


class DialogueFramework(_DialogueValue, Base):
    __tablename__ = "dialogue_frameworks"
    name: Mapped[str] = mapped_column(String(300))


class DialogueTopic(_DialogueValue, Base):
    __tablename__ = "dialogue_topics"
    name: Mapped[str] = mapped_column(String(100), index=True)


class AgendaItemRow(Stamped, Base):
    __tablename__ = "agenda_items"
    __table_args__ = (
        one_of("presenter_type", PartyType, nullable=True),
        party_check("presenter", nullable=True),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dialogue_id: Mapped[str] = mapped_column(ForeignKey("dialogues.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    presenter_type: Mapped[str | None] = mapped_column(String(12))
    presenter_country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))
    presenter_organisation: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)


class ActionRow(Stamped, Base):
    __tablename__ = "actions"
    __table_args__ = (one_of("status", ActionStatus),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dialogue_id: Mapped[str] = mapped_column(ForeignKey("dialogues.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(2000))
    owner: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(7))
    carried_from: Mapped[str | None] = mapped_column(String(36))  # an action of another dialogue, no FK
    done_on: Mapped[date | None] = mapped_column(Date)


class DelegationRow(Stamped, Base):
    __tablename__ = "delegations"
    __table_args__ = (
        one_of("side", Side),
        one_of("party_type", PartyType),
        party_check("party", nullable=False),
        # the country filter reads the dialogues a country sent a delegation to from this alone
        Index("ix_delegations_country_dialogue", "party_country", "dialogue_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dialogue_id: Mapped[str] = mapped_column(ForeignKey("dialogues.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(7))
    party_type: Mapped[str] = mapped_column(String(12))
    party_country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))
    party_organisation: Mapped[str | None] = mapped_column(String(200), index=True)
    programme_supported: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    participants: Mapped[list[ParticipantRow]] = relationship(
        order_by="ParticipantRow.sort_order", cascade="all, delete-orphan", passive_deletes=True)


PARTICIPANT_IDS_INDEX = "ux_participants_id"  # a load into an empty file builds it after the rows


class ParticipantRow(Stamped, Base):
    __tablename__ = "participants"
    # The id is unique by an index of its own, not the table's primary-key constraint (migration
    # 0014_import_participant_keys): a load into an empty file builds it after the rows (issue 19).
    __table_args__ = (one_of("role", Role), one_of("status", ParticipationStatus),
                      Index(PARTICIPANT_IDS_INDEX, "id", unique=True))
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    delegation_id: Mapped[str] = mapped_column(ForeignKey("delegations.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    institution_id: Mapped[str | None] = mapped_column(ForeignKey("institutions.id", ondelete="RESTRICT"),
                                                       index=True)
    position: Mapped[str | None] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(11))
    status: Mapped[str] = mapped_column(String(9), default=ParticipationStatus.ATTENDED.value,
                                        server_default=ParticipationStatus.ATTENDED.value)
    programme_funded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ProgrammeRow(Stamped, Base):
    """The programme's details (domain.programme): a single row, id 1."""

    __tablename__ = "programme"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    sender: Mapped[str] = mapped_column(String(500), default="")
    letterhead: Mapped[str] = mapped_column(Text, default="")
    reference_pattern: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    disclaimer: Mapped[str] = mapped_column(String(500), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_type: Mapped[str | None] = mapped_column(String(20))


class ConflictRow(Base):
    """A record edited on both sides since the last exchange: their version waits here, untouched
    ours stays in its table, until the officer chooses field by field."""

    __tablename__ = "exchange_conflicts"
    __table_args__ = (CheckConstraint("record_kind IN ('dialogue', 'person', 'institution')",
                                      name="record_kind_allowed"),
                      Index("ix_exchange_conflicts_open", "resolved_at", "record_kind", "record_id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(12))
    record_id: Mapped[str] = mapped_column(String(36))
    label: Mapped[str] = mapped_column(String(300))
    incoming: Mapped[str] = mapped_column(Text)  # their version, as bundle JSON
    fields: Mapped[str] = mapped_column(Text)  # JSON list of the field names that differ
    source: Mapped[str | None] = mapped_column(String(200))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DatabaseIdentity(Base):
    """This database file's id, minted once (docs/exchange.md): the key of its version counters."""

    __tablename__ = "database_identity"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    database_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utc_now)


class TombstoneRow(Base):
    """A record deleted for good, or merged into another (`merged_into`), with the version it had:
    deletions travel (bundle v2 `deleted`)."""

    __tablename__ = "tombstones"
    __table_args__ = (CheckConstraint("kind IN ('dialogue', 'person', 'institution')", name="kind_allowed"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    for_good: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(Text)


class BundleField(Base):
    """A field a newer program wrote at the top of a bundle: kept and passed on (docs/exchange.md)."""

    __tablename__ = "bundle_fields"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # its JSON


class DialogueTerm(Base):
    """A word of the dialogues' folded texts (migration 0012_search_speed): what a typed word is
    looked for in, so that the word index finds it without the trigram index (issue 19)."""

    __tablename__ = "dialogue_terms"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012
    term: Mapped[str] = mapped_column(Text, primary_key=True)


class PersonTerm(Base):
    """A word of the people's folded names (migration 0012_search_speed), as `DialogueTerm`."""

    __tablename__ = "people_terms"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012
    term: Mapped[str] = mapped_column(Text, primary_key=True)


def include_in_autogenerate(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's comparison skips the search indexes (migrations 0004 and 0010_search): FTS5 tables
    and their shadow tables, written by hand, that no model describes."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_INDEXES))


# The FTS5 search indexes (migrations 0004 and 0010_search); each has shadow tables named after it.
SEARCH_INDEXES = ("dialogue_search", "dialogue_words", "people_search", "people_words")
