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
    for edit, typed in ((dialog.date_from, "2025-01-01"), (dialog.date_to, "2025-12-31")):
        edit.selectAll()
        qtbot.keyClicks(edit, typed)
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
    assert dialog.include_drafts.text() == "&Включить черновики (с пометкой)"
    assert dialog.country.itemText(0) == "Все стороны"
    dialog.country.setCurrentIndex(dialog.country.findText("Таджикистан"))  # QTest cannot type Cyrillic
    assert dialog.country.currentData() == "TJ"
    qtbot.waitUntil(lambda: "Участие" in dialog.preview.toPlainText())
    text = dialog.preview.toPlainText()
    assert "Сводный отчёт о диалогах" in text and "Таджикистан" in text and "Participation" not in text


def _progress_dialog(dialog: ReportDialog):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressDialog

    shown_ = [w for w in dialog.findChildren(QProgressDialog) if w.isVisible()]
    return shown_[0] if shown_ else None


def test_export_writes_off_the_windows_thread_with_progress(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: writing the file (not only counting) runs on the thread pool; the window keeps painting."""
    import threading

    from desktop_app.ui.dialogs import report_dialog

    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    threads: list[bool] = []
    ticks: list[tuple[int, int]] = []
    real = report_dialog.write_report

    def writer(report, target, kind, tick):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())

        def counted(done: int, total: int) -> None:
            ticks.append((done, total))
            tick(done, total)
        return real(report, target, kind, counted)

    monkeypatch.setattr(report_dialog, "write_report", writer)
    monkeypatch.setattr(dialog, "choose_target", lambda kind: tmp_path / "report")
    dialog.format.setFocus()
    qtbot.keyClicks(dialog.format, "PDF")
    assert dialog.format.currentData() == "pdf"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    written = tmp_path / "report.pdf"
    assert threads == [False]  # written by a worker thread, not the window's
    assert ticks and ticks[-1][0] == ticks[-1][1] > 1  # every page reported, the last one last
    assert written.read_bytes().startswith(b"%PDF")
    assert str(written) in dialog.exported_label.text()


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_cancel_while_writing_leaves_no_partial_file_and_the_old_report_as_it_was(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Cancel pressed (a real click on the progress dialog's Cancel) while the file is being written."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    from desktop_app.ui.dialogs import report_dialog

    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / f"report.{kind}"
    target.write_bytes(b"last month's report")
    writing, clicked = threading.Event(), threading.Event()
    partial_seen: list[list[str]] = []
    real = report_dialog.write_report

    def writer(report, target_, kind_, tick):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            if not writing.is_set():  # hold the writer half-way until the officer has clicked Cancel
                partial_seen.append([p.name for p in folder.iterdir() if p.name.endswith(".dr-partial")])
                writing.set()
                assert clicked.wait(20)
            tick(done, total)
        return real(report, target_, kind_, held)

    monkeypatch.setattr(report_dialog, "write_report", writer)
    monkeypatch.setattr(dialog, "choose_target", lambda _kind: target)

    def click_cancel() -> None:
        progress = _progress_dialog(dialog)
        if not (writing.is_set() and progress is not None):
            QTimer.singleShot(50, click_cancel)
            return
        button = progress.findChild(QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        clicked.set()

    dialog.format.setFocus()
    qtbot.keyClicks(dialog.format, "Excel" if kind == "xlsx" else "PDF")
    assert dialog.format.currentData() == kind
    QTimer.singleShot(50, click_cancel)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # returns when the export has ended

    assert clicked.is_set()
    assert partial_seen and partial_seen[0]  # the file was half-written when Cancel came ...
    assert sorted(p.name for p in folder.iterdir()) == [target.name]  # ... and nothing of it is left
    assert target.read_bytes() == b"last month's report"
    assert "cancelled" in dialog.exported_label.text()
    assert not dialog.open_button.isEnabled()


def test_the_preview_is_made_off_the_windows_thread_which_keeps_running(  # type: ignore[no-untyped-def]
        qtbot, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: the preview's document (Qt rich text, seconds for thousands of dialogues) is made by
    the worker; the window's thread keeps handling its events meanwhile (a heartbeat timer ticks)."""
    import threading
    import time

    from PySide6.QtCore import QTimer

    from desktop_app.ui.dialogs import report_dialog

    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    beats: list[int] = []
    heartbeat = QTimer(dialog)
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()
    made_on_main: list[bool] = []
    beats_while_making: list[int] = []
    real = report_dialog.report_document

    def slow(report):  # type: ignore[no-untyped-def]
        made_on_main.append(threading.current_thread() is threading.main_thread())
        before, deadline = len(beats), time.monotonic() + 10
        while len(beats) < before + 5 and time.monotonic() < deadline:  # the window ticks meanwhile?
            time.sleep(0.01)
        beats_while_making.append(len(beats) - before)
        return real(report)

    monkeypatch.setattr(report_dialog, "report_document", slow)
    dialog.series.setFocus()
    qtbot.keyClicks(dialog.series, "Beta")
    qtbot.waitUntil(lambda: bool(beats_while_making), timeout=20000)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.summary.dialogues > 0, timeout=20000)
    assert made_on_main == [False]
    assert beats_while_making[0] >= 5  # the window's thread ran its timers while the preview was made
    assert dialog.preview.document().parent() is dialog.preview and "Summary" in dialog.preview.toPlainText()


