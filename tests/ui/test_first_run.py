"""The first start: asked only when nothing exists and nothing was named; each answer leads where it says."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.paths import DB_ENV, standard_database_path
from desktop_app.ui.dialogs import first_run_dialog as first_run
from desktop_app.ui.dialogs.first_run_dialog import (
    SAMPLE_FILE_NAME,
    Choice,
    FirstRunDialog,
    ask_first_database,
    is_first_run,
    start_database,
)
from desktop_app.ui.preferences import Preferences, load_preferences, save_preferences
from desktop_app.ui.settings import remember_database

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _make_database(path: Path) -> Path:
    open_database(path).close()
    return path


def test_first_run_only_when_no_database_exists_anywhere_known(tmp_path: Path) -> None:
    default = tmp_path / "data" / "dialogues.sqlite3"
    assert is_first_run(default, [])
    assert is_first_run(default, [str(tmp_path / "moved-away.sqlite3")])  # a recent file that is gone
    assert is_first_run(default, [str(_make_database(tmp_path / SAMPLE_FILE_NAME))])  # only the samples tried
    assert not is_first_run(default, [str(_make_database(tmp_path / "mine.sqlite3"))])
    assert not is_first_run(_make_database(default), [])


def _dialog(qtbot, default: Path) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog(default)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_create_answers_the_default_location(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    default = tmp_path / "data" / "dialogues.sqlite3"
    dialog = _dialog(qtbot, default)
    assert str(default) in dialog.create_button.description()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert (dialog.choice, dialog.chosen_path, dialog.result()) == (Choice.CREATE, default, 1)


def test_sample_answers_a_clearly_named_file_beside_the_default(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path / "data" / "dialogues.sqlite3")
    assert SAMPLE_FILE_NAME in dialog.sample_button.description()
    qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    assert (dialog.choice, dialog.chosen_path) == (Choice.SAMPLE, tmp_path / "data" / SAMPLE_FILE_NAME)


def test_open_existing_waits_for_a_file(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path / "dialogues.sqlite3")
    answers: list[Path | None] = [None, tmp_path / "theirs.sqlite3"]
    monkeypatch.setattr(dialog, "choose_existing", lambda: answers.pop(0))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.choice is None  # the file dialog was cancelled: still asking
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert (dialog.choice, dialog.chosen_path) == (Choice.OPEN, tmp_path / "theirs.sqlite3")


def _answer_modal(qtbot, act: Callable[[FirstRunDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Act on the first-run screen once its exec() loop runs, as the officer would."""
    def when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(10, when_shown)
            return
        act(dialog)
    QTimer.singleShot(0, when_shown)


def test_an_existing_file_opened_becomes_the_database_opened_at_start(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = _make_database(tmp_path / "theirs.sqlite3")
    monkeypatch.setattr(FirstRunDialog, "choose_existing", lambda self: theirs)
    _answer_modal(qtbot, lambda d: qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton))

    assert ask_first_database(None, tmp_path / "dialogues.sqlite3") == theirs
    assert load_preferences().database_location() == theirs
    assert start_database(None, load_preferences()) == theirs  # the next start opens it without asking


def test_quitting_answers_none_and_changes_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    save_preferences(Preferences(keep_last=5))
    _answer_modal(qtbot, lambda d: qtbot.mouseClick(d.quit_button, Qt.MouseButton.LeftButton))
    assert ask_first_database(None, tmp_path / "dialogues.sqlite3") is None
    assert load_preferences() == Preferences(keep_last=5)
    assert not (tmp_path / "dialogues.sqlite3").exists()


@pytest.fixture
def never_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("the first-run screen was shown")
    monkeypatch.setattr(first_run, "ask_first_database", fail)


def test_a_named_file_is_never_asked_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, never_asked) -> None:  # type: ignore[no-untyped-def]
    named = tmp_path / "new.sqlite3"
    assert start_database(str(named), Preferences()) == named
    monkeypatch.setenv(DB_ENV, str(named))
    assert start_database(None, Preferences()) == named


def test_an_existing_default_is_opened_without_asking(tmp_path: Path, never_asked) -> None:  # type: ignore[no-untyped-def]
    preferred = _make_database(tmp_path / "preferred.sqlite3")
    assert start_database(None, Preferences(database_path=str(preferred))) == preferred
    remember_database(str(_make_database(tmp_path / "mine.sqlite3")))
    assert start_database(None, Preferences(database_path=str(preferred))) == preferred


@pytest.mark.parametrize("chosen_in_settings", [True, False])
def test_a_start_database_not_there_is_asked_about_not_made_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  chosen_in_settings: bool) -> None:
    """Round 17: with other databases opened before, a start whose database was not there (Settings
    naming a share not connected, or the standard file moved) made an empty one in its place, and the
    window showed no records; what was typed then would lie under the share once connected."""
    remember_database(str(_make_database(tmp_path / "mine.sqlite3")))
    on_share = tmp_path / "share" / "register.sqlite3"
    asked: list[tuple[Path, bool]] = []
    monkeypatch.setattr(first_run, "ask_first_database",
                        lambda parent, default, missing=False: asked.append((default, missing)) or None)
    preferences = Preferences(database_path=str(on_share)) if chosen_in_settings else Preferences()
    assert start_database(None, preferences) is None
    assert asked == [(on_share if chosen_in_settings else standard_database_path(), True)]
    assert not on_share.exists() and not on_share.parent.exists() and not standard_database_path().exists()


def test_the_screen_for_a_database_not_there_names_it_and_makes_nothing_on_return(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_share = tmp_path / "share" / "register.sqlite3"
    dialog = FirstRunDialog(on_share, missing=True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(first_run.QLabel))
    assert str(on_share) in texts and "not there" in texts and "Welcome" not in texts
    opened: list[bool] = []
    monkeypatch.setattr(dialog, "choose_existing", lambda: opened.append(True) or None)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default answer asks for a file; it makes none
    assert opened == [True] and dialog.choice is None and dialog.isVisible()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # an empty one only when chosen
    assert (dialog.choice, dialog.chosen_path) == (Choice.CREATE, on_share)


def test_the_first_start_screen_still_welcomes_and_creates_on_return(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path / "dialogues.sqlite3")
    texts = " ".join(label.text() for label in dialog.findChildren(first_run.QLabel))
    assert "Welcome" in texts and "not there" not in texts
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.choice is Choice.CREATE


def test_first_start_asks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[Path, bool]] = []
    monkeypatch.setattr(first_run, "ask_first_database",
                        lambda parent, default, missing=False: asked.append((default, missing)) or None)
    assert start_database(None, Preferences()) is None
    assert asked == [(standard_database_path(), False)]  # a welcome, not "not there"


def test_the_sample_choice_starts_the_window_with_sample_records(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.app import run_gui

    sample = tmp_path / SAMPLE_FILE_NAME
    monkeypatch.setattr(first_run, "ask_first_database", lambda parent, default, missing=False: sample)
    shown: list[str] = []

    def instead_of_the_event_loop(self: QApplication) -> int:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.windowTitle().startswith("Dialogue Register"):
                shown.append(widget.windowTitle())
                qtbot.addWidget(widget)
        return 0

    monkeypatch.setattr(QApplication, "exec", instead_of_the_event_loop)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs the app's own hook
    assert run_gui(None) == 0

    assert len(shown) == 1 and SAMPLE_FILE_NAME in shown[0] and "SAMPLE RECORDS" in shown[0]
    database = open_database(sample)
    try:
        assert DialogueRepository(database).count() > 0
    finally:
        database.close()
