"""Reading many records with Core queries must give exactly the records the repository gives."""

from __future__ import annotations

from datetime import date

from desktop_app.db.bulk_reading import dialogue_records, institution_records, person_records
from desktop_app.db.repositories.dialogues import DialogueRepository, selected_ids
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus, Side
from desktop_app.resources import resource_path
from desktop_app.services.exchange.importer import import_bundle
from tests.factories import add_institution, add_people, delegation_of, make_dialogue, make_person


def _fill(database) -> list[r.Dialogue]:
    ministry = add_institution(database)
    aigerim, nurlan, olga = add_people(database, "Aigerim Zhumabayeva", "Нурлан Сейткали", "Olga Ivanova")
    PeopleRepository(database).save(make_person("Dilnoza Karimova", other_names=("Дилноза Каримова", "D. Karimova")))
    repository = DialogueRepository(database)
    full = make_dialogue(
        supporting_programmes=("CADAP 7",), frameworks=("EU Drugs Strategy",), summary="Agreed next steps.",
        agenda=(r.AgendaItem("Opening", presenter=r.Party.organisation("European Commission"), notes="short"),
                r.AgendaItem("National reports")),
        actions=(r.Action("Send the report", ActionStatus.DONE, owner="EUDA", due_date=date(2024, 2, 1)),),
        delegations=(delegation_of(r.Party.country("KZ"), aigerim, nurlan, institution=ministry, supported=True),
                     delegation_of(r.Party.organisation("Europol"), olga, side=Side.EU)))
    bare = make_dialogue("A bare draft", status=DialogueStatus.DRAFT, series=None, city=None, country=None,
                         chair=None, topics=(), start_date=date(2021, 5, 4))
    trashed = make_dialogue("Moved to the trash", start_date=date(2022, 1, 1))
    saved = [repository.save(d) for d in (full, bare, trashed)]
    repository.delete(saved[2].id)
    return saved


def test_dialogues_read_in_bulk_equal_the_repository_records(database) -> None:
    _fill(database)
    repository = DialogueRepository(database)
    with database.reading() as session:
        current = dialogue_records(session, selected_ids(r.EMPTY_FILTER))
        trash = dialogue_records(session, selected_ids(r.DialogueFilter(deleted=True)))
    assert [d.title for d in current] == ["A bare draft", "EU-Central Asia Drug Dialogue 2023"]  # by start date
    assert current == [repository.get(d.id) for d in current]
    assert [d.title for d in trash] == ["Moved to the trash"]
    assert trash == [repository.get(trash[0].id)]


def test_a_selection_reads_only_its_dialogues(database) -> None:
    _fill(database)
    with database.reading() as session:
        chosen = dialogue_records(session, selected_ids(r.DialogueFilter(country="KZ")))
    assert [d.title for d in chosen] == ["EU-Central Asia Drug Dialogue 2023"]


def test_people_and_institutions_read_in_bulk_equal_the_repository_records(database) -> None:
    import_bundle(database, resource_path("samples", "demo-bundle.json"))
    _fill(database)
    with database.reading() as session:
        people = person_records(session)
        some = person_records(session, {people[0].id, people[-1].id})
        institutions = institution_records(session)
    assert people == [PeopleRepository(database).get(p.id) for p in people]
    assert any(len(p.other_names) > 1 for p in people)
    assert some == [people[0], people[-1]]
    assert institutions == [InstitutionRepository(database).get(i.id) for i in institutions]
    assert len(institutions) > 1
