"""A form's list of institutions (`InstitutionBook`) after a save: read again when the save added an
institution or any institution changed since it was read (another window's, an import's, a merge),
left as it is otherwise (issue 19, round 13: reading it was ~6 % of each form save)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.db.repositories.people import InstitutionRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.ui.forms.people_book import InstitutionBook


@pytest.fixture
def counted(database: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[InstitutionBook, list[int]]:
    InstitutionRepository(database).save(r.Institution(id=r.new_id(), name="Ministry of Health", country="KZ"))
    InstitutionRepository(database).save(r.Institution(id=r.new_id(), name="Минздрав", country="KZ"))
    book = InstitutionBook(database)
    reads: list[int] = []
    read_all = InstitutionRepository.all

    def all_counted(self: InstitutionRepository) -> list[r.Institution]:
        reads.append(1)
        return read_all(self)

    monkeypatch.setattr(InstitutionRepository, "all", all_counted)
    return book, reads


def test_a_save_that_added_no_institution_and_found_none_changed_keeps_the_list(counted) -> None:
    book, reads = counted
    book.saved()
    book.saved()
    assert reads == [] and {i.name for i in book.records.values()} == {"Ministry of Health", "Минздрав"}


def test_a_save_that_added_an_institution_reads_the_list_with_it(counted, database: Database) -> None:
    book, reads = counted
    added = book.resolve("Drug Control Agency", None, "UZ")
    assert added in book.new
    InstitutionRepository(database).save(book.new[added])  # what the save service writes
    book.saved()
    assert reads == [1] and not book.new and book.name(added) == "Drug Control Agency"


@pytest.mark.parametrize("change", ["added", "renamed", "merged"])
def test_an_institution_changed_elsewhere_is_read_at_the_next_save(counted, database: Database, change: str) -> None:
    book, reads = counted
    repository = InstitutionRepository(database)
    health, russian = sorted(book.records.values(), key=lambda i: i.name)
    if change == "added":
        other = repository.save(r.Institution(id=r.new_id(), name="Customs Service", country="TJ"))
        expected = {"Ministry of Health", "Минздрав", "Customs Service"}
    elif change == "renamed":
        repository.save(replace(health, name="Ministry of Public Health"))
        expected = {"Ministry of Public Health", "Минздрав"}
    else:
        repository.merge(health.id, russian.id)
        expected = {"Ministry of Health"}
    book.saved()
    assert reads == [1] and {i.name for i in book.records.values()} == expected
    book.saved()
    assert reads == [1]  # read once: its fingerprint is the table's again
    if change == "added":
        assert book.resolve("Customs Service", None, "TJ") == other.id  # not a second Customs Service


def test_a_name_several_institutions_share_is_the_rows_own_then_the_delegations_countrys(database) -> None:
    """Round 14: the first institution of that name was taken, another country's for all but one
    delegation (tests/ui/test_paste_namesakes.py drives it through the form)."""
    repository = InstitutionRepository(database)
    kz, uz = (repository.save(r.Institution(id=r.new_id(), name="Ministry of Internal Affairs", country=c))
              for c in ("KZ", "UZ"))
    book = InstitutionBook(database)
    first = book.resolve("Ministry of Internal Affairs", None, None)
    assert first in (kz.id, uz.id)
    assert book.resolve("ministry of internal affairs ", None, "UZ") == uz.id
    assert book.resolve("Ministry of Internal Affairs", None, "KZ") == kz.id
    assert book.resolve("Ministry of Internal Affairs", uz.id, "KZ") == uz.id  # the row's own, chosen before
    assert book.resolve("Ministry of Internal Affairs", None, "TJ") == first  # no namesake there: as before
    assert book.new == {}  # no institution made up


def test_namesakes_are_offered_with_their_country_and_the_one_picked_is_taken(database) -> None:
    repository = InstitutionRepository(database)
    kz, uz = (repository.save(r.Institution(id=r.new_id(), name="Ministry of Internal Affairs", country=c))
              for c in ("KZ", "UZ"))
    alone = repository.save(r.Institution(id=r.new_id(), name="Ministry of Health", country="KZ"))
    book = InstitutionBook(database)
    labels = book.labels()
    assert {"Ministry of Internal Affairs (Kazakhstan)", "Ministry of Internal Affairs (Uzbekistan)",
            "Ministry of Internal Affairs", "Ministry of Health"} <= set(labels)
    assert not any(label.startswith("Ministry of Health (") for label in labels)  # no namesake: its name alone
    assert book.resolve("Ministry of Internal Affairs (Uzbekistan)", None, "KZ") == uz.id
    assert book.resolve("ministry of internal affairs (kazakhstan)", None, "UZ") == kz.id
    assert book.resolve("Ministry of Health", None, "UZ") == alone.id
    assert book.new == {}
