"""The boundaries of the rules written in SQL — the list filters, the search indexes' queries and
the report's selection — each stated as the officer sees it (which dialogues a filter keeps and how
many it counts). `tools/sql_mutants.py` breaks each rule on purpose and checks a test here or in
the other filter, search and report tests notices (docs/mutation.md)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop_app.db import models as m
from desktop_app.db import search_index
from desktop_app.db.repositories import dialogues as repository_module
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, Side
from desktop_app.services.report import ReportSelection, build_report
from desktop_app.services.report.build import report_parties
from tests.factories import add_people, delegation_of, make_dialogue


def _shown(repository: DialogueRepository, selection: r.DialogueFilter) -> set[str]:
    """The titles a filter shows, after checking its count says the same."""
    titles = {row.title for row in repository.page(selection).rows}
    assert repository.count(selection) == len(titles), selection
    return titles


def test_the_date_range_keeps_dialogues_starting_on_either_end_day(database: Database) -> None:
    repository = DialogueRepository(database)
    for title, start, end in (("day before", date(2024, 3, 1), None), ("first day", date(2024, 3, 2), None),
                              ("last day, ends after", date(2024, 3, 10), date(2024, 3, 12)),
                              ("day after", date(2024, 3, 11), None)):
        repository.save(make_dialogue(title, start_date=start, end_date=end))
    selection = r.DialogueFilter(date_from=date(2024, 3, 2), date_to=date(2024, 3, 10))
    assert _shown(repository, selection) == {"first day", "last day, ends after"}
    assert _shown(repository, r.DialogueFilter(date_from=date(2024, 3, 11))) == {"day after"}
    assert _shown(repository, r.DialogueFilter(date_to=date(2024, 3, 1))) == {"day before"}


def test_the_status_filter_keeps_that_status_only(database: Database) -> None:
    repository = DialogueRepository(database)
    repository.save(make_dialogue("agreed", status=DialogueStatus.FINAL))
    repository.save(make_dialogue("being written", status=DialogueStatus.DRAFT))
    assert _shown(repository, r.DialogueFilter(status=DialogueStatus.FINAL)) == {"agreed"}
    assert _shown(repository, r.DialogueFilter(status=DialogueStatus.DRAFT)) == {"being written"}


def test_the_series_filter_is_that_series_not_one_whose_name_begins_with_it(database: Database) -> None:
    repository = DialogueRepository(database)
    repository.save(make_dialogue("drugs", series="EU-Central Asia Dialogue"))
    repository.save(make_dialogue("drugs, high level", series="EU-Central Asia Dialogue High Level"))
    assert _shown(repository, r.DialogueFilter(series="EU-Central Asia Dialogue")) == {"drugs"}


@pytest.mark.parametrize("dense", [0, 1000], ids=["from the set", "along the sort index"])
def test_a_country_is_the_host_or_a_delegation_never_the_chair(database: Database, monkeypatch, dense) -> None:
    monkeypatch.setattr(repository_module, "DENSE", dense)
    repository = DialogueRepository(database)
    first, second, third = add_people(database, "Aigerim Zhumabayeva", "Daniyar Sadykov", "Bakyt Osmonov")
    repository.save(make_dialogue("chaired by Kazakhstan", country="BE", chair=r.Party.country("KZ")))
    repository.save(make_dialogue("hosted by Kazakhstan", country="KZ", city="Astana"))
    # two Kazakh delegations (the partner and the host side) are still one dialogue of Kazakhstan
    repository.save(make_dialogue("two Kazakh delegations", country="BE", delegations=(
        delegation_of(r.Party.country("KZ"), first), delegation_of(r.Party.country("KZ"), second, side=Side.EU),
        delegation_of(r.Party.country("UZ"), third))))
    assert _shown(repository, r.DialogueFilter(country="KZ")) == {"hosted by Kazakhstan", "two Kazakh delegations"}
    assert _shown(repository, r.DialogueFilter(country="UZ")) == {"two Kazakh delegations"}
    assert _shown(repository, r.DialogueFilter(country="KZ", status=DialogueStatus.FINAL)) == {
        "hosted by Kazakhstan", "two Kazakh delegations"}


def test_a_search_counts_and_shows_only_its_side_of_the_trash(database: Database) -> None:
    repository = DialogueRepository(database)
    repository.save(make_dialogue("Methamphetamine routes", topics=()))
    gone = repository.save(make_dialogue("Methamphetamine precursors", topics=()))
    repository.save(make_dialogue("Border management", topics=()))
    repository.delete(gone.id)
    assert _shown(repository, r.DialogueFilter(text="methamphetamine")) == {"Methamphetamine routes"}
    assert _shown(repository, r.DialogueFilter(text="methamphetamine", deleted=True)) == {
        "Methamphetamine precursors"}


def test_every_word_searched_must_be_found(database: Database) -> None:
    repository = DialogueRepository(database)
    for title in ("Drug policy in Almaty", "Drug policy in Tashkent", "Border management in Almaty",
                  "Asia forum", "Dr Osmonov's visit"):
        repository.save(make_dialogue(title, series=None, topics=()))
    assert _shown(repository, r.DialogueFilter(text="drug almaty")) == {"Drug policy in Almaty"}
    # a word of exactly three letters is a substring, like a longer one
    assert _shown(repository, r.DialogueFilter(text="for")) == {"Asia forum"}
    # a shorter word is the beginning of a word: "dr" finds "Drug" as well as "Dr"
    assert _shown(repository, r.DialogueFilter(text="dr")) == {
        "Drug policy in Almaty", "Drug policy in Tashkent", "Dr Osmonov's visit"}


def test_near_candidates_hold_any_of_the_words_not_all(database: Database) -> None:
    """The person completion's second look (`any_of`): a name holding at least one of the typed
    words' beginnings is a candidate, so one misspelt word does not hide the person."""
    aigerim, daniyar = add_people(database, "Aigerim Zhumabayeva", "Daniyar Sadykov")
    with database.reading() as session:
        found = set(session.scalars(select(m.PersonRow.id).where(
            search_index.any_of(search_index.PEOPLE, ["aig", "xqz"]))))
        both = set(session.scalars(select(m.PersonRow.id).where(
            search_index.any_of(search_index.PEOPLE, ["aig", "sad"]))))
    assert found == {aigerim.id}
    assert both == {aigerim.id, daniyar.id}


def test_the_report_dialogs_parties_come_from_dialogues_not_in_the_trash(database: Database) -> None:
    repository = DialogueRepository(database)
    first, second = add_people(database, "Aigerim Zhumabayeva", "Bakyt Osmonov")
    repository.save(make_dialogue("current", delegations=(delegation_of(r.Party.country("KZ"), first),)))
    gone = repository.save(make_dialogue("trashed", delegations=(delegation_of(r.Party.country("KG"), second),)))
    repository.delete(gone.id)
    assert [code for code, _ in report_parties(database, "en")] == ["KZ"]


@pytest.mark.usefixtures("qapp")
def test_the_report_lists_its_dialogues_by_start_date_then_title(database: Database) -> None:
    repository = DialogueRepository(database)
    for title, start in (("Almaty round", date(2024, 5, 2)), ("Bishkek round", date(2023, 1, 9)),
                         ("Astana round", date(2024, 5, 2)), ("Dushanbe round", date(2022, 7, 1))):
        repository.save(make_dialogue(title, start_date=start))
    report = build_report(database, ReportSelection(), with_sections=False, with_participants=False)
    assert [line.title for line in report.dialogues] == [
        "Dushanbe round", "Bishkek round", "Almaty round", "Astana round"]
