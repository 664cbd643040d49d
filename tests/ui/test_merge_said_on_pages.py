"""The People and Institutions pages' Merge says what the kept record will not keep, and merges
only when the officer agrees (round 15: the People page dropped the other's e-mail and sex, the
Institutions page its acronym and country, without a word; "Find duplicate people" said the e-mail)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.ui.institutions_view import InstitutionsView
from desktop_app.ui.people_view import PeopleView
from tests.factories import add_institution, add_people, delegation_of, make_dialogue
from tests.ui.test_people_view import select_rows


def _people(database):
    people = PeopleRepository(database)
    a, b = add_people(database, "Aigerim Zhumabayeva", "Aygerim Jumabaeva")
    return (people.save(replace(a, email="aigerim@mvd.kz", sex=Sex.FEMALE)),
            people.save(replace(b, email="a.jumabaeva@gmail.com", sex=Sex.MALE)))


@pytest.mark.parametrize("agree", [True, False])
def test_people_page_names_the_email_and_sex_not_kept(qtbot, database, answers, agree) -> None:
    keep, twin = _people(database)
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    select_rows(view, 0, 1)
    answers.choice = 0  # keep "Aigerim Zhumabayeva"
    answers.confirm = agree
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    asked = answers.texts("ask")
    assert len(asked) == 2, asked  # which to keep; then what is not kept
    assert asked[1] == ("The e-mail address a.jumabaeva@gmail.com of “Aygerim Jumabaeva” is not kept: "
                        "“Aigerim Zhumabayeva” keeps aigerim@mvd.kz.\n"
                        "“Aygerim Jumabaeva” is recorded as male and “Aigerim Zhumabayeva” as female: "
                        "the merged record keeps female.\nMerge them?")
    left = {p.id for p in PeopleRepository(database).search()}
    assert left == ({keep.id} if agree else {keep.id, twin.id})
    assert PeopleRepository(database).get(twin.id if not agree else keep.id).email == (
        "aigerim@mvd.kz" if agree else "a.jumabaeva@gmail.com")


def test_people_page_asks_nothing_more_when_nothing_is_lost(qtbot, database, answers) -> None:
    people = PeopleRepository(database)
    a, b = add_people(database, "Aigerim Zhumabayeva", "Aygerim Jumabaeva")
    people.save(replace(b, email="aigerim@mvd.kz", sex=Sex.FEMALE))
    view = PeopleView(people)
    qtbot.addWidget(view)
    select_rows(view, 0, 1)
    answers.choice = 0
    answers.confirm = False  # would refuse, were it asked
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert len(answers.texts("ask")) == 1
    merged = people.get(a.id)
    assert (merged.email, merged.sex) == ("aigerim@mvd.kz", Sex.FEMALE)  # taken from the other


def test_people_page_names_a_meeting_where_the_kept_person_is_now_twice(qtbot, database, answers) -> None:
    keep, twin = add_people(database, "Aigerim Zhumabayeva", "Aygerim Jumabaeva")
    DialogueRepository(database).save(make_dialogue("Meeting one", delegations=(
        delegation_of(r.Party.country("KZ"), keep), delegation_of(r.Party.country("UZ"), twin))))
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    select_rows(view, 0, 1)
    answers.choice = 0
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert answers.texts("inform") == [
        "“Aigerim Zhumabayeva” is now in two delegations of “Meeting one”. Open the meeting and keep the right one."]


@pytest.mark.parametrize("agree", [True, False])
def test_institutions_page_names_the_country_not_kept(qtbot, database, answers, agree) -> None:
    institutions = InstitutionRepository(database)
    english = institutions.save(replace(add_institution(database, "Ministry of Health", "KZ"), acronym="MoH"))
    russian = add_institution(database, "Министерство здравоохранения", "KG")
    view = InstitutionsView(institutions)
    qtbot.addWidget(view)
    select_rows(view, 0, 1)
    answers.choice = [i.name for i in view.model.records].index("Ministry of Health")
    answers.confirm = agree
    view.merge_selected()
    assert answers.texts("ask")[1] == ("“Министерство здравоохранения” is in Kyrgyzstan and “Ministry of Health” "
                                       "in Kazakhstan: the merged institution keeps Kazakhstan.\nMerge them?")
    assert {i.id for i in institutions.all()} == ({english.id} if agree else {english.id, russian.id})
    assert institutions.get(russian.id if not agree else english.id).country == ("KZ" if agree else "KG")
