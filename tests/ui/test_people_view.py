"""People and institutions pages: search, edit, merge two records of one person."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex
from desktop_app.ui.institutions_view import InstitutionsView
from desktop_app.ui.models.people_model import PeopleTableModel
from desktop_app.ui.people_view import PeopleView
from tests.factories import add_institution, add_people, delegation_of, make_dialogue
from tests.ui.conftest import add_dialogues
from tests.ui.form_driving import key_clicks


def names(view: PeopleView) -> list[str]:
    return [p.name for p in view.model.records]


def select_rows(view: PeopleView, *rows: int) -> None:
    selection = view.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(view.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_search_finds_people_in_either_spelling(qtbot, database):
    add_people(database, "Aigerim Zhumabayeva", "Timur Nazarov")
    PeopleRepository(database).save(r.Person(id=r.new_id(), name="Гульнара Асанова", other_names=("Gulnara Asanova",)))
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    assert len(names(view)) == 3
    qtbot.keyClicks(view.search, "gulnara")
    qtbot.waitUntil(lambda: names(view) == ["Гульнара Асанова"])


def test_search_reads_j_and_i_as_the_cyrillic_short_i(qtbot, database):
    """«Бойко» recorded, "Bojko" typed; "Ioldoshev" recorded, «Йолдошев» typed (issue 16, round 4)."""
    add_people(database, "Бойко Сергей", "Ioldoshev Oibek", "Бобков Олег")
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "Bojko")
    qtbot.waitUntil(lambda: names(view) == ["Бойко Сергей"])
    view.search.clear()
    key_clicks(qtbot, view.search, "Йолдошев")
    qtbot.waitUntil(lambda: names(view) == ["Ioldoshev Oibek"])


def test_editing_a_person_saves_the_record(qtbot, database):
    (person,) = add_people(database, "Timur Nazarov")
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    view.show()
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.person_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.other_names.setText("Тимур Назаров; Timur  Nazarov ")
    dialog.sex.setCurrentIndex(dialog.sex.findText("Male"))
    qtbot.keyClicks(dialog.email, "t.nazarov@example.tj")
    dialog.accept()
    saved = PeopleRepository(database).get(person.id)
    assert saved.other_names == ("Тимур Назаров", "Timur  Nazarov")
    assert saved.sex is Sex.MALE
    assert saved.email == "t.nazarov@example.tj"
    assert view.model.records[0].email == "t.nazarov@example.tj"


def test_a_refused_edit_keeps_the_dialog_open_with_the_reason(qtbot, database):
    add_people(database, "Timur Nazarov")
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    view.table.setCurrentIndex(view.model.index(0, 0))
    view.edit_current()
    dialog = view.person_dialog
    dialog.name.clear()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text()
    assert names(view) == ["Timur Nazarov"]


def test_merging_two_people_moves_their_meetings(qtbot, database, answers):
    keep, twin = add_people(database, "Aigerim Zhumabayeva", "Aygerim Jumabaeva")
    add_dialogues(database, make_dialogue("First", delegations=(delegation_of(r.Party.country("KZ"), keep),)),
                  make_dialogue("Second", delegations=(delegation_of(r.Party.country("KZ"), twin),)))
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    assert names(view) == ["Aigerim Zhumabayeva", "Aygerim Jumabaeva"]
    select_rows(view, 0, 1)
    answers.choice = 0  # keep the first
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    question = answers.texts("ask")[0]
    assert "Aigerim Zhumabayeva" in question and "Aygerim Jumabaeva" in question
    assert names(view) == ["Aigerim Zhumabayeva"]
    merged = view.model.records[0]
    assert merged.meetings == 2
    assert merged.other_names == ("Aygerim Jumabaeva",)


def test_merge_cancelled_changes_nothing(qtbot, database, answers):
    add_people(database, "Aigerim Zhumabayeva", "Aygerim Jumabaeva")
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    select_rows(view, 0, 1)
    answers.choice = None
    view.merge_selected()
    assert len(PeopleRepository(database).search()) == 2


def test_merge_needs_exactly_two(qtbot, database, answers):
    add_people(database, "Aigerim Zhumabayeva", "Aygerim Jumabaeva", "Timur Nazarov")
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    select_rows(view, 0)
    view.merge_selected()
    assert "exactly two" in answers.texts("inform")[0]
    assert len(PeopleRepository(database).search()) == 3


def test_people_model_passes_the_model_tester(qtmodeltester, database):
    add_people(database, "Aigerim Zhumabayeva", "Timur Nazarov")
    model = PeopleTableModel()
    model.set_records(PeopleRepository(database).search())
    qtmodeltester.check(model)


def test_editing_an_institution(qtbot, database):
    institution = add_institution(database, "Ministry of Health", "KZ")
    add_institution(database, "Drug Control Agency", "TJ")
    view = InstitutionsView(InstitutionRepository(database))
    qtbot.addWidget(view)
    qtmodel_names = [i.name for i in view.model.records]
    assert qtmodel_names == ["Drug Control Agency", "Ministry of Health"]
    qtbot.keyClicks(view.search, "health")
    qtbot.waitUntil(lambda: [i.name for i in view.model.records] == ["Ministry of Health"])
    view.table.setCurrentIndex(view.model.index(0, 0))
    view.edit_current()
    dialog = view.institution_dialog
    qtbot.keyClicks(dialog.acronym, "MoH")
    dialog.country.setCurrentIndex(dialog.country.findData("KG"))
    dialog.accept()
    saved = InstitutionRepository(database).get(institution.id)
    assert (saved.acronym, saved.country) == ("MoH", "KG")


def test_institutions_have_other_names_are_found_in_any_script_and_merge(qtbot, database, answers):
    """Issue 16: the Russian and English names of one ministry are one institution."""
    from desktop_app.db.repositories.dialogues import DialogueRepository

    english = add_institution(database, "Ministry of Health", "KZ")
    russian = add_institution(database, "Министерство здравоохранения", "KZ")
    (person,) = add_people(database, "Aigerim Zhumabayeva")
    meeting = DialogueRepository(database).save(make_dialogue(delegations=(
        delegation_of(r.Party.country("KZ"), person, institution=russian),)))
    view = InstitutionsView(InstitutionRepository(database))
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "ministerstvo zdrav")  # Latin letters find the Cyrillic name
    qtbot.waitUntil(lambda: [i.name for i in view.model.records] == ["Министерство здравоохранения"])
    view.search.clear()
    qtbot.waitUntil(lambda: len(view.model.records) == 2)
    select_rows(view, 0, 1)
    answers.choice = [i.name for i in view.model.records].index("Ministry of Health")
    view.merge_selected()
    (kept,) = InstitutionRepository(database).all()
    assert (kept.id, kept.other_names) == (english.id, ("Министерство здравоохранения",))
    stored = DialogueRepository(database).get(meeting.id)
    assert stored.delegations[0].participants[0].institution_id == english.id
    view.search.setText("здравоохран")  # found by its other name now
    qtbot.waitUntil(lambda: [i.name for i in view.model.records] == ["Ministry of Health"])
    view.table.setCurrentIndex(view.model.index(0, 0))
    view.edit_current()
    dialog = view.institution_dialog
    assert dialog.other_names.text() == "Министерство здравоохранения"
    dialog.other_names.setText("Министерство здравоохранения; Денсаулық сақтау министрлігі")
    dialog.accept()
    assert InstitutionRepository(database).get(english.id).other_names == (
        "Министерство здравоохранения", "Денсаулық сақтау министрлігі")


def test_a_person_merge_and_an_institution_merge_are_one_service_operation(database, monkeypatch):
    from desktop_app.services import merging
    from desktop_app.services.people_duplicates import merge_people

    calls = []
    real = merging.merge_records
    monkeypatch.setattr(merging, "merge_records", lambda *a: calls.append(a[1]) or real(*a))
    keep, gone = add_people(database, "Timur Hasanov", "Тимур Хасанов")
    merge_people(database, keep.id, gone.id)
    assert calls == [merging.RecordKind.PERSON]
    assert PeopleRepository(database).get(keep.id).other_names == ("Тимур Хасанов",)


def test_meetings_count_each_meeting_attended_once_and_leave_out_the_trash(qtbot, database):
    """The Meetings column is how many meetings a person came to, as the report and `people` count
    (contract §3 v2): a meeting in the trash is not counted (it is not in the list either), two
    delegations of one meeting are one meeting, an invitation is not a meeting attended."""
    from dataclasses import replace

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.domain.enums import ParticipationStatus
    from desktop_app.services.listing import people_rows

    (person,) = add_people(database, "Aigerim Zhumabayeva")
    trashed = make_dialogue("Second", delegations=(delegation_of(r.Party.country("KZ"), person),))
    invited = delegation_of(r.Party.country("KZ"), person)
    invited = replace(invited, participants=(replace(invited.participants[0],
                                                     status=ParticipationStatus.INVITED),))
    add_dialogues(
        database, make_dialogue("First", delegations=(delegation_of(r.Party.country("KZ"), person),)),
        trashed,
        make_dialogue("Third", delegations=(delegation_of(r.Party.country("KZ"), person),
                                            delegation_of(r.Party.country("KG"), person))),
        make_dialogue("Fourth", delegations=(invited,)))
    DialogueRepository(database).delete(trashed.id)
    view = PeopleView(PeopleRepository(database))
    qtbot.addWidget(view)
    assert view.model.records[0].meetings == 2
    assert [row["dialogues"] for row in people_rows(database)] == [2]
    DialogueRepository(database).restore(trashed.id)
    view.reload()
    assert view.model.records[0].meetings == 3
