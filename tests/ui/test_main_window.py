"""The main window: databases, bundles, remembered layout, open forms, and the bug safety net."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus
from desktop_app.ui import exception_hook
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import app_settings, recent_databases
from tests.factories import add_people, delegation_of, make_dialogue
from tests.ui.conftest import add_dialogues, when_modal


def menu_texts(window: MainWindow) -> dict[str, list[str]]:
    menus = {}
    for action in window.menuBar().actions():
        menus[action.text().replace("&", "")] = [
            f"{a.text().replace('&', '')}\t{a.shortcut().toString()}" for a in action.menu().actions()
            if not a.isSeparator()]
    return menus


def test_title_menus_and_status_bar(window, database):
    add_dialogues(database, make_dialogue("One"), make_dialogue("Two"))
    window.reload()
    assert window.windowTitle() == f"Dialogue Register — {database.path.name}"
    menus = menu_texts(window)
    assert list(menus) == ["File", "Edit", "View", "Help"]
    assert "New dialogue\tCtrl+N" in menus["Edit"]
    assert "Open dialogue\tReturn" in menus["Edit"]
    assert "Delete to trash\tDel" in menus["Edit"]
    assert any(item.startswith("Recent databases") for item in menus["File"])
    assert [item.split("\t")[0] for item in menus["View"]] == ["Dialogues", "People", "Institutions", "Trash",
                                                              "Conflicts from imports…"]
    assert {"Import bundle…\tCtrl+I", "Export selected dialogues…\tCtrl+Shift+E",
            "Import registration list…\tCtrl+L", "Summary report…\tCtrl+Shift+R", "Back up now\tCtrl+B",
            "Restore from backup…\t"} <= set(menus["File"])
    assert {"Check database\t", "About Dialogue Register\t"} <= set(menus["Help"])
    assert str(database.path) == window.path_label.text()
    assert window.count_label.text() == "2 shown / 2 total"


def test_opening_a_corrupt_file_keeps_the_current_database(window, database, tmp_path, answers, monkeypatch):
    add_dialogues(database, make_dialogue("Still here"))
    window.reload()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database at all" * 10)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
    from desktop_app.ui.dialogs import damaged_database_dialog

    offered: list[str] = []  # the one open path offers the rescue dialog; the officer chooses Quit there
    monkeypatch.setattr(damaged_database_dialog.DamagedDatabaseDialog, "exec",
                        lambda dialog: offered.append(dialog.message.text()))
    window.open_database_action.trigger()
    assert offered and "broken.sqlite3" in offered[0]
    assert window.database is database
    assert window.windowTitle().endswith(database.path.name)
    assert window.dialogues.model.rowCount() == 1


def test_a_new_database_becomes_the_current_one_and_is_remembered(window, database, tmp_path, monkeypatch):
    add_dialogues(database, make_dialogue("In the old one"))
    window.reload()
    target = tmp_path / "other" / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.new_database_action.trigger()
    assert window.database.path == target.with_suffix(".sqlite3").absolute()
    assert window.windowTitle() == "Dialogue Register — fresh.sqlite3"
    assert window.dialogues.model.rowCount() == 0
    assert window.count_label.text() == "0 shown / 0 total"
    assert str(database.path) in recent_databases()
    assert window.switch_database(database.path)  # and back, through the recent list's path
    assert window.dialogues.model.rowCount() == 1


def test_layout_is_remembered_between_runs(qtbot, database, isolated_settings):
    first = MainWindow(database)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 555)  # within the small offscreen screen, which would clamp a larger window
    first.dialogues.table.horizontalHeader().resizeSection(0, 177)
    first.splitter.setSizes([90, 660])
    first.close()
    assert app_settings().value("window/geometry") is not None
    assert list(isolated_settings.rglob("*.ini"))  # written under the test's own settings path
    second = MainWindow(database)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (760, 555)
    assert second.dialogues.table.horizontalHeader().sectionSize(0) == 177
    assert second.splitter.sizes()[0] == first.splitter.sizes()[0] == 90


def test_settings_never_touch_the_real_user_folder(isolated_settings):
    path = Path(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "DialogueRegister",
                          "Dialogue Register").fileName())
    assert isolated_settings in path.parents


def test_import_and_export_bundle(window, database, tmp_path, monkeypatch, answers):
    add_dialogues(database, make_dialogue("Travelling", delegations=(
        delegation_of(r.Party.country("KZ"), *add_people(database, "Timur Nazarov")),)))
    window.reload()
    bundle = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(bundle), "")))
    window.export_action.trigger()
    assert "Exported 1 dialogue" in answers.texts("inform")[0]
    assert json.loads(bundle.read_text(encoding="utf-8"))["dialogues"][0]["title"] == "Travelling"

    other = open_database(tmp_path / "second.sqlite3")
    try:
        assert window.switch_database(other.path)
    finally:
        other.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), "")))
    when_modal(lambda preview: preview.import_button.click())
    window.import_action.trigger()
    assert "Import finished." in answers.texts("inform")[-1]
    assert [window.dialogues.model.index(0, 1).data()] == ["Travelling"]


def test_a_bad_bundle_is_explained_and_imports_nothing(window, database, tmp_path, monkeypatch, answers):
    bundle = tmp_path / "bad.json"
    bundle.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), "")))
    window.import_action.trigger()
    assert len(answers.texts("fail")) == 1
    assert DialogueRepository(database).count() == 0


class FakeEditor(QMainWindow):
    """Stands in for the dialogue form (built elsewhere) to check the window's bookkeeping."""

    saved = Signal(str)
    refuse_close = False

    def __init__(self, database, dialogue, parent=None):
        super().__init__(parent)
        self.database, self.dialogue = database, dialogue

    def closeEvent(self, event):
        if self.refuse_close:
            event.ignore()
        else:
            event.accept()


