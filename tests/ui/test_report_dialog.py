"""The Report dialog driven like an officer would: choose, look at the preview, export, open."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices

from desktop_app.db.unit_of_work import Database
from desktop_app.ui.dialogs.report_dialog import ReportDialog, period_of
from tests.services.readers import xlsx_summary
from tests.services.report_world import build_world

# The offscreen platform cannot resize native windows and says so when a dialog is shown; that is
# the test platform talking, not the dialog.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_drafts_are_out_until_asked_for_then_preview_and_export_to_excel(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Встреча экспертов" not in dialog.preview.toPlainText()  # contract v2: drafts are out by default

    qtbot.mouseClick(dialog.include_drafts, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.include_drafts.height() // 2))
    qtbot.waitUntil(lambda: "Встреча экспертов" in dialog.preview.toPlainText())
    expected = world.expected(drafts=True)
    assert dialog.summary.text().startswith(f"{expected['Dialogues']} dialogues, {expected['Delegations']} delegations")

    dialog.format.setFocus()
    qtbot.keyClicks(dialog.format, "Excel")
    assert dialog.format.currentData() == "xlsx"
    target = tmp_path / "final-report"
    monkeypatch.setattr(dialog, "choose_target", lambda kind: target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    written = tmp_path / "final-report.xlsx"
    assert written.exists()
    assert {k: v for k, v in xlsx_summary(written).items() if k in expected} == expected
    assert load_workbook(written)["Dialogues"].max_row == 1 + expected["Dialogues"]
    assert str(written) in dialog.exported_label.text()

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(written), str(tmp_path)]


def test_series_and_custom_period_narrow_the_preview(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.series.setFocus()
    qtbot.keyClicks(dialog.series, "Beta")
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("2 dialogues"))
    assert "Bilateral on prevention" in dialog.preview.toPlainText()

    qtbot.keyClicks(dialog.period, "Custom")
    assert dialog.date_from.isEnabled()
    dialog.date_from.setDate(dialog.date_from.date().fromString("2025-01-01", "yyyy-MM-dd"))
    dialog.date_to.setDate(dialog.date_to.date().fromString("2025-12-31", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: dialog.summary.text() == "No dialogues match the selection.")
    assert "No dialogues match" in dialog.preview.toPlainText()


def test_a_failing_export_says_so_and_writes_nothing(qtbot, database: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    monkeypatch.setattr(dialog, "choose_target", lambda kind: tmp_path / "missing" / "r.pdf")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert messages and "does not exist" in messages[0]
    assert not dialog.open_button.isEnabled()
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize(("choice", "today", "expected"), [
    ("This year", date(2024, 5, 5), (date(2024, 1, 1), date(2024, 12, 31))),
    ("Last year", date(2024, 5, 5), (date(2023, 1, 1), date(2023, 12, 31))),
    ("Last quarter", date(2024, 5, 5), (date(2024, 1, 1), date(2024, 3, 31))),
    ("Last quarter", date(2024, 2, 29), (date(2023, 10, 1), date(2023, 12, 31))),
    ("Last quarter", date(2024, 12, 1), (date(2024, 7, 1), date(2024, 9, 30))),
    ("All dates", date(2024, 5, 5), (None, None)),
])
def test_quick_periods(choice: str, today: date, expected: tuple) -> None:  # type: ignore[type-arg]
    assert period_of(choice, today) == expected


def test_starts_with_the_report_defaults_from_settings(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.preferences import Preferences, save_preferences

    build_world(database)
    save_preferences(Preferences(report_format="html", report_final_only=True))
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.format.currentData() == "html" and dialog.format.currentText().startswith("Web page")
    assert not dialog.include_drafts.isChecked()
    assert "Встреча экспертов" not in dialog.preview.toPlainText()  # the draft is left out from the start


def test_party_and_no_names_choose_that_partys_participation_without_names(  # type: ignore[no-untyped-def]
        qtbot, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui.dialogs import report_dialog

    world = build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Тимур Назаров" in dialog.preview.toPlainText()
    dialog.country.setFocus()
    qtbot.keyClicks(dialog.country, "Tajikistan")
    assert dialog.country.currentData() == "TJ"
    expected = world.expected(party="TJ")
    qtbot.waitUntil(lambda: dialog.summary.text().startswith(
        f"{expected['Dialogues']} dialogues, {expected['Delegations']} delegations, "
        f"{expected['Participants']} participants"))
    dialog.no_names.setFocus()
    qtbot.keyClick(dialog.no_names, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Тимур Назаров" not in dialog.preview.toPlainText())

    monkeypatch.setattr(report_dialog, "ANNEX_LIMIT", 1)  # the officer is told before the export starts
    dialog.format.setFocus()
    qtbot.keyClicks(dialog.format, "Word")
    qtbot.waitUntil(lambda: "annex will be left out" in dialog.summary.text())


def test_in_a_russian_window_the_report_and_its_choices_are_russian(qtbot, database: Database,  # type: ignore[no-untyped-def]
                                                                     russian: str, tmp_path: Path) -> None:
    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.include_drafts.text() == "Включить черновики (с пометкой)"
    assert dialog.country.itemText(0) == "Все стороны"
    dialog.country.setCurrentIndex(dialog.country.findText("Таджикистан"))  # QTest cannot type Cyrillic
    assert dialog.country.currentData() == "TJ"
    qtbot.waitUntil(lambda: "Участие" in dialog.preview.toPlainText())
    text = dialog.preview.toPlainText()
    assert "Сводный отчёт о диалогах" in text and "Таджикистан" in text and "Participation" not in text