def test_cancel_while_the_preview_is_made_says_so(  # type: ignore[no-untyped-def]
        qtbot, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancel (a real click on the progress dialog's button) while the preview is being made."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    from desktop_app.ui.dialogs import report_dialog

    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    making, released = threading.Event(), threading.Event()
    real = report_dialog.report_document

    def held(report):  # type: ignore[no-untyped-def]
        making.set()
        released.wait(20)
        return real(report)

    def click_cancel() -> None:
        progress = _progress_dialog(dialog)
        if not (making.is_set() and progress is not None):
            QTimer.singleShot(50, click_cancel)
            return
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        released.set()

    monkeypatch.setattr(report_dialog, "report_document", held)
    QTimer.singleShot(50, click_cancel)
    dialog.include_drafts.setFocus()
    qtbot.keyClick(dialog.include_drafts, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "cancelled" in dialog.summary.text(), timeout=20000)
    assert released.is_set() and dialog.report is None and not dialog.export_button.isEnabled()


@pytest.mark.parametrize("outcome", ["counted", "refused", "cancelled"])
def test_a_dialog_deleted_while_its_report_is_counted_shows_nothing_and_raises_nothing(  # type: ignore[no-untyped-def]
        qtbot, database: Database, monkeypatch: pytest.MonkeyPatch, outcome: str) -> None:
    """The counting waits in a progress loop, which delivers a deletion asked for before it (the
    window closing the dialog, or a test's teardown): the result then has nowhere to be shown. A CI
    run found `refresh` writing into the deleted summary label ("Internal C++ object already deleted")."""
    import shiboken6

    from desktop_app.domain.errors import UserError
    from desktop_app.ui.long_work import WorkCancelled

    build_world(database)
    dialog = ReportDialog(database)
    real = dialog._built

    def built_then_deleted(selection):  # type: ignore[no-untyped-def]
        result = real(selection)
        shiboken6.delete(dialog)
        if outcome == "refused":
            raise UserError("No such country.")
        if outcome == "cancelled":
            raise WorkCancelled()
        return result

    monkeypatch.setattr(dialog, "_built", built_then_deleted)
    dialog.refresh()  # raises RuntimeError if it writes into the deleted dialog
    assert not shiboken6.isValid(dialog)


@pytest.mark.parametrize("replace", [False, True])
def test_a_name_without_its_extension_does_not_replace_the_file_with_it_unasked(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replace: bool) -> None:
    """The officer types "q3" in the save dialog of a PDF report where last quarter's "q3.pdf" is: the
    dialog asked about "q3", which does not exist, and the program adds ".pdf". It must ask before
    replacing "q3.pdf" (round 16: last quarter's report was replaced without a word)."""
    from PySide6.QtWidgets import QMessageBox

    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    folder = tmp_path / "reports"
    folder.mkdir()
    existing = folder / "q3.pdf"
    existing.write_bytes(b"last quarter's report")
    asked: list[str] = []

    def question(parent, title, text, *buttons):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes if replace else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(dialog, "choose_target", lambda kind: folder / "q3")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and "q3.pdf" in asked[0] and "already exists" in asked[0]
    if replace:
        assert existing.read_bytes().startswith(b"%PDF")
        assert str(existing) in dialog.exported_label.text()
    else:
        assert existing.read_bytes() == b"last quarter's report"
        assert not dialog.open_button.isEnabled()
        assert dialog.exported_label.text() == ""
    assert sorted(p.name for p in folder.iterdir()) == ["q3.pdf"]


def test_a_new_name_without_its_extension_is_written_without_a_question(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: pytest.fail("asked about a new file"))
    monkeypatch.setattr(dialog, "choose_target", lambda kind: tmp_path / "Отчёт за 2023")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "Отчёт за 2023.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_exporting_over_a_read_only_report_says_so_and_keeps_it(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    kept = tmp_path / "Отчёт за 2023.docx"
    kept.write_bytes(b"the report sent to the Delegation")
    kept.chmod(0o444)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    monkeypatch.setattr(dialog, "choose_target", lambda kind: kept)  # the save dialog asked and was told Replace
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(messages) == 1 and str(kept) in messages[0] and "read-only" in messages[0]
    assert kept.read_bytes() == b"the report sent to the Delegation"
    assert not dialog.open_button.isEnabled()


def test_a_series_stored_in_several_cases_is_one_choice_giving_all_its_dialogues(  # type: ignore[no-untyped-def]
        qtbot, database: Database) -> None:
    """"Drug Dialogue" typed here, "drug dialogue" and "DRUG DIALOGUE" from other offices' bundles: the
    report of any of them is the report of all three (contract: case does not matter), so the list
    offers the series once, not three choices that give one report (round 16)."""
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from tests.factories import make_dialogue

    repository = DialogueRepository(database)
    for title, series in (("First", "Drug Dialogue"), ("Second", "drug dialogue"), ("Third", "DRUG DIALOGUE"),
                          ("Other", "Expert meetings")):
        repository.save(make_dialogue(title, series=series))
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    listed = [dialog.series.itemText(index) for index in range(1, dialog.series.count())]
    assert sorted(name.casefold() for name in listed) == ["drug dialogue", "expert meetings"]
    dialog.series.setFocus()
    qtbot.keyClicks(dialog.series, "Drug")
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("3 dialogues"))


def test_a_party_gone_since_the_dialog_opened_is_said_in_the_windows_language(qtbot, database: Database,  # type: ignore[no-untyped-def]
                                                                              russian: str) -> None:
    """The only dialogue Tajikistan attended goes to the trash (another officer, an import) while the
    Report dialog waits with Tajikistan chosen: the next count refuses in Russian (round 17: the
    sentence was English in the Russian window), the party known listed in Russian too."""
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.domain import records as r
    from tests.factories import add_people, delegation_of, make_dialogue

    (person,) = add_people(database, "Zarina Saidova")
    repository = DialogueRepository(database)
    only = repository.save(make_dialogue("Bilateral", delegations=(delegation_of(r.Party.country("TJ"), person),)))
    repository.save(make_dialogue("Regional", delegations=(delegation_of(r.Party.country("KZ"), person),)))
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.country.setCurrentIndex(dialog.country.findText("Таджикистан"))
    qtbot.waitUntil(lambda: "Диалогов: 1" in dialog.summary.text())
    repository.delete(only.id)
    dialog.no_names.setFocus()
    qtbot.keyClick(dialog.no_names, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.export_button.isEnabled())
    said = dialog.summary.text()
    assert "TJ" in said and "KZ (Казахстан)" in said and "Kazakhstan" not in said, said
    assert not any("a" <= c <= "z" for c in said.replace("TJ", "").replace("KZ", "")), said


def _type_date(qtbot, edit, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.form_driving import activate

    activate(qtbot, edit)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, key)


def _custom_period(qtbot, database: Database, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.period.setFocus()
    qtbot.keyClick(dialog.period, Qt.Key.Key_End)  # Custom, the last choice (QTest cannot type Cyrillic)
    assert dialog.period.currentData() == "Custom" and dialog.date_from.isEnabled()
    asked: list[object] = []
    monkeypatch.setattr(dialog, "choose_target", lambda kind: asked.append(dialog.selection()))
    return dialog, asked


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_custom_period_is_the_one_typed(qtbot, database: Database, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                          request: pytest.FixtureRequest, language: str) -> None:
    """Round 17: the period's boxes were QDateEdits: 13.12.2023 typed into From in an English window
    left it at another date and the report covered that other period, nothing said. Now the date
    typed (as in the form: 13.12.2023, 2023-12-13) is the one reported on, shown back in the window's
    format; Enter at once exports that period."""
    if language == "ru":
        request.getfixturevalue("russian")
    dialog, asked = _custom_period(qtbot, database, monkeypatch)
    _type_date(qtbot, dialog.date_from, "13.12.2023")
    _type_date(qtbot, dialog.date_to, "2023-12-31")
    shown_as = {"en": ("2023-12-13", "2023-12-31"), "ru": ("13.12.2023", "31.12.2023")}[language]
    assert (dialog.date_from.text(), dialog.date_to.text()) == shown_as
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.summary.dialogues == 1)
    assert "EU-Central Asia Drug Dialogue 2023" in dialog.preview.toPlainText()
    assert dialog.date_from.styleSheet() == ""

    _type_date(qtbot, dialog.date_to, "30.12.2023", Qt.Key.Key_Return)  # Enter before the preview follows
    assert len(asked) == 1
    assert (asked[0].date_from, asked[0].date_to) == (date(2023, 12, 13), date(2023, 12, 30))  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_custom_period_that_cannot_be_read_makes_no_report(  # type: ignore[no-untyped-def]
        qtbot, database: Database, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest,
        language: str) -> None:
    """A date that is not one is said in one sentence, its box in red; no preview, and Export (even
    Enter at once, before the preview follows) asks for no file and writes nothing."""
    if language == "ru":
        request.getfixturevalue("russian")
    dialog, asked = _custom_period(qtbot, database, monkeypatch)
    _type_date(qtbot, dialog.date_from, "31.02.2023", Qt.Key.Key_Return)
    assert asked == []
    said = {"en": "“31.02.2023” is not a day of the calendar: that month ends on ",
            "ru": "«31.02.2023» — такого дня нет в календаре"}[language]
    assert dialog.summary.text().startswith(said[:12]), dialog.summary.text()
    assert "\n" not in dialog.summary.text() and dialog.report is None
    assert not dialog.export_button.isEnabled() and dialog.preview.toPlainText() == ""
    assert "color" in dialog.date_from.styleSheet() and dialog.date_to.styleSheet() == ""
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked == []

    _type_date(qtbot, dialog.date_from, "2024-13-01")
    _type_date(qtbot, dialog.date_to, "")
    qtbot.waitUntil(lambda: "2024-13-01" in dialog.summary.text())
    _type_date(qtbot, dialog.date_from, "2024-01-01")
    qtbot.waitUntil(lambda: dialog.summary.text() != "" and "2024-13-01" not in dialog.summary.text())
    assert dialog.report is None and not dialog.export_button.isEnabled()  # To is empty: said, not guessed
    _type_date(qtbot, dialog.date_to, "2023-01-01")
    qtbot.waitUntil(lambda: dialog.summary.text() == dialog.tr(
        "The period ends before it starts; choose the dates again."))
    _type_date(qtbot, dialog.date_to, "2024-12-31")
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    assert dialog.report is not None and dialog.date_from.styleSheet() == ""
    assert "Bilateral on prevention" in dialog.preview.toPlainText()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_exporting_over_one_of_the_programs_backups_or_drafts_is_refused_and_keeps_it(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request, language: str) -> None:
    """Round 17: the save dialog, told Replace, wrote the report over a backup in the database's
    backups/ folder; a file in backups/ or drafts/ is now refused in one sentence and kept as it was (a
    database anywhere is refused too: tests/cli/test_output_over_own_files.py)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services.backups import back_up

    if language == "ru":
        request.getfixturevalue("russian")
    build_world(database)
    backup = back_up(database.path, "manual")
    draft = database.path.parent / "drafts" / database.path.name / "left.html"  # a name the dialog asked about
    draft.parent.mkdir(parents=True)
    draft.write_bytes(b"{}")
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    said = {"en": ("is in the folder where the program keeps its backups", "keeps its drafts"),
            "ru": ("в папке, где программа хранит свои резервные копии", "хранит свои черновики")}[language]
    for target, words in ((backup, said[0]), (draft, said[1])):
        before = target.read_bytes()
        messages: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, kept=messages: kept.append(text))
        monkeypatch.setattr(dialog, "choose_target", lambda kind, chosen=target: chosen)  # told Replace
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert len(messages) == 1 and str(target) in messages[0] and words in messages[0], messages
        assert target.read_bytes() == before
        assert not dialog.open_button.isEnabled()
