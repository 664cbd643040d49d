"""The main window's File, Edit, View and Help work, driven through the menus as an officer would."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services import backups, drafts
from desktop_app.services.exchange.conflicts import open_conflicts, waiting
from desktop_app.ui.dialogs.about_dialog import AboutDialog
from desktop_app.ui.dialogs.conflicts_dialog import ConflictsDialog
from desktop_app.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from desktop_app.ui.dialogs.report_dialog import ReportDialog
from desktop_app.ui.dialogs.restore_dialog import RestoreDialog
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.preferences import load_preferences
from tests.factories import make_dialogue
from tests.ui.conftest import add_dialogues, when_modal


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def answer_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Dialogs that speak through QMessageBox directly: record what they said, answer Yes."""
    said: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *a, **k: said.append(text)))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    return said


def test_import_shows_the_preview_and_cancel_writes_nothing(window, database, colleague_bundle, monkeypatch,
                                                           answers):
    path, _first, second, _city = colleague_bundle
    choose_file(monkeypatch, path)
    seen: list[str] = []

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        seen.append(dialog.heading.text())
        dialog.reject()

    when_modal(cancel)
    window.import_action.trigger()
    assert seen and path.name in seen[0]
    assert DialogueRepository(database).get(second).summary != "Aigul's summary."
    assert answers.texts() == []


def test_import_then_the_conflicts_are_offered_side_by_side(window, database, colleague_bundle, monkeypatch,
                                                            answers):
    path, first, second, _city = colleague_bundle
    choose_file(monkeypatch, path)
    opened: list[str] = []

    def close_conflicts(dialog: QDialog) -> None:
        opened.append(type(dialog).__name__)
        dialog.reject()

    def import_then_look(dialog: QDialog) -> None:
        dialog.import_button.click()
        when_modal(close_conflicts)

    when_modal(import_then_look)
    window.import_action.trigger()
    assert DialogueRepository(database).get(second).summary == "Aigul's summary."
    # both titles wait side by side; until the officer chooses, the record shows the one with the
    # greatest (counter, database id) dot (docs/exchange.md) -- which one depends on the random
    # database ids, so the test asks the rule rather than assuming ours
    (conflict,) = [c for c in open_conflicts(database) if c.record_id == first]
    (title,) = [f for f in waiting(database, conflict.id).fields if f.field == "title"]
    assert sorted((v.value, v.ours) for v in title.versions) == [("Renamed by Aigul", False), ("Renamed here", True)]
    (shown,) = [v for v in title.versions if v.shown]
    assert shown is max(title.versions, key=lambda v: (int(v.version.rsplit(":", 1)[1]), v.database))
    assert DialogueRepository(database).get(first).title == shown.value
    assert any("edited on both sides" in text for text in answers.texts("ask"))
    assert opened == [ConflictsDialog.__name__]


def test_export_selected_writes_only_the_chosen_rows(window, database, tmp_path, monkeypatch, answers):
    add_dialogues(database, make_dialogue("Kept here"), make_dialogue("Sent away"))
    window.reload()
    target = tmp_path / "chosen.json"
    choose_file(monkeypatch, target)
    row = next(r for r in range(window.dialogues.model.rowCount())
               if window.dialogues.model.index(r, 1).data() == "Sent away")
    window.dialogues.table.selectRow(row)
    assert window.export_selected_action.isEnabled()
    window.export_selected_action.trigger()
    assert [d["title"] for d in json.loads(target.read_text(encoding="utf-8"))["dialogues"]] == ["Sent away"]
    assert "Exported 1 dialogue" in answers.texts("inform")[0]


def _modal_dialogs_of_the_report_action(window, database) -> list[str]:
    """The modal dialogs File > Summary report opens, each rejected once it is shown."""
    add_dialogues(database, make_dialogue("Reported"))
    shown: list[str] = []

    def close(dialog: QDialog) -> None:
        shown.append(type(dialog).__name__)
        dialog.reject()

    when_modal(close)
    window.report_action.trigger()
    return shown


def test_report_dialog_opens_from_the_file_menu(window, database):
    assert _modal_dialogs_of_the_report_action(window, database) == [ReportDialog.__name__]


def test_back_up_now_writes_a_backup_beside_the_database(window, database, monkeypatch):
    said = answer_message_boxes(monkeypatch)
    window.backup_action.trigger()
    listed = backups.list_backups(database.path)
    assert len(listed) == 1 and listed[0].usable
    assert str(listed[0].path) in said[0]
    assert str(listed[0].path) in window.statusBar().currentMessage()


