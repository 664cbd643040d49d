"""The seed's 2023 meeting typed into the form with the keyboard only — every field, the 11
delegations, two invented people for each Central Asian delegation and a head for Spain and for the
Commission (Cyrillic and Latin names), 4 agenda items and one open action — in an English and in a
Russian window; then every stored value is checked. Keys go where the keyboard is (`receiver`): into
open cell editors, date fields and completion lists, as on an officer's desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueKind, DialogueStatus, ParticipationStatus, Role, Sex, Side
from tests.ui.form_driving import key, keys, receiver
from tests.ui.test_dialogue_editor import Answers, open_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# The seed (/work/shared/examples/eu-ca-drug-dialogue-2023.json), as the officer reads it off the page.
TITLE = "EU-Central Asia Drug Dialogue 2023"
SERIES = "EU-Central Asia Drug Dialogue"
SUMMARY = ("Regular annual dialogue to strengthen international cooperation, exchange views and support the "
           "proper development of drug policies. CADAP supported the participation of delegations from all five "
           "Central Asian countries, representing state institutions that counter drug smuggling and develop "
           "state drug policy.")
TOPICS = ("drug policy", "drug situation", "methamphetamine", "heroin", "drug trafficking", "Afghanistan")
FRAMEWORKS = ("EU Drugs Strategy 2021-2025", "EU Drugs Action Plan 2021-2025")
AGENDA = (
    "Drugs policy and drugs situation in the EU, including the evaluation of the implementation of the EU Drugs "
    "Strategy and Action Plan 2021-2025",
    "Drugs policy and drugs situation in Central Asian countries: recent developments and trends",
    "Overview of EU-Central Asia collaboration in the field of drugs; presentation of CADAP and other regional "
    "EU-funded programmes",
    "Emerging challenges: the drug situation in Afghanistan, methamphetamine and heroin production and trafficking",
)
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
EU_ORGANISATIONS = ("European Commission", "European Monitoring Centre for Drugs and Drug Addiction", "Europol",
                    "European External Action Service", "General Secretariat of the Council of the EU")


@dataclass(frozen=True)
class Window:
    """What differs when the same meeting is typed in the other language's window."""

    start: str
    parties: dict[str, str]  # party key -> what the officer types in the party field
    host: str
    chair: str
    presenter: str
    female: str
    male: str
    due: str


ENGLISH = Window(
    start="13 Dec 2023", host="Belgium", chair="Spain", presenter="European Commission", female="F", male="M",
    due="31/03/2024",
    parties={"country:KZ": "Kazakhstan", "country:KG": "Kyrgyzstan", "country:TJ": "Tajikistan",
             "country:TM": "Turkmenistan", "country:UZ": "Uzbekistan", "country:ES": "Spain",
             "organisation:European Commission": "European Commission",
             "organisation:European Monitoring Centre for Drugs and Drug Addiction": "EMCDDA",
             "organisation:Europol": "Europol", "organisation:European External Action Service": "EEAS",
             "organisation:General Secretariat of the Council of the EU": "General Secretariat of the Council…"})
RUSSIAN = Window(
    start="13.12.2023", host="Бельгия", chair="Испания", presenter="Европейская комиссия", female="Ж", male="М",
    due="31 марта 2024",
    parties={"country:KZ": "Казахстан", "country:KG": "Кыргызстан", "country:TJ": "Таджикистан",
             "country:TM": "Туркменистан", "country:UZ": "Узбекистан", "country:ES": "Испания",
             "organisation:European Commission": "Европейская комиссия",
             "organisation:European Monitoring Centre for Drugs and Drug Addiction": "EMCDDA",
             "organisation:Europol": "Европол", "organisation:European External Action Service": "EEAS",
             "organisation:General Secretariat of the Council of the EU": "Генеральный секрет…"})

