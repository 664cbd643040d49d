"""Issue 19: the first window builds only what its first paint needs (the list; the People,
Institutions and Trash pages, the claim's listening socket and the rest follow the paint), and the
officer notices nothing: every shortcut and menu works as soon as the window takes input, before
the work after the paint has run, and a later start that comes in that moment still reaches it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.ui.window_claim import DatabaseClaim
from tests.factories import make_dialogue
from tests.ui.conftest import add_bare_dialogues
from tests.ui.form_driving import press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
ROOT = Path(__file__).resolve().parents[2]

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def menus_of(window: QMainWindow) -> dict[str, list[tuple[str, str]]]:
    """Every menu's items (text and shortcut), as the officer finds them when the menu opens."""
    found: dict[str, list[tuple[str, str]]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()
        found[top.text()] = [("-", "") if a.isSeparator() else (a.text(), a.shortcut().toString())
                             for a in menu.actions()]
    return found


@pytest.fixture
def held_back(qtbot, database, answers, monkeypatch):
    """A window shown whose work after the first paint is held back: what the officer has the moment
    the window takes input. `run_after_paint()` lets that work run."""
    from desktop_app.ui.main_window import MainWindow

    after_paint = MainWindow._after_first_paint
    waiting: list[object] = []
    monkeypatch.setattr(MainWindow, "_after_first_paint", lambda self: waiting.append(self))
    opened: list[object] = []

    def form(database, dialogue, parent):  # stands in for the dialogue form
        from tests.ui.test_main_window import FakeEditor

        opened.append(dialogue)
        return FakeEditor(database, dialogue)

    window = MainWindow(database, form)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._painted)

    def run_after_paint() -> None:
        assert waiting == [window]
        after_paint(window)

    window.opened_forms = opened
    window.run_after_paint = run_after_paint
    return window


def test_shortcuts_pressed_before_the_work_after_the_first_paint_work(qtbot, database, held_back) -> None:
    window = held_back
    from desktop_app.ui.main_window import DIALOGUES, INSTITUTIONS, PEOPLE, TRASH

    assert set(window._built) == {DIALOGUES}  # only the list was built for the first paint
    press(qtbot, window, K.Key_F, CTRL)
    assert QApplication.focusWidget() is window.dialogues.filters.search
    press(qtbot, window, K.Key_2, CTRL)  # a page not built yet is built when asked for
    assert window.current_page() == PEOPLE and window.people.isVisible() and window.people.loaded
    press(qtbot, window, K.Key_3, CTRL)
    assert window.current_page() == INSTITUTIONS and window.institutions.isVisible()
    press(qtbot, window, K.Key_4, CTRL)
    assert window.current_page() == TRASH and window.trash.isVisible()
    buttons = {button.defaultAction() for button in window.trash.findChildren(QWidget)
               if hasattr(button, "defaultAction")}
    assert {window.restore_action, window.purge_action} <= buttons
    press(qtbot, window, K.Key_1, CTRL)
    assert window.current_page() == DIALOGUES
    press(qtbot, window, K.Key_N, CTRL)  # New dialogue: the form opens
    assert window.opened_forms == [None]
    window.run_after_paint()  # and the work after the paint finds the pages already there
    assert window.trash.loaded and window.institutions.loaded


def test_the_menus_are_complete_before_the_work_after_the_first_paint(qtbot, held_back) -> None:
    window = held_back
    before = menus_of(window)
    assert window.dialogues.filters.country.count() == 1  # "All countries": the names follow the paint
    window.run_after_paint()
    after = menus_of(window)
    assert before == after
    countries = window.dialogues.filters.country
    assert countries.count() > 200 and countries.findData("KZ") > 0 and countries.currentIndex() == 0
    items = [text for entries in before.values() for text, _ in entries]
    assert len([text for text in items if text != "-"]) >= 25
    shortcuts = {text.replace("&", ""): key for entries in before.values() for text, key in entries}
    assert shortcuts["New dialogue"] == "Ctrl+N" and shortcuts["Find"] == "Ctrl+F"
    assert shortcuts["Open database…"] == "Ctrl+O" and shortcuts["Trash"] == "Ctrl+4"


def test_delete_for_good_acts_on_the_trash_built_after_the_paint(qtbot, database, held_back, answers) -> None:
    """Shift+Del belongs to the trash's list, which is built after the first paint."""
    window = held_back
    repository = DialogueRepository(database)
    stored = repository.save(make_dialogue("Thrown away"))
    repository.delete(stored.id)
    window.run_after_paint()
    from desktop_app.ui.main_window import TRASH

    window.show_page(TRASH)
    window.trash.reload()
    window.trash.table.selectRow(0)
    window.trash.table.setFocus()
    answers.confirm = True
    press(qtbot, window.trash.table, K.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.trash.model.rowCount() == 0)


LATER_START = r"""
import sys
from pathlib import Path
from desktop_app.ui.window_claim import hand_over
print("trying", flush=True)
print("answered" if hand_over(Path(sys.argv[1]), Path(sys.argv[2])) else "not answered", flush=True)
"""


