"""Settings driven through its widgets: OK saves, Cancel does not, bad values are refused in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.preferences import Preferences, load_preferences, save_preferences
from desktop_app.ui.settings import app_settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _open(qtbot) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_number(qtbot, spin, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def _fill(qtbot, dialog: SettingsDialog, database: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.language.setFocus()
    for _ in range(2):  # System language, English, Русский
        qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    qtbot.keyClicks(dialog.database, str(database))
    _type_number(qtbot, dialog.keep_last, 25)
    _type_number(qtbot, dialog.keep_months, 6)
    dialog.report_format.setFocus()
    qtbot.keyClicks(dialog.report_format, "Word")
    dialog.final_only.setFocus()
    qtbot.keyClick(dialog.final_only, Qt.Key.Key_Space)


def _click(qtbot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def test_a_fresh_dialog_shows_the_defaults(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot)
    assert dialog.language.currentText() == "System language"
    assert dialog.database.text() == ""
    assert dialog.database.placeholderText().endswith("dialogues.sqlite3")
    assert (dialog.keep_last.value(), dialog.keep_months.value()) == (10, 12)
    assert dialog.report_format.currentData() == "pdf" and not dialog.final_only.isChecked()


def test_ok_saves_every_field_and_reopening_shows_them(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "office" / "register.sqlite3"
    target.parent.mkdir()
    dialog = _open(qtbot)
    _fill(qtbot, dialog, target)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert not dialog.isVisible() and not dialog.problem.isVisible()
    assert load_preferences() == Preferences(language="ru", database_path=str(target), keep_last=25, keep_months=6,
                                             report_format="docx", report_final_only=True)
    again = _open(qtbot)
    assert again.language.currentText() == "Русский"
    assert again.database.text() == str(target)
    assert (again.keep_last.value(), again.keep_months.value()) == (25, 6)
    assert again.report_format.currentText().startswith("Word") and again.final_only.isChecked()


def test_cancel_saves_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    save_preferences(Preferences(keep_last=7))
    dialog = _open(qtbot)
    _fill(qtbot, dialog, tmp_path / "register.sqlite3")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    assert not dialog.isVisible()
    assert load_preferences() == Preferences(keep_last=7)


@pytest.mark.parametrize(("entered", "said"), [
    ("relative/register.sqlite3", "full path"),
    ("{tmp}", "is a folder"),
    ("{tmp}/register.txt", "must end in .sqlite3"),
    ("{tmp}/missing/register.sqlite3", "does not exist"),
    ("~nosuchuser17/register.sqlite3", "“~nosuchuser17” names no home folder on this computer"),
])
def test_an_unusable_database_location_is_said_and_nothing_saved(qtbot, tmp_path: Path, entered: str,  # type: ignore[no-untyped-def]
                                                                 said: str) -> None:
    dialog = _open(qtbot)
    qtbot.keyClicks(dialog.database, entered.replace("{tmp}", str(tmp_path)))
    _type_number(qtbot, dialog.keep_last, 3)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert dialog.isVisible() and dialog.problem.isVisible()
    assert said in dialog.problem.text()
    assert load_preferences() == Preferences()
    assert app_settings().childGroups() == []  # not even partly written


def test_browse_fills_in_the_chosen_file_with_its_suffix(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _open(qtbot)
    monkeypatch.setattr(dialog, "choose_database", lambda: tmp_path / "chosen")
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.database.text() == str(tmp_path / "chosen.sqlite3")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert load_preferences().database_location() == tmp_path / "chosen.sqlite3"


def test_retention_cannot_be_typed_below_one_backup(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot)
    _type_number(qtbot, dialog.keep_last, 0)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and dialog.problem.text() == "“Keep the newest” takes a number from 1 to 999, not 0."
    assert load_preferences() == Preferences()


@pytest.mark.parametrize(("box", "typed", "said"), [
    ("bundle_limit", "20000", "“Largest bundle to import” takes a number from 1 to 16384, not 20000."),
    ("keep_last", "1000", "“Keep the newest” takes a number from 1 to 999, not 1000."),
    ("keep_months", "500", "“Plus one a month for” takes a number from 0 to 120, not 500."),
])
def test_a_number_out_of_range_is_kept_as_typed_and_said(qtbot, box: str, typed: str,  # type: ignore[no-untyped-def]
                                                         said: str) -> None:
    """Round 17: the spin boxes dropped the key that left their range (20000 MB typed became 2000 MB)
    and, left with 0 backups showing, kept the previous number, which OK saved, nothing said."""
    save_preferences(Preferences(keep_last=7))
    dialog = _open(qtbot)
    spin = getattr(dialog, box)
    _type_number(qtbot, spin, int(typed))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.text().startswith(typed)  # as typed, also once the box is left
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and dialog.problem.text() == said
    assert load_preferences() == Preferences(keep_last=7)
    _type_number(qtbot, spin, 12)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible() and getattr(load_preferences(), box + ("_mb" if box == "bundle_limit" else "")) == 12


def test_hand_edited_nonsense_in_the_settings_file_falls_back_to_defaults(qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = app_settings()
    for key, value in (("language", "klingon"), ("backupKeepLast", "lots"), ("backupKeepMonths", "-4"),
                       ("reportFormat", "exe"), ("reportFinalOnly", "perhaps"), ("databaseLocation", 17)):
        settings.setValue(f"preferences/{key}", value)
    settings.sync()
    assert load_preferences() == Preferences()
    dialog = _open(qtbot)
    assert dialog.keep_last.value() == 10 and dialog.language.currentData() == ""
    # a home folder of nobody (round 17: the start stopped with a RuntimeError)
    settings.setValue("preferences/databaseLocation", "~nosuchuser17/register.sqlite3")
    settings.sync()
    assert load_preferences().database_location() is None


def test_the_language_option_beats_the_setting_which_beats_the_system() -> None:
    from desktop_app.ui.preferences import chosen_language

    assert chosen_language("en", Preferences(language="ru")) == "en"
    assert chosen_language(None, Preferences(language="ru")) == "ru"
    assert chosen_language(None, Preferences()) is None


def test_a_refused_ok_then_cancel_keeps_the_name_as_it_was(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A new name and an unusable database location: OK says the problem and saves nothing, the name
    included, so Cancel afterwards leaves everything as it was (the name was saved before the check)."""
    from desktop_app.ui.officer import officer_name, set_officer_name

    set_officer_name("Aigerim Zhumabayeva")
    dialog = _open(qtbot)
    dialog.officer.selectAll()
    qtbot.keyClicks(dialog.officer, "Someone Else")
    qtbot.keyClicks(dialog.database, "relative/register.sqlite3")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and "full path" in dialog.problem.text()
    assert officer_name() == "Aigerim Zhumabayeva"
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert officer_name() == "Aigerim Zhumabayeva"


def test_an_emptied_name_is_said_not_silently_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The name cleared and OK: it was accepted while the old name stayed, unseen; now one sentence
    asks for a name and nothing is saved."""
    from desktop_app.ui.officer import officer_name, set_officer_name

    set_officer_name("Aigerim Zhumabayeva")
    dialog = _open(qtbot)
    dialog.officer.setFocus()
    dialog.officer.selectAll()
    qtbot.keyClick(dialog.officer, Qt.Key.Key_Delete)
    _type_number(qtbot, dialog.keep_last, 3)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and "your name" in dialog.problem.text().casefold()
    assert officer_name() == "Aigerim Zhumabayeva" and load_preferences() == Preferences()
