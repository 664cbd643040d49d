"""The dialogue repository: whole-record save and load, optimistic concurrency, listing in SQL."""

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository, DialogueSort
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus, Side
from desktop_app.domain.errors import StaleRecord, UserError, ValidationFailed
from tests.factories import add_institution, add_people, delegation_of, make_dialogue


def test_a_saved_dialogue_comes_back_field_for_field(database) -> None:
    people = add_people(database, "Айгерим Жумабаева", "Nurlan Seitkali")
    institution = add_institution(database)
    dialogue = make_dialogue(
        end_date=date(2023, 12, 14), online=True, supporting_programmes=("CADAP",),
        frameworks=("EU Drugs Strategy 2021-2025",), summary="Annual dialogue.",
        agenda=(r.AgendaItem("Opening", r.Party.organisation("European Commission"), "notes"),
                r.AgendaItem("Situation in Central Asia")),
        actions=(r.Action("Send the report", ActionStatus.OPEN, "CADAP", date(2024, 1, 31)),),
        delegations=(delegation_of(r.Party.country("KZ"), *people, supported=True, institution=institution),
                     delegation_of(r.Party.organisation("Europol"), side=Side.EU)))
    saved = DialogueRepository(database).save(dialogue)
    loaded = DialogueRepository(database).get(dialogue.id)
    assert loaded == saved
    assert replace(loaded, updated_at=None, revision=0) == dialogue
    assert loaded.revision == 1 and loaded.updated_at is not None


def test_editing_keeps_child_ids_and_order(database) -> None:
    repository = DialogueRepository(database)
    saved = repository.save(make_dialogue(delegations=(delegation_of(r.Party.country("KZ")),
                                                       delegation_of(r.Party.country("UZ")))))
    reordered = replace(saved, delegations=tuple(reversed(saved.delegations)), topics=("heroin",))
    again = repository.save(reordered)
    assert [d.party.code for d in again.delegations] == ["UZ", "KZ"]
    assert [d.id for d in again.delegations] == [d.id for d in reordered.delegations]
    assert again.topics == ("heroin",) and again.revision == 2


def test_a_stale_save_is_refused_and_the_newer_version_kept(database) -> None:
    repository = DialogueRepository(database)
    first = repository.save(make_dialogue())
    repository.save(replace(first, title="Edited in the other window"))
    with pytest.raises(StaleRecord, match="changed elsewhere"):
        repository.save(replace(first, title="Edited here"))
    assert repository.get(first.id).title == "Edited in the other window"


def test_an_invalid_dialogue_is_refused_and_nothing_is_written(database) -> None:
    repository = DialogueRepository(database)
    with pytest.raises(ValidationFailed) as caught:
        repository.save(make_dialogue(start_date=date(2023, 12, 13), end_date=date(2023, 1, 1)))
    assert caught.value.problems[0].field == "end_date"
    assert repository.count() == 0


def test_a_participant_referring_to_an_unknown_person_is_refused(database) -> None:
    ghost = r.Person(id=r.new_id(), name="Nobody")
    with pytest.raises(UserError, match="person who is not in the database"):
        DialogueRepository(database).save(make_dialogue(delegations=(delegation_of(r.Party.country("KZ"), ghost),)))
    assert DialogueRepository(database).count() == 0


def _three(database) -> DialogueRepository:
    repository = DialogueRepository(database)
    (aigerim,) = add_people(database, "Айгерим Жумабаева")
    repository.save(make_dialogue("Dialogue 2022", start_date=date(2022, 11, 24), city="Bishkek", country="KG",
                                  topics=("harm reduction",)))
    repository.save(make_dialogue("Dialogue 2023", start_date=date(2023, 12, 13), topics=("Methamphetamine",),
                                  delegations=(delegation_of(r.Party.country("KZ"), aigerim),)))
    repository.save(make_dialogue("Expert meeting", start_date=date(2024, 4, 17), series=None, city="Astana",
                                  country="KZ", status=DialogueStatus.DRAFT, topics=("treatment",)))
    return repository


@pytest.mark.parametrize(("selection", "titles"), [
    (r.DialogueFilter(text="brussels"), ["Dialogue 2023"]),
    (r.DialogueFilter(text="METHAMPHETAMINE"), ["Dialogue 2023"]),
    (r.DialogueFilter(text="айгерим"), ["Dialogue 2023"]),
    (r.DialogueFilter(text="Казахстан"), ["Expert meeting", "Dialogue 2023"]),
    (r.DialogueFilter(text="dialogue bishkek"), ["Dialogue 2022"]),
    (r.DialogueFilter(text="100%"), []),
    (r.DialogueFilter(series="EU-Central Asia Drug Dialogue"), ["Dialogue 2023", "Dialogue 2022"]),
    (r.DialogueFilter(date_from=date(2023, 1, 1), date_to=date(2023, 12, 31)), ["Dialogue 2023"]),
    (r.DialogueFilter(country="KZ"), ["Expert meeting", "Dialogue 2023"]),
    (r.DialogueFilter(status=DialogueStatus.DRAFT), ["Expert meeting"]),
])
def test_filters_narrow_the_list(database, selection, titles) -> None:
    repository = _three(database)
    page = repository.page(selection)
    assert [row.title for row in page.rows] == titles
    assert page.total == len(titles)


def test_sorting_and_paging_happen_in_sql(database) -> None:
    repository = _three(database)
    by_title = repository.page(sort=DialogueSort.TITLE, descending=False, limit=2)
    assert [row.title for row in by_title.rows] == ["Dialogue 2022", "Dialogue 2023"] and by_title.total == 3
    rest = repository.page(sort=DialogueSort.TITLE, descending=False, offset=2, limit=2)
    assert [row.title for row in rest.rows] == ["Expert meeting"]
    by_participants = repository.page(sort=DialogueSort.PARTICIPANTS)
    assert by_participants.rows[0].title == "Dialogue 2023" and by_participants.rows[0].participant_count == 1


def test_trash_delete_restore_and_purge(database) -> None:
    repository = _three(database)
    victim = repository.page(r.DialogueFilter(text="bishkek")).rows[0]
    repository.delete(victim.id)
    assert repository.count() == 2
    assert [row.title for row in repository.page(r.DialogueFilter(deleted=True)).rows] == ["Dialogue 2022"]
    repository.restore(victim.id)
    assert repository.count() == 3
    with pytest.raises(UserError, match="trash"):
        repository.purge(victim.id)
    repository.delete(victim.id)
    repository.purge(victim.id)
    assert repository.count(r.DialogueFilter(deleted=True)) == 0


def test_the_next_edition_keeps_parties_but_not_attendance(database) -> None:
    from desktop_app.services.next_edition import prepare_next_edition

    repository = _three(database)
    original = repository.page(r.DialogueFilter(text="Dialogue 2023")).rows[0]
    copy = prepare_next_edition(database, original.id).dialogue
    assert copy.id != original.id and copy.revision == 0 and copy.status is DialogueStatus.DRAFT
    assert [d.party for d in copy.delegations] == [r.Party.country("KZ")]
    assert all(d.participants == () for d in copy.delegations)
    repository.save(replace(copy, title="Dialogue 2024", start_date=date(2024, 12, 1)))
    assert repository.count() == 4