def test_a_later_start_reaches_a_window_that_listens_only_after_its_first_paint(qtbot, qapp, tmp_path) -> None:
    """The window answers later starts once painted; one that comes in before that keeps trying."""
    path = tmp_path / "register.sqlite3"
    claim = DatabaseClaim(path)
    assert claim.try_claim(listen=False)
    handed: list[str] = []
    claim.handed_over.connect(handed.append)
    bundle = tmp_path / "from-aigul.json"
    later_start = subprocess.Popen([sys.executable, "-c", LATER_START, str(path), str(bundle)], cwd=ROOT,
                                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(line.strip() for line in later_start.stdout or ()))
    reader.start()
    try:
        qtbot.waitUntil(lambda: "trying" in lines, timeout=60_000)
        qtbot.wait(300)  # it has found nobody listening by now
        claim.listen()  # the window's first paint
        qtbot.waitUntil(lambda: later_start.poll() is not None, timeout=30_000)  # answered meanwhile
        reader.join()
        assert lines == ["trying", "answered"], later_start.stderr.read() if later_start.stderr else ""
        assert handed == [str(bundle)]
    finally:
        claim.release()


def test_the_name_question_waits_for_the_first_paint(qtbot, held_back) -> None:
    """At the first start the officer's name is asked over the painted list, not before it."""
    window = held_back
    asked: list[str] = []
    window.when_painted(lambda: asked.append("name?"))
    assert asked == []
    window.run_after_paint()
    assert asked == ["name?"]
    window.when_painted(lambda: asked.append("again"))  # once painted: at once
    assert asked == ["name?", "again"]


def test_keys_on_the_first_page_work_before_and_after_the_real_model_takes_over(qtbot, database, held_back) -> None:
    """Round 6: until the work after the paint, the list is a C++ stand-in (ui/first_page_model.py); the
    arrows, Shift+arrows, Enter and Del act on the same rows before and after the real model takes over."""
    from desktop_app.ui.models.dialogue_table_model import DialogueTableModel

    window = held_back
    repository = DialogueRepository(database)
    for year in (2021, 2022, 2023):
        repository.save(make_dialogue(f"Meeting {year}", start_date=make_dialogue().start_date.replace(year=year)))
    window.dialogues.model.show_first_page(window.dialogues.model._fetch(0))  # as the start would have read them
    from desktop_app.ui.first_page_model import first_page_model

    first_page_model(window.dialogues.model, window.dialogues.table.model(), 50)
    table = window.dialogues.table
    assert not isinstance(table.model(), DialogueTableModel)
    table.setCurrentIndex(table.model().index(0, 0))
    press(qtbot, table, K.Key_Down, Qt.KeyboardModifier.NoModifier)
    assert window.dialogues.current_id() == window.dialogues.model.row_at(1).id
    press(qtbot, table, K.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert [dialogue.title for dialogue in window.opened_forms] == ["Meeting 2022"]
    window.activateWindow()
    press(qtbot, table, K.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.delete_action.isEnabled() and len(window.dialogues.selected_ids()) == 2
    window.run_after_paint()
    assert table.model() is window.dialogues.model
    assert len(window.dialogues.selected_ids()) == 2 and table.currentIndex().row() == 2
    press(qtbot, table, K.Key_Up, Qt.KeyboardModifier.NoModifier)
    press(qtbot, table, K.Key_Up, Qt.KeyboardModifier.NoModifier)
    assert window.dialogues.current_id() == window.dialogues.model.row_at(0).id
    assert window.delete_action.isEnabled()  # the window follows the real model's selection
    press(qtbot, table, K.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert [dialogue.title for dialogue in window.opened_forms] == ["Meeting 2022", "Meeting 2023"]


@pytest.mark.parametrize("size", [(1280, 780), (1000, 420)])
def test_the_first_read_fills_every_row_the_first_paint_shows(qtbot, database, answers, monkeypatch, size) -> None:
    """Round 10: the first window reads only the rows its first paint can show (`first_paint_rows`,
    from the window's height); no row the table shows at that paint is blank."""
    from desktop_app.ui.main_window import MainWindow

    add_bare_dialogues(database, 450)
    monkeypatch.setattr(MainWindow, "_after_first_paint", lambda self: None)
    monkeypatch.setattr(MainWindow, "_restore_settings", lambda self: self.resize(*size))
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._painted)
    table = window.dialogues.table
    assert not isinstance(table.model(), type(window.dialogues.model))  # still the first paint's stand-in
    last_shown = table.rowAt(table.viewport().height() - 1)
    assert 5 < last_shown < window.dialogues.model.fetched < 60
    assert table.model().index(last_shown, 1).data() == window.dialogues.model.row_at(last_shown).title


def test_a_maximised_window_reads_the_rows_of_the_whole_screen(qtbot, database, answers) -> None:
    from PySide6.QtGui import QGuiApplication

    from desktop_app.ui.dialogue_list_view import CHROME_ROWS
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.resize(600, 300)
    small = window.dialogues.first_paint_rows()
    window.setWindowState(Qt.WindowState.WindowMaximized)
    height = max(screen.availableGeometry().height() for screen in QGuiApplication.screens())
    rows = height // window.dialogues.table.verticalHeader().defaultSectionSize() + 1 - CHROME_ROWS
    assert window.dialogues.first_paint_rows() == rows > small