def test_restore_from_backup_brings_back_a_deleted_dialogue(window, database, monkeypatch):
    said = answer_message_boxes(monkeypatch)
    add_dialogues(database, make_dialogue("Precious"))
    backups.back_up(database.path, "manual")
    window.reload()
    dialogue_id = window.dialogues.current_id()
    repository = DialogueRepository(window.database)
    repository.delete(dialogue_id)
    repository.purge(dialogue_id)
    window.reload()
    assert window.dialogues.model.rowCount() == 0

    def restore_first(dialog: QDialog) -> None:
        assert isinstance(dialog, RestoreDialog)
        dialog.restore_button.click()

    when_modal(restore_first)
    window.restore_backup_action.trigger()
    assert any("Restored: 1 dialogue and" in text for text in said)
    assert [window.dialogues.model.index(0, 1).data()] == ["Precious"]
    assert DialogueRepository(window.database).get(dialogue_id).title == "Precious"


def test_check_database_says_it_is_sound(window, answers):
    window.check_action.trigger()
    (text,) = answers.texts("inform")
    assert "The database is sound." in text


def test_check_database_reports_damage(window, database, answers):
    import sqlite3

    connection = sqlite3.connect(database.path)  # another program, without our foreign keys
    try:
        connection.execute("INSERT INTO person_other_names (person_id, sort_order, name) VALUES ('nobody', 0, 'X')")
        connection.commit()
    finally:
        connection.close()
    window.check_action.trigger()
    (text,) = answers.texts("warn")
    assert "NOT sound" in text


def test_about_and_settings_open_from_the_menus(window, qtbot):
    shown: list[str] = []

    def look(dialog: QDialog) -> None:
        shown.append(type(dialog).__name__)
        if isinstance(dialog, SettingsDialog):
            dialog.keep_last.setValue(7)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        else:
            dialog.reject()

    when_modal(look)
    window.about_action.trigger()
    when_modal(look)
    window.settings_action.trigger()
    assert shown == [AboutDialog.__name__, SettingsDialog.__name__]
    assert load_preferences().keep_last == 7
    assert "Settings saved" in window.statusBar().currentMessage()


def test_unsaved_work_left_by_a_crash_is_offered_and_reopened(qtbot, database, answers):
    add_dialogues(database, make_dialogue("Half edited"))
    saved = DialogueRepository(database).page().rows[0]
    dialogue = DialogueRepository(database).get(saved.id)
    drafts.save_draft(database.path, replace(dialogue, title="Half edited, with the chair's changes"))
    opened: list[tuple[str, str | None]] = []

    def factory(database, dialogue, parent):  # stands in for the real form
        from tests.ui.test_main_window import FakeEditor

        opened.append((dialogue.title if dialogue else None, dialogue.id if dialogue else None))
        return FakeEditor(database, dialogue)

    answers.choice = 0  # "Open them"
    window = MainWindow(database, factory)
    qtbot.addWidget(window)
    window.show()  # the question follows the list's first paint (issue 19)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [("Half edited", saved.id)]  # the form itself takes the draft's changes back
    assert any("ended last time before these forms were saved" in text for text in answers.texts("ask"))
    for editor, _ in window.editors.open_editors():
        editor.close()


def test_left_drafts_can_be_discarded_for_good(qtbot, database, answers):
    dialogue = make_dialogue("Never saved")
    drafts.save_draft(database.path, dialogue)
    answers.choice = 2  # "Discard the changes"
    answers.confirm = True
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()  # the question follows the list's first paint (issue 19)
    qtbot.waitUntil(lambda: bool(answers.texts("ask")))
    qtbot.waitUntil(lambda: drafts.left_drafts(database.path) == [])
    assert window.editors.open_editors() == []


def test_a_dialog_awaited_behind_its_progress_dialog_is_the_one_acted_on(window, database, monkeypatch):
    """Under load the report's first count outlasts the progress dialog's delay: the progress dialog
    is then the modal widget first. `when_modal` waits past it for the dialog itself (it acted on
    the progress dialog and left the report dialog open, waiting for a click: the suite hung in CI)."""
    import time

    from desktop_app.ui import long_work
    from desktop_app.ui.dialogs import report_dialog

    build = report_dialog.build_report

    def slow(*args, **kwargs):
        time.sleep(0.4)
        return build(*args, **kwargs)

    monkeypatch.setattr(report_dialog, "build_report", slow)
    monkeypatch.setattr(long_work, "SHOW_AFTER_MS", 0)
    assert _modal_dialogs_of_the_report_action(window, database) == [ReportDialog.__name__]