# Invented people: (name, institution, position, sex) per delegation, in Cyrillic and Latin.
PEOPLE: dict[str, tuple[tuple[str, str, str, Sex], ...]] = {
    "country:KZ": (("Асель Нурланова", "Ministry of Internal Affairs", "Deputy Minister", Sex.FEMALE),
                   ("Yerlan Zhumabayev", "Ministry of Internal Affairs", "Analyst", Sex.MALE)),
    "country:KG": (("Aibek Toktogulov", "Ministry of Interior", "Head of Department", Sex.MALE),
                   ("Нургуль Садыкова", "Министерство здравоохранения", "Эксперт", Sex.FEMALE)),
    "country:TJ": (("Фарход Рахимов", "Drug Control Agency", "Director", Sex.MALE),
                   ("Malika Nazarova", "Drug Control Agency", "Analyst", Sex.FEMALE)),
    "country:TM": (("Gulnara Berdiyeva", "State Service for Combating Drugs", "Deputy Head", Sex.FEMALE),
                   ("Мерген Ататаев", "State Service for Combating Drugs", "Officer", Sex.MALE)),
    "country:UZ": (("Шухрат Каримов", "National Information-Analytical Centre on Drug Control", "Director",
                    Sex.MALE),
                   ("Dilnoza Yusupova", "Ministry of Health", "Chief Specialist", Sex.FEMALE)),
    "country:ES": (("Carmen Ruiz Ortega", "Delegación del Gobierno para el Plan Nacional sobre Drogas",
                    "Government Delegate", Sex.FEMALE),),
    "organisation:European Commission": (("Томас Мюллер", "DG HOME", "Head of Unit", Sex.MALE),),
}
ACTION = ("Share the national drug situation reports before the 2024 dialogue", "CADAP")


def press(qtbot, code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    key(qtbot, code, modifiers)


def pick(qtbot, text: str) -> None:
    """Type in a field with a completion list; a name typed in part ("…") is chosen from the list
    (Down highlights the first entry and puts it in the field), else the list is closed (Escape)."""
    keys(qtbot, text.removesuffix("…"))
    if text.endswith("…"):
        assert QApplication.activePopupWidget() is not None
        press(qtbot, Qt.Key.Key_Down)
    elif QApplication.activePopupWidget() is not None:
        press(qtbot, Qt.Key.Key_Escape)


def type_details(qtbot, editor, window: Window) -> None:
    assert QApplication.focusWidget() is editor.details.title  # where a new form starts
    keys(qtbot, TITLE)
    press(qtbot, Qt.Key.Key_Tab)
    pick(qtbot, SERIES)
    press(qtbot, Qt.Key.Key_Tab)  # Kind: Regional, as offered
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # Status: Final
    press(qtbot, Qt.Key.Key_Tab)
    assert receiver() is editor.details.start_date
    keys(qtbot, window.start)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # Ends on: the same day, filled in
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert receiver() is editor.details.city
    keys(qtbot, "Brussels")
    press(qtbot, Qt.Key.Key_Tab)
    pick(qtbot, window.host)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # not online
    pick(qtbot, window.chair)
    press(qtbot, Qt.Key.Key_Tab)
    pick(qtbot, "; ".join(TOPICS))
    press(qtbot, Qt.Key.Key_Tab)
    pick(qtbot, "; ".join(FRAMEWORKS))
    press(qtbot, Qt.Key.Key_Tab)
    pick(qtbot, "CADAP")
    press(qtbot, Qt.Key.Key_Tab)
    assert receiver() is editor.details.summary
    keys(qtbot, SUMMARY)


def type_agenda(qtbot, editor, window: Window) -> None:
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)  # a new item, its title open
    for number, title in enumerate(AGENDA):
        keys(qtbot, title)
        press(qtbot, Qt.Key.Key_Tab)
        if number == 0:
            pick(qtbot, window.presenter)
        press(qtbot, Qt.Key.Key_Tab)  # Notes: none
        if number < len(AGENDA) - 1:
            press(qtbot, Qt.Key.Key_Tab)  # the last cell of a filled last row: the next item
    assert editor.agenda.table.rowCount() == 4


def type_action(qtbot, editor, window: Window) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)
    keys(qtbot, ACTION[0])
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, ACTION[1])
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, window.due)  # typing opens the cell
    press(qtbot, Qt.Key.Key_Return)


