"""A participant's name completes from the database as it is typed (not from a list of everyone
loaded when the cell opens), in any spelling and alphabet, the likeliest person first, each shown
with what tells namesakes apart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Role, Side
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from desktop_app.ui.widgets.completion import offered_texts
from tests.factories import add_people, make_dialogue
from tests.ui.form_driving import _cell_editor, activate, key_clicks


def _name_cell(qtbot, database, monkeypatch) -> tuple[DialogueEditor, QLineEdit]:
    # closing the form at the end discards the unsaved delegation instead of asking
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    editor = DialogueEditor(database, None)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(1)
    delegations = editor.delegations
    delegations.add_party(r.Party.country("KZ"), delegations.side.itemData(1))
    delegations.set_delegations(delegations.delegations())
    delegations.add_participant()
    activate(qtbot, delegations.participants)
    cell_editor = _cell_editor(delegations.participants, 0, 0)
    assert isinstance(cell_editor, QLineEdit)
    return editor, cell_editor


def _shown(cell_editor: QLineEdit) -> list[str]:
    model = cell_editor.completer().model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_the_name_cell_offers_the_people_matching_what_is_typed(qtbot, database, monkeypatch) -> None:
    add_people(database, "Бакыт Асанов", "Bakhyt Nurlanov", "Aigerim Zhumabayeva")
    _, cell_editor = _name_cell(qtbot, database, monkeypatch)
    key_clicks(qtbot, cell_editor, "бак")
    assert offered_texts(cell_editor.completer()) == ["Бакыт Асанов"]
    cell_editor.clear()
    key_clicks(qtbot, cell_editor, "BAKH")
    assert offered_texts(cell_editor.completer()) == ["Bakhyt Nurlanov"]
    qtbot.keyClick(cell_editor, Qt.Key.Key_Escape)


def test_typing_nurl_offers_the_person_written_in_cyrillic(qtbot, database, monkeypatch) -> None:
    add_people(database, "Нурланов Ерлан", "Асанов Бакыт")
    _, cell_editor = _name_cell(qtbot, database, monkeypatch)
    key_clicks(qtbot, cell_editor, "Nurl")
    assert offered_texts(cell_editor.completer()) == ["Нурланов Ерлан"]
    assert cell_editor.completer().popup().isVisible()
    qtbot.keyClick(cell_editor, Qt.Key.Key_Escape)


def test_typing_bojko_or_ioldoshev_offers_the_person_written_in_cyrillic(qtbot, database, monkeypatch) -> None:
    """й written j inside a word and i before a vowel (issue 16, round 4), letter by letter as typed."""
    add_people(database, "Бойко Сергей", "Бойков Андрей", "Йўлдошев Ўктам", "Иванов Олег")
    _, cell_editor = _name_cell(qtbot, database, monkeypatch)
    key_clicks(qtbot, cell_editor, "Boj")
    assert offered_texts(cell_editor.completer())[:2] == ["Бойко Сергей", "Бойков Андрей"]
    key_clicks(qtbot, cell_editor, "ko Sergej")
    assert offered_texts(cell_editor.completer())[:1] == ["Бойко Сергей"]
    cell_editor.clear()
    key_clicks(qtbot, cell_editor, "Ioldoshev")
    assert offered_texts(cell_editor.completer())[:1] == ["Йўлдошев Ўктам"]
    qtbot.keyClick(cell_editor, Qt.Key.Key_Escape)


def test_namesakes_are_told_apart_and_the_one_picked_is_the_one_recorded(qtbot, database, monkeypatch) -> None:
    first, second = add_people(database, "Ерлан Нурланов", "Ерлан Нурланов")
    for person, country, title, year in ((first, "KZ", "Drug Dialogue 2022", 2022),
                                         (second, "KG", "Border Dialogue 2023", 2023)):
        meeting = make_dialogue(title=title, start_date=date(year, 5, 4), delegations=(r.Delegation(
            id=r.new_id(), side=Side.PARTNER, party=r.Party.country(country), participants=(r.Participant(
                id=r.new_id(), person_id=person.id, role=Role.HEAD, position="Director"),)),))
        DialogueRepository(database).save(meeting)
    editor, cell_editor = _name_cell(qtbot, database, monkeypatch)
    key_clicks(qtbot, cell_editor, "Yerlan Nurlanov")
    shown = _shown(cell_editor)
    assert len(shown) == 2
    assert any("Kyrgyzstan" in s and "Border Dialogue 2023 (2023-05-04)" in s for s in shown)
    assert any("Kazakhstan" in s and "Drug Dialogue 2022 (2022-05-04)" in s for s in shown)
    kyrgyz = next(row for row, s in enumerate(shown) if "Kyrgyzstan" in s)
    popup = cell_editor.completer().popup()
    popup.setCurrentIndex(popup.model().index(kyrgyz, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the popup puts the choice in the cell
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)  # and Return commits the cell
    qtbot.waitUntil(lambda: editor.delegations.participants.state() != QTableWidget.State.EditingState)
    participant = editor.delegations.delegations()[0].participants[0]
    assert participant.person_id == second.id


def test_picking_a_known_person_fills_institution_and_position_from_their_last_meeting(
        qtbot, database, monkeypatch) -> None:
    from desktop_app.db.repositories.people import InstitutionRepository
    from desktop_app.domain.enums import Sex

    (person,) = add_people(database, "Турсунова Дилноза")
    old = InstitutionRepository(database).save(r.Institution(id=r.new_id(), name="Ministry of Interior", country="UZ"))
    new = InstitutionRepository(database).save(r.Institution(id=r.new_id(), name="Drug Control Agency", country="UZ"))
    for year, institution, position in ((2021, old, "Inspector"), (2023, new, "Head of unit")):
        DialogueRepository(database).save(make_dialogue(
            title=f"Dialogue {year}", start_date=date(year, 3, 1), delegations=(r.Delegation(
                id=r.new_id(), side=Side.PARTNER, party=r.Party.country("UZ"), participants=(r.Participant(
                    id=r.new_id(), person_id=person.id, role=Role.MEMBER, institution_id=institution.id,
                    position=position),)),)))
    from desktop_app.db.repositories.people import PeopleRepository
    PeopleRepository(database).save(r.Person(id=person.id, name=person.name, sex=Sex.FEMALE, revision=person.revision))
    editor, cell_editor = _name_cell(qtbot, database, monkeypatch)
    key_clicks(qtbot, cell_editor, "Tursunova Dil")
    assert offered_texts(cell_editor.completer()) == ["Турсунова Дилноза"]
    popup = cell_editor.completer().popup()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.delegations.participants.state() != QTableWidget.State.EditingState)
    participant = editor.delegations.delegations()[0].participants[0]
    assert (participant.person_id, participant.institution_id, participant.position) == (
        person.id, new.id, "Head of unit")
    table = editor.delegations.participants
    assert [table.item(0, column).text() for column in (1, 2)] == ["Drug Control Agency", "Head of unit"]
    assert table.item(0, 4).text() == "Female"


def test_the_party_field_completes_through_the_same_folding(qtbot) -> None:
    from desktop_app.ui.widgets.party_picker import PartyPicker

    picker = PartyPicker()
    qtbot.addWidget(picker)
    picker.show()
    activate(qtbot, picker)
    picker.setFocus()
    key_clicks(qtbot, picker, "Qyrgyz")  # Kazakh Latin q, y for ы: Kyrgyzstan / Кыргызстан
    completer = picker.completer()
    shown = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    assert shown == ["Kyrgyzstan — Кыргызстан"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert picker.party() == r.Party.country("KG")


def test_the_institution_cell_completes_in_another_script(qtbot, database, monkeypatch) -> None:
    from tests.factories import add_institution

    add_institution(database, "Агентство по контролю за наркотиками", "TJ")
    editor, cell_editor = _name_cell(qtbot, database, monkeypatch)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Escape)
    editor.delegations.institutions.refresh()
    table = editor.delegations.participants
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    institution_editor = _cell_editor(table, 0, 1)
    assert isinstance(institution_editor, QLineEdit)
    key_clicks(qtbot, institution_editor, "agentstvo po kontr")
    completer = institution_editor.completer()
    shown = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    assert shown == ["Агентство по контролю за наркотиками"]
    qtbot.keyClick(institution_editor, Qt.Key.Key_Escape)
