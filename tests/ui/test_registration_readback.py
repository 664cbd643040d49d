"""A filled registration list read back through the wizard, driven by the mouse (round 14): an
"Attended" column is read as ticks; people already in the meeting get the list's attendance and
position, are not added again under another country, and gain no spelling that differs only in
case or spacing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.enums import DialogueStatus
from desktop_app.domain.enums import ParticipationStatus as S
from desktop_app.domain.records import Party
from desktop_app.ui.dialogs.registration_wizard import RegistrationWizard
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.registration_files import write_xlsx

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def click(qtbot, wizard, which) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def run_wizard(qtbot, database, dialogue_id, path: Path) -> RegistrationWizard:
    wizard = RegistrationWizard(database, dialogue_id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path, str(path))
    for _ in range(4):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.import_page, wizard.check_page.summary.text()
    with qtbot.waitSignal(wizard.imported):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    return wizard


def by_name(database, dialogue_id):
    from desktop_app.db.repositories.people import PeopleRepository
    saved = DialogueRepository(database).get(dialogue_id)
    people = PeopleRepository(database)
    return {people.get(p.person_id).name: p for d in saved.delegations for p in d.participants}


def test_an_attended_column_ticked_yes_records_attended_and_blank_not(qtbot, database, tmp_path: Path) -> None:
    """The officer's list has an "Attended" column (a heading the app itself reads as the status):
    "yes" for the walk-in who came, nothing for the one who did not."""
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(), status=DialogueStatus.DRAFT))
    path = write_xlsx(tmp_path / "filled.xlsx", [
        ("Name", "Position", "Country", "Attended"),
        ("Айгуль Сапарова", "Эксперт", "Kazakhstan", "yes"),
        (None, None, None, None),
        ("Timur Hasanov", "Expert", "Kazakhstan", None),
    ])
    wizard = run_wizard(qtbot, database, dialogue.id, path)
    got = {name: p.status for name, p in by_name(database, dialogue.id).items()}
    assert got == {"Айгуль Сапарова": S.ATTENDED, "Timur Hasanov": S.INVITED}, (
        got, wizard.summary.describe())


def test_the_list_ticks_and_repositions_people_already_invited(qtbot, database, tmp_path: Path) -> None:
    """The meeting's invited people come back on the filled list: one attended with a new position,
    one absent. The import must take the list's facts, or say that it did not."""
    aigerim, timur = add_people(database, "Aigerim Zhumabayeva", "Timur Hasanov")
    delegation = delegation_of(Party.country("KZ"), aigerim, timur)
    delegation = replace(delegation, participants=tuple(replace(p, status=S.INVITED) for p in delegation.participants))
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(delegation,),
                                                               status=DialogueStatus.DRAFT))
    path = write_xlsx(tmp_path / "filled.xlsx", [
        ("Name", "Position", "Country", "Participation status"),
        ("aigerim  ZHUMABAYEVA", "Head of Unit", "Kazakhstan", "attended"),
        ("Timur Hasanov", "Expert", "Kazakhstan", "absent"),
    ])
    wizard = run_wizard(qtbot, database, dialogue.id, path)
    got = {name: (p.status, p.position) for name, p in by_name(database, dialogue.id).items()}
    assert got == {"Aigerim Zhumabayeva": (S.ATTENDED, "Head of Unit"), "Timur Hasanov": (S.ABSENT, "Expert")}, (
        got, wizard.summary.describe())


def test_a_person_of_this_meeting_listed_under_another_country_is_not_duplicated(qtbot, database,
                                                                                 tmp_path: Path) -> None:
    """Timur is in the KZ delegation; the filled list (UZ's page) also has him. Left at the wizard's
    defaults, the import must not make a second Timur in the meeting without a word."""
    from desktop_app.db.repositories.people import PeopleRepository
    (timur,) = add_people(database, "Timur Hasanov")
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(Party.country("KZ"), timur),), status=DialogueStatus.DRAFT))
    path = write_xlsx(tmp_path / "filled.xlsx", [
        ("Name", "Position", "Country"),
        ("Timur Hasanov", "Expert", "Uzbekistan"),
    ])
    wizard = run_wizard(qtbot, database, dialogue.id, path)
    timurs = [p for p in PeopleRepository(database).search() if p.name == "Timur Hasanov"]
    entries = [wizard.check_page.entries.item(0, c).text() if wizard.check_page.entries.item(0, c) else ""
               for c in range(4)]
    assert len(timurs) == 1, (len(timurs), wizard.summary.describe(), entries)


def test_a_known_person_typed_in_other_case_gains_no_new_spelling(qtbot, database, tmp_path: Path) -> None:
    """Upper case and doubled spaces are not another spelling of a name; nobody else changes."""
    from desktop_app.db.repositories.people import PeopleRepository
    (aigerim,) = add_people(database, "Aigerim Zhumabayeva")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(), status=DialogueStatus.DRAFT))
    path = write_xlsx(tmp_path / "filled.xlsx", [
        ("Name", "Position", "Country"),
        ("  AIGERIM   zhumabayeva ", "Expert", "Kazakhstan"),
    ])
    wizard = run_wizard(qtbot, database, dialogue.id, path)
    assert wizard.summary.known_people == 1
    after = PeopleRepository(database).get(aigerim.id)
    assert after.other_names == (), after.other_names


def test_the_check_page_says_what_becomes_of_people_already_in_the_meeting(qtbot, database, tmp_path: Path) -> None:
    """Round 16: every row of someone already in the meeting read "already in this dialogue —
    skipped", though the import takes the list's attendance and position for them (round 14). Now the
    row says so when the list gives either, and "skipped" only when it gives neither."""
    aigerim, timur = add_people(database, "Aigerim Zhumabayeva", "Timur Hasanov")
    delegation = delegation_of(Party.country("KZ"), aigerim, timur)
    delegation = replace(delegation, participants=tuple(replace(p, status=S.INVITED) for p in delegation.participants))
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=(delegation,),
                                                               status=DialogueStatus.DRAFT))
    path = write_xlsx(tmp_path / "filled.xlsx", [("Name", "Position", "Country", "Participation status"),
                                                 ("Aigerim Zhumabayeva", "", "Kazakhstan", "attended"),
                                                 ("Timur Hasanov", "", "Kazakhstan", "")])
    wizard = RegistrationWizard(database, dialogue.id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path, str(path))
    for _ in range(3):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    entries = wizard.check_page.entries
    said = {entries.item(r, 1).text(): entries.item(r, 3).text() for r in range(entries.rowCount())}
    assert said == {"Aigerim Zhumabayeva": "already in this dialogue — attendance and position taken from the list",
                    "Timur Hasanov": "already in this dialogue — skipped"}