def type_delegations(qtbot, editor, window: Window) -> None:
    delegations = editor.delegations
    press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)  # the party field
    for party in window.parties.values():
        pick(qtbot, party)
        press(qtbot, Qt.Key.Key_Return)  # adds the delegation, its side from the party
    assert len(delegations.delegations()) == 11
    for _ in range(5):  # side, Add, the two quick buttons, then the list: Tab passes buttons by
        press(qtbot, Qt.Key.Key_Tab)
    assert receiver() is delegations.table
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # Supported
    for _ in CENTRAL_ASIA:  # CADAP supported the five Central Asian delegations
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Home, CTRL)
    for index, party in enumerate(window.parties):
        people = PEOPLE.get(party, ())
        if people:
            assert delegations.current_index() == index
            press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)  # a participant, the name open
            for number, (name, institution, position, sex) in enumerate(people):
                keys(qtbot, name)
                press(qtbot, Qt.Key.Key_Tab)
                if number and institution == people[0][1]:  # typed above: taken from the list that opens
                    keys(qtbot, institution[9:15])
                    assert QApplication.activePopupWidget() is not None
                    press(qtbot, Qt.Key.Key_Down)
                else:
                    keys(qtbot, institution)
                press(qtbot, Qt.Key.Key_Tab)
                keys(qtbot, position)
                press(qtbot, Qt.Key.Key_Tab)
                press(qtbot, Qt.Key.Key_Tab)  # the role offered: Head first, then Member
                keys(qtbot, window.female if sex is Sex.FEMALE else window.male)
                if number == len(people) - 1:
                    press(qtbot, Qt.Key.Key_Return)
                    continue
                press(qtbot, Qt.Key.Key_Tab)  # Status: Attended, as offered for a meeting in the past
                press(qtbot, Qt.Key.Key_Tab)  # Funded: not ticked
                press(qtbot, Qt.Key.Key_Tab)  # the last cell of a filled last row: the next participant
        press(qtbot, Qt.Key.Key_PageDown, CTRL)  # the next delegation, staying in the grid


def check_stored(database, stored: r.Dialogue) -> None:
    assert (stored.title, stored.series, stored.kind, stored.status) == (
        TITLE, SERIES, DialogueKind.REGIONAL, DialogueStatus.FINAL)
    assert (stored.start_date, stored.end_date) == (date(2023, 12, 13), date(2023, 12, 13))
    assert (stored.city, stored.country, stored.online, stored.chair) == ("Brussels", "BE", False,
                                                                          r.Party.country("ES"))
    assert (stored.topics, stored.frameworks, stored.supporting_programmes) == (TOPICS, FRAMEWORKS, ("CADAP",))
    assert stored.summary == SUMMARY
    assert stored.agenda == (r.AgendaItem(AGENDA[0], r.Party.organisation("European Commission")),
                             *(r.AgendaItem(title) for title in AGENDA[1:]))
    assert stored.actions == (r.Action(description=ACTION[0], owner=ACTION[1], due_date=date(2024, 3, 31),
                                       status=ActionStatus.OPEN),)
    assert [(d.party.key, d.side, d.programme_supported, d.notes) for d in stored.delegations] == [
        *((f"country:{c}", Side.PARTNER, True, None) for c in CENTRAL_ASIA), ("country:ES", Side.EU, False, None),
        *((f"organisation:{o}", Side.EU, False, None) for o in EU_ORGANISATIONS)]
    people, institutions = PeopleRepository(database), InstitutionRepository(database)
    for delegation in stored.delegations:
        typed = PEOPLE.get(delegation.party.key, ())
        country = delegation.party.code
        found = []
        for p in delegation.participants:
            person = people.get(p.person_id)
            institution = institutions.get(p.institution_id)
            assert institution.country == country
            found.append((person.name, institution.name, p.position, person.sex, p.role))
            assert p.status is ParticipationStatus.ATTENDED  # offered for a past meeting; a final one needs it
        assert found == [(name, institution, position, sex, Role.HEAD if n == 0 else Role.MEMBER)
                         for n, (name, institution, position, sex) in enumerate(typed)], delegation.party.key
    kz = stored.delegations[0].participants
    assert kz[0].institution_id == kz[1].institution_id  # one ministry, chosen from the list, not two
    assert len(people.search()) == 12  # one person each, nobody twice


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_seed_meeting_typed_with_keys_only_is_stored_exactly(qtbot, database, monkeypatch, request, language):
    if language == "ru":
        request.getfixturevalue("russian")
    window = RUSSIAN if language == "ru" else ENGLISH
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    editor = open_editor(qtbot, database)
    assert editor.save_button.text() == ("&Сохранить" if language == "ru" else "&Save")
    type_details(qtbot, editor, window)
    assert editor.details.end_date.edit.text() == ("13.12.2023" if language == "ru" else "2023-12-13")
    press(qtbot, Qt.Key.Key_3, CTRL)
    type_agenda(qtbot, editor, window)
    press(qtbot, Qt.Key.Key_4, CTRL)
    type_action(qtbot, editor, window)
    press(qtbot, Qt.Key.Key_2, CTRL)
    type_delegations(qtbot, editor, window)
    assert editor.errors() == [] and editor.warnings() == []
    with qtbot.waitSignal(editor.saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert answers.warnings == [] and not editor.is_modified()
    check_stored(database, DialogueRepository(database).get(saved.args[0]))
    press(qtbot, Qt.Key.Key_W, CTRL)
    assert not editor.isVisible() and answers.questions == []
