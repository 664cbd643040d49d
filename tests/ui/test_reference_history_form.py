"""The form knows the reference history (issue 16): Add EU side for the meeting's date, the Council
presidency proposed as chair of an EU-Central Asia dialogue and a warning when the chair differs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain import records as r
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from tests.ui.form_driving import activate, type_text


@pytest.fixture
def editor(qtbot, database, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    editor = DialogueEditor(database, None)
    qtbot.addWidget(editor)
    editor.show()
    return editor


@pytest.mark.parametrize(("day", "agency", "not_there"), [
    (date(2023, 12, 13), "European Monitoring Centre for Drugs and Drug Addiction", "European Union Drugs Agency"),
    (date(2025, 5, 20), "European Union Drugs Agency", "European Monitoring Centre for Drugs and Drug Addiction")])
def test_add_eu_side_offers_the_bodies_of_the_meetings_date(qtbot, editor, day, agency, not_there) -> None:
    editor.details.start_date.set_value(day)
    editor.tabs.setCurrentIndex(1)
    section = editor.delegations
    activate(qtbot, section.add_eu_side)
    qtbot.mouseClick(section.add_eu_side, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(section.add_eu_side, Qt.MouseButton.LeftButton)  # a second click adds nothing more
    names = [d.party.name for d in section.delegations()]
    assert agency in names
    assert not_there not in names
    assert "Delegation of the European Union" not in names
    assert len(names) == len(set(names)) == 5


def test_a_party_typed_under_another_name_takes_the_name_of_the_date(qtbot, editor) -> None:
    editor.details.start_date.set_value(date(2023, 12, 13))
    editor.tabs.setCurrentIndex(1)
    section = editor.delegations
    type_text(qtbot, section.party_picker, "EUDA")
    qtbot.keyClick(section.party_picker, Qt.Key.Key_Return)
    assert [d.party for d in section.delegations()] == [
        r.Party.organisation("European Monitoring Centre for Drugs and Drug Addiction")]


def test_the_presidency_is_proposed_and_a_different_chair_warned(qtbot, editor) -> None:
    details = editor.details
    type_text(qtbot, details.title, "EU-Central Asia Drug Dialogue 2023")
    details.start_date.set_value(date(2023, 12, 13))
    assert details.presidency.text() == "The Council presidency on that date: Spain."
    assert details.use_presidency.isVisible()
    qtbot.mouseClick(details.use_presidency, Qt.MouseButton.LeftButton)
    assert details.chair.party() == r.Party.country("ES")
    assert not details.presidency.isVisible()
    details.chair.set_party(r.Party.country("CZ"))
    assert details.presidency.text() == "The Council presidency on that date was Spain, not Czechia."
    details.start_date.set_value(date(2022, 10, 4))
    assert not details.presidency.isVisible()  # Czechia held it in July-December 2022


def test_no_presidency_for_a_meeting_that_is_not_eu_central_asia(qtbot, editor) -> None:
    type_text(qtbot, editor.details.title, "Bilateral meeting with Kazakhstan")
    editor.details.start_date.set_value(date(2023, 12, 13))
    assert not editor.details.presidency.isVisible()


def test_the_presidency_warning_is_shown_whole_in_russian_at_1366_by_768(qtbot, database, russian,
                                                                        monkeypatch) -> None:
    """Round 19: beside its button the wrapped warning lost its third line in Russian («… Литва. а не»);
    on a row of its own it gets the height its width needs, and the button stays under it."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    editor = DialogueEditor(database, None)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    qtbot.waitExposed(editor)
    details = editor.details
    type_text(qtbot, details.title, "EU-Central Asia Drug Dialogue 2023")
    details.start_date.set_value(date(2023, 12, 13))
    details.chair.set_party(r.Party.country("CZ"))
    qtbot.waitUntil(lambda: details.presidency.isVisible() and details.use_presidency.isVisible())
    label = details.presidency
    assert "Испания" in label.text()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert details.use_presidency.geometry().top() >= label.geometry().bottom()  # under it, not beside it
