"""Prepare next edition from the main window (Ctrl+D) with the real form, and the twins rule."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueStatus, ParticipationStatus, Role
from desktop_app.ui.forms.dialogue_editor import DialogueEditor
from desktop_app.ui.main_window import MainWindow
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.form_driving import activate, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_d_prepares_the_next_edition_of_the_seed_meeting(qtbot, database, monkeypatch) -> None:
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: questions.append(text)
                        or QMessageBox.StandardButton.Discard)
    (head,) = add_people(database, "Нурланов Ерлан")
    seed = DialogueRepository(database).save(make_dialogue(
        "EU-Central Asia Drug Dialogue 2023", start_date=date(2023, 12, 13), summary="Last year's summary.",
        delegations=(delegation_of(r.Party.country("KZ"), head),),
        actions=(r.Action("Share the drug report", owner="EUDA"), r.Action("Done already", status=ActionStatus.DONE))))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    window.dialogues.table.setFocus()
    window.dialogues.table.selectRow(0)
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    (editor, editing), = window.editors.open_editors()
    assert editing is None
    details = editor.details
    assert details.title.text() == "EU-Central Asia Drug Dialogue 2024"
    assert details.start_date.value().year == 2024
    assert details.summary.toPlainText() == ""
    assert details.chair.text() == "" and "Spain" in details.chair.placeholderText()
    assert [(a.description, a.carried_from) for a in editor.actions_tab.current_actions()] == [
        ("Share the drug report", seed.actions[0].id)]
    assert [item.title for item in editor.agenda.items()] == ["Follow-up of the previous dialogue"]
    section = editor.delegations
    assert not section.add_heads_button.isHidden() and "Нурланов Ерлан" in section.heads_offer.text()
    assert all(not d.participants for d in section.delegations())
    editor.tabs.setCurrentIndex(1)
    activate(qtbot, section.add_heads_button)
    qtbot.mouseClick(section.add_heads_button, Qt.MouseButton.LeftButton)
    (participant,) = section.delegations()[0].participants
    assert (participant.person_id, participant.role, participant.status) == (
        head.id, Role.HEAD, ParticipationStatus.INVITED)
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert questions == []
    saved = DialogueRepository(database).page().rows
    assert sorted(row.title for row in saved) == ["EU-Central Asia Drug Dialogue 2023",
                                                  "EU-Central Asia Drug Dialogue 2024"]
    old = DialogueRepository(database).get(seed.id)
    assert [a.status for a in old.actions] == [ActionStatus.CARRIED, ActionStatus.DONE]
    new = next(row for row in saved if row.id != seed.id)
    assert DialogueRepository(database).get(new.id).status is DialogueStatus.DRAFT
    editor.close()


def test_a_twin_is_warned_inline_and_asked_about_once_on_save(qtbot, database, monkeypatch) -> None:
    asked: list[str] = []
    answer = {"value": QMessageBox.StandardButton.Cancel}
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answer["value"])
    DialogueRepository(database).save(make_dialogue("Dialogue 2023", start_date=date(2023, 12, 13)))
    editor = DialogueEditor(database, None)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    type_text(qtbot, editor.details.title, "Dialogue 2023")
    editor.details.start_date.set_value(date(2023, 12, 13))
    assert "Another dialogue has the same title and start date." in editor.message.text()
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert len(asked) == 1 and DialogueRepository(database).count() == 1  # refused: nothing saved
    answer["value"] = QMessageBox.StandardButton.Save
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert len(asked) == 2 and DialogueRepository(database).count() == 2
    type_text(qtbot, editor.details.city, "Almaty")
    press(qtbot, editor, Qt.Key.Key_S, CTRL)
    assert len(asked) == 2  # answered once for this title and date
    editor.details.start_date.set_value(date(2023, 12, 14))
    assert "same title and start date" not in editor.message.text()
