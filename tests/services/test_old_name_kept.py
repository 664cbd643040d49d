"""A renamed person's old name, kept as another spelling (round 17), is what finds her afterwards.

The rule (`kept_old_name`) says when the old name is kept: not when only case, spaces or ё/е differ,
not when it is there already, never beyond the rules of a name. Kept, it is found by the next
registration list still naming her the old way, travels in the bundle (docs/exchange.md: a person's
`other_names` is a field), and a colleague's own record of her under the old name is a duplicate."""

from __future__ import annotations

import json
from dataclasses import replace

from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.validation import LIMITS, kept_old_name
from desktop_app.services.exchange.exporter import build_bundle
from desktop_app.services.people_duplicates import PeopleIndex, all_people, find_duplicates, latest_countries
from desktop_app.services.registration.checking import check_list
from desktop_app.services.registration.columns import guess_mapping
from desktop_app.services.registration.reading import Sheet
from tests.factories import add_people, make_person
from tests.services.registration_files import ENGLISH_HEADER


def test_the_old_name_is_kept_only_when_it_is_another_name() -> None:
    assert kept_old_name("Aigerim Zhumabaeva", "Aigerim Zhumabayeva", (), "person_name") == "Aigerim Zhumabaeva"
    assert kept_old_name("Пётр  Иванов", "петр иванов", (), "person_name") is None  # case, spaces, ё/е
    assert kept_old_name("Aigerim Zhumabaeva", "Aigerim Zhumabayeva", ("aigerim zhumabaeva",), "person_name") is None
    assert kept_old_name("MoH", "Ministry of Health", ("MOH",), "institution_name") is None  # the acronym
    assert kept_old_name("Aigerim", "", (), "person_name") is None  # no new name: nothing is renamed
    assert kept_old_name("x" * (LIMITS["person_name"] + 1), "Aigerim", (), "person_name") is None
    assert kept_old_name("Aigerim\x07", "Aigerim Zhumabayeva", (), "person_name") is None
    assert kept_old_name("Zhumabaeva; Aigerim", "Aigerim Zhumabayeva", (), "person_name") == "Zhumabaeva; Aigerim"


def _renamed(database: Database) -> str:
    """Aigerim Zhumabaeva renamed Aigerim Seitkali (married), the old name kept as the dialog keeps it:
    no folding of the new name would find the old one."""
    (person,) = add_people(database, "Aigerim Zhumabaeva")
    old = kept_old_name(person.name, "Aigerim Seitkali", person.other_names, "person_name")
    assert old is not None
    PeopleRepository(database).save(replace(person, name="Aigerim Seitkali", other_names=(old,)))
    return person.id


def test_a_registration_list_naming_her_the_old_way_finds_her(database: Database) -> None:
    person_id = _renamed(database)
    sheet = Sheet((ENGLISH_HEADER, ("Aigerim Zhumabaeva", "", "", "KZ", "F", "")))
    check = check_list(sheet, 0, guess_mapping(ENGLISH_HEADER),
                       PeopleIndex(all_people(database), latest_countries(database)))
    (entry,) = check.entries
    assert entry.known is not None and entry.known.id == person_id


def test_the_old_name_travels_and_a_colleagues_record_of_it_is_a_duplicate(database: Database) -> None:
    person_id = _renamed(database)
    bundle = json.loads(json.dumps(build_bundle(database)))
    (exported,) = [p for p in bundle["people"] if p["id"] == person_id]
    assert (exported["name"], exported["other_names"]) == ("Aigerim Seitkali", ["Aigerim Zhumabaeva"])
    colleagues = make_person("Aigerim Zhumabaeva")
    pairs = find_duplicates([*all_people(database), colleagues])
    assert {frozenset((p.first.id, p.second.id)) for p in pairs} == {frozenset((person_id, colleagues.id))}


def test_a_merge_adds_no_spelling_written_as_one_the_kept_person_has(database: Database) -> None:
    """The merge's rule is the rename's: case, spaces and ё/е alone make no other spelling."""
    from desktop_app.services.people_duplicates import merge_people

    person_id = _renamed(database)
    (colleagues,) = add_people(database, "AIGERIM  ZHUMABAEVA")
    PeopleRepository(database).save(replace(colleagues, other_names=("Айгерим Жумабаева", "aigerim seitkali")))
    merged = merge_people(database, person_id, colleagues.id)
    assert (merged.name, merged.other_names) == ("Aigerim Seitkali", ("Aigerim Zhumabaeva", "Айгерим Жумабаева"))