@pytest.fixture
def editing_window(qtbot, database, answers):
    made: list[FakeEditor] = []

    def factory(database, dialogue, parent):
        made.append(FakeEditor(database, dialogue, parent))
        return made[-1]

    window = MainWindow(database, editor_factory=factory)
    qtbot.addWidget(window)
    window.show()
    window.made = made
    return window


def test_enter_opens_the_current_dialogue_once(qtbot, editing_window, database):
    from PySide6.QtCore import Qt

    dialogue = make_dialogue("Open me")
    add_dialogues(database, dialogue)
    editing_window.reload()
    table = editing_window.dialogues.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [e.dialogue.id for e in editing_window.made] == [dialogue.id]
    editing_window.open_dialogue(dialogue.id)  # already open: brought forward, not opened twice
    assert len(editing_window.made) == 1


def test_a_save_in_an_editor_reloads_the_list(editing_window, database):
    editing_window.new_action.trigger()
    editor = editing_window.made[-1]
    assert editor.dialogue is None
    saved = DialogueRepository(database).save(make_dialogue("Saved in the form"))
    editor.saved.emit(saved.id)
    assert editing_window.dialogues.model.index(0, 1).data() == "Saved in the form"
    assert editing_window.dialogues.current_id() == saved.id


def test_quitting_stops_when_an_editor_refuses(editing_window):
    editing_window.new_action.trigger()
    editor = editing_window.made[-1]
    editor.refuse_close = True
    assert not editing_window.close()
    assert editing_window.isVisible() and editor.isVisible()
    editor.refuse_close = False
    assert editing_window.close()
    assert not editor.isVisible()


def test_duplicate_as_new_opens_an_unsaved_draft_copy(editing_window, database):
    original = make_dialogue("Dialogue 2023", status=DialogueStatus.FINAL, delegations=(
        delegation_of(r.Party.country("KZ"), *add_people(database, "Timur Nazarov")),))
    add_dialogues(database, original)
    editing_window.reload()
    editing_window.dialogues.table.selectRow(0)
    editing_window.duplicate_action.trigger()
    copy = editing_window.made[-1].dialogue
    assert copy.id != original.id and copy.revision == 0
    assert copy.status is DialogueStatus.DRAFT
    assert [d.party for d in copy.delegations] == [r.Party.country("KZ")]
    assert all(not d.participants for d in copy.delegations)
    assert DialogueRepository(database).count() == 1  # nothing saved until the officer saves


