"""The record → rows mapping is written once (issue 13): `mapping.*_columns` serve the ORM path and the
bulk path alike, and every column of every record table is either in that table or named as one its
writer sets itself. A column added to the models and not to the mapping fails here."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from desktop_app.db import mapping
from desktop_app.db import models as m
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, Side
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.exchange.importer import Outcome, import_data
from tests.factories import add_institution, add_people, delegation_of, make_dialogue, make_person

WHEN = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
PERSON = make_person("Aigerim Zhumabayeva", other_names=("Айгерим Жумабаева",))
INSTITUTION = r.Institution(id=r.new_id(), name="Ministry of Health", acronym="MoH", country="KZ")
DIALOGUE = make_dialogue(agenda=(r.AgendaItem("Opening", id=r.new_id()),),
                         actions=(r.Action("Send the report", ActionStatus.OPEN, id=r.new_id()),),
                         delegations=(delegation_of(r.Party.country("KZ"), PERSON),))
DELEGATION = DIALOGUE.delegations[0]

# each table: the columns the one mapping gives it
MAPPED = {
    m.PersonRow: mapping.person_columns(PERSON, WHEN),
    m.PersonOtherName: mapping.name_columns(0, "x"),
    m.InstitutionRow: mapping.institution_columns(INSTITUTION, WHEN),
    m.InstitutionOtherName: mapping.name_columns(0, "x"),
    m.DialogueRow: mapping.dialogue_columns(DIALOGUE, WHEN),
    **{model: mapping.name_columns(0, "x") for _, model in mapping.DIALOGUE_VALUES},
    m.AgendaItemRow: mapping.agenda_columns(DIALOGUE.agenda[0], 0, WHEN),
    m.ActionRow: mapping.action_columns(DIALOGUE.actions[0], 0, WHEN),
    m.DelegationRow: mapping.delegation_columns(DELEGATION, 0, WHEN),
    m.ParticipantRow: mapping.participant_columns(DELEGATION.participants[0], 0, WHEN),
}


@pytest.mark.parametrize("model", list(MAPPED), ids=lambda model: model.__tablename__)
def test_every_column_of_a_record_table_is_mapped_once(model: type[m.Base]) -> None:
    table = model.__tablename__
    columns = {c.name for c in model.__table__.columns}
    mapped, by_writer = set(MAPPED[model]), mapping.SET_BY_WRITER[table]
    assert not mapped & by_writer, f"{table}: mapped and also set by the writer: {sorted(mapped & by_writer)}"
    assert not (unknown := (mapped | by_writer) - columns), f"{table}: the mapping names no such column {unknown}"
    assert not (missing := columns - mapped - by_writer), (
        f"{table}: columns {sorted(missing)} are in the models but not in db/mapping.py's table of columns")


def test_every_table_with_records_is_in_the_mapping() -> None:
    # bundle_fields holds a bundle's top-level fields (issue 15), not records; dialogue_terms and
    # people_terms are the search vocabularies (0012_search_speed), kept by triggers
    record_tables = {table for table in m.Base.metadata.tables
                     if table not in {"countries", "programme", "exchange_conflicts", "database_identity",
                                      "tombstones", "bundle_fields", "dialogue_terms", "people_terms"}}
    assert record_tables == set(mapping.SET_BY_WRITER)


def test_the_bulk_path_and_the_orm_path_store_the_same_rows(database, tmp_path) -> None:
    """Dialogues saved by the repository (ORM) and the same dialogues imported as new records into
    another database (bulk `executemany`) are the same rows, column by column (bookkeeping apart)."""
    ministry = add_institution(database)
    aigerim, nurlan = add_people(database, "Aigerim Zhumabayeva", "Нурлан Сейткали")
    PeopleRepository(database).save(make_person("Dilnoza Karimova", other_names=("Дилноза Каримова",)))
    repository = DialogueRepository(database)
    repository.save(make_dialogue(
        supporting_programmes=("CADAP 7",), frameworks=("EU Drugs Strategy",), summary="Agreed.",
        agenda=(r.AgendaItem("Opening", presenter=r.Party.organisation("European Commission"), notes="short"),),
        actions=(r.Action("Send the report", ActionStatus.DONE, owner="EUDA", due_date=date(2024, 2, 1)),),
        delegations=(delegation_of(r.Party.country("KZ"), aigerim, nurlan, institution=ministry, supported=True),
                     delegation_of(r.Party.organisation("Europol"), aigerim, side=Side.EU))))
    trashed = repository.save(make_dialogue("Moved to the trash", start_date=date(2022, 1, 1)))
    repository.delete(trashed.id)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        summary = import_data(other, build_bundle(database))
        assert summary.count(Outcome.ADDED) == 2 + 3 + 1
        with other.reading() as session:
            imported = {table: _rows(session, table) for table in mapping.SET_BY_WRITER}
    finally:
        other.close()
    with database.reading() as session:
        saved = {table: _rows(session, table) for table in mapping.SET_BY_WRITER}
    assert imported["participants"] and imported["agenda_items"] and imported["person_other_names"]
    assert imported == saved


IGNORED = {"created_at", "updated_at", "revision", "replica", "exchange_source", "exchange_imported_at",
           "exchange_updated_at", "edited_locally"}


def _rows(session, table: str) -> list[tuple[object, ...]]:
    columns = [c for c in m.Base.metadata.tables[table].columns if c.name not in IGNORED]
    return sorted((tuple(row) for row in session.execute(select(*columns))), key=repr)
