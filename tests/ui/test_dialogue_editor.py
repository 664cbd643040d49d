"""The dialogue form, driven by typing into its real widgets, checked against what was saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueKind, DialogueStatus, Role, Sex, Side
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.factories import add_people, make_dialogue
from tests.ui.form_driving import cell, press, type_date, type_into_cell, type_text

# The offscreen platform cannot raise windows or grab the keyboard for completion popups.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

SUMMARY = ("Regular annual dialogue to strengthen international cooperation, exchange views and support "
           "the proper development of drug policies.")
AGENDA = [
    ("Drugs policy and drugs situation in the EU", "European Commission"),
    ("Drugs policy and drugs situation in Central Asian countries: recent developments and trends", ""),
    ("Emerging challenges: the drug situation in Afghanistan, methamphetamine and heroin", ""),
]
TOPICS = ("drug policy", "drug situation", "methamphetamine", "heroin", "drug trafficking", "Afghanistan")
FRAMEWORKS = ("EU Drugs Strategy 2021-2025", "EU Drugs Action Plan 2021-2025")


class Answers:
    """Stands in for the user at QMessageBox prompts: records each prompt, gives a set answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.questions: list[str] = []
        self.warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QMessageBox, "warning", self._warning)

    def _question(self, _parent, title, text, *args, **kwargs):
        self.questions.append(f"{title}: {text}")
        return self.answer

    def _warning(self, _parent, title, text, *args, **kwargs):
        self.warnings.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok


def open_editor(qtbot, database, dialogue: r.Dialogue | None = None) -> DialogueEditor:
    editor = DialogueEditor(database, dialogue)
    # At teardown nobody is there to answer "save your changes?": let the window go quietly.
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_the_2023_dialogue_is_entered_from_the_keyboard_saved_and_reopened(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Discard)
    (known,) = add_people(database, "Бакыт Асанов")
    PeopleRepository(database).save(replace(PeopleRepository(database).get(known.id),
                                            other_names=("Bakyt Asanov",)))
    editor = open_editor(qtbot, database)
    details = editor.details

    type_text(qtbot, details.title, "EU-Central Asia Drug Dialogue 2023")
    type_text(qtbot, details.series, "EU-Central Asia Drug Dialogue")
    qtbot.keyClick(details.status, Qt.Key.Key_Down)  # Draft -> Final
    type_date(qtbot, details.start_date, "2023-12-13")
    details.end_date.check.setFocus()
    qtbot.keyClick(details.end_date.check, Qt.Key.Key_Space)
    type_date(qtbot, details.end_date.edit, "2023-12-13")
    type_text(qtbot, details.city, "Brussels")
    type_text(qtbot, details.country, "Belgium")
    type_text(qtbot, details.chair, "Испания")  # the Russian name finds Spain
    type_text(qtbot, details.topics, "; ".join(TOPICS))
    type_text(qtbot, details.frameworks, "; ".join(FRAMEWORKS))
    type_text(qtbot, details.programmes, "CADAP")
    type_text(qtbot, details.summary, SUMMARY)
    assert editor.windowTitle().startswith("EU-Central Asia Drug Dialogue 2023*")

    for row, (title, presenter) in enumerate(AGENDA):
        press(qtbot, editor, Qt.Key.Key_A, CTRL_SHIFT)  # add agenda item, editing its title
        type_into_cell(qtbot, editor.agenda.table, row, 0, title)
        if presenter:
            type_into_cell(qtbot, editor.agenda.table, row, 1, presenter)
    editor.agenda.table.setCurrentCell(2, 0)
    qtbot.mouseClick(editor.agenda.buttons.up, Qt.MouseButton.LeftButton)  # reorder, then put it back
    editor.agenda.table.setCurrentCell(1, 0)
    qtbot.mouseClick(editor.agenda.buttons.down, Qt.MouseButton.LeftButton)

    editor.tabs.setCurrentIndex(1)
    delegations = editor.delegations
    qtbot.mouseClick(delegations.add_central_asia, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(delegations.add_central_asia, Qt.MouseButton.LeftButton)  # twice adds nothing more
    for row in range(5):  # CADAP supported the five Central Asian delegations
        delegations.table.setFocus()
        delegations.table.setCurrentCell(row, 2)
        qtbot.keyClick(delegations.table, Qt.Key.Key_Space)
    press(qtbot, editor, Qt.Key.Key_D, CTRL_SHIFT)  # focus the party picker
    type_text(qtbot, delegations.party_picker, "Spain")
    assert Side(delegations.side.currentData()) is Side.EU  # defaulted from the party
    qtbot.keyClick(delegations.party_picker, Qt.Key.Key_Return)
    for organisation in ("European Commission", "EMCDDA"):
        type_text(qtbot, delegations.party_picker, organisation)
        qtbot.keyClick(delegations.party_picker, Qt.Key.Key_Return)

    delegations.select(0)  # Kazakhstan: a new person in Cyrillic, heading it; a known one by Latin name
    press(qtbot, editor, Qt.Key.Key_P, CTRL_SHIFT)
    type_into_cell(qtbot, delegations.participants, 0, 0, "Асель Нурланова")
    type_into_cell(qtbot, delegations.participants, 0, 1, "Ministry of Internal Affairs")
    type_into_cell(qtbot, delegations.participants, 0, 2, "Deputy Minister")
    type_into_cell(qtbot, delegations.participants, 0, 4, "Female")
    press(qtbot, editor, Qt.Key.Key_P, CTRL_SHIFT)
    type_into_cell(qtbot, delegations.participants, 1, 0, "Bakyt Asanov")
    type_into_cell(qtbot, delegations.participants, 1, 1, "Ministry of Internal Affairs")
    assert cell(delegations.participants, 1, 0) == "Бакыт Асанов"  # the known person, by another spelling
    assert cell(delegations.participants, 0, 3) == "Head" and cell(delegations.participants, 1, 3) == "Member"
    delegations.select(1)  # Kyrgyzstan: a Latin name, first entered with two heads
    press(qtbot, editor, Qt.Key.Key_P, CTRL_SHIFT)
    type_into_cell(qtbot, delegations.participants, 0, 0, "Aibek Toktogulov")
    type_into_cell(qtbot, delegations.participants, 0, 4, "Male")
    press(qtbot, editor, Qt.Key.Key_P, CTRL_SHIFT)
    type_into_cell(qtbot, delegations.participants, 1, 0, "Нургуль Садыкова")
    type_into_cell(qtbot, delegations.participants, 1, 3, "Head")
    assert "2 heads" in delegations.head_warning.text() and delegations.head_warning.isVisibleTo(editor)
    assert "2 heads" in editor.message.text()
    type_into_cell(qtbot, delegations.participants, 1, 3, "Member")
    assert not delegations.head_warning.isVisibleTo(editor)

    with qtbot.waitSignal(editor.saved) as saved:
        press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert answers.warnings == []
    assert not editor.windowTitle().startswith("EU-Central Asia Drug Dialogue 2023*")

    stored = DialogueRepository(database).get(saved.args[0])
    assert (stored.title, stored.series, stored.kind, stored.status) == (
        "EU-Central Asia Drug Dialogue 2023", "EU-Central Asia Drug Dialogue", DialogueKind.REGIONAL,
        DialogueStatus.FINAL)
    assert (stored.start_date, stored.end_date) == (date(2023, 12, 13), date(2023, 12, 13))
    assert (stored.city, stored.country, stored.online, stored.chair) == ("Brussels", "BE", False,
                                                                          r.Party.country("ES"))
    assert stored.topics == TOPICS and stored.frameworks == FRAMEWORKS
    assert stored.supporting_programmes == ("CADAP",) and stored.summary == SUMMARY
    assert [(a.title, a.presenter) for a in stored.agenda] == [
        (AGENDA[0][0], r.Party.organisation("European Commission")), (AGENDA[1][0], None), (AGENDA[2][0], None)]
    assert [(d.party.key, d.side, d.programme_supported) for d in stored.delegations] == [
        ("country:KZ", Side.PARTNER, True), ("country:KG", Side.PARTNER, True), ("country:TJ", Side.PARTNER, True),
        ("country:TM", Side.PARTNER, True), ("country:UZ", Side.PARTNER, True), ("country:ES", Side.EU, False),
        ("organisation:European Commission", Side.EU, False),
        ("organisation:European Monitoring Centre for Drugs and Drug Addiction", Side.EU, False)]
    people = PeopleRepository(database)
    kazakhstan, kyrgyzstan = stored.delegations[0], stored.delegations[1]
    asel = people.get(kazakhstan.participants[0].person_id)
    assert (asel.name, asel.sex) == ("Асель Нурланова", Sex.FEMALE)
    assert kazakhstan.participants[0].role is Role.HEAD
    assert kazakhstan.participants[0].position == "Deputy Minister"
    assert kazakhstan.participants[1].person_id == known.id and kazakhstan.participants[1].role is Role.MEMBER
    ministry = InstitutionRepository(database).get(kazakhstan.participants[0].institution_id)
    assert (ministry.name, ministry.country) == ("Ministry of Internal Affairs", "KZ")
    assert kazakhstan.participants[1].institution_id == ministry.id  # one institution, not two
    assert [(people.get(p.person_id).name, p.role) for p in kyrgyzstan.participants] == [
        ("Aibek Toktogulov", Role.HEAD), ("Нургуль Садыкова", Role.MEMBER)]
    assert people.get(kyrgyzstan.participants[0].person_id).sex is Sex.MALE

    reopened = open_editor(qtbot, database, stored)
    assert reopened.record() == stored
    assert reopened.details.chair.text() == "Spain — Испания"
    reopened.delegations.select(0)
    assert [cell(reopened.delegations.participants, 0, c) for c in range(5)] == [
        "Асель Нурланова", "Ministry of Internal Affairs", "Deputy Minister", "Head", "Female"]
    assert not reopened.is_modified()
    assert reopened.close() and answers.questions == []  # nothing changed: no prompt


def test_person_completion_offers_both_spellings(qtbot, database):
    people = PeopleRepository(database)
    (person,) = add_people(database, "Бакыт Асанов")
    people.save(replace(people.get(person.id), other_names=("Bakyt Asanov",)))
    editor = open_editor(qtbot, database)
    # what the name cell offers as the officer types, in either script
    assert "Бакыт Асанов / Bakyt Asanov" in editor.people.labels_matching("Bakyt")
    assert "Бакыт Асанов / Bakyt Asanov" in editor.people.labels_matching("бакыт")


def test_problems_are_shown_as_you_type_and_save_is_refused(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Discard)
    editor = open_editor(qtbot, database)
    assert editor.message.text() == ""  # a new empty form does not start red
    assert editor.details.title.styleSheet() == ""
    type_text(qtbot, editor.details.title, "Expert meeting")
    assert editor.message.text() == ""
    type_date(qtbot, editor.details.start_date, "2024-05-10")
    editor.details.end_date.check.setFocus()
    qtbot.keyClick(editor.details.end_date.check, Qt.Key.Key_Space)
    type_date(qtbot, editor.details.end_date.edit, "2024-05-08")
    assert "end date 2024-05-08 is before the start date 2024-05-10" in editor.message.text()
    assert "border" in editor.details.end_date.edit.styleSheet()
    assert "before the start date" in editor.details.end_date.edit.toolTip()

    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert len(answers.warnings) == 1 and "before the start date" in answers.warnings[0]
    assert "Not saved" in editor.message.text()

    type_date(qtbot, editor.details.end_date.edit, "2024-05-11")
    editor.details.title.setFocus()
    editor.details.title.selectAll()
    qtbot.keyClick(editor.details.title, Qt.Key.Key_Delete)
    assert "The title is required." in editor.message.text()
    assert "border" in editor.details.title.styleSheet()
    assert "border" not in editor.details.end_date.edit.styleSheet()
    editor.save_action.trigger()
    assert "title is required" in answers.warnings[-1]
    assert DialogueRepository(database).count() == 0


def test_unknown_host_country_is_named(qtbot, database):
    editor = open_editor(qtbot, database)
    type_text(qtbot, editor.details.title, "Meeting")
    type_text(qtbot, editor.details.country, "Belg")  # not (yet) a country: said in the officer's words
    assert editor.message.text().endswith("No country is called “Belg”: choose the host country from the list "
                                          "that opens as you type.")
    assert "country code" not in editor.message.text()
    assert "border" in editor.details.country.styleSheet()


@pytest.mark.parametrize(("answer", "closes", "saved"), [
    (QMessageBox.StandardButton.Cancel, False, 0),
    (QMessageBox.StandardButton.Discard, True, 0),
    (QMessageBox.StandardButton.Save, True, 1),
])
def test_closing_with_unsaved_changes_asks_first(qtbot, database, monkeypatch, answer, closes, saved):
    answers = Answers(monkeypatch, answer)
    editor = open_editor(qtbot, database)
    assert editor.close()  # an untouched new form closes without asking
    assert answers.questions == []
    editor = open_editor(qtbot, database)
    type_text(qtbot, editor.details.title, "Bilateral meeting")
    type_date(qtbot, editor.details.start_date, "13.12.2023")
    assert editor.close() is closes
    assert len(answers.questions) == 1 and "Unsaved changes" in answers.questions[0]
    assert editor.isVisible() is not closes
    assert DialogueRepository(database).count() == saved


def test_undo_and_redo_step_through_edits_across_fields_and_tables(qtbot, database):
    stored = DialogueRepository(database).save(make_dialogue(city="Brussels"))
    editor = open_editor(qtbot, database, stored)
    type_text(qtbot, editor.details.title, "Renamed")
    type_text(qtbot, editor.details.city, "Almaty")
    editor.tabs.setCurrentIndex(1)
    qtbot.mouseClick(editor.delegations.add_eu_side, Qt.MouseButton.LeftButton)
    assert len(editor.delegations.delegations()) == 5  # the EU bodies of 13 Dec 2023, once each, no EU Delegation

    press(qtbot, editor, Qt.Key.Key_Z, CTRL)
    assert editor.delegations.delegations() == ()
    qtbot.keyClick(editor.details.city, Qt.Key.Key_Z, CTRL)  # even from inside a text field
    assert (editor.details.title.text(), editor.details.city.text()) == ("Renamed", "Brussels")
    qtbot.keyClick(editor.details.city, Qt.Key.Key_Z, CTRL)
    assert editor.details.title.text() == stored.title
    assert not editor.is_modified()
    press(qtbot, editor, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.details.title.text() == "Renamed" and editor.details.city.text() == "Brussels"
    assert editor.is_modified()


def test_a_stale_save_is_reported_nothing_is_overwritten_and_reload_is_offered(qtbot, database, monkeypatch):
    repository = DialogueRepository(database)
    stored = repository.save(make_dialogue(city="Brussels"))
    editor = open_editor(qtbot, database, stored)
    type_text(qtbot, editor.details.city, "Almaty")
    repository.save(replace(stored, city="Bishkek"))  # someone else, meanwhile

    answers = Answers(monkeypatch, QMessageBox.StandardButton.No)
    assert editor.save() is False
    assert "changed elsewhere" in answers.questions[0] and "Reload" in answers.questions[0]
    assert "changed elsewhere" in editor.message.text()
    assert repository.get(stored.id).city == "Bishkek"
    assert editor.details.city.text() == "Almaty"  # the officer's typing is still there

    answers.answer = QMessageBox.StandardButton.Yes
    assert editor.save() is False
    assert editor.details.city.text() == "Bishkek" and not editor.is_modified()
    type_text(qtbot, editor.details.city, "Astana")
    assert editor.save() is True
    assert repository.get(stored.id).city == "Astana"


def test_a_duplicate_is_unsaved_until_saved_as_a_new_dialogue(qtbot, database, monkeypatch):
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    repository = DialogueRepository(database)
    original = repository.save(make_dialogue())
    from desktop_app.services.next_edition import prepare_next_edition

    editor = open_editor(qtbot, database, prepare_next_edition(database, original.id).dialogue)
    assert editor.is_modified() and editor.windowTitle().startswith("EU-Central Asia Drug Dialogue 2024*")
    assert editor.close() is False and answers.questions
    type_text(qtbot, editor.details.title, "EU-Central Asia Drug Dialogue 2024")
    assert editor.save()
    assert repository.count() == 2 and repository.get(original.id).title == original.title