def test_duplicate_as_new_opens_the_real_form(qtbot, database, answers, monkeypatch):
    pytest.importorskip("desktop_app.ui.forms.dialogue_editor")
    from PySide6.QtWidgets import QMessageBox

    discard = QMessageBox.StandardButton.Discard  # the unsaved copy's close prompt must not block
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: discard))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: discard)
    add_dialogues(database, make_dialogue("Dialogue 2023"))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.dialogues.table.selectRow(0)
    window.duplicate_action.trigger()
    (editor, editing), = window.editors.open_editors()
    assert editing is None and editor.isVisible()
    editor.close()


def test_a_bug_is_logged_and_apologised_for(answers, tmp_path):
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        exception_hook.handle(RuntimeError, error, error.__traceback__)
    (text,) = answers.texts("fail")
    assert "Something went wrong" in text and "RuntimeError" in text
    log = Path(text.split("written to ")[1].rstrip("."))
    assert "boom" in log.read_text(encoding="utf-8")


def test_the_hook_is_installed_and_can_be_put_back():
    previous = exception_hook.install()
    try:
        assert sys.excepthook is exception_hook.handle
    finally:
        sys.excepthook = previous


def test_recent_databases_switch_back(window, database, tmp_path):
    other = open_database(tmp_path / "second.sqlite3")
    other.close()
    assert window.switch_database(other.path)
    window._fill_recent()
    entries = [a for a in window.recent_menu.actions() if str(database.path) in a.text()]
    assert len(entries) == 1
    entries[0].trigger()
    assert window.database.path == database.path.absolute()
    assert window.windowTitle() == f"Dialogue Register — {database.path.name}"


def test_about_names_the_version_and_data_folder(window, database):
    from desktop_app import __version__

    seen: list[str] = []

    def read(dialog) -> None:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.reject()

    when_modal(read)
    window.about_action.trigger()
    (text,) = seen
    assert __version__ in text and str(database.path) in text


def test_a_user_error_that_escapes_is_shown_as_its_sentence(answers):
    from desktop_app.domain.errors import DatabaseLocked

    error = DatabaseLocked("The database is busy in another program; try again in a moment.")
    exception_hook.handle(DatabaseLocked, error, None)
    assert answers.texts("fail") == ["The database is busy in another program; try again in a moment."]


def test_institution_model_passes_the_model_tester(qtmodeltester, database):
    from desktop_app.db.repositories.people import InstitutionRepository
    from desktop_app.ui.models.institution_model import InstitutionTableModel
    from tests.factories import add_institution

    add_institution(database, "Ministry of Health")
    model = InstitutionTableModel()
    model.set_records(InstitutionRepository(database).all())
    qtmodeltester.check(model)


def test_a_recent_database_that_is_not_there_any_more_is_said_not_made_anew(window, database, tmp_path, answers):
    """A recent entry whose file was moved, deleted, or sits on a share not connected (its folder left
    behind): choosing it made a new, empty database there and switched to it, the records "gone"; and
    what was typed into it would lie under the share once connected again."""
    share = tmp_path / "share"
    other = open_database(share / "Диалоги 2024.sqlite3")
    other.close()
    assert window.switch_database(other.path)
    assert window.switch_database(database.path)
    for name in os.listdir(share):  # the share is not connected: its mount folder is empty
        path = share / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    window._fill_recent()
    (entry,) = [a for a in window.recent_menu.actions() if "Диалоги 2024" in a.text()]
    entry.trigger()
    assert window.database.path == database.path.absolute()
    assert os.listdir(share) == []
    assert any("Диалоги 2024.sqlite3" in text and "not there" in text for text in answers.texts("warn"))
